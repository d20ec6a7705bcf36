/**
 * The build job: stream articles from files, run the per-article stages,
 * resolve entities across articles, build the graph and write the outputs
 * (graph.json, graph.graphml, the embedded Kuzu store), each atomically.
 * The only orchestration with I/O; the stages it calls are pure.
 */
import path from 'node:path';
import type { ArticleResult, Diagnostic } from '../types.js';
import { readArticles } from '../ingest/read-articles.js';
import { resolveCorpus } from '../resolve/resolve-corpus.js';
import { buildGraph, type BuildGraphOptions } from '../graph/build-graph.js';
import type { NewsGraph } from '../graph/attributes.js';
import { toJson } from '../export/to-json.js';
import { toGraphml } from '../export/to-graphml.js';
import { toCypherScript } from '../export/to-cypher.js';
import { writeNeo4jCsv } from '../export/to-neo4j-csv.js';
import { writeKuzuStore } from '../store/kuzu-store.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { errorMessage } from '../errors.js';
import { loadLexicons, type Lexicons } from './lexicons.js';
import { failedResult, processArticle } from './process-article.js';
import { ArticlePool } from './worker-pool.js';

export interface BuildOptions extends BuildGraphOptions {
  readonly inputs: readonly string[];
  readonly outDir: string;
  /** Write the embedded Kuzu store (default true). */
  readonly store?: boolean;
  /** Write the CSV files of `neo4j-admin database import` into `<out>/neo4j` (default true). */
  readonly neo4jCsv?: boolean;
  readonly lexicons?: Lexicons;
  /** Worker threads for the per-article stages (default 1: in this thread). */
  readonly workers?: number;
  /** Called after each input file, built or skipped. */
  readonly onProgress?: (event: { file: string; done: number; ok: boolean }) => void;
}

export interface BuildResult {
  readonly graph: NewsGraph;
  readonly results: readonly ArticleResult[];
  /** Inputs that were skipped (fatal ingest diagnostics). */
  readonly skipped: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files and folders written. */
  readonly outputs: readonly string[];
  readonly timings: { readonly extractMs: number; readonly graphMs: number; readonly writeMs: number };
}

/** Pure tail of a build: cross-article resolution and the graph. */
export function graphFromResults(results: readonly ArticleResult[], lex: Lexicons, options: BuildGraphOptions = {}): NewsGraph {
  return buildGraph(results, resolveCorpus(results, lex.entities), options);
}

/**
 * Streams the inputs through the per-article stages, in this thread or on a
 * worker pool; results keep input order either way. At most a few articles
 * per worker are in flight, so memory stays flat however many files there are.
 */
async function extractAll(options: BuildOptions, lex: Lexicons, diagnostics: Diagnostic[], skipped: string[]): Promise<ArticleResult[]> {
  const pool = (options.workers ?? 1) > 1 ? new ArticlePool(options.workers ?? 1) : undefined;
  const slots: (ArticleResult | undefined)[] = [];
  const inflight = new Set<Promise<void>>();
  let done = 0;
  try {
    for await (const item of readArticles([...options.inputs], { rules: lex.boilerplate })) {
      diagnostics.push(...item.diagnostics);
      const article = item.article;
      if (!article) {
        skipped.push(item.file);
        options.onProgress?.({ file: item.file, done: ++done, ok: false });
        continue;
      }
      const slot = slots.length;
      slots.push(undefined);
      if (!pool) {
        slots[slot] = processArticle(article, lex);
        options.onProgress?.({ file: item.file, done: ++done, ok: true });
        continue;
      }
      const p: Promise<void> = pool.process(article).then(
        (r) => {
          slots[slot] = r;
        },
        (e: unknown) => {
          slots[slot] = failedResult(article, errorMessage(e));
        },
      ).finally(() => {
        inflight.delete(p);
        options.onProgress?.({ file: item.file, done: ++done, ok: true });
      });
      inflight.add(p);
      if (inflight.size >= 16 * (options.workers ?? 1)) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  } finally {
    await pool?.close();
  }
  return slots.filter((r): r is ArticleResult => r !== undefined);
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const lex = options.lexicons ?? loadLexicons();
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  const t0 = performance.now();
  const results = await extractAll(options, lex, diagnostics, skipped);
  for (const r of results) diagnostics.push(...r.diagnostics);
  const t1 = performance.now();
  const graph = graphFromResults(results, lex, options);
  const t2 = performance.now();

  const outputs: string[] = [];
  const write = async (name: string, produce: () => string): Promise<void> => {
    const file = path.join(options.outDir, name);
    try {
      await writeFileAtomic(file, produce());
      outputs.push(file);
    } catch (e) {
      diagnostics.push({ code: 'export/failed', severity: 'error', message: `could not write ${file}: ${errorMessage(e)}`, file, fatal: true });
    }
  };
  await write('graph.json', () => toJson(graph));
  await write('graph.graphml', () => toGraphml(graph));
  await write('graph.cypher', () => toCypherScript(graph));
  if (options.neo4jCsv !== false) {
    const dir = path.join(options.outDir, 'neo4j');
    try {
      const csv = await writeNeo4jCsv(graph, dir);
      await writeFileAtomic(path.join(dir, 'import-command.txt'), `${csv.command}\n`);
      outputs.push(dir);
    } catch (e) {
      diagnostics.push({ code: 'export/failed', severity: 'error', message: `could not write the neo4j-admin import files ${dir}: ${errorMessage(e)}`, file: dir, fatal: true });
    }
  }
  if (options.store !== false) {
    const dir = path.join(options.outDir, 'graph.kuzu');
    try {
      await writeKuzuStore(graph, dir);
      outputs.push(dir);
    } catch (e) {
      diagnostics.push({ code: 'store/failed', severity: 'error', message: `could not write the embedded store ${dir}: ${errorMessage(e)}`, file: dir, fatal: true });
    }
  }
  const t3 = performance.now();
  return { graph, results, skipped, diagnostics, outputs, timings: { extractMs: t1 - t0, graphMs: t2 - t1, writeMs: t3 - t2 } };
}
