/**
 * Cross-article resolution: the article entities of a whole build -> one
 * corpus entity per real entity, with a stable key.
 *
 * Countries and organisations carry lexicon names already and join by
 * name. People are blocked on normalised surname keys (the folded surname
 * and its consonant skeleton), so only names that share a block are
 * compared; inside a block two entities join when their surnames are the
 * same or a plausible misspelling and their given names agree (equal, a
 * known variant, a slip), or when the given names merely share an initial
 * but role or affiliation agree (`Nate Price` / `Ned Price`, both State
 * Department spokesmen). Bare surnames (`President Putin`) join the single
 * best-fitting full name of their block. The canonical name is the entry of
 * the public-figure gazetteer when one fits, else the best-attested
 * spelling (votes per article, full names weighted). The user's
 * corrections (corrections.ts) are applied on the way: `not-entity` and
 * `type` to the article entities before clustering, `apart` as a bar on
 * joining, `merge` after the automatic passes, `alias` and `name` to the
 * finished entities. Pure.
 *
 * It reads entity records (entity-records.ts); every join is between records sharing a name or
 * block key (`recordKeys`), so records connected by keys resolve the same alone as among all
 * others: an append resolves only those its new records reach (src/pipeline/append.ts).
 */
import type { ArticleResult, EntityType } from '../types.js';
import type { EntityLexicon, PublicFigure } from '../extract/entity-lexicon.js';
import { entityKey } from '../graph/keys.js';
import type { EntityNodeAttributes } from '../graph/attributes.js';
import { compatibleGiven, consonantKey, foldName, similarSurnames, splitName, type NameParts } from './name-similarity.js';
import { correctionKey, indexCorrections, reportCorrections, type Correction, type CorrectionReport } from './corrections.js';
import { cleanName, entityRecords, type EntityRecord } from './entity-records.js';
import { UnionFind, memoise } from './union-find.js';
import { assignKeys, sortByKey } from './cluster-keys.js';
import { canonicalPersonName } from './canonical-name.js';

/** A real-world entity of the corpus: its graph node's attributes, with its key and type. */
export interface CorpusEntity extends Omit<EntityNodeAttributes, 'label'> {
  key: string;
  type: EntityType;
}

export interface CorpusResolution {
  entities: CorpusEntity[];
  keyOf(articleIndex: number, entityId: number): string | undefined;
  /** What became of the user's corrections (when any were given). */
  corrections?: CorrectionReport;
  /** The entity records resolved (their `article` is the index of their result), and the keys each joins others by. */
  records?: readonly EntityRecord[];
  keysOf?(record: number): string[];
}

/** One cluster of records: a corpus entity before its key is told apart from others of the same name. */
export interface ResolvedCluster {
  /** Indices of its records, in record order. */
  readonly members: readonly number[];
  readonly entity: Omit<CorpusEntity, 'key'>;
  /** `entityKey(type, name)`; clusters with the same one get `-2`, `-3`, ... in cluster order (`assignKeys`). */
  readonly baseKey: string;
  /** The alias and name corrections that matched it. */
  readonly fixes: readonly number[];
}

export interface RecordResolution {
  /** In the order of their first record; records a `not-entity` correction excluded are in none. */
  readonly clusters: ResolvedCluster[];
  /** Per correction (merge, apart, not-entity, type), the records it touched. */
  readonly touched: readonly (readonly number[])[];
  /** A record's type after the user's corrections. */
  typeOf(record: number): EntityType;
  /** The keys a record joins others by (`recordKeys`). */
  keysOf(record: number): string[];
}

/** The entity with the same-shaped record fields the passes read (type as corrected). */
type ItemEntity = Omit<EntityRecord, 'article' | 'forms'>;

// Performance: an item is made for every article entity (67,000 in the whole corpus) and lives
// through the whole resolution, so items share what they can (the frozen name parts, empty forms)
// and keep one shape (every field set when made).
interface Item {
  article: number;
  entity: ItemEntity;
  /** Person: surface forms of name and surname mentions, with counts (empty for other types). */
  forms: ReadonlyMap<string, number>;
  given: readonly string[];
  surname: string;
  figure: PublicFigure | undefined;
  /** Person with a surname: `signature(item)` and the block keys, computed once (see blockPeople). */
  sig: string;
  blockKeys: readonly string[];
  /** See roleWords. */
  roleWords: ReadonlySet<string> | undefined;
  /** A `not-entity` correction matched it: it joins nothing and gets no node. */
  excluded: boolean;
}

