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
/** A worker's answer to one job (jobs are answered in the order they were sent). */
export type WorkerResult = { id: number; result: ArticleResult } | { id: number; error: string };

interface Pending {
  resolve: (r: ArticleResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Jobs sent to this worker and not answered yet, oldest first (kept to send them again if it dies). */
  readonly inflight: Map<number, { id: number; article: Article }>;
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
}

/**
 * V8 optimises hot functions (TurboFan) on background threads while the JavaScript thread goes
 * on in slower code. That is free on an idle core, which a single-threaded build has; a pool with
 * a worker on every core has none, and the background compiles then compete with the workers for
 * the cores while each worker runs unoptimised code longer. Measured with
 * `scripts/pool-usage.mjs --limit 2000 --workers 2` on 2 cores (session 5, docs/scaling.md):
 * with background compiling, extraction took 5.1 s wall and its threads 10.1 s of CPU (4.6 s of
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

  constructor(size: number, options: PoolOptions | string = {}) {
    const opts = typeof options === 'string' ? { dataDir: options } : options;
    this.script = workerScript();
    this.dataDir = opts.dataDir;
    this.depth = Math.max(1, opts.depth ?? 8);
    useBackgroundCompiler(opts.backgroundCompiler ?? Math.max(1, size) < os.availableParallelism());
    for (let i = 0; i < Math.max(1, size); i++) this.spawn();
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      workerData: this.dataDir ? { dataDir: this.dataDir } : {},
      // `--input-type` (for `node --input-type=module -e ...`) would stop the worker script from loading.
      execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
    });
    const slot: Slot = { worker, inflight: new Map() };
    worker.on('message', (msg: WorkerResult) => this.settle(slot, msg));
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`worker exited with code ${code}`));
    });
    this.slots.push(slot);
  }

  /** Runs the per-article stages on a worker. */
  process(article: Article): Promise<ArticleResult> {
    if (this.closed) return Promise.reject(new Error('the article pool is closed'));
    const id = this.nextId++;
    const p = new Promise<ArticleResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, article });
    this.pump();
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
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
      for (const j of jobs) best.inflight.set(j.id, j);
      best.worker.postMessage({ jobs } satisfies WorkerJobs);
    }
  }

  private settle(slot: Slot, r: WorkerResult): void {
    slot.inflight.delete(r.id);
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
}
