/**
 * People named with or without a title (`Russian Foreign Minister Sergei Lavrov`, `Bob Dole`),
 * and bare titles standing for a person (`the secretary`, `the Russian president`).
 */
import type { Token } from '../../types.js';
import { phraseKey } from '../entity-lexicon.js';
import { isCap, isPossessive } from '../token-tests.js';
import { classifyRun } from './capitalised-runs.js';
import { newDraft, type Affiliation } from './draft.js';
import { emitLexicon } from './lexicon-mentions.js';
import { nameRunFrom } from './name-runs.js';
import { emitHeadOrg, orgHeadRunAt } from './org-heads.js';
import { isAllCapsWord, isInitial, type AffiliationAt, type MentionScan } from './scan.js';
import { affiliationBefore, titleRunAt } from './titles.js';

const APPOSITIVE_OPEN = /^[,(]$/;
const APPOSITIVE_CLOSE = /^[,.;]$/;
const SPACES = /\s+/g;
const TWO_LETTERS = /\p{L}{2,}/u;
const INDEFINITE = /^(a|an|one|another|some|any)$/;

type TitleRun = NonNullable<ReturnType<typeof titleRunAt>>;

/** `the Russian minister`, `the State Department spokesman`: the title after an affiliation at t0 (emitted unless a demonym). */
function titleAfterAffiliation(s: MentionScan, t0: number, last: number): { titleStart: number; viaAffiliation: AffiliationAt | undefined } {
  const lm = s.lexMatchAt(t0, last);
  if (lm && (lm.entry.kind === 'demonym' || lm.entry.kind === 'country' || lm.entry.kind === 'org') && s.lex.titles.has(s.tokens[lm.last + 1]?.text ?? '')) {
    if (lm.entry.kind !== 'demonym') emitLexicon(s, lm, last);
    return { titleStart: lm.last + 1, viaAffiliation: { name: lm.entry.name, type: lm.entry.type, first: t0 } };
  }
  return { titleStart: t0, viaAffiliation: undefined };
}

/** The person (or, without a title, organisation) named from nameStart; the index to go on from. */
function emitNamedPerson(s: MentionScan, tok: Token, nameStart: number, last: number, title: TitleRun | undefined, affiliation: Affiliation | undefined, appositive: boolean): number {
  let nameEnd = nameRunFrom(s, nameStart, last);
  // `Rep. Jim Jordan`: after a title, one given name and a country's name make one person.
  if (title && nameEnd === nameStart && countryEndsName(s, nameEnd, last)) nameEnd++;
  const nameTokens = s.tokens.slice(nameStart, nameEnd + 1);
  const span = s.tokenSpan(nameStart, nameEnd);
  const name = s.text.slice(span.start, span.end).replace(SPACES, ' ');
  const words = nameTokens.filter((t) => TWO_LETTERS.test(t.text) && t.text !== '-');
  // A single unknown capitalised word is a person only with a title; otherwise it is weak
  // and the resolver keeps it only if it matches a person named in full. Initials make a
  // full name (`S. Waugh`, `J.R. Smith`).
  const multi = words.length >= 2 || (words.length === 1 && nameTokens.some(isInitial));
  if (!multi && !title) {
    if (tok.pos !== 'PROPN' || isAllCapsWord(tok)) return nameEnd + 1;
  }
  if (multi && !title) {
    // Without a title, a capitalised run may be a place, an event or a club, not a person.
    const kind = classifyRun(s, nameStart, nameEnd);
    if (kind === 'none') return nameEnd + 1;
    if (kind === 'org') {
      s.push(newDraft(span.start, span.end, nameStart, nameEnd, 'Organisation', 'name', name, 0.7));
      s.affiliationAt.set(nameEnd, { name, type: 'Organisation', first: nameStart });
      return nameEnd + 1;
    }
  }
  const role = title && !title.honorificOnly ? title.role : undefined;
  const confidence = multi ? (title ? 0.95 : s.titleCase.has(tok.sentence) ? 0.45 : 0.8) : title ? 0.85 : 0.4;
  s.push(newDraft(span.start, span.end, nameStart, nameEnd, 'Person', multi ? 'name' : 'surname', name, confidence, role || undefined, affiliation));
  s.affiliationAt.set(nameEnd, { name, type: 'Person', first: nameStart });
  return nameEnd + 1 + (appositive && s.tokens[nameEnd + 1]?.text === ')' ? 1 : 0);
}

/** A bare title standing for a person: `the secretary`, `the Russian president`; the index to go on from. */
function emitBareTitle(s: MentionScan, i: number, tok: Token, title: TitleRun, titleStart: number, viaAffiliation: AffiliationAt | undefined, affiliation: Affiliation | undefined, the: boolean): number {
  const next = s.tokens[title.last + 1];
  const plural = next && next.pos === 'NOUN' && next.sentence === tok.sentence;
  const aff = viaAffiliation ?? affiliationBefore(s, titleStart);
  const indefinite = !the && aff && INDEFINITE.test(s.tokens[aff.first - 1]?.normal ?? '');
  if ((the || aff) && !plural && !indefinite) {
    // The span covers `the` and a demonym, but not an organisation or country named before the
    // title (that one is a mention of its own).
    const emittedBefore = viaAffiliation && s.drafts.some((d) => d.first === viaAffiliation?.first);
    const first = the && !emittedBefore ? i : titleStart;
    const end = titleEndBeforeTail(s, first, title.last);
    const span = s.tokenSpan(first, end);
    s.push(newDraft(span.start, span.end, first, end, 'Person', 'title', title.role, 0.6, title.role, affiliation));
  }
  return title.last + 1;
}

/**
 * Where a bare title's span ends: before the organisation or country of its `of`/`for` tail
 * (`the commander of NATO`), which is a mention of its own.
 */
function titleEndBeforeTail(s: MentionScan, first: number, last: number): number {
  const tail = s.drafts.find((d) => d.first > first && d.first <= last && d.name);
  if (!tail) return last;
  let end = tail.first - 1;
  if (s.tokens[end]?.normal === 'the') end--;
  // `ambassador to Britain`: the state of a posting stays inside the title (the ambassador is not Britain's).
  if (!TAIL_CONNECTORS.has(s.tokens[end]?.normal ?? '') || end <= first) return last;
  return end - 1;
}
const TAIL_CONNECTORS = new Set(['of', 'for']);

/** The person or title mention starting at token i, if any; returns the index to go on from. */
export function personAt(s: MentionScan, i: number, last: number): number | undefined {
  const tok = s.tokens[i];
  if (!tok) return undefined;
  const the = tok.normal === 'the' ? 1 : 0;
  const t0 = i + the;
  // Titles may be preceded by a demonym or an organisation (`the Russian minister`).
  const { titleStart, viaAffiliation } = the ? titleAfterAffiliation(s, t0, last) : { titleStart: t0, viaAffiliation: undefined };
  const title = s.lex.titles.has(s.tokens[titleStart]?.text ?? '') ? titleRunAt(s, titleStart, last) : undefined;
  // Lower-case title words start a mention only after `the` or an affiliation (`the secretary`,
  // `State Department spokesman Ned Price`).
  if (title && !isCap(s.tokens[titleStart] as Token) && !the && !affiliationBefore(s, titleStart)) {
    const nameAfter = s.tokens[title.last + 1];
    if (!s.isNameToken(nameAfter, title.last + 1)) return undefined;
  }
  const affiliation = viaAffiliation ?? (title ? (affiliationBefore(s, titleStart) ?? title.tailAffiliation) : undefined);
  let nameStart = title ? title.last + 1 : t0;
  // Appositive: `Russia's ambassador to the United Nations, Vasily Nebensia,`; parenthesis: `(Blingen)`.
  let appositive = false;
  if (title && APPOSITIVE_OPEN.test(s.tokens[nameStart]?.text ?? '') && s.isNameToken(s.tokens[nameStart + 1], nameStart + 1)) {
    const end = nameRunFrom(s, nameStart + 1, last);
    const closes = s.tokens[end + 1];
    if (s.tokens[nameStart]?.text === '(' ? closes?.text === ')' : !closes || APPOSITIVE_CLOSE.test(closes.text) || closes.pos === 'VERB' || closes.pos === 'AUX') {
      nameStart++;
      appositive = true;
    }
  }
  if (nameStart <= last && s.isNameToken(s.tokens[nameStart], nameStart) && !s.lexMatchAt(nameStart, last)) {
    // `the official Korean Central News Agency`: an organisation's name after the title, no person.
    const org = orgHeadRunAt(s, nameStart, last);
    if (org && org.first === nameStart && org.last > nameRunFrom(s, nameStart, last)) return emitHeadOrg(s, org.first, org.last);
    if (title && !title.honorificOnly && titleBeforeCommonWord(s, nameStart, last)) return nameStart + 1;
    return emitNamedPerson(s, tok, nameStart, last, title, affiliation, appositive);
  }
  if (title && !title.honorificOnly) return emitBareTitle(s, i, tok, title, titleStart, viaAffiliation, affiliation, the === 1);
  if (title) return title.last + 1;
  return undefined;
}

/**
 * `the General Election`, `the General Agreement on Tariffs and Trade`: a title word before one
 * capitalised common word (one the article also writes in lower case, or of the common-word
 * list) is part of a name of a thing, unless the
 * word is a given name or the surname of a known figure (`Chancellor Brown`).
 */
function titleBeforeCommonWord(s: MentionScan, k: number, last: number): boolean {
  if (nameRunFrom(s, k, last) !== k) return false;
  const t = s.tokens[k] as Token;
  if (!(s.writesLowerCase(t.normal) || s.lex.commonWords.has(t.normal)) || s.lex.givenNames.has(t.text) || s.lex.figuresBySurname.has(phraseKey(t.text))) return false;
  // A surname recurs without that title, alone or after another title (`Mr Brown`, `Brown said`),
  // inside a sentence; a word of another name (`Election Court`) is no sign.
  const title = s.tokens[k - 1]?.text;
  for (let j = 0; j < s.tokens.length; j++) {
    const u = s.tokens[j] as Token;
    if (j === k || u.text !== t.text || s.tokens[j - 1]?.text === title || s.ann.sentences[u.sentence]?.firstToken === j) continue;
    const prev = s.tokens[j - 1];
    const next = s.tokens[j + 1];
    const nameBefore = prev !== undefined && prev.sentence === u.sentence && isCap(prev) && !s.lex.titles.has(prev.text);
    const nameAfter = next !== undefined && next.sentence === u.sentence && isCap(next);
    if (!nameBefore && !nameAfter) return false;
  }
  return true;
}

/**
 * Whether the one-word country name glued after the given name at token k is the person's
 * surname (`Rep. Jim Jordan`).
 */
function countryEndsName(s: MentionScan, k: number, last: number): boolean {
  const tail = s.tokens[k + 1];
  if (!tail || tail.pos !== 'PROPN' || tail.start !== (s.tokens[k] as Token).end + 1) return false;
  const lm = s.lexMatchAt(k + 1, last);
  const after = s.tokens[k + 2];
  // Not a known figure's surname before a country (`Secretary Blinken Ukraine talks`).
  const known = s.lex.figuresBySurname.has(phraseKey((s.tokens[k] as Token).text));
  const nounAfter = after && after.sentence === tail.sentence && (after.pos === 'NOUN' || (isCap(after) && !isPossessive(after)));
  return !!lm && lm.first === lm.last && lm.entry.kind === 'country' && !known && !nounAfter;
}

