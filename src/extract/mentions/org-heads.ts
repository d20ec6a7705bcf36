/** Organisations named by a capitalised run ending in a head noun: `National Security Council`, `Ministry of Foreign Affairs`. */
import type { Token } from '../../types.js';
import { phraseKey } from '../entity-lexicon.js';
import { isCap, isPossessive } from '../token-tests.js';
import { newDraft, type Affiliation } from './draft.js';
import type { MentionScan } from './scan.js';

const DOTS = /\./g;
const ALL_UPPER = /^\p{Lu}+$/u;
const LEADING_THE = /^the\s+/i;
const PLACE_NAME_START = /^(north|south|east|west|central|eastern|western|northern|southern|new|los|las|fort|port|lake|mount)$/;
const ROLE_CONNECTORS = new Set(['of', 'for', 'to']);
/** Parts of speech of a capitalised sentence opener that is no word of a name (`But`, `However`). */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(['CCONJ', 'SCONJ', 'ADV', 'ADP', 'PRON', 'INTJ']);

/** `Press` in `White House Press Secretary`: a title modifier before a title head starts a title, not ending an organisation. */
function startsTitle(s: MentionScan, j: number): boolean {
  return s.lex.titles.get((s.tokens[j] as Token).text)?.kind === 'modifier' && s.lex.titles.get(s.tokens[j + 1]?.text ?? '')?.kind === 'head';
}

/**
 * `U.N. Office for ...`, `EU Mission ...`: an acronym of a known country or organisation may open
 * a head-noun name, outside all-capital headlines.
 */
function knownLeadAcronym(s: MentionScan, j: number): boolean {
  const t = s.tokens[j] as Token;
  if (s.allCaps.has(t.sentence)) return false;
  const m = s.lexMatchAt(j, j);
  return !!m && (m.entry.type === 'Country' || m.entry.type === 'Organisation');
}

/** `Workers' Party`, `Overseas Writers' Club`: the apostrophe of a plural possessive inside a name. */
function pluralPossessive(s: MentionScan, j: number): boolean {
  const t = s.tokens[j] as Token;
  const prev = s.tokens[j - 1];
  return (t.text === "'" || t.text === '’') && !!prev && prev.end === t.start && prev.text.endsWith('s') && isCap(prev);
}

/** The last head noun of the capitalised run from `first` (through `of`, `for`, `and`, `&`, hyphens), or -1. */
function lastHeadInRun(s: MentionScan, first: number, last: number): number {
  let j = first;
  let bestLast = -1;
  while (j <= last) {
    const t = s.tokens[j];
    if (!t) break;
    if (isCap(t) && (j > first || !ALL_UPPER.test(t.text.replace(DOTS, '')) || knownLeadAcronym(s, j))) {
      if ((s.lex.orgHeads.has(t.text) || s.isCompanySuffix(t.text)) && j > first && !startsTitle(s, j)) bestLast = j;
      // `Ministry of Foreign Affairs`: keep going through `of` + capitalised words.
      j++;
      continue;
    }
    const glued = (t.text === '-' && s.tokens[j - 1]?.end === t.start && s.tokens[j + 1]?.start === t.end) || pluralPossessive(s, j);
    // `Johnson Controls Inc and Lear Corp`: two organisations, not one.
    if (t.normal === 'and' && (bestLast === j - 1 || (s.lex.orgHeads.has(s.tokens[j + 1]?.text ?? '') && s.tokens[j + 2]?.normal === 'of'))) break;
    if ((glued || t.normal === 'of' || t.normal === 'for' || t.normal === 'and' || t.text === '&') && s.tokens[j + 1] && isCap(s.tokens[j + 1] as Token)) {
      j++;
      continue;
    }
    if (t.normal === 'the' && s.tokens[j - 1]?.normal === 'of' && s.tokens[j + 1] && isCap(s.tokens[j + 1] as Token)) {
      j++;
      continue;
    }
    break;
  }
  return bestLast;
}

