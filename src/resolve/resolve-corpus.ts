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
 */
import type { ArticleEntity, ArticleResult, EntityType, Mention } from '../types.js';
import type { EntityLexicon, PublicFigure } from '../extract/entity-lexicon.js';
import { entityKey } from '../graph/keys.js';
import type { EntityNodeAttributes } from '../graph/attributes.js';
import { compatibleGiven, consonantKey, foldName, similarSurnames, splitName, type NameParts } from './name-similarity.js';
import { correctionKey, indexCorrections, reportCorrections, type Correction, type CorrectionReport } from './corrections.js';

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
}

// Performance: an item is made for every article entity (67,000 in the whole corpus) and lives
// through the whole resolution, so items share what they can (the frozen name parts, empty forms)
// and keep one shape (every field set when made).
interface Item {
  article: number;
  entity: ArticleEntity;
  /** Person: surface forms of name and surname mentions, with counts (empty for other types). */
  forms: ReadonlyMap<string, number>;
  given: readonly string[];
  surname: string;
  figure: PublicFigure | undefined;
  /** Person with a surname: `signature(item)` and the block keys, computed once (see resolveCorpus). */
  sig: string;
  blockKeys: readonly string[];
  /** See roleWords. */
  roleWords: ReadonlySet<string> | undefined;
  /** A `not-entity` correction matched it: it joins nothing and gets no node. */
  excluded: boolean;
}

const NO_FORMS: ReadonlyMap<string, number> = new Map();
const NO_PARTS: NameParts = Object.freeze({ given: Object.freeze([]), surname: '' });

