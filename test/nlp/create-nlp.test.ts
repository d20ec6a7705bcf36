/**
 * wink-nlp's tokenisation depends on what the instance read before (its
 * cache of out-of-vocabulary words); annotate() resets it per article so the
 * result depends on the article only.
 */
import { describe, expect, it } from 'vitest';
import { getNlp, nlpHistorySize, resetNlpHistory } from '../../src/nlp/create-nlp.js';
import { annotate } from '../../src/nlp/annotate.js';

const one = (text: string): { text: string; paragraphs: { start: number; end: number }[] } => ({ text, paragraphs: [{ start: 0, end: text.length }] });
const shape = (text: string) => annotate(one(text).text, one(text).paragraphs).tokens.map((t) => [t.text, t.pos, t.lemma, t.sentence]);

// Each pair: a text whose tokens change once the instance has read the primer.
const CASES: { primer: string; text: string }[] = [
  { primer: "He bought Verizon's.", text: "Shares of Verizon's rival rose." },
  { primer: "The deal went to Zelenskyy's.", text: "Zelenskyy's office said it would respond." },
  { primer: "They met at Blingen's.", text: "Blingen's remarks were brief." },
];

describe('wink-nlp history', () => {
  it.each(CASES)('raw wink-nlp reads "$text" differently after "$primer" (the cause)', ({ primer, text }) => {
    const nlp = getNlp();
    resetNlpHistory(nlp);
    const before = nlp.readDoc(text).tokens().out();
    nlp.readDoc(primer);
    const after = nlp.readDoc(text).tokens().out();
    expect(after).not.toEqual(before);
    resetNlpHistory(nlp);
    expect(nlp.readDoc(text).tokens().out()).toEqual(before);
  });

  it.each(CASES)('annotate gives the same tokens for "$text" whatever was read before', ({ primer, text }) => {
    const first = shape(text);
    shape(primer);
    getNlp().readDoc(primer); // even a raw read outside annotate
    expect(shape(text)).toEqual(first);
  });

  it('a reset with nothing new read changes nothing', () => {
    const nlp = getNlp();
    const a = shape('Russia warned NATO on Tuesday.');
    resetNlpHistory(nlp);
    resetNlpHistory(nlp);
    expect(shape('Russia warned NATO on Tuesday.')).toEqual(a);
  });

  it('memory does not grow with the vocabulary read: the tables are put back', () => {
    const nlp = getNlp();
    resetNlpHistory(nlp);
    expect(nlpHistorySize(nlp)).toBe(0);
    const doc = (i: number): string => `Xqzvbl${i} met Wrrpq${i}'s envoy in Plorvik${i}.`;
    nlp.readDoc(doc(0));
    expect(nlpHistorySize(nlp)).toBeGreaterThan(0);
    for (let i = 1; i < 200; i++) annotate(doc(i), [{ start: 0, end: doc(i).length }]);
    // annotate resets before each article: only the last article's words are held
    const perArticle = nlpHistorySize(nlp);
    expect(perArticle).toBeGreaterThan(0);
    expect(perArticle).toBeLessThan(40);
    resetNlpHistory(nlp);
    expect(nlpHistorySize(nlp)).toBe(0);
  });
});
