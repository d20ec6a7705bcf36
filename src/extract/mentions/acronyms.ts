/** Unknown acronyms of organisations (`FIFA`, `LIFFE`). */
import { isCap } from '../token-tests.js';
import type { MentionScan } from './scan.js';

const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
const ROMAN_NUMERAL = /^[IVXLC]+$/;


/**
 * An all-capital word the lexicon does not know, in running (not all-capital) text: an
 * organisation's acronym (`FIFA`, `LIFFE`), unless it is a unit, title or common abbreviation, or
 * a word the article writes in lower case too.
 */
export function acronymAt(s: MentionScan, i: number): boolean {
  const t = s.tokens[i];
  if (!t || !isCap(t) || !ACRONYM.test(t.text) || ROMAN_NUMERAL.test(t.text)) return false;
  if (s.lex.nonOrgAcronyms.has(t.text) || s.lex.titles.has(t.text) || s.lex.nonNames.has(t.normal) || s.lex.pronouns.has(t.normal)) return false;
  // A word the article also writes in lower case is a word in capitals (`TAX`, `OIL`), no acronym.
  if (s.writesLowerCase(t.normal)) return false;
  // Not in an all-capital headline or dateline.
  return !s.allCaps.has(t.sentence);
}