const NO_FORMS: ReadonlyMap<string, number> = new Map();
const NO_PARTS: NameParts = Object.freeze({ given: Object.freeze([]), surname: '' });

/** Everything the passes share. */
interface Pass {
  readonly items: Item[];
  readonly lex: EntityLexicon;
  readonly corrections: readonly Correction[];
  readonly byCorrectionKey: ReadonlyMap<string, number[]>;
  /** Per correction, the items it touched. */
  readonly touched: number[][];
  readonly sets: UnionFind;
  readonly consonantOf: (word: string) => string;
  readonly foldOf: (word: string) => string;
  /** Person block key -> the items in it. */
  readonly blocks: Map<string, number[]>;
}

export function resolveCorpus(results: readonly ArticleResult[], lex: EntityLexicon, corrections: readonly Correction[] = []): CorpusResolution {
  const clean = memoise(cleanName);
  const records = results.flatMap((r, article) => entityRecords(r, article, clean));
  const resolved = resolveRecords(records, lex, corrections);
  const keys = assignKeys(resolved.clusters);
  const entities: CorpusEntity[] = resolved.clusters.map((c, n) => ({ key: keys[n] as string, ...c.entity }));
  const keyByRecord = new Array<string | undefined>(records.length);
  resolved.clusters.forEach((c, n) => {
    for (const i of c.members) keyByRecord[i] = keys[n];
  });
  // Performance: keys by article index, then entity id (keyOf is asked for every mention, relation
  // and quote of the graph; a Map keyed by `${article}:${id}` built a string per call).
  const keyByArticle: (string | undefined)[][] = results.map(() => []);
  records.forEach((r, i) => {
    const row = keyByArticle[r.article];
    if (row) row[r.id] = keyByRecord[i];
  });
  const report = corrections.length ? reportCorrections(corrections, correctionKeys(corrections, resolved, keys, (i) => keyByRecord[i] ?? entityKey(resolved.typeOf(i), (records[i] as EntityRecord).name))) : undefined;
  sortByKey(entities);
  return {
    entities,
    keyOf(articleIndex: number, entityId: number): string | undefined {
      return keyByArticle[articleIndex]?.[entityId];
    },
    ...(report ? { corrections: report } : {}),
    records,
    keysOf: resolved.keysOf,
  };
}

/** Per correction, the keys of the entities it changed. */
function correctionKeys(corrections: readonly Correction[], resolved: RecordResolution, keys: readonly string[], keyOfRecord: (i: number) => string): string[][] {
  const out: string[][] = corrections.map(() => []);
  resolved.clusters.forEach((c, n) => {
    for (const f of c.fixes) if (corrections[f]!.action !== 'name' || corrections[f]!.value === c.entity.name) out[f]!.push(keys[n] as string);
  });
  corrections.forEach((c, ci) => {
    if (c.action === 'alias' || c.action === 'name') return;
    for (const i of resolved.touched[ci] ?? []) out[ci]!.push(keyOfRecord(i));
  });
  return out;
}

/**
 * The name and block keys a record can join others by: two records that share none are never
 * compared (corrections that merge aside). A record with none joins nothing.
 */
export function recordKeys(record: EntityRecord, lex: EntityLexicon): string[] {
  const item = makeItem(record, record, false, lex, cleanName, consonantKey, new Map());
  if (item.entity.type === 'Person' && item.surname) item.blockKeys = personBlockKeys(item, consonantKey);
  return itemKeys(item, foldName);
}

/** See recordKeys: people without a surname join each other by the empty one (joinLoneSurnames). */
function itemKeys(it: Item, foldOf: (name: string) => string): string[] {
  if (it.excluded) return [];
  if (it.entity.type !== 'Person') return [`${it.entity.type}|${foldOf(it.entity.name)}`];
  return it.blockKeys.length ? [...it.blockKeys] : [`s:${it.surname}`];
}

