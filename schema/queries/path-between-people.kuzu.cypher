// The shortest chain linking two people ($a, $b: names or aliases) through
// acts, affiliations and quotations (SAID, SAID_TO); co-mentions do not count.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Kuzu version; Neo4j: path-between-people.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, list_reduce(list_concat([lower($a)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS wantedA, list_reduce(list_concat([lower($b)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS wantedB
MATCH (a:Person), (b:Person)
WHERE any(n IN list_concat([a.name], a.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = wantedA)
  AND any(n IN list_concat([b.name], b.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = wantedB)
  AND a.key <> b.key
MATCH p = (a)-[:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR|AFFILIATED_WITH|SAID|SAID_TO* SHORTEST 1..6]-(b)
RETURN list_transform(nodes(p), n -> coalesce(n.name, n.text)) AS path, list_transform(rels(p), r -> label(r)) AS types, length(p) AS hops
