/**
 * The subject finder: where the subject of a verb ends, read from the tokens
 * alone (which entity fills the slot is the reader's business). Two readings
 * of one slot:
 * - `clauseSubjectSlot`, for acts: the phrase right before the verb's
 *   auxiliary chain, or the antecedent of a relative pronoun, or one short
 *   appositive after a comma (`X's deputy, Kurt Campbell, met`), or a clause
 *   that shares an earlier verb's subject (`... and urged`, `..., adding`).
 * - `speakerSlotEnds`, for reporting frames, which name sources behind longer
 *   asides: party tags (`Haas (R) said`) and up to five comma-delimited
 *   appositives, relative clauses included (`Ana Ruiz, president of the
 *   union, which represents nurses, said`), over the adverbs of a frame
 *   (`Reyes also told`).
 */
import type { AnnotatedText, Token } from '../types.js';
import { CLAUSE_BREAK, RELATIVE, isQuoteMark } from './words.js';

/** The shape of the subject slot of a verb (see `clauseSubjectSlot`). */
export type SubjectSlot =
  /** The verb group opens the sentence. */
  | { readonly kind: 'none' }
  /** The subject phrase ends at `end` (right before the verb group, or before a relative pronoun). */
  | { readonly kind: 'phrase'; readonly end: number }
  /** `..., and urged`, `but`, `then` at `at`: the subject of an earlier verb. */
  | { readonly kind: 'shared'; readonly at: number }
  /** `X, <appositive>, verb` (or between dashes, `dashed`): the appositive runs from `innerStart` to `innerEnd`, the phrase before it ends at `outerEnd`. */
  | { readonly kind: 'appositive'; readonly innerStart: number; readonly innerEnd: number; readonly outerEnd: number; readonly dashed?: boolean }
  /** A comma right before the verb group (at `at`) with no appositive before it (`..., adding`). */
  | { readonly kind: 'comma'; readonly at: number };

const isCoordinator = (n: string): boolean => n === 'and' || n === 'or' || n === '&';

/**
 * The subject slot of the verb at v whose auxiliary chain starts at `chainStart` (the parse
 * layer's verb group), in the sentence starting at `first`.
 */
export function clauseSubjectSlot(ann: AnnotatedText, chainStart: number, first: number): SubjectSlot {
  const tokens = ann.tokens;
  let i = emphaticStart(tokens, floatingQuantifierStart(tokens, adverbCoordinationStart(tokens, chainStart - 1, first), first), first);
  if (i < first) return { kind: 'none' };
  const t = tokens[i];
  if (!t) return { kind: 'none' };
  if (RELATIVE.has(t.normal) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
    i--;
    if (tokens[i]?.normal === ',') i--;
    return { kind: 'phrase', end: i };
  }
  if (isCoordinator(t.normal) || t.normal === 'but' || t.normal === 'then') return { kind: 'shared', at: i };
  if (t.text === ',') {
    const prevComma = appositiveStart(tokens, i - 1, first);
    return prevComma === undefined ? { kind: 'comma', at: i } : { kind: 'appositive', innerStart: prevComma + 1, innerEnd: i - 1, outerEnd: prevComma - 1 };
  }
  if (DASHES.has(t.normal)) {
    const aside = dashedAsideStart(tokens, i - 1, first);
    // A relative or participial aside names no actor of its own: the phrase before it acts.
    if (aside) return aside.clause ? { kind: 'phrase', end: aside.open - 1 } : { kind: 'appositive', innerStart: aside.open + 1, innerEnd: i - 1, outerEnd: aside.open - 1, dashed: true };
  }
  return { kind: 'phrase', end: i };
}

/** Dashes that set off an aside (`X -- the country's top diplomat -- said`); wink reads `--` as `–`. */
const DASHES: ReadonlySet<string> = new Set(['–', '—', '-', '--']);
/** Words that open a relative or participial aside between dashes (`X – who took office in May – urged`). */
const DASHED_ASIDE_OPENERS: ReadonlySet<string> = new Set(['who', 'which', 'whose', 'whom']);

