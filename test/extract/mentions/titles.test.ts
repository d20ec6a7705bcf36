import { describe, expect, it } from 'vitest';
import { affiliationBefore, titleRunAt } from '../../../src/extract/mentions/titles.js';
import { scanOf } from './scan-helper.js';

describe('titleRunAt: title words with their tails', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['Foreign Minister Sergei Lavrov spoke.', 'Foreign', 'Foreign Minister', undefined],
    ['Secretary of State Antony Blinken spoke.', 'Secretary', 'Secretary of State', undefined],
    ['The Minister of Finance resigned.', 'Minister', 'Minister of Finance', undefined],
    ['The President of France spoke.', 'President', 'President of France', 'France'],
    ['Mr Smith arrived.', 'Mr', 'Mr', undefined],
    ['The weather was fine.', 'weather', undefined, undefined],
  ];
  it.each(cases)('%s', (sentence, first, role, tail) => {
    const { s, at, last } = scanOf(sentence);
    const t = titleRunAt(s, at(first), last);
    expect(t?.role).toBe(role);
    expect(t?.tailAffiliation?.name).toBe(tail);
  });
  it('honorifics alone are marked as such', () => {
    const { s, at, last } = scanOf('Mrs Jones arrived.');
    expect(titleRunAt(s, at('Mrs'), last)).toMatchObject({ honorificOnly: true, gender: 'f' });
  });
});

describe('affiliationBefore: what stands right before a title', () => {
  it('an organisation or country phrase ending right before the title, in the same sentence', () => {
    const { s, at } = scanOf('State Department spokesman Ned Price spoke.');
    s.affiliationAt.set(at('Department'), { name: 'US State Department', type: 'Organisation', first: 0 });
    expect(affiliationBefore(s, at('spokesman'))?.name).toBe('US State Department');
    expect(affiliationBefore(s, at('Ned'))).toBeUndefined();
  });
});