/** Resolves the records (in article order, then entity order): the clusters, one per corpus entity. */
export function resolveRecords(records: readonly EntityRecord[], lex: EntityLexicon, corrections: readonly Correction[] = []): RecordResolution {
  // Performance: name keys are memoised per distinct name for this call only (a whole corpus has
  // far fewer distinct names than mentions; a module-level cache would keep them alive).
  const consonantOf = memoise(consonantKey);
  const cleanOf = memoise(cleanName);
  const figureByName = new Map<string, PublicFigure | undefined>();
  const pass: Pass = {
    items: [],
    lex,
    corrections,
    byCorrectionKey: indexCorrections(corrections),
    touched: corrections.map(() => []),
    sets: new UnionFind(records.length),
    consonantOf,
    foldOf: memoise(foldName),
    blocks: new Map(),
  };
  for (const record of records) {
    const { entity, excluded } = correctedEntity(pass, record);
    pass.items.push(makeItem(record, entity, excluded, lex, cleanOf, consonantOf, figureByName));
  }
  markApart(pass);
  joinByName(pass);
  blockPeople(pass);
  joinFullNames(pass);
  joinBareSurnames(pass);
  joinLoneSurnames(pass);
  applyMerges(pass);
  const clusters: ResolvedCluster[] = [];
  for (const members of clusterMembers(pass)) {
    const cluster = makeCluster(pass, members);
    if (cluster) clusters.push(cluster);
  }
  return { clusters, touched: pass.touched, typeOf: (i) => (pass.items[i] as Item).entity.type, keysOf: (i) => itemKeys(pass.items[i] as Item, pass.foldOf) };
}

/** Indices of the corrections about an entity of this type named by its name or an alias. */
function correctionsOf(pass: Pass, type: EntityType, entity: Pick<ItemEntity, 'name' | 'aliases'>): number[] {
  if (!pass.corrections.length) return [];
  const found = new Set<number>();
  for (const n of [entity.name, ...entity.aliases]) for (const c of pass.byCorrectionKey.get(correctionKey(type, n)) ?? []) found.add(c);
  return [...found].sort((a, b) => a - b);
}

/** The record's entity after `not-entity` and `type` corrections; the corrections that touched it are noted. */
function correctedEntity(pass: Pass, original: EntityRecord): { entity: ItemEntity; excluded: boolean } {
  let entity: ItemEntity = original;
  let excluded = false;
  const index = pass.items.length;
  for (const c of correctionsOf(pass, original.type, original)) {
    const corr = pass.corrections[c]!;
    if (corr.action === 'not-entity') excluded = true;
    else if (corr.action === 'type' && entity.type === original.type) entity = { ...original, type: corr.value as EntityType };
    else if (corr.action !== 'merge' && corr.action !== 'apart') continue;
    pass.touched[c]!.push(index);
  }
  return { entity, excluded };
}

function makeItem(
  record: EntityRecord,
  entity: ItemEntity,
  excluded: boolean,
  lex: EntityLexicon,
  cleanOf: (name: string) => string,
  consonantOf: (word: string) => string,
  figureByName: Map<string, PublicFigure | undefined>,
): Item {
  const person = entity.type === 'Person';
  const parts = person ? splitName(cleanOf(entity.name)) : NO_PARTS;
  // Forms are read only to name a cluster of people (clusters never mix types).
  const forms = person && record.forms.length ? new Map(record.forms) : NO_FORMS;
  const item: Item = { article: record.article, entity, forms, given: parts.given, surname: parts.surname, figure: undefined, sig: '', blockKeys: [], roleWords: undefined, excluded };
  if (person) {
    // findFigure looks at the surname and given names only.
    const nameKey = `${item.surname} ${item.given.join(' ')}`;
    let figure = figureByName.get(nameKey);
    if (figure === undefined && !figureByName.has(nameKey)) {
      figure = findFigure(item, lex, consonantOf);
      figureByName.set(nameKey, figure);
    }
    item.figure = figure;
  }
  return item;
}

