/**
 * Within-article resolution: mentions -> entities of one article.
 * Countries and organisations group by their lexicon name; people group by
 * full name, then surnames and garbled variants join the person named in
 * full (`Blingen`, `Anthony Bling` -> `Anthony Blingen`); titles
 * (`the secretary`, `the Russian minister`) go to the most recent person with
 * a matching role and affiliation, and he/she/him/her to the nearest person
 * (same sentence first, else the subject of the previous sentence). Weak
 * candidates (a lone capitalised word, a headline run) survive only when
 * they join a person. Pure.
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention } from '../types.js';
import { phraseKey, type EntityLexicon } from '../extract/entity-lexicon.js';
import { partisanTagAfter } from '../extract/mentions/partisan-tags.js';
import { compatibleGiven, foldName, similarSurnames, splitName } from './name-similarity.js';

interface Group {
  type: EntityType;
  name: string;
  mentions: number[];
  /** Full names seen (Person). */
  fullNames: string[];
  /** For each full name: its surname (splitName) and its folded first word. */
  surnames: string[];
  firstWords: string[];
  roles: string[];
  affiliations: string[];
  /** Parties of partisan tags after the person's name (`R-Texas`), also in `affiliations`. */
  parties: string[];
  gender: 'm' | 'f' | undefined;
  confidence: number;
}

/**
 * One article's resolution in progress: the groups so far and the group each
 * mention joined; the steps are module-level functions over this one record.
 */
interface Resolution {
  readonly mentions: readonly Mention[];
  readonly ann: AnnotatedText;
  readonly lex: EntityLexicon;
  /** Every group, in creation order (the entity order). */
  readonly groups: Group[];
  /** The Person groups, in creation order. */
  readonly people: Group[];
  readonly groupOf: Map<number, Group>;
}

const GENERIC_HEADS = new Set(['diplomat', 'leader', 'head', 'counterpart', 'chief']);
const WEAK = 0.5;

export function resolveArticle(
  mentions: readonly Mention[],
  ann: AnnotatedText,
  lex: EntityLexicon,
): { mentions: Mention[]; entities: ArticleEntity[] } {
  const r: Resolution = { mentions, ann, lex, groups: [], people: [], groupOf: new Map() };
  groupPlaces(r);
  const persons: number[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.type === 'Person' && (m.kind === 'name' || m.kind === 'surname')) persons.push(i);
  }
  groupFullNames(r, persons);
  groupSurnames(r, persons);
  // 4. Titles and pronouns, in text order, against the people resolved so far.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.kind !== 'title' && m.kind !== 'pronoun') continue;
    const g = m.kind === 'title' ? resolveTitle(r, i) : resolvePronoun(r, i);
    if (g) assign(r, i, g);
  }
  // 5. Names and output.
  for (const g of r.people) g.name = bestName(g, mentions);
  return output(r);
}

function newGroup(r: Resolution, type: EntityType, name: string): Group {
  const g: Group = { type, name, mentions: [], fullNames: [], surnames: [], firstWords: [], roles: [], affiliations: [], parties: [], gender: undefined, confidence: 0 };
  r.groups.push(g);
  if (type === 'Person') r.people.push(g);
  return g;
}

function assign(r: Resolution, i: number, g: Group): void {
  const m = r.mentions[i];
  if (!m) return;
  r.groupOf.set(i, g);
  g.mentions.push(i);
  g.confidence = Math.max(g.confidence, m.confidence);
  if (m.kind === 'name' || m.kind === 'surname') {
    if (m.role && !g.roles.includes(m.role)) g.roles.push(m.role);
    if (m.affiliation && !g.affiliations.includes(m.affiliation)) g.affiliations.push(m.affiliation);
    const party = m.type === 'Person' ? partisanTagAfter(r.ann.tokens, m.lastToken, r.lex)?.party : undefined;
    if (party && !g.parties.includes(party)) {
      g.parties.push(party);
      if (!g.affiliations.includes(party)) g.affiliations.push(party);
    }
    const gender = genderOfRole(m.role, r.lex) ?? honorificGender(r, m) ?? givenNameGender(r, m);
    if (gender) g.gender ??= gender;
  }
}

