/**
 * An append that costs what is new: new articles resolved against the
 * build's append index (append-index.ts) instead of resolving every article
 * again.
 *
 * Every join of cross-article resolution is between entity records that
 * share a name or block key (`recordKeys`), so the records connected to the
 * new ones through shared keys are resolved alone exactly as among all the
 * others; every other entity keeps its key and attributes. Keys made unique
 * with `-2`, `-3` (two people of one name) are numbered again, in article
 * order, among the entities of that name. The plan says which entity nodes
 * are new, changed or gone and which old articles now refer to other keys or
 * names (their rows are written again), so the store is updated in place
 * and the result is the graph of a full build of the same files.
 *
 * Near-duplicates are grouped again where new articles join (append-duplicates.ts):
 * an old story that becomes a duplicate leaves, and its records with it.
 * `planAppend` returns undefined when the result cannot be shown to be a
 * full build's (key numbers that would cross into another name's keys), and
 * the caller resolves everything. Pure.
 */
import type { ArticleResult } from '../types.js';
import type { Lexicons } from './lexicons.js';
import { entityRecords, type EntityRecord } from '../resolve/entity-records.js';
import { recordKeys, resolveRecords, type CorpusEntity, type CorpusResolution, type ResolvedCluster } from '../resolve/resolve-corpus.js';
import { assignKeys, sortByKey } from '../resolve/cluster-keys.js';
import { entityKey } from '../graph/keys.js';
import { planDuplicates } from './append-duplicates.js';
import { indexedArticle, type AppendIndex, type IndexedRecord } from './append-index.js';
import type { StoredResolution } from './resolution-file.js';

export interface AppendPlan {
  /** The new resolution file and append index. */
  readonly resolution: StoredResolution;
  readonly index: AppendIndex;
  /** Old articles whose rows must be written again (they refer to keys or names that changed, or their duplicates did), in id order. */
  readonly rewritten: readonly string[];
  /** Old stories that are now near-duplicates of another article: their rows go. */
  readonly dropped: readonly string[];
  /** The new articles that are stories (the others are near-duplicates of one). */
  readonly stories: readonly ArticleResult[];
  /** Entity keys no longer in the graph; entities added; entities whose attributes changed. */
  readonly removedEntities: readonly string[];
  readonly addedEntities: ReadonlySet<string>;
  readonly changedEntities: readonly CorpusEntity[];
  /** The resolution of `rewritten` and the new articles (given in id order) for buildGraph. */
  resolutionOf(results: readonly ArticleResult[]): CorpusResolution;
}

/** A record of the old build or a new one, with its place in the merged article order. */
interface Placed {
  /** Its article's position and its entity id. */
  readonly article: number;
  readonly id: number;
  /** The record as the append index keeps it (with its keys). */
  readonly indexed: IndexedRecord;
  /** Its key before the append (none for a new record). */
  readonly oldKey: string | null | undefined;
  readonly story: string;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plans adding `fresh` (articles whose ids are not in the build) to the build described by
 * `index` and `stored`; undefined when the whole build must be resolved again (see above).
 */
export function planAppend(index: AppendIndex, stored: StoredResolution, fresh: readonly ArticleResult[], lex: Lexicons): AppendPlan | undefined {
  const dup = index.settings.keepDuplicates
    ? { stories: fresh, dropped: new Set<string>(), relisted: new Set<string>(), duplicates: stored.duplicates }
    : planDuplicates(index, stored.duplicates, fresh);
  const freshSorted = [...dup.stories].sort((a, b) => byId(a.article.id, b.article.id));
  const storyIds = mergeSorted(index.stories.map((s) => s.id).filter((id) => !dup.dropped.has(id)), freshSorted.map((r) => r.article.id));
  const position = new Map(storyIds.map((id, n) => [id, n]));
  const old = placeOld(index, stored, position);
  const added: Placed[] = freshSorted.flatMap((r) =>
    entityRecords(r, position.get(r.article.id) as number).map(({ article, ...rest }) => ({
      article,
      id: rest.id,
      indexed: { ...rest, keys: recordKeys({ article, ...rest }, lex.entities) },
      oldKey: undefined,
      story: r.article.id,
    })),
  );
  const reached = reachedRecords(old.records, [...added, ...old.gone]);
  const placed = [...reached.map((i) => old.records[i] as Placed), ...added].sort((a, b) => a.article - b.article || a.id - b.id);
  const resolved = resolveRecords(
    placed.map((p): EntityRecord => ({ ...p.indexed, article: p.article })),
    lex.entities,
  );
  const entities = new Map(stored.entities.map((e) => [e.key, e]));
  const touched = new Set([...placed, ...old.gone].map((p) => p.oldKey).filter((k): k is string => !!k));
  const numbered = numberKeys(resolved.clusters, placed, touched, old, entities);
  if (!numbered) return undefined;
  // The new key of every record that may have changed: the resolved ones, then those of renumbered entities.
  const newKeys = new Map<Placed, string>();
  resolved.clusters.forEach((c, n) => {
    for (const m of c.members) newKeys.set(placed[m] as Placed, numbered.keys[n] as string);
  });
  const newEntities = new Map(entities);
  for (const k of touched) newEntities.delete(k);
  for (const [from] of numbered.renamed) newEntities.delete(from);
  for (const [from, to] of numbered.renamed) {
    newEntities.set(to, { ...(entities.get(from) as CorpusEntity), key: to });
    for (const i of old.byKey.get(from) ?? []) newKeys.set(old.records[i] as Placed, to);
  }
  resolved.clusters.forEach((c, n) => newEntities.set(numbered.keys[n] as string, { key: numbered.keys[n] as string, ...c.entity }));
  const rewritten = new Set([...dup.relisted].filter((id) => !dup.dropped.has(id)));
  for (const [p, key] of newKeys) {
    if (p.oldKey === undefined) continue;
    if (p.oldKey !== key || entities.get(p.oldKey)?.name !== newEntities.get(key)?.name) rewritten.add(p.story);
  }
  const { duplicates: _before, ...rest } = stored;
  const plan = finishPlan(index, { ...rest, ...(dup.duplicates ? { duplicates: dup.duplicates } : {}) }, fresh, storyIds, old.records, added, newKeys, entities, newEntities, [...rewritten].sort(byId));
  return { ...plan, dropped: [...dup.dropped].sort(byId), stories: freshSorted };
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as string) < (b[j] as string))) out.push(a[i++] as string);
    else out.push(b[j++] as string);
  }
  return out;
}

