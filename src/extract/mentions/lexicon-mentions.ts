/**
 * Mentions of lexicon phrases: countries, organisations, demonyms and capitals. Capitals count as
 * the state only when they act (subject, possessive, object of an act); demonyms only give
 * affiliations, or the state when a state's group after them acts.
 */
import type { MentionKind } from '../../types.js';
import { PHOENIX_CATEGORY, phraseKey } from '../entity-lexicon.js';
import { isCap, isPossessive } from '../token-tests.js';
import { countryQualified } from './context-typing.js';
import { newDraft } from './draft.js';
import type { LexMatch, MentionScan } from './scan.js';

const LEADING_THE = /^the\s+/i;
const SPACE_OR_DOT = /[\s.]/;
/** `U.S.`: the period ends an abbreviation, not the sentence. */
const DOTTED_ABBREVIATION_END = /(?:^|[^\p{L}])(?:\p{L}\.){2,}$/u;
const NON_LETTERS = /[^\p{L}]/gu;
const DAY_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/;
/** Verbs after which a capital is a place, not an actor (`visit Moscow`). */
const PLACE_VERBS = new Set(['visit', 'arrive', 'travel', 'fly', 'go', 'return', 'come', 'reach', 'leave', 'move', 'head', 'live', 'stay', 'base', 'locate', 'hold', 'host', 'meet', 'land']);
/** Prepositions after which a capital is an actor (`a letter from Washington`, `against Moscow`). */
const ACTOR_PREPOSITIONS = new Set(['from', 'against', 'with', 'by', 'to', 'toward', 'towards', 'between', 'accuse', 'urge']);
/** Nouns before `on` that make the capital after it an actor (`pressure on Moscow`). */
const PRESSURE_NOUNS = new Set(['pressure', 'sanctions', 'sanction', 'demands', 'demand', 'call', 'calls', 'attack', 'attacks']);

/** `Ukrainian lawmakers endorsed ...`: a demonym before a state's group that acts is the state. */
function emitDemonym(s: MentionScan, m: LexMatch, first: number, span: { start: number; end: number }, last: number): void {
  const group = s.tokens[m.last + 1];
  let v = m.last + 2;
  // Adverbs and a day between the group and its verb (`lawmakers on Tuesday endorsed`).
  while (v <= last && (s.tokens[v]?.pos === 'ADV' || DAY_WORDS.test(s.tokens[v]?.normal ?? '') || (s.tokens[v]?.normal === 'on' && DAY_WORDS.test(s.tokens[v + 1]?.normal ?? '')))) v++;
  const verb = s.tokens[v];
  if (group && s.lex.stateGroups.has(group.normal) && m.last + 1 <= last && verb && v <= last && (verb.pos === 'VERB' || verb.pos === 'AUX')) {
    s.push(newDraft(span.start, span.end, first, m.last, 'Country', 'metonym', m.entry.name, 0.7));
  }
}

/** Portfolios of a ministry news writes in lower case after a demonym (`the Japanese defense ministry`). */
const PORTFOLIOS = new Set(['foreign', 'defense', 'defence', 'interior', 'finance', 'justice', 'economy', 'health', 'trade', 'education', 'energy', 'agriculture']);

/**
 * `the Japanese foreign ministry`: a demonym, a portfolio and `ministry` in lower case name the
 * state's ministry (`Japanese Foreign Ministry`); returns the index to go on from, if it is one.
 */
function lowerCaseMinistry(s: MentionScan, m: LexMatch, first: number, last: number): number | undefined {
  const portfolio = s.tokens[m.last + 1];
  const head = s.tokens[m.last + 2];
  if (m.last + 2 > last || !portfolio || !head || head.normal !== 'ministry' || head.text !== 'ministry' || !PORTFOLIOS.has(portfolio.text)) return undefined;
  const country = m.entry.name;
  const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const name = countryQualified(`${title(portfolio.text)} Ministry`, country, s.lex);
  const span = s.tokenSpan(first, m.last + 2);
  s.push(newDraft(span.start, span.end, first, m.last + 2, 'Organisation', 'name', name, 0.75, undefined, { name: country, type: 'Country' }));
  s.affiliationAt.set(m.last + 2, { name, type: 'Organisation', first });
  return m.last + 3;
}

/** A proper noun written right before token `first`, in its sentence, that is not a title or a known affiliation. */
function gluedToProperNoun(s: MentionScan, first: number): boolean {
  const prev = s.tokens[first - 1];
  return !!prev && prev.sentence === s.tokens[first]?.sentence && prev.pos === 'PROPN' && isCap(prev) && prev.end + 1 === s.tokens[first]?.start && !s.affiliationAt.has(first - 1) && !s.lex.titles.has(prev.text);
}

/** Words after which a party's adjective still names the party (`Labour and the Tories`). */
const AFTER_PARTY = new Set([',', '.', ';', ':', 'and', 'or']);

/**
 * A party's adjective with no noun after it (`Labour said`, `Labour's plans`, `voted Labour.`),
 * not after an article (`a Republican said` is a person).
 */
