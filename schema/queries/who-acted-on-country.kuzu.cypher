// Who acted on a country ($country: its name or an alias, e.g.
// --param country=Russia): who warned, threatened, demanded of, urged,
// accused, rejected, supported, proposed to or deployed near it, by act type,
// with the modality (asserted, negated, hypothetical, future) and how many
// articles report it.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Kuzu version; Neo4j: who-acted-on-country.cypher.
MATCH (c:Country)
WHERE c.name = $country OR $country IN c.aliases
MATCH (actor)-[r:WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(c)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN label(r) AS act, actor.name AS actor, c.name AS country, r.modality AS modality, count(*) AS edges, count(DISTINCT r.article) AS articles
ORDER BY act, articles DESC, actor, modality
