/**
 * The learned tagger combined with the rules. The rules keep what they know from the lexicon, the
 * titles and the context (countries, metonyms, organisations of the gazetteer, titled people);
 * the tagger decides the capitalised runs the rules could only guess at:
 * - a run the rules took for a person (no title, no lexicon entry) stays a person where the tagger
 *   finds a person in it, trimmed to the tagger's name when a title or occupation stands before
 *   it (`Tory MP Michael Mates` -> `Michael Mates`); a run that is a known person's name stays a
 *   person, and so does a run from a known given name on (`Labour MP Jane Doe` -> `Jane Doe`); a
 *   lone word the tagger calls an organisation is left to the context steps; other runs are
 *   dropped (a place, an event, a treaty, a headline's words: `Marshall Plan`, `Officials`);
 * - a person span, or an organisation span of two words or more, of the tagger that no rule covers
 *   becomes a mention, unless the rules know it for a place, an event or a landmark.
 */
import type { Token } from '../../types.js';
import { phraseKey } from '../entity-lexicon.js';
import { isCap } from '../token-tests.js';
import { classifyRun } from './capitalised-runs.js';
import { newDraft, type Draft } from './draft.js';
import { afterArticle, hasPersonEvidence } from './person-evidence.js';
import type { MentionScan } from './scan.js';
import { spansOf, tagSentence, type TaggedSpan, type TaggerModel, wordMemory } from './tagger.js';

