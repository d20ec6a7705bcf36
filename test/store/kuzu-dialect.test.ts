/**
 * The text rewrites that let Neo4j's Cypher run on the embedded store, and
 * the tokenizer under them (pure; the CLI tests run them on a database).
 */
import { describe, expect, it } from 'vitest';
import { statementParameters, tokenizeCypher } from '../../src/store/cypher-text.js';
import { kuzuHint, nameColumns, toKuzuCypher } from '../../src/store/kuzu-dialect.js';
import { refusal } from '../../src/store/query-guard.js';

describe('tokenizeCypher', () => {
  it.each([
    "RETURN 'it''s' AS a",
    'MATCH (a)-[:T*..6]-(b) // comment\nRETURN a /* block */, $p, `odd ``name```',
    "RETURN 'unterminated",
    'RETURN "esc\\"aped" AS x, 1.5e3',
  ])('gives the text back: %s', (text) => {
    expect(tokenizeCypher(text).map((t) => t.text).join('')).toBe(text);
  });

  it('tells strings, comments and parameters from code', () => {
    const kinds = tokenizeCypher("RETURN '$x' + $y // $z").filter((t) => t.kind !== 'space').map((t) => [t.kind, t.text]);
    expect(kinds).toEqual([['word', 'RETURN'], ['string', "'$x'"], ['punct', '+'], ['param', '$y'], ['comment', '// $z']]);
    expect(statementParameters("RETURN '$x' + $y // $z\n, $y, `$w`")).toEqual(['y']);
  });
});

describe('nameColumns', () => {
  it.each([
    ['MATCH (a)-[r]->(b) RETURN type(r), count(*)', 'MATCH (a)-[r]->(b) RETURN type(r) AS `type(r)`, count(*) AS `count(*)`'],
    ['MATCH (a) RETURN a.name AS name, a.key', 'MATCH (a) RETURN a.name AS name, a.key AS `a.key`'],
    ['MATCH (a) RETURN DISTINCT a.name ORDER BY a.name DESC LIMIT 3', 'MATCH (a) RETURN DISTINCT a.name AS `a.name` ORDER BY `a.name` DESC LIMIT 3'],
    ['MATCH (a) RETURN a.name AS n, count(*) ORDER BY count(*) DESC, n', 'MATCH (a) RETURN a.name AS n, count(*) AS `count(*)` ORDER BY `count(*)` DESC, n'],
    ['MATCH (a) RETURN *', 'MATCH (a) RETURN *'],
    ['MATCH (a) WITH a, count(*) AS c RETURN [x IN [1, 2] | x]', 'MATCH (a) WITH a, count(*) AS c RETURN [x IN [1, 2] | x] AS `[x IN [1, 2] | x]`'],
    ['RETURN 1 UNION RETURN 2', 'RETURN 1 UNION RETURN 2'],
    ['RETURN a.`odd name`', 'RETURN a.`odd name`'],
  ])('%s', (input, output) => {
    expect(nameColumns(input)).toBe(output);
  });
});

describe('toKuzuCypher', () => {
  it.each([
    ['RETURN type(r), toInteger(x), toFloat(x), toString(x)', 'RETURN label(r), to_int64(x), to_double(x), to_string(x)'],
    ['RETURN r.type, n.type(x)', 'RETURN r.type, n.type(x)'],
    ['MATCH p = shortestPath((a)-[:A|B*..6]-(b)) RETURN p', 'MATCH p = (a)-[:A|B* SHORTEST 1..6]-(b) RETURN p'],
    ['MATCH p = shortestPath((a)-[*2..5]->(b)) RETURN p', 'MATCH p = (a)-[* SHORTEST 2..5]->(b) RETURN p'],
    ['MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p', 'MATCH p = (a)-[* ALL SHORTEST]-(b) RETURN p'],
    ['RETURN [x IN xs | x.name]', 'RETURN list_transform(xs, x -> x.name)'],
    ['RETURN [x IN xs WHERE x > 1]', 'RETURN list_filter(xs, x -> x > 1)'],
    ['RETURN [x IN xs WHERE x > 1 | type(x)]', 'RETURN list_transform(list_filter(xs, x -> x > 1), x -> label(x))'],
    ['RETURN [x IN [y IN ys | y + 1] | x * 2]', 'RETURN list_transform(list_transform(ys, y -> y + 1), x -> x * 2)'],
    ["MATCH (a)-[r:A|B]->(b) RETURN 'type(r)' AS s", "MATCH (a)-[r:A|B]->(b) RETURN 'type(r)' AS s"],
  ])('%s', (input, output) => {
    expect(toKuzuCypher(input)).toBe(output);
  });

  it('hints name the Kùzu form for a Neo4j function it lacks', () => {
    expect(kuzuHint('Catalog exception: function STARTNODE does not exist.')).toMatch(/\(a\)-\[r\]->\(b\)/);
    expect(kuzuHint('Catalog exception: function FOO does not exist.')).toMatch(/show_functions/);
    expect(kuzuHint('Parser exception: something else')).toBeUndefined();
  });
});

describe('refusal', () => {
  it.each([
    "COPY (RETURN 'x' AS a) TO '/tmp/v.json'",
    'copy Person from "/tmp/p.csv"',
    "EXPORT DATABASE '/tmp/x'",
    "IMPORT DATABASE '/tmp/x'",
    "LOAD FROM '/etc/passwd' (delim=':') RETURN *",
    "MATCH (a) LOAD FROM 'x' RETURN *",
    'INSTALL httpfs',
    'LOAD EXTENSION httpfs',
    'LOAD httpfs',
    "ATTACH '/tmp/x' AS y (dbtype kuzu)",
    "CALL read_csv_serial('/etc/passwd') RETURN *",
    'CALL threads=4',
    'CALL db.labels()',
    'RETURN 1; RETURN 2',
  ])('refuses %s', (statement) => {
    expect(refusal(statement)).toBeDefined();
  });

  it.each([
    'RETURN 1;',
    "RETURN 'COPY x TO y' /* LOAD FROM */",
    'MATCH (copy:Person) RETURN copy.name AS load',
    'WITH 1 AS load RETURN load',
    'MATCH (n) RETURN n.copy, n.`load`',
    'CALL show_tables() RETURN *',
    "CALL table_info('Person') RETURN *",
  ])('lets %s run', (statement) => {
    expect(refusal(statement)).toBeUndefined();
  });
});
