/**
 * Organisations named by a bare word, typed by where they stand:
 * 1. Sports results, standings and fixtures, and price tables: `Pohang 3 Ulsan 2`, `NEW YORK 74
 *    59 .556 -`, `KANSAS CITY AT DETROIT`, `Hindustan Copper 12.50 12.75`. In such a row a
 *    capitalised name that is not a country or a person named with a title is a team or a
 *    company, even when it is also a town or region (`Surrey`, `Boston`).
 * 2. In a sports report (three or more sports words), a town or region named as an actor is a
 *    team (`Surrey beat Kent`), but not after a place preposition (`at Taunton`); and so is an
 *    unknown name beside a sports cue (`beat Atalanta`, `Rotor coach`, sports-cues.tsv).
 * 3. Cue words around a name make it a company (`airline El Al`, `Magna shares`, `Cofinec CEO`,
 *    `a stake in Rabobank`), and in a sports report a capitalised plural is a team (`the Mets`).
 *    An apposition headed by an organisation noun makes the name before it one (`Jund al-Nasr,
 *    an Islamist-linked organization`).
 * 4. One sense per article: the same name elsewhere in the article is that organisation too,
 *    unless it stands after a place preposition (`in Boston`) or names a person there; and the
 *    head word of a name with a joining word (`Observatorio` of `Observatorio de Derechos
 *    Humanos`) is that organisation.
 *
 * Pure: rows are the article's lines (paragraphs); the mentions of `detectMentions` go in and
 * the retyped list comes out.
 */

import type { AnnotatedText, Mention, Token } from '../types.js';
import { phraseKey, type EntityLexicon } from './entity-lexicon.js';
import { isCap, isPossessive, PLACE_PREPOSITIONS as BASE_PLACE_PREPOSITIONS } from './token-tests.js';

type Item =
  | { readonly kind: 'name'; readonly first: number; readonly last: number }
  | { readonly kind: 'num' | 'sep' | 'open' | 'close' | 'punct' | 'other'; readonly first: number; readonly last: number };

const NUMBER = /^[-+]?\.?\d[\d.,/:%+-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SEPARATORS = new Set(['v', 'v.', 'vs', 'vs.', 'at']);
/**
 * The separators of a fixture (`Leeds v Chelsea`), in lower case (a capital `V` in a line of
 * names is an initial, `V Matfield`), and not `at`, which also stands before places.
 */
const V_SEPARATOR = /^(v|vs)\.?$/;
const CONNECTORS = new Set(['of', 'de', 'la', 'del', 'di', 'da', 'do', '&', "'s", '’s']);
/** A town after these is a place: the shared place prepositions, and `from`/`to` (`fans from Leeds`). */
const PLACE_PREPOSITIONS = new Set([...BASE_PLACE_PREPOSITIONS, 'from', 'to']);
/** The confidence below which a person mention is only a guess from capitalisation. */
const SURE_PERSON = 0.9;
/** The confidence detectMentions gives a word of a person named in full elsewhere in the article. */
const PERSON_NAMED_IN_FULL = 0.7;

/**
 * A cheap test before a line is parsed: a table row has a number or a separator, and no
 * lower-case word outside parentheses other than a separator or a name's connector (`Queen of
 * South 2 Clyde 1`); prose fails at its first one.
 */
function mayBeTableRow(tokens: readonly Token[], first: number, last: number): boolean {
  let depth = 0;
  let cell = false;
  for (let i = first; i <= last; i++) {
    const w = (tokens[i] as Token).text;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) cell = true;
    else if (w === '(') depth++;
    else if (w === ')') depth = Math.max(0, depth - 1);
    else if (w.length <= 3 && SEPARATORS.has(w.toLowerCase())) cell = true;
    else if (depth === 0 && c >= 97 && c <= 122 && !CONNECTORS.has(w)) return false;
    else if ((c === 46 || c === 45 || c === 43) && /\d/.test(w)) cell = true;
  }
  return cell;
}

