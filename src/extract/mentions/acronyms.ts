/** Unknown acronyms of organisations (`FIFA`, `LIFFE`). */
import type { Token } from '../../types.js';
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
  // Not in an all-capital headline or dateline, nor a stock ticker (`Mobil Corp <MOB>`).
  if (s.allCaps.has(t.sentence) || inDateline(s, i)) return false;
  return !(s.tokens[i - 1]?.text === '<' && s.tokens[i + 1]?.text === '>');
}

const DASHES = new Set(['-', '--', '—', '–']);
/** How far after a dateline's place its dash may stand (`SEOUL, Nov. 20 (Yonhap) --`). */
const DATELINE_REACH = 9;

/**
 * `HONG KONG, March 4 - ...`, `BONN (Reuters) -`: token i is in the all-capital place that opens
 * a sentence and a dash ends a few tokens on, before any verb.
 */
function inDateline(s: MentionScan, i: number): boolean {
  let k = i;
  while (k > 0 && s.tokens[k - 1]?.sentence === s.tokens[i]?.sentence) {
    const before = s.tokens[k - 1] as Token;
    if (!ALL_CAPS_WORD.test(before.text)) return false;
    k--;
  }
  for (let j = i + 1; j <= i + DATELINE_REACH; j++) {
    const t = s.tokens[j];
    if (!t || t.sentence !== s.tokens[i]?.sentence || t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (DASHES.has(t.text)) return true;
  }
  return false;
}
const ALL_CAPS_WORD = /^[\p{Lu}.]+$/u;