/** Marks that end a clause whatever the aside (words such as `since` may stand inside a relative clause). */
const HARD_BREAKS: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?']);

/**
 * The dash opening an aside that ends at token `from`, after a noun, and whether the aside is a clause: at most 20 tokens, no
 * sentence mark or quotation mark; a stretch holding a verb or a clause-opening word only when
 * a relative pronoun or a participle opens it (otherwise the dashes set off a clause, not an aside).
 */
function dashedAsideStart(tokens: readonly Token[], from: number, first: number): { open: number; clause: boolean } | undefined {
  let clause = false;
  for (let k = from; k >= first && from - k < 20; k--) {
    const t = tokens[k];
    if (!t) return undefined;
    if (DASHES.has(t.normal)) {
      const opener = tokens[k + 1];
      const before = tokens[k - 1];
      if (k === from || k - 1 < first || !opener || !before || (before.pos !== 'PROPN' && before.pos !== 'NOUN')) return undefined;
      const aside = DASHED_ASIDE_OPENERS.has(opener.normal) || (opener.pos === 'VERB' && /(ing|ed|en)$/.test(opener.normal));
      return clause && !aside ? undefined : { open: k, clause };
    }
    if (HARD_BREAKS.has(t.normal) || isQuoteMark(t.text)) return undefined;
    if (t.pos === 'VERB' || t.pos === 'AUX' || CLAUSE_BREAK.has(t.normal)) clause = true;
  }
  return undefined;
}

/** Quantifiers that float after a plural subject (`X and Y both urged`). */
const FLOATING = new Set(['both', 'all', 'each']);

/** The subject's last token when the token at i floats after it (`Germany and France both`), else i. */
function floatingQuantifierStart(tokens: readonly Token[], i: number, first: number): number {
  const p = tokens[i - 1];
  return FLOATING.has(tokens[i]?.normal ?? '') && i - 1 >= first && p && (p.pos === 'PROPN' || p.pos === 'NOUN') ? i - 1 : i;
}

/** Before a coordination of adverbs in the verb group (`has repeatedly and publicly rejected`): the token before them, else i. */
function adverbCoordinationStart(tokens: readonly Token[], i: number, first: number): number {
  if (!isCoordinator(tokens[i]?.normal ?? '') || tokens[i + 1]?.pos !== 'ADV' || tokens[i - 1]?.pos !== 'ADV') return i;
  let k = i - 1;
  while (k >= first && (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'AUX' || tokens[k]?.normal === ',')) k--;
  return k;
}

/** Reflexive pronouns that stress a subject (`Smith himself said`). */
const EMPHATIC = new Set(['himself', 'herself', 'themselves', 'itself']);

/** The subject's last token when the token at i is an emphatic pronoun right after a noun (`Smith himself`), else i. */
function emphaticStart(tokens: readonly Token[], i: number, first: number): number {
  const p = tokens[i - 1];
  return EMPHATIC.has(tokens[i]?.normal ?? '') && i - 1 >= first && p && (p.pos === 'PROPN' || p.pos === 'NOUN') ? i - 1 : i;
}

/** The comma or `(` opening a short appositive that ends at token `from`: at most 12 tokens, no verb or clause break in it. */
function appositiveStart(tokens: readonly Token[], from: number, first: number): number | undefined {
  for (let k = from; k >= first && from - k < 12; k--) {
    const n = tokens[k]?.normal ?? '';
    if (n === ',' || n === '(') return k;
    const t = tokens[k];
    if (t && (t.pos === 'VERB' || CLAUSE_BREAK.has(t.normal))) return undefined;
  }
  return undefined;
}

/** Words of a reporting frame between its subject and its verb (`Reyes also told`, `Smith has flatly said`). */
const FRAME_ADVERBS = new Set(['also', 'later', 'then', 'again', 'once', 'recently', 'previously', 'often', 'has', 'had', 'have', 'would', 'will', 'further', 'simply', 'flatly', 'bluntly', 'repeatedly', 'quickly', 'finally', 'first', 'immediately', 'publicly', 'privately', 'frequently', 'told', 'even', 'still', 'just', 'since']);

