import { describe, expect, it } from 'vitest';
import { acronymAt } from '../../../src/extract/mentions/acronyms.js';
import { scanOf } from './scan-helper.js';

describe('acronymAt: unknown all-capital words of organisations', () => {
  const cases: [string, string, boolean][] = [
    ['Traders at LIFFE were busy.', 'LIFFE', true],
    ['The bill was signed by King Charles III.', 'III', false],
    ['He watched it on TV then.', 'TV', false],
    ['MARKETS FALL AS LIFFE CLOSES', 'LIFFE', false],
    ['Prices of heating oil rose. OIL : the index gained 2 points.', 'OIL', false],
    ['Crude oil prices rose, LIFFE said.', 'LIFFE', true],
  ];
  it.each(cases)('%s', (sentence, word, is) => {
    const { s, at } = scanOf(sentence);
    expect(acronymAt(s, at(word))).toBe(is);
  });
});