/** `Ministry of Foreign Affairs`: the end of a run that starts with the head, with its `of` tail. */
function ofTailEnd(s: MentionScan, bestLast: number, last: number): number {
  const connector = s.tokens[bestLast + 1]?.normal;
  if (connector !== 'of' && connector !== 'for') return bestLast;
  // `Office for the Coordination of Humanitarian Affairs`: `the` after `for`, then capitalised words.
  let k = connector === 'for' && s.tokens[bestLast + 2]?.normal === 'the' && isCap(s.tokens[bestLast + 3] as Token) ? bestLast + 3 : bestLast + 2;
  const tailStart = k;
  // `and` joins two words of one name (`Trade and Industry`), not two names (`Defence and Russia`,
  // `Michigan and Bank of America`).
  const joins = (x: number): boolean => (s.tokens[x]?.normal === 'and' || s.tokens[x]?.text === '&') && !!s.tokens[x + 1] && isCap(s.tokens[x + 1] as Token) && !s.lex.orgHeads.has(s.tokens[x + 1]?.text ?? '') && !s.lexMatchAt(x + 1, last) && s.tokens[x + 2]?.normal !== 'of';
  // An inner `of` joins capitalised words of the same name (`Coordination of Humanitarian Affairs`).
  const innerOf = (x: number): boolean => x > tailStart && s.tokens[x]?.normal === 'of' && !!s.tokens[x + 1] && isCap(s.tokens[x + 1] as Token);
  // An inner `in` before a capitalised word that is no place (`Alliance for Development in
  // Democracy`, but `Council for Peace in Geneva`).
  const innerIn = (x: number): boolean => {
    const next = s.tokens[x + 1];
    return x > tailStart && s.tokens[x]?.normal === 'in' && !!next && isCap(next) && !s.lex.places.has(phraseKey(next.text)) && !s.lexMatchAt(x + 1, last);
  };
  // A title with a name after it is a person's, not the name's (`Bank of England Governor Jane Doe`).
  const titleOfName = (x: number): boolean => x > tailStart && s.lex.titles.get(s.tokens[x]?.text ?? '')?.kind === 'head' && !!s.tokens[x + 1] && isCap(s.tokens[x + 1] as Token);
  while (k <= last && s.tokens[k] && !titleOfName(k) && (isCap(s.tokens[k] as Token) || joins(k) || innerOf(k) || innerIn(k))) k++;
  return k - 1 >= tailStart ? k - 1 : bestLast;
}

/** A run that names no organisation: a place, a title, or words before an `of` with no head among them. */
function notAnOrganisation(s: MentionScan, first: number, bestLast: number, runLast: number): boolean {
  // `Economist Joel Naroff of First Union`, `Shares of Douglas & Lomason Co`: when no head stands
  // before the last `of`, the organisation is what follows it (`Bank of England` keeps its `of`).
  for (let k = bestLast - 1; k > first; k--) {
    if (s.tokens[k]?.normal !== 'of') continue;
    const before = s.tokens.slice(first, k);
    // The words before `of` are left to the other rules, and the organisation after it is
    // found when the scan reaches it.
    if (!before.some((w) => s.lex.orgHeads.has(w.text) || s.isCompanySuffix(w.text))) return true;
    break;
  }
  // A place that ends in a head word (`West Bank`) is no organisation.
  if (s.lex.places.has(phraseKey(s.text.slice(s.tokens[first]?.start ?? 0, s.tokens[runLast]?.end ?? 0)))) return true;
  // A person's title is not an organisation: `Foreign Minister` has no head noun, but
  // `Security Council` does. Reject runs whose tokens are all title words or non-names.
  const words = s.tokens.slice(first, runLast + 1);
  return words.length < 2 && words.every((w) => s.lex.titles.has(w.text) || s.lex.orgHeads.has(w.text) || ROLE_CONNECTORS.has(w.normal));
}

