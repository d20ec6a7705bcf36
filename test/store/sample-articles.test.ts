/**
 * The sample articles (data/articles) built by the pipeline into the Kuzu
 * store; every question in schema/queries/ must return the rows that the
 * in-memory graph says it should (computed here independently, in JS).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityNodeAttributes, NewsGraph, QuoteNodeAttributes } from '../../src/graph/attributes.js';
import { isEntityNode } from '../../src/graph/attributes.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { DATA_DIR } from '../../src/paths.js';
import { queryKuzu } from '../../src/store/kuzu-store.js';
import { loadSampleQueries } from '../../src/store/sample-queries.js';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { createCypherStatements } from '../../src/export/to-cypher.js';
import { createPushPlan } from '../../src/store/neo4j-store.js';
import { readGraphJson } from '../../src/cli/commands/push.js';
import { edgeTypes, loadGraphSchema, nodeLabels, propertyKeys } from '../../src/store/graph-schema.js';

const ACTS = ['SPOKE_WITH', 'WARNED', 'THREATENED', 'DEMANDED', 'URGED', 'ACCUSED', 'REJECTED', 'SUPPORTED', 'PROPOSED', 'DEPLOYED_NEAR'];
const queries = new Map(loadSampleQueries().map((q) => [q.name, q]));
let tmp: string;
let db: string;
let graph: NewsGraph;

const run = async (name: string, params: Record<string, unknown> = {}) => (await queryKuzu(db, queries.get(name)!.kuzu, params)).rows;
const entity = (key: string): EntityNodeAttributes | undefined => {
  const a = graph.getNodeAttributes(key);
  return isEntityNode(a) ? a : undefined;
};
/** Same rule as the queries: the name or one of the aliases. */
const named = (key: string, x: string): boolean => {
  const a = entity(key);
  return !!a && (a.name === x || a.aliases.includes(x));
};
const edgesOf = (types: string[]): string[] => graph.filterEdges((_k, a) => types.includes(a.type));

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-samples-'));
  const result = await runBuild({ inputs: [path.join(DATA_DIR, 'articles')], outDir: tmp });
  graph = result.graph;
  db = path.join(tmp, 'graph.kuzu');
  expect(result.outputs).toContain(db);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('Kuzu store built from the sample articles', () => {
  it('holds every node and edge of the graph', async () => {
    expect(graph.order).toBeGreaterThan(20);
    expect((await queryKuzu(db, 'MATCH (n) RETURN count(n) AS n')).rows[0]!.n).toBe(graph.order);
    expect((await queryKuzu(db, 'MATCH ()-[r]->() RETURN count(r) AS n')).rows[0]!.n).toBe(graph.size);
  });

  it('who-said-what: one row per quote and addressee', async () => {
    let expected = 0;
    for (const said of edgesOf(['SAID'])) expected += Math.max(1, graph.outEdges(graph.target(said)).filter((e) => graph.getEdgeAttribute(e, 'type') === 'SAID_TO').length);
    const rows = await run('who-said-what');
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    for (const r of rows) expect(typeof r.quote === 'string' && typeof r.article === 'string').toBe(true);
  });

  it('quotes-of-person: every speaker gets exactly their SAID quotes', async () => {
    const speakers = new Set(edgesOf(['SAID']).map((e) => graph.source(e)).filter((k) => graph.getNodeAttribute(k, 'label') === 'Person'));
    expect(speakers.size).toBeGreaterThan(0);
    for (const key of speakers) {
      const name = entity(key)!.name;
      const quotes = new Set(edgesOf(['SAID']).filter((e) => named(graph.source(e), name) && graph.getNodeAttribute(graph.source(e), 'label') === 'Person').map((e) => graph.target(e)));
      const rows = await run('quotes-of-person', { name });
      const quoteIds = [...quotes].map((q) => {
        const a = graph.getNodeAttributes(q) as QuoteNodeAttributes;
        return `${a.article}:${a.start}`;
      });
      expect(new Set(rows.map((r) => `${r.article}:${r.start}`)), name).toEqual(new Set(quoteIds));
    }
  });

  it('who-acted-on-country: edge counts per country match the graph', async () => {
    const countries = graph.filterNodes((_k, a) => a.label === 'Country');
    let checked = 0;
    for (const c of countries) {
      const name = entity(c)!.name;
      const targets = countries.filter((k) => named(k, name));
      const expected = edgesOf(ACTS.filter((t) => t !== 'SPOKE_WITH')).filter((e) => targets.includes(graph.target(e))).length;
      const rows = await run('who-acted-on-country', { country: name });
      expect(rows.reduce((n, r) => n + Number(r.edges), 0), name).toBe(expected);
      expect(rows.filter((r) => r.country !== name), name).toEqual([]);
      checked += expected;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('officials-by-country: one row per (country, person) affiliation', async () => {
    const pairs = new Set(
      edgesOf(['AFFILIATED_WITH'])
        .filter((e) => graph.getNodeAttribute(graph.target(e), 'label') === 'Country')
        .map((e) => `${entity(graph.target(e))!.name}|${entity(graph.source(e))!.name}`),
    );
    const rows = await run('officials-by-country');
    expect(new Set(rows.map((r) => `${r.country}|${r.official}`))).toEqual(pairs);
  });

  it('edges-with-evidence: every act and affiliation, each with its sentence', async () => {
    const rows = await run('edges-with-evidence');
    expect(rows).toHaveLength(edgesOf([...ACTS, 'AFFILIATED_WITH']).length);
    for (const r of rows) expect(typeof r.evidence === 'string' && (r.evidence as string).length > 0).toBe(true);
  });

  it('most-connected-actors: partner counts match the graph', async () => {
    const rows = await run('most-connected-actors');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const key = r.key as string;
      const acts = graph.edges(key).filter((e) => ACTS.includes(graph.getEdgeAttribute(e, 'type')));
      expect(r.edges, key).toBe(acts.length);
      expect(r.partners, key).toBe(new Set(acts.map((e) => graph.opposite(key, e))).size);
    }
    const partners = rows.map((r) => Number(r.partners));
    expect([...partners].sort((a, b) => b - a)).toEqual(partners);
  });

  it('articles-reporting-act: distinct articles per act', async () => {
    const acts = edgesOf(ACTS.filter((t) => t !== 'SPOKE_WITH'));
    expect(acts.length).toBeGreaterThan(0);
    for (const e of acts.slice(0, 10)) {
      const type = graph.getEdgeAttribute(e, 'type');
      const actor = entity(graph.source(e))!.name;
      const target = entity(graph.target(e))!.name;
      const same = acts.filter((x) => graph.getEdgeAttribute(x, 'type') === type && named(graph.source(x), actor) && named(graph.target(x), target));
      const [row] = await run('articles-reporting-act', { actor, type, target });
      expect(row, `${actor} ${type} ${target}`).toMatchObject({ articles: new Set(same.map((x) => graph.getEdgeAttribute(x, 'article'))).size, edges: same.length });
    }
  });

  it('path-between-people: people who spoke with each other are one hop apart', async () => {
    const spoke = edgesOf(['SPOKE_WITH']).filter((e) => graph.getNodeAttribute(graph.source(e), 'label') === 'Person' && graph.getNodeAttribute(graph.target(e), 'label') === 'Person');
    expect(spoke.length).toBeGreaterThan(0);
    const e = spoke[0]!;
    const a = entity(graph.source(e))!.name;
    const b = entity(graph.target(e))!.name;
    const rows = await run('path-between-people', { a, b });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ hops: 1 });
    expect((rows[0]!.path as string[])[0]).toBe(a);
  });

  it('the Neo4j script statements for the sample graph lint clean', () => {
    const schema = loadGraphSchema();
    const dbSchema = { labels: nodeLabels(schema), relationshipTypes: edgeTypes(schema), propertyKeys: propertyKeys(schema) };
    const statements = createCypherStatements(graph, { batchSize: 50 });
    expect(statements.length).toBeGreaterThan(20);
    for (const st of statements) expect(lintCypherQuery(st, dbSchema).diagnostics.map((d) => d.message), st.slice(0, 60)).toEqual([]);
  });

  it('push reads graph.json back and plans every node and edge', async () => {
    const back = await readGraphJson(path.join(tmp, 'graph.json'));
    const plan = createPushPlan(back);
    expect([plan.nodes, plan.edges]).toEqual([graph.order, graph.size]);
  });
});
