/**
 * Person-name comparison shared by within-article and cross-article
 * resolution: name parts, Jaro-Winkler, a consonant skeleton for blocking,
 * and the rule that decides whether two names can be the same person.
 */
import { distance } from 'fastest-levenshtein';
import type { EntityLexicon } from '../extract/entity-lexicon.js';
import { NAME_PARTICLES } from '../text/name-particles.js';
import { foldDiacritics } from '../text/fold.js';


/** Lower-case, no diacritics, letters and hyphens only. */
export function foldName(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, '')
    .trim();
}

export interface NameParts {
  /** Given names without initials (`anthony` in `Anthony J. Blingen`). */
  readonly given: readonly string[];
  readonly surname: string;
}

/** splitName is called for the same names over and over (pairs of names in resolution); its results are frozen and shared. */
const splitCache = new Map<string, NameParts>();

export function splitName(name: string): NameParts {
  const hit = splitCache.get(name);
  if (hit) return hit;
  if (splitCache.size >= 100_000) splitCache.clear();
  const parts = splitNameUncached(name);
  splitCache.set(name, parts);
  return parts;
}

function splitNameUncached(name: string): NameParts {
  const words = name
    .split(/\s+/)
    .filter((w) => w && !/^\p{Lu}\.$/u.test(w))
    .map(foldName)
    .filter(Boolean);
  // `al-Assad` is found as `Assad` too: the surname is what follows a glued particle.
  const last = words.pop() ?? '';
  const dash = last.indexOf('-');
  const surname = dash > 0 && dash < last.length - 1 && NAME_PARTICLES.has(last.slice(0, dash)) ? last.slice(dash + 1) : last;
  const given = Object.freeze(words.filter((w) => !NAME_PARTICLES.has(w)));
  return Object.freeze({ given, surname });
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Consonant skeleton of a word for blocking: first letter kept, then voiced
 * and voiceless pairs and common transliteration pairs merged, vowels and
 * doubled letters dropped (`Blinken`, `Blingen`, `Blinkin` -> `blnkn`).
 */
export function consonantKey(word: string): string {
  const w = foldName(word).replace(/[^a-z]/g, '');
  if (!w) return '';
  const mapped = w
    .replace(/ph/g, 'f')
    .replace(/[gcq]/g, 'k')
    .replace(/[zs]/g, 's')
    .replace(/[dt]/g, 't')
    .replace(/[bp]/g, 'p')
    .replace(/[vw]/g, 'f')
    .replace(/[jy]/g, 'i');
  const first = w[0] ?? '';
  const rest = mapped.slice(1).replace(/[aeiouh]/g, '').replace(/(.)\1+/g, '$1');
  return first + rest;
}

/** Surnames that can be one person's name spelled two ways (`Blinken` / `Blingen` / `Bling`). */
export function similarSurnames(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b || a[0] !== b[0]) return false;
  const min = Math.min(a.length, b.length);
  if (min >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 3) return true;
  if (min < 5) return false;
  return jaroWinkler(a, b) >= 0.88 && distance(a, b) <= Math.max(2, Math.floor(min / 4));
}

/** Given names that can name the same person: equal, an initial, a known variant, or one spelling slip. */
export function compatibleGiven(a: readonly string[], b: readonly string[], lex: EntityLexicon): boolean {
  const fa = a[0];
  const fb = b[0];
  if (!fa || !fb) return true;
  if (fa === fb) return true;
  const va = lex.nameVariants.get(fa);
  if (va !== undefined && va === lex.nameVariants.get(fb)) return true;
  if (fa.length >= 5 && fb.length >= 5 && jaroWinkler(fa, fb) >= 0.9) return true;
  return false;
}
