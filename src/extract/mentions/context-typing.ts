/**
 * Passes over the whole article's drafts: one sense per article for a company named with its
 * legal form and for a person named in full, and bare ministries qualified by the country named
 * with the same ministry earlier.
 */
import type { Token } from '../../types.js';
import { phraseKey, type EntityLexicon } from '../entity-lexicon.js';
import { isCap, isPossessive, PLACE_PREPOSITIONS } from '../token-tests.js';
import { newDraft, type Draft } from './draft.js';
import { MONTH, type MentionScan } from './scan.js';

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;
/** `Russia's `, `Russian `: a word that qualifies the name after it. */
const LEADING_QUALIFIER = /^[\p{Lu}][\p{L}]+(?:'s|’s)?\s+/u;
const UNQUALIFIED_MINISTRY = /^(Foreign|Defen[cs]e|Interior|Finance|Justice|Economy|Health|Trade|Education|Agriculture|Energy|Culture|Transport|Emergencies|Information)\s+Ministry$|^Ministry of /;

/** An organisation's name qualified by its country (`Russian Foreign Ministry`), as the lexicon spells it if it has it. */
export function countryQualified(name: string, country: string, lex: EntityLexicon): string {
  const demonym = lex.countryByName.get(country)?.demonym;
  const q = demonym ? `${demonym} ${name}` : `${country} ${name}`;
  return lex.phrases.get(phraseKey(q))?.find((e) => e.type === 'Organisation')?.name ?? q;
}

/**
 * A company named with its legal form (`Pirelli SpA`, `NationsBank Corp.`) is named again
 * without it (`Pirelli`): those words are mentions of the company wherever they stand.
 */
export function propagateCompanyNames(s: MentionScan): void {
  const short = new Map<string, string>();
  for (const d of s.drafts) {
    if (d.type !== 'Organisation' || d.last <= d.first) continue;
    let e = d.last;
    while (e > d.first && s.isCompanySuffix(s.tokens[e]?.text ?? '')) e--;
    if (e === d.last || e < d.first) continue;
    short.set(phraseKey(s.text.slice(s.tokens[d.first]?.start ?? 0, s.tokens[e]?.end ?? 0)), d.name);
  }
  if (!short.size) return;
  const covered = new Map<number, Draft>();
  for (const d of s.drafts) for (let k = d.first; k <= d.last; k++) covered.set(k, d);
  s.tokens.forEach((t, k) => {
    if (s.isSkipped(k) || !isCap(t) || !short.has(phraseKey(t.text))) return;
    const d = covered.get(k);
    // A weak one-word person or a bare run made of the short name becomes the company.
    if (d && !(d.type === 'Person' && d.kind !== 'title' && d.kind !== 'pronoun' && short.has(phraseKey(d.name)))) return;
    const company = short.get(phraseKey(t.text)) ?? t.text;
    if (d) {
      d.type = 'Organisation';
      d.kind = 'name';
      d.name = company;
      d.confidence = Math.max(d.confidence, 0.7);
      return;
    }
    s.push(newDraft(t.start, t.end, k, k, 'Organisation', 'name', company, 0.7));
  });
}

/**
 * One sense per article: a surname of a person named in full is a mention of that person
 * wherever it stands, also where the tagger took it for a verb or a sentence opener
 * (`Dole added`), and in an all-capital headline (`DURAN`).
 */
export function propagateSurnames(s: MentionScan): void {
  // Both ends of the name: the family name comes first in Chinese, Korean or Hungarian names
  // (`Wang Donghai` ... `Wang`), and news also refers to people by their given name.
  const surnames = new Map<string, string>();
  for (const d of s.drafts) {
    if (d.type !== 'Person' || d.kind !== 'name' || d.confidence < 0.8) continue;
    for (const word of [s.tokens[d.last]?.text ?? '', s.tokens[d.first]?.text ?? '']) {
      // Not a word that also names a big town or region (`Lebed Chechnya peace plan`, a misread
      // headline, must not make every `Chechnya` a person).
      const month = MONTH.test(word) && word === s.tokens[d.last]?.text;
      if (word.length < 3 || !CAPITALISED_WORD.test(word) || (s.lex.nonNames.has(word.toLowerCase()) && !month) || s.lex.titles.has(word) || s.lex.phrases.has(phraseKey(word)) || s.lex.bigPlaces.has(phraseKey(word))) continue;
      surnames.set(word, d.name);
      surnames.set(word.toUpperCase(), d.name);
    }
  }
  if (!surnames.size) return;
  const covered = new Uint8Array(s.tokens.length);
  for (const d of s.drafts) covered.fill(1, d.first, d.last + 1);
  // A weak lone word (`said Wang 's arrest`) that is part of such a name is a sure mention.
  for (const d of s.drafts) {
    if (d.type !== 'Person' || d.kind !== 'surname' || d.first !== d.last || !surnames.has(d.name)) continue;
    if (PLACE_PREPOSITIONS.has(s.tokens[d.first - 1]?.normal ?? '')) continue;
    d.confidence = Math.max(d.confidence, 0.7);
  }
  s.tokens.forEach((t, k) => {
    // (Every such word is capitalised: the cheap test first.)
    if (!isCap(t) || covered[k] === 1 || s.isSkipped(k) || !surnames.has(t.text)) return;
    // Part of a longer capitalised run (another person's name): not this one.
    const prev = s.tokens[k - 1];
    const next = s.tokens[k + 1];
    const inRun = (n: Token | undefined, index: number): boolean => !!n && n.sentence === t.sentence && s.isNameToken(n, index);
    if (inRun(prev, k - 1) || inRun(next, k + 1)) return;
    // `in Chechnya`, `near Grozny`: after a place preposition the word is a place.
    if (prev && PLACE_PREPOSITIONS.has(prev.normal)) return;
    if (MONTH.test(t.text) && !surnameNotDate(s, k)) return;
    s.push(newDraft(t.start, t.end, k, k, 'Person', 'surname', t.text, 0.7));
  });
}

/** Words before a month that make it a date (`since May`, `last May`). */
const BEFORE_DATE: ReadonlySet<string> = new Set(['in', 'on', 'since', 'until', 'till', 'by', 'from', 'during', 'last', 'next', 'early', 'late', 'mid', 'of', 'through', 'before', 'after', 'this', 'that', 'to', 'and', 'or', '-']);
/** Words after a family name that no month or modal verb is followed by (`May, who`, `May said`). */
const AFTER_NAME: ReadonlySet<string> = new Set(['who', 'whose', "'s", '’s']);

/**
 * A month's name that is the family name of a person named in full (`Theresa May` ... `May said`):
 * not after a word that makes it a date, and followed by what no month or modal verb is (a verb
 * in a tense of its own, a comma before no other date word, `who`, a possessive).
 */
function surnameNotDate(s: MentionScan, k: number): boolean {
  const t = s.tokens[k] as Token;
  const prev = s.tokens[k - 1];
  if (prev && prev.sentence === t.sentence && BEFORE_DATE.has(prev.normal)) return false;
  const next = s.tokens[k + 1];
  if (!next || next.sentence !== t.sentence) return false;
  if (AFTER_NAME.has(next.normal)) return true;
  if (next.text === ',') {
    const after = s.tokens[k + 2];
    return !!after && !MONTH.test(after.text) && !/\d/.test(after.text);
  }
  return (next.pos === 'VERB' || next.pos === 'AUX') && next.normal !== next.lemma && !next.normal.endsWith('ing');
}

/** Whether `name` starts with the country's name or demonym (`Russian Foreign Ministry`). */
function namesCountry(name: string, country: string, lex: EntityLexicon): boolean {
  const demonym = lex.countryByName.get(country)?.demonym;
  return name.startsWith(`${country} `) || name.startsWith(`${country}'s `) || (!!demonym && name.startsWith(`${demonym} `));
}

/**
 * `Foreign Ministry` without a country: the country of the same phrase named earlier, else the
 * one named later (a headline's `Foreign Ministry` before `the Russian Foreign Ministry said`).
 */
export function qualifyMinistries(s: MentionScan): void {
  const qualified = new Map<string, string>();
  const later: Draft[] = [];
  for (const d of s.drafts) {
    if (d.type !== 'Organisation') continue;
    const bare = d.name.replace(LEADING_QUALIFIER, '');
    // `Tunisia's Interior Ministry`: a body a possessive country owns, named without it.
    if (d.affiliation && d.affiliationType === 'Country' && (bare === d.name || UNQUALIFIED_MINISTRY.test(d.name)) && !namesCountry(d.name, d.affiliation, s.lex)) {
      d.name = countryQualified(d.name, d.affiliation, s.lex);
      qualified.set(bare, d.name);
      continue;
    }
    if (UNQUALIFIED_MINISTRY.test(d.name)) {
      const q = qualified.get(d.name);
      if (q) d.name = q;
      else later.push(d);
    } else if (bare !== d.name) qualified.set(bare, d.name);
  }
  for (const d of later) d.name = qualified.get(d.name) ?? d.name;
}


/** The lower-case words of a ministry's name (`interior` in `Tunisia's interior ministry`). */
const MINISTRY_WORDS = new Set(['foreign', 'defence', 'defense', 'interior', 'finance', 'justice', 'economy', 'health', 'trade', 'education', 'agriculture', 'energy', 'culture', 'transport', 'emergencies', 'information']);

/**
 * `Tunisia's interior ministry`, `the Chinese defence ministry`: a ministry written in lower case
 * after its country's possessive or demonym is that country's ministry, named as the lexicon
 * names it (`Tunisian Interior Ministry`).
 */
export function lowerCaseMinistries(s: MentionScan): void {
  const covered = new Uint8Array(s.tokens.length);
  for (const d of s.drafts) covered.fill(1, d.first, d.last + 1);
  s.tokens.forEach((t, k) => {
    const word = s.tokens[k - 1];
    if (t.text !== 'ministry' || !word || !MINISTRY_WORDS.has(word.text) || covered[k] || covered[k - 1] || s.isSkipped(k)) return;
    const ministry = `${word.text.charAt(0).toUpperCase()}${word.text.slice(1)} Ministry`;
    const owner = isPossessive(s.tokens[k - 2]) ? s.findLexEndingAt(k - 3) : s.findLexEndingAt(k - 2);
    if (!owner || owner.entry.type !== 'Country' || owner.last < k - 3) return;
    // A demonym is part of the name; a possessive country is a mention of its own.
    const possessive = owner.last === k - 3;
    if (possessive ? owner.entry.kind !== 'country' && owner.entry.kind !== 'capital' : owner.entry.kind !== 'demonym') return;
    const first = possessive ? k - 1 : owner.first;
    const name = countryQualified(ministry, owner.entry.name, s.lex);
    s.push(newDraft(s.tokenStart(first), t.end, first, k, 'Organisation', 'name', name, 0.75));
  });
}
