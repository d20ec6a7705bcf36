import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCap, letterCase, NO_LETTER, NO_LOWER, SOME_LOWER } from '../../src/extract/token-tests.js';
import type { Token } from '../../src/types.js';

const token = (text: string): Token => ({ text, normal: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'X', start: 0, end: text.length, sentence: 0 });

describe('isCap', () => {
  it.each([
    ['Putin', true],
    ['putin', false],
    ['US', true],
    ['Élysée', true],
    ['élysée', false],
    ['Ümit', true],
    ['Σοφία', true],
    ['σοφία', false],
    ['Москва', true],
    ['ß', false],
    ['𝐀bc', true],
    ['1990s', false],
    ['"Hello', false],
    ['@', false],
    ['[', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(isCap(token(text))).toBe(expected);
  });

  it('agrees with /^\\p{Lu}/u on any text (the ASCII fast path changes nothing)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 4 }), (text) => {
        expect(isCap(token(text))).toBe(/^\p{Lu}/u.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('letterCase', () => {
  /** The definition the char-code fast path must agree with. */
  const byRegex = (text: string): number => (!/\p{L}/u.test(text) ? NO_LETTER : /\p{Ll}/u.test(text) ? SOME_LOWER : NO_LOWER);

  it.each([
    ['said', SOME_LOWER],
    ['NATO', NO_LOWER],
    ['U.S.', NO_LOWER],
    ['iSrael', SOME_LOWER],
    ['1996-08-30', NO_LETTER],
    ['.', NO_LETTER],
    ['', NO_LETTER],
    ['ÉLYSÉE', NO_LOWER],
    ['Élysée', SOME_LOWER],
    ['MOSKVA-Москва', SOME_LOWER],
    ['12ß', SOME_LOWER],
    ['٣٤', NO_LETTER],
    ['中国', NO_LOWER],
  ])('%j -> %d', (text, expected) => {
    expect(letterCase(text)).toBe(expected);
  });

  it('agrees with the Unicode letter classes on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 6 }), (text) => {
        expect(letterCase(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
    const chars = fc.constantFrom('A', 'z', '9', '-', '.', ' ', 'É', 'é', 'ß', 'Σ', 'ω', '中', '٣', '\u0301');
    fc.assert(fc.property(fc.array(chars, { maxLength: 8 }).map((a) => a.join('')), (text) => letterCase(text) === byRegex(text)));
  });
});
