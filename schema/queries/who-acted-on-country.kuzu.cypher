// Who acted on a country ($country: its name or an alias, e.g.
// --param country=Russia): who warned, threatened, demanded of, urged,
// accused, rejected, supported, proposed to or deployed near it, by act type,
// with the modality (asserted, negated, hypothetical, future) and how many
// articles report it.
// Kuzu version; Neo4j: who-acted-on-country.cypher.
MATCH (c:Country)
WHERE c.name = $country OR $country IN c.aliases
MATCH (actor)-[r:WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(c)
RETURN label(r) AS act, actor.name AS actor, c.name AS country, r.modality AS modality, count(*) AS edges, count(DISTINCT r.article) AS articles
ORDER BY act, articles DESC, actor, modality
