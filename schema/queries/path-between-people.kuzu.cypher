// The shortest chain linking two people ($a, $b: names or aliases) through
// acts, affiliations and quotations (SAID, SAID_TO); co-mentions do not count.
// Kuzu version; Neo4j: path-between-people.cypher.
MATCH (a:Person), (b:Person)
WHERE (a.name = $a OR $a IN a.aliases) AND (b.name = $b OR $b IN b.aliases) AND a.key <> b.key
MATCH p = (a)-[:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR|AFFILIATED_WITH|SAID|SAID_TO* SHORTEST 1..6]-(b)
RETURN list_transform(nodes(p), n -> coalesce(n.name, n.text)) AS path, list_transform(rels(p), r -> label(r)) AS types, length(p) AS hops