/** The items of one line: runs of capitalised words, numbers, separators and the rest. */
function lineItems(tokens: readonly Token[], first: number, last: number): Item[] {
  const items: Item[] = [];
  let i = first;
  while (i <= last) {
    const t = tokens[i] as Token;
    if (SEPARATORS.has(t.text.toLowerCase()) && (t.text === t.text.toLowerCase() || t.text === t.text.toUpperCase()) && items.length > 0) {
      items.push({ kind: 'sep', first: i, last: i });
      i++;
      continue;
    }
    if (isCap(t)) {
      let j = i;
      while (j + 1 <= last) {
        const n = tokens[j + 1] as Token;
        // `KANSAS CITY AT DETROIT`: an all-capital separator ends the name.
        if (/^(AT|V|VS)\.?$/.test(n.text) && tokens[j + 2] && isCap(tokens[j + 2] as Token)) break;
        if (isCap(n)) {
          j++;
          continue;
        }
        const after = tokens[j + 2];
        const glued = n.text === '-' && n.start === (tokens[j] as Token).end && after?.start === n.end;
        if ((CONNECTORS.has(n.text) || glued) && j + 2 <= last && after && isCap(after)) {
          j += 2;
          continue;
        }
        break;
      }
      items.push({ kind: 'name', first: i, last: j });
      i = j + 1;
      continue;
    }
    const kind = NUMBER.test(t.text) ? 'num' : t.text === '(' ? 'open' : t.text === ')' ? 'close' : /^\p{P}+$/u.test(t.text) ? 'punct' : 'other';
    items.push({ kind, first: i, last: i });
    i++;
  }
  return items;
}

/** The name items of a line that are table cells naming a team or company, or none. */
function tableNames(items: readonly Item[], tokens: readonly Token[]): Item[] {
  // Words outside parentheses that are neither names nor numbers make prose, not a table row.
  let depth = 0;
  const core: Item[] = [];
  for (const it of items) {
    if (it.kind === 'open') depth++;
    else if (it.kind === 'close') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (it.kind === 'other') return [];
      if (it.kind !== 'punct') core.push(it);
    }
  }
  const [a, b, c, d] = core;
  // Fixture lists: `May 17 v Leeds`, `Postponed : Hull v York , Bury v`: a name beside `v`.
  // (Not in an all-capital headline, where any word may stand beside `V`: `50 OVERS V SRI LANKA`.)
  const headline = items.every((x) => x.kind !== 'name' || (tokens[x.first] as Token).text === (tokens[x.first] as Token).text.toUpperCase());
  const besideV = headline ? [] : core.filter((x, i) => x.kind === 'name' && [core[i - 1], core[i + 1]].some((y) => y?.kind === 'sep' && V_SEPARATOR.test(tokens[y.first]?.text ?? '')));
  if (!a || a.kind !== 'name') return besideV;
  // Results: `Pohang 3 Ulsan 2`.
  if (core.length === 4 && b?.kind === 'num' && c?.kind === 'name' && d?.kind === 'num') return [a, c];
  // Fixtures: `KANSAS CITY AT DETROIT`, `Leeds v Chelsea`.
  if (core.length === 3 && b?.kind === 'sep' && c?.kind === 'name') return [a, c];
  // Standings and price rows: a name then two or more numbers (not a dateline `LONDON 1996-08-30`).
  const rest = core.slice(1);
  if (rest.length >= 2 && rest.every((x) => x.kind === 'num') && !rest.some((x) => DATE.test(tokens[x.first]?.text ?? ''))) return [a];
  return besideV;
}

/** What a token's word is to this stage (bit flags of `cueFlags`). */
const CUE_BEFORE = 1;
const CUE_AFTER = 2;
/** First word of an `object` company cue (`shares` of `shares of`), by its normal form. */
const OBJECT_FIRST = 4;
/** A sports word, by its normal form. */
const SPORTS_TERM = 8;
/** A cue just after the name, not after its possessive (`Le Monde newspaper`), by its text. */
const CUE_AFTER_NAME = 16;

