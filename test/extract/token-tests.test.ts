import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCap } from '../../src/extract/token-tests.js';
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
