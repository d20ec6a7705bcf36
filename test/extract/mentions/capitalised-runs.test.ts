import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../../src/extract/mentions/capitalised-runs.js';
import { scanOf } from './scan-helper.js';

describe('classifyRun: what an unknown capitalised run names', () => {
  const cases: [string, string, string, 'person' | 'org' | 'none'][] = [
    ['Later Maria Ortega spoke.', 'Maria', 'Ortega', 'person'],
    ['Fans came to Tiananmen Square again.', 'Tiananmen', 'Square', 'none'],
    ['The Seattle Mariners won.', 'Seattle', 'Mariners', 'org'],
    ['The Franco-German plan stalled.', 'Franco', 'German', 'none'],
  ];
  it.each(cases)('%s', (sentence, first, lastWord, kind) => {
    const { s, at } = scanOf(sentence);
    const f = at(first);
    expect(classifyRun(s, f, at(lastWord, f))).toBe(kind);
  });
});
