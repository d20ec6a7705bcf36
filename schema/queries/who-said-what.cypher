// Who said what to whom: every attributed quotation with its speaker, the
// addressee when the text names one (SAID_TO), and the article it is from.
// One version for both stores (Kuzu and Neo4j).
MATCH (speaker)-[:SAID]->(q:Quote)
OPTIONAL MATCH (q)-[:SAID_TO]->(addressee)
RETURN speaker.name AS speaker, q.text AS quote, addressee.name AS addressee, q.article AS article, q.start AS start
ORDER BY article, start
