/**
 * nlp stage: cleaned article text -> tokens (with character offsets, POS,
 * lemma) and sentences. wink-nlp runs once per paragraph so that sentences
 * never cross a paragraph break (headlines have no final period).
 * Input: text and its paragraph spans. Output: AnnotatedText.
 */
import type { AnnotatedText, Sentence, Span, Token } from '../types.js';
import { WINK_TOKEN, clearNlpHistory, getNlp, nlpHistoryOverflowed, readDocData, resetNlpHistory, type WinkNlp } from './create-nlp.js';

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
  // (Most paragraphs are too short to hold such a run: no scan.)
  if (text.length <= MAX_RUN_CHARS) return text;
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

/** A token's normal form and lower-cased lemma, as wink gives them, for the token text `text`. */
interface WordForms {
  readonly text: string;
  readonly pos: number;
  readonly normal: string;
  readonly lemma: string;
}
/**
 * Word forms already computed, by POS and token text. For a token that is not
 * part of a contraction, wink's `its.normal` and `its.lemma` are functions of
 * its text and POS: the model's entries for a word of its vocabulary (one
 * entry per text), else the lower-cased text and the rule-based lemmatizer
 * over it, which consults only the model's own vocabulary (see the history
 * tests: the same annotation as a fresh instance). Computing them once per
 * (POS, text) takes about a third of this stage's conversion time away.
 * Keyed by the numbers wink's token data holds (lexeme index and POS index),
 * which saves hashing the text at every token; an entry whose text is not the
 * token's (a lexeme number that an emptied table gave to another word, or
 * another instance's table) is computed again. Shared by every instance.
 * Emptied when it holds MAX_FORMS words (about 100 bytes each; the
 * 8,337-article corpus makes 74k). The forms a lexeme index had last are
 * also kept in an array by that index (most words always take one POS), read
 * before the map: an array read instead of a hash-table probe at most tokens.
 */
const formsByKey = new Map<number, WordForms>();
let lastForms: (WordForms | undefined)[] = [];
const MAX_FORMS = 200_000;
/** POS indices per lexeme index in a `formsByKey` key. */
const POS_SLOTS = (WINK_TOKEN.posMask >>> WINK_TOKEN.posShift) + 1;

/** Tokens and sentences of every paragraph, as the current state of `nlp` reads them. */
function readParagraphs(text: string, paragraphs: readonly Span[], nlp: WinkNlp): AnnotatedText {
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const numbers: number[] = [];
  paragraphs.forEach((para, paragraph) => {
    const chunk = blankLongRuns(text.slice(para.start, para.end));
    if (!chunk.trim()) return;
    // One pass over wink's raw token data (five `out()` arrays cost a third of this function's
    // time and most of its allocation). Text, spaces and POS are read from the token numbers
    // directly (see WinkDocData): through `its.value`, `its.precedingSpaces` and `its.pos`, each
    // a few hash-table reads (wink's objects have null prototypes), the loop took a third longer.
    const { data } = readDocData(nlp, chunk);
    if (!data) return;
    const { rdd } = data;
    const addons = data.addons as Parameters<typeof its.lemma>[2];
    const raw = rdd.tokens;
    const valueOf = rdd.cache.value;
    const n = rdd.numOfTokens;
    const base = tokens.length;
    const spans = rdd.sentences; // what doc.sentences().out(its.span) copies
    // Tokens outside every sentence span (never seen) take the paragraph's first sentence.
    const sentenceOf = new Array<number>(n).fill(sentences.length);
    spans.forEach(([first = 0, last = -1], k) => {
      for (let i = first; i <= last; i++) sentenceOf[i] = sentences.length + k;
    });
    const posNames = posNamesOf(rdd.cache);
    // wink's tokenisation is lossless (precedingSpaces + value rebuilds the
    // text) except that it caps precedingSpaces at 65,534 characters: where
    // the rebuilt offset does not hold the token, look for it further on.
    let offset = 0;
    for (let i = 0, t = 0; i < n; i++, t += WINK_TOKEN.size) {
      const value = valueOf(raw[t] as number) ?? '';
      const spacing = raw[t + 1] as number;
      const spaces = spacing & WINK_TOKEN.spacesMask;
      const at = offset + (spaces < WINK_TOKEN.spacesMask ? spaces : rdd.nonBreakingSpaces[i]?.length ?? 0);
      const found = chunk.startsWith(value, at) ? at : chunk.indexOf(value, at);
      offset = found < 0 ? at : found;
      const start = para.start + offset;
      offset += value.length;
      const posIndex = ((raw[t + 2] as number) & WINK_TOKEN.posMask) >>> WINK_TOKEN.posShift;
      const pos = posNames[posIndex] ?? 'X';
      const contraction = spacing > WINK_TOKEN.spacesMask; // its.contractionFlag
      const key = (raw[t] as number) * POS_SLOTS + posIndex;
      let forms = contraction ? undefined : lastForms[raw[t] as number];
      if (forms && (forms.pos !== posIndex || forms.text !== value)) forms = formsByKey.get(key);
      if (forms?.text !== value) {
        forms = {
          text: value,
          pos: posIndex,
          normal: its.normal(i, rdd) ?? value.toLowerCase(),
          lemma: (its.lemma(i, rdd, addons) ?? value).toLowerCase(),
        };
        if (!contraction) rememberForms(key, raw[t] as number, forms);
      }
      tokens.push({ text: value, normal: forms.normal, lemma: forms.lemma, pos, start, end: start + value.length, sentence: sentenceOf[i] as number });
      numbers.push(raw[t] as number);
    }
    for (const [first = 0, last = -1] of spans) {
      const firstToken = tokens[base + first];
      const lastToken = tokens[base + last];
      const start = firstToken?.start ?? para.start;
      sentences.push({ start, end: lastToken?.end ?? start, firstToken: base + first, lastToken: base + last, paragraph });
    }
  });
  const annotated = { text, tokens, sentences };
  wordNumbersOf.set(annotated, numbers);
  return annotated;
}

/**
 * The number wink's tables give each token's text (its lexeme index), for the annotations made
 * here. In one process the tokens of one number have one text until wink's tables are emptied (see
 * create-nlp.ts), so a later stage may keep what it computes of a text in an array by that number
 * (checking the text) instead of a map by the text: an array read instead of a hash-table probe.
 * Not part of the annotation: another instance numbers the words otherwise.
 */
const wordNumbersOf = new WeakMap<AnnotatedText, readonly number[]>();
export function wordNumbers(ann: AnnotatedText): readonly number[] | undefined {
  return wordNumbersOf.get(ann);
}

/** POS names by index (`its.pos`), read once per model. */
const posNamesByCache = new WeakMap<object, readonly (string | undefined)[]>();
function posNamesOf(cache: { valueOf(feature: string, index: number): string | undefined }): readonly (string | undefined)[] {
  let names = posNamesByCache.get(cache);
  if (!names) {
    names = Array.from({ length: (WINK_TOKEN.posMask >>> WINK_TOKEN.posShift) + 1 }, (_, k) => cache.valueOf('pos', k));
    posNamesByCache.set(cache, names);
  }
  return names;
}

function rememberForms(key: number, lexeme: number, forms: WordForms): void {
  if (formsByKey.size >= MAX_FORMS) {
    formsByKey.clear();
    lastForms = [];
  }
  formsByKey.set(key, forms);
  // (Grown one slot at a time: an array written far past its end would turn into a hash table.)
  while (lastForms.length < lexeme) lastForms.push(undefined);
  lastForms[lexeme] = forms;
}
