/**
 * A small pool of worker threads for the per-article stages (wink-nlp and
 * the lexicons loaded once per worker). Results come back as promises; the
 * caller keeps input order, and the nlp stage is reset per article, so the
 * graph is the same whatever the number of workers.
 *
 * Throughput: each worker keeps up to `depth` articles in flight, sent in
 * batches (one message for everything queued when the worker has room), so a
 * worker never waits for the main thread between articles. Each result comes
 * back as soon as it is ready, in order, so when a worker dies the article it
 * was on is known: that one fails, the others it held are sent again.
 *
 * Budget: each worker's heap is capped (`heapMb`, V8's resource limits), and
 * a watchdog ends a worker whose current article runs longer than
 * `timeoutMs`. Either way that article fails with a message saying which
 * limit it hit, and the worker is replaced.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleResult } from '../types.js';
import { PACKAGE_ROOT } from '../paths.js';

/** The compiled worker script (workers cannot run the .ts sources under a test runner). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = path.join(path.dirname(here), 'article-worker.js');
  if (here.endsWith('.js') && existsSync(sibling)) return sibling;
  const built = path.join(PACKAGE_ROOT, 'dist', 'pipeline', 'article-worker.js');
  if (!existsSync(built)) throw new Error(`worker-pool: ${built} is missing; run \`npm run build\` first`);
  return built;
}

/** A message to a worker: articles to process. */
export interface WorkerJobs {
  jobs: { id: number; article: Article }[];
}
/** A worker's answer to one job (jobs are answered in the order they were sent), or its word that it has loaded and is ready. */
export type WorkerResult = { id: number; result: ArticleResult } | { id: number; error: string } | { ready: true };

/** Thrown (as the rejection of every article) when a worker cannot even start: no article is to blame. */
export class PoolStartError extends Error {}

interface Pending {
  resolve: (r: ArticleResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Jobs sent to this worker and not answered yet, oldest first (kept to send them again if it dies). */
  readonly inflight: Map<number, { id: number; article: Article }>;
  /** Whether it has loaded (only then does the watchdog time its articles). */
  ready: boolean;
  /** When it started on the oldest job it holds. */
  since: number;
}

export interface PoolOptions {
  /** Folder of the lexicons (default: the package's data/). */
  readonly dataDir?: string;
  /** Articles in flight per worker (default 8). */
  readonly depth?: number;
  /**
   * Whether the workers optimise hot code on V8's background compiler threads (default: only
   * when the pool leaves a core idle, see `useBackgroundCompiler`).
   */
  readonly backgroundCompiler?: boolean;
  /** Longest time one article may take on a worker, in ms (default: no limit). */
  readonly timeoutMs?: number;
  /** Heap limit of each worker in MB (V8's old generation; default: V8's own). */
  readonly heapMb?: number;
}

/**
 * V8 optimises hot functions (TurboFan) on background threads while the JavaScript thread goes
 * on in slower code. That is free on an idle core, which a single-threaded build has; a pool with
 * a worker on every core has none, and the background compiles then compete with the workers for
 * the cores while each worker runs unoptimised code longer. Measured on 2,000 corpus articles,
 * 2 workers on 2 cores: with background compiling, extraction took 5.1 s wall and its threads 10.1 s of CPU (4.6 s of
 * it on V8's helper threads); compiling on the worker threads, 3.8 to 4.3 s wall and 7.6 to 8.6 s
 * of CPU (0.2 s on helper threads), the same results.
 *
 * The flag is process-wide but read when an isolate starts, so it changes the isolates of the
 * workers started after this call and never the running main thread's.
 */
function useBackgroundCompiler(on: boolean): void {
  v8.setFlagsFromString(on ? '--concurrent-recompilation' : '--no-concurrent-recompilation');
}

export class ArticlePool {
  private readonly slots: Slot[] = [];
  private readonly queue: { id: number; article: Article }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  private readonly script: string;
  private readonly dataDir: string | undefined;
  private readonly depth: number;
  private readonly timeoutMs: number | undefined;
  private readonly heapMb: number | undefined;
  private readonly watchdog: NodeJS.Timeout | undefined;
  private broken: Error | undefined;

