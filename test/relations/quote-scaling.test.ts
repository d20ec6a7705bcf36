/**
 * The speaker-name and quote stages read each token, sentence and mention a
 * bounded number of times however many attributed quotations an article has:
 * the work on twice the lines is about twice the work (a scan over every
 * earlier quote or mention per quote would make it four times). Work is
 * counted as property reads on the stages' inputs, not as time.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { detectMentions } from '../../src/extract/detect-mentions.js';
import { resolveArticle } from '../../src/resolve/resolve-article.js';
import { addSpeakerNames } from '../../src/relations/speaker-names.js';
import { extractQuotes } from '../../src/relations/extract-quotes.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import type { AnnotatedText } from '../../src/types.js';

const lex = loadLexicons();

/** Frames that reach the different speaker steps: a name, a role description, a demonym surname, a new name. */
const FRAMES = ['Lavrov said.', 'the businessman said. Tom Smith agreed.', 'Cuban said.', 'said Anna Berg, a teacher.'];

function article(lines: number): { text: string; paragraphs: { start: number; end: number }[] } {
  const paras = Array.from({ length: lines }, (_, i) => `"We went over item ${i} of the plan at length," ${FRAMES[i % FRAMES.length] ?? ''}`);
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of paras) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { text: paras.join('\n\n'), paragraphs };
}

/** Wraps each element so that every property read on it adds one to `reads.n`. */
function counted<T extends object>(items: readonly T[], reads: { n: number }): T[] {
  return items.map((x) => new Proxy(x, { get: (t, k, r) => (reads.n++, Reflect.get(t, k, r)) }));
}

/** Reads of tokens, sentences and mentions made by the two stages on an article of `lines` quotations. */
function work(lines: number): { reads: number; quotes: number } {
  const { text, paragraphs } = article(lines);
  const plain = annotate(text, paragraphs);
  const resolved = resolveArticle(detectMentions(plain, lex.entities), plain, lex.entities);
  const reads = { n: 0 };
  const ann: AnnotatedText = { text, tokens: counted(plain.tokens, reads), sentences: counted(plain.sentences, reads) };
  const sp = addSpeakerNames(ann, counted(resolved.mentions, reads), resolved.entities, lex.relations, lex.entities);
  const quotes = extractQuotes(ann, counted(sp.mentions, reads), sp.entities, lex.relations);
  return { reads: reads.n, quotes: quotes.length };
}

describe('quote stages on an article of many attributed quotations', () => {
  it('do about twice the work for twice the quotations', () => {
    const a = work(1500);
    const b = work(3000);
    expect(a.quotes).toBe(1500);
    expect(b.quotes).toBe(3000);
    expect(b.reads / a.reads).toBeLessThan(2.3);
  }, 120_000);
});
