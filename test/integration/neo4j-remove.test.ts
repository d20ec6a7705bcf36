/**
 * Push after `newsgraph remove` and after an edited article is appended, on a
 * real Neo4j 5: the database ends holding exactly the new graph (what only
 * the removed or old version supported is gone, node properties the graph no
 * longer gives are removed), a second push changes nothing, and what
 * newsgraph did not write is left alone. Runs on a server of its own: the
 * push deletes what is not in its graph, which would empty the shared one.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import { runRemove } from '../../src/pipeline/remove.js';
import type { NewsGraph } from '../../src/graph/attributes.js';
import { pushToNeo4j, type Neo4jConnection } from '../../src/store/neo4j-store.js';
import { readGraphJson } from '../../src/cli/commands/push.js';
import { push } from './push-cli.js';
import { startNeo4jServer } from '../../scripts/neo4j-server/server.mjs';
import { createBasicGraph } from '../helpers/graphs.js';
import { describeNeo4j } from './neo4j-target.js';
import { expectedSnapshot, run, snapshot, type Snapshot } from './neo4j-snapshot.js';

const SAMPLES = path.resolve('data/articles');

/** A node's attributes as a plain record (the graph keeps this object: changing it changes the node). */
const attrsOf = (g: NewsGraph, key: string): Record<string, unknown> => g.getNodeAttributes(key) as unknown as Record<string, unknown>;

/** The snapshot without what the test put there by hand (label Note, nodes without a key, type ANNOTATES). */
const ours = (s: Snapshot): Snapshot => ({ nodes: s.nodes.filter((n) => !n.labels.includes('Note') && n.props['key'] !== undefined), rels: s.rels.filter((r) => r.type !== 'ANNOTATES') });

describeNeo4j('push removes from Neo4j what the graph no longer holds', () => {
  vi.setConfig({ testTimeout: 600_000 });
  let tmp: string;
  let server: Awaited<ReturnType<typeof startNeo4jServer>> | undefined;
  let db: Neo4jConnection;
  let input: string;
  let files: string[];
  const out = (): string => path.join(tmp, 'out');
  const graph = (): Promise<NewsGraph> => readGraphJson(path.join(out(), 'graph.json'));

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-remove-'));
    input = path.join(tmp, 'in');
    await mkdir(input);
    files = (await readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) await copyFile(path.join(SAMPLES, f), path.join(input, f));
    await runBuild({ inputs: [input], outDir: out(), store: false, neo4jCsv: false });
    const password = 'remove-Pa55word';
    server = await startNeo4jServer({ password, heap: '512m' });
    db = { uri: server.uri, user: 'neo4j', password };
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('after remove, the push deletes what only the removed article supported; a second push changes nothing', async () => {
    const before = await graph();
    await pushToNeo4j(before, db, { prune: true });
    expect(await snapshot(db)).toEqual(expectedSnapshot(before));
    // Things newsgraph did not write: another label, a node of ours without a key, another relationship type.
    await run(db, "CREATE (:Note {key: 'note-1', text: 'mine'})");
    await run(db, "CREATE (:Person {name: 'Not from newsgraph'})");
    // Between the two countries most articles mention, which stay.
    const [a, b] = before
      .filterNodes((_k, x) => x.label === 'Country')
      .sort((x, y) => Number(attrsOf(before, y)['articles']) - Number(attrsOf(before, x)['articles']));
    await run(db, 'MATCH (a:Country {key: $a}), (b:Country {key: $b}) CREATE (a)-[:ANNOTATES {key: "n"}]->(b)', { a, b });

    await runRemove({ outDir: out(), names: [path.join(input, files[1]!)] });
    const after = await graph();
    const stats = await pushToNeo4j(after, db, { prune: true });
    const goneNodes = before.filterNodes((k) => !after.hasNode(k)).length;
    const goneEdges = before.filterEdges((k) => !after.hasEdge(k)).length;
    expect(goneNodes).toBeGreaterThan(0);
    expect(stats.removed).toMatchObject({ nodesDeleted: goneNodes, relationshipsDeleted: goneEdges });
    const got = await snapshot(db);
    expect(ours(got)).toEqual(expectedSnapshot(after));
    expect(got.nodes.filter((n) => n.labels.includes('Note') || n.props['key'] === undefined)).toHaveLength(2);
    expect(got.rels.filter((r) => r.type === 'ANNOTATES')).toHaveLength(1);

    const again = await pushToNeo4j(after, db, { prune: true });
    expect([again.nodesCreated, again.relationshipsCreated]).toEqual([0, 0]);
    expect(again.removed).toEqual({ nodesDeleted: 0, relationshipsDeleted: 0, propertiesRemoved: 0 });
    expect(await snapshot(db)).toEqual(got);
  });

  it('after an edited article is appended, the push replaces its old facts', async () => {
    await run(db, 'MATCH (n) DETACH DELETE n');
    const before = await graph();
    await pushToNeo4j(before, db, { prune: true });
    const edited = path.join(input, files[2]!);
    await writeFile(edited, 'Border talks\n\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Scholz warned Russia against any escalation.');
    await runBuild({ inputs: [edited], outDir: out(), append: true, store: false, neo4jCsv: false });
    const after = await graph();
    expect(before.filterEdges((k) => !after.hasEdge(k)).length).toBeGreaterThan(0);
    // Through the command, which prunes unless told --no-prune.
    const r = await push(['--graph', path.join(out(), 'graph.json')], { NEO4J_URI: db.uri, NEO4J_USERNAME: db.user, NEO4J_PASSWORD: db.password });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const goneNodes = before.filterNodes((k) => !after.hasNode(k)).length;
    const goneEdges = before.filterEdges((k) => !after.hasEdge(k)).length;
    expect(r.out).toContain(`, ${goneNodes} nodes and ${goneEdges} relationships removed`);
    expect(await snapshot(db)).toEqual(expectedSnapshot(after));
  });

  it('node properties the graph no longer gives are removed (SET += alone would keep them)', async () => {
    await run(db, 'MATCH (n) DETACH DELETE n');
    const g = createBasicGraph();
    await pushToNeo4j(g, db, { prune: true });
    const person = g.filterNodes((_k, x) => x.label === 'Person')[0]!;
    const article = g.filterNodes((_k, x) => x.label === 'Article')[0]!;
    delete attrsOf(g, person)['roles'];
    delete attrsOf(g, person)['affiliations'];
    delete attrsOf(g, article)['published'];
    delete attrsOf(g, article)['publishedSource'];
    const stats = await pushToNeo4j(g, db, { prune: true });
    expect(stats.removed!.propertiesRemoved).toBe(4);
    expect(await snapshot(db)).toEqual(expectedSnapshot(g));
    // Without pruning the stale properties stay: the check above can fail.
    attrsOf(g, article)['published'] = '2026-03-05';
    await pushToNeo4j(g, db, { prune: true });
    delete attrsOf(g, article)['published'];
    await pushToNeo4j(g, db);
    expect(await snapshot(db)).not.toEqual(expectedSnapshot(g));
  });
}, { managedOnly: true });
