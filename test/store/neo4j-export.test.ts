/**
 * The Neo4j files written without a server: the Cypher script (golden file,
 * idempotence shape) and the neo4j-admin import CSVs (golden files, values
 * parse back, the command names every file).
 * NG_UPDATE_GOLDEN=1 npx vitest run test/store/neo4j-export.test.ts rewrites the golden files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { toCypherScript, createCypherStatements } from '../../src/export/to-cypher.js';
import { createImportCommand, createNeo4jCsv, NEO4J_ARRAY_DELIMITER, shellQuote, writeNeo4jCsv } from '../../src/export/to-neo4j-csv.js';
import { cypherLiteral, cypherName, cypherString } from '../../src/export/cypher-escape.js';
import { edgeTypes, loadGraphSchema, nodeLabels } from '../../src/store/graph-schema.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.NG_UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} differs from the golden file (NG_UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, 'utf8'));
}

describe('cypher-escape', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['a\nb\r\tc', "'a\\nb\\r\\tc'"],
    ['nul\u0000 bell\u0007 del\u007f', "'nul\\u0000 bell\\u0007 del\\u007F'"],
    ['line\u2028sep', "'line\\u2028sep'"],
    ['lone \ud800 high', "'lone \\uD800 high'"],
    ['lone \udc00 low', "'lone \\uDC00 low'"],
    ['emoji 😀 é “q”', "'emoji 😀 é “q”'"],
    ['"double"', "'\"double\"'"],
  ])('cypherString(%j)', (value, literal) => {
    expect(cypherString(value)).toBe(literal);
  });

  it.each([
    ['Person', 'Person'],
    ['SAID_TO', 'SAID_TO'],
    ['has space', '`has space`'],
    ['back`tick', '`back``tick`'],
    ['1st', '`1st`'],
  ])('cypherName(%j)', (name, out) => {
    expect(cypherName(name)).toBe(out);
  });

  it('typed literals: doubles keep a decimal point, lists of strings, null', () => {
    expect(cypherLiteral('DOUBLE', 1)).toBe('1.0');
    expect(cypherLiteral('DOUBLE', 0.5)).toBe('0.5');
    expect(cypherLiteral('DOUBLE', 1e-30)).toBe('1e-30');
    expect(cypherLiteral('INT64', 42)).toBe('42');
    expect(cypherLiteral('STRING[]', ['a', "b'"])).toBe("['a', 'b\\'']");
    expect(cypherLiteral('STRING[]', [])).toBe('[]');
    expect(cypherLiteral('STRING', undefined)).toBe('null');
    expect(cypherLiteral('BOOLEAN', true)).toBe('true');
    expect(() => cypherLiteral('DOUBLE', Number.NaN)).toThrow();
  });
});

describe('toCypherScript', () => {
  it('matches the golden script for the basic graph', () => {
    golden('basic-graph.cypher', toCypherScript(createBasicGraph()));
  });

  it('constraints first, then MERGE on keys only (idempotent), one statement per batch', () => {
    const graph = createBasicGraph();
    const statements = createCypherStatements(graph, { batchSize: 2 });
    const schema = loadGraphSchema();
    const firstMerge = statements.findIndex((s) => s.startsWith('UNWIND'));
    expect(statements.slice(0, firstMerge).every((s) => /^CREATE (CONSTRAINT|INDEX) \S+ IF NOT EXISTS /.test(s))).toBe(true);
    expect(firstMerge).toBe(nodeLabels(schema).length + edgeTypes(schema).length);
    for (const s of statements.slice(firstMerge)) {
      expect(s).not.toMatch(/\bCREATE\b/);
      expect(s).toMatch(/MERGE \([a-z]:\w+ \{key: row\.key\}\)|MERGE \(a\)-\[r:\w+ \{key: row\.key\}\]->\(b\)/);
    }
    // 2 Persons, 2 Countries, 1 Organisation, 1 Article, 1 Quote -> 5 node batches of <= 2;
    // MENTIONED_IN from 2 Persons, 2 Countries, 1 Organisation -> 3 batches
    expect(statements.filter((s) => s.includes('MERGE (n:'))).toHaveLength(5);
    const mentions = statements.filter((s) => s.startsWith('UNWIND') && s.includes('[r:MENTIONED_IN'));
    expect(mentions.map((s) => s.split('\n').length - 2)).toEqual([2, 2, 1]);
  });

  it('writes every node and edge key once', () => {
    const graph = createBasicGraph();
    const script = toCypherScript(graph);
    for (const key of [...graph.nodes(), ...graph.edges()]) {
      expect(script.split(`{key: ${cypherString(key)},`).length - 1, key).toBe(1);
    }
  });
});

describe('neo4j-admin import CSV', () => {
  it('matches the golden files for the basic graph', () => {
    for (const f of createNeo4jCsv(createBasicGraph())) golden(`neo4j-csv/${f.name}`, f.content);
  });

  it('headers use the import tool format', () => {
    const files = createNeo4jCsv(createBasicGraph());
    const person = files.find((f) => f.name === 'nodes-Person.csv')!;
    expect(person.content.split('\n')[0]).toBe(
      'key:ID,name,aliases:string[],mentions:long,articles:long,roles:string[],affiliations:string[],confidence:double,:LABEL',
    );
    const urged = files.find((f) => f.name === 'relationships-URGED.csv')!;
    expect(urged.content.split('\n')[0]).toBe(
      ':START_ID,:END_ID,:TYPE,key,article,evidence,start:long,end:long,date,datePrecision,dateStart,dateEnd,dateText,cue,modality,reportedBy,role,confidence:double,rule,cameo,plover',
    );
  });

  it('every value parses back (quotes, newlines, lists, empty string vs missing)', () => {
    const graph = createBasicGraph();
    graph.mergeNodeAttributes('person:antony-blinken', { name: 'He said "no",\nthen left', aliases: ['a;b', 'c,d', '"e"'] });
    graph.mergeNodeAttributes('article:a1.txt', { title: '' });
    const files = createNeo4jCsv(graph);
    const read = (name: string) => parse(files.find((f) => f.name === name)!.content, { columns: true }) as Record<string, string>[];
    const person = read('nodes-Person.csv').find((r) => r['key:ID'] === 'person:antony-blinken')!;
    expect(person.name).toBe('He said "no",\nthen left');
    expect(person['aliases:string[]']!.split(NEO4J_ARRAY_DELIMITER)).toEqual(['a;b', 'c,d', '"e"']);
    expect(person[':LABEL']).toBe('Person');
    const article = files.find((f) => f.name === 'nodes-Article.csv')!.content;
    expect(article.split('\n')[1]).toMatch(/^"article:a1.txt","a1.txt","data\/a1.txt","","abc123","2026-03-05","dateline",,420,80,"Article"$/);
    const country = files.find((f) => f.name === 'nodes-Country.csv')!.content.split('\n')[1];
    expect(country).toBe('"country:russia","Russia","Russia\u001fMoscow",4,1,,,1,"RUS","Country"');
    const rels = files.filter((f) => f.kind === 'relationships').reduce((n, f) => n + f.rows, 0);
    expect(rels).toBe(graph.size);
  });

  it('the import command names every file and the options the files need', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-csv-'));
    try {
      const { files, command } = await writeNeo4jCsv(createBasicGraph(), dir, 'news');
      expect((await readdir(dir)).sort()).toEqual(files.map((f) => path.basename(f)).sort());
      // The database before the file lists (after them neo4j-admin reads it as one more file; the real-server test runs this command).
      expect(command).toMatch(/^neo4j-admin database import full news --array-delimiter=U\+001F --multiline-fields=true --id-type=string /);
      for (const f of files) expect(command).toContain(`=${f}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shell-quotes paths with spaces', () => {
    expect(shellQuote("my dir/it's.csv")).toBe("'my dir/it'\\''s.csv'");
    expect(createImportCommand([{ name: 'nodes-Person.csv', kind: 'nodes' }], 'out dir')).toContain("'--nodes=out dir/nodes-Person.csv'");
  });
});

/** The basic graph plus `n` people, each mentioned in the article and urging Russia: files of several pieces, MENTIONED_IN from three labels. */
function createWideGraph(n: number) {
  const graph = createBasicGraph();
  for (let i = 0; i < n; i++) {
    const key = `person:p-${String(i).padStart(4, '0')}`;
    graph.addNode(key, { label: 'Person', name: `Person “${i}”,\n"quoted"`, aliases: [`P${i}`, ''], mentions: i, articles: 1, roles: [], affiliations: [], confidence: i / n });
    graph.addDirectedEdgeWithKey(`MENTIONED_IN:${key}->article:a1.txt`, key, 'article:a1.txt', { type: 'MENTIONED_IN', article: 'a1.txt', count: i, surface: [`P${i}`] });
    graph.addDirectedEdgeWithKey(`URGED:${key}->country:russia@a1.txt:${i}`, key, 'country:russia', { type: 'URGED', article: 'a1.txt', evidence: `e${i}`, start: i, end: i + 1, cue: 'urged', modality: 'asserted', confidence: 0.5 });
  }
  return graph;
}

