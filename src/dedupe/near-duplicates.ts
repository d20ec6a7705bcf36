/**
 * Near-duplicate articles: re-saved copies (CRLF line ends, HTML and text
 * of one page), wire copies run by several outlets, lightly edited versions
 * of one story. Each article's cleaned text gets a MinHash fingerprint of
 * its word 4-shingles (lower-cased, punctuation and line ends ignored);
 * articles whose estimated Jaccard similarity is at least
 * NEAR_DUPLICATE_THRESHOLD are one story. Candidate pairs come from LSH
 * banding (21 bands of 3 hashes), so a corpus is not compared pair by pair.
 *
 * The threshold: copies and wire versions share nearly every shingle (0.8
 * to 1); a story with a changed headline, byline and a few edited words
 * stays above 0.6; two reports of the same event in their own words, or a
 * follow-up that quotes a paragraph of the first, share well under 0.3.
 * 0.5 sits between (test/dedupe/near-duplicates.test.ts holds made-up pairs
 * and near misses). Pure.
 */
import type { ArticleResult } from '../types.js';

export const NEAR_DUPLICATE_THRESHOLD = 0.5;
const SHINGLE_WORDS = 4;
const HASHES = 64;
const BANDS = 21;
const ROWS = 3;

/** FNV-1a, 32 bits, over the UTF-16 code units of words[from..to) joined by single spaces. */
function fnv1aWords(words: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const s = words[w] as string;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit mix, here keyed by a per-hash seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The words of a text as the fingerprint sees them: lower case, letters and digits only. */
function normaliseForShingles(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** The MinHash fingerprint of a text (HASHES unsigned 32-bit minima); empty for a text without words. */
export function fingerprintText(text: string): number[] {
  const words = normaliseForShingles(text);
  if (words.length === 0) return [];
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) shingles[i] = fnv1aWords(words, i, Math.min(words.length, i + SHINGLE_WORDS));
  // One hash function at a time over all shingles (its running minimum stays in a register):
  // half the time of all hash functions per shingle.
  const mins = new Array<number>(HASHES);
  for (let k = 0; k < HASHES; k++) {
    const seed = SEEDS[k] as number;
    let min = 0xffffffff;
    for (let i = 0; i < count; i++) {
      const v = mix(shingles[i] as number, seed);
      if (v < min) min = v;
    }
    mins[k] = min;
  }
  return mins;
}

/** Estimated Jaccard similarity of two fingerprints (0 when either is missing or empty). */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== HASHES || b.length !== HASHES) return 0;
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

export interface NearDuplicates {
  /** One result per story, in the given order. */
  readonly kept: ArticleResult[];
  /** Kept article id -> the ids of its duplicates (sorted). */
  readonly duplicates: Map<string, string[]>;
}

/**
 * Groups near-duplicate results and keeps one per group: the one with a
 * publication date (the earliest), then the longest text, then the first
 * id. Results without a fingerprint are always kept.
 */
export function findNearDuplicates(results: readonly ArticleResult[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicates {
  const parent = results.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const buckets = new Map<string, number[]>();
  results.forEach((r, i) => {
    for (const key of bandKeys(r.article.fingerprint)) {
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const compared = new Set<string>();
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const ri = find(i);
        const rj = find(j);
        if (ri === rj) continue;
        const pair = `${i}:${j}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (estimateSimilarity(results[i]!.article.fingerprint!, results[j]!.article.fingerprint!) >= threshold) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, number[]>();
  results.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const keep = new Set<number>();
  const duplicates = new Map<string, string[]>();
  for (const members of groups.values()) {
    const best = members.reduce((a, b) => (better(results[b]!, results[a]!) ? b : a));
    keep.add(best);
    if (members.length > 1) {
      duplicates.set(results[best]!.article.id, members.filter((m) => m !== best).map((m) => results[m]!.article.id).sort());
    }
  }
  return { kept: results.filter((_, i) => keep.has(i)), duplicates };
}

/** The buckets a fingerprint falls in (none for a missing one): articles that share none are never compared. */
export function bandKeys(f: readonly number[] | null | undefined): string[] {
  if (!f || f.length !== HASHES) return [];
  return Array.from({ length: BANDS }, (_, b) => `${b}:${f[b * ROWS]}:${f[b * ROWS + 1]}:${f[b * ROWS + 2]}`);
}

/** Whether `a` is the better copy of a story to keep than `b`. */
function better(a: ArticleResult, b: ArticleResult): boolean {
  return betterCopy(copyOf(a), copyOf(b));
}

/** What choosing the copy of a story to keep looks at. */
export interface StoryCopy {
  readonly id: string;
  readonly published?: string | undefined;
  readonly chars: number;
}

const copyOf = (r: ArticleResult): StoryCopy => ({ id: r.article.id, published: r.article.published?.date, chars: r.article.chars });

/** Whether `a` is the better copy of a story to keep than `b`: a publication date (the earliest), then the longer text, then the first id. */
export function betterCopy(a: StoryCopy, b: StoryCopy): boolean {
  const pa = a.published;
  const pb = b.published;
  if ((pa === undefined) !== (pb === undefined)) return pa !== undefined;
  if (pa !== undefined && pb !== undefined && pa !== pb) return pa < pb;
  if (a.chars !== b.chars) return a.chars > b.chars;
  return a.id < b.id;
}
