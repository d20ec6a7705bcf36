// The shortest chain linking two people ($a, $b: names or aliases) through
// acts, affiliations and quotations (SAID, SAID_TO); co-mentions do not count.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Neo4j version; Kuzu: path-between-people.kuzu.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, reduce(s = toLower($a), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS wantedA, reduce(s = toLower($b), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS wantedB
MATCH (a:Person)
WHERE any(n IN [a.name] + a.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = wantedA)
MATCH (b:Person)
WHERE any(n IN [b.name] + b.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = wantedB) AND a <> b
MATCH p = shortestPath((a)-[:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR|AFFILIATED_WITH|SAID|SAID_TO*..6]-(b))
RETURN [n IN nodes(p) | coalesce(n.name, n.text)] AS path, [r IN relationships(p) | type(r)] AS types, length(p) AS hops