describe('neo4j-admin import CSV, streamed', () => {
  it('writes the golden files for the basic graph', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-stream-'));
    try {
      const { files } = await writeNeo4jCsv(createBasicGraph(), dir);
      for (const f of files) golden(`neo4j-csv/${path.basename(f)}`, readFileSync(f, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('files written piece by piece are the files made whole, for files of many pieces', async () => {
    const graph = createWideGraph(700);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-stream-'));
    try {
      const { files } = await writeNeo4jCsv(graph, dir);
      const whole = createNeo4jCsv(graph);
      expect(files.map((f) => path.basename(f))).toEqual(whole.map((f) => f.name));
      for (const f of whole) expect(readFileSync(path.join(dir, f.name), 'utf8'), f.name).toBe(f.content);
      // Every row once, in the files' own order: the pieces neither drop nor repeat a row.
      const people = parse(whole.find((f) => f.name === 'nodes-Person.csv')!.content, { columns: true }) as Record<string, string>[];
      expect(people.map((r) => r['key:ID'])).toEqual(graph.filterNodes((_k, a) => a.label === 'Person'));
      const mentions = parse(whole.find((f) => f.name === 'relationships-MENTIONED_IN.csv')!.content, { columns: true }) as Record<string, string>[];
      expect(mentions).toHaveLength(graph.filterEdges((_k, a) => a.type === 'MENTIONED_IN').length);
      expect(new Set(mentions.map((r) => r.key)).size).toBe(mentions.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('toCypherScript, batches made as they are read', () => {
  it('every row once whatever the batch size, rows in the same order', () => {
    const graph = createWideGraph(300);
    const rowsOf = (size: number) =>
      createCypherStatements(graph, { batchSize: size })
        .filter((s) => s.startsWith('UNWIND'))
        .flatMap((s) => s.split('\n').slice(1, -1).map((l) => l.replace(/,$/, '').trim()));
    const one = rowsOf(1);
    expect(one).toHaveLength(graph.order + graph.size);
    for (const size of [7, 128, 500, 10_000]) expect(rowsOf(size)).toEqual(one);
  });
});
