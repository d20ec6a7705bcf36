/**
 * The build job: stream articles from files, run the per-article stages,
 * resolve entities across articles, build the graph and write the outputs
 * (graph.json, graph.graphml, graph.cypher, the neo4j-admin CSVs, the
 * embedded Kuzu store, and the state of the build: results.jsonl and
 * resolution.json), each atomically. The only orchestration with I/O; the
 * stages it calls are pure.
 *
 * Order: results are put in article-id order before cross-article
 * resolution, so the graph does not depend on the order of the inputs, and
 * `build A` + `build --append B` gives the graph of `build A B`.
 *
 * Nothing lost: a build that has read nothing writes nothing
 * (`NothingToBuildError`); `--append` refuses a results file that holds fewer
 * articles than the outputs it would replace; an article that fails (its
 * worker crashed, or it ran past its time or memory budget) is skipped and
 * left out of the results, so a later `--append` tries it again; the set of
 * outputs is recorded in `manifest.json`, written last, and output files of
 * earlier builds that are not part of the new set are removed.
 */
import path from 'node:path';
import { readFile, readdir, rm, rmdir, stat } from 'node:fs/promises';
import type { ArticleResult, Diagnostic } from '../types.js';
import { readArticles } from '../ingest/read-articles.js';
import { resolveCorpus, type CorpusResolution } from '../resolve/resolve-corpus.js';
import type { Correction, CorrectionReport } from '../resolve/corrections.js';
import { findNearDuplicates } from '../dedupe/near-duplicates.js';
import { buildGraph, type BuildGraphOptions } from '../graph/build-graph.js';
import type { NewsGraph } from '../graph/attributes.js';
import { jsonLines } from '../export/to-json.js';
import { graphmlLines } from '../export/to-graphml.js';
import { cypherScriptLines } from '../export/to-cypher.js';
import { writeNeo4jCsv } from '../export/to-neo4j-csv.js';
import { writeKuzuStore } from '../store/kuzu-store.js';
import { writeFileAtomic, type TextChunks, type TextLines } from '../io/write-atomic.js';
import { EDGES_CSV, QUOTES_CSV, edgesCsvPieces, quotesCsvPieces } from '../export/to-flat-csv.js';
import { NgError, errorMessage } from '../errors.js';
import { loadLexicons, type Lexicons } from './lexicons.js';
import { loadBoilerplateRules } from '../ingest/clean-text.js';
import { DATA_DIR } from '../paths.js';
import { failedResult, processArticle } from './process-article.js';
import { ArticlePool, PoolStartError } from './worker-pool.js';
import { MANIFEST_FILE, matchesManifest, readManifest, writeManifest } from './manifest.js';
import { RESULTS_FILE, isResultsFile, readResults, writeResults } from './results-file.js';
import { resolutionFor, storeResolution, storedDuplicates, type StoredResolution } from './resolution-file.js';
import { inShard, type Shard } from './shard.js';
import { BUILD_HEAP_GROWING_PERCENT, setHeapGrowingPercent } from './heap-growth.js';

const RESOLUTION_FILE = 'resolution.json';

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
  /**
   * Add to the build in `outDir`: its stored results are kept (not processed again), inputs
   * whose content is already there (same hash) are skipped, and everything is resolved and
   * written again from all results.
   */
  readonly append?: boolean;
  /** Process only the articles of this shard (by a hash of the article id). */
  readonly shard?: Shard;
  /**
   * A resolution computed over all shards (`resolution.json` of a build of every shard's
   * results): entity keys and nodes are taken from it instead of resolving these results alone.
   */
  readonly resolution?: StoredResolution;
  /**
   * V8's heap growing factor for the process, as a percent over the live size
   * (see heap-growth.ts): set before the workers start. Default
   * BUILD_HEAP_GROWING_PERCENT; 0 gives V8's own heuristics. Process-wide.
   */
  readonly heapGrowingPercent?: number;
  /** Publication date (`YYYY-MM-DD`) of articles that state none (`build --date`). */
  readonly date?: string;
  /** The user's corrections to cross-article resolution (`build --corrections`). */
  readonly corrections?: readonly Correction[];
  /** Keep near-duplicate articles as articles of their own (`build --keep-duplicates`). */
  readonly keepDuplicates?: boolean;
  /** Read files and folders that symlinks lead to outside the input folders (default: skipped with a warning). */
  readonly followSymlinks?: boolean;
  /**
   * Budget per article: the longest time (ms) and the heap (MB) one article may take. Either one
   * runs the per-article stages on worker threads (one when `workers` is 1), where a runaway
   * article is stopped and skipped without taking the build down. Default: no budget.
   */
  readonly articleTimeoutMs?: number;
  readonly articleHeapMb?: number;
  /** Ids of articles to drop from the earlier results (`newsgraph remove`); the graph is built from the rest, and may be empty. */
  readonly remove?: ReadonlySet<string>;
}

