// Who acted on a country ($country: its name or an alias, e.g.
// --param country=Russia): who warned, threatened, demanded of, urged,
// accused, rejected, supported, proposed to or deployed near it, by act type,
// with the modality (asserted, negated, hypothetical, future) and how many
// articles report it.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Neo4j version; Kuzu: who-acted-on-country.kuzu.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, reduce(s = toLower($country), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS wanted
MATCH (c:Country)
WHERE any(n IN [c.name] + c.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = wanted)
MATCH (actor)-[r:WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(c)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN type(r) AS act, actor.name AS actor, c.name AS country, r.modality AS modality, count(*) AS edges, count(DISTINCT r.article) AS articles
ORDER BY act, articles DESC, actor, modality