/** The gender of an honorific right before a name mention (`Mrs Blair`, `Mr. Hansen`). */
function honorificGender(r: Resolution, m: Mention): 'm' | 'f' | undefined {
  const before = r.ann.tokens[m.firstToken - 1];
  if (!before || before.sentence !== m.sentence) return undefined;
  const title = r.lex.titles.get(before.text);
  return title?.kind === 'honorific' ? title.gender : undefined;
}

/** The gender the given name of a full name tells (`Cherie Blair` f), if the list knows it. */
function givenNameGender(r: Resolution, m: Mention): 'm' | 'f' | undefined {
  if (m.kind !== 'name') return undefined;
  const space = m.name.indexOf(' ');
  return space > 0 ? r.lex.givenNameGenders.get(m.name.slice(0, space)) : undefined;
}

/** 1. Countries and organisations: one entity per canonical name. */
function groupPlaces(r: Resolution): void {
  const byKey = new Map<string, Group>();
  for (let i = 0; i < r.mentions.length; i++) {
    const m = r.mentions[i] as Mention;
    if (m.type === 'Person') continue;
    const key = `${m.type}|${m.name}`;
    let g = byKey.get(key);
    if (!g) {
      g = newGroup(r, m.type, m.name);
      byKey.set(key, g);
    }
    assign(r, i, g);
  }
  joinAcronyms(r);
  joinLegalForms(r);
}

/**
 * `Acme Widgets` and `Acme Widgets Inc` in one article are one company, named as people usually
 * name it: a name that is another's with legal forms after it (`Inc`, `Ltd`, `Corp.`) joins the
 * other.
 */
function joinLegalForms(r: Resolution): void {
  const byName = new Map<string, Group>();
  for (const g of r.groups) if (g.type === 'Organisation' && g.mentions.length) byName.set(g.name.toLowerCase(), g);
  for (const g of r.groups) {
    if (g.type !== 'Organisation' || !g.mentions.length) continue;
    const words = g.name.split(' ');
    let cut = words.length;
    while (cut > 1 && r.lex.companySuffixes.has((words[cut - 1] ?? '').replace(/\.$/, ''))) cut--;
    if (cut === words.length) continue;
    const short = byName.get(words.slice(0, cut).join(' ').toLowerCase());
    if (!short || short === g) continue;
    for (const i of g.mentions) assign(r, i, short);
    g.mentions = [];
  }
}

const ACRONYM = /^\p{Lu}{2,6}$/u;
const DOTS = /\./g;
/** Lower-case words an acronym leaves out (`Organisation of Islamic Cooperation` -> `OIC`). */
const ACRONYM_GAPS = new Set(['of', 'for', 'the', 'and', 'on', 'in', '&']);

/** The initials of a name's words (`International Atomic Energy Agency` -> `IAEA`), or ''. */
function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w && !ACRONYM_GAPS.has(w));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return '';
  return words.map((w) => w[0]).join('');
}

/**
 * `the International Atomic Energy Agency (IAEA)`: an organisation's acronym and its full
 * name in one article are one organisation, named in full.
 */
function joinAcronyms(r: Resolution): void {
  const byInitials = new Map<string, Group | null>();
  for (const g of r.groups) {
    if (g.type !== 'Organisation') continue;
    const initials = initialsOf(g.name);
    // Two organisations of the same initials: the acronym is not known to be either.
    if (initials) byInitials.set(initials, byInitials.has(initials) ? null : g);
  }
  for (const g of r.groups) {
    if (g.type !== 'Organisation' || !g.mentions.length) continue;
    const letters = g.name.replace(DOTS, '');
    if (!ACRONYM.test(letters)) continue;
    const full = byInitials.get(letters);
    if (!full || full === g) continue;
    for (const i of g.mentions) assign(r, i, full);
    g.mentions = [];
  }
}

