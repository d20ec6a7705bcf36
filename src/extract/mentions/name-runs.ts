/** A person's name run from its first word: particles, initials, hyphen joins, quoted nicknames. */
import type { Token } from '../../types.js';
import { isCap } from '../token-tests.js';
import { NAME_PARTICLES } from '../../text/name-particles.js';
import type { LexMatch, MentionScan } from './scan.js';

/** A short lower-case part of a hyphenated name (`In-so`, `Tae-young`, `Inzamam-ul-Haq`). */
const SHORT_LOWER = /^\p{Ll}{1,5}$/u;
const NICKNAME_OPEN = /^["“‘']$/;
const NICKNAME_CLOSE = /^["”’']$/;
/** A lexicon match of an organisation or a country. */
const namesOrgOrCountry = (m: LexMatch | undefined): boolean => m?.entry.kind === 'org' || m?.entry.kind === 'country';

/**
 * Token k is a short lower-case part glued after a hyphen (`so` in `In-so`, `ul` in `Inzamam-ul-Haq`),
 * not a compound suffix (`-like`, `-era`).
 */
function isHyphenPart(tokens: readonly Token[], k: number, compoundSuffixes: ReadonlySet<string>): boolean {
  const t = tokens[k];
  const dash = tokens[k - 1];
  return !!t && dash?.text === '-' && t.start === dash.end && SHORT_LOWER.test(t.text) && !compoundSuffixes.has(t.text);
}
/** (Performance: the regular expression only for short words that end in a period.) */

/** `Jean-Pierre`: a name token glued on by a hyphen; the index it ends at. */
function hyphenJoin(s: MentionScan, j: number, n: Token, cur: Token): number | undefined {
  if (n.text === '-' && n.start === cur.end && s.isNameToken(s.tokens[j + 2], j + 2) && s.tokens[j + 2]?.start === n.end) return j + 2;
  return undefined;
}

/** `Kim In-so`, `Inzamam-ul-Haq`: a short lower-case part glued by hyphens inside a name. */
function lowerPartJoin(s: MentionScan, j: number, n: Token, cur: Token): number | undefined {
  const lower = s.tokens[j + 2];
  if (!(n.start === cur.end && lower && isHyphenPart(s.tokens, j + 2, s.lex.compoundSuffixes) && lower.pos !== 'VERB' && isCap(cur))) return undefined;
  const after = s.tokens[j + 3];
  const gluedOn = after?.text === '-' && after.start === lower.end && s.tokens[j + 4]?.start === after.end && isCap(s.tokens[j + 4] as Token);
  if (gluedOn) return j + 4;
  if (after?.text !== '-' || after.start > lower.end) return j + 2;
  return undefined;
}

/** `Roberto "Hands of Stone" Duran`: a quoted nickname between given name and surname. */
function nicknameJoin(s: MentionScan, j: number, last: number, n: Token): number | undefined {
  if (!NICKNAME_OPEN.test(n.text)) return undefined;
  let k = j + 2;
  while (k <= last && k - j <= 6 && s.tokens[k] && (isCap(s.tokens[k] as Token) || s.tokens[k]?.normal === 'of' || s.tokens[k]?.normal === 'the')) k++;
  if (k > j + 2 && NICKNAME_CLOSE.test(s.tokens[k]?.text ?? '') && s.isNameToken(s.tokens[k + 1], k + 1) && !s.lexMatchAt(k + 1, Math.min(last, k + 3))) return k + 1;
  return undefined;
}

/** `Kim In-so`: a capitalised first part of such a compound after the given name. */
function capitalPartJoin(s: MentionScan, j: number, last: number, n: Token): number | undefined {
  if (isCap(n) && !s.lexMatchAt(j + 1, last) && s.tokens[j + 2]?.start === n.end && isHyphenPart(s.tokens, j + 3, s.lex.compoundSuffixes) && !(s.tokens[j + 4]?.text === '-' && s.tokens[j + 4]?.start === s.tokens[j + 3]?.end)) return j + 3;
  return undefined;
}

/**
 * `van Gogh`, `Joost van der Westhuizen`, `de la Rua`: one or two particles, then a name; or a
 * particle glued to the name by a hyphen (`Omar al-Bashir`, `Nabil el-Araby`).
 */
function particleJoin(s: MentionScan, j: number, n: Token): number | undefined {
  if (!NAME_PARTICLES.has(n.text)) return undefined;
  const dash = s.tokens[j + 2];
  if (dash?.text === '-' && dash.start === n.end) return s.tokens[j + 3]?.start === dash.end && s.isNameToken(s.tokens[j + 3], j + 3) ? j + 3 : undefined;
  const k = NAME_PARTICLES.has(s.tokens[j + 2]?.text ?? '') ? j + 3 : j + 2;
  return s.isNameToken(s.tokens[k], k) ? k : undefined;
}

/**
 * `Kevin King`, `John Major`: a capitalised title word right after a known given name, with no
 * name after it, is the surname (`King Abdullah` has the name after the title).
 */
function titleWordAsSurname(s: MentionScan, j: number, n: Token): boolean {
  const cur = s.tokens[j] as Token;
  if (n.start !== cur.end + 1 || !isCap(n) || s.lex.titles.get(n.text)?.kind !== 'head') return false;
  if (!s.lex.knownPeople.givenNames.has(cur.normal)) return false;
  const after = s.tokens[j + 2];
  return !after || after.sentence !== n.sentence || (!isCap(after) && after.text !== '-');
}

/** Extends a name from `first` (a name token): particles, initials, hyphen joins. */
export function nameRunFrom(s: MentionScan, first: number, last: number): number {
  let j = first;
  while (j + 1 <= last) {
    const n = s.tokens[j + 1];
    const cur = s.tokens[j];
    if (!n || !cur) break;
    const joined = hyphenJoin(s, j, n, cur) ?? lowerPartJoin(s, j, n, cur) ?? nicknameJoin(s, j, last, n) ?? capitalPartJoin(s, j, last, n) ?? particleJoin(s, j, n);
    if (joined !== undefined) {
      j = joined;
      continue;
    }
    if (s.isNameToken(n, j + 1) && !namesOrgOrCountry(s.lexMatchAt(j + 1, Math.min(last, j + 3)))) {
      j++;
      continue;
    }
    if (titleWordAsSurname(s, j, n)) j++;
    break;
  }
  return j;
}