/**
 * Where the subject of the reporting verb at v may end: right before it (over adverbs
 * and auxiliaries: `Reyes also told`), before a party tag (`Haas (R) said`),
 * or before comma-delimited appositives, relative clauses included
 * (`Ana Ruiz, president of the union, which represents nurses, said`).
 * Nearest first.
 */
export function speakerSlotEnds(ann: AnnotatedText, v: number): number[] {
  const tokens = ann.tokens;
  const ends: number[] = [];
  let j = v - 1;
  for (let n = 0; n < 3 && j >= 0 && (FRAME_ADVERBS.has(tokens[j]?.normal ?? '') || tokens[j]?.pos === 'ADV' || tokens[j]?.pos === 'AUX'); n++) j--;
  j = emphaticStart(tokens, j, 0);
  ends.push(j);
  let c = j;
  for (let round = 0; round < 5; round++) {
    // `Rita Haas (D) said`
    if (tokens[c]?.text === ')') {
      const open = openingParenthesis(tokens, c);
      if (open === undefined) break;
      c = open - 1;
      ends.push(c);
      continue;
    }
    if (tokens[c]?.text !== ',') break;
    const k = appositiveOpening(ann, c);
    if (k === undefined) break;
    if (tokens[k]?.text === ')') {
      c = k;
      continue;
    }
    ends.push(k - 1);
    c = tokens[k - 1]?.text === ')' ? k - 1 : k;
  }
  return ends;
}

/** The `(` of the parenthesis closing at token c, at most 7 tokens back. */
function openingParenthesis(tokens: readonly Token[], c: number): number | undefined {
  let k = c - 1;
  while (k >= 0 && c - k < 8 && tokens[k]?.text !== '(') k--;
  return tokens[k]?.text === '(' ? k : undefined;
}

/**
 * The comma or `)` before the comma-delimited appositive that ends at the comma c, in the
 * same paragraph and with no quotation mark: `Dana Cole, the attorney general of Utah,
 * said`; `Ruiz, president of the union, which represents nurses, said`. None when the
 * stretch holds a finite verb outside a relative clause or a prepositional adjunct (it is a
 * clause, not an appositive).
 */
function appositiveOpening(ann: AnnotatedText, c: number): number | undefined {
  const tokens = ann.tokens;
  let k = c - 1;
  let sawVerb = false;
  let relative = false;
  while (k >= 0 && c - k < 45 && tokens[k]?.text !== ',' && tokens[k]?.text !== ')' && !quoteMarkAt(tokens, k) && sameParagraph(ann, k, c)) {
    const n = tokens[k]?.normal ?? '';
    if (n === 'who' || n === 'which' || n === 'whom' || n === 'whose') relative = true;
    if (tokens[k]?.pos === 'VERB' && !/ing$|ed$/.test(n)) sawVerb = true;
    k--;
  }
  // A prepositional adjunct (`Lopez, at a press briefing later, said`) may hold a word wink calls a verb.
  const adjunct = tokens[k + 1]?.pos === 'ADP' && tokens[k + 1]?.normal !== 'that';
  if ((tokens[k]?.text !== ',' && tokens[k]?.text !== ')') || (sawVerb && !relative && !adjunct)) return undefined;
  return k;
}

/** Whether token k is a quotation mark; an apostrophe attached to a plural (`veterans' families`) is a possessive. */
function quoteMarkAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !isQuoteMark(t.text)) return false;
  const p = tokens[k - 1];
  return !((t.text === "'" || t.text === '’') && p && p.end === t.start && /s$/i.test(p.text));
}

/** Whether tokens a and b are in one paragraph (wink may end a sentence at an abbreviation such as `R-Ky.,`). */
function sameParagraph(ann: AnnotatedText, a: number, b: number): boolean {
  const tokens = ann.tokens;
  return ann.sentences[tokens[a]?.sentence ?? -1]?.paragraph === ann.sentences[tokens[b]?.sentence ?? -2]?.paragraph;
}

