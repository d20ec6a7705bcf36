/**
 * Worker-thread entry: loads wink-nlp and the lexicons once, then runs the
 * per-article stages for each article the pool sends. Messages: in
 * `{ jobs: [{ id, article }] }` (a batch), out one `{ id, result }` or
 * `{ id, error }` per job, in order, as each is done; first `{ ready: true }`
 * once loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../errors.js';
import { loadLexicons } from './lexicons.js';
import { processArticle } from './process-article.js';
import type { WorkerJobs, WorkerResult } from './worker-pool.js';

const lex = loadLexicons((workerData as { dataDir?: string } | undefined)?.dataDir);
// The pool times articles from here on (loading is not an article's time) and knows a death from now on is an article's.
parentPort?.postMessage({ ready: true } satisfies WorkerResult);
parentPort?.on('message', (msg: WorkerJobs) => {
  for (const { id, article } of msg.jobs) {
    let out: WorkerResult;
    try {
      out = { id, result: processArticle(article, lex) };
    } catch (e) {
      out = { id, error: errorMessage(e) };
    }
    parentPort?.postMessage(out);
  }
});
