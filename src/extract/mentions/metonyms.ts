/**
 * State metonyms: `the Biden administration`, `the US side`, `the Kremlin government`. A
 * metonym named by a person is named after the state that person serves once the article is
 * scanned.
 */
import { phraseKey, type EntityLexicon } from '../entity-lexicon.js';
import { isCap, isPossessive } from '../token-tests.js';
import { newDraft, type Draft } from './draft.js';
import type { MentionScan, PersonMetonym } from './scan.js';

const METONYM_HEADS = new Set(['administration', 'government', 'side', 'authorities', 'leadership', 'regime', 'cabinet']);

/** The metonym starting at token i, if any; returns the index to go on from. */

export function metonymAt(s: MentionScan, i: number, last: number): number | undefined {
  let j = i;
  if (s.tokens[j]?.normal === 'the') j++;
  const mod = s.tokens[j];
  if (!mod || !isCap(mod)) return undefined;
  const lm = s.lexMatchAt(j, Math.min(last, j + 3));
  let modLast = j;
  let country: string | undefined;
  let surname: string | undefined;
  if (lm && (lm.entry.type === 'Country' || lm.entry.category === 'seat') && lm.entry.kind !== 'capital') {
    modLast = lm.last;
    country = lm.entry.type === 'Country' ? lm.entry.name : lm.entry.country;
  } else if (!lm && s.isNameToken(mod, j) && mod.pos === 'PROPN') {
    surname = mod.text;
  } else return undefined;
  const headTok = s.tokens[modLast + 1];
  if (!headTok || !METONYM_HEADS.has(headTok.normal) || modLast + 1 > last) return undefined;
  // `US government officials`: the phrase modifies a noun, it does not act.
  const after = s.tokens[modLast + 2];
  if (after && after.sentence === headTok.sentence && (after.pos === 'NOUN' || after.pos === 'PROPN') && !isPossessive(after)) return undefined;
  const d = s.push(newDraft(s.tokenStart(i), s.tokenEnd(modLast + 1), i, modLast + 1, 'Country', 'metonym', country ?? '', country ? 0.85 : 0.7));
  if (surname) s.pendingPersonMetonyms.push({ draft: d, surname });
  return modLast + 2;
}

/** Metonyms named by a person (`the Biden administration`): the state that person serves. */
export function namePersonMetonyms(drafts: readonly Draft[], pending: readonly PersonMetonym[], lex: EntityLexicon): void {
  for (let k = 0; k < pending.length; k++) {
    const { draft, surname } = pending[k] as PersonMetonym;
    const country =
      drafts.find((d) => d.type === 'Person' && d.affiliationType === 'Country' && d.affiliation && lastWord(d.name) === surname)?.affiliation ??
      lex.figuresBySurname.get(phraseKey(surname))?.find((f) => f.country)?.country;
    if (country) draft.name = country;
    else draft.name = '';
  }
}

const lastWord = (name: string): string => name.split(/\s+/).pop() ?? name;