function partyStandsAlone(s: MentionScan, first: number, lastTok: number, sentenceLast: number): boolean {
  const prev = s.tokens[first - 1];
  if (prev && prev.sentence === s.tokens[first]?.sentence && ['a', 'an', 'one', 'the'].includes(prev.normal)) return false;
  const next = s.tokens[lastTok + 1];
  if (!next || lastTok + 1 > sentenceLast) return true;
  return isPossessive(next) || next.pos === 'VERB' || next.pos === 'AUX' || AFTER_PARTY.has(next.normal);
}

/** The mention of lexicon phrase m (or none, for a capital that does not act); returns the index to go on from. */
export function emitLexicon(s: MentionScan, m: LexMatch, last: number): number {
  const { entry } = m;
  let first = m.first;
  if (s.tokens[first]?.normal === 'the' && !LEADING_THE.test(entry.name)) first++;
  const span = s.tokenSpan(first, m.last);
  // `NATO.` at the end of a sentence: the period is not part of the name (but keep `U.S.`).
  // Nor is it after an abbreviated legal form the tokenizer keeps whole (`Acme Holdings Inc.`).
  const lastWord = s.tokens[m.last]?.text ?? '';
  const keepsDot = lastWord.endsWith('.') && s.isCompanySuffix(lastWord);
  while (!keepsDot && span.end > span.start && SPACE_OR_DOT.test(s.text[span.end - 1] ?? '') && !DOTTED_ABBREVIATION_END.test(s.text.slice(span.start, span.end))) span.end--;
  const surface = s.text.slice(span.start, span.end);
  s.affiliationAt.set(m.last, { name: entry.name, type: entry.type, first });
  if (entry.kind === 'demonym') {
    const ministry = lowerCaseMinistry(s, m, first, last);
    if (ministry !== undefined) return ministry;
    // (A party's adjective gives affiliations only: `Republican lawmakers` are not the party;
    // standing alone as an actor it is the party: `Labour said`, `Labour's plans`.)
    if (entry.type === 'Country') emitDemonym(s, m, first, span, last);
    else if (partyStandsAlone(s, first, m.last, last)) s.push(newDraft(span.start, span.end, first, m.last, 'Organisation', 'name', entry.name, 0.9));
    return m.last + 1;
  }
  // `New Jersey`, `New Mexico`: a country name glued to a preceding proper noun is another place.
  if (entry.type === 'Country' && gluedToProperNoun(s, m.first)) return m.last + 1;
  if (entry.kind === 'capital' && !capitalActs(s, m.first, m.last, last)) return m.last + 1;
  const letters = surface.replace(NON_LETTERS, '');
  const kind: MentionKind =
    entry.kind === 'capital' || entry.kind === 'plural'
      ? 'metonym'
      : letters.length <= 6 && letters === letters.toUpperCase() && phraseKey(surface) !== phraseKey(entry.name)
        ? 'acronym'
        : 'name';
  // A Phoenix name as the text spells it (`BMP Sunstone`, not the dictionary's `Bmp Sunstone`).
  const name = entry.category === PHOENIX_CATEGORY && phraseKey(surface) === phraseKey(entry.name) ? surface.replace(/\s+/g, ' ') : entry.name;
  s.push(newDraft(span.start, span.end, first, m.last, entry.type, kind, otherStatesBody(s, m, first) ?? name, entry.kind === 'capital' ? 0.75 : 0.95));
  return m.last + 1;
}

/**
 * `Afghanistan's National Security Council`: a body the lexicon binds to one state, named with
 * another state's possessive, is that state's body (`Iraqi National Security Council`).
 */
function otherStatesBody(s: MentionScan, m: LexMatch, first: number): string | undefined {
  if (m.entry.type !== 'Organisation' || !m.entry.country || !isPossessive(s.tokens[first - 1])) return undefined;
  const owner = s.findLexEndingAt(first - 2);
  if (owner?.entry.type !== 'Country' || owner.entry.name === m.entry.country) return undefined;
  const surface = s.text.slice(s.tokens[first]?.start ?? 0, s.tokens[m.last]?.end ?? 0);
  return countryQualified(surface, owner.entry.name, s.lex);
}

/** A capital stands for its state when it acts: subject of a verb, possessive, object of an act. */
export function capitalActs(s: MentionScan, first: number, lastTok: number, sentenceLast: number): boolean {
  let n = lastTok + 1;
  while (n <= sentenceLast && s.tokens[n]?.pos === 'ADV') n++;
  const next = s.tokens[n];
  if (next && n <= sentenceLast) {
    if (isPossessive(next)) return true;
    if (next.pos === 'VERB' || next.pos === 'AUX') return true;
  }
  const prev = s.tokens[first - 1];
  if (!prev || prev.sentence !== s.tokens[first]?.sentence) return false;
  if (prev.pos === 'VERB' && !PLACE_VERBS.has(prev.lemma)) return true;
  if (ACTOR_PREPOSITIONS.has(prev.normal)) {
    for (let k = first - 2; k >= Math.max(0, first - 4); k--) if (PLACE_VERBS.has(s.tokens[k]?.lemma ?? '')) return false;
    return true;
  }
  if (prev.normal === 'on' && PRESSURE_NOUNS.has(s.tokens[first - 2]?.normal ?? '')) return true;
  return false;
}

