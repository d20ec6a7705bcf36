// Who said what to whom: every attributed quotation with its speaker, the
// addressee when the text names one (SAID_TO), and the article it is from.
// Optional $since / $until (YYYY-MM-DD): only quotations whose date overlaps
// the range (undated ones are then left out); unset, every one counts.
// One version for both stores (Kuzu and Neo4j).
MATCH (speaker)-[:SAID]->(q:Quote)
WHERE ($since IS NULL OR q.dateEnd >= $since) AND ($until IS NULL OR q.dateStart <= $until)
OPTIONAL MATCH (q)-[:SAID_TO]->(addressee)
RETURN speaker.name AS speaker, q.text AS quote, addressee.name AS addressee, q.date AS date, q.article AS article, q.start AS start
ORDER BY article, start
