// Every quotation of one person ($name: the person's name or any alias,
// e.g. --param name="Sergei Lavrov"), with addressee and article.
// Optional $since / $until (YYYY-MM-DD): only quotations whose date overlaps
// the range (undated ones are then left out); unset, every one counts.
// Names and aliases match without regard to case and accents: both sides are
// lower-cased and the accented Latin letters in `folds` become their base letter.
// Neo4j version; Kuzu: quotes-of-person.kuzu.cypher.
WITH ['aàáâãäåāăą', 'cçćĉċč', 'dďđ', 'eèéêëēĕėęě', 'gĝğġģ', 'hĥħ', 'iìíîïĩīĭįı', 'jĵ', 'kķ', 'lĺļľŀł', 'nñńņňŉ', 'oòóôõöøōŏő', 'rŕŗř', 'sśŝşšș', 'tţťŧț', 'uùúûüũūŭůűų', 'wŵ', 'yýÿŷ', 'zźżž'] AS folds
WITH folds, reduce(s = toLower($name), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) AS wanted
MATCH (p:Person)-[:SAID]->(q:Quote)
WHERE any(n IN [p.name] + p.aliases WHERE reduce(s = toLower(n), f IN folds | reduce(t = s, i IN range(1, size(f) - 1) | replace(t, substring(f, i, 1), left(f, 1)))) = wanted)
  AND ($since IS NULL OR q.dateEnd >= $since) AND ($until IS NULL OR q.dateStart <= $until)
OPTIONAL MATCH (q)-[:SAID_TO]->(addressee)
RETURN p.name AS speaker, q.text AS quote, addressee.name AS addressee, q.cue AS cue, q.date AS date, q.article AS article, q.start AS start
ORDER BY article, start
