// Who acted on a country ($country: its name or an alias, e.g.
// --param country=Russia): who warned, threatened, demanded of, urged,
// accused, rejected, supported, proposed to or deployed near it, by act type,
// with the modality (asserted, negated, hypothetical, future) and how many
// articles report it.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Kuzu version; Neo4j: who-acted-on-country.cypher. The folded names are a column of their own
// before the filter: kuzu 0.11.3 evaluates `any(... list_reduce ...)` wrongly in a WHERE
// followed by a second MATCH (it kept other countries' acts).
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, list_reduce(list_concat([lower($country)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS wanted
MATCH (c:Country)
WITH c, wanted, list_transform(list_concat([c.name], c.aliases), n -> list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g'))) AS keys
WHERE list_contains(keys, wanted)
MATCH (actor)-[r:WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(c)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN label(r) AS act, actor.name AS actor, c.name AS country, r.modality AS modality, count(*) AS edges, count(DISTINCT r.article) AS articles
ORDER BY act, articles DESC, actor, modality