interface CueWords {
  readonly byText: ReadonlyMap<string, number>;
  readonly byNormal: ReadonlyMap<string, number>;
}
/** The cue and sports words as flags by text and by normal form, made once per lexicon. */
const cueWordsCache = new WeakMap<EntityLexicon, CueWords>();
function cueWords(lex: EntityLexicon): CueWords {
  let words = cueWordsCache.get(lex);
  if (!words) {
    const byText = new Map<string, number>();
    const byNormal = new Map<string, number>();
    const flag = (map: Map<string, number>, word: string, f: number): void => void map.set(word, (map.get(word) ?? 0) | f);
    for (const w of lex.companyCues.before) flag(byText, w, CUE_BEFORE);
    for (const w of lex.companyCues.after) flag(byText, w, CUE_AFTER);
    for (const w of lex.companyCues.afterName) flag(byText, w, CUE_AFTER_NAME);
    for (const c of lex.companyCues.object) flag(byNormal, c.split(' ')[0] ?? c, OBJECT_FIRST);
    for (const w of lex.sportsTerms) flag(byNormal, w, SPORTS_TERM);
    cueWordsCache.set(lex, (words = { byText, byNormal }));
  }
  return words;
}

/**
 * The cue flags of every token. Performance: two look-ups per token, in one pass, where
 * the sports test and the company cues took four in two.
 */
function cueFlags(tokens: readonly Token[], lex: EntityLexicon): Uint8Array {
  const { byText, byNormal } = cueWords(lex);
  const flags = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    flags[k] = (byText.get(t.text) ?? 0) | (byNormal.get(t.normal) ?? 0);
  }
  return flags;
}

/** Three or more different sports words make a sports report. */
function isSportsReport(tokens: readonly Token[], flags: Uint8Array): boolean {
  const seen = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    if (!((flags[k] as number) & SPORTS_TERM)) continue;
    seen.add((tokens[k] as Token).normal);
    if (seen.size >= 3) return true;
  }
  return false;
}

/**
 * The article's state while names are retyped; the steps are module-level functions over
 * this one object.
 */
interface Retyping {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly lex: EntityLexicon;
  readonly byToken: Map<number, Mention>;
  readonly removed: Set<Mention>;
  readonly added: Mention[];
  readonly teams: Map<string, string>;
}

/** A paragraph's token range (each line of a table is a paragraph). */
interface Line {
  first: number;
  last: number;
}

function isStateName(r: Retyping, first: number, last: number): boolean {
  const { tokens } = r;
  const key = phraseKey(r.text.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? 0));
  return !!r.lex.phrases.get(key)?.some((e) => e.type === 'Country' || e.kind === 'capital' || e.kind === 'demonym');
}

/** The mentions over a token range, or undefined when one of them must be kept. */
function replaceable(r: Retyping, first: number, last: number, innerCountry: boolean): Mention[] | undefined {
  const over = new Set<Mention>();
  for (let k = first; k <= last; k++) {
    const m = r.byToken.get(k);
    if (m && !r.removed.has(m)) over.add(m);
  }
  for (const m of over) {
    // `Air France`: a country inside a company's name is part of it.
    if (m.type === 'Country' && !(innerCountry && (m.firstToken > first || m.lastToken < last))) return undefined;
    if (m.type === 'Organisation' && (m.firstToken !== first || m.lastToken !== last)) return undefined;
    if (m.type === 'Person' && (m.confidence >= SURE_PERSON || m.role || m.kind === 'title' || m.kind === 'pronoun')) return undefined;
    if (m.firstToken < first || m.lastToken > last) return undefined;
  }
  return [...over];
}

/** Makes tokens first..last one organisation mention; false when a mention there must be kept. */
function retype(r: Retyping, first: number, last: number, name: string, innerCountry: boolean): boolean {
  const over = replaceable(r, first, last, innerCountry);
  if (!over) return false;
  if (over.length === 1 && over[0]?.type === 'Organisation') return false;
  for (const m of over) r.removed.add(m);
  const { tokens, text } = r;
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? 0;
  const m: Mention = { start, end, text: text.slice(start, end), type: 'Organisation', kind: 'name', sentence: tokens[first]?.sentence ?? 0, firstToken: first, lastToken: last, name, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.7 };
  r.added.push(m);
  for (let k = first; k <= last; k++) r.byToken.set(k, m);
  return true;
}

const SPACE_RUNS = /\s+/g;
function nameAt(r: Retyping, first: number, last: number): string {
  return r.text.slice(r.tokens[first]?.start ?? 0, r.tokens[last]?.end ?? 0).replace(SPACE_RUNS, ' ');
}

