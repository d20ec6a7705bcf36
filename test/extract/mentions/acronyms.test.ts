import { describe, expect, it } from 'vitest';
import { acronymAt } from '../../../src/extract/mentions/acronyms.js';
import { scanOf } from './scan-helper.js';

describe('acronymAt: unknown all-capital words of organisations', () => {
  const cases: [string, string, boolean][] = [
    ['Traders at LIFFE were busy.', 'LIFFE', true],
    ['The bill was signed by King Charles III.', 'III', false],
    ['He watched it on TV then.', 'TV', false],
    ['MARKETS FALL AS LIFFE CLOSES', 'LIFFE', false],
  ];
  it.each(cases)('%s', (sentence, word, is) => {
    const { s, at } = scanOf(sentence);
    expect(acronymAt(s, at(word))).toBe(is);
  });
});
