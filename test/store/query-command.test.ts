import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { writeKuzuStore } from '../../src/store/kuzu-store.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { command, parseParam } from '../../src/cli/commands/query.js';
import { fitWidths, formatTable, wrap } from '../../src/store/format-table.js';
import { EXIT, runCommand } from '../../src/cli/command.js';
import { QUERIES_DIR } from '../../src/store/sample-queries.js';

let tmp: string;
let db: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-query-cmd-'));
  db = path.join(tmp, 'graph.kuzu');
  await writeKuzuStore(createBasicGraph(), db);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.COLUMNS;
});

async function runQuery(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const code = await runCommand(command, argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('newsgraph query', () => {
  it('prints an aligned table', async () => {
    const r = await runQuery(['MATCH (c:Country) RETURN c.name AS name, c.iso3 AS iso3 ORDER BY name', '--db', db]);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toBe(['name          | iso3', '--------------+-----', 'Russia        | RUS', 'United States | USA', '(2 rows)', ''].join('\n'));
  });

  it('--json prints columns and rows', async () => {
    const r = await runQuery(['--db', db, '--json', '--file', path.join(QUERIES_DIR, 'quotes-of-person.cypher'), '--param', 'name=Blinken']);
    expect(r.code).toBe(EXIT.OK);
    const json = JSON.parse(r.out) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(json.columns).toEqual(['speaker', 'quote', 'addressee', 'cue', 'date', 'article', 'start']);
    expect(json.rows[0]).toMatchObject({ speaker: 'Antony Blinken', addressee: 'Sergei Lavrov', start: 120 });
  });

  it('--file x.cypher runs x.kuzu.cypher when it exists', async () => {
    const r = await runQuery(['--db', db, '--json', '--file', path.join(QUERIES_DIR, 'who-acted-on-country.cypher'), '--param', 'country=Russia']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.OK);
    expect((JSON.parse(r.out) as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it('a bad query: one line on stderr, exit 3', async () => {
    const r = await runQuery(['MATCH (n:Nope) RETURN n', '--db', db]);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^newsgraph query: query failed: /);
  });

  it('a missing database says to run newsgraph build first', async () => {
    const r = await runQuery(['RETURN 1', '--db', path.join(tmp, 'nothing.kuzu')]);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/newsgraph build/);
  });

  it.each([[[]], [['a', 'b']], [['RETURN 1', '--file', 'x.cypher']], [['--nope']]])('usage error %j -> exit 2', async (argv) => {
    expect((await runQuery(argv)).code).toBe(EXIT.USAGE);
  });

  it('--help prints usage with an example', async () => {
    const r = await runQuery(['--help']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('Examples:');
  });
});

describe('parseParam', () => {
  it.each([
    ['name=Sergei Lavrov', ['name', 'Sergei Lavrov']],
    ['$name=x', ['name', 'x']],
    ['n=5', ['n', 5]],
    ['flag=true', ['flag', true]],
    ['list=["a","b"]', ['list', ['a', 'b']]],
    ['s="5"', ['s', '5']],
    ['eq=a=b', ['eq', 'a=b']],
    ['t=[unclosed', ['t', '[unclosed']],
  ])('%s', (text, expected) => {
    expect(parseParam(text)).toEqual(expected);
  });
  it('rejects a missing name', () => {
    expect(() => parseParam('=x')).toThrow();
  });
});

describe('formatTable', () => {
  it('puts nodes, lists and newlines on one line', () => {
    const t = formatTable(['n', 'l', 's'], [{ n: { _label: 'Person', _id: { offset: 0, table: 0 }, name: 'A' }, l: ['x', 'y'], s: 'a\nb' }]);
    expect(t.split('\n')[2]).toBe('(:Person A) | [x, y] | a b');
  });

  it('escapes terminal control characters in values and headers (a name scraped with an ESC sequence)', () => {
    const t = formatTable(['name\u001b[2J'], [{ 'name\u001b[2J': { _label: 'Person', name: 'Evil\u001b[31m Red\u0007' } }]);
    expect(t).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(t.split('\n')[0]).toBe('name\\x1b[2J');
    expect(t.split('\n')[2]).toBe('(:Person Evil\\x1b[31m Red\\x07)');
  });
});

const rowsOf = (out: string): Record<string, unknown>[] => (JSON.parse(out) as { rows: Record<string, unknown>[] }).rows;

describe('newsgraph query: parameters', () => {
  it('a shipped query run without its parameter is exit 2 naming it and the --param syntax', async () => {
    const r = await runQuery(['--db', db, '--file', path.join(QUERIES_DIR, 'who-acted-on-country.cypher')]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('$country');
    expect(r.err).toContain('--param country=');
  });

  it('a parameter the query does not use is exit 2 (a typo is not silently ignored)', async () => {
    const r = await runQuery(['--db', db, '--file', path.join(QUERIES_DIR, 'who-acted-on-country.cypher'), '--param', 'contry=Russia', '--param', 'country=Russia']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toMatch(/--param contry: the query has no such parameter \(it uses \$country, \$since, \$until\)/);
  });

  it('$since / $until, which the query tests for null itself, may be left out; set, they filter', async () => {
    const file = path.join(QUERIES_DIR, 'who-acted-on-country.cypher');
    const all = await runQuery(['--db', db, '--json', '--file', file, '--param', 'country=Russia']);
    expect(all.code).toBe(EXIT.OK);
    expect(rowsOf(all.out).length).toBeGreaterThan(0);
    const later = await runQuery(['--db', db, '--json', '--file', file, '--param', 'country=Russia', '--param-str', 'since=2999-01-01']);
    expect(later.code).toBe(EXIT.OK);
    expect(rowsOf(later.out)).toEqual([]);
  });

  it('a shipped query matches the name in another case', async () => {
    const r = await runQuery(['--db', db, '--json', '--file', path.join(QUERIES_DIR, 'who-acted-on-country.cypher'), '--param', 'country=russia']);
    expect(r.code).toBe(EXIT.OK);
    expect(rowsOf(r.out).map((x) => x.act)).toEqual(['THREATENED', 'URGED']);
  });

  it.each([
    [['--param', 'v=5'], 5],
    [['--param', 'v=null'], null],
    [['--param', 'v=true'], true],
    [['--param', 'v=Lavrov'], 'Lavrov'],
    [['--param-str', 'v=5'], '5'],
    [['--param-str', 'v=null'], 'null'],
    [['--param-str', 'v="quoted"'], '"quoted"'],
  ])('%j -> %j', async (args, value) => {
    const r = await runQuery(['RETURN $v AS v', '--db', db, '--json', ...args]);
    expect(r.code).toBe(EXIT.OK);
    expect(rowsOf(r.out)).toEqual([{ v: value }]);
  });

  it('--help says how values are typed and how to pass text as is', async () => {
    const r = await runQuery(['--help']);
    expect(r.out).toMatch(/--param x=null is null/);
    expect(r.out).toContain('--param-str name=TEXT');
  });
});

describe('newsgraph query: Neo4j forms on the embedded store', () => {
  it('type(r) runs as label(r), and columns are named as written', async () => {
    const r = await runQuery(['MATCH (a)-[r]->(b:Country) RETURN type(r), count(a) ORDER BY type(r)', '--db', db, '--json']);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(json.columns).toEqual(['type(r)', 'count(a)']);
    expect(json.rows).toContainEqual({ 'type(r)': 'URGED', 'count(a)': 2 });
  });

  it('the table header is the expression as written', async () => {
    const r = await runQuery(["MATCH (p:Person) WHERE p.name = 'Sergei Lavrov' RETURN toUpper(p.name), p.name AS name", '--db', db]);
    expect(r.out.split('\n')[0]).toBe('toUpper(p.name) | name');
  });

  it.each([
    ['shortestPath', "MATCH (a:Person {name: 'Antony Blinken'}), (b:Country {name: 'Russia'}) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN length(p) AS hops", [{ hops: 1 }]],
    ['allShortestPaths', "MATCH (a:Person {name: 'Antony Blinken'}), (b:Country {name: 'Russia'}) MATCH p = allShortestPaths((a)-[:URGED*]-(b)) RETURN length(p) AS hops", [{ hops: 1 }, { hops: 1 }]],
    ['list comprehension', "MATCH (p:Person {name: 'Antony Blinken'}) RETURN [x IN p.aliases WHERE x <> 'Blinken' | toUpper(x)] AS up", [{ up: ['ANTONY BLINKEN', 'ANTHONY BLINGEN'] }]],
    ['relationships(p) and type()', "MATCH (a:Person {name: 'Sergei Lavrov'}), (b:Country {name: 'Russia'}) MATCH p = shortestPath((a)-[*..2]->(b)) RETURN [r IN relationships(p) | type(r)] AS types", [{ types: ['AFFILIATED_WITH'] }]],
  ])('%s', async (_name, cypher, rows) => {
    const r = await runQuery([cypher, '--db', db, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.OK);
    expect(rowsOf(r.out)).toEqual(rows);
  });

  it('a Neo4j function Kùzu lacks fails with a hint naming the Kùzu form', async () => {
    const r = await runQuery(['MATCH ()-[r:URGED]->() RETURN startNode(r)', '--db', db]);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('(a)-[r]->(b)');
  });
});

describe('newsgraph query: output', () => {
  const LONG = 'MATCH (a)-[r:URGED]->(b) WHERE r.start = 70 RETURN a.name AS actor, r.evidence AS evidence';
  const evidence = 'Price said the secretary urged the "Putin government" to <reduce> pressure & withdraw.';

  it('a table does not cut values (piped: one line per row)', async () => {
    const r = await runQuery([LONG, '--db', db]);
    expect(r.out.split('\n')[2]).toBe(`Antony Blinken | ${evidence}`);
  });

  it('a table wraps long values within their column to fit the terminal width', async () => {
    process.env.COLUMNS = '50';
    const r = await runQuery([LONG, '--db', db]);
    const lines = r.out.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
    const cells = lines.slice(2, -1).map((l) => l.split(' | ')[1]!.trim());
    expect(cells.join(' ')).toBe(evidence);
    expect(lines.at(-1)).toBe('(1 row)');
  });

  it('--wide keeps one line per row whatever the width', async () => {
    process.env.COLUMNS = '50';
    const r = await runQuery([LONG, '--db', db, '--wide']);
    expect(r.out.split('\n')[2]).toBe(`Antony Blinken | ${evidence}`);
  });

  it('--csv prints a header and RFC 4180 records', async () => {
    const r = await runQuery([LONG, '--db', db, '--csv']);
    expect(r.code).toBe(EXIT.OK);
    expect(parseCsv(r.out)).toEqual([['actor', 'evidence'], ['Antony Blinken', evidence]]);
  });

  it('--json and --csv together are a usage error', async () => {
    expect((await runQuery(['RETURN 1', '--db', db, '--json', '--csv'])).code).toBe(EXIT.USAGE);
  });

  it('a table shows 1000 rows by default and says so in the footer', async () => {
    const r = await runQuery(['UNWIND range(1, 1500) AS x RETURN x', '--db', db]);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 1000 + 1);
    expect(lines.at(-1)).toBe('(first 1000 rows of 1500; --limit N shows more, --limit 0 all)');
  });

  it('--limit N and --limit 0', async () => {
    expect((await runQuery(['UNWIND range(1, 1500) AS x RETURN x', '--db', db, '--limit', '0'])).out.trimEnd().split('\n').at(-1)).toBe('(1500 rows)');
    const r = await runQuery(['UNWIND range(1, 10) AS x RETURN x', '--db', db, '--limit', '3', '--json']);
    expect(rowsOf(r.out)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(r.err).toContain('first 3 of 10 rows');
    expect((await runQuery(['RETURN 1', '--db', db, '--limit', 'many'])).code).toBe(EXIT.USAGE);
  });

  it('--json and --csv print every row by default', async () => {
    expect(rowsOf((await runQuery(['UNWIND range(1, 1500) AS x RETURN x', '--db', db, '--json'])).out)).toHaveLength(1500);
    expect((await runQuery(['UNWIND range(1, 1500) AS x RETURN x', '--db', db, '--csv'])).out.trimEnd().split('\n')).toHaveLength(1501);
  });

  it('an empty result is valid JSON', async () => {
    const r = await runQuery(['MATCH (p:Person) WHERE p.name = "nobody" RETURN p.name AS n', '--db', db, '--json']);
    expect(JSON.parse(r.out)).toEqual({ columns: ['n'], rows: [] });
  });

  it('a table of 200,000 rows is printed', async () => {
    const r = await runQuery(['UNWIND range(1, 200000) AS x RETURN x, "row " + to_string(x) AS label', '--db', db, '--limit', '0']);
    expect(r.code).toBe(EXIT.OK);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 200000 + 1);
    expect(lines.at(-2)).toBe('200000 | row 200000');
  }, 120_000);

  it('--timeout stops a long statement with exit 3 naming the limit', async () => {
    const r = await runQuery(['UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y WITH x * y AS z WHERE z % 7 = 3 RETURN count(*)', '--db', db, '--timeout', '0.05']);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/longer than the timeout of 0.05 s/);
    expect((await runQuery(['RETURN 1', '--db', db, '--timeout', '0'])).code).toBe(EXIT.USAGE);
  }, 120_000);
});

describe('newsgraph query: the database', () => {
  it('--db takes the output folder and uses its graph.kuzu', async () => {
    const r = await runQuery(['MATCH (c:Country) RETURN count(c) AS n', '--db', tmp, '--json']);
    expect(r.err).toBe('');
    expect(rowsOf(r.out)).toEqual([{ n: 2 }]);
  });

  it('a folder without graph.kuzu says what it expects', async () => {
    const empty = path.join(tmp, 'empty-folder');
    await mkdir(empty, { recursive: true });
    const r = await runQuery(['RETURN 1', '--db', empty]);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/folder without graph\.kuzu/);
  });

  it.each([
    ['an empty file', async () => {
      const f = path.join(tmp, 'empty.kuzu');
      await writeFile(f, '');
      return f;
    }, /empty file/],
    ['the null device', async () => '/dev/null', /not a database file/],
    ['another file', async () => {
      const f = path.join(tmp, 'notes.kuzu');
      await writeFile(f, 'some notes');
      return f;
    }, /not a Kùzu database/],
  ])('%s is an error, never an empty database', async (_name, make, message) => {
    const file = await make();
    const r = await runQuery(['RETURN 1', '--db', file]);
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    if (file !== '/dev/null') expect(existsSync(`${file}.wal`)).toBe(false);
  });
});

describe('newsgraph query: statements that reach files, the network or native code are refused', () => {
  const victim = (): string => path.join(tmp, 'victim.json');

  it.each([
    ['COPY ... TO', `COPY (RETURN 'x' AS a) TO '${path.join(os.tmpdir(), 'ng-victim.json')}'`],
    ['COPY ... FROM', "COPY Person FROM '/etc/passwd'"],
    ['EXPORT DATABASE', "EXPORT DATABASE '/tmp/ng-export'"],
    ['IMPORT DATABASE', "IMPORT DATABASE '/tmp/ng-export'"],
    ['LOAD FROM', "LOAD FROM '/etc/passwd' (delim=':', header=false) RETURN *"],
    ['LOAD WITH HEADERS', "LOAD WITH HEADERS (a STRING) FROM '/etc/passwd' RETURN *"],
    ['LOAD FROM after MATCH', "MATCH (p:Person) LOAD FROM '/etc/passwd' RETURN *"],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD EXTENSION', 'LOAD EXTENSION httpfs'],
    ['LOAD <extension>', 'load httpfs'],
    ['UNINSTALL', 'UNINSTALL json'],
    ['ATTACH', "ATTACH '/tmp/other.kuzu' AS other (dbtype kuzu)"],
    ['CALL read_csv', "CALL READ_CSV_SERIAL('/etc/passwd') RETURN *"],
    ['CALL read_parquet', "CALL read_parquet('/tmp/x.parquet') RETURN *"],
    ['CALL file_info', "CALL file_info('/etc/passwd') RETURN *"],
    ['CALL of a setting', "CALL home_directory='/tmp'"],
    ['CALL of a Neo4j procedure', 'CALL db.labels()'],
    ['two statements', "RETURN 1; COPY (RETURN 1 AS a) TO '/tmp/x.csv'"],
  ])('%s: one line, exit 2', async (_name, cypher) => {
    const r = await runQuery([cypher, '--db', db]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^newsgraph query: refused: /);
  });

  it('COPY TO writes nothing', async () => {
    const r = await runQuery([`COPY (RETURN 'x' AS a) TO '${victim()}'`, '--db', db]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(existsSync(victim())).toBe(false);
  });

  it('refused before the database is opened (even with no database)', async () => {
    const r = await runQuery(['INSTALL httpfs', '--db', path.join(tmp, 'absent.kuzu')]);
    expect(r.code).toBe(EXIT.USAGE);
  });

  it.each([
    ['the words inside a string', "RETURN 'COPY (RETURN 1) TO x; LOAD FROM y; INSTALL z' AS copy"],
    ['a comment', "RETURN 1 AS one // COPY x TO '/tmp/y'"],
    ['a block comment', "RETURN 1 /* LOAD FROM '/etc/passwd' */ AS one"],
    ['variables and properties named like clauses', 'MATCH (copy:Person) WITH copy AS load RETURN load.name AS export ORDER BY export LIMIT 1'],
    ['a catalogue function', 'CALL show_tables() RETURN name ORDER BY name LIMIT 1'],
    ['a trailing semicolon', 'RETURN 1 AS one;'],
  ])('%s still runs', async (_name, cypher) => {
    const r = await runQuery([cypher, '--db', db, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.OK);
    expect(rowsOf(r.out)).toHaveLength(1);
  });
});

describe('table layout', () => {
  it('fitWidths keeps narrow columns and shares the rest', () => {
    expect(fitWidths([5, 100], 40)).toEqual([5, 32]);
    expect(fitWidths([5, 10], 40)).toEqual([5, 10]);
    expect(fitWidths([5, 10], undefined)).toEqual([5, 10]);
  });
  it('wrap breaks at spaces, and inside a word only when it is longer than the line', () => {
    expect(wrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });
});