/** 1. Table rows: names in results, standings, fixtures and price rows are organisations. */
function typeTableRows(r: Retyping, lines: ReadonlyMap<number, Line>, itemsOf: Map<number, Item[]>): void {
  const { tokens, byToken } = r;
  for (const { first, last } of lines.values()) {
    if (!mayBeTableRow(tokens, first, last)) continue;
    const items = lineItems(tokens, first, last);
    itemsOf.set(first, items);
    const cells = tableNames(items, tokens);
    // `Alba ( Germany ) 75 Partizan ( Yugoslavia ) 70`: two sides of a score are teams.
    const twoSides = cells.length === 2 && items.filter((x) => x.kind === 'num').length === 2;
    for (const cell of cells) {
      // (`Scotland`, `England`: a nation's side is named as the nation.)
      if (isStateName(r, cell.first, cell.last) || byToken.get(cell.first)?.type === 'Country' || r.lex.sportsCues.nations.has(phraseKey(nameAt(r, cell.first, cell.last)))) continue;
      // `Costantino Rocca ( Italy ) 71 73`: an athlete with a country, not a team.
      const open = tokens[cell.last + 1];
      if (!twoSides && open?.text === '(' && byToken.get(cell.last + 2)?.type === 'Country') continue;
      const surface = nameAt(r, cell.first, cell.last);
      if (retype(r, cell.first, cell.last, surface, false) || byToken.get(cell.first)?.type === 'Organisation') r.teams.set(phraseKey(surface), byToken.get(cell.first)?.name ?? surface);
    }
  }
}

/**
 * 2. In a sports report, a town or region named as an actor is a team: `Surrey beat Kent`,
 * `Surrey captain Chris Lewis`, but not `at Headingley`, `in Leicester` or a dateline.
 */
function typeSportsPlaces(r: Retyping, lines: ReadonlyMap<number, Line>, itemsOf: ReadonlyMap<number, Item[]>): void {
  const { tokens, lex, byToken } = r;
  for (const { first, last } of lines.values()) {
    for (const it of itemsOf.get(first) ?? lineItems(tokens, first, last)) {
      if (it.kind !== 'name') continue;
      const key = phraseKey(nameAt(r, it.first, it.last));
      // A place, or a place and a club word that also ends place names (`Notts County`).
      const clubOfPlace = it.last > it.first && lex.clubAfterSports.has(tokens[it.last]?.text ?? '') && lex.places.has(phraseKey(nameAt(r, it.first, it.last - 1)));
      if (!(lex.places.has(key) || clubOfPlace) || lex.nonNames.has(key) || isStateName(r, it.first, it.last)) continue;
      // A word the article uses as a person's name stays that person (`Gonzalez`, `Ferguson`).
      const over = byToken.get(it.first);
      if (over && !r.removed.has(over) && (over.type !== 'Person' || over.kind === 'title' || over.confidence >= PERSON_NAMED_IN_FULL)) continue;
      const prev = tokens[it.first - 1];
      const next = tokens[it.last + 1];
      if (prev && prev.sentence === tokens[it.first]?.sentence && PLACE_PREPOSITIONS.has(prev.normal)) continue;
      if (it.first === first && (!next || next.text === '(' || DATE.test(next.text) || next.text === '-')) continue;
      const surface = nameAt(r, it.first, it.last);
      if (retype(r, it.first, it.last, surface, false)) r.teams.set(key, surface);
    }
  }
}

/** Closed-class words that end a team's name in an all-capital headline (`RANGERS BEAT INDIANS`). */
const HEADLINE_STOPS = new Set(['and', 'or', 'as', 'of', 'in', 'at', 'on', 'to', 'for', 'the', 'by', 'with', 'after', 'over', 'v', 'vs', 'from']);
/** The longest team name the sports cues take (`Kansas City Royals`). */
const MAX_TEAM_WORDS = 3;

/** Whether a sports cue of `position` starts at token k, and its last token, or -1. */
function sportsCueAt(r: Retyping, k: number, position: 'before' | 'after'): number {
  const cues = r.lex.sportsCues[position];
  const t = r.tokens[k] as Token;
  const next = r.tokens[k + 1];
  if (next && next.sentence === t.sentence && cues.has(`${t.normal} ${next.normal}`)) return k + 1;
  return cues.has(t.normal) ? k : -1;
}