/** 2. People named in full, strongest evidence first. `persons`: the Person name/surname mentions, in text order. */
function groupFullNames(r: Resolution, persons: readonly number[]): void {
  const ms = r.mentions;
  const full = persons.filter((i) => ms[i]?.kind === 'name');
  // `Mr Kilroy-Silk` is a surname with an honorific: it joins a full name, so it comes after them.
  const honorific = new Set(full.filter((i) => honorificBefore(r, ms[i] as Mention)));
  full.sort((a, b) => {
    const ma = ms[a] as Mention;
    const mb = ms[b] as Mention;
    return Number(honorific.has(a)) - Number(honorific.has(b)) || mb.confidence - ma.confidence || mb.name.length - ma.name.length || a - b;
  });
  for (const i of full) {
    const m = ms[i] as Mention;
    let g = matchFull(r, m.name) ?? (honorificBefore(r, m) || m.name.trim().split(/\s+/).length >= 2 ? matchTail(r, m.name) : undefined);
    if (!g) {
      if (m.confidence < WEAK) continue;
      g = newGroup(r, 'Person', m.name);
    }
    g.fullNames.push(m.name);
    g.surnames.push(splitName(m.name).surname);
    g.firstWords.push(foldName(m.name.split(/\s+/)[0] ?? ''));
    assign(r, i, g);
  }
}

function matchFull(r: Resolution, name: string): Group | undefined {
  const p = splitName(name);
  let best: Group | undefined;
  for (const g of r.people) {
    for (const f of g.fullNames) {
      const q = splitName(f);
      const sameSurname = p.surname === q.surname;
      if (sameSurname && compatibleGiven(p.given, q.given, r.lex)) return g;
      // A garbled surname joins only with the same given name (`Anthony Bling` / `Anthony Blingen`).
      if (!sameSurname && similarSurnames(p.surname, q.surname) && p.given[0] && p.given[0] === q.given[0]) best ??= g;
    }
  }
  return best;
}

/** An honorific right before the mention (`Dr.` has no gender). */
function honorificBefore(r: Resolution, m: Mention): boolean {
  const before = r.ann.tokens[m.firstToken - 1];
  return !!before && before.sentence === m.sentence && r.lex.titles.get(before.text)?.kind === 'honorific';
}

/**
 * `Mr. Peña Nieto`, `González Urrutia` after `Enrique Peña Nieto`, `Edmundo González Urrutia`: a
 * name that is the tail of exactly one full name is that person (a double surname, not a second
 * person).
 */
function matchTail(r: Resolution, name: string): Group | undefined {
  // A double surname with a hyphen or a space (`Kilroy-Silk`, `Robert Kilroy Silk`) is one.
  const words = foldName(name).split(/[\s-]+/);
  let found: Group | undefined;
  for (const g of r.people) {
    const fits = g.fullNames.some((f) => {
      const fw = foldName(f).split(/[\s-]+/);
      return fw.length > words.length && words.every((w, k) => fw[fw.length - words.length + k] === w);
    });
    if (!fits) continue;
    if (found && found !== g) return undefined;
    found = g;
  }
  return found;
}

/**
 * 3. Surnames: exact surname of a person named in full, else a similar one; a titled surname
 * with no match stands on its own (`President Putin`); other lone words are dropped.
 * Weak surnames seen before their full name was known get their second chance here (full
 * names are grouped first).
 */
function groupSurnames(r: Resolution, persons: readonly number[]): void {
  for (const i of persons) {
    const m = r.mentions[i] as Mention;
    if (m.kind !== 'surname') continue;
    const s = foldName(m.name);
    // `Mr Blair` is not the Cherie Blair the article calls `Mrs Blair`.
    const gender = honorificGender(r, m);
    let g = surnameMatch(gender ? r.people.filter((p) => !p.gender || p.gender === gender) : r.people, s, i);
    if (!g) {
      // A lone surname stands on its own when it names exactly one well-known public figure
      // (`Obama said`); other weak lone words are dropped.
      if (m.confidence < WEAK && ((r.lex.figuresBySurname.get(s)?.length ?? 0) !== 1 || afterModifier(r, m))) continue;
      g = newGroup(r, 'Person', m.name);
    }
    assign(r, i, g);
  }
}

