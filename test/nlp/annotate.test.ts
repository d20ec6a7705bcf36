import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';

const para = (text: string) => {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    spans.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return spans;
};

describe('annotate', () => {
  it('gives every token offsets that slice back to its text', () => {
    const text = '“The secretary urged Russia,” State Department spokesman Ned Price said.\n\nHe didn’t warn Moscow.  U.S. officials met.';
    const ann = annotate(text, para(text));
    expect(ann.tokens.length).toBeGreaterThan(20);
    for (const t of ann.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const price = ann.tokens.find((t) => t.text === 'Price');
    expect(price?.pos).toBe('PROPN');
    expect(ann.tokens.find((t) => t.text === 'urged')?.lemma).toBe('urge');
  });

  it('never lets a sentence cross a paragraph break (headlines have no period)', () => {
    const text = 'Blinken and Lavrov talk on the phone\n\nThe two ministers spoke on Tuesday.';
    const ann = annotate(text, para(text));
    expect(ann.sentences).toHaveLength(2);
    expect(text.slice(ann.sentences[0]!.start, ann.sentences[0]!.end)).toBe('Blinken and Lavrov talk on the phone');
    expect(ann.sentences[1]!.paragraph).toBe(1);
    for (const t of ann.tokens) {
      const s = ann.sentences[t.sentence]!;
      expect(t.start).toBeGreaterThanOrEqual(s.start);
      expect(t.end).toBeLessThanOrEqual(s.end);
    }
  });

  it('splits sentences within a paragraph and skips blank paragraphs', () => {
    const text = 'Russia denied it. NATO disagreed.\n\n   ';
    const ann = annotate(text, [{ start: 0, end: 33 }, { start: 35, end: 38 }]);
    expect(ann.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Russia denied it.', 'NATO disagreed.']);
  });
});
