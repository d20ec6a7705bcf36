/**
 * Worker-thread entry: loads wink-nlp and the lexicons once, then runs the
 * per-article stages for each article the pool sends. Messages:
 * in `{ id, article }`, out `{ id, result }` or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../types.js';
import { errorMessage } from '../errors.js';
import { loadLexicons } from './lexicons.js';
import { processArticle } from './process-article.js';

const lex = loadLexicons((workerData as { dataDir?: string } | undefined)?.dataDir);
parentPort?.on('message', (msg: { id: number; article: Article }) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: processArticle(msg.article, lex) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: errorMessage(e) });
  }
});