/** apart corrections: each item they name is marked with its side. */
function markApart(pass: Pass): void {
  if (!pass.corrections.length) return;
  pass.items.forEach((it, i) => {
    for (const c of correctionsOf(pass, it.entity.type, it.entity)) {
      const corr = pass.corrections[c]!;
      if (corr.action !== 'apart') continue;
      const side = sideOf(corr, it.entity);
      if (!side) continue;
      const set = pass.sets.marks.get(i) ?? new Set<string>();
      set.add(`${c}:${side}`);
      pass.sets.marks.set(i, set);
    }
  });
}

/** Countries and organisations: same type and name. */
function joinByName(pass: Pass): void {
  const byName = new Map<string, number>();
  pass.items.forEach((it, i) => {
    if (it.entity.type === 'Person' || it.excluded) return;
    const k = `${it.entity.type}|${pass.foldOf(it.entity.name)}`;
    const first = byName.get(k);
    if (first === undefined) byName.set(k, i);
    else pass.sets.union(first, i);
  });
}

/** People: the blocks of their surname keys. */
function blockPeople(pass: Pass): void {
  pass.items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || !it.surname || it.excluded) return;
    it.sig = signature(it);
    it.blockKeys = personBlockKeys(it, pass.consonantOf);
    for (const key of it.blockKeys) {
      const list = pass.blocks.get(key);
      if (list) list.push(i);
      else pass.blocks.set(key, [i]);
    }
  });
}

/**
 * Full names first: pairs inside each block. Performance: items with the same signature (all that
 * samePerson looks at) are one person (samePerson(a, a) holds for a full name) and are compared
 * through their first member, so the pairs grow with the distinct signatures of a block, not with
 * its items (`Donald Trump` in every article). samePerson is symmetric, so the partition is the
 * one of comparing every pair.
 */
function joinFullNames(pass: Pass): void {
  const { items, lex, sets } = pass;
  for (const members of pass.blocks.values()) {
    const groups = new Map<string, number[]>();
    for (const i of members) {
      const it = items[i] as Item;
      if (it.given.length === 0) continue;
      const g = groups.get(it.sig);
      if (g) g.push(i);
      else groups.set(it.sig, [i]);
    }
    const reps: number[] = [];
    for (const g of groups.values()) {
      const first = g[0] as number;
      if (samePerson(items[first] as Item, items[first] as Item, lex)) {
        for (const i of g) sets.union(first, i);
        reps.push(first);
      } else reps.push(...g);
    }
    for (let x = 0; x < reps.length; x++) {
      for (let y = x + 1; y < reps.length; y++) {
        if (samePerson(items[reps[x] as number] as Item, items[reps[y] as number] as Item, lex)) sets.union(reps[x] as number, reps[y] as number);
      }
    }
  }
}

/**
 * Then bare surnames: the best-fitting cluster with a full name in their blocks. The clusters
 * with full names do not merge in this pass, so bare surnames with the same signature choose the
 * same cluster: it is computed once per signature (a member of it is remembered).
 */
function joinBareSurnames(pass: Pass): void {
  const { items, sets } = pass;
  const chosen = new Map<string, number | undefined>();
  items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || it.given.length > 0 || !it.surname) return;
    if (chosen.has(it.sig)) {
      const member = chosen.get(it.sig);
      if (member !== undefined) sets.union(sets.find(member), i);
      return;
    }
    const best = bestFullName(pass, it);
    chosen.set(it.sig, best?.member);
    if (best !== undefined) sets.union(best.root, i);
  });
}

/** The cluster with a full name in a bare surname's blocks that fits it best (a root and a full-name member). */
function bestFullName(pass: Pass, it: Item): { root: number; member: number } | undefined {
  const candidates = new Map<number, number>(); // root -> score
  const memberOf = new Map<number, number>(); // root -> a full-name member of its cluster
  for (const key of it.blockKeys) {
    for (const j of pass.blocks.get(key) ?? []) {
      const other = pass.items[j] as Item;
      if (!other.given.length || !similarSurnames(it.surname, other.surname)) continue;
      const root = pass.sets.find(j);
      const score = (it.surname === other.surname ? 2 : 1) + contextScore(it, other) + other.entity.mentions / 100;
      candidates.set(root, Math.max(candidates.get(root) ?? 0, score));
      if (!memberOf.has(root)) memberOf.set(root, j);
    }
  }
  let best: number | undefined;
  let bestScore = -1;
  for (const [root, score] of candidates) {
    if (score > bestScore) {
      best = root;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : { root: best, member: memberOf.get(best) as number };
}

/** Surname-only entities with the same surname and no full name anywhere join each other. */
function joinLoneSurnames(pass: Pass): void {
  const bareBySurname = new Map<string, number>();
  pass.items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || it.given.length > 0 || pass.sets.find(i) !== i || it.excluded) return;
    const first = bareBySurname.get(it.surname);
    if (first === undefined) bareBySurname.set(it.surname, i);
    else pass.sets.union(first, i);
  });
}