/** A word that may be part of a team's name: capitalised, not a cue or a closed-class word. */
function teamWord(r: Retyping, x: number, sentence: number): boolean {
  const t = r.tokens[x];
  return !!t && t.sentence === sentence && isCap(t) && !HEADLINE_STOPS.has(t.normal) && !r.lex.sportsCues.before.has(t.normal) && !r.lex.sportsCues.after.has(t.normal);
}

/**
 * Whether tokens first..last may be retyped a team: no state, and no mention there but a
 * one-word guess at a person from capitalisation alone (a player named in full, or by a surname
 * the article gives in full, stays a person).
 */
function mayBeTeam(r: Retyping, first: number, last: number): boolean {
  const key = phraseKey(nameAt(r, first, last));
  if (isStateName(r, first, last) || r.lex.nonNames.has(key) || r.lex.sportsCues.nations.has(key)) return false;
  for (let x = first; x <= last; x++) {
    const m = r.byToken.get(x);
    if (!m || r.removed.has(m)) continue;
    // (A guess at a person named in full, `Mardy Fish beat`, stays a person: a tennis player.)
    if (m.type !== 'Person' || m.kind === 'title' || m.kind === 'pronoun' || m.role || m.confidence >= PERSON_NAMED_IN_FULL || m.lastToken > m.firstToken) return false;
  }
  return true;
}

const DIGIT = /\d/;
const QUOTE_OPENERS = new Set(['"', '“', "'", '‘', '(']);

function addTeam(r: Retyping, first: number, last: number): void {
  const { tokens } = r;
  // Leading words that name nothing (`Some`, `Former`, `But`, `"Our` opening a sentence or a
  // quotation) are not part of the name; a capitalised determiner inside one is (`the All Blacks`).
  const opens = (x: number): boolean => opensSentence(tokens, x) || QUOTE_OPENERS.has(tokens[x - 1]?.text ?? '');
  while (first <= last && (r.lex.titles.has(tokens[first]?.text ?? '') || (opens(first) && tokens[first]?.pos !== 'PROPN'))) first++;
  // (Not an age group, `Under-18`, nor the end of a hyphenated name, `Hyung-Taik Lee`.)
  if (first > last || tokens.slice(first, last + 1).some((t) => DIGIT.test(t.text)) || (tokens[first - 1]?.text === '-' && tokens[first - 1]?.end === tokens[first]?.start) || !mayBeTeam(r, first, last)) return;
  const surface = nameAt(r, first, last);
  if (retype(r, first, last, surface, false)) r.teams.set(phraseKey(surface), surface);
}

/** 2b. In a sports report a name beside a sports cue is a team: `beat Atalanta`, `Rotor coach`. */
function typeSportsCues(r: Retyping): void {
  const { tokens } = r;
  for (let k = 0; k < tokens.length; k++) {
    const sentence = (tokens[k] as Token).sentence;
    const before = sportsCueAt(r, k, 'before');
    if (before >= 0) {
      let first = before + 1;
      if (tokens[first]?.normal === 'the' && tokens[first]?.sentence === sentence) first++;
      let last = first - 1;
      while (last + 1 - first < MAX_TEAM_WORDS && teamWord(r, last + 1, sentence)) last++;
      // (Not the start of a longer capitalised run, `beat Manchester United Football Club`, nor a
      // modifier of a noun, `drew with the Premiership champions`.)
      const after = tokens[last + 1];
      if (!teamWord(r, last + 1, sentence) && !(after?.pos === 'NOUN' && !isCap(after))) addTeam(r, first, last);
    }
    if (k > 0 && sportsCueAt(r, k, 'after') >= 0) {
      let last = k - 1;
      if (isPossessive(tokens[last])) last--;
      let first = last + 1;
      while (last + 1 - first < MAX_TEAM_WORDS && first - 1 >= 0 && teamWord(r, first - 1, sentence)) first--;
      const prev = tokens[first - 1];
      // Not `in Leeds`, and not the end of a longer capitalised run.
      if (prev && prev.sentence === sentence && (PLACE_PREPOSITIONS.has(prev.normal) || teamWord(r, first - 1, sentence))) continue;
      addTeam(r, first, last);
    }
  }
}

