/**
 * The per-article results of a build, kept in the output folder
 * (`results.jsonl`: one ArticleResult per line) so that `build --append` can
 * add articles without running the per-article stages on the old ones again,
 * and so that the results of `--shard` builds can be resolved together.
 * An append adds the new articles' lines at the end of the file, in place;
 * the manifest records the file's parts (manifest.ts), so the lines of an
 * append stopped before its manifest was written are cut by the next build.
 * Readers put the results in article-id order (`sortResults`).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleResult } from '../types.js';
import { NgError } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';

export const RESULTS_FILE = 'results.jsonl';

/** Whether an input names a results file (`results.jsonl`, `shard-1.results.jsonl`) rather than an article. */
export const isResultsFile = (file: string): boolean => path.basename(file) === RESULTS_FILE || file.endsWith(`.${RESULTS_FILE}`);

function checkResult(value: unknown, file: string, line: number): ArticleResult {
  const r = value as Partial<ArticleResult> | null;
  if (!r || typeof r !== 'object' || !r.article || typeof r.article.id !== 'string' || typeof r.article.hash !== 'string' || !Array.isArray(r.entities) || !Array.isArray(r.mentions) || !Array.isArray(r.relations) || !Array.isArray(r.quotes)) {
    throw new NgError(`${file}:${line} is not an article result of newsgraph`, 'INPUT_UNREADABLE');
  }
  return { diagnostics: [], ...r } as ArticleResult;
}

/** Reads a results file line by line (streamed). Throws NgError INPUT_UNREADABLE on a line that is not a result. */
export async function readResults(file: string): Promise<ArticleResult[]> {
  const out: ArticleResult[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new NgError(`${file}:${n} is not JSON`, 'INPUT_UNREADABLE');
    }
    out.push(checkResult(value, file, n));
  }
  return out;
}

/** How every line of a results file starts: its article's id comes first. */
const LINE_START = Buffer.from('{"article":{"id":"');

/**
 * The results of a results file whose article ids are in `ids`, streamed. Lines are found as bytes
 * and only the wanted ones are decoded and parsed: the file is the size of the whole build.
 */
export async function readResultsOf(file: string, ids: ReadonlySet<string>): Promise<ArticleResult[]> {
  const out: ArticleResult[] = [];
  const take = (buf: Buffer, start: number, end: number): void => {
    if (end <= start) return;
    if (buf.compare(LINE_START, 0, LINE_START.length, start, Math.min(end, start + LINE_START.length)) === 0) {
      const from = start + LINE_START.length;
      const quote = buf.indexOf(34, from);
      // An id with an escape in it is read with the whole line below.
      if (quote > 0 && quote < end && !buf.subarray(from, quote).includes(92) && !ids.has(buf.toString('utf8', from, quote))) return;
    }
    const r = JSON.parse(buf.toString('utf8', start, end)) as Omit<ArticleResult, 'diagnostics'>;
    if (ids.has(r.article.id)) out.push({ diagnostics: [], ...r });
  };
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      take(buf, start, nl);
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  take(rest, 0, rest.length);
  return out;
}

/** Writes the results (diagnostics left out) to `file` atomically, one line each, streamed. */
export async function writeResults(file: string, results: readonly ArticleResult[]): Promise<void> {
  await writeFileAtomic(file, { lines: resultLines(results) });
}

/** One JSON line per result, then an empty one: the file ends with a newline (and is empty for none). */
function* resultLines(results: readonly ArticleResult[]): Generator<string> {
  for (const r of results) yield resultLine(r);
  if (results.length) yield '';
}

/** Results in article-id order (code units), the order resolution and the graph see. */
export function sortResults(results: readonly ArticleResult[]): ArticleResult[] {
  return [...results].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
}

/** One result as its line of a results file. */
export function resultLine(r: ArticleResult): string {
  const { diagnostics: _diagnostics, ...rest } = r;
  return JSON.stringify(rest);
}
