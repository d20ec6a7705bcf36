import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { writeKuzuStore } from '../../src/store/kuzu-store.js';
import { command, parseParam } from '../../src/cli/commands/query.js';
import { formatTable } from '../../src/store/format-table.js';
import { EXIT } from '../../src/cli/command.js';
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
});

async function runQuery(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const code = await command.run(argv);
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
    expect(json.columns).toEqual(['speaker', 'quote', 'addressee', 'cue', 'article', 'start']);
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
});