/** Nothing could be read from the inputs: no output was written (the CLI's exit 2). */
export class NothingToBuildError extends NgError {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
    readonly skipped: readonly string[],
  ) {
    super(message, 'INPUT_UNREADABLE');
  }
}

/** `--append` would build on a results file that lacks articles the outputs hold (the CLI's exit 3). */
class AppendRefusedError extends NgError {}

export interface BuildResult {
  readonly graph: NewsGraph;
  readonly results: readonly ArticleResult[];
  /** Inputs that were skipped (fatal ingest diagnostics). */
  readonly skipped: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files and folders written. */
  readonly outputs: readonly string[];
  readonly timings: { readonly extractMs: number; readonly graphMs: number; readonly writeMs: number };
  /** Articles taken from earlier results (the output's `results.jsonl` or results files given as inputs). */
  readonly reused: number;
  /** Inputs left out because an article with the same content was already in the build. */
  readonly unchanged: readonly string[];
  /** Which corrections applied and which matched nothing (when any were given). */
  readonly corrections?: CorrectionReport;
}

/** Results in article-id order (code units), the order resolution and the graph see. */
function sortResults(results: readonly ArticleResult[]): ArticleResult[] {
  return [...results].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
}

/** Cross-article resolution of results already in article-id order (see `sortResults`). */
function resolveResults(sorted: readonly ArticleResult[], lex: Lexicons, corrections: readonly Correction[] = []): CorpusResolution {
  return resolveCorpus(sorted, lex.entities, corrections);
}

/** Pure tail of a build: near-duplicates set aside, cross-article resolution and the graph (results in any order). */
export function graphFromResults(results: readonly ArticleResult[], lex: Lexicons, options: BuildGraphOptions = {}): NewsGraph {
  const { kept, duplicates } = findNearDuplicates(sortResults(results));
  return buildGraph(kept, resolveResults(kept, lex), { ...options, duplicates });
}

/**
 * Streams the inputs through the per-article stages, in this thread or on a
 * worker pool; results keep input order either way. At most a few articles
 * per worker are in flight, so memory stays flat however many files there are.
 */
interface Known {
  /** Content hashes of the articles already in the build. */
  readonly hashes: Set<string>;
  /** Inputs left out as already there. */
  readonly unchanged: string[];
  /** Id -> path of the articles already in the build (an input from the same path replaces its article). */
  readonly paths: ReadonlyMap<string, string>;
  /** Id -> content hash of the articles already in the build. */
  readonly hashOf: ReadonlyMap<string, string>;
  /** Articles whose file now holds the content of another article of the build: their old version goes. */
  readonly superseded: Set<string>;
}

