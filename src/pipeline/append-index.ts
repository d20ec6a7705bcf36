/**
 * `append-index.json`: what `build --append` needs to add articles to a
 * build without reading the old articles' results: every article's id,
 * content hash, path and near-duplicate fingerprint, the entity records
 * cross-article resolution read (entity-records.ts) with the name and block
 * keys they can join others by, and the settings the graph was built with
 * (an append with other settings builds everything again).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleResult } from '../types.js';
import type { EntityRecord } from '../resolve/entity-records.js';

export const APPEND_INDEX_FILE = 'append-index.json';
const FORMAT = 'newsgraph-append-index';

/** The settings a graph depends on besides its articles. */
export interface GraphSettings {
  readonly keepUnasserted: boolean;
  readonly keepAnonymousQuotes: boolean;
  readonly keepDuplicates: boolean;
  /** The user's corrections, as given (empty: none). */
  readonly corrections: string;
}

export interface IndexedArticle {
  readonly id: string;
  readonly hash: string;
  readonly path: string;
  readonly fingerprint: readonly number[] | null;
  /** What choosing the copy of a story to keep looks at (near-duplicates.ts). */
  readonly published?: string;
  readonly chars: number;
}

/** An entity record without its article position, with the keys it joins by (`recordKeys`). */
export interface IndexedRecord extends Omit<EntityRecord, 'article'> {
  readonly keys: readonly string[];
}

export interface AppendIndex {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly settings: GraphSettings;
  /** Every article of `results.jsonl`, in article-id order. */
  readonly articles: readonly IndexedArticle[];
  /** The articles resolution saw (near-duplicates set aside), in its order, with their entities' records. */
  readonly stories: readonly { readonly id: string; readonly records: readonly IndexedRecord[] }[];
}

export const indexedArticle = (r: ArticleResult): IndexedArticle => ({
  id: r.article.id,
  hash: r.article.hash,
  path: r.article.path,
  fingerprint: r.article.fingerprint ?? null,
  ...(r.article.published ? { published: r.article.published.date } : {}),
  chars: r.article.chars,
});

/** The index of a build: its articles, and its stories' records (in story order, as resolution numbered them) with their keys. */
export function makeAppendIndex(
  settings: GraphSettings,
  articles: readonly IndexedArticle[],
  stories: readonly string[],
  records: readonly EntityRecord[],
  keysOf: (record: number) => readonly string[],
): AppendIndex {
  const perStory: IndexedRecord[][] = stories.map(() => []);
  records.forEach(({ article, ...rest }, i) => perStory[article]?.push({ ...rest, keys: keysOf(i) }));
  return { format: FORMAT, version: 1, settings, articles, stories: stories.map((id, n) => ({ id, records: perStory[n] ?? [] })) };
}

/** The folder's append index, or undefined when it has none or it cannot be read (the append then resolves everything again). */
export async function readAppendIndex(dir: string): Promise<AppendIndex | undefined> {
  try {
    const index = JSON.parse(await readFile(path.join(dir, APPEND_INDEX_FILE), 'utf8')) as AppendIndex;
    return index.format === FORMAT && index.version === 1 ? index : undefined;
  } catch {
    return undefined;
  }
}

export const sameSettings = (a: GraphSettings, b: GraphSettings): boolean =>
  a.keepUnasserted === b.keepUnasserted && a.keepAnonymousQuotes === b.keepAnonymousQuotes && a.keepDuplicates === b.keepDuplicates && a.corrections === b.corrections;
