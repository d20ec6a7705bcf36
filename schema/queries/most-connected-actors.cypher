// The most connected actors: people, countries and organisations ranked by
// how many distinct others they interact with (spoke with, warned, urged,
// demanded, ... in either direction; mentions and affiliations not counted).
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// One version for both stores (Kuzu and Neo4j).
MATCH (a)-[r:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]-(b)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
// (count(*) comes before count(DISTINCT b): Kuzu 0.11.3 returns 0 for count(*) placed after it.)
RETURN a.name AS actor, a.key AS key, count(*) AS edges, count(DISTINCT b) AS partners, count(DISTINCT r.article) AS articles
ORDER BY partners DESC, edges DESC, actor
LIMIT 25
