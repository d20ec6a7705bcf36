// How many articles report a given act ($actor, $type, $target: names or
// aliases and a relation type, e.g. --param actor=Blinken --param type=URGED
// --param target=Russia). SPOKE_WITH is symmetric and matches both ways.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Neo4j version; Kuzu: articles-reporting-act.kuzu.cypher.
MATCH (a)-[r]->(b)
WHERE type(r) = $type
  AND (((a.name = $actor OR $actor IN a.aliases) AND (b.name = $target OR $target IN b.aliases))
    OR (type(r) = 'SPOKE_WITH' AND (b.name = $actor OR $actor IN b.aliases) AND (a.name = $target OR $target IN a.aliases)))
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN count(DISTINCT r.article) AS articles, count(*) AS edges, collect(DISTINCT r.article) AS files
