import { describe, expect, it } from 'vitest';
import { headlineSentences, skippedTokens } from '../../../src/extract/mentions/page-layout.js';
import { annotate } from '../../../src/nlp/annotate.js';

const ann = (text: string) => annotate(text, [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })));

describe('headlineSentences', () => {
  const cases: [string, boolean, boolean][] = [
    ['Talks Resume As Leaders Meet In Geneva', true, false],
    ['MARKETS FALL IN EARLY TRADE', false, true],
    ['The talks resumed in Geneva on Monday.', false, false],
  ];
  it.each(cases)('%s', (text, titleCase, allCaps) => {
    const h = headlineSentences(ann(text));
    expect([h.titleCase.has(0), h.allCaps.has(0)]).toEqual([titleCase, allCaps]);
  });
});

describe('skippedTokens: bylines, credits and cue paragraphs', () => {
  const cases: [string, string, boolean][] = [
    ['Maria Ortega\nThe talks resumed.', 'Maria', true],
    ['The talks resumed (Photo: Reuters) on Monday.', 'Reuters', true],
    ['The talks resumed on Monday.', 'talks', false],
    ['(CNN) -- The talks resumed on Monday.', 'CNN', true],
    ['LONDON (Reuters) - The talks resumed on Monday.', 'Reuters', true],
    ['The talks resumed, a spokesman told CNN (the broadcaster) on Monday.', 'CNN', false],
  ];
  it.each(cases)('%s', (text, word, skipped) => {
    const a = ann(text);
    const k = a.tokens.findIndex((t) => t.text === word);
    expect(skippedTokens(a, [], new Set())[k] === 1).toBe(skipped);
  });
});