export function resolveCorpus(results: readonly ArticleResult[], lex: EntityLexicon, corrections: readonly Correction[] = []): CorpusResolution {
  const byCorrectionKey = indexCorrections(corrections);
  /** Per correction, the items (or, for alias and name, entity keys) it touched. */
  const touched: number[][] = corrections.map(() => []);
  const touchedKeys: string[][] = corrections.map(() => []);
  /** apart: item -> the sides it is on (`<correction>:a` or `:b`), kept per root as items join. */
  const marks = new Map<number, Set<string>>();
  // Performance: name keys are memoised per distinct name for this call only (a whole corpus has
  // far fewer distinct names than mentions; a module-level cache would keep them alive).
  const consonantOf = memoise(consonantKey);
  const cleanOf = memoise(cleanName);
  const foldOf = memoise(foldName);
  const figureByName = new Map<string, PublicFigure | undefined>();
  const items: Item[] = [];
  results.forEach((r, article) => {
    for (const entity of r.entities) items.push(makeItem(article, entity, r.mentions));
  });

  // Union-find over items.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (marks.size > 0 && kept(ra, rb)) return;
    const root = Math.min(ra, rb);
    parent[Math.max(ra, rb)] = root;
    const ma = marks.get(ra);
    const mb = marks.get(rb);
    if (ma || mb) marks.set(root, new Set([...(ma ?? []), ...(mb ?? [])]));
  };
  /** Whether an `apart` correction keeps two clusters apart. */
  const kept = (ra: number, rb: number): boolean => {
    const ma = marks.get(ra);
    const mb = marks.get(rb);
    if (!ma || !mb) return false;
    for (const m of ma) if (mb.has(m.endsWith(':a') ? `${m.slice(0, -2)}:b` : `${m.slice(0, -2)}:a`)) return true;
    return false;
  };
  items.forEach((it, i) => {
    for (const c of correctionsOf(it.entity.type, it.entity)) {
      const corr = corrections[c]!;
      if (corr.action !== 'apart' && corr.action !== 'merge') continue;
      const side = sideOf(corr, it.entity);
      if (corr.action === 'apart' && side) {
        const set = marks.get(i) ?? new Set<string>();
        set.add(`${c}:${side}`);
        marks.set(i, set);
      }
    }
  });

  // Countries and organisations: same type and name.
  const byName = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.entity.type === 'Person' || it.excluded) return;
    const k = `${it.entity.type}|${foldOf(it.entity.name)}`;
    const first = byName.get(k);
    if (first === undefined) byName.set(k, i);
    else union(first, i);
  });

  // People: blocking on surname keys.
  const blocks = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || !it.surname || it.excluded) return;
    it.sig = signature(it);
    it.blockKeys = personBlockKeys(it, consonantOf);
    for (const key of it.blockKeys) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });
  // Full names first: pairs inside each block. Performance: items with the same signature
  // (all that samePerson looks at) are one person (samePerson(a, a) holds for a full name) and
  // are compared through their first member, so the pairs grow with the distinct signatures of a
  // block, not with its items (`Donald Trump` in every article). samePerson is symmetric, so the
  // partition is the one of comparing every pair.
  for (const members of blocks.values()) {
    const groups = new Map<string, number[]>();
    for (const i of members) {
      const it = items[i] as Item;
      if (it.given.length === 0) continue;
      const sig = it.sig;
      const g = groups.get(sig);
      if (g) g.push(i);
      else groups.set(sig, [i]);
    }
    const reps: number[] = [];
    for (const g of groups.values()) {
      const first = g[0] as number;
      if (samePerson(items[first] as Item, items[first] as Item, lex)) {
        for (const i of g) union(first, i);
        reps.push(first);
      } else reps.push(...g);
    }
    for (let x = 0; x < reps.length; x++) {
      for (let y = x + 1; y < reps.length; y++) {
        const a = items[reps[x] as number] as Item;
        const b = items[reps[y] as number] as Item;
        if (samePerson(a, b, lex)) union(reps[x] as number, reps[y] as number);
      }
    }
  }
  // Then bare surnames: the best-fitting cluster with a full name in their blocks. The clusters
  // with full names do not merge in this pass, so bare surnames with the same signature choose the
  // same cluster: it is computed once per signature (a member of it is remembered).
  const chosen = new Map<string, number | undefined>();
  items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || it.given.length > 0 || !it.surname) return;
    const sig = it.sig;
    if (chosen.has(sig)) {
      const member = chosen.get(sig);
      if (member !== undefined) union(find(member), i);
      return;
    }
    const candidates = new Map<number, number>(); // root -> score
    const memberOf = new Map<number, number>(); // root -> a full-name member of its cluster
    for (const key of it.blockKeys) {
      for (const j of blocks.get(key) ?? []) {
        const other = items[j] as Item;
        if (!other.given.length || !similarSurnames(it.surname, other.surname)) continue;
        const root = find(j);
        const score = (it.surname === other.surname ? 2 : 1) + contextScore(it, other) + other.entity.mentions.length / 100;
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
    chosen.set(sig, best === undefined ? undefined : memberOf.get(best));
    if (best !== undefined) union(best, i);
  });
  // Surname-only entities with the same surname and no full name anywhere join each other.
  const bareBySurname = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.entity.type !== 'Person' || it.given.length > 0 || find(i) !== i || it.excluded) return;
    const first = bareBySurname.get(it.surname);
    if (first === undefined) bareBySurname.set(it.surname, i);
    else union(first, i);
  });
  // merge corrections: every item named by either side joins the first one named (apart ones only report).
  corrections.forEach((c, ci) => {
    if (c.action !== 'merge' && c.action !== 'apart') return;
    const named = touched[ci]!;
    const sides = new Set(named.map((i) => sideOf(c, (items[i] as Item).entity)));
    if (!sides.has('a') || !sides.has('b')) {
      named.length = 0; // one side alone merges or parts nothing
      return;
    }
    if (c.action === 'merge') for (const i of named) union(named[0] as number, i);
  });

  // Clusters -> corpus entities.
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  }
  const entities: CorpusEntity[] = [];
  const keyByItem: string[] = new Array<string>(items.length);
  const usedKeys = new Set<string>();
  for (const members of clusters.values()) {
    const its = members.map((i) => items[i] as Item);
    const first = its[0] as Item;
    if (first.excluded) continue;
    const type = first.entity.type;
    let name = type === 'Person' ? canonicalPersonName(its) : first.entity.name;
    // alias and name corrections, matched by the cluster's names.
    const extraAliases: string[] = [];
    const fixes: number[] = [];
    if (corrections.length) {
      const names = new Set<string>([name]);
      for (const it of its) for (const a of it.entity.aliases) names.add(a);
      for (const n of names) {
        for (const c of byCorrectionKey.get(correctionKey(type, n)) ?? []) {
          const corr = corrections[c]!;
          if ((corr.action === 'alias' || corr.action === 'name') && !fixes.includes(c)) fixes.push(c);
        }
      }
      fixes.sort((a, b) => a - b);
      const renamed = fixes.find((c) => corrections[c]!.action === 'name');
      if (renamed !== undefined) name = corrections[renamed]!.value as string;
      for (const c of fixes) if (corrections[c]!.action === 'alias') extraAliases.push(corrections[c]!.value as string);
    }
    let key = entityKey(type, name);
    for (let n = 2; usedKeys.has(key); n++) key = `${entityKey(type, name)}-${n}`;
    usedKeys.add(key);
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
      mentions += e.mentions.length;
      // Members are in item order, hence in article order: a new article is a change.
      if (it.article !== lastArticle) articles++;
      lastArticle = it.article;
      if (e.confidence > confidence) confidence = e.confidence;
    }
    for (const a of extraAliases) aliases.add(a);
    const aliasList = [...aliases];
    if (!aliases.has(name)) aliasList.unshift(name);
    for (const c of fixes) if (corrections[c]!.action !== 'name' || corrections[c]!.value === name) touchedKeys[c]!.push(key);
    const country = type === 'Country' ? lex.countryByName.get(name) : undefined;
    entities.push({
      key,
      type,
      name,
      aliases: aliasList,
      mentions,
      articles,
      roles: [...roles],
      affiliations: [...affiliations],
      confidence,
      ...(country ? { iso3: country.iso3 } : {}),
    });
    for (const i of members) keyByItem[i] = key;
  }
  corrections.forEach((c, ci) => {
    if (c.action === 'alias' || c.action === 'name') return;
    for (const i of touched[ci]!) {
      const it = items[i] as Item;
      touchedKeys[ci]!.push(keyByItem[i] ?? entityKey(it.entity.type, it.entity.name));
    }
  });
  // Performance: keys by article index, then entity id (keyOf is asked for every mention, relation
  // and quote of the graph; a Map keyed by `${article}:${id}` built a string per call).
  const keyByArticle: (string | undefined)[][] = results.map(() => []);
  items.forEach((it, i) => {
    const row = keyByArticle[it.article];
    if (row) row[it.entity.id] = keyByItem[i];
  });
  sortByKey(entities);
  return {
    entities,
    keyOf(articleIndex: number, entityId: number): string | undefined {
      return keyByArticle[articleIndex]?.[entityId];
    },
    ...(corrections.length ? { corrections: reportCorrections(corrections, touchedKeys) } : {}),
  };

  /** Indices of the corrections about an entity of this type named by its name or an alias. */
  function correctionsOf(type: EntityType, entity: ArticleEntity): number[] {
    if (!corrections.length) return [];
    const found = new Set<number>();
    for (const n of [entity.name, ...entity.aliases]) for (const c of byCorrectionKey.get(correctionKey(type, n)) ?? []) found.add(c);
    return [...found].sort((a, b) => a - b);
  }

  function makeItem(article: number, original: ArticleEntity, mentions: readonly Mention[]): Item {
    let entity = original;
    let excluded = false;
    const index = items.length;
    for (const c of correctionsOf(original.type, original)) {
      const corr = corrections[c]!;
      if (corr.action === 'not-entity') excluded = true;
      else if (corr.action === 'type' && entity.type === original.type) entity = { ...original, type: corr.value as EntityType };
      else if (corr.action !== 'merge' && corr.action !== 'apart') continue;
      touched[c]!.push(index);
    }
    const person = entity.type === 'Person';
    const parts = person ? splitName(cleanOf(entity.name)) : NO_PARTS;
    // Forms are read only to name a cluster of people (clusters never mix types).
    let forms = NO_FORMS;
    if (person) {
      const counts = new Map<string, number>();
      for (const k of entity.mentions) {
        const m = mentions[k];
        if (!m || m.type !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname')) continue;
        const clean = cleanOf(m.name);
        counts.set(clean, (counts.get(clean) ?? 0) + 1);
      }
      forms = counts;
    }
    const item: Item = { article, entity, forms, given: parts.given, surname: parts.surname, figure: undefined, sig: '', blockKeys: [], roleWords: undefined, excluded };
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
}


/** Which side of a merge or apart correction an entity is named by: its name (`a`), the other name (`b`), or neither. */
function sideOf(c: Correction, entity: ArticleEntity): 'a' | 'b' | undefined {
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

/** `fn` with its results kept per distinct argument, for the lifetime of the returned function. */
function memoise(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = fn(s)));
    return v;
  };
}
/** `localeCompare`'s order, with the collator made once (localeCompare builds one per call). */
const compareKeys = new Intl.Collator().compare;
const cleanName = (name: string): string => name.replace(/\s+\p{Lu}\.(?=\s)/gu, '').replace(/\s+/g, ' ').trim();

