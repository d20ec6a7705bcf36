/**
 * nlp stage: cleaned article text -> tokens (with character offsets, POS,
 * lemma) and sentences. wink-nlp runs once per paragraph so that sentences
 * never cross a paragraph break (headlines have no final period).
 * Input: text and its paragraph spans. Output: AnnotatedText.
 */
import type { AnnotatedText, Sentence, Span, Token } from '../types.js';
import { clearNlpHistory, getNlp, nlpHistoryOverflowed, readDocData, resetNlpHistory, type WinkNlp } from './create-nlp.js';

/**
 * Runs of non-space characters longer than this are hidden from wink-nlp
 * (given to it as spaces of the same length, so offsets stay exact): its
 * tokenizer is quadratic in the length of such a run (a 20,000-char base64
 * blob takes 1.5 s, a 50 MB one takes hours). No word, name or ordinary URL
 * is this long; such runs are data URIs, base64, minified code.
 */
export const MAX_RUN_CHARS = 200;

// Tried only where a run starts (a run too short from its start is too short from anywhere in it):
// half the scanning of the bare `\S{201,}`.
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_RUN_CHARS + 1},}`, 'g');

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
  const annotated = readParagraphs(text, paragraphs, nlp);
  if (!nlpHistoryOverflowed(nlp)) return annotated;
  // A packed field of wink's tables overflowed while reading (see create-nlp.ts): read it again
  // from the just-loaded state, as a fresh instance would.
  clearNlpHistory(nlp);
  return readParagraphs(text, paragraphs, nlp);
}

/** Tokens and sentences of every paragraph, as the current state of `nlp` reads them. */
function readParagraphs(text: string, paragraphs: readonly Span[], nlp: WinkNlp): AnnotatedText {
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  paragraphs.forEach((para, paragraph) => {
    const chunk = blankLongRuns(text.slice(para.start, para.end));
    if (!chunk.trim()) return;
    // One pass over wink's raw token data with its own `its` helpers (five `out()` arrays cost
    // a third of this function's time and most of its allocation).
    const { doc, data } = readDocData(nlp, chunk);
    const rdd = data?.rdd;
    const n = rdd?.numOfTokens ?? 0;
    const base = tokens.length;
    // wink's tokenisation is lossless (precedingSpaces + value rebuilds the
    // text) except that it caps precedingSpaces at 65,534 characters: where
    // the rebuilt offset does not hold the token, look for it further on.
    let offset = 0;
    const values: string[] = new Array<string>(n);
    const starts: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const value = its.value(i, rdd) ?? '';
      values[i] = value;
      const at = offset + (its.precedingSpaces(i, rdd) ?? '').length;
      const found = chunk.startsWith(value, at) ? at : chunk.indexOf(value, at);
      offset = found < 0 ? at : found;
      starts[i] = para.start + offset;
      offset += value.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    const sentenceOf = new Array<number>(n).fill(sentences.length);
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
    for (let i = 0; i < n; i++) {
      const value = values[i] ?? '';
      const start = starts[i] ?? 0;
      tokens.push({
        text: value,
        normal: its.normal(i, rdd) ?? value.toLowerCase(),
        lemma: (its.lemma(i, rdd, data?.addons as Parameters<typeof its.lemma>[2]) ?? value).toLowerCase(),
        pos: its.pos(i, rdd) ?? 'X',
        start,
        end: start + value.length,
        sentence: sentenceOf[i] ?? Math.max(0, sentences.length - 1),
      });
    }
  });
  return { text, tokens, sentences };
}
