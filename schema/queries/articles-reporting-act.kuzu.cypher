// How many articles report a given act ($actor, $type, $target: names or
// aliases and a relation type, e.g. --param actor=Blinken --param type=URGED
// --param target=Russia). SPOKE_WITH is symmetric and matches both ways.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// The type matches in any case (urged, URGED).
// Kuzu version; Neo4j: articles-reporting-act.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, list_reduce(list_concat([lower($actor)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS actor, list_reduce(list_concat([lower($target)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS target
MATCH (a)-[r]->(b)
WHERE label(r) = upper($type)
  AND ((any(n IN list_concat([a.name], a.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = actor) AND any(n IN list_concat([b.name], b.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = target))
    OR (label(r) = 'SPOKE_WITH' AND any(n IN list_concat([b.name], b.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = actor) AND any(n IN list_concat([a.name], a.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = target)))
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN count(DISTINCT r.article) AS articles, count(*) AS edges, collect(DISTINCT r.article) AS files
