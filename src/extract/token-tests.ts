/** Small tests on tokens shared by the entity passes. */
import type { Token } from '../types.js';

const UPPER_START = /^\p{Lu}/u;
const POSSESSIVE = /^['’]s$/;

/** Starts with a capital letter. (Performance: an ASCII first character is tested by its code.) */
export const isCap = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};
/** The possessive `'s` token. */
export const isPossessive = (t: Token | undefined): boolean => !!t && POSSESSIVE.test(t.text);
/** After these a town is a place, not an actor (`in Chechnya`, `near Grozny`). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'across', 'throughout', 'outside', 'inside', 'into', 'around']);
