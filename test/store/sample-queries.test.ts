/**
 * Every question in schema/queries/ run on the Kuzu store built from the
 * hand-built graph, with the rows it must return.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { queryKuzu, writeKuzuStore } from '../../src/store/kuzu-store.js';
import { describeQuery, loadSampleQueries, queryParameters } from '../../src/store/sample-queries.js';
import type { SampleQuery } from '../../src/store/sample-queries.js';

let tmp: string;
let db: string;
const queries = loadSampleQueries();
const byName = (name: string): SampleQuery => {
  const q = queries.find((x) => x.name === name);
  if (!q) throw new Error(`no query ${name}`);
  return q;
};
const run = async (name: string, params: Record<string, unknown> = {}) => (await queryKuzu(db, byName(name).kuzu, params)).rows;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-queries-'));
  db = path.join(tmp, 'graph.kuzu');
  await writeKuzuStore(createBasicGraph(), db);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const QUOTE = 'The secretary emphasized the willingness of the United States — “bilaterally” & <together>';

describe('schema/queries', () => {
  it('has every question, each with a comment saying what it answers', () => {
    expect(queries.map((q) => q.name)).toEqual([
      'actor-acts-over-time',
      'articles-reporting-act',
      'edges-with-evidence',
      'most-connected-actors',
      'officials-by-country',
      'path-between-people',
      'quotes-of-person',
      'who-acted-on-country',
      'who-said-what',
    ]);
    for (const q of queries) {
      expect(q.description.length, q.name).toBeGreaterThan(40);
      if (q.kuzuVariant) expect(describeQuery(q.kuzu).length, q.name).toBeGreaterThan(40);
      expect(queryParameters(q.kuzu).sort(), q.name).toEqual([...q.parameters].sort());
    }
  });

  it('the Neo4j and Kuzu versions of a query return the same columns', async () => {
    const returned = (text: string): string[] => {
      const ret = text.slice(text.lastIndexOf('\nRETURN '));
      return [...ret.matchAll(/ AS (\w+)/g)].map((m) => m[1]!);
    };
    for (const q of queries) {
      const params = Object.fromEntries(q.parameters.map((p) => [p, 'x']));
      const { columns } = await queryKuzu(db, q.kuzu, params);
      expect(columns, q.name).toEqual(returned(q.neo4j));
      expect(columns.length, q.name).toBeGreaterThan(0);
    }
  });

  it('who-said-what: speaker, quote, addressee, article', async () => {
    expect(await run('who-said-what')).toEqual([
      { speaker: 'Antony Blinken', quote: QUOTE, addressee: 'Sergei Lavrov', date: '2026-03-05', article: 'a1.txt', start: 120 },
    ]);
  });

  it.each([
    ['Antony Blinken', 1],
    ['Blinken', 1],
    ['Sergei Lavrov', 0],
    ['Nobody', 0],
  ])('quotes-of-person %s -> %i rows', async (name, n) => {
    const rows = await run('quotes-of-person', { name });
    expect(rows).toHaveLength(n);
    if (n) expect(rows[0]).toMatchObject({ speaker: 'Antony Blinken', quote: QUOTE, addressee: 'Sergei Lavrov', cue: 'said' });
  });

  it.each(['Russia', 'Moscow'])('who-acted-on-country %s (name or alias)', async (country) => {
    expect(await run('who-acted-on-country', { country })).toEqual([
      { act: 'THREATENED', actor: 'United States', country: 'Russia', modality: 'hypothetical', edges: 1, articles: 1 },
      { act: 'URGED', actor: 'Antony Blinken', country: 'Russia', modality: 'asserted', edges: 2, articles: 1 },
    ]);
    expect(await run('who-acted-on-country', { country: 'United States' })).toEqual([]);
  });

  it('officials-by-country: AFFILIATED_WITH with roles', async () => {
    expect(await run('officials-by-country')).toEqual([{ country: 'Russia', official: 'Sergei Lavrov', roles: ['Foreign Minister'], articles: 1 }]);
  });

  it('path-between-people: shortest chain both ways, none to oneself', async () => {
    expect(await run('path-between-people', { a: 'Blinken', b: 'Sergei Lavrov' })).toEqual([
      { path: ['Antony Blinken', 'Sergei Lavrov'], types: ['SPOKE_WITH'], hops: 1 },
    ]);
    expect(await run('path-between-people', { a: 'Lavrov', b: 'Antony Blinken' })).toEqual([
      { path: ['Sergei Lavrov', 'Antony Blinken'], types: ['SPOKE_WITH'], hops: 1 },
    ]);
    expect(await run('path-between-people', { a: 'Lavrov', b: 'Lavrov' })).toEqual([]);
  });

  it('path-between-people goes through quotations when there is no direct act', async () => {
    const g = createBasicGraph();
    g.dropEdge('SPOKE_WITH:person:antony-blinken->person:sergei-lavrov@a1.txt:0');
    const db2 = path.join(tmp, 'no-spoke.kuzu');
    await writeKuzuStore(g, db2);
    const rows = (await queryKuzu(db2, byName('path-between-people').kuzu, { a: 'Blinken', b: 'Lavrov' })).rows;
    expect(rows).toEqual([{ path: ['Antony Blinken', QUOTE, 'Sergei Lavrov'], types: ['SAID', 'SAID_TO'], hops: 2 }]);
  });

  it('most-connected-actors: ranked by distinct partners, then edges', async () => {
    expect(await run('most-connected-actors')).toEqual([
      { actor: 'Antony Blinken', key: 'person:antony-blinken', edges: 3, partners: 2, articles: 1 },
      { actor: 'Russia', key: 'country:russia', edges: 3, partners: 2, articles: 1 },
      { actor: 'Sergei Lavrov', key: 'person:sergei-lavrov', edges: 1, partners: 1, articles: 1 },
      { actor: 'United States', key: 'country:united-states', edges: 1, partners: 1, articles: 1 },
    ]);
  });

  it('edges-with-evidence: every act and affiliation with sentence and offset', async () => {
    const rows = await run('edges-with-evidence');
    expect(rows.map((r) => [r.type, r.source, r.target, r.modality, r.start])).toEqual([
      ['AFFILIATED_WITH', 'Sergei Lavrov', 'Russia', 'asserted', 0],
      ['SPOKE_WITH', 'Antony Blinken', 'Sergei Lavrov', 'asserted', 0],
      ['URGED', 'Antony Blinken', 'Russia', 'asserted', 70],
      ['URGED', 'Antony Blinken', 'Russia', 'asserted', 200],
      ['THREATENED', 'United States', 'Russia', 'hypothetical', 300],
    ]);
    expect(rows[2]).toMatchObject({ evidence: 'Price said the secretary urged the "Putin government" to <reduce> pressure & withdraw.', article: 'a1.txt', cue: 'urged' });
  });

  it.each([
    [{ actor: 'Antony Blinken', type: 'URGED', target: 'Russia' }, { articles: 1, edges: 2, files: ['a1.txt'] }],
    [{ actor: 'Blinken', type: 'URGED', target: 'Moscow' }, { articles: 1, edges: 2, files: ['a1.txt'] }],
    [{ actor: 'Russia', type: 'URGED', target: 'Blinken' }, { articles: 0, edges: 0, files: [] }],
    [{ actor: 'Lavrov', type: 'SPOKE_WITH', target: 'Blinken' }, { articles: 1, edges: 1, files: ['a1.txt'] }],
    [{ actor: 'Blinken', type: 'WARNED', target: 'Russia' }, { articles: 0, edges: 0, files: [] }],
  ])('articles-reporting-act %o', async (params, expected) => {
    const rows = await run('articles-reporting-act', params);
    expect(rows).toHaveLength(1);
    expect({ ...rows[0], files: rows[0]!.files ?? [] }).toEqual(expected);
  });

  it('actor-acts-over-time: the actor\'s acts oldest first, undated last, in a date range', async () => {
    const rows = await run('actor-acts-over-time', { actor: 'Blinken' });
    expect(rows.map((r) => [r.date, r.precision, r.act, r.target, r.start])).toEqual([
      ['2026-02', 'month', 'URGED', 'Russia', 200],
      ['2026-03-03', 'day', 'URGED', 'Russia', 70],
      [null, null, 'SPOKE_WITH', 'Sergei Lavrov', 0],
    ]);
    const march = await run('actor-acts-over-time', { actor: 'Blinken', since: '2026-03-01', until: '2026-03-31' });
    expect(march.map((r) => r.start)).toEqual([70]);
  });

  it.each([
    [{}, 2],
    [{ since: '2026-02-15' }, 2],
    [{ since: '2026-03-01' }, 1],
    [{ until: '2026-02-28' }, 1],
    [{ since: '2026-03-04', until: '2026-03-31' }, 0],
    [{ since: '2027-01-01' }, 0],
  ])('the date range %o gives %i URGED edges (a month overlaps a range that cuts into it)', async (range, n) => {
    const rows = await run('articles-reporting-act', { actor: 'Blinken', type: 'URGED', target: 'Russia', ...range });
    expect(rows[0]).toMatchObject({ edges: n });
    const byCountry = await run('who-acted-on-country', { country: 'Russia', ...range });
    expect(byCountry.find((r) => r.act === 'URGED')?.edges ?? 0).toBe(n);
  });

  it('$since / $until leave undated acts out and filter quotations by their date', async () => {
    expect((await run('edges-with-evidence', { since: '2000-01-01' })).map((r) => r.start)).toEqual([70, 200]);
    expect(await run('officials-by-country', { since: '2000-01-01' })).toEqual([]);
    expect(await run('most-connected-actors', { since: '2026-03-01' })).toHaveLength(2);
    expect(await run('who-said-what', { since: '2026-03-05', until: '2026-03-05' })).toHaveLength(1);
    expect(await run('who-said-what', { until: '2026-03-04' })).toHaveLength(0);
    expect(await run('quotes-of-person', { name: 'Blinken', since: '2026-03-06' })).toHaveLength(0);
  });

  it('counts distinct articles when two articles report the same act', async () => {
    const g = createBasicGraph();
    g.addNode('article:a2.txt', { label: 'Article', file: 'a2.txt', path: 'data/a2.txt', title: 'x', hash: 'h', chars: 1, tokens: 1 });
    g.addDirectedEdgeWithKey('URGED:person:antony-blinken->country:russia@a2.txt:5', 'person:antony-blinken', 'country:russia', {
      type: 'URGED', article: 'a2.txt', evidence: 'Blinken urged Moscow.', start: 5, end: 26, cue: 'urged', modality: 'asserted', confidence: 0.9,
    });
    const db3 = path.join(tmp, 'two.kuzu');
    await writeKuzuStore(g, db3);
    const rows = (await queryKuzu(db3, byName('articles-reporting-act').kuzu, { actor: 'Blinken', type: 'URGED', target: 'Russia' })).rows;
    expect(rows[0]).toMatchObject({ articles: 2, edges: 3 });
    expect([...(rows[0]!.files as string[])].sort()).toEqual(['a1.txt', 'a2.txt']);
  });
});

describe('schema/queries match names and aliases without regard to case and accents', () => {
  let accented: string;
  beforeAll(async () => {
    const g = createBasicGraph();
    // Accented spellings as the data may hold them (a name and an alias).
    g.mergeNodeAttributes('person:sergei-lavrov', { name: 'Sergueï Lavrov', aliases: ['Sergueï Lavrov', 'Lavrov'] });
    g.mergeNodeAttributes('country:russia', { aliases: ['Russia', 'Moscow', 'Rossíya'] });
    accented = path.join(tmp, 'accented.kuzu');
    await writeKuzuStore(g, accented);
  });
  const runOn = async (name: string, params: Record<string, unknown>) => (await queryKuzu(accented, byName(name).kuzu, params)).rows;

  it.each(['antony blinken', 'ANTONY BLINKEN', 'blinken', 'Antóny Blínken'])('quotes-of-person %s', async (name) => {
    expect(await runOn('quotes-of-person', { name })).toHaveLength(1);
  });

  it.each(['russia', 'RUSSIA', 'moscow', 'rossiya', 'ROSSÍYA', 'Rússia'])('who-acted-on-country %s', async (country) => {
    expect((await runOn('who-acted-on-country', { country })).map((r) => r.act)).toEqual(['THREATENED', 'URGED']);
  });

  it.each([['japan', 0], ['Russ', 0]])('who-acted-on-country %s: no partial matches -> %i rows', async (country, n) => {
    expect(await runOn('who-acted-on-country', { country })).toHaveLength(n);
  });

  it('path-between-people with a plain spelling of an accented name', async () => {
    const found = [{ path: ['Antony Blinken', 'Sergueï Lavrov'], types: ['SPOKE_WITH'], hops: 1 }];
    expect(await runOn('path-between-people', { a: 'antony blinken', b: 'SERGUEI LAVROV' })).toEqual(found);
    expect(await runOn('path-between-people', { a: 'Antony Blinken', b: 'sergue\u0131 lavrov' })).toEqual(found);
    // Another spelling is not an accent away: no match.
    expect(await runOn('path-between-people', { a: 'antony blinken', b: 'sergei lavrov' })).toEqual([]);
  });

  it.each(['blinken', 'ANTONY BLINKEN', 'Antóny Blínken'])('actor-acts-over-time %s', async (actor) => {
    const exact = await runOn('actor-acts-over-time', { actor: 'Antony Blinken' });
    expect(exact.length).toBeGreaterThan(0);
    expect(await runOn('actor-acts-over-time', { actor })).toEqual(exact);
  });

  it('articles-reporting-act: names and the type in any case', async () => {
    expect((await runOn('articles-reporting-act', { actor: 'blinken', type: 'urged', target: 'RÚSSIA' }))[0]).toMatchObject({ articles: 1, edges: 2 });
    expect((await runOn('articles-reporting-act', { actor: 'serguei lavrov', type: 'spoke_with', target: 'blinken' }))[0]).toMatchObject({ articles: 1, edges: 1 });
  });

  it('the Neo4j and Kuzu versions fold with the same table of letters', () => {
    const table = (text: string): string => /WITH (\[.*\]) AS folds/.exec(text)?.[1] ?? '';
    // Every query that takes a name (any parameter but the $since / $until dates) folds it.
    const takesName = (x: (typeof queries)[number]): boolean => x.parameters.some((p) => p !== 'since' && p !== 'until');
    expect(queries.filter(takesName).map((q) => q.name).sort()).toEqual(['actor-acts-over-time', 'articles-reporting-act', 'path-between-people', 'quotes-of-person', 'who-acted-on-country']);
    for (const q of queries.filter(takesName)) {
      expect(table(q.neo4j), q.name).not.toBe('');
      expect(table(q.kuzu), q.name).toBe(table(q.neo4j));
    }
  });
});
