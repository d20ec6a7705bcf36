import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_RUN_CHARS, annotate, blankLongRuns } from '../../src/nlp/annotate.js';
import { getNlp, resetNlpHistory } from '../../src/nlp/create-nlp.js';

const para = (text: string) => {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    spans.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return spans;
};

/** A paragraph's tokens read through wink's public API, one out() array per property. */
function readPublic(text: string): { text: string; normal: string; lemma: string; pos: string; spaces: number }[] {
  const nlp = getNlp();
  resetNlpHistory(nlp);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
  return values.map((v, i) => ({ text: v, normal: normals[i]!, lemma: lemmas[i]!.toLowerCase(), pos: pos[i]!, spaces: spaces[i]!.length }));
}

describe('annotate', () => {
  it.each([
    ['contractions and curly quotes', 'He didn’t warn Moscow, and they can\'t say it won\'t happen. “We’re ready,” Lavrov said.'],
    ['non-breaking and repeated spaces', 'Ned\u00a0Price   said\u2009the U.S.\u00a0\u00a0side was ready.'],
    ['numbers, URLs, e-mails, hashtags', 'On 3/4/2022 at 10:30am, 1,200 troops (#Ukraine) moved; see https://example.org/x or mail a@b.co.'],
    ['unknown words and possessives', "Verizon's rival Zyxwvut's chief, Mr. Qwerty-Asdf, met Blingen's aides."],
    // forms remembered from the first sentences must not leak into other roles or contractions
    ['repeated words in other roles', "They can't record the record. We can record it, can't we? Records were set. The record's record stands; I'm sure they're set."],
  ])('reads the same tokens as wink\'s public out() arrays: %s', (_name, text) => {
    const ann = annotate(text, [{ start: 0, end: text.length }]);
    const expected = readPublic(text);
    expect(ann.tokens.map((t) => ({ text: t.text, normal: t.normal, lemma: t.lemma, pos: t.pos }))).toEqual(
      expected.map(({ spaces: _s, ...t }) => t),
    );
    // Offsets: each token starts after its preceding spaces (the spaces wink reports).
    let at = 0;
    ann.tokens.forEach((t, i) => {
      at += expected[i]!.spaces;
      expect(t.start).toBe(at);
      at = t.end;
    });
  });

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
    ['short runs split by other white space than a space are kept', `${'x'.repeat(150)}\n${'x'.repeat(150)}\u00a0x`, true],
    ['a long run between newlines (no space anywhere) is blanked', `\n${'x'.repeat(MAX_RUN_CHARS + 1)}\n`, false],
  ])('%s', (_name, text, kept) => {
    const out = blankLongRuns(text);
    expect(out.length).toBe(text.length);
    expect(out === text).toBe(kept);
    if (!kept) expect(out.trim()).toBe('');
  });

  it('blanks exactly the non-space runs longer than the limit (any spacing, runs of any length)', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', '\n', '\t', '\u00a0', '  '),
      fc.integer({ min: 1, max: MAX_RUN_CHARS + 40 }).map((n) => 'x'.repeat(n)),
      fc.constantFrom('ab', 'é', '—', '.'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        const expected = text.replace(new RegExp(`\\S{${MAX_RUN_CHARS + 1},}`, 'g'), (run) => ' '.repeat(run.length));
        return blankLongRuns(text) === expected;
      }),
    );
  });
});
