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
    // A dateline's place: before a dash a few words on, with no verb between.
    ['Prices fell. BONN, March 2 - The central bank kept rates.', 'BONN', false],
    ['Prices fell. SAO PAULO (Reuters) -- The company said output rose.', 'PAULO', false],
    ['Prices fell. LIFFE, the exchange, said trading was slow.', 'LIFFE', true],
    ['Prices fell. LIFFE said trading was slow - very slow.', 'LIFFE', true],
    // A stock ticker.
    ['Shares of Mobil Corp <MOB> rose.', 'MOB', false],
  ];
  it.each(cases)('%s', (sentence, word, is) => {
    const { s, at } = scanOf(sentence);
    expect(acronymAt(s, at(word))).toBe(is);
  });
});