/** merge corrections: every item named by either side joins the first one named (apart ones only report). */
function applyMerges(pass: Pass): void {
  pass.corrections.forEach((c, ci) => {
    if (c.action !== 'merge' && c.action !== 'apart') return;
    const named = pass.touched[ci]!;
    const sides = new Set(named.map((i) => sideOf(c, (pass.items[i] as Item).entity)));
    if (!sides.has('a') || !sides.has('b')) {
      named.length = 0; // one side alone merges or parts nothing
      return;
    }
    if (c.action === 'merge') for (const i of named) pass.sets.union(named[0] as number, i);
  });
}

/** The members of each cluster, clusters in the order of their first item. */
function clusterMembers(pass: Pass): IterableIterator<number[]> {
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < pass.items.length; i++) {
    const root = pass.sets.find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  }
  return clusters.values();
}

/** The alias and name corrections matching a cluster's names, in file order. */
function clusterFixes(pass: Pass, type: EntityType, name: string, its: readonly Item[]): number[] {
  const fixes: number[] = [];
  if (!pass.corrections.length) return fixes;
  const names = new Set<string>([name]);
  for (const it of its) for (const a of it.entity.aliases) names.add(a);
  for (const n of names) {
    for (const c of pass.byCorrectionKey.get(correctionKey(type, n)) ?? []) {
      const corr = pass.corrections[c]!;
      if ((corr.action === 'alias' || corr.action === 'name') && !fixes.includes(c)) fixes.push(c);
    }
  }
  return fixes.sort((a, b) => a - b);
}

/** A cluster's corpus entity (undefined for an excluded one). */
function makeCluster(pass: Pass, members: number[]): ResolvedCluster | undefined {
  const its = members.map((i) => pass.items[i] as Item);
  const first = its[0] as Item;
  if (first.excluded) return undefined;
  const { corrections } = pass;
  const type = first.entity.type;
  let name = type === 'Person' ? canonicalPersonName(its, (word) => pass.lex.givenNameGenders.has(word)) : first.entity.name;
  const fixes = clusterFixes(pass, type, name, its);
  const renamed = fixes.find((c) => corrections[c]!.action === 'name');
  if (renamed !== undefined) name = corrections[renamed]!.value as string;
  // Performance: one pass over the members, no intermediate arrays (a cluster can hold an item
  // of every article).
  const aliases = new Set<string>();
  const roles = new Set<string>();
  const affiliations = new Set<string>();
  let mentions = 0;
  let articles = 0;
  let lastArticle = -1;
  let confidence = -Infinity;
  for (const it of its) {
    const e = it.entity;
    for (const x of e.aliases) aliases.add(x);
    for (const x of e.roles) roles.add(x);
    for (const x of e.affiliations) affiliations.add(x);
    mentions += e.mentions;
    // Members are in item order, hence in article order: a new article is a change.
    if (it.article !== lastArticle) articles++;
    lastArticle = it.article;
    if (e.confidence > confidence) confidence = e.confidence;
  }
  for (const c of fixes) if (corrections[c]!.action === 'alias') aliases.add(corrections[c]!.value as string);
  const aliasList = [...aliases];
  if (!aliases.has(name)) aliasList.unshift(name);
  const country = type === 'Country' ? pass.lex.countryByName.get(name) : undefined;
  const entity = { type, name, aliases: aliasList, mentions, articles, roles: [...roles], affiliations: [...affiliations], confidence, ...(country ? { iso3: country.iso3 } : {}) };
  return { members, entity, baseKey: entityKey(type, name), fixes };
}

