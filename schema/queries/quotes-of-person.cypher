// Every quotation of one person ($name: the person's name or any alias,
// e.g. --param name="Sergei Lavrov"), with addressee and article.
// One version for both stores (Kuzu and Neo4j).
MATCH (p:Person)-[:SAID]->(q:Quote)
WHERE p.name = $name OR $name IN p.aliases
OPTIONAL MATCH (q)-[:SAID_TO]->(addressee)
RETURN p.name AS speaker, q.text AS quote, addressee.name AS addressee, q.cue AS cue, q.article AS article, q.start AS start
ORDER BY article, start
