// Every quotation of one person ($name: the person's name or any alias,
// e.g. --param name="Sergei Lavrov"), with addressee and article.
// Optional $since / $until (YYYY-MM-DD): only quotations whose date overlaps
// the range (undated ones are then left out); unset, every one counts.
// One version for both stores (Kuzu and Neo4j).
MATCH (p:Person)-[:SAID]->(q:Quote)
WHERE (p.name = $name OR $name IN p.aliases)
  AND ($since IS NULL OR q.dateEnd >= $since) AND ($until IS NULL OR q.dateStart <= $until)
OPTIONAL MATCH (q)-[:SAID_TO]->(addressee)
RETURN p.name AS speaker, q.text AS quote, addressee.name AS addressee, q.cue AS cue, q.date AS date, q.article AS article, q.start AS start
ORDER BY article, start