/** `an occupying Power`: a capitalised word after an article or adjective is a common noun, not a surname. */
function afterModifier(r: Resolution, m: Mention): boolean {
  const before = r.ann.tokens[m.firstToken - 1];
  if (!before || before.sentence !== m.sentence) return false;
  if (before.pos === 'DET') return true;
  // `an occupying Power`, not `asking Obama`: the modifier itself follows an article.
  const modifier = before.pos === 'ADJ' || (before.pos === 'VERB' && before.normal.endsWith('ing'));
  return modifier && r.ann.tokens[m.firstToken - 2]?.pos === 'DET';
}

/**
 * The person a lone (folded) surname `s` at mention `i` names, if any. Of two people of one
 * surname (`Tony Blair`, `Cherie Blair`), the one mentioned most before it, then last.
 */
function surnameMatch(people: readonly Group[], s: string, i: number): Group | undefined {
  const same = people.filter((p) => p.surnames.includes(s));
  if (same.length) return same.length === 1 ? same[0] : mostMentionedBefore(same, i);
  // `Kilroy-Silk` for `Robert Kilroy Silk`: a double surname written with a hyphen or a space.
  if (s.includes('-')) {
    const spaced = ` ${s.replace(/-/g, ' ')}`;
    const ends = people.filter((p) => p.fullNames.some((f) => ` ${foldName(f).replace(/-/g, ' ')}`.endsWith(spaced)));
    if (ends.length === 1) return ends[0];
  }
  for (const p of people) if (p.surnames.some((f) => similarSurnames(f, s))) return p;
  for (const p of people) if (!p.fullNames.length && (foldName(p.name) === s || similarSurnames(foldName(p.name), s))) return p;
  // The first word of a full name: a family name written first (`Wang Donghai` ... `Wang`) or a
  // given name (`Jansher Khan` ... `Jansher`); of several (`Kim Jong Un`, `Kim Yo Jong`), the one
  // mentioned more often before it than any other, else none.
  const byFirst = people.filter((p) => p.firstWords.includes(s));
  if (byFirst.length <= 1) return byFirst[0];
  const before = (g: Group): number => g.mentions.filter((k) => k < i).length;
  const [top, second] = byFirst.map((g) => [before(g), g] as const).sort((a, b) => b[0] - a[0]);
  return top && second && top[0] > second[0] ? top[1] : undefined;
}

/**
 * Of `groups`, the one with the most mentions before mention i (the story's person), then the
 * one mentioned last; with none before, the one mentioned first.
 */
function mostMentionedBefore(groups: readonly Group[], i: number): Group | undefined {
  const rank = (g: Group): [number, number] => [g.mentions.filter((k) => k < i).length, lastPersonMentionBefore(g, i)];
  let best: Group | undefined;
  let bestRank: [number, number] = [0, -1];
  for (const g of groups) {
    const [n, last] = rank(g);
    if (n > bestRank[0] || (n === bestRank[0] && last > bestRank[1])) [best, bestRank] = [g, [n, last]];
  }
  if (best) return best;
  const first = (g: Group): number => Math.min(...g.mentions);
  return [...groups].sort((a, b) => first(a) - first(b))[0];
}

function lastPersonMentionBefore(g: Group, i: number): number {
  let best = -1;
  for (const k of g.mentions) if (k < i && k > best) best = k;
  return best;
}