/** No mention at token k, a removed one, or a weak guess at a person. */
function weakOrNone(r: Retyping, k: number): boolean {
  const m = r.byToken.get(k);
  return !m || r.removed.has(m) || (m.type === 'Person' && m.kind !== 'title' && m.kind !== 'pronoun' && !m.role && (m.confidence < PERSON_NAMED_IN_FULL || (m.kind === 'name' && m.confidence < SURE_PERSON)));
}

const opensSentence = (tokens: readonly Token[], x: number): boolean => x === 0 || tokens[x - 1]?.sentence !== tokens[x]?.sentence;
const sameSentenceAs = (tokens: readonly Token[], x: number, k: number): boolean => tokens[x]?.sentence === tokens[k]?.sentence;
/** Lower-case words that join two parts of a name (`Bank of England`, `Banco de Chile`). */
const NAME_JOINS = new Set(['&', 'of', 'de', 'del', 'la', 'du', 'des', 'di', 'da']);
/** A joining word before a capitalised word joins two parts of a company's name. */
const joinsAt = (tokens: readonly Token[], x: number): boolean => NAME_JOINS.has(tokens[x]?.text ?? '') && !!tokens[x + 1] && isCap(tokens[x + 1] as Token);
const PLURAL_NICKNAME = /\p{Ll}s$/u;

function addCompany(r: Retyping, first: number, last: number): void {
  const { tokens, lex } = r;
  // Leading words that name nothing (`The`, `Analysts`) are not part of the name.
  while (first <= last && (tokens[first]?.pos === 'DET' || lex.titles.has(tokens[first]?.text ?? '') || (opensSentence(tokens, first) && tokens[first]?.pos !== 'PROPN'))) first++;
  if (first > last || last - first > 3 || isStateName(r, first, last) || lex.nonNames.has(phraseKey(nameAt(r, first, last)))) return;
  if (!weakOrNone(r, first) && r.byToken.get(first)?.type !== 'Country') return;
  const name = nameAt(r, first, last);
  if (retype(r, first, last, name, true)) r.teams.set(phraseKey(name), name);
}

/** A cue before the name: `company Cofinec`, `shares of Magna`; false when there is none at k. */
function typeCompanyAfterCue(r: Retyping, k: number, f: number): boolean {
  const { tokens } = r;
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  let start = -1;
  if (f & CUE_BEFORE && next && isCap(next)) start = k + 1;
  else if (next && f & OBJECT_FIRST && r.lex.companyCues.object.has(`${t.normal} ${next.normal}`) && tokens[k + 2] && isCap(tokens[k + 2] as Token)) start = k + 2;
  if (start < 0) return false;
  // `the carrier USS Nimitz`: a ship, not a company.
  if (r.lex.vesselPrefixes.has((tokens[start] as Token).text)) return true;
  let end = start;
  while (end + 1 < tokens.length && sameSentenceAs(tokens, end + 1, k)) {
    const n = tokens[end + 1] as Token;
    if (isCap(n) && !r.lex.companyCues.after.has(n.text)) end++;
    else if (joinsAt(tokens, end + 1)) end += 2;
    else if (NAME_JOINS.has(tokens[end + 1]?.text ?? '') && joinsAt(tokens, end + 2)) end += 3; // `de la`
    else break;
  }
  addCompany(r, start, end);
  return true;
}

/** A cue after the name or its possessive: `Magna shares`, `Cofinec CEO`, `Ericsson's shareholders`. */
function typeCompanyBeforeCue(r: Retyping, k: number): void {
  const { tokens } = r;
  let end = k - 1;
  if (isPossessive(tokens[end])) end--;
  if (end < 0 || !isCap(tokens[end] as Token) || !sameSentenceAs(tokens, end, k)) return;
  let begin = end;
  for (;;) {
    if (begin - 1 >= 0 && sameSentenceAs(tokens, begin - 1, k) && isCap(tokens[begin - 1] as Token)) begin--;
    else if (begin - 2 >= 0 && sameSentenceAs(tokens, begin - 2, k) && (tokens[begin - 1]?.text === '&' || tokens[begin - 1]?.normal === 'of') && isCap(tokens[begin - 2] as Token)) begin -= 2;
    // `News of the World newspaper`.
    else if (begin - 3 >= 0 && sameSentenceAs(tokens, begin - 3, k) && tokens[begin - 1]?.text === 'the' && tokens[begin - 2]?.normal === 'of' && isCap(tokens[begin - 3] as Token)) begin -= 3;
    else break;
  }
  addCompany(r, begin, end);
}

