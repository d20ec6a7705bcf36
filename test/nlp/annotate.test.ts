import { describe, expect, it } from 'vitest';
import { MAX_RUN_CHARS, annotate, blankLongRuns } from '../../src/nlp/annotate.js';

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

  it('hides overlong non-space runs (base64, data URIs) from wink in linear time, keeping offsets exact', () => {
    // 2 MB of base64-like text on one line: wink alone is quadratic in such a run (minutes).
    const blob = 'QUJD+/xyz0123456789'.repeat(110_000);
    const text = `Lavrov met Blinken in Geneva. ${blob} Both ministers spoke.`;
    const started = performance.now();
    const ann = annotate(text, [{ start: 0, end: text.length }]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ann.text).toBe(text);
    expect(ann.tokens.map((t) => t.text)).toEqual(['Lavrov', 'met', 'Blinken', 'in', 'Geneva', '.', 'Both', 'ministers', 'spoke', '.']);
    for (const t of ann.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['a URL of ordinary length is kept', `see https://example.org/${'a'.repeat(100)} now`, true],
    ['a run of exactly the limit is kept', 'x'.repeat(MAX_RUN_CHARS), true],
    ['a run one longer than the limit is blanked', 'x'.repeat(MAX_RUN_CHARS + 1), false],
  ])('%s', (_name, text, kept) => {
    const out = blankLongRuns(text);
    expect(out.length).toBe(text.length);
    expect(out === text).toBe(kept);
    if (!kept) expect(out.trim()).toBe('');
  });
});
