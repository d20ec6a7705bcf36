/**
 * Integration tests against a real Neo4j. They run only when NEO4J_URI is
 * set (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE as needed):
 *   NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=... npx vitest run test/integration
 * They touch only the nodes of the test graph (deleted by key before and after).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { createPushDriver, pushToNeo4j, queryNeo4j } from '../../src/store/neo4j-store.js';
import type { Neo4jConnection, PushDriver } from '../../src/store/neo4j-store.js';
import neo4j from 'neo4j-driver';
import { loadSampleQueries } from '../../src/store/sample-queries.js';
import { queryKuzu, writeKuzuStore } from '../../src/store/kuzu-store.js';

const uri = process.env.NEO4J_URI;
const SKIP_REASON = 'NEO4J_URI is not set (no Neo4j server); set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD [, NEO4J_DATABASE] to run them';
if (!uri) console.warn(`test/integration/neo4j.test.ts: Neo4j integration tests SKIPPED: ${SKIP_REASON}`);

const conn: Neo4jConnection = {
  uri: uri ?? '',
  user: process.env.NEO4J_USERNAME ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
};

const PARAMS: Record<string, Record<string, unknown>> = {
  'quotes-of-person': { name: 'Blinken' },
  'who-acted-on-country': { country: 'Moscow' },
  'path-between-people': { a: 'Blinken', b: 'Lavrov' },
  'articles-reporting-act': { actor: 'Antony Blinken', type: 'URGED', target: 'Russia' },
};

describe.skipIf(!uri)(`Neo4j integration (skipped unless NEO4J_URI is set: ${SKIP_REASON})`, () => {
  const graph = createBasicGraph();
  const bigger = createBasicGraph();
  bigger.addNode('article:a2.txt', { label: 'Article', file: 'a2.txt', path: 'data/a2.txt', title: 'second', hash: 'h2', chars: 10, tokens: 2 });
  bigger.addDirectedEdgeWithKey('MENTIONED_IN:country:russia->article:a2.txt', 'country:russia', 'article:a2.txt', { type: 'MENTIONED_IN', article: 'a2.txt', count: 1, surface: ['Russia'] });
  const keys = [...bigger.nodes()];
  let tmp: string;
  let kuzuDb: string;

  const clean = async (): Promise<void> => {
    await queryNeo4j(conn, 'MATCH (n) WHERE n.key IN $keys DETACH DELETE n', { keys }).catch(() => undefined);
  };
  const counts = async (): Promise<{ nodes: number; rels: number }> => {
    const [n] = await queryNeo4j(conn, 'MATCH (n) WHERE n.key IN $keys RETURN count(n) AS c', { keys });
    const [r] = await queryNeo4j(conn, 'MATCH (a)-[r]->(b) WHERE a.key IN $keys AND b.key IN $keys RETURN count(r) AS c', { keys });
    return { nodes: Number(n!.c), rels: Number(r!.c) };
  };

  beforeAll(async () => {
    await clean();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-int-'));
    kuzuDb = path.join(tmp, 'graph.kuzu');
    await writeKuzuStore(graph, kuzuDb);
  });
  afterAll(async () => {
    await clean();
    await rm(tmp, { recursive: true, force: true });
  });

  it('push creates every node and relationship', async () => {
    const stats = await pushToNeo4j(graph, conn);
    expect(stats.nodesCreated).toBe(graph.order);
    expect(stats.relationshipsCreated).toBe(graph.size);
    expect(await counts()).toEqual({ nodes: graph.order, rels: graph.size });
  });

  it('push again changes nothing', async () => {
    const stats = await pushToNeo4j(graph, conn);
    expect(stats.nodesCreated).toBe(0);
    expect(stats.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual({ nodes: graph.order, rels: graph.size });
  });

  it('push a bigger graph adds only what is new', async () => {
    const stats = await pushToNeo4j(bigger, conn);
    expect(stats.nodesCreated).toBe(1);
    expect(stats.relationshipsCreated).toBe(1);
  });

  it('values keep their types (integers, floats, lists)', async () => {
    const [row] = await queryNeo4j(conn, "MATCH (p:Person {key: 'person:antony-blinken'}) RETURN p.mentions AS m, p.confidence AS c, p.aliases AS a");
    expect(row).toEqual({ m: 3, c: 0.95, a: ['Antony Blinken', 'Blinken', 'Anthony Blingen'] });
  });

  it.each(loadSampleQueries().map((q) => [q.name, q] as const))('sample query %s runs and returns the Kuzu rows', async (name, q) => {
    const params = PARAMS[name] ?? {};
    const rows = await queryNeo4j(conn, q.neo4j, params);
    const expected = (await queryKuzu(kuzuDb, q.kuzu, params)).rows;
    if (name !== 'most-connected-actors' && name !== 'articles-reporting-act') expect(rows).toEqual(expect.arrayContaining(expected));
    else expect(rows.length).toBeGreaterThan(0);
  });

  it('a push cut off halfway (connection lost for good) and run again ends in the graph of one clean push', async () => {
    const snapshot = async (): Promise<unknown> => ({
      nodes: await queryNeo4j(conn, 'MATCH (n) WHERE n.key IN $keys RETURN n.key AS key, properties(n) AS p ORDER BY key', { keys }),
      rels: await queryNeo4j(conn, 'MATCH (a)-[r]->(b) WHERE a.key IN $keys AND b.key IN $keys RETURN r.key AS key, type(r) AS t, properties(r) AS p ORDER BY key', { keys }),
    });
    await clean();
    await pushToNeo4j(bigger, conn, { batchSize: 1 });
    const once = await snapshot();
    await clean();
    // The real driver, made to lose its connection for good before the 5th data batch.
    const cutting = (): PushDriver => {
      const real = createPushDriver(conn);
      let batches = 0;
      return {
        ...real,
        session: (config) => {
          const s = real.session(config);
          return {
            close: () => s.close(),
            beginTransaction: async () => {
              const tx = await s.beginTransaction();
              return {
                ...tx,
                run: async (statement, params) => {
                  if (params !== undefined && ++batches >= 5) throw new neo4j.Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'error');
                  return tx.run(statement, params);
                },
                commit: () => tx.commit(),
                rollback: () => tx.rollback(),
              };
            },
          };
        },
      };
    };
    const e = await pushToNeo4j(bigger, conn, { batchSize: 1, createDriver: cutting, retry: { retries: 1, sleep: async () => undefined } }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/4 of \d+ batches were committed/);
    expect(await snapshot()).not.toEqual(once);
    await pushToNeo4j(bigger, conn, { batchSize: 1 });
    expect(await snapshot()).toEqual(once);
  });

  it('a wrong password is NEO4J_AUTH and the message does not contain it', async () => {
    const wrong = 'definitely-wrong-password-42';
    const e = await pushToNeo4j(graph, { ...conn, password: wrong }).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('NEO4J_AUTH');
    expect((e as Error).message).not.toContain(wrong);
  });

  it('a missing database is NEO4J_DATABASE', async () => {
    const e = await pushToNeo4j(graph, { ...conn, database: 'no-such-db-newsgraph' }).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('NEO4J_DATABASE');
  });
});
