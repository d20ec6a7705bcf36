/**
 * `append-index.json`: what `build --append` needs to add articles to a
 * build without reading the old articles' results: every article's id,
 * content hash, path and near-duplicate fingerprint, the entity records
 * cross-article resolution read (entity-records.ts) with the name and block
 * keys they can join others by, and the settings the graph was built with
 * (an append with other settings builds everything again).
 *
 * An append changes little of it (articles and stories added, stories that
 * became near-duplicates gone; an old story's records never change), so it
 * adds its change as one line of `append-index.log` instead of writing the
 * index again; once the log would pass `INDEX_LOG_SHARE` of the index, the
 * index is written whole with the log folded in, and the log goes. A reader
 * applies the log's lines in order; a line cut short (an append stopped while
 * writing it) is not one of the build's and is left out, and a line whose
 * articles the index already holds (a fold stopped before the log went)
 * changes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleResult } from '../types.js';
import type { EntityRecord } from '../resolve/entity-records.js';

export const APPEND_INDEX_FILE = 'append-index.json';
export const APPEND_LOG_FILE = 'append-index.log';
/** The share of the index's size the log may reach before it is folded in. */
export const INDEX_LOG_SHARE = 0.25;
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

/** The folder's append index with its log applied, or undefined when it has none or it cannot be read (the append then resolves everything again). */
export async function readAppendIndex(dir: string): Promise<AppendIndex | undefined> {
  try {
    const [text, log] = await Promise.all([readFile(path.join(dir, APPEND_INDEX_FILE), 'utf8'), readFile(path.join(dir, APPEND_LOG_FILE), 'utf8').catch(() => '')]);
    const index = JSON.parse(text) as AppendIndex;
    if (index.format !== FORMAT || index.version !== 1) return undefined;
    return log.split('\n').reduce((at, line) => applyChange(at, parseChange(line)), index);
  } catch {
    return undefined;
  }
}

/** What an append changed in the index: one line of the log. */
export interface IndexChange {
  readonly articles: readonly IndexedArticle[];
  readonly stories: AppendIndex['stories'];
  /** Stories that are now near-duplicates of another article. */
  readonly dropped: readonly string[];
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The change from `before` to `after`, an append's result (which only adds articles and stories, and drops stories). */
export function indexChange(before: AppendIndex, after: AppendIndex): IndexChange {
  const articles = new Set(before.articles.map((a) => a.id));
  const stories = new Set(before.stories.map((s) => s.id));
  const kept = new Set(after.stories.map((s) => s.id));
  return {
    articles: after.articles.filter((a) => !articles.has(a.id)),
    stories: after.stories.filter((s) => !stories.has(s.id)),
    dropped: before.stories.filter((s) => !kept.has(s.id)).map((s) => s.id),
  };
}

function parseChange(line: string): IndexChange | undefined {
  try {
    const change = JSON.parse(line) as IndexChange;
    return Array.isArray(change.articles) && Array.isArray(change.stories) && Array.isArray(change.dropped) ? change : undefined;
  } catch {
    return undefined;
  }
}

/** `index` with `change` applied; the articles it already holds are not added again. */
export function applyChange(index: AppendIndex, change: IndexChange | undefined): AppendIndex {
  if (!change) return index;
  const articles = new Set(index.articles.map((a) => a.id));
  const stories = new Set(index.stories.map((s) => s.id));
  const dropped = new Set(change.dropped);
  return {
    ...index,
    articles: [...index.articles, ...change.articles.filter((a) => !articles.has(a.id))].sort(byId),
    stories: [...index.stories.filter((s) => !dropped.has(s.id)), ...change.stories.filter((s) => !stories.has(s.id))].sort(byId),
  };
}

export const sameSettings = (a: GraphSettings, b: GraphSettings): boolean =>
  a.keepUnasserted === b.keepUnasserted && a.keepAnonymousQuotes === b.keepAnonymousQuotes && a.keepDuplicates === b.keepDuplicates && a.corrections === b.corrections;