const SPACES = /\s+/g;
const OPENING_QUOTE = /^["“‘']$/;
const WORD = /^\p{Lu}\p{Ll}+$/u;
/** A rule's guess from capitalisation alone: a person run with no title (below a titled name's 0.85). */
const RUN_GUESS = 0.85;
/** Tagger-found names: a full name as strong as an untitled rule run; a lone word stays weak. */
const TAGGED_FULL_NAME = 0.8;
const TAGGED_LONE_NAME = 0.45;
const TAGGED_ORGANISATION = 0.7;
/**
 * A margin of the tagger's person label that needs no more evidence from the article: the names
 * of works, teams and firms it reads as people mostly fall below it, people in lists of results
 * and scores mostly above.
 */
const SURE_PERSON = 15;
/** A person run with no sign in the article of being one: below the resolver's weak guesses. */
const DOUBTFUL_PERSON = 0.45;
/**
 * A margin of the tagger's organisation label over the next best that overrules the given-name
 * lists: well above the margins of the persons it misreads as organisations (a few points).
 */
const SURE_ORGANISATION = 10;

const isRunGuess = (d: Draft): boolean => d.type === 'Person' && (d.kind === 'name' || d.kind === 'surname') && !d.role && d.confidence < RUN_GUESS;

export function applyTagger(s: MentionScan, model: TaggerModel): void {
  const spans: TaggedSpan[] = [];
  const memory = wordMemory(s.tokens);
  for (const sentence of s.ann.sentences) {
    const first = sentence.firstToken;
    const last = sentence.lastToken;
    if (last < first) continue;
    const margins: number[] = [];
    const labels = tagSentence(s, model, first, last, memory, margins);
    for (const span of spansOf(labels, first, margins)) if (!anySkipped(s, span.first, span.last)) spans.push(span);
  }
  const owner = new Int32Array(s.tokens.length).fill(-1);
  s.drafts.forEach((d, k) => {
    for (let t = d.first; t <= d.last; t++) if (owner[t] === -1) owner[t] = k;
  });
  const personWords = new Set<string>();
  for (const d of s.drafts) if (d.type === 'Person' && !isRunGuess(d)) for (const w of d.name.split(' ')) personWords.add(w);
  for (const span of spans) if (span.type === 'PER') for (let t = span.first; t <= span.last; t++) personWords.add((s.tokens[t] as Token).text);
  const doubtful: Doubtful[] = [];
  for (const d of s.drafts) if (isRunGuess(d)) judgeRun(s, d, spans, personWords, doubtful);
  for (const span of spans) if (span.type === 'ORG') widenCountryToOrganisation(s, span, owner);
  for (const span of spans) if (span.type === 'PER' || span.type === 'ORG') addUncovered(s, span, owner, doubtful);
  settleDoubtful(s, doubtful);
}

/** A person run the article gave no sign of being one, and the tagger's spans over it. */
interface Doubtful {
  readonly draft: Draft;
  readonly over: readonly TaggedSpan[];
}

/**
 * A doubtful run listed with a person the article does show as one (`Jane Doe, Ann Roe and
 * John Poe`) is a person too; the others are no people (see notAPerson).
 */
function settleDoubtful(s: MentionScan, doubtful: readonly Doubtful[]): void {
  if (doubtful.length === 0) return;
  const unsure = new Set(doubtful.map((x) => x.draft));
  const personAt = new Map<number, Draft>();
  for (const d of s.drafts) {
    if (d.type !== 'Person' || !d.name || unsure.has(d) || d.kind === 'pronoun' || d.kind === 'title') continue;
    personAt.set(d.first, d);
    personAt.set(d.last, d);
  }
  const isLink = (k: number): boolean => [',', 'and', 'or', '&'].includes(s.tokens[k]?.text ?? '');
  for (const { draft: d, over } of doubtful) {
    const listed = (isLink(d.first - 1) && personAt.get(d.first - 2)?.last === d.first - 2) || (isLink(d.last + 1) && personAt.get(d.last + 2)?.first === d.last + 2);
    if (!listed) notAPerson(s, d, over);
  }
}

/**
 * `Air France`, `Japan Airlines`, `China Daily`: a country's name inside a name the tagger reads
 * as one organisation, with capitalised words the rules took for nothing around it, is part of
 * the organisation's name, not a mention of the state.
 */
function widenCountryToOrganisation(s: MentionScan, span: TaggedSpan, owner: Int32Array): void {
  if (span.last === span.first) return;
  let country: Draft | undefined;
  let index = -1;
  for (let t = span.first; t <= span.last; t++) {
    const k = owner[t] as number;
    const tok = s.tokens[t] as Token;
    // (A run the tagger judged no name above has lost its name.)
    if (k === -1 || !s.drafts[k]?.name) {
      // The other words: capitalised words of a name, no title (`President`) or honorific.
      if (!isCap(tok) || s.lex.titles.has(tok.text)) return;
      continue;
    }
    const d = s.drafts[k] as Draft;
    if (d.type !== 'Country' || d.kind !== 'name' || (country && country !== d) || d.first < span.first || d.last > span.last) return;
    country = d;
    index = k;
  }
  if (!country || (country.first === span.first && country.last === span.last)) return;
  if (!isCap(s.tokens[span.last] as Token)) return;
  const { start, end } = s.tokenSpan(span.first, span.last);
  Object.assign(country, { start, end, first: span.first, last: span.last, type: 'Organisation', kind: 'name', name: s.text.slice(start, end).replace(SPACES, ' '), confidence: TAGGED_ORGANISATION });
  owner.fill(index, span.first, span.last + 1);
}

function anySkipped(s: MentionScan, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (s.isSkipped(k)) return true;
  return false;
}

/** A rule's untitled person run, against the tagger's spans that overlap it. */
function judgeRun(s: MentionScan, d: Draft, spans: readonly TaggedSpan[], personWords: ReadonlySet<string>, doubtful: Doubtful[]): void {
  if (occupationOpener(s, d)) rename(s, d, d.first + 1, d.last);
  const party = partyInside(s, d);
  if (party !== undefined) rename(s, d, party + 1, d.last);
  const over = spans.filter((t) => t.first <= d.last && t.last >= d.first);
  // (`the Commons Jane Doe`: a person the tagger or a given name finds inside the run is the
  // name, after the title.)
  const inner = over.some((t) => t.type === 'PER' && t.first > d.first) || (knownGivenName(s, d) ?? d.first) > d.first;
  if (d.first < d.last && ((!inner && afterArticle(s, d)) || pluralGroup(s, d)) && !s.lex.knownPeople.fullNames.has(phraseKey(d.name))) {
    notAPerson(s, d, over);
    return;
  }
  const person = over.find((t) => t.type === 'PER');
  if (person) {
    if (person.last === d.last && person.first > d.first && person.last > person.first && !hasLink(s, d.first, person.first - 1)) rename(s, d, person.first, d.last);
    else trimRun(s, d);
    const common = commonWords(s, d);
    if (d.first < d.last && !s.lex.knownPeople.fullNames.has(phraseKey(d.name)) && (person.margin < SURE_PERSON || common) && !hasPersonEvidence(s, d, common)) doubtful.push({ draft: d, over });
    return;
  }
  // A name of the people gazetteer stays a person, and so does a run from one of its given names
  // on (`Labour MP Jane Doe` -> `Jane Doe`), unless the tagger is sure the whole run is one
  // organisation and the word is no common given name (`Air Force`: the gazetteer's given names
  // hold common words too).
  if (d.first < d.last && s.lex.knownPeople.fullNames.has(phraseKey(d.name))) return;
  const organisation = over.find((t) => t.type === 'ORG' && t.first === d.first && t.last === d.last);
  if (d.first < d.last && organisation && organisation.margin >= SURE_ORGANISATION && !s.lex.givenNameGenders.has((s.tokens[d.first] as Token).text) && classifyRun(s, d.first, d.last) !== 'none') {
    toOrganisation(d);
    return;
  }
  const given = knownGivenName(s, d);
  if (given !== undefined) {
    if (given > d.first) rename(s, d, given, d.last);
    return;
  }
  // A lone word the tagger calls an organisation is left to the context steps (a company named
  // with its legal form elsewhere, a team in a sports report); as a weak guess the resolver keeps
  // it only if it joins a person.
  if (d.first === d.last && over.some((t) => t.type === 'ORG' && t.first === d.first && t.last === d.last) && !personWords.has(d.name)) return;
  // A run from a common given name on is a person the tagger misread (`Duncan Ferguson`).
  if (d.first < d.last && s.lex.givenNameGenders.has((s.tokens[d.first] as Token).text)) return;
  // A name of two words or more that the tagger reads as one organisation is one (`Air France`,
  // `Hindustan Copper`), unless the rules know it for a place, an event or a landmark.
  if (d.first < d.last && organisation && classifyRun(s, d.first, d.last) !== 'none') {
    toOrganisation(d);
    return;
  }
  // A place, an event, a treaty (`Marshall Plan`), an organisation, or a headline's words (`Officials`).
  d.name = '';
}

/**
 * `Farmer Jane Doe said`, `Backbencher John Roe`, a headline's `End Doe's denial`: a sentence's
 * capital turns the word before a name into a capitalised word the run takes in. A first word
 * that is no given name is no part of the name before a known given name and a surname, and a
 * common word is none before a name the article also writes after a title (`President Doe`).
 */
function occupationOpener(s: MentionScan, d: Draft): boolean {
  if (d.last === d.first) return false;
  const first = s.tokens[d.first] as Token;
  const second = s.tokens[d.first + 1] as Token;
  const sentence = s.ann.sentences[first.sentence];
  const opens = sentence?.firstToken === d.first || (sentence?.firstToken === d.first - 1 && OPENING_QUOTE.test(s.tokens[d.first - 1]?.text ?? ''));
  if (!opens) return false;
  // (Words only: `Cheuk Hau-yip` is a name written surname first.)
  for (let k = d.first; k <= d.last; k++) if (!WORD.test((s.tokens[k] as Token).text)) return false;
  const given = (t: Token): boolean => s.lex.givenNames.has(t.text) || s.lex.knownPeople.givenNames.has(t.normal);
  if (given(first) || s.lex.knownPeople.fullNames.has(phraseKey(d.name))) return false;
  if (d.last - d.first >= 2 && s.lex.givenNameGenders.has(second.text)) return true;
  return s.lex.commonWords.has(first.normal) && restElsewhere(s, d);
}

/** Whether the run's words after its first stand elsewhere in the article after a title or honorific (`Mr Doe`). */
function restElsewhere(s: MentionScan, d: Draft): boolean {
  const { tokens } = s;
  const size = d.last - d.first;
  for (let k = 1; k + size - 1 < tokens.length; k++) {
    if (k === d.first + 1 || !s.lex.titles.has((tokens[k - 1] as Token).text.replace(/\.$/, ''))) continue;
    let same = true;
    for (let j = 0; j < size && same; j++) same = tokens[k + j]?.text === tokens[d.first + 1 + j]?.text;
    if (same) return true;
  }
  return false;
}

/**
 * `Illinois Democrat Dan Rostenkowski`, `Lib Dem Norman Baker`: a party's adjective inside a run
 * describes the person named after it. The last token of the last such adjective before the
 * run's last two words, if any.
 */
function partyInside(s: MentionScan, d: Draft): number | undefined {
  let end: number | undefined;
  for (let k = d.first; k < d.last - 1; k++) {
    const m = s.lexMatchAt(k, d.last - 2);
    if (m && m.entry.kind === 'demonym' && m.entry.type === 'Organisation') end = m.last;
  }
  return end;
}

/**
 * `Welsh MPs`, `Bond Dealers`, `Asian Britons`: a run ending in the plural of a title, of a common
 * noun or of a people's name names a group, not a person; a run from a given name on keeps its
 * surname (`Tony Banks`). So does one ending in a party's adjective (`Kansas Republican`).
 */
function pluralGroup(s: MentionScan, d: { readonly first: number; readonly last: number }): boolean {
  const last = s.tokens[d.last] as Token;
  const first = s.tokens[d.first] as Token;
  // `Kansas Republican`, `Illinois Democrat`: a member of a party described by place is no name.
  if (s.lex.phrases.get(s.tokenKey(d.last))?.some((e) => e.kind === 'demonym' && e.type === 'Organisation')) return true;
  if (!last.text.endsWith('s') || s.lex.givenNameGenders.has(first.text) || s.lex.knownPeople.givenNames.has(first.normal)) return false;
  const lex = s.lex;
  return [last.text.slice(0, -1), last.text.slice(0, -2)].some((one) => {
    if (one.length < 2) return false;
    if (lex.titles.has(one)) return true;
    if (lex.commonWords.has(last.normal) && lex.commonWords.has(one.toLowerCase())) return true;
    return lex.phrases.get(phraseKey(one))?.some((e) => e.kind === 'demonym' && e.type === 'Country') ?? false;
  });
}

/**
 * `Band Aid`, `Law Lords`, `Bond Dealers`: a run whose every word is a common word (one the article
 * also writes in lower case, or of the common-word list) is a phrase of common words (a show, a band, a group), however sure the tagger is; it is a
 * person only where the article shows one (see hasPersonEvidence).
 */
function commonWords(s: MentionScan, d: { readonly first: number; readonly last: number }): boolean {
  for (let k = d.first; k <= d.last; k++) {
    const t = s.tokens[k] as Token;
    if (!(s.writesLowerCase(t.normal) || s.lex.commonWords.has(t.normal))) return false;
  }
  return true;
}

/** An all-capital post-nominal after a name (`QC`, `MP`, `OBE`); a regnal number is part of it. */
const POST_NOMINAL = /^\p{Lu}{2,3}$/u;
const ROMAN_NUMERAL = /^[IVXLC]+$/;

/** A person run the tagger reads whole may still end in a post-nominal (`Ben Emmerson QC`). */
function trimRun(s: MentionScan, d: Draft): void {
  const lastTok = s.tokens[d.last] as Token;
  if (d.last - d.first >= 2 && POST_NOMINAL.test(lastTok.text) && !ROMAN_NUMERAL.test(lastTok.text)) {
    const end = s.tokens[d.last - 1] as Token;
    d.last--;
    d.end = end.end;
    d.name = s.text.slice(d.start, d.end).replace(SPACES, ' ');
  }
}

/** The first token of the run, before its last, that is a known given name (none after a link). */
function knownGivenName(s: MentionScan, d: Draft): number | undefined {
  const { givenNames } = s.lex.knownPeople;
  for (let k = d.first; k < d.last; k++) {
    const t = s.tokens[k] as Token;
    if (!isCap(t)) return undefined;
    if (givenNames.has(t.normal)) return k;
  }
  return undefined;
}

/** Whether tokens first..last hold a lower-case link of a name (`de`, `van`, `of`). */
function hasLink(s: MentionScan, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (!isCap(s.tokens[k] as Token)) return true;
  return false;
}

/**
 * A run the article gives no sign of being a person (a work, an event, a product, a firm): an
 * organisation where the tagger reads the whole run as one, else a guess too weak to stand for a
 * person by itself (the context steps may still find it a company; the resolver keeps it only
 * where it names a person found otherwise).
 */
function notAPerson(s: MentionScan, d: Draft, over: readonly TaggedSpan[]): void {
  if (over.some((t) => t.type === 'ORG' && t.first === d.first && t.last === d.last) && classifyRun(s, d.first, d.last) !== 'none') {
    toOrganisation(d);
    return;
  }
  d.confidence = DOUBTFUL_PERSON;
}

function toOrganisation(d: Draft): void {
  d.type = 'Organisation';
  d.kind = 'name';
  d.confidence = TAGGED_ORGANISATION;
}

function rename(s: MentionScan, d: Draft, first: number, last: number): void {
  const span = s.tokenSpan(first, last);
  d.first = first;
  d.start = span.start;
  d.name = s.text.slice(span.start, span.end).replace(SPACES, ' ');
  if (first === last) d.kind = 'surname';
}

function addUncovered(s: MentionScan, span: TaggedSpan, owner: Int32Array, doubtful: Doubtful[]): void {
  for (let t = span.first; t <= span.last; t++) if (owner[t] !== -1) return;
  // What the rules know of the run: a place, an event or a landmark is no name of ours.
  const kind = classifyRun(s, span.first, span.last);
  if (kind === 'none') return;
  const { start, end } = s.tokenSpan(span.first, span.last);
  const name = s.text.slice(start, end).replace(SPACES, ' ');
  const words = span.last - span.first + 1;
  if (span.type === 'PER' && kind === 'person') {
    const draft = newDraft(start, end, span.first, span.last, 'Person', words >= 2 ? 'name' : 'surname', name, words >= 2 ? TAGGED_FULL_NAME : TAGGED_LONE_NAME);
    s.push(draft);
    s.affiliationAt.set(span.last, { name, type: 'Person', first: span.first });
    if (words < 2 || s.lex.knownPeople.fullNames.has(phraseKey(name))) return;
    if (afterArticle(s, span) || pluralGroup(s, span)) notAPerson(s, draft, [span]);
    else {
      const common = commonWords(s, span);
      if ((span.margin < SURE_PERSON || common) && !hasPersonEvidence(s, span, common)) doubtful.push({ draft, over: [span] });
    }
    return;
  }
  if (span.type === 'PER') return;
  // A name does not end in a lower-case word (`Context of`).
  if (!isCap(s.tokens[span.last] as Token)) return;
  // A lone word the tagger calls an organisation is too often a surname, a place or a treaty's
  // acronym in news; the rules' acronym step has the lists for those.
  if (words === 1) return;
  s.push(newDraft(start, end, span.first, span.last, 'Organisation', 'name', name, TAGGED_ORGANISATION));
}
