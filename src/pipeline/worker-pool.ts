/**
 * A small pool of worker threads for the per-article stages (wink-nlp and
 * the lexicons loaded once per worker). Results come back as promises; the
 * caller keeps input order, so the graph is the same whatever the number of
 * workers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
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

interface Pending {
  resolve: (r: ArticleResult) => void;
  reject: (e: Error) => void;
}

export class ArticlePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; article: Article }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;

  private readonly script: string;
  private readonly dataDir: string | undefined;

  constructor(size: number, dataDir?: string) {
    this.script = workerScript();
    this.dataDir = dataDir;
    for (let i = 0; i < Math.max(1, size); i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(this.script, { workerData: this.dataDir ? { dataDir: this.dataDir } : {} });
    w.on('message', (msg: { id: number; result?: ArticleResult; error?: string }) => this.settle(w, msg));
    w.on('error', (e) => this.fail(w, e));
    this.workers.push(w);
    this.idle.push(w);
  }

  /** Runs the per-article stages on a worker. */
  process(article: Article): Promise<ArticleResult> {
    const id = this.nextId++;
    const p = new Promise<ArticleResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, article });
    this.pump();
    return p;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(w, job.id);
      w.postMessage(job);
    }
  }

  private settle(w: Worker, msg: { id: number; result?: ArticleResult; error?: string }): void {
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    this.busy.delete(w);
    this.idle.push(w);
    if (p) {
      if (msg.result) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'worker failed'));
    }
    this.pump();
  }

  /** A worker died (out of memory, a crash in native code): fail its article, replace it. */
  private fail(w: Worker, e: Error): void {
    const id = this.busy.get(w);
    if (id !== undefined) {
      this.pending.get(id)?.reject(e);
      this.pending.delete(id);
    }
    this.busy.delete(w);
    this.workers.splice(this.workers.indexOf(w), 1);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    this.spawn();
    this.pump();
  }
}
