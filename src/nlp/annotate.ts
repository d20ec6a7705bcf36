/**
 * nlp stage: cleaned article text -> tokens (with character offsets, POS,
 * lemma) and sentences. wink-nlp runs once per paragraph so that sentences
 * never cross a paragraph break (headlines have no final period).
 * Input: text and its paragraph spans. Output: AnnotatedText.
 */
import type { AnnotatedText, Sentence, Span, Token } from '../types.js';
import { getNlp, resetNlpHistory, type WinkNlp } from './create-nlp.js';

/**
 * Runs of non-space characters longer than this are hidden from wink-nlp
 * (given to it as spaces of the same length, so offsets stay exact): its
 * tokenizer is quadratic in the length of such a run (a 20,000-char base64
 * blob takes 1.5 s, a 50 MB one takes hours). No word, name or ordinary URL
 * is this long; such runs are data URIs, base64, minified code.
 */
export const MAX_RUN_CHARS = 200;

const LONG_RUN = new RegExp(`\\S{${MAX_RUN_CHARS + 1},}`, 'g');

/** The text with every overlong non-space run replaced by as many spaces. */
export function blankLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => ' '.repeat(run.length));
}

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
    const chunk = blankLongRuns(text.slice(para.start, para.end));
    if (!chunk.trim()) return;
    const doc = nlp.readDoc(chunk);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const normals = doc.tokens().out(its.normal) as string[];
    // wink types its.lemma with a different signature; it is a token-level helper like its.normal.
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
    const base = tokens.length;
    // wink's tokenisation is lossless (precedingSpaces + value rebuilds the
    // text) except that it caps precedingSpaces at 65,534 characters: where
    // the rebuilt offset does not hold the token, look for it further on.
    let offset = 0;
    const starts: number[] = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      const at = offset + (spaces[i] ?? '').length;
      const found = chunk.startsWith(value, at) ? at : chunk.indexOf(value, at);
      offset = found < 0 ? at : found;
      starts[i] = para.start + offset;
      offset += value.length;
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
