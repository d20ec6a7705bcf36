// The shortest chain linking two people ($a, $b: names or aliases) through
// acts, affiliations and quotations (SAID, SAID_TO); co-mentions do not count.
// Neo4j version; Kuzu: path-between-people.kuzu.cypher.
MATCH (a:Person)
WHERE a.name = $a OR $a IN a.aliases
MATCH (b:Person)
WHERE (b.name = $b OR $b IN b.aliases) AND a <> b
MATCH p = shortestPath((a)-[:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR|AFFILIATED_WITH|SAID|SAID_TO*..6]-(b))
RETURN [n IN nodes(p) | coalesce(n.name, n.text)] AS path, [r IN relationships(p) | type(r)] AS types, length(p) AS hops
