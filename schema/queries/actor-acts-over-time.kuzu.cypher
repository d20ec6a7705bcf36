// An actor's acts over time ($actor: a name or alias, e.g. --param
// actor=Blinken): every act it did (warned, urged, spoke with, accused, ...;
// affiliations left out), oldest first, with the date and its precision, the
// other party, the evidence sentence and the article. Undated acts come last.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out).
// Kuzu version; Neo4j: actor-acts-over-time.cypher.
MATCH (a)-[r:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(b)
WHERE (a.name = $actor OR $actor IN a.aliases)
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN r.date AS date, r.datePrecision AS precision, a.name AS actor, label(r) AS act, b.name AS target, r.evidence AS evidence, r.article AS article, r.start AS start
ORDER BY r.dateStart IS NULL, r.dateStart, r.dateEnd, article, start
