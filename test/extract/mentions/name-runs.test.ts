import { describe, expect, it } from 'vitest';
import { nameRunFrom } from '../../../src/extract/mentions/name-runs.js';
import { scanOf, spanText } from './scan-helper.js';

describe('nameRunFrom: a name from its first word', () => {
  const cases: [string, string, string][] = [
    ['Later Joost van der Westhuizen scored.', 'Joost', 'Joost van der Westhuizen'],
    ['Later Linda Thomas-Greenfield spoke.', 'Linda', 'Linda Thomas-Greenfield'],
    ['Later Kim In-so spoke.', 'Kim', 'Kim In-so'],
    ['Later Roberto "Hands of Stone" Duran fought.', 'Roberto', 'Roberto "Hands of Stone" Duran'],
    ['Later Maria Ortega and Peter spoke.', 'Maria', 'Maria Ortega'],
  ];
  it.each(cases)('%s', (sentence, first, name) => {
    const { s, at, last } = scanOf(sentence);
    const f = at(first);
    expect(spanText(s, f, nameRunFrom(s, f, last))).toBe(name);
  });
});
