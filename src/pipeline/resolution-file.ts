/**
 * A cross-article resolution as plain JSON (`resolution.json`): the corpus
 * entities and, for every article id, the key of each of its entities. A
 * build writes the one it computed; `build --shard i/n --resolution FILE`
 * uses a resolution computed over every shard's results, so that all shards
 * give the same keys and the same entity nodes, and their graphs merged by
 * key are the graph of a single build.
 */
import type { ArticleResult } from '../types.js';
import type { CorpusEntity, CorpusResolution } from '../resolve/resolve-corpus.js';
import { NgError } from '../errors.js';

export interface StoredResolution {
  readonly format: 'newsgraph-resolution';
  readonly version: 1;
  readonly entities: readonly CorpusEntity[];
  /** Article id -> key of entity i of that article (null: no node). */
  readonly keys: Readonly<Record<string, readonly (string | null)[]>>;
  /** Kept article id -> the ids of its near-duplicates, which have no keys (see src/dedupe/). */
  readonly duplicates?: Readonly<Record<string, readonly string[]>>;
}

export function storeResolution(results: readonly ArticleResult[], resolution: CorpusResolution, duplicates?: ReadonlyMap<string, readonly string[]>): StoredResolution {
  const keys: Record<string, (string | null)[]> = {};
  results.forEach((r, i) => {
    keys[r.article.id] = r.entities.map((e) => resolution.keyOf(i, e.id) ?? null);
  });
  return { format: 'newsgraph-resolution', version: 1, entities: resolution.entities, keys, ...(duplicates?.size ? { duplicates: Object.fromEntries(duplicates) } : {}) };
}

/** The near-duplicates a stored resolution set aside: results without them, and the kept ones' lists. */
export function storedDuplicates(stored: StoredResolution, results: readonly ArticleResult[]): { kept: ArticleResult[]; duplicates: Map<string, string[]> } {
  const lists = Object.entries(stored.duplicates ?? {});
  const dropped = new Set(lists.flatMap(([, ids]) => ids));
  const kept = results.filter((r) => !dropped.has(r.article.id));
  const ids = new Set(kept.map((r) => r.article.id));
  return { kept, duplicates: new Map(lists.filter(([id]) => ids.has(id)).map(([id, dups]) => [id, [...dups]])) };
}

/**
 * The resolution for `results` (a subset of the articles it was computed on),
 * keeping only the entities those results refer to. Throws CONFIG_INVALID
 * when an article is not in it (it was resolved without that article).
 */
export function resolutionFor(stored: StoredResolution, results: readonly ArticleResult[]): CorpusResolution {
  if (stored.format !== 'newsgraph-resolution' || stored.version !== 1) throw new NgError('not a newsgraph resolution file (format newsgraph-resolution, version 1)', 'CONFIG_INVALID');
  const perArticle = results.map((r) => {
    const keys = stored.keys[r.article.id];
    if (!keys) throw new NgError(`article ${r.article.id} is not in the resolution file: resolve again with its results`, 'CONFIG_INVALID');
    return keys;
  });
  const used = new Set(perArticle.flat().filter((k): k is string => k !== null));
  return {
    entities: stored.entities.filter((e) => used.has(e.key)),
    keyOf: (articleIndex, entityId) => perArticle[articleIndex]?.[entityId] ?? undefined,
  };
}
