/**
 * Stable keys for nodes and edges. The same entity, article, quote or act
 * gets the same key in every build (and on every shard), so that graphology
 * `mergeNode`, Kuzu and Neo4j `MERGE` are idempotent.
 */
import type { EntityType } from '../types.js';
import { foldDiacritics } from '../text/fold.js';

/** Lowercase slug: diacritics removed, runs of anything but letters/digits -> '-'. */
export function slug(text: string): string {
  const s = foldDiacritics(text)
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

export const entityKey = (type: EntityType, name: string): string => `${type.toLowerCase()}:${slug(name)}`;
export const articleKey = (file: string): string => `article:${file}`;
export const quoteKey = (file: string, start: number): string => `quote:${file}:${start}`;
export const mentionEdgeKey = (source: string, target: string): string => `MENTIONED_IN:${source}->${target}`;
export const saidEdgeKey = (source: string, quote: string): string => `SAID:${source}->${quote}`;
export const saidToEdgeKey = (quote: string, target: string): string => `SAID_TO:${quote}->${target}`;
/** One edge per act per article: the same act reported by two articles gives two edges. */
export const relationEdgeKey = (type: string, source: string, target: string, file: string, start: number): string =>
  `${type}:${source}->${target}@${file}:${start}`;
