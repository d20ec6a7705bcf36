import { foldDiacritics } from './fold.js';

/** The lookup key of a name (accents, case, possessive, punctuation and a leading `the` dropped). */
export const normKey = (s: string): string =>
  foldDiacritics(s)
    .toLowerCase()
    .replace(/[’'`´]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();
