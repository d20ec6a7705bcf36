import { describe, expect, it } from 'vitest';
import { scanOf, spanText } from './scan-helper.js';

describe('MentionScan.lexMatchAt: the longest lexicon phrase from a token', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['Delegates at the United Nations Security Council voted.', 'United', 'United Nations Security Council', undefined],
    ['The Russian Federation objected.', 'Russian', 'Russian Federation', 'Russia'],
    ['The weather was fine.', 'weather', undefined, undefined],
  ];
  it.each(cases)('%s', (sentence, word, surface, name) => {
    const { s, at, last } = scanOf(sentence);
    const m = s.lexMatchAt(at(word), last);
    expect(m && spanText(s, m.first, m.last)).toBe(surface);
    if (name) expect(m?.entry.name).toBe(name);
  });
});

describe('MentionScan.isNameToken', () => {
  const cases: [string, string, boolean][] = [
    ['Later Maria spoke.', 'Maria', true],
    ['Later the Minister spoke.', 'Minister', false],
    ['Later 42 people came.', '42', false],
    ['Talks with NATO went well.', 'NATO', false],
  ];
  it.each(cases)('%s: %s', (sentence, word, is) => {
    const { s, at } = scanOf(sentence);
    const k = at(word);
    expect(s.isNameToken(s.tokens[k], k)).toBe(is);
  });
});
