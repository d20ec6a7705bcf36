/** Small tests on tokens shared by the entity passes. */
import type { Token } from '../types.js';

const UPPER_START = /^\p{Lu}/u;
const POSSESSIVE = /^['’]s$/;

/** Starts with a capital letter. (Performance: an ASCII first character is tested by its code.) */
export const isCap = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};
const ANY_LETTER = /\p{L}/u;
const ANY_LOWER = /\p{Ll}/u;
/** `letterCase`: a word without letters, with letters but none lower-case, with a lower-case letter. */
export const NO_LETTER = 0;
export const NO_LOWER = 1;
export const SOME_LOWER = 2;
/**
 * Whether a word has letters, and a lower-case one. (Performance: ASCII words are read by their
 * char codes, the rest by Unicode regular expressions.)
 */
export function letterCase(text: string): 0 | 1 | 2 {
  let letters = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return !ANY_LETTER.test(text) ? NO_LETTER : ANY_LOWER.test(text) ? SOME_LOWER : NO_LOWER;
    if (c >= 97 && c <= 122) return SOME_LOWER;
    if (c >= 65 && c <= 90) letters = true;
  }
  return letters ? NO_LOWER : NO_LETTER;
}
/** The possessive `'s` token. */
export const isPossessive = (t: Token | undefined): boolean => !!t && POSSESSIVE.test(t.text);
/** After these a town is a place, not an actor (`in Chechnya`, `near Grozny`). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'across', 'throughout', 'outside', 'inside', 'into', 'around']);
