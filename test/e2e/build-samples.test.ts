/**
 * End to end: the five sample articles through every stage into every output,
 * checked against the schema; and a batch with bad files in it.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import { runBuild, type BuildResult } from '../../src/pipeline/run-build.js';
import { validateGraph } from '../../src/graph/validate-graph.js';
import { isEntityNode } from '../../src/graph/attributes.js';

const SAMPLES = path.resolve('data/articles');
let tmp: string;
let built: BuildResult;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-e2e-'));
  built = await runBuild({ inputs: [SAMPLES], outDir: path.join(tmp, 'out') });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const entity = (name: string) => {
  const g = built.graph;
  return g.findNode((_k, a) => isEntityNode(a) && a.name === name);
};

describe('build of the sample articles', () => {
  it('builds every article and satisfies the schema', () => {
    expect(built.skipped).toEqual([]);
    expect(built.graph.filterNodes((_k, a) => a.label === 'Article')).toHaveLength(5);
    expect(validateGraph(built.graph)).toEqual([]);
  });

  it('writes graph.json (the scorer contract), graph.graphml and the embedded store', async () => {
    const out = path.join(tmp, 'out');
    const json = JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    const g = new MultiDirectedGraph();
    g.import(json as never);
    expect(g.order).toBe(built.graph.order);
    expect(g.size).toBe(built.graph.size);
    expect(await readFile(path.join(out, 'graph.graphml'), 'utf8')).toMatch(/^<\?xml/);
    expect(existsSync(path.join(out, 'graph.kuzu'))).toBe(true);
    // no temp files left behind by the atomic writes
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finds the people that every sample article is about, across articles', () => {
    const lavrov = entity('Sergei Lavrov');
    expect(lavrov).toBeDefined();
    const articles = built.graph.outEdges(lavrov!).filter((e) => built.graph.getEdgeAttribute(e, 'type') === 'MENTIONED_IN');
    expect(articles.length).toBe(5);
    expect(entity('Russia')).toBeDefined();
    expect(built.graph.getNodeAttribute(entity('Russia')!, 'label')).toBe('Country');
  });

  it('attributes quotes to speakers and points every relation at its evidence', () => {
    const g = built.graph;
    const said = g.filterEdges((_k, a) => a.type === 'SAID');
    expect(said.length).toBeGreaterThan(10);
    g.forEachEdge((_k, a) => {
      if (a.type === 'MENTIONED_IN' || a.type === 'SAID_TO') return;
      expect(a.article).toMatch(/\.txt$/);
      expect(a.evidence && a.evidence.length).toBeGreaterThan(0);
      expect(typeof a.start).toBe('number');
    });
  });
});

describe('a batch with bad files', () => {
  it('builds the good files, names the bad ones and keeps going', async () => {
    const dir = path.join(tmp, 'mixed');
    await mkdir(dir, { recursive: true });
    await copyFile(path.join(SAMPLES, '000_095afef237fd835c.txt'), path.join(dir, 'good.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const r = await runBuild({ inputs: [dir], outDir: path.join(tmp, 'mixed-out'), store: false });
    expect(r.results.map((x) => x.article.id)).toEqual(['good.txt']);
    expect(r.skipped.map((f) => path.basename(f)).sort()).toEqual(['empty.txt', 'image.txt']);
    for (const name of ['empty.txt', 'image.txt']) {
      expect(r.diagnostics.some((d) => d.fatal && (d.file ?? '').endsWith(name))).toBe(true);
    }
    expect(validateGraph(r.graph)).toEqual([]);
  });
});