function titleFits(g: Group, m: Mention): boolean {
  const head = (m.role ?? m.name).split(/\s+/).pop()?.toLowerCase() ?? '';
  const roles = Array.from(g.roles, (r) => r.toLowerCase());
  const roleOk = GENERIC_HEADS.has(head) ? roles.length > 0 || g.affiliations.length > 0 : roles.some((r) => r.split(/\s+/).includes(head));
  if (!roleOk) return false;
  if (m.affiliation && g.affiliations.length && !g.affiliations.includes(m.affiliation)) return false;
  return true;
}

function resolveTitle(r: Resolution, i: number): Group | undefined {
  const m = r.mentions[i];
  if (!m) return undefined;
  const fits = r.people.filter((g) => titleFits(g, m));
  const withAff = m.affiliation ? fits.filter((g) => g.affiliations.includes(m.affiliation as string)) : fits;
  const pool = withAff.length ? withAff : fits;
  let best: Group | undefined;
  let bestAt = -1;
  for (const g of pool) {
    const at = lastPersonMentionBefore(g, i);
    if (at > bestAt) {
      best = g;
      bestAt = at;
    }
  }
  if (best) return best;
  // Cataphora (a headline title before the name): the first fitting person within 3 sentences.
  let after: Group | undefined;
  let afterAt = Infinity;
  for (const g of pool) {
    const first = g.mentions.find((k) => k > i);
    const fm = first === undefined ? undefined : r.mentions[first];
    if (fm && fm.sentence - m.sentence <= 3 && (first as number) < afterAt) {
      after = g;
      afterAt = first as number;
    }
  }
  return after;
}

function fitsPronoun(g: Group, gender: 'm' | 'f' | undefined): boolean {
  return g.type === 'Person' && (!g.gender || !gender || g.gender === gender);
}

function resolvePronoun(r: Resolution, i: number): Group | undefined {
  const { mentions, groupOf } = r;
  const m = mentions[i];
  if (!m) return undefined;
  const info = r.lex.pronouns.get(m.name);
  if (!info || info.person !== 3 || info.number !== 'sg') return undefined;
  // Same sentence: the nearest person before the pronoun.
  for (let k = i - 1; k >= 0; k--) {
    const p = mentions[k];
    if (!p || p.sentence !== m.sentence) break;
    const g = groupOf.get(k);
    if (g && fitsPronoun(g, info.gender)) return g;
  }
  // Earlier sentences: the first person (the subject, usually) of the nearest sentence with one.
  const sentences = r.ann.sentences;
  for (let s = m.sentence - 1; s >= Math.max(0, m.sentence - 3); s--) {
    const paragraphBreak = sentences[s]?.paragraph !== sentences[m.sentence]?.paragraph && m.sentence - s > 2;
    if (paragraphBreak) break;
    for (let k = 0; k < i; k++) {
      const p = mentions[k];
      if (!p || p.sentence !== s) continue;
      const g = groupOf.get(k);
      if (g && fitsPronoun(g, info.gender)) return g;
    }
  }
  return undefined;
}

/**
 * The entities (groups with at least one name mention, in creation order) and the mentions
 * they keep, renumbered in text order.
 */
function output(r: Resolution): { mentions: Mention[]; entities: ArticleEntity[] } {
  const { mentions, groupOf } = r;
  // Entities with only title/pronoun mentions cannot exist (every group starts from a name), but
  // keep the mention list consistent with the entities kept: a mention is kept when its group is.
  const kept: Group[] = [];
  const aliasesOf: string[][] = [];
  for (const g of r.groups) {
    if (!g.mentions.length) continue;
    const aliases: string[] = [];
    for (const i of g.mentions) {
      const m = mentions[i];
      if (!m || m.kind === 'pronoun' || m.kind === 'title') continue;
      const surface = m.text.replace(/\s+/g, ' ');
      if (!aliases.includes(surface)) aliases.push(surface);
    }
    if (!aliases.length) continue;
    kept.push(g);
    aliasesOf.push(aliases);
  }
  // A mention is kept when a kept group has it (a title can join a second group, a person).
  const used = new Uint8Array(mentions.length);
  for (const g of kept) for (const i of g.mentions) used[i] = 1;
  const finalIndex = new Int32Array(mentions.length).fill(-1);
  const finalMentions: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    if (!used[i] || !groupOf.has(i)) continue;
    finalIndex[i] = finalMentions.length;
    finalMentions.push(mentions[i] as Mention);
  }
  const entities: ArticleEntity[] = kept.map((g, id) => ({
    id,
    type: g.type,
    name: g.name,
    aliases: aliasesOf[id] as string[],
    mentions: g.mentions
      .map((i) => finalIndex[i] as number)
      .filter((k) => k >= 0)
      .sort((a, b) => a - b),
    roles: g.roles,
    affiliations: g.affiliations,
    confidence: g.confidence,
  }));
  return { mentions: finalMentions, entities: [...entities, ...titleOnlyAffiliations(r, kept, entities)] };
}

