import { describe, expect, it } from 'vitest';
import { metonymAt, namePersonMetonyms } from '../../../src/extract/mentions/metonyms.js';
import { scanOf } from './scan-helper.js';

describe('metonymAt: a state named by its organs', () => {
  const cases: [string, string, string | undefined][] = [
    ['The talks stalled because the French government refused.', 'the', 'France'],
    ['Officials said the US side had agreed.', 'the', 'United States'],
    ['Reporters asked the Kremlin leadership for comment.', 'the', 'Russia'],
    ['The US government officials arrived late.', 'The', undefined],
    ['The old government fell in May.', 'The', undefined],
  ];
  it.each(cases)('%s', (sentence, first, state) => {
    const { s, at, last } = scanOf(sentence);
    const next = metonymAt(s, at(first), last);
    if (state === undefined) return expect(next).toBeUndefined();
    expect(s.drafts.map((d) => [d.type, d.kind, d.name])).toEqual([['Country', 'metonym', state]]);
  });
  it('a metonym named by a person takes the state the person serves, once the article is scanned', () => {
    const { s, at, last } = scanOf('Critics said the Macron government had waited too long.');
    metonymAt(s, at('the'), last);
    expect(s.pendingPersonMetonyms).toHaveLength(1);
    namePersonMetonyms(s.drafts, s.pendingPersonMetonyms, s.lex);
    expect(s.drafts[0]?.name).toBe('France');
  });
});