async function extractAll(inputs: readonly string[], options: BuildOptions, lexicons: () => Lexicons, diagnostics: Diagnostic[], skipped: string[], known: Known): Promise<ArticleResult[]> {
  const slots: (ArticleResult | undefined)[] = [];
  if (inputs.length === 0) return [];
  const budget = options.articleTimeoutMs !== undefined || options.articleHeapMb !== undefined;
  const pool =
    (options.workers ?? 1) > 1 || budget
      ? new ArticlePool(options.workers ?? 1, {
          ...(options.articleTimeoutMs !== undefined ? { timeoutMs: options.articleTimeoutMs } : {}),
          ...(options.articleHeapMb !== undefined ? { heapMb: options.articleHeapMb } : {}),
        })
      : undefined;
  const inflight = new Set<Promise<void>>();
  let done = 0;
  /** Set when no worker can start: the build stops (no article is to blame). */
  let broken: PoolStartError | undefined;
  const shard = options.shard;
  try {
    const articles = readArticles([...inputs], {
      // A pooled build's thread needs only the boilerplate rules until resolution (the entity lexicon is tens of MB).
      rules: pool ? (options.lexicons?.boilerplate ?? loadBoilerplateRules(DATA_DIR)) : lexicons().boilerplate,
      reservedIds: known.paths,
      followSymlinks: options.followSymlinks ?? false,
      exclude: [options.outDir],
      ...(options.date ? { date: options.date } : {}),
      ...(shard ? { select: (id: string) => inShard(id, shard) } : {}),
    });
    for await (const item of articles) {
      diagnostics.push(...item.diagnostics);
      const article = item.article;
      if (!article) {
        // Without a fatal diagnostic it is a notice about the walk (a link not followed), not an input.
        if (!item.diagnostics.some((d) => d.fatal)) continue;
        skipped.push(item.file);
        options.onProgress?.({ file: item.file, done: ++done, ok: false });
        continue;
      }
      if (known.hashes.has(article.hash)) {
        if ((known.hashOf.get(article.id) ?? article.hash) !== article.hash) known.superseded.add(article.id);
        known.unchanged.push(item.file);
        options.onProgress?.({ file: item.file, done: ++done, ok: true });
        continue;
      }
      known.hashes.add(article.hash);
      const slot = slots.length;
      slots.push(undefined);
      if (!pool) {
        slots[slot] = processArticle(article, lexicons());
        options.onProgress?.({ file: item.file, done: ++done, ok: true });
        continue;
      }
      let ok = true;
      const p: Promise<void> = pool.process(article).then(
        (r) => {
          slots[slot] = r;
        },
        (e: unknown) => {
          if (e instanceof PoolStartError) {
            broken = e;
            return;
          }
          // Skipped, not kept as an empty result: left out of results.jsonl, a later --append tries it again.
          ok = false;
          diagnostics.push(...failedResult(article, errorMessage(e)).diagnostics.map((d) => ({ ...d, file: item.file })));
          skipped.push(item.file);
        },
      ).finally(() => {
        inflight.delete(p);
        options.onProgress?.({ file: item.file, done: ++done, ok });
      });
      inflight.add(p);
      if (inflight.size >= 16 * (options.workers ?? 1)) await Promise.race(inflight);
      if (broken) throw broken;
    }
    await Promise.all(inflight);
    if (broken) throw broken;
  } finally {
    await pool?.close();
  }
  return slots.filter((r): r is ArticleResult => r !== undefined);
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  // Loaded when first needed: a pooled build's workers load their own, and this thread needs them only to resolve.
  const lexicons = (): Lexicons => options.lexicons ?? loadLexicons();
  setHeapGrowingPercent(options.heapGrowingPercent ?? BUILD_HEAP_GROWING_PERCENT);
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  const t0 = performance.now();
  // Earlier results: the output's own (with --append) and results files named as inputs.
  const earlier: ArticleResult[] = [];
  const resultFiles = options.inputs.filter(isResultsFile);
  const own = path.join(options.outDir, RESULTS_FILE);
  if (options.append) {
    try {
      for (const r of await readResults(own)) earlier.push(r);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await checkAppendable(options.outDir, earlier.length);
  }
  for (const f of resultFiles) {
    try {
      for (const r of await readResults(f)) earlier.push(r);
    } catch (e) {
      throw e instanceof NgError ? e : new NgError(`cannot read the results file ${f}: ${errorMessage(e)}`, 'INPUT_UNREADABLE', { cause: e });
    }
  }
  const reused = dropRepeats(earlier, options.shard).filter((r) => !options.remove?.has(r.article.id));
  const known: Known = {
    hashes: new Set(reused.map((r) => r.article.hash)),
    unchanged: [],
    paths: new Map(reused.map((r) => [r.article.id, r.article.path])),
    hashOf: new Map(reused.map((r) => [r.article.id, r.article.hash])),
    superseded: new Set(),
  };
  const articleInputs = options.inputs.filter((f) => !isResultsFile(f));
  const fresh = await extractAll(articleInputs, options, lexicons, diagnostics, skipped, known);
  for (const r of fresh) diagnostics.push(...r.diagnostics);
  const nothingRead = articleInputs.length > 0 && fresh.length === 0 && known.unchanged.length === 0 && !options.shard;
  if (nothingRead || (reused.length === 0 && fresh.length === 0 && !options.shard && !options.remove)) {
    throw new NothingToBuildError(
      `nothing to build: no article could be read from ${articleInputs.length ? listed(articleInputs) : 'the inputs'}${skipped.length ? ` (${skipped.length} input(s) skipped)` : ''}; the outputs in ${options.outDir} were left as they were`,
      diagnostics,
      skipped,
    );
  }
  // An input from the path of an article already in the build, with other content, replaces it.
  const freshIds = new Set(fresh.map((r) => r.article.id));
  const kept = reused.filter((r) => !freshIds.has(r.article.id) && !known.superseded.has(r.article.id));
  const results = sortResults([...kept, ...fresh]);
  const t1 = performance.now();
  // One article per story: near-duplicates are listed on the kept Article (a shard's stored resolution already chose).
  const { kept: stories, duplicates } = options.keepDuplicates
    ? { kept: results, duplicates: undefined }
    : options.resolution
      ? storedDuplicates(options.resolution, results)
      : findNearDuplicates(results);
  const resolution = options.resolution ? resolutionFor(options.resolution, stories) : resolveResults(stories, lexicons(), options.corrections);
  const graph = buildGraph(stories, resolution, { ...options, ...(duplicates ? { duplicates } : {}) });
  const t2 = performance.now();

  const outputs: string[] = [];
  /** Runs one output's writer; a failure is a fatal diagnostic naming the output, and the others go on. */
  const attempt = async (target: string, what: string, code: 'export/failed' | 'store/failed', run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
      outputs.push(target);
    } catch (e) {
      diagnostics.push({ code, severity: 'error', message: `could not write ${what}${target}: ${errorMessage(e)}`, file: target, fatal: true });
    }
  };
  const write = (name: string, produce: () => string | TextLines | TextChunks): Promise<void> => {
    const file = path.join(options.outDir, name);
    return attempt(file, '', 'export/failed', () => writeFileAtomic(file, produce()));
  };
  await attempt(own, '', 'export/failed', () => writeResults(own, results));
  await write(RESOLUTION_FILE, () => JSON.stringify(options.resolution ?? storeResolution(stories, resolution, duplicates)));
  // Big outputs are made line by line as they are written: neither their text nor their lines are ever all in memory.
  await write('graph.json', () => ({ lines: jsonLines(graph) }));
  await write('graph.graphml', () => ({ lines: graphmlLines(graph) }));
  await write('graph.cypher', () => ({ lines: cypherScriptLines(graph, { file: path.join(options.outDir, 'graph.cypher') }) }));
  await write(EDGES_CSV, () => ({ chunks: edgesCsvPieces(graph) }));
  await write(QUOTES_CSV, () => ({ chunks: quotesCsvPieces(graph) }));
  const neo4jDir = path.join(options.outDir, 'neo4j');
  let neo4jFiles: string[] = [];
  if (options.neo4jCsv !== false) {
    await attempt(neo4jDir, 'the neo4j-admin import files ', 'export/failed', async () => {
      const csv = await writeNeo4jCsv(graph, neo4jDir);
      const command = path.join(neo4jDir, 'import-command.txt');
      await writeFileAtomic(command, `${csv.command}\n`);
      neo4jFiles = [...csv.files, command];
    });
  }
  // CSV files of node labels and relationship types the new graph no longer has would be imported with it.
  await removeOtherNeo4jFiles(neo4jDir, neo4jFiles);
  const storeDir = path.join(options.outDir, 'graph.kuzu');
  if (options.store !== false) {
    await attempt(storeDir, 'the embedded store ', 'store/failed', () => writeKuzuStore(graph, storeDir));
  } else {
    // An old store would answer queries about another build.
    await Promise.all(['', ...KUZU_SIDE_FILES].map((ext) => rm(storeDir + ext, { force: true })));
  }
  const inSet = outputs.flatMap((o) => (o === neo4jDir ? neo4jFiles : [o])).map((f) => path.relative(options.outDir, f).split(path.sep).join('/'));
  await attempt(path.join(options.outDir, MANIFEST_FILE), '', 'export/failed', () =>
    writeManifest(options.outDir, { articles: results.length, nodes: graph.order, edges: graph.size }, inSet),
  );
  const t3 = performance.now();
  return { graph, results, skipped, diagnostics, outputs, timings: { extractMs: t1 - t0, graphMs: t2 - t1, writeMs: t3 - t2 }, reused: kept.length, unchanged: known.unchanged, ...(resolution.corrections ? { corrections: resolution.corrections } : {}) };
}