/** A team's plural nickname in a sports report: `the Mets`, `Yankees`. */
function typeNickname(r: Retyping, k: number): void {
  const { tokens, lex } = r;
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  if (!(PLURAL_NICKNAME.test(t.text) && k > 0 && sameSentenceAs(tokens, k - 1, k) && !isCap(tokens[k - 1] as Token) && !(next && sameSentenceAs(tokens, k + 1, k) && isCap(next)))) return;
  const key = phraseKey(t.text);
  if (lex.phrases.has(key) || lex.nonNames.has(key) || lex.nonEntityHeads.has(t.text) || lex.titles.has(t.text) || lex.places.has(key) || !weakOrNone(r, k)) return;
  if (retype(r, k, k, t.text, false)) r.teams.set(key, t.text);
}

/**
 * 3. Companies by the words around them: `airline El Al`, `Magna shares`, `Cofinec CEO`, `a stake
 * in Rabobank`; and, in a sports report, teams by their plural nicknames (`the Mets`).
 */
function typeCueCompanies(r: Retyping, flags: Uint8Array, sports: boolean): void {
  const { tokens } = r;
  for (let k = 0; k < tokens.length; k++) {
    const f = flags[k] as number;
    if (!(f & (CUE_BEFORE | OBJECT_FIRST | CUE_AFTER | CUE_AFTER_NAME) || (sports && isCap(tokens[k] as Token)))) continue;
    if (typeCompanyAfterCue(r, k, f)) continue;
    if (f & (CUE_AFTER | CUE_AFTER_NAME) && k > 0) {
      // (`the Herald newspaper said`, but not `a 20 Ecu daily rebate`, where the word is an adjective.)
      if (f & CUE_AFTER || (!isPossessive(tokens[k - 1]) && tokens[k + 1]?.pos !== 'NOUN')) typeCompanyBeforeCue(r, k);
      continue;
    }
    if (sports && isCap(tokens[k] as Token)) typeNickname(r, k);
  }
}

const APPOSITION_OPENERS = new Set([',', '(', '—', '–', '--']);
const APPOSITION_ARTICLES = new Set(['a', 'an', 'the']);
/** How far into an apposition its head noun may stand (`an Islamist-linked organization`). */
const APPOSITION_REACH = 7;

/** The head noun of an apposition opening at token k (`, an Islamist-linked organization`), or -1. */
function appositionHead(r: Retyping, k: number): number {
  const { tokens } = r;
  if (!APPOSITION_OPENERS.has(tokens[k]?.text ?? '') || !APPOSITION_ARTICLES.has(tokens[k + 1]?.normal ?? '')) return -1;
  for (let j = k + 2; j < tokens.length && j <= k + 1 + APPOSITION_REACH; j++) {
    const t = tokens[j] as Token;
    // (`Islamist-linked`: a hyphenated compound is one modifier.)
    const compound = tokens[j - 1]?.text === '-';
    if (t.sentence !== tokens[k]?.sentence || (t.pos === 'PUNCT' && t.text !== '-') || (!compound && (t.pos === 'VERB' || t.pos === 'ADP'))) return -1;
    if (r.lex.companyCues.apposition.has(t.text) && !(tokens[j + 1]?.normal === 'of')) return j;
  }
  return -1;
}

/** 3b. `Jund al-Nasr, an Islamist-linked organization`: the name before the apposition. */
function typeAppositions(r: Retyping): void {
  const { tokens, byToken } = r;
  for (let k = 1; k < tokens.length; k++) {
    if (!APPOSITION_OPENERS.has((tokens[k] as Token).text) || appositionHead(r, k) < 0) continue;
    const m = byToken.get(k - 1);
    if (m && m.lastToken === k - 1 && m.type === 'Person' && weakOrNone(r, k - 1) && retype(r, m.firstToken, m.lastToken, m.name, false)) r.teams.set(phraseKey(m.name), m.name);
  }
}

