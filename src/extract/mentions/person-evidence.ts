/**
 * Whether the article treats a capitalised run as a person. Capitalisation and the tagger's
 * guess cannot tell `Jane Doe` from the titles of works, events, products, bands and firms
 * (`Happy Days`, `Pro Soccer Cup`, `Frontier Silicon`); the way the article goes on can:
 * a person is named with a known given name, referred to by a title or honorific (`Mr Doe`),
 * by the surname alone, by `he`/`she` right after, is described in an apposition
 * (`Jane Doe, a lawyer,`; `Jane Doe, 45,`) or speaks (`said Jane Doe`). A work or an event is
 * none of these. (A result list's `Jane Doe (Kenya)` names a person too.)
 */
import type { Token } from '../../types.js';
import { isCap } from '../token-tests.js';
import type { MentionScan } from './scan.js';

/** Tokens first..last of a run. */
interface Run {
  readonly first: number;
  readonly last: number;
}

/** Personal pronouns that point back at one person. */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'his', 'her', 'hers', 'himself', 'herself']);
/** How many tokens into the next sentence a pronoun still points back at the run. */
const NEXT_SENTENCE_REACH = 4;
/** How many tokens after the comma an apposition's title word may stand (`, a senior economist at`). */
const APPOSITION_REACH = 6;
const NUMBER = /^\d{1,3}$/;
/** An initial (`J.`) before the surname. */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * The evidence that the run over d's tokens names a person (see the module comment). A run of
 * common words (`Grain Storage`, `Law Lords`) needs more: a given name that is no common word
 * (the lists hold `Law`, `Happy`), and speaking is no sign (firms and bodies speak too).
 */
export function hasPersonEvidence(s: MentionScan, d: Run, commonWords = false): boolean {
  const first = s.tokens[d.first] as Token;
  const given = s.lex.givenNames.has(first.text) || s.lex.knownPeople.givenNames.has(first.normal);
  if ((given && !(commonWords && s.lex.commonWords.has(first.normal))) || INITIAL.test(first.text)) return true;
  const surname = (s.tokens[d.last] as Token).text;
  return surnameElsewhere(s, d, surname) || pronounAfter(s, d) || (!commonWords && speaks(s, d)) || apposition(s, d) || s.tokens[d.last + 1]?.text === '(';
}

/**
 * `the Red Lanterns were`, `beat the Silver Foxes`: a name after `the` is no person's, whatever
 * else the article says, unless it qualifies a noun (`the Jane Doe case`).
 */
export function afterArticle(s: MentionScan, d: Run): boolean {
  const prev = s.tokens[d.first - 1];
  if (prev?.text !== 'the' || prev.sentence !== (s.tokens[d.first] as Token).sentence) return false;
  const next = s.tokens[d.last + 1];
  return !next || next.sentence !== prev.sentence || isCap(next) || (next.pos !== 'NOUN' && next.pos !== 'PROPN');
}

/** The surname after a title or honorific, or on its own (no capitalised word beside it), outside the run. */
function surnameElsewhere(s: MentionScan, d: Run, surname: string): boolean {
  const { tokens } = s;
  for (let k = 0; k < tokens.length; k++) {
    if (k >= d.first && k <= d.last) continue;
    if ((tokens[k] as Token).text !== surname) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (prev && s.lex.titles.has(prev.text.replace(/\.$/, ''))) return true;
    const sentence = (tokens[k] as Token).sentence;
    // (A capitalised sentence opener that is no proper noun, `Later Doe left`, does not join it.)
    const opener = prev !== undefined && tokens[k - 2]?.sentence !== sentence && prev.pos !== 'PROPN';
    const alone = (!prev || !isCap(prev) || prev.sentence !== sentence || opener) && (!next || !isCap(next) || next.sentence !== sentence);
    // A word that also starts the run (`Acme` of `Acme Pictures`) is a firm's short name.
    if (alone && prev?.normal !== 'the' && (tokens[d.first] as Token).text !== surname) return true;
  }
  return false;
}

/** `he`/`she` later in the run's sentence, or early in the next. */
function pronounAfter(s: MentionScan, d: Run): boolean {
  const { tokens } = s;
  const sentence = (tokens[d.last] as Token).sentence;
  let nextStart = -1;
  for (let k = d.last + 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) {
      if (nextStart === -1) nextStart = k;
      if (t.sentence !== sentence + 1 || k - nextStart >= NEXT_SENTENCE_REACH) return false;
    }
    if (PERSONAL_PRONOUNS.has(t.normal)) return true;
  }
  return false;
}

/** A speech verb right before or after the run (`said Jane Doe`, `Jane Doe told`). */
function speaks(s: MentionScan, d: Run): boolean {
  const before = s.tokens[d.first - 1]?.text === ',' ? s.tokens[d.first - 2] : s.tokens[d.first - 1];
  const after = s.tokens[d.last + 1]?.text === ',' ? s.tokens[d.last + 2] : s.tokens[d.last + 1];
  return [before, after].some((t) => t !== undefined && t.pos === 'VERB' && s.lex.speechVerbs.has(t.lemma));
}

/** An apposition after the run with a title word or an age (`, a lawyer,`; `, 45,`). */
function apposition(s: MentionScan, d: Run): boolean {
  const { tokens } = s;
  if (tokens[d.last + 1]?.text !== ',') return false;
  const age = tokens[d.last + 2];
  if (age && NUMBER.test(age.text) && tokens[d.last + 3]?.text === ',') return true;
  for (let k = d.last + 2; k <= d.last + 1 + APPOSITION_REACH; k++) {
    const t = tokens[k];
    if (!t || t.text === ',' || t.text === '.' || t.sentence !== (tokens[d.last] as Token).sentence) return false;
    if (!isCap(t) && s.lex.titles.has(t.text)) return true;
  }
  return false;
}