/**
 * Sorts entities by key in the collator's order (`compareKeys`). Performance: a collator comparison
 * costs about a microsecond, and a whole corpus's 23,000 entities took ~350,000 of them (~60 ms,
 * 4% of graphFromResults). Keys are slugs, whose code-unit order is nearly the collator's, so a
 * code-unit sort first leaves the collator sort (TimSort, which finds sorted runs) about one
 * comparison per entity. Keys are distinct; should two still be equal to the collator (a sort
 * compares every two neighbours of its result, so this is seen), the order would depend on the
 * starting one, so then the entities are sorted again from their given order.
 */
function sortByKey(entities: CorpusEntity[]): void {
  const given = [...entities];
  let tie = false;
  entities.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  entities.sort((a, b) => {
    const c = compareKeys(a.key, b.key);
    if (c === 0) tie = true;
    return c;
  });
  if (tie) {
    given.sort((a, b) => compareKeys(a.key, b.key));
    given.forEach((e, j) => (entities[j] = e));
  }
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

function canonicalPersonName(its: readonly Item[]): string {
  const fig = its.find((it) => it.figure)?.figure;
  if (fig && its.every((it) => !it.figure || it.figure === fig)) return fig.name;
  // Votes: each article votes once for each given name and surname spelling it uses, plus a
  // little for every mention; the best-voted full name seen wins.
  const givenVotes = new Map<string, number>();
  const surnameVotes = new Map<string, number>();
  const vote = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };
  const fulls = new Map<string, number>();
  for (const it of its) {
    const seenG = new Set<string>();
    const seenS = new Set<string>();
    for (const [form, count] of it.forms) {
      const words = form.split(' ');
      const sur = words[words.length - 1] ?? form;
      vote(surnameVotes, sur, (seenS.has(sur) ? 0 : 1) + 0.01 * count);
      seenS.add(sur);
      // `Peña Nieto` beside `Enrique Peña Nieto` is the end of that name, not a given name.
      const tail = [...it.forms.keys()].some((other) => other.endsWith(` ${form}`));
      if (words.length >= 2 && !tail) {
        const g = words[0] ?? '';
        vote(givenVotes, g, (seenG.has(g) ? 0 : 1) + 0.01 * count);
        seenG.add(g);
        vote(fulls, form, count);
      }
    }
  }
  let best = its[0]?.entity.name ?? '';
  let bestScore = -1;
  for (const [form, count] of fulls) {
    const words = form.split(' ');
    const score = (givenVotes.get(words[0] ?? '') ?? 0) + (surnameVotes.get(words[words.length - 1] ?? '') ?? 0) + 0.001 * count;
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  if (bestScore < 0) {
    for (const [form, v] of surnameVotes) {
      if (v > bestScore) {
        best = form;
        bestScore = v;
      }
    }
  }
  return best;
}