/** Which side of a merge or apart correction an entity is named by: its name (`a`), the other name (`b`), or neither. */
function sideOf(c: Correction, entity: Pick<ItemEntity, 'name' | 'aliases'>): 'a' | 'b' | undefined {
  const a = correctionKey(c.type, c.name);
  const b = c.value === undefined ? '' : correctionKey(c.type, c.value);
  let side: 'a' | 'b' | undefined;
  for (const n of [entity.name, ...entity.aliases]) {
    const k = correctionKey(c.type, n);
    if (k === a) return 'a';
    if (k === b) side = 'b';
  }
  return side;
}

/** Everything samePerson, contextScore and the bare-surname choice look at in an item. */
function signature(it: Item): string {
  return JSON.stringify([it.figure?.name ?? null, it.surname, it.given, it.entity.roles, it.entity.affiliations]);
}

function personBlockKeys(it: Item, consonantOf: (word: string) => string): string[] {
  const keys = [`s:${it.surname}`, `c:${consonantOf(it.surname)}`];
  if (it.figure) keys.push(`f:${it.figure.name}`);
  return keys;
}

/** Role words and affiliations two entities share (0, 1 or 2). */
function contextScore(a: Item, b: Item): number {
  let score = 0;
  const wa = roleWords(a);
  for (const w of roleWords(b)) {
    if (wa.has(w)) {
      score++;
      break;
    }
  }
  if (a.entity.affiliations.some((x) => b.entity.affiliations.includes(x))) score++;
  return score;
}

/** The telling words of an item's roles, made once per item (a bare surname is scored against every full name of its blocks). */
function roleWords(it: Item): ReadonlySet<string> {
  it.roleWords ??= new Set(it.entity.roles.flatMap((r) => r.toLowerCase().split(/\s+/)).filter((w) => w.length > 3 && w !== 'deputy'));
  return it.roleWords;
}

function samePerson(a: Item, b: Item, lex: EntityLexicon): boolean {
  if (a.figure && b.figure) return a.figure === b.figure;
  const sameSurname = a.surname === b.surname;
  if (!sameSurname && !similarSurnames(a.surname, b.surname)) return false;
  if (compatibleGiven(a.given, b.given, lex)) {
    // A garbled surname needs a little more than a shared given name: the same given name
    // exactly, or shared context.
    return sameSurname || a.given[0] === b.given[0] || lex.nameVariants.get(a.given[0] ?? '') === lex.nameVariants.get(b.given[0] ?? '') || contextScore(a, b) > 0;
  }
  // Different given names: the same person only if they share an initial and their role and
  // affiliation agree (`Nate Price` / `Ned Price`, State Department spokesman).
  return sameSurname && a.given[0]?.[0] === b.given[0]?.[0] && contextScore(a, b) >= 2;
}

function findFigure(it: Item, lex: EntityLexicon, consonantOf: (word: string) => string): PublicFigure | undefined {
  const exact = lex.figuresBySurname.get(it.surname) ?? [];
  const fuzzy = it.given.length ? (lex.figuresBySurname.get(`c:${consonantOf(it.surname)}`) ?? []) : [];
  const fitting: PublicFigure[] = [];
  for (const f of new Set([...exact, ...fuzzy])) {
    const forms = [f.name, ...f.aliases].map(splitName);
    const fits = forms.some((p) =>
      it.given.length
        ? (p.surname === it.surname || similarSurnames(p.surname, it.surname)) && p.given.length > 0 && compatibleGiven(p.given, it.given, lex)
        : p.surname === it.surname,
    );
    if (fits && !fitting.some((x) => x.name === f.name)) fitting.push(f);
  }
  // A bare surname only fits a figure when that figure is the only one with it.
  if (fitting.length !== 1) {
    if (!it.given.length || !fitting.length) return undefined;
    // Several fit a full name: prefer an exact surname with an exact given name.
    return fitting.find((f) => [f.name, ...f.aliases].map(splitName).some((p) => p.surname === it.surname && p.given[0] === it.given[0]));
  }
  return fitting[0];
}