interface OldRecords {
  readonly records: Placed[];
  /** The records of old stories that are now near-duplicates (not in `records`). */
  readonly gone: Placed[];
  /** Old entity key -> its records (in order). */
  readonly byKey: Map<string, number[]>;
}

function placeOld(index: AppendIndex, stored: StoredResolution, position: ReadonlyMap<string, number>): OldRecords {
  const records: Placed[] = [];
  const gone: Placed[] = [];
  const byKey = new Map<string, number[]>();
  for (const s of index.stories) {
    const keys = stored.keys[s.id] ?? [];
    const article = position.get(s.id);
    for (const indexed of s.records) {
      const oldKey = keys[indexed.id] ?? null;
      if (article === undefined) {
        gone.push({ article: -1, id: indexed.id, indexed, oldKey, story: s.id });
        continue;
      }
      const list = oldKey ? byKey.get(oldKey) : undefined;
      if (list) list.push(records.length);
      else if (oldKey) byKey.set(oldKey, [records.length]);
      records.push({ article, id: indexed.id, indexed, oldKey, story: s.id });
    }
  }
  return { records, gone, byKey };
}

/** The old records connected to the new ones through shared keys (indices, in order). */
function reachedRecords(old: readonly Placed[], added: readonly Placed[]): number[] {
  const byKey = new Map<string, number[]>();
  old.forEach((p, i) => {
    for (const k of p.indexed.keys) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const seen = new Set<string>();
  const reached = new Set<number>();
  const queue = added.flatMap((p) => p.indexed.keys);
  while (queue.length) {
    const k = queue.pop() as string;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const i of byKey.get(k) ?? []) {
      if (reached.has(i)) continue;
      reached.add(i);
      queue.push(...(old[i] as Placed).indexed.keys);
    }
  }
  return [...reached].sort((a, b) => a - b);
}

/**
 * Keys for the resolved clusters, numbered with the untouched entities of the same base key in
 * the order of their first record (as a full build numbers them); `renamed`: untouched entities
 * whose number changed. Undefined when a number would give a key another name's base key holds.
 */
function numberKeys(
  clusters: readonly ResolvedCluster[],
  placed: readonly Placed[],
  touched: ReadonlySet<string>,
  old: OldRecords,
  entities: ReadonlyMap<string, CorpusEntity>,
): { keys: string[]; renamed: Map<string, string> } | undefined {
  // Every entity's base key is needed twice below: made once.
  const baseKeys = new Map<CorpusEntity, string>();
  for (const e of entities.values()) baseKeys.set(e, entityKey(e.type, e.name));
  const baseOf = (e: CorpusEntity): string => baseKeys.get(e) ?? entityKey(e.type, e.name);
  const bases = new Set<string>([...clusters.map((c) => c.baseKey), ...[...touched].map((k) => baseOf(entities.get(k) as CorpusEntity))]);
  const allBases = new Set(baseKeys.values());
  for (const c of clusters) allBases.add(c.baseKey);
  type Entry = { readonly at: readonly [number, number]; readonly baseKey: string; readonly cluster?: number; readonly oldKey?: string };
  const groups = new Map<string, Entry[]>([...bases].map((b) => [b, []]));
  for (const [key, e] of entities) {
    if (touched.has(key)) continue;
    const group = groups.get(baseOf(e));
    const first = old.records[(old.byKey.get(key) ?? [])[0] as number];
    if (group && first) group.push({ at: [first.article, first.id], baseKey: baseOf(e), oldKey: key });
  }
  clusters.forEach((c, n) => {
    const first = placed[c.members[0] as number] as Placed;
    groups.get(c.baseKey)?.push({ at: [first.article, first.id], baseKey: c.baseKey, cluster: n });
  });
  const keys: string[] = new Array<string>(clusters.length);
  const renamed = new Map<string, string>();
  for (const [base, group] of groups) {
    // A base key that is another name's numbered key: likewise.
    const holder = entities.get(base);
    if (holder && !touched.has(base) && baseOf(holder) !== base) return undefined;
    group.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    const given = assignKeys(group);
    for (const [n, entry] of group.entries()) {
      const key = given[n] as string;
      // A numbered key that is also some name's base key: the full build's numbering depends on their order.
      if (key !== base && allBases.has(key)) return undefined;
      if (entry.cluster !== undefined) keys[entry.cluster] = key;
      else if (entry.oldKey !== key) renamed.set(entry.oldKey as string, key);
    }
  }
  return { keys, renamed };
}

function finishPlan(
  index: AppendIndex,
  stored: StoredResolution,
  fresh: readonly ArticleResult[],
  storyIds: readonly string[],
  old: readonly Placed[],
  added: readonly Placed[],
  newKeys: ReadonlyMap<Placed, string>,
  entities: ReadonlyMap<string, CorpusEntity>,
  newEntities: ReadonlyMap<string, CorpusEntity>,
  rewritten: readonly string[],
): Omit<AppendPlan, 'dropped' | 'stories'> {
  // Only the rows of stories with a record whose key changed are made again; the others are the stored ones.
  const changed = new Set(added.map((p) => p.story));
  for (const [p, key] of newKeys) if (key !== p.oldKey) changed.add(p.story);
  const keyRows = new Map<string, (string | null)[]>();
  for (const p of [...old, ...added]) {
    if (!changed.has(p.story)) continue;
    let row = keyRows.get(p.story);
    if (!row) keyRows.set(p.story, (row = []));
    row[p.id] = newKeys.get(p) ?? p.oldKey ?? null;
  }
  const keys: Record<string, readonly (string | null)[]> = {};
  for (const id of storyIds) keys[id] = changed.has(id) ? [...(keyRows.get(id) ?? [])].map((k) => k ?? null) : (stored.keys[id] ?? []);
  const list = [...newEntities.values()];
  sortByKey(list);
  const resolution: StoredResolution = { ...stored, entities: list, keys };
  // An old story's records are as they were: its entry is kept; a new story's are its records'.
  const oldStories = new Map(index.stories.map((s) => [s.id, s]));
  const records = new Map<string, IndexedRecord[]>();
  for (const p of added) {
    const list = records.get(p.story);
    if (list) list.push(p.indexed);
    else records.set(p.story, [p.indexed]);
  }
  const articles = [...index.articles, ...fresh.map(indexedArticle)].sort((a, b) => byId(a.id, b.id));
  const removedEntities = [...entities.keys()].filter((k) => !newEntities.has(k));
  const addedEntities = new Set([...newEntities.keys()].filter((k) => !entities.has(k)));
  // An entity left as it was is the same object: only the others are compared.
  const changedEntities = [...newEntities.values()].filter((e) => entities.has(e.key) && entities.get(e.key) !== e && JSON.stringify(entities.get(e.key)) !== JSON.stringify(e));
  return {
    resolution,
    index: { ...index, articles, stories: storyIds.map((id) => oldStories.get(id) ?? { id, records: records.get(id) ?? [] }) },
    rewritten,
    removedEntities,
    addedEntities,
    changedEntities,
    resolutionOf(results) {
      const rows = results.map((r) => keys[r.article.id] ?? []);
      const used = new Set(rows.flat().filter((k): k is string => k !== null));
      return { entities: list.filter((e) => used.has(e.key)), keyOf: (a, id) => rows[a]?.[id] ?? undefined };
    },
  };
}
