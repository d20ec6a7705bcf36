import { describe, expect, it } from 'vitest';
import { annotate, wordNumbers } from '../../../src/nlp/annotate.js';
import { createNlp } from '../../../src/nlp/create-nlp.js';
import { detectMentions } from '../../../src/extract/detect-mentions.js';
import { lex, scanOf, spanText } from './scan-helper.js';

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

describe('MentionScan: word facts by the numbers wink gives the words, or by their texts alike', () => {
  // The second text is read by a fresh wink instance: its words' numbers name other words in the
  // tables the first reading filled, and must be told apart by their texts.
  const texts = [
    'The United Nations Security Council met in Geneva, where Russian Foreign Minister Sergei Lavrov spoke.',
    'Acme Widgets Ltd said the European Union and NATO would meet the Kremlin in New York next week.',
  ];
  const paras = (text: string): { start: number; end: number }[] => [{ start: 0, end: text.length }];
  it('finds the same mentions in an annotation and in a plain copy of it', () => {
    const fresh = createNlp();
    texts.forEach((text, k) => {
      const ann = k === 0 ? annotate(text, paras(text)) : annotate(text, paras(text), fresh);
      expect(wordNumbers(ann)).toHaveLength(ann.tokens.length);
      const copy = { ...ann };
      expect(wordNumbers(copy)).toBeUndefined();
      expect(detectMentions(ann, lex)).toEqual(detectMentions(copy, lex));
      expect(detectMentions(ann, lex).map((m) => m.text)).toContain(k === 0 ? 'Sergei Lavrov' : 'NATO');
    });
  });
});
