// An actor's acts over time ($actor: a name or alias, e.g. --param
// actor=Blinken): every act it did (warned, urged, spoke with, accused, ...;
// affiliations left out), oldest first, with the date and its precision, the
// other party, the evidence sentence and the article. Undated acts come last.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out).
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Neo4j version; Kuzu: actor-acts-over-time.kuzu.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, reduce(s = toLower($actor), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS wanted
MATCH (a)-[r:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR]->(b)
WHERE any(n IN [a.name] + a.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = wanted)
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN r.date AS date, r.datePrecision AS precision, a.name AS actor, type(r) AS act, b.name AS target, r.evidence AS evidence, r.article AS article, r.start AS start
ORDER BY r.dateStart IS NULL, r.dateStart, r.dateEnd, article, start
