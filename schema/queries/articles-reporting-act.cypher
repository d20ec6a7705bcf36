// How many articles report a given act ($actor, $type, $target: names or
// aliases and a relation type, e.g. --param actor=Blinken --param type=URGED
// --param target=Russia). SPOKE_WITH is symmetric and matches both ways.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// The type matches in any case (urged, URGED).
// Neo4j version; Kuzu: articles-reporting-act.kuzu.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, reduce(s = toLower($actor), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS actor, reduce(s = toLower($target), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS target
MATCH (a)-[r]->(b)
WHERE type(r) = toUpper($type)
  AND ((any(n IN [a.name] + a.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = actor) AND any(n IN [b.name] + b.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = target))
    OR (type(r) = 'SPOKE_WITH' AND any(n IN [b.name] + b.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = actor) AND any(n IN [a.name] + a.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = target)))
  AND ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN count(DISTINCT r.article) AS articles, count(*) AS edges, collect(DISTINCT r.article) AS files