/** 4. One sense per article: the same words elsewhere name the same organisation. */
function typeRepeats(r: Retyping): void {
  const { tokens, teams } = r;
  const keys: (string | undefined)[] = [];
  let maxLen = 0;
  for (const key of teams.keys()) maxLen = Math.max(maxLen, key.split(' ').length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!isCap(t)) continue;
    for (let len = Math.min(maxLen, tokens.length - k); len >= 1; len--) {
      const last = k + len - 1;
      if (tokens[last]?.sentence !== t.sentence) continue;
      let key = '';
      for (let x = k; x <= last; x++) key += (x > k ? ' ' : '') + (keys[x] ??= phraseKey(tokens[x]?.text ?? ''));
      const name = teams.get(key);
      if (!name) continue;
      // Not part of a longer capitalised run, not a place after a preposition, not a dateline.
      const prev = tokens[k - 1];
      const next = tokens[last + 1];
      if (prev && prev.sentence === t.sentence && isCap(prev)) break;
      if (next && next.sentence === t.sentence && isCap(next)) break;
      if (prev && PLACE_PREPOSITIONS.has(prev.normal) && prev.sentence === t.sentence) break;
      if (next && DATE.test(next.text)) break;
      if (weakOrNone(r, k)) retype(r, k, last, name, false);
      k = last;
      break;
    }
  }
}

/** Words the detector may take for a person's surname that are a short form of an organisation's name. */
function shortFormsOf(r: Retyping, orgs: readonly Mention[]): Map<string, string> {
  const short = new Map<string, string>();
  const add = (k: number, name: string): void => {
    const t = r.tokens[k];
    if (t && t.text.length >= 3 && isCap(t) && !NAME_JOINS.has(t.text)) short.set(t.text, name);
  };
  for (const m of orgs) {
    // `Instituto de Estudios`: the head word before a joining word (never a person's name).
    if (m.type === 'Organisation' && m.lastToken > m.firstToken && !r.removed.has(m) && NAME_JOINS.has(r.tokens[m.firstToken + 1]?.text ?? '')) add(m.firstToken, m.name);
  }
  return short;
}

/**
 * 4b. A lone word taken for an unknown person's surname that is the head word of an organisation
 * the article names with a joining word (`Observatorio` after `Observatorio de Derechos
 * Humanos`, `Banco` after `Banco de la Nación`) names the organisation.
 */
function typeShortForms(r: Retyping, mentions: readonly Mention[]): void {
  const short = shortFormsOf(r, [...mentions, ...r.added]);
  if (!short.size) return;
  for (const m of new Set(r.byToken.values())) {
    if (r.removed.has(m) || m.type !== 'Person' || m.kind !== 'surname' || m.firstToken !== m.lastToken || m.role) continue;
    const name = short.get(m.text);
    // (Not the surname of a person the article names in full.)
    if (name && m.name === m.text) retype(r, m.firstToken, m.lastToken, name, false);
  }
}

export function typeContextOrganisations(ann: AnnotatedText, mentions: readonly Mention[], lex: EntityLexicon): Mention[] {
  const { tokens, text } = ann;
  if (!tokens.length) return [...mentions];
  const byToken = new Map<number, Mention>();
  for (const m of mentions) for (let k = m.firstToken; k <= m.lastToken; k++) byToken.set(k, m);
  const r: Retyping = { tokens, text, lex, byToken, removed: new Set<Mention>(), added: [], teams: new Map<string, string>() };

  // Each line is a paragraph.
  const lines = new Map<number, Line>();
  for (const s of ann.sentences) {
    const l = lines.get(s.paragraph);
    if (l) l.last = Math.max(l.last, s.lastToken);
    else lines.set(s.paragraph, { first: s.firstToken, last: s.lastToken });
  }
  const itemsOf = new Map<number, Item[]>();
  typeTableRows(r, lines, itemsOf);
  const flags = cueFlags(tokens, lex);
  const sports = isSportsReport(tokens, flags);
  if (sports) {
    typeSportsPlaces(r, lines, itemsOf);
    typeSportsCues(r);
  }
  typeCueCompanies(r, flags, sports);
  typeAppositions(r);
  if (r.teams.size) typeRepeats(r);
  typeShortForms(r, mentions);

  if (!r.added.length) return [...mentions];
  return [...mentions.filter((m) => !r.removed.has(m)), ...r.added].sort((a, b) => a.start - b.start || b.end - a.end);
}