  constructor(size: number, options: PoolOptions | string = {}) {
    const opts = typeof options === 'string' ? { dataDir: options } : options;
    this.script = workerScript();
    this.dataDir = opts.dataDir;
    this.depth = Math.max(1, opts.depth ?? 8);
    this.timeoutMs = opts.timeoutMs;
    this.heapMb = opts.heapMb;
    useBackgroundCompiler(opts.backgroundCompiler ?? Math.max(1, size) < os.availableParallelism());
    for (let i = 0; i < Math.max(1, size); i++) this.spawn();
    if (this.timeoutMs !== undefined) {
      this.watchdog = setInterval(() => this.checkTimes(), Math.max(20, Math.min(1000, this.timeoutMs / 4)));
      this.watchdog.unref();
    }
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      workerData: this.dataDir ? { dataDir: this.dataDir } : {},
      // `--input-type` (for `node --input-type=module -e ...`) would stop the worker script from loading.
      execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
      ...(this.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } }),
    });
    const slot: Slot = { worker, inflight: new Map(), ready: false, since: 0 };
    worker.on('message', (msg: WorkerResult) => {
      if ('ready' in msg) {
        slot.ready = true;
        slot.since = performance.now();
      } else {
        this.settle(slot, msg);
      }
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`worker exited with code ${code}`));
    });
    this.slots.push(slot);
  }

  /** Runs the per-article stages on a worker. */
  process(article: Article): Promise<ArticleResult> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('the article pool is closed'));
    const id = this.nextId++;
    const p = new Promise<ArticleResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, article });
    this.pump();
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const [id, p] of this.pending) p.reject(new Error(`the article pool was closed before article job ${id} finished`));
    this.pending.clear();
    this.queue.length = 0;
  }

  /** Sends queued articles to the workers with room, least loaded first. */
  private pump(): void {
    while (this.queue.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inflight.size < this.depth && (!best || s.inflight.size < best.inflight.size)) best = s;
      if (!best) return;
      const room = this.depth - best.inflight.size;
      // Spread what is queued over the workers with room rather than filling the first one.
      const share = Math.max(1, Math.min(room, Math.ceil(this.queue.length / this.slots.length)));
      const jobs = this.queue.splice(0, share);
      if (best.inflight.size === 0) best.since = performance.now();
      for (const j of jobs) best.inflight.set(j.id, j);
      best.worker.postMessage({ jobs } satisfies WorkerJobs);
    }
  }

  private settle(slot: Slot, r: Exclude<WorkerResult, { ready: true }>): void {
    slot.inflight.delete(r.id);
    slot.since = performance.now();
    const p = this.pending.get(r.id);
    this.pending.delete(r.id);
    if (p) {
      if ('result' in r) p.resolve(r.result);
      else p.reject(new Error(r.error));
    }
    if (slot.inflight.size <= this.depth / 2) this.pump();
  }

  /**
   * A worker died (out of memory, a crash in native code): fail the article it was on (the
   * oldest it held), send the others again, replace the worker.
   */
  private fail(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (!slot.ready && !this.closed) {
      // It died loading the lexicons: every worker would, so the pool gives up instead of blaming an article.
      this.broken = new PoolStartError(`a worker could not start: ${this.reason(e)}`);
      this.closed = true;
      clearInterval(this.watchdog);
      for (const [, p] of this.pending) p.reject(this.broken);
      this.pending.clear();
      this.queue.length = 0;
      void slot.worker.terminate();
      for (const s of this.slots) void s.worker.terminate();
      return;
    }
    e = new Error(this.reason(e));
    const [current, ...rest] = [...slot.inflight.values()];
    slot.inflight.clear();
    if (current !== undefined) {
      this.pending.get(current.id)?.reject(e);
      this.pending.delete(current.id);
    }
    this.queue.unshift(...rest);
    void slot.worker.terminate();
    if (this.closed) return;
    this.spawn();
    this.pump();
  }

  /** A worker's death in words that name the limit it hit. */
  private reason(e: Error): string {
    if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return `it ran out of memory (limit ${this.heapMb ?? 'V8 default'} MB per article; --article-memory)`;
    return e.message;
  }

  /** Ends the workers whose current article has run past the time limit (that article fails, the rest go on). */
  private checkTimes(): void {
    if (this.timeoutMs === undefined || this.closed) return;
    const now = performance.now();
    for (const slot of [...this.slots]) {
      if (!slot.ready || slot.inflight.size === 0 || now - slot.since <= this.timeoutMs) continue;
      this.fail(slot, new Error(`it took longer than ${formatSeconds(this.timeoutMs)} (the time limit per article; --article-timeout)`));
    }
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
