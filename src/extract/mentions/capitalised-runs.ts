/**
 * What an unknown capitalised run without a title names: a person, an organisation (a club) or
 * none of our types (a place, an event, a landmark).
 */
import { phraseKey } from '../entity-lexicon.js';
import type { MentionScan } from './scan.js';

/** A plural not in `-ss` (`Mariners`, not `Swiss`). */
const PLURAL_WORD = /\p{Ll}[^s]s$/u;


/**
 * What an unknown capitalised run without a title names: an event or landmark (`World Cup`,
 * `Tiananmen Square`) or a place (`Tunbridge Wells`) is none of our types; a place with a
 * club word (`Notts County`, `Real Madrid`) or a big town with a plural (`Seattle Mariners`)
 * is a club; anything else is taken for a person.
 */
export function classifyRun(s: MentionScan, first: number, lastTok: number): 'person' | 'org' | 'none' {
  const runTokens = s.tokens.slice(first, lastTok + 1);
  const head = runTokens[runTokens.length - 1];
  const lead = runTokens[0];
  if (!head || !lead) return 'person';
  if (s.lex.nonEntityHeads.has(head.text)) return 'none';
  // `Arab-Israeli`, `Franco-German`: joined demonyms or countries name no person.
  if (runTokens.some((t, k) => (runTokens[k - 1]?.text === '-' || runTokens[k + 1]?.text === '-') && s.lex.phrases.get(phraseKey(t.text))?.some((e) => e.type === 'Country'))) return 'none';
  const keyOf = (from: number, to: number): string => phraseKey(s.text.slice(s.tokens[from]?.start ?? 0, s.tokens[to]?.end ?? 0));
  const isPlace = (from: number, to: number): boolean => {
    if (from > to) return false;
    const key = keyOf(from, to);
    return s.lex.places.has(key) || !!s.lex.phrases.get(key)?.some((e) => e.kind === 'country' || e.kind === 'capital');
  };
  if (runTokens.length >= 2) {
    if (s.lex.clubAfter.has(head.text) && isPlace(first, lastTok - 1)) return 'org';
    // `Fairfax County`, `Salt Lake City`: a place; in a sports report a club (context-organisations).
    if (s.lex.clubAfterSports.has(head.text) && isPlace(first, lastTok - 1)) return 'none';
    if (s.lex.clubBefore.has(lead.text) && isPlace(first + 1, lastTok)) return 'org';
    const rest = keyOf(first, lastTok - 1);
    if (PLURAL_WORD.test(head.text) && (s.lex.bigPlaces.has(rest) || s.lex.phrases.get(rest)?.some((e) => e.kind === 'capital'))) return 'org';
  }
  if (isPlace(first, lastTok)) return 'none';
  return 'person';
}

