/**
 * Quoted words used as a label rather than as speech: `so-called "..."`,
 * `the "security guarantees" issue`, `proposals for a "security guarantee"`.
 */
import type { ArticleView } from '../article-view.js';

/** One or two words used as a label: `so-called "..."`, `the "security guarantees" issue`. */
export function isScare(view: ArticleView, o: number, c: number): boolean {
  const before = `${view.norm(o - 2)} ${view.norm(o - 1)}`.trim();
  for (const p of view.lex.scarePrefixes) if ((before.endsWith(p) || view.norm(o - 1) === p) && !whatCalled(view, o)) return true;
  const after = view.tok(c + 1);
  const lastWord = view.tok(c - 1);
  const nounContent = !!lastWord && (lastWord.pos === 'NOUN' || lastWord.pos === 'PROPN');
  if (c >= 0 && after && nounContent && (after.pos === 'NOUN' || after.pos === 'PROPN') && view.entityAt(c + 1) === undefined) return true;
  // A label in a prepositional phrase of a plain noun (`proposals for a "security guarantee"`); a speech noun
  // (`remarks about a "small incursion"`) or a verb (`warned of a "swift" response`) keeps it a quote.
  let k = o - 1;
  while (view.tok(k)?.pos === 'DET') k--;
  const prep = view.tok(k);
  const head = view.tok(k - 1);
  if (prep?.pos === 'ADP' && head?.pos === 'NOUN' && !view.lex.speechNouns.has(head.normal) && view.entityAt(k - 1) === undefined && !describedAs(view, k)) return true;
  return false;
}

/** How many words a subject between `what` and the verb may have (`what many critics called`). */
const WHAT_SUBJECT_MAX = 4;

/**
 * `what critics called "theft"`, `what she calls the mayor's "deal"`: the words of the
 * subject of `call` in a free relative clause are that subject's, not a name.
 */
function whatCalled(view: ArticleView, o: number): boolean {
  let v = o - 1;
  // The object may stand between the verb and the quotation (`what she calls the mayor's "deal"`).
  while (v > o - 5 && view.tok(v)?.lemma !== 'call') v--;
  if (view.tok(v)?.lemma !== 'call') return false;
  for (let k = v - 1; k >= Math.max(0, v - 1 - WHAT_SUBJECT_MAX); k--) {
    const t = view.tok(k);
    if (!t || t.pos === 'PUNCT' || t.pos === 'VERB') return false;
    if (t.normal === 'what') return k < v - 1;
  }
  return false;
}

/** How far back from `as` a speech verb may stand for `described the plan as "..."`: a verb, its object's words. */
const DESCRIBED_AS_REACH = 6;

/** `described the decision as "..."`, `referred to the law as a "..."`: `as` at k closes a speech verb's object, so the words are the subject's. */
function describedAs(view: ArticleView, k: number): boolean {
  if (view.norm(k) !== 'as') return false;
  for (let j = k - 1; j >= Math.max(0, k - DESCRIBED_AS_REACH); j--) {
    const t = view.tok(j);
    if (!t || t.pos === 'PUNCT') return false;
    if (t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma)) return true;
  }
  return false;
}

/** Longest name or title (in words) read as one rather than as quoted speech. */
const NAME_MAX_WORDS = 6;
/** Word classes a title leaves in lower case (`State of the Union`, `The Art of War`). */
const TITLE_LOWER_POS = new Set(['ADP', 'DET', 'CCONJ', 'PART', 'SCONJ']);

/**
 * A name or a title in quotation marks, with no speech in it: a programme
 * or a book (`on CNN's "Meet the Press"`), or a name modifying the noun
 * after it (`a "Taepodong-2" missile`, `the "one country, two systems"
 * formula`). Such quotations hold no clause punctuation and do not end in
 * the comma of a reporting frame (`"Never Again," she said` is speech); a
 * quotation ending in an adjective before its noun (`a "swift, united"
 * response`) is an evaluation someone made, and stays.
 */
export function isNameOrTitle(view: ArticleView, o: number, c: number): boolean {
  if (c < 0 || c - o < 2) return false;
  const inner = view.tokens.slice(o + 1, c);
  const words = inner.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  const last = inner[inner.length - 1];
  if (!last || !words.length || words.length > NAME_MAX_WORDS) return false;
  if (inner.some((t) => /^[.!?;:]$/.test(t.text)) || last.text === ',') return false;
  const after = view.tok(c + 1);
  const modifier =
    !!after && after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text) && !view.lex.speechNouns.has(after.normal) && view.entityAt(c + 1) === undefined && ['NOUN', 'PROPN', 'NUM'].includes(last.pos);
  if (modifier) return true;
  const capital = (t: { text: string }): boolean => /^\p{Lu}/u.test(t.text);
  return words.some(capital) && words.every((t) => capital(t) || TITLE_LOWER_POS.has(t.pos) || /^\p{N}/u.test(t.text));
}
