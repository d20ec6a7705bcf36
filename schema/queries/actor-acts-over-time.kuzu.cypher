// An actor's acts over time ($actor: a name or alias, e.g. --param
// actor=Blinken): every act it did (warned, urged, spoke with, accused, ...;
// affiliations left out), oldest first, with the date and its precision, the
// other party, the evidence sentence and the article. Undated acts come last.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out).
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Kuzu version; Neo4j: actor-acts-over-time.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, list_reduce(list_concat([lower($actor)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) AS wanted
MATCH (a)-[r:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(b)
WHERE any(n IN list_concat([a.name], a.aliases) WHERE list_reduce(list_concat([lower(n)], folds), (s, f) -> regexp_replace(s, '[' + substring(f, 2, size(f)) + ']', substring(f, 1, 1), 'g')) = wanted)
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN r.date AS date, r.datePrecision AS precision, a.name AS actor, label(r) AS act, b.name AS target, r.evidence AS evidence, r.article AS article, r.start AS start
ORDER BY r.dateStart IS NULL, r.dateStart, r.dateEnd, article, start
