/** A person's name run from its first word: particles, initials, hyphen joins, quoted nicknames. */
import type { Token } from '../../types.js';
import { isCap } from '../token-tests.js';
import type { LexMatch, MentionScan } from './scan.js';

const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'ben', 'abu']);
/** A short lower-case part of a hyphenated name (`In-so`, `Inzamam-ul-Haq`). */
const SHORT_LOWER = /^\p{Ll}{1,4}$/u;
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

/** Extends a name from `first` (a name token): particles, initials, hyphen joins. */
export function nameRunFrom(s: MentionScan, first: number, last: number): number {
  let j = first;
  while (j + 1 <= last) {
    const n = s.tokens[j + 1];
    const cur = s.tokens[j];
    if (!n || !cur) break;
    if (n.text === '-' && n.start === cur.end && s.isNameToken(s.tokens[j + 2], j + 2) && s.tokens[j + 2]?.start === n.end) {
      j += 2;
      continue;
    }
    // `Kim In-so`, `Inzamam-ul-Haq`: a short lower-case part glued by hyphens inside a name.
    const lower = s.tokens[j + 2];
    if (n.start === cur.end && lower && isHyphenPart(s.tokens, j + 2, s.lex.compoundSuffixes) && lower.pos !== 'VERB' && isCap(cur)) {
      const after = s.tokens[j + 3];
      const gluedOn = after?.text === '-' && after.start === lower.end && s.tokens[j + 4]?.start === after.end && isCap(s.tokens[j + 4] as Token);
      if (gluedOn) {
        j += 4;
        continue;
      }
      if (after?.text !== '-' || after.start > lower.end) {
        j += 2;
        continue;
      }
    }
    // `Roberto "Hands of Stone" Duran`: a quoted nickname between given name and surname.
    if (NICKNAME_OPEN.test(n.text)) {
      let k = j + 2;
      while (k <= last && k - j <= 6 && s.tokens[k] && (isCap(s.tokens[k] as Token) || s.tokens[k]?.normal === 'of' || s.tokens[k]?.normal === 'the')) k++;
      if (k > j + 2 && NICKNAME_CLOSE.test(s.tokens[k]?.text ?? '') && s.isNameToken(s.tokens[k + 1], k + 1) && !s.lexMatchAt(k + 1, Math.min(last, k + 3))) {
        j = k + 1;
        continue;
      }
    }
    // `Kim In-so`: a capitalised first part of such a compound after the given name.
    if (isCap(n) && !s.lexMatchAt(j + 1, last) && s.tokens[j + 2]?.start === n.end && isHyphenPart(s.tokens, j + 3, s.lex.compoundSuffixes) && !(s.tokens[j + 4]?.text === '-' && s.tokens[j + 4]?.start === s.tokens[j + 3]?.end)) {
      j += 3;
      continue;
    }
    // `van Gogh`, `Joost van der Westhuizen`, `de la Rua`: one or two particles, then a name.
    if (NAME_PARTICLES.has(n.text)) {
      const k = NAME_PARTICLES.has(s.tokens[j + 2]?.text ?? '') ? j + 3 : j + 2;
      if (s.isNameToken(s.tokens[k], k)) {
        j = k;
        continue;
      }
    }
    if (s.isNameToken(n, j + 1) && !namesOrgOrCountry(s.lexMatchAt(j + 1, Math.min(last, j + 3)))) {
      j++;
      continue;
    }
    break;
  }
  return j;
}
