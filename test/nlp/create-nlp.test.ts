/**
 * wink-nlp's tokenisation depends on what the instance read before (its
 * cache of out-of-vocabulary words); annotate() resets it per article so the
 * result depends on the article only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_HELD_WORDS, clearNlpHistory, createNlp, getNlp, nlpHistoryOverflowed, nlpHistorySize, resetNlpHistory, type WinkNlp,
} from '../../src/nlp/create-nlp.js';
import { annotate } from '../../src/nlp/annotate.js';
import { DATA_DIR } from '../../src/paths.js';
import type { Span } from '../../src/types.js';

const one = (text: string): { text: string; paragraphs: { start: number; end: number }[] } => ({ text, paragraphs: [{ start: 0, end: text.length }] });
const shape = (text: string) => annotate(one(text).text, one(text).paragraphs).tokens.map((t) => [t.text, t.pos, t.lemma, t.sentence]);

// Each pair: a text whose tokens change once the instance has read the primer.
const CASES: { primer: string; text: string }[] = [
  { primer: "He bought Verizon's.", text: "Shares of Verizon's rival rose." },
  { primer: "The deal went to Zelenskyy's.", text: "Zelenskyy's office said it would respond." },
  { primer: "They met at Blingen's.", text: "Blingen's remarks were brief." },
];
// Each pair: the same unknown text read with another token category (`490` is a word in
// `abc.490`, a number elsewhere): an entry kept from the primer has the wrong type and POS.
const CATEGORY_CASES: { primer: string; text: string }[] = [
  { primer: 'See ref abc.490 below.', text: 'It cost 490 dollars.' },
  { primer: 'It cost 490 dollars.', text: 'See ref abc.490 below.' },
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

  it.each([...CASES, ...CATEGORY_CASES])('annotate gives the same tokens for "$text" whatever was read before', ({ primer, text }) => {
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

  it('words read before are kept (not recomputed) but bounded, and clearNlpHistory empties the tables', () => {
    const nlp = getNlp();
    clearNlpHistory(nlp);
    expect(nlpHistorySize(nlp)).toBe(0);
    const doc = (i: number): string => `Xqzvbl${i} met Wrrpq${i}'s envoy in Plorvik${i}.`;
    for (let i = 0; i < 20; i++) annotate(doc(i), [{ start: 0, end: doc(i).length }]);
    const held = nlpHistorySize(nlp);
    expect(held).toBeGreaterThan(20 * 3);
    // the same words again: revived, not added
    for (let i = 0; i < 20; i++) annotate(doc(i), [{ start: 0, end: doc(i).length }]);
    expect(nlpHistorySize(nlp)).toBe(held);
    clearNlpHistory(nlp);
    expect(nlpHistorySize(nlp)).toBe(0);
  });

  it(`holds at most MAX_HELD_WORDS (${MAX_HELD_WORDS}) words plus one article's`, () => {
    const nlp = getNlp();
    clearNlpHistory(nlp);
    const perArticle = 25_000;
    let most = 0;
    for (let a = 0; a * perArticle <= MAX_HELD_WORDS + perArticle; a++) {
      const text = Array.from({ length: perArticle }, (_, i) => `qz${a}x${i}`).join(' ');
      resetNlpHistory(nlp);
      nlp.readDoc(text);
      most = Math.max(most, nlpHistorySize(nlp));
    }
    expect(most).toBeGreaterThan(MAX_HELD_WORDS);
    expect(most).toBeLessThanOrEqual(MAX_HELD_WORDS + 3 * perArticle); // words, their lower-case forms, shapes
    clearNlpHistory(nlp);
  });
});

/** The sample articles as paragraphs split on blank lines. */
function sampleArticles(): { text: string; paragraphs: Span[] }[] {
  const dir = path.join(DATA_DIR, 'articles');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const paragraphs: Span[] = [];
    let at = 0;
    for (const p of text.split('\n\n')) {
      if (p.trim()) paragraphs.push({ start: at, end: at + p.length });
      at += p.length + 2;
    }
    return { text, paragraphs };
  });
}

describe('wink-nlp history: the shared instance reads every article as a fresh one', () => {
  const articles = [...sampleArticles(), ...[...CASES, ...CATEGORY_CASES].flatMap(({ primer, text }) => [primer, text].map((t) => ({ text: t, paragraphs: [{ start: 0, end: t.length }] })))];
  const fresh = (a: { text: string; paragraphs: Span[] }): ReturnType<typeof annotate> => annotate(a.text, a.paragraphs, createNlp());
  const expected = articles.map(fresh);

  it.each([
    ['in order', (xs: number[]) => xs],
    ['reversed', (xs: number[]) => [...xs].reverse()],
    ['interleaved twice', (xs: number[]) => [...xs, ...xs].sort((a, b) => (a * 7) % xs.length - (b * 7) % xs.length)],
  ])('%s', (_name, order) => {
    const nlp = getNlp();
    for (const i of order(articles.map((_, i) => i))) {
      expect(annotate(articles[i]!.text, articles[i]!.paragraphs, nlp)).toEqual(expected[i]);
    }
  });

  it('an article that overflows a packed feature field after a long history is read again from empty tables', () => {
    // Two-character prefixes have a 13-bit field in wink-eng-lite-web-model (8,192 values, 1,279
    // of them the model's): 3,400 new ones leave the tables under half full (kept), and 3,600
    // more overflow the field, which a fresh instance reading only those 3,600 does not.
    const nlp: WinkNlp = createNlp();
    const article = (k: number): { text: string; paragraphs: Span[] } => {
      const words = Array.from({ length: k === 0 ? 3400 : 3600 }, (_, i) => String.fromCodePoint(0x4e00 + k * 4000 + i) + 'x');
      const text = words.join(' ');
      return { text, paragraphs: [{ start: 0, end: text.length }] };
    };
    const a = [0, 1].map(article);
    annotate(a[0]!.text, a[0]!.paragraphs, nlp);
    resetNlpHistory(nlp);
    nlp.readDoc(a[1]!.text);
    expect(nlpHistoryOverflowed(nlp)).toBe(true); // the case annotate guards against
    clearNlpHistory(nlp);
    annotate(a[0]!.text, a[0]!.paragraphs, nlp);
    expect(annotate(a[1]!.text, a[1]!.paragraphs, nlp)).toEqual(fresh(a[1]!));
    expect(nlpHistoryOverflowed(nlp)).toBe(false);
  });

  it('the sentence and POS automata have no transition on an added word\'s index number', () => {
    // create-nlp.ts relies on this: added words' numbers differ from a fresh instance's.
    const require = createRequire(import.meta.url);
    const model = require('wink-eng-lite-web-model') as Record<string, unknown>;
    const known = (require('wink-eng-lite-web-model/dist/read-core-model.js') as () => { features: { lexeme: { list: unknown[] } } })().features.lexeme.list.length;
    let keys = 0;
    for (const name of ['sbd', 'pos']) {
      const part = model[name] as { machines?: string[] } | (() => { machines: string[] });
      const machines = typeof part === 'function' ? part().machines : part.machines ?? [];
      for (const json of machines) {
        const fsm = (JSON.parse(json) as unknown[])[2] as Record<string, Record<string, number>>;
        for (const state of Object.values(fsm)) {
          for (const key of Object.keys(state)) {
            keys += 1;
            const n = Number(key);
            expect(n >= known && n < 1_080_000, `automaton key ${key}`).toBe(false);
          }
        }
      }
    }
    expect(keys).toBeGreaterThan(100);
  });
});
