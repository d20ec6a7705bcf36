import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { phraseKey } from '../../src/extract/entity-lexicon.js';

/** phraseKey's full normalisation chain, which its fast path for plain ASCII tokens must agree with. */
const fullKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`´]/g, "'")
    .replace(/\./g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\p{L}{2,})isation/gu, '$1ization')
    .replace(/\bdefence\b/g, 'defense');

describe('phraseKey', () => {
  it.each([
    ['Russia', 'russia'],
    ["Russia's", "russia's"],
    ['U.S.', 'us'],
    ['Kyiv-based', 'kyiv-based'],
    ['  The   Kremlin ', 'the kremlin'],
    ['Zelenskyy’s', "zelenskyy's"],
    ['Pérez', 'perez'],
    ['Organisation', 'organization'],
    ['Organisations', 'organizations'],
    ['Ministry of Defence', 'ministry of defense'],
    ['Defenceless', 'defenceless'],
    ['', ''],
  ])('%j -> %j', (text, key) => {
    expect(phraseKey(text)).toBe(key);
  });

  it('agrees with the full normalisation on plain ASCII words', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9'-]{0,12}$/);
    fc.assert(fc.property(plain, (s) => phraseKey(s) === fullKey(s)));
  });

  it('agrees with the full normalisation on British and American spellings', () => {
    const parts = fc.constantFrom('Organisation', 'organization', 'Defence', 'DEFENCE', 'isation', 'Is', 'ation', '-', "'", ' ', '.', 'é');
    fc.assert(fc.property(fc.array(parts, { maxLength: 6 }).map((a) => a.join('')), (s) => phraseKey(s) === fullKey(s)));
  });

  it('agrees with the full normalisation on any ASCII text (names of several words, dots, any spacing)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 24 }), (s) => phraseKey(s) === fullKey(s)), { numRuns: 2000 });
    const parts = fc.constantFrom('St', '.', ' ', '  ', '\n', '\t', 'Louis', 'U', 'Defence', 'organisation', '`', '\u000b');
    fc.assert(fc.property(fc.array(parts, { maxLength: 8 }).map((a) => a.join('')), (s) => phraseKey(s) === fullKey(s)));
  });

  it('agrees with the full normalisation on any text', () => {
    const chars = fc.constantFrom('A', 'z', '9', "'", '-', '.', ' ', '\t', '’', '`', 'É', 'é', 'ß', 'İ', '\u0301', 'ﬁ', '²');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (s) => phraseKey(s) === fullKey(s)));
  });
});
