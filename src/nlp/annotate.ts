/**
 * nlp stage: cleaned article text -> tokens (with character offsets, POS,
 * lemma) and sentences. wink-nlp runs once per paragraph so that sentences
 * never cross a paragraph break (headlines have no final period).
 * Input: text and its paragraph spans. Output: AnnotatedText.
 */
import type { AnnotatedText, Sentence, Span, Token } from '../types.js';
import { getNlp, resetNlpHistory, type WinkNlp } from './create-nlp.js';

/**
 * Annotates one article. The instance is reset first, so the result depends
 * on this article only, never on what the instance read before (see
 * create-nlp.ts): the same graph whatever the worker count, shard or order.
 */
export function annotate(text: string, paragraphs: readonly Span[], nlp: WinkNlp = getNlp()): AnnotatedText {
  resetNlpHistory(nlp);
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  paragraphs.forEach((para, paragraph) => {
    const chunk = text.slice(para.start, para.end);
    if (!chunk.trim()) return;
    const doc = nlp.readDoc(chunk);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const normals = doc.tokens().out(its.normal) as string[];
    // wink types its.lemma with a different signature; it is a token-level helper like its.normal.
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
    const base = tokens.length;
    // wink's tokenisation is lossless: precedingSpaces + value rebuilds the text.
    let offset = para.start;
    const starts: number[] = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      offset += (spaces[i] ?? '').length;
      starts[i] = offset;
      offset += (values[i] ?? '').length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    const sentenceOf = new Array<number>(values.length).fill(sentences.length);
    for (const [first, last] of spans) {
      const index = sentences.length;
      for (let i = first; i <= last; i++) sentenceOf[i] = index;
      const start = starts[first] ?? para.start;
      const lastStart = starts[last] ?? start;
      sentences.push({
        start,
        end: lastStart + (values[last] ?? '').length,
        firstToken: base + first,
        lastToken: base + last,
        paragraph,
      });
    }
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      tokens.push({
        text: value,
        normal: normals[i] ?? value.toLowerCase(),
        lemma: (lemmas[i] ?? value).toLowerCase(),
        pos: pos[i] ?? 'X',
        start: starts[i] ?? 0,
        end: (starts[i] ?? 0) + value.length,
        sentence: sentenceOf[i] ?? Math.max(0, sentences.length - 1),
      });
    }
  });
  return { text, tokens, sentences };
}
