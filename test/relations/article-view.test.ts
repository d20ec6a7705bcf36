import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isQuoteMark, normKey } from '../../src/relations/article-view.js';

describe('isQuoteMark', () => {
  const cases: [string, boolean][] = [
    ['"', true],
    ['“', true],
    ['”', true],
    ['‘', true],
    ['’', true],
    ['«', true],
    ['»', true],
    ['„', true],
    ["'", true],
    ['``', true],
    ["''", true],
    ["'s", false],
    ['a', false],
    ['"a', false],
    ["'''", false],
    ['said', false],
    ['', false],
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} -> ${want}`, () => expect(isQuoteMark(text)).toBe(want));
  }
});

describe('normKey', () => {
  const cases: [string, string][] = [
    ['Beyoncé', 'beyonce'],
    ["the Kremlin's", 'kremlin'],
    ['The  White House', 'white house'],
    ['U.S.', 'u s'],
    ['Théâtre du Châtelet', 'theatre du chatelet'],
    ['the', 'the'],
    ['’s', ''],
  ];
  for (const [name, want] of cases) {
    it(`${JSON.stringify(name)} -> ${JSON.stringify(want)}`, () => expect(normKey(name)).toBe(want));
  }

  it('gives the same key when asked again, of letters, digits and single inner spaces only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const first = normKey(s);
        expect(normKey(s)).toBe(first);
        expect(first).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
      }),
    );
  });
});
