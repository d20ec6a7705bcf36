/**
 * Incremental and sharded builds give the graph of one build of everything:
 * build(A) + append(B) == build(A B) byte for byte; re-appending A changes
 * nothing and processes nothing; the shards' graphs, with the resolution of
 * all their results, merged by key are the single build.
 */
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildOptions } from '../../src/pipeline/run-build.js';
import { parseShard, shardOf } from '../../src/pipeline/shard.js';
import type { StoredResolution } from '../../src/pipeline/resolution-file.js';
import { isNgError } from '../../src/errors.js';
import { queryKuzu } from '../../src/store/kuzu-store.js';
import { writeInputs } from './helpers.js';

let tmp: string;
let dirA: string;
let dirB: string;

const files = async (dir: string): Promise<{ json: string; graphml: string }> => ({
  json: await readFile(path.join(dir, 'graph.json'), 'utf8'),
  graphml: await readFile(path.join(dir, 'graph.graphml'), 'utf8'),
});
const build = (inputs: string[], out: string, more: Partial<BuildOptions> = {}) =>
  runBuild({ inputs, outDir: path.join(tmp, out), store: false, neo4jCsv: false, ...more });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-append-'));
  const all = path.join(tmp, 'all');
  const names = await writeInputs(all, 20);
  dirA = path.join(tmp, 'A');
  dirB = path.join(tmp, 'B');
  await mkdir(dirA);
  await mkdir(dirB);
  for (const [i, n] of names.entries()) await rename(path.join(all, n), path.join(i % 2 ? dirB : dirA, n));
  // The same file name in both halves, with other content: ids must come out the same either way.
  await writeFile(path.join(dirB, '000_095afef237fd835c.txt'), 'Kremlin talks\n\nRussian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow on Friday.');
  // A copy of an article of A under another name: the same content is one article.
  const firstA = (await readdir(dirA)).sort()[0]!;
  await writeFile(path.join(dirB, 'zz-copy-of-a.txt'), await readFile(path.join(dirA, firstA)));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('build --append', () => {
  it('build(A) + append(B) gives the graph of build(A B), processing only B', async () => {
    const full = await build([dirA, dirB], 'full');
    await build([dirA], 'inc');
    const appended = await build([dirB], 'inc', { append: true });
    const nA = (await readdir(dirA)).length;
    expect(appended.reused).toBe(nA);
    expect(appended.unchanged).toEqual([path.join(dirB, 'zz-copy-of-a.txt')]);
    expect(appended.results.length).toBe(full.results.length);
    // The same relative path under two input folders: the later folder's name goes in front (never a `#2`).
    expect(full.results.map((r) => r.article.id)).toContain('000_095afef237fd835c.txt');
    expect(full.results.map((r) => r.article.id)).toContain('B/000_095afef237fd835c.txt');
    const [a, b] = [await files(path.join(tmp, 'full')), await files(path.join(tmp, 'inc'))];
    expect(b.json).toBe(a.json);
    expect(b.graphml).toBe(a.graphml);
    expect(await readFile(path.join(tmp, 'inc', 'results.jsonl'), 'utf8')).toBe(await readFile(path.join(tmp, 'full', 'results.jsonl'), 'utf8'));
  });

  it('appending A again processes nothing and changes nothing', async () => {
    const before = await files(path.join(tmp, 'inc'));
    const again = await build([dirA], 'inc', { append: true });
    expect(again.unchanged.length).toBe((await readdir(dirA)).length);
    expect(again.reused).toBe(again.results.length);
    expect(await files(path.join(tmp, 'inc'))).toEqual(before);
  });

  it('the order of the inputs does not matter (results are resolved in article-id order)', async () => {
    const list = async (dir: string) => (await readdir(dir)).filter((f) => f !== '000_095afef237fd835c.txt' || dir === dirA).map((f) => path.join(dir, f));
    const inputs = [...(await list(dirA)), ...(await list(dirB))];
    await build(inputs, 'forward');
    const shuffled = inputs.map((f, i) => [((i * 7919) % 101) + i / 1e6, f] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
    expect(shuffled).not.toEqual(inputs);
    await build(shuffled, 'shuffled');
    expect(await files(path.join(tmp, 'shuffled'))).toEqual(await files(path.join(tmp, 'forward')));
  });

  it('the embedded store is brought up to date too', async () => {
    const out = 'store-inc';
    await build([dirA], out, { store: true });
    const before = await queryKuzu(path.join(tmp, out, 'graph.kuzu'), 'MATCH (a:Article) RETURN count(*) AS n');
    const r = await build([dirB], out, { store: true, append: true });
    const after = await queryKuzu(path.join(tmp, out, 'graph.kuzu'), 'MATCH (a:Article) RETURN count(*) AS n');
    expect(before.rows).toEqual([{ n: (await readdir(dirA)).length }]);
    expect(after.rows).toEqual([{ n: r.articles }]);
    expect(r.articles).toBeGreaterThan((await readdir(dirA)).length);
  });

  it('a results file that is not newsgraph results is refused', async () => {
    const bad = path.join(tmp, 'bad.results.jsonl');
    await writeFile(bad, '{"hello": 1}\n');
    const err = await build([bad], 'bad').catch((e: unknown) => e);
    expect(isNgError(err)).toBe(true);
  });
});

describe('build --shard', () => {
  const N = 3;
  type G = InstanceType<typeof MultiDirectedGraph>;
  const load = async (dir: string): Promise<G> => {
    const g = new MultiDirectedGraph();
    g.import(JSON.parse(await readFile(path.join(dir, 'graph.json'), 'utf8')) as never);
    return g;
  };
  /** Union by key; the same key twice must carry the same attributes. */
  const union = (graphs: G[]): G => {
    const u = new MultiDirectedGraph();
    for (const g of graphs) {
      g.forEachNode((k, a) => {
        if (u.hasNode(k)) expect(u.getNodeAttributes(k), k).toEqual(a);
        else u.addNode(k, a);
      });
      g.forEachEdge((k, a, s, t) => {
        if (u.hasEdge(k)) expect(u.getEdgeAttributes(k), k).toEqual(a);
        else u.addDirectedEdgeWithKey(k, s, t, a);
      });
    }
    return u;
  };
  const same = (a: G, b: G): void => {
    const nodes = (g: G) => g.mapNodes((k, attrs) => [k, attrs]).sort((x, y) => (x[0] as string).localeCompare(y[0] as string));
    const edges = (g: G) => g.mapEdges((k, attrs, s, t) => [k, s, t, attrs]).sort((x, y) => (x[0] as string).localeCompare(y[0] as string));
    expect(nodes(a)).toEqual(nodes(b));
    expect(edges(a)).toEqual(edges(b));
  };

  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '-1/2', '1.5/2', '']) expect(() => parseShard(bad), bad).toThrow();
  });

  it('spreads ids evenly and always puts an id in the same shard', () => {
    const counts = new Array<number>(4).fill(0);
    for (let i = 0; i < 4000; i++) counts[shardOf(`bbc/politics/${i}.txt`, 4) - 1]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(shardOf('a.txt', 7)).toBe(shardOf('a.txt', 7));
  });

  it('every article is in exactly one shard, and the shards with the global resolution merge into the single build', async () => {
    const single = await build([dirA, dirB], 'single');
    const shards = [];
    for (let i = 1; i <= N; i++) shards.push(await build([dirA, dirB], `shard-${i}`, { shard: { index: i, count: N } }));
    const ids = shards.flatMap((s) => s.results.map((r) => r.article.id)).sort();
    expect(ids).toEqual(single.results.map((r) => r.article.id));
    expect(shards.every((s) => s.results.length > 0)).toBe(true);

    // The reduce step: every shard's results resolved together = the single build, byte for byte.
    const merged = await build(shards.map((_, i) => path.join(tmp, `shard-${i + 1}`, 'results.jsonl')), 'merged');
    expect(merged.reused).toBe(single.results.length);
    expect((await files(path.join(tmp, 'merged'))).json).toBe((await files(path.join(tmp, 'single'))).json);

    // Each shard again with the global resolution (nothing processed again), merged by key.
    const resolution = JSON.parse(await readFile(path.join(tmp, 'merged', 'resolution.json'), 'utf8')) as StoredResolution;
    const graphs: G[] = [];
    for (let i = 1; i <= N; i++) {
      const again = await build([], `shard-${i}`, { shard: { index: i, count: N }, append: true, resolution });
      expect(again.reused).toBe(shards[i - 1]!.results.length);
      graphs.push(await load(path.join(tmp, `shard-${i}`)));
    }
    same(union(graphs), await load(path.join(tmp, 'single')));
  });
});