/** A few names of a list, for a one-line message. */
function listed(names: readonly string[], most = 3): string {
  return names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${names.length - most} more`;
}

/** The side files the embedded store keeps beside its database file. */
const KUZU_SIDE_FILES = ['.wal', '.shadow', '.lock', '.tmp'];

/** Removes the neo4j-admin files in `dir` that are not `keep` (and the folder, if that empties it). */
async function removeOtherNeo4jFiles(dir: string, keep: readonly string[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const wanted = new Set(keep.map((f) => path.basename(f)));
  for (const name of names) {
    if (wanted.has(name) || !/^(?:(?:nodes|relationships)-.+\.csv|import-command\.txt)$/.test(name)) continue;
    await rm(path.join(dir, name), { force: true });
  }
  if (keep.length === 0) await rmdir(dir).catch(() => undefined);
}

/**
 * `--append` builds on `results.jsonl`; when that file lacks articles the outputs hold (it is
 * missing, empty, cut short or from another build), appending would drop them silently.
 */
async function checkAppendable(outDir: string, count: number): Promise<void> {
  const own = path.join(outDir, RESULTS_FILE);
  const refuse = (what: string): never => {
    throw new AppendRefusedError(
      `--append would drop articles: ${what}; rebuild from all the inputs without --append (newsgraph build <all inputs> --out ${outDir})`,
      'INPUT_UNREADABLE',
    );
  };
  const manifest = await readManifest(outDir);
  if (manifest !== undefined) {
    if (manifest.articles > 0 && !(await matchesManifest(manifest, outDir, RESULTS_FILE))) {
      refuse(`${own} (${count} article(s)) is not the results file of the build in ${outDir} (${manifest.articles} article(s)): it is missing, cut short or changed`);
    }
    return;
  }
  // A folder written before manifests: count the articles of its graph.
  const graphFile = path.join(outDir, 'graph.json');
  if (!(await stat(graphFile).then((s) => s.isFile(), () => false))) return;
  let articles = 0;
  try {
    const data = JSON.parse(await readFile(graphFile, 'utf8')) as { nodes?: { attributes?: { label?: unknown } }[] };
    articles = (data.nodes ?? []).filter((n) => n.attributes?.label === 'Article').length;
  } catch {
    refuse(`${graphFile} cannot be read to tell how many articles the build holds`);
  }
  if (articles > count) refuse(`${own} holds ${count} article(s) but ${graphFile} holds ${articles}`);
}

/** Earlier results without repeats (same id or same content: the first is kept), and only the shard's. */
function dropRepeats(results: readonly ArticleResult[], shard: Shard | undefined): ArticleResult[] {
  const ids = new Set<string>();
  const hashes = new Set<string>();
  const out: ArticleResult[] = [];
  for (const r of results) {
    if (ids.has(r.article.id) || hashes.has(r.article.hash)) continue;
    if (shard && !inShard(r.article.id, shard)) continue;
    ids.add(r.article.id);
    hashes.add(r.article.hash);
    out.push(r);
  }
  return out;
}
