/**
 * The graph does not depend on the number of workers: the in-thread build,
 * a pool of one and a pool of two give byte-identical graph.json and
 * graph.graphml. (Needs `npm run build`: the workers run the compiled code.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import { graphFromResults } from '../../src/pipeline/run-build.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { ArticlePool } from '../../src/pipeline/worker-pool.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import { toJson } from '../../src/export/to-json.js';
import type { Article } from '../../src/types.js';
import { writeInputs } from './helpers.js';

let tmp: string;
let inputs: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-det-'));
  inputs = path.join(tmp, 'in');
  await writeInputs(inputs);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const build = async (workers: number) => {
  const out = path.join(tmp, `out-${workers}`);
  const r = await runBuild({ inputs: [inputs], outDir: out, workers, store: false, neo4jCsv: false });
  return { r, json: await readFile(path.join(out, 'graph.json'), 'utf8'), graphml: await readFile(path.join(out, 'graph.graphml'), 'utf8') };
};

describe('same graph whatever the worker count', () => {
  it('in-thread, 2 and 3 workers give byte-identical graph.json and graph.graphml', async () => {
    const one = await build(1);
    expect(one.r.results.length).toBeGreaterThanOrEqual(8);
    expect(one.r.graph.order).toBeGreaterThan(20);
    for (const n of [2, 3]) {
      const other = await build(n);
      expect(other.json).toBe(one.json);
      expect(other.graphml).toBe(one.graphml);
    }
  });

  it('a pool of one worker, fed in reverse order, gives the same per-article results as in-thread', async () => {
    const lex = loadLexicons();
    const articles: Article[] = [];
    for await (const item of readArticles([inputs], { rules: lex.boilerplate })) if (item.article) articles.push(item.article);
    const { processArticle } = await import('../../src/pipeline/process-article.js');
    const here = articles.map((a) => processArticle(a, lex));
    const pool = new ArticlePool(1, { depth: 3 });
    try {
      const reversed = await Promise.all([...articles].reverse().map((a) => pool.process(a)));
      reversed.reverse();
      expect(reversed).toEqual(here);
      expect(toJson(graphFromResults(reversed, lex))).toBe(toJson(graphFromResults(here, lex)));
    } finally {
      await pool.close();
    }
  });

  it('workers that compile on their own thread and workers that use the background compiler give the same results', async () => {
    const lex = loadLexicons();
    const articles: Article[] = [];
    for await (const item of readArticles([inputs], { rules: lex.boilerplate })) if (item.article) articles.push(item.article);
    const results = [];
    for (const backgroundCompiler of [false, true]) {
      const pool = new ArticlePool(2, { depth: 2, backgroundCompiler });
      try {
        results.push(await Promise.all(articles.map((a) => pool.process(a))));
      } finally {
        await pool.close();
      }
    }
    expect(results[0]?.length).toBe(articles.length);
    expect(results[1]).toEqual(results[0]);
  });
});
