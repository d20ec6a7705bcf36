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
import { appendFile, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { ArticleResult, Diagnostic } from '../types.js';
import { readArticles } from '../ingest/read-articles.js';
import { resolveCorpus, type CorpusResolution } from '../resolve/resolve-corpus.js';
import type { Correction, CorrectionReport } from '../resolve/corrections.js';
import { findNearDuplicates } from '../dedupe/near-duplicates.js';
import { buildGraph, type BuildGraphOptions } from '../graph/build-graph.js';
import type { NewsGraph } from '../graph/attributes.js';
import { openKuzuForUpdate, updateKuzuStore, writeKuzuStore, type KuzuHandle } from '../store/kuzu-store.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { NgError, errorMessage } from '../errors.js';
import { loadLexicons, type Lexicons } from './lexicons.js';
import { loadBoilerplateRules } from '../ingest/clean-text.js';
import { DATA_DIR } from '../paths.js';
import { failedResult, processArticle } from './process-article.js';
import { ArticlePool, PoolStartError } from './worker-pool.js';
import { MANIFEST_FILE, matchesManifest, readManifest, storeMatchesManifest, writeManifest, type Manifest } from './manifest.js';
import { RESULTS_FILE, isResultsFile, readResults, readResultsOf, resultLine, sortResults, writeResults } from './results-file.js';
import { resolutionFor, storeResolution, storedDuplicates, type StoredResolution } from './resolution-file.js';
import { inShard, type Shard } from './shard.js';
import { BUILD_HEAP_GROWING_PERCENT, setHeapGrowingPercent } from './heap-growth.js';
import { APPEND_INDEX_FILE, APPEND_LOG_FILE, INDEX_LOG_SHARE, indexChange, indexedArticle, makeAppendIndex, readAppendIndex, sameSettings, type AppendIndex, type GraphSettings } from './append-index.js';
import { RESOLUTION_FILE, removeFileExports, writeFileExports, type Attempt } from './file-exports.js';
import { planAppend, type AppendPlan } from './append.js';
import { checkAppendable } from './append-check.js';


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
   * Add to the build in `outDir`: its stored results are kept (not processed again) and inputs
   * whose content is already there (same hash) are skipped. The new articles are resolved
   * against the build's append index and the store is updated in place (append.ts), or, when
   * that cannot be done (see `incrementalBase`), everything is resolved and written again.
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
  /** The share of the store's file its log may reach before an append folds it in (tests; default a quarter). */
  readonly storeLogShare?: number;
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

export interface BuildResult {
  /** The graph built; for an incremental append (`incremental`), only the rows it wrote: its new and rewritten articles. */
  readonly graph: NewsGraph;
  /** The articles resolved; for an incremental append, the new ones only. */
  readonly results: readonly ArticleResult[];
  /** Articles in the build. */
  readonly articles: number;
  /** An append that resolved and wrote only what is new (see append.ts): the file exports are left to `newsgraph export`. */
  readonly incremental?: boolean;
  /** Inputs that were skipped (fatal ingest diagnostics). */
  readonly skipped: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files and folders written. */
  readonly outputs: readonly string[];
  readonly timings: {
    readonly extractMs: number;
    readonly graphMs: number;
    readonly writeMs: number;
    /** An incremental append's steps in order (ms each): where its time went. */
    readonly phases?: Readonly<Record<string, number>>;
  };
  /** Articles taken from earlier results (the output's `results.jsonl` or results files given as inputs). */
  readonly reused: number;
  /** Inputs left out because an article with the same content was already in the build. */
  readonly unchanged: readonly string[];
  /** Which corrections applied and which matched nothing (when any were given). */
  readonly corrections?: CorrectionReport;
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

/** What the build already holds, from its articles' ids, paths and content hashes. */
function knownOf(articles: readonly { readonly id: string; readonly path: string; readonly hash: string }[]): Known {
  return {
    hashes: new Set(articles.map((a) => a.hash)),
    unchanged: [],
    paths: new Map(articles.map((a) => [a.id, a.path])),
    hashOf: new Map(articles.map((a) => [a.id, a.hash])),
    superseded: new Set(),
  };
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
  const run: Run = { options, lexicons, diagnostics: [], skipped: [], outputs: [], t0: performance.now(), phases: new Phases() };
  if (options.append) await checkAppendable(options.outDir);
  // A removal rebuilds from the remaining results: never the incremental path.
  const base = options.append && !options.remove ? await incrementalBase(options) : undefined;
  // The bound on heap growth is for builds that hold the whole corpus; an incremental append holds its index and a few articles.
  setHeapGrowingPercent(options.heapGrowingPercent ?? (base ? 0 : BUILD_HEAP_GROWING_PERCENT));
  run.phases.lap('check and read the index');
  // Kùzu opens the store on its own threads while the new articles are read: the update then finds it open.
  const store = base ? openKuzuForUpdate(path.join(options.outDir, 'graph.kuzu')) : undefined;
  store?.catch(() => undefined);
  try {
    return await buildOn(run, base, store);
  } finally {
    if (store) await closeUnused(store);
  }
}

/** Closes the store opened ahead when the update did not (a fallback to a full build, an error). */
async function closeUnused(store: Promise<KuzuHandle>): Promise<void> {
  const handle = await store.catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

async function buildOn(run: Run, base: IncrementalBase | undefined, store: Promise<KuzuHandle> | undefined): Promise<BuildResult> {
  const { options, lexicons } = run;
  // Earlier results: the output's own (with --append) and results files named as inputs; an incremental append reads them only if it must.
  let reused = base ? [] : dropRepeats(await readEarlier(options), options.shard).filter((r) => !options.remove?.has(r.article.id));
  const known = knownOf(base ? base.index.articles : reused.map((r) => r.article));
  const articleInputs = options.inputs.filter((f) => !isResultsFile(f));
  const fresh = await extractAll(articleInputs, options, lexicons, run.diagnostics, run.skipped, known);
  for (const r of fresh) run.diagnostics.push(...r.diagnostics);
  run.phases.lap('extract');
  const nothingRead = articleInputs.length > 0 && fresh.length === 0 && known.unchanged.length === 0 && !options.shard;
  if (nothingRead || ((base?.index.articles.length ?? reused.length) === 0 && fresh.length === 0 && !options.shard && !options.remove)) {
    throw new NothingToBuildError(
      `nothing to build: no article could be read from ${articleInputs.length ? listed(articleInputs) : 'the inputs'}${run.skipped.length ? ` (${run.skipped.length} input(s) skipped)` : ''}; the outputs in ${options.outDir} were left as they were`,
      run.diagnostics,
      run.skipped,
    );
  }
  if (base && store) {
    const incremental = await appendIncrementally(run, base, fresh, known, store);
    if (incremental) return incremental;
    // A full build replaces the store's file: closed first.
    await closeUnused(store);
    setHeapGrowingPercent(options.heapGrowingPercent ?? BUILD_HEAP_GROWING_PERCENT);
    reused = dropRepeats(await readEarlier(options), options.shard);
  }
  return buildAll(run, reused, fresh, known);
}

/** What one build gathers on its way. */
interface Run {
  readonly options: BuildOptions;
  readonly lexicons: () => Lexicons;
  readonly diagnostics: Diagnostic[];
  readonly skipped: string[];
  readonly outputs: string[];
  readonly t0: number;
  readonly phases: Phases;
}

/** Wall time of consecutive steps, by name. */
class Phases {
  readonly ms: Record<string, number> = {};
  private last = performance.now();
  lap(name: string): void {
    const now = performance.now();
    this.ms[name] = Math.round((this.ms[name] ?? 0) + now - this.last);
    this.last = now;
  }
}

/** The output's own results (with --append) and the results files named as inputs, in that order. */
async function readEarlier(options: BuildOptions): Promise<ArticleResult[]> {
  const earlier: ArticleResult[] = [];
  if (options.append) {
    try {
      for (const r of await readResults(path.join(options.outDir, RESULTS_FILE))) earlier.push(r);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  for (const f of options.inputs.filter(isResultsFile)) {
    try {
      for (const r of await readResults(f)) earlier.push(r);
    } catch (e) {
      throw e instanceof NgError ? e : new NgError(`cannot read the results file ${f}: ${errorMessage(e)}`, 'INPUT_UNREADABLE', { cause: e });
    }
  }
  return earlier;
}

/** Runs one output's writer; a failure is a fatal diagnostic naming the output, and the others go on. */
function attemptFor(run: Run): Attempt {
  return async (target, what, code, write) => {
    try {
      await write();
      run.outputs.push(target);
      return true;
    } catch (e) {
      run.diagnostics.push({ code, severity: 'error', message: `could not write ${what}${target}: ${errorMessage(e)}`, file: target, fatal: true });
      return false;
    }
  };
}

/** Resolves all results together, builds the graph and writes every output. */
async function buildAll(run: Run, reused: readonly ArticleResult[], fresh: readonly ArticleResult[], known: Known): Promise<BuildResult> {
  const { options } = run;
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
  const resolution = options.resolution ? resolutionFor(options.resolution, stories) : resolveResults(stories, run.lexicons(), options.corrections);
  const graph = buildGraph(stories, resolution, { ...options, ...(duplicates ? { duplicates } : {}) });
  const t2 = performance.now();

  const attempt = attemptFor(run);
  const own = path.join(options.outDir, RESULTS_FILE);
  const write = (name: string, produce: () => string): Promise<boolean> => {
    const file = path.join(options.outDir, name);
    return attempt(file, '', 'export/failed', () => writeFileAtomic(file, produce()));
  };
  await attempt(own, '', 'export/failed', () => writeResults(own, results));
  await write(RESOLUTION_FILE, () => JSON.stringify(options.resolution ?? storeResolution(stories, resolution, duplicates)));
  if (resolution.records && resolution.keysOf) {
    const { records, keysOf } = resolution;
    const index = makeAppendIndex(graphSettings(options), results.map(indexedArticle), stories.map((r) => r.article.id), records, keysOf);
    await write(APPEND_INDEX_FILE, () => JSON.stringify(index));
  } else {
    // A shard's graph takes its keys from another build's resolution: an append there resolves everything.
    await rm(path.join(options.outDir, APPEND_INDEX_FILE), { force: true });
  }
  await rm(path.join(options.outDir, APPEND_LOG_FILE), { force: true });
  const exported = await writeFileExports(options.outDir, graph, attempt, options.neo4jCsv !== false);
  const storeDir = path.join(options.outDir, 'graph.kuzu');
  if (options.store !== false) {
    await attempt(storeDir, 'the embedded store ', 'store/failed', () => writeKuzuStore(graph, storeDir));
  } else {
    // An old store would answer queries about another build.
    await Promise.all(['', ...KUZU_SIDE_FILES].map((ext) => rm(storeDir + ext, { force: true })));
  }
  const neo4jDir = path.join(options.outDir, 'neo4j');
  const inSet = [...new Set([...run.outputs.filter((o) => o !== neo4jDir), ...exported])];
  await writeBuildManifest(run, inSet, { articles: results.length, nodes: graph.order, edges: graph.size });
  const t3 = performance.now();
  return {
    graph,
    results,
    articles: results.length,
    skipped: run.skipped,
    diagnostics: run.diagnostics,
    outputs: run.outputs,
    timings: { extractMs: t1 - run.t0, graphMs: t2 - t1, writeMs: t3 - t2 },
    reused: kept.length,
    unchanged: known.unchanged,
    ...(resolution.corrections ? { corrections: resolution.corrections } : {}),
  };
}

/** manifest.json, written last, for the files written (paths below the output folder). */
async function writeBuildManifest(run: Run, files: readonly string[], counts: { articles: number; nodes: number; edges: number }, since?: Parameters<typeof writeManifest>[3]): Promise<void> {
  const { outDir } = run.options;
  const names = files.map((f) => path.relative(outDir, f).split(path.sep).join('/'));
  await attemptFor(run)(path.join(outDir, MANIFEST_FILE), '', 'export/failed', () => writeManifest(outDir, counts, names, since));
}

/** The settings recorded in the append index (an append with other settings resolves everything again). */
function graphSettings(options: BuildOptions): GraphSettings {
  return {
    keepUnasserted: options.keepUnasserted ?? false,
    keepAnonymousQuotes: options.keepAnonymousQuotes ?? false,
    keepDuplicates: options.keepDuplicates ?? false,
    corrections: options.corrections?.length ? JSON.stringify(options.corrections) : '',
  };
}

/** A list of a few names, for a one-line message. */
function listed(names: readonly string[], most = 3): string {
  return names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${names.length - most} more`;
}

/** The side files the embedded store keeps beside its database file. */
const KUZU_SIDE_FILES = ['.wal', '.shadow', '.lock', '.tmp'];

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

/** What an incremental append builds on: the build's append index and resolution, when they may be used. */
interface IncrementalBase {
  readonly index: AppendIndex;
  readonly stored: StoredResolution;
  readonly manifest: Manifest;
}

/**
 * The base of an incremental append, or undefined when the append must resolve and write
 * everything: no store to update (`--no-store`), a shard or a given resolution, corrections (a
 * merge may join any two names), results files among the inputs, other settings than the
 * build's, or files that are not the build's.
 */
async function incrementalBase(options: BuildOptions): Promise<IncrementalBase | undefined> {
  if (options.store === false || options.shard || options.resolution || options.corrections?.length || options.inputs.some(isResultsFile)) return undefined;
  const dir = options.outDir;
  const manifest = await readManifest(dir).catch(() => undefined);
  if (!manifest) return undefined;
  for (const f of [RESULTS_FILE, RESOLUTION_FILE, APPEND_INDEX_FILE]) if (!(await matchesManifest(manifest, dir, f))) return undefined;
  // The index's log: the one recorded, or none.
  const log = manifest.files[APPEND_LOG_FILE] ? await matchesManifest(manifest, dir, APPEND_LOG_FILE) : !existsSync(path.join(dir, APPEND_LOG_FILE));
  if (!log) return undefined;
  if (!(await storeMatchesManifest(manifest, dir, 'graph.kuzu'))) return undefined;
  const index = await readAppendIndex(dir);
  if (!index || !sameSettings(index.settings, graphSettings(options))) return undefined;
  try {
    const stored = JSON.parse(await readFile(path.join(dir, RESOLUTION_FILE), 'utf8')) as StoredResolution;
    return stored.format === 'newsgraph-resolution' ? { index, stored, manifest } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds the new articles to the build without resolving or writing the old ones again (see
 * append.ts); undefined when that cannot be done (an article replaced, a near-duplicate, ...).
 */
async function appendIncrementally(run: Run, base: IncrementalBase, fresh: readonly ArticleResult[], known: Known, opened: Promise<KuzuHandle>): Promise<BuildResult | undefined> {
  const { options, phases } = run;
  const ids = new Set(base.index.articles.map((a) => a.id));
  if (known.superseded.size || fresh.some((r) => ids.has(r.article.id))) return undefined;
  const t1 = performance.now();
  const plan = fresh.length ? planAppend(base.index, base.stored, fresh, run.lexicons()) : undefined;
  if (fresh.length && !plan) return undefined;
  phases.lap('plan');
  const own = path.join(options.outDir, RESULTS_FILE);
  const storeDir = path.join(options.outDir, 'graph.kuzu');
  const rewritten = plan?.rewritten.length ? await readResultsOf(own, new Set(plan.rewritten)) : [];
  phases.lap('read rewritten results');
  const written = sortResults([...rewritten, ...(plan?.stories ?? [])]);
  const graph = plan
    ? buildGraph(written, plan.resolutionOf(written), {
        ...options,
        ...(plan.resolution.duplicates ? { duplicates: new Map(Object.entries(plan.resolution.duplicates)) } : {}),
      })
    : buildGraph([], { entities: [], keyOf: () => undefined });
  phases.lap('graph');
  const t2 = performance.now();
  if (plan) {
    const attempt = attemptFor(run);
    const write = (name: string, data: () => string): Promise<boolean> => {
      const file = path.join(options.outDir, name);
      return attempt(file, '', 'export/failed', () => writeFileAtomic(file, data()));
    };
    // Added at the end: until the manifest records the new length, the next build cuts what is past it.
    await attempt(own, '', 'export/failed', () => appendFile(own, sortResults(fresh).map((r) => `${resultLine(r)}\n`).join('')));
    phases.lap('write results');
    let counts = { nodes: 0, edges: 0 };
    // Kùzu works on its own threads: the resolution and the index are written meanwhile ('store' is the wait left after them).
    const stored = attempt(storeDir, 'the embedded store ', 'store/failed', async () => {
      const stats = await updateKuzuStore(storeDir, { ...storeUpdate(base, plan, graph, options.storeLogShare), opened });
      counts = stats.totals;
      for (const [name, ms] of Object.entries(stats.phases)) phases.ms[`store ${name.replace(/Ms$/, '')}`] = ms;
    });
    await write(RESOLUTION_FILE, () => JSON.stringify(plan.resolution));
    phases.lap('write resolution');
    await writeIndex(options.outDir, base.index, plan.index, attempt);
    phases.lap('write index');
    await stored;
    // The store's log holds the updates since its file was written: part of the store.
    if (run.outputs.includes(storeDir) && existsSync(`${storeDir}.wal`)) run.outputs.push(`${storeDir}.wal`);
    phases.lap('store');
    await removeFileExports(options.outDir);
    await writeBuildManifest(run, run.outputs, { articles: plan.index.articles.length, ...counts }, { before: base.manifest, appended: [RESULTS_FILE, APPEND_LOG_FILE] });
    phases.lap('manifest');
  }
  return {
    graph,
    results: fresh,
    articles: base.index.articles.length + fresh.length,
    incremental: true,
    skipped: run.skipped,
    diagnostics: run.diagnostics,
    outputs: run.outputs,
    timings: { extractMs: t1 - run.t0, graphMs: t2 - t1, writeMs: performance.now() - t2, phases: phases.ms },
    reused: base.index.articles.length,
    unchanged: known.unchanged,
  };
}

/** The append's change to the index as one more line of its log, or the whole index (the log folded in) once the log would pass its share. */
async function writeIndex(dir: string, before: AppendIndex, after: AppendIndex, attempt: Attempt): Promise<void> {
  const [file, log] = [path.join(dir, APPEND_INDEX_FILE), path.join(dir, APPEND_LOG_FILE)];
  const line = `${JSON.stringify(indexChange(before, after))}\n`;
  const size = (f: string): Promise<number> => stat(f).then((s) => s.size, () => 0);
  if ((await size(log)) + Buffer.byteLength(line) <= INDEX_LOG_SHARE * (await size(file))) {
    // Unchanged, but one of the build's files: the manifest lists it again.
    if (await attempt(log, '', 'export/failed', () => appendFile(log, line))) await attempt(file, '', 'export/failed', async () => undefined);
    return;
  }
  if (await attempt(file, '', 'export/failed', () => writeFileAtomic(file, JSON.stringify(after)))) await rm(log, { force: true });
}

/** The store's change: the rewritten articles' rows and the entities gone, changed and new. */
function storeUpdate(base: IncrementalBase, plan: AppendPlan, graph: NewsGraph, logShare: number | undefined): Parameters<typeof updateKuzuStore>[1] {
  const old = new Map(base.stored.entities.map((e) => [e.key, e]));
  return {
    dropArticles: [...plan.rewritten, ...plan.dropped],
    dropNodes: plan.removedEntities.map((key) => ({ label: (old.get(key) as { type: string }).type, key })),
    setNodes: plan.changedEntities.map(({ key, type, ...attrs }) => ({ label: type, key, attrs })),
    graph,
    existing: (key) => old.has(key),
    ...(logShare !== undefined ? { logShare } : {}),
  };
}