/** A capitalised run ending in an organisation head noun: `National Security Council`. */
export function orgHeadRunAt(s: MentionScan, i: number, last: number): { first: number; last: number } | undefined {
  let first = i;
  if (s.tokens[first]?.normal === 'the') first++;
  const t0 = s.tokens[first];
  if (!t0 || !isCap(t0) || s.lex.nonNames.has(t0.normal) && !PLACE_NAME_START.test(t0.normal)) return undefined;
  // `But Home Office officials said`: a sentence opener of a closed class starts no name.
  if (SENTENCE_OPENERS.has(t0.pos) && s.tokens[first - 1]?.sentence !== t0.sentence) return undefined;
  if (s.lex.titles.get(t0.text)?.kind === 'honorific') return undefined;
  let bestLast = lastHeadInRun(s, first, last);
  const startsWithHead = s.lex.orgHeads.has(t0.text);
  // `Bank of England`, `Department of Trade and Industry`, `Centre for Strategic Studies`: the
  // head alone, then `of` or `for`.
  const connector = s.tokens[first + 1]?.normal;
  if (bestLast < 0 && startsWithHead && (connector === 'of' || connector === 'for') && s.tokens[first + 2] && isCap(s.tokens[first + 2] as Token)) bestLast = first;
  if (bestLast < 0) return undefined;
  // A known organisation before the head keeps its name; a tail after it only describes it
  // (`the State Department for Foreign Affairs`).
  const known = startsWithHead ? undefined : s.lexMatchAt(first, bestLast);
  const runLast = known?.last === bestLast && known.entry.type === 'Organisation' ? bestLast : ofTailEnd(s, bestLast, last);
  if (startsWithHead && runLast === first) return undefined;
  if (notAnOrganisation(s, first, bestLast, runLast)) return undefined;
  return { first, last: missionTailEnd(s, first, runLast, last) };
}

/**
 * `U.N. Mission in Liberia`, `EU Rule of Law Mission in Kosovo`: the body of a known
 * organisation named for the country it works in takes the country into its name.
 */
function missionTailEnd(s: MentionScan, first: number, runLast: number, last: number): number {
  if (s.tokens[runLast + 1]?.normal !== 'in' || !knownLeadAcronym(s, first)) return runLast;
  const lead = s.lexMatchAt(first, first);
  const country = s.lexMatchAt(runLast + 2, last);
  return lead?.entry.type === 'Organisation' && country?.entry.kind === 'country' ? country.last : runLast;
}

export function emitHeadOrg(s: MentionScan, first: number, last: number): number {
  const span = s.tokenSpan(first, last);
  let name = s.text.slice(span.start, span.end).replace(LEADING_THE, '');
  let start = span.start;
  let firstTok = first;
  if (s.tokens[first]?.normal === 'the') {
    firstTok = first + 1;
    start = s.tokens[first + 1]?.start ?? start;
  }
  // A known organisation under another wording (`Russia's Foreign Ministry`).
  const known = s.lex.phrases.get(phraseKey(name))?.find((e) => e.type === 'Organisation');
  if (known) name = known.name;
  // A possessive country just before: `Russia's Foreign Ministry` -> `Russian Foreign Ministry`.
  let affiliationCountry: string | undefined;
  const before = firstTok - 1;
  if (isPossessive(s.tokens[before])) {
    const lm = s.findLexEndingAt(before - 1);
    if (lm?.entry.type === 'Country') affiliationCountry = lm.entry.name;
  }
  const affiliation: Affiliation | undefined = affiliationCountry ? { name: affiliationCountry, type: 'Country' } : undefined;
  s.push(newDraft(start, span.end, firstTok, last, 'Organisation', 'name', name, known ? 0.9 : 0.75, undefined, affiliation));
  s.affiliationAt.set(last, { name, type: 'Organisation', first: firstTok });
  return last + 1;
}
