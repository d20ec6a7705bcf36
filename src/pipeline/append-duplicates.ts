/**
 * Near-duplicates for an incremental append: the new articles are compared
 * with the build's articles through their fingerprints' buckets, as a full
 * build compares them, and the groups they join choose their kept copy
 * again. A new article can thus be a duplicate of a story, or become the
 * story an old article is now a duplicate of. Pure.
 */
import type { ArticleResult } from '../types.js';
import { bandKeys, betterCopy, estimateSimilarity, NEAR_DUPLICATE_THRESHOLD, type StoryCopy } from '../dedupe/near-duplicates.js';
import type { AppendIndex } from './append-index.js';

export interface DuplicatePlan {
  /** The new articles that are stories (the others are duplicates of one). */
  readonly stories: readonly ArticleResult[];
  /** Old stories that are now duplicates of another article. */
  readonly dropped: ReadonlySet<string>;
  /** Old stories whose list of duplicates changed. */
  readonly relisted: ReadonlySet<string>;
  /** Kept article id -> its duplicates, in the order a full build lists them. */
  readonly duplicates: Record<string, string[]> | undefined;
}

class Groups {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let p = this.parent.get(id) ?? id;
    while (p !== id) {
      id = p;
      p = this.parent.get(id) ?? id;
    }
    return id;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  members(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of this.parent.keys()) out.set(this.find(id), []);
    for (const id of new Set([...this.parent.keys(), ...this.parent.values()])) out.get(this.find(id))?.push(id);
    return out;
  }
}

export function planDuplicates(index: AppendIndex, stored: Readonly<Record<string, readonly string[]>> | undefined, fresh: readonly ArticleResult[]): DuplicatePlan {
  const copies = new Map<string, StoryCopy>(index.articles.map((a) => [a.id, { id: a.id, published: a.published, chars: a.chars }]));
  for (const r of fresh) copies.set(r.article.id, { id: r.article.id, published: r.article.published?.date, chars: r.article.chars });
  const groups = new Groups();
  const keptOf = new Map<string, string>();
  for (const [kept, dups] of Object.entries(stored ?? {})) {
    keptOf.set(kept, kept);
    for (const d of dups) {
      keptOf.set(d, kept);
      groups.union(kept, d);
    }
  }
  const buckets = new Map<string, { id: string; f: readonly number[] }[]>();
  const add = (id: string, f: readonly number[], k: string): void => {
    const list = buckets.get(k);
    if (list) list.push({ id, f });
    else buckets.set(k, [{ id, f }]);
  };
  // Only the old articles' buckets that a new article falls in matter; a bucket's first hash tells
  // most apart without making its key (a key is `band:h1:h2:h3`, h1 the band's first hash).
  const newKeys = new Set(fresh.flatMap((r) => bandKeys(r.article.fingerprint)));
  // Band -> the first hashes of the new keys in it (numbers: no key is made for an old article that has none).
  const firsts = new Map<number, Set<number>>();
  for (const k of newKeys) {
    const [band, first] = k.split(':', 2).map(Number) as [number, number];
    firsts.set(band, (firsts.get(band) ?? new Set()).add(first));
  }
  for (const a of index.articles) {
    const f = a.fingerprint;
    if (!f?.some((h, i) => i % 3 === 0 && firsts.get(i / 3)?.has(h))) continue;
    for (const k of bandKeys(f)) if (newKeys.has(k)) add(a.id, f, k);
  }
  const freshIds = new Set<string>();
  for (const r of [...fresh].sort((a, b) => (a.article.id < b.article.id ? -1 : 1))) {
    const f = r.article.fingerprint;
    for (const k of bandKeys(f)) {
      for (const g of buckets.get(k) ?? []) if (estimateSimilarity(f as readonly number[], g.f) >= NEAR_DUPLICATE_THRESHOLD) groups.union(r.article.id, g.id);
    }
    for (const k of bandKeys(f)) add(r.article.id, f as readonly number[], k);
    freshIds.add(r.article.id);
  }
  const duplicates = new Map(Object.entries(stored ?? {}).map(([k, v]) => [k, [...v]]));
  const dropped = new Set<string>();
  const relisted = new Set<string>();
  const notStories = new Set<string>();
  for (const members of groups.members().values()) {
    if (!members.some((m) => freshIds.has(m))) continue;
    const best = members.reduce((a, b) => (betterCopy(copies.get(b) as StoryCopy, copies.get(a) as StoryCopy) ? b : a));
    for (const m of members) {
      if (keptOf.get(m) === m) duplicates.delete(m);
      if (m === best) continue;
      if (freshIds.has(m)) notStories.add(m);
      // An old article is a story when it was no one's duplicate.
      else if ((keptOf.get(m) ?? m) === m) dropped.add(m);
    }
    duplicates.set(best, members.filter((m) => m !== best).sort());
    if (!freshIds.has(best)) relisted.add(best);
  }
  const first = (k: string, dups: readonly string[]): string => [k, ...dups].reduce((a, b) => (b < a ? b : a));
  const ordered = [...duplicates].sort(([a, x], [b, y]) => (first(a, x) < first(b, y) ? -1 : 1));
  return {
    stories: fresh.filter((r) => !notStories.has(r.article.id)),
    dropped,
    relisted,
    duplicates: ordered.length ? Object.fromEntries(ordered) : undefined,
  };
}