/**
 * `Hungarian Prime Minister Viktor Orban` in an article that names Hungary nowhere else: the
 * country (or body) of a kept person's title is an entity of its own, with no alias, so the
 * person's affiliation has its target.
 */
function titleOnlyAffiliations(r: Resolution, kept: readonly Group[], entities: readonly ArticleEntity[]): ArticleEntity[] {
  const firstId = entities.length;
  // Known by its name or any alias (`BNP leader X` where the article has `British National Party (BNP)`).
  const known = new Set(entities.flatMap((e) => [e.name, ...e.aliases].map((n) => `${e.type}|${n}`)));
  const added: ArticleEntity[] = [];
  for (const g of kept) {
    if (g.type !== 'Person') continue;
    for (const i of g.mentions) {
      const m = r.mentions[i];
      if (!m?.role || !m.affiliation || !m.affiliationType || m.affiliationType === 'Person' || portfolioNotParty(r, m.affiliation, m.role)) continue;
      const key = `${m.affiliationType}|${m.affiliation}`;
      if (known.has(key)) continue;
      known.add(key);
      added.push({ id: firstId + added.length, type: m.affiliationType, name: m.affiliation, aliases: [], mentions: [], roles: [], affiliations: [], confidence: m.confidence * 0.9 });
    }
    for (const party of g.parties) {
      if (known.has(`Organisation|${party}`)) continue;
      known.add(`Organisation|${party}`);
      added.push({ id: firstId + added.length, type: 'Organisation', name: party, aliases: [], mentions: [], roles: [], affiliations: [], confidence: g.confidence * 0.9 });
    }
  }
  return added;
}

/** `Labour Minister X`: a party's adjective before a minister's title names the portfolio, not the party. */
function portfolioNotParty(r: Resolution, affiliation: string, role: string): boolean {
  const party = r.lex.phrases.get(phraseKey(affiliation))?.some((e) => e.category === 'party');
  return !!party && /\b(Minister|Secretary|minister|secretary)$/.test(role);
}

function genderOfRole(role: string | undefined, lex: EntityLexicon): 'm' | 'f' | undefined {
  if (!role) return undefined;
  for (const w of role.split(/\s+/)) {
    const g = lex.titles.get(w)?.gender;
    if (g) return g;
  }
  return undefined;
}

/**
 * The most frequent full name (middle initials dropped), else the longest surname form; a name
 * also counts for the longer names it ends (`Peña Nieto` for `Enrique Peña Nieto`).
 */
function bestName(g: Group, mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  for (const i of g.mentions) {
    const m = mentions[i];
    if (!m || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const clean = m.name.replace(/\s+\p{Lu}\.(?=\s)/gu, '').replace(/\s+/g, ' ');
    const words = clean.split(' ').length;
    counts.set(clean, (counts.get(clean) ?? 0) + (words >= 2 ? 10 : 1) * m.confidence);
  }
  let best = g.name;
  let bestScore = -1;
  for (const name of counts.keys()) {
    let score = 0;
    for (const [other, n] of counts) if (other === name || (other.includes(' ') && name.endsWith(` ${other}`))) score += n;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
