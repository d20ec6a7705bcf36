/**
 * The learned span tagger: a greedy averaged-perceptron tagger of Person / Organisation /
 * Location spans (BIO labels, MISC learned so that it is not taken for one of them), trained on
 * the CoNLL-2003 training split by `scripts/train-tagger.mjs`. Only candidate tokens (capitalised
 * words and the lower-case links inside a capitalised run) are scored; every other token is `O`.
 * Features: the word, its shape, affixes, wink's POS, the neighbours' words, shapes and POS, the
 * two previous labels, gazetteer hits (lexicon phrases, towns, title words, known figures),
 * whether the line is a title-case or all-capital headline, and the type the word was last
 * given earlier in the document (a team or company named in a headline, a table and the text).
 * The same feature function serves the training script and the pipeline.
 */
import type { Token } from '../../types.js';
import { isCap } from '../token-tests.js';
import type { MentionScan } from './scan.js';
import { NAME_PARTICLES } from '../../text/name-particles.js';

/**
 * A trained model: labels, per-label biases, every feature's weights (one row of `labels.length`
 * weights per feature, all in one array) and, per feature template, the row offset of each value
 * seen in training: `one` for single-valued templates (`w`, `sh` ...), `two` for templates over a
 * pair of values (`pw|w`: previous word, word).
 */
export interface TaggerModel {
  readonly labels: readonly string[];
  readonly biases: Float64Array;
  readonly weights: Float64Array;
  readonly one: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly two: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
}

/** Where features go: the model's key of a feature is `template=value` or `template=first second`. */
interface FeatureSink {
  one(template: string, value: string): void;
  two(template: string, first: string, second: string): void;
}

/**
 * A typed span over tokens first..last; `margin` is how far the tagger's score of its weakest
 * token's label is above the next best label (Infinity when no margins were kept).
 */
export interface TaggedSpan {
  readonly first: number;
  readonly last: number;
  readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  readonly margin: number;
}

/**
 * What the tagger knows of the document's words: the entity type each word was given at its last
 * labelled occurrence (`PER`, `ORG` ... or `O`), filled as the document is tagged in text order,
 * and the words written in lower case somewhere in it (a capitalised common word of a headline).
 */
export interface WordMemory {
  readonly labels: Map<string, string>;
  readonly lowerCase: ReadonlySet<string>;
}

/** A fresh memory for the document of these tokens. */
export function wordMemory(tokens: readonly Token[]): WordMemory {
  const lowerCase = new Set<string>();
  for (const t of tokens) {
    const c = t.text.charCodeAt(0);
    if (c >= 97 && c <= 122) lowerCase.add(t.normal);
  }
  return { labels: new Map(), lowerCase };
}

/** Lower-case words that link capitalised words of one name (`Bank of England`, `van der Pas`). */
const LINKS: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'of', 'and', '&', 'for', 'the', 'y']);

/** POS tags of a capitalised sentence opener that names nothing (`The`, `He`, `But`, `In`). */
const CLOSED_CLASS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'ADV', 'NUM', 'PUNCT', 'INTJ']);

/**
 * Whether token k is scored: a capitalised word (but not a closed-class sentence opener), or a
 * link between two capitalised words.
 */
export function isCandidate(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (isCap(t)) return !(CLOSED_CLASS.has(t.pos) && tokens[k - 1]?.sentence !== t.sentence);
  if (!LINKS.has(t.normal)) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return !!prev && !!next && prev.sentence === t.sentence && next.sentence === t.sentence && isCap(prev) && (isCap(next) || LINKS.has(next.normal));
}

/** `Xxxx`, `XX`, `X.X.`, `dd-dd`: letters as X/x, digits as d, runs of one class cut at two. */
export function wordShape(w: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (let k = 0; k < w.length && out.length < 8; k++) {
    const c = w.charCodeAt(k);
    const ch = c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : c > 127 ? (w[k] === w[k]?.toLowerCase() ? 'x' : 'X') : (w[k] ?? '');
    run = ch === prev ? run + 1 : 1;
    prev = ch;
    if (run <= 2) out += ch;
  }
  return out;
}

/**
 * The gazetteer label of every token of sentence tokens first..last: the kind of the lexicon
 * phrase covering it (`B-country`, `I-org` ...), `place` for a known town or region, or ''.
 * @public
 */
export function gazetteerLabels(s: MentionScan, first: number, last: number): string[] {
  const out: string[] = new Array<string>(last - first + 1).fill('');
  for (let i = first; i <= last; i++) {
    const t = s.tokens[i] as Token;
    if (!isCap(t)) continue;
    const m = s.lexMatchAt(i, last);
    if (m) {
      for (let k = m.first; k <= m.last; k++) out[k - first] = `${k === m.first ? 'B' : 'I'}-${m.entry.kind}`;
      i = m.last;
      continue;
    }
    if (s.lex.places.has(s.tokenKey(i))) out[i - first] = 'place';
  }
  return out;
}

const word = (t: Token | undefined): string => (t ? t.normal : '<s>');
const posOf = (t: Token | undefined): string => (t ? t.pos : '<s>');

/** The word shapes of a sentence's tokens, made when first asked for (index k - first). @public */
export class SentenceShapes {
  private readonly shapes: (string | undefined)[] = [];
  constructor(
    private readonly tokens: readonly Token[],
    private readonly first: number,
    private readonly last: number,
  ) {}

  at(k: number): string {
    if (k < this.first || k > this.last) return '<s>';
    return (this.shapes[k - this.first] ??= wordShape((this.tokens[k] as Token).text));
  }
}

/**
 * Sends the features of candidate token i of the sentence first..last to the sink, given the
 * two previous labels.
 * @public
 */
export function visitFeatures(s: MentionScan, i: number, first: number, last: number, gaz: readonly string[], shapes: SentenceShapes, prev: string, prev2: string, memory: WordMemory, sink: FeatureSink): void {
  const { tokens, lex } = s;
  const t = tokens[i] as Token;
  const p = i > first ? tokens[i - 1] : undefined;
  const n = i < last ? tokens[i + 1] : undefined;
  const w = t.normal;
  const shape = shapes.at(i);
  const pw = word(p);
  const nw = word(n);
  sink.one('w', w);
  sink.one('sh', shape);
  sink.one('p3', w.slice(0, 3));
  sink.one('s3', w.slice(-3));
  sink.one('s2', w.slice(-2));
  sink.one('s4', w.slice(-4));
  sink.one('pos', t.pos);
  sink.one('pw', pw);
  sink.one('nw', nw);
  sink.one('p2w', i - 1 > first ? word(tokens[i - 2]) : '<s>');
  sink.one('n2w', i + 1 < last ? word(tokens[i + 2]) : '<s>');
  sink.one('psh', shapes.at(i - 1));
  sink.one('nsh', shapes.at(i + 1));
  sink.one('ppos', posOf(p));
  sink.one('npos', posOf(n));
  sink.one('pt', prev);
  sink.two('pt2', prev2, prev);
  sink.two('pt|sh', prev, shape);
  sink.two('pw|w', pw, w);
  sink.two('w|nw', w, nw);
  sink.one('gaz', gaz[i - first] ?? '');
  sink.one('pgaz', i > first ? (gaz[i - 1 - first] ?? '') : '<s>');
  sink.one('ngaz', i < last ? (gaz[i + 1 - first] ?? '') : '<s>');
  if (i === first) sink.one('flag', 'first');
  if (p && lex.titles.has(p.text)) sink.one('flag', 'title-before');
  if (lex.titles.has(t.text)) sink.one('flag', 'title');
  if (lex.figuresBySurname.has(w)) sink.one('flag', 'figure');
  if (lex.nameVariants.has(w)) sink.one('flag', 'given');
  if (lex.orgHeads.has(t.text)) sink.one('flag', 'org-head');
  if (n && lex.orgHeads.has(n.text)) sink.one('flag', 'org-head-after');
  if (lex.nonNames.has(w)) sink.one('flag', 'non-name');
  if (s.allCaps.has(t.sentence)) sink.one('flag', 'caps-line');
  else if (s.titleCase.has(t.sentence)) sink.one('flag', 'title-line');
  if (memory.lowerCase.has(w)) sink.one('flag', 'lower-case-elsewhere');
  const seen = memory.labels.get(w);
  if (seen !== undefined) {
    sink.one('mem', seen);
    sink.two('mem|sh', seen, shape);
  }
  const nextSeen = n ? memory.labels.get(nw) : undefined;
  if (nextSeen !== undefined) sink.one('nmem', nextSeen);
}

/** Notes the label given to word `w` in the document's memory. @public */
export function remember(memory: WordMemory, w: string, label: string): void {
  memory.labels.set(w, label === 'O' ? 'O' : label.slice(2));
}

/** Adds the weights of the features it is sent to a score per label. */
class Scorer implements FeatureSink {
  readonly scores: Float64Array;
  constructor(private readonly model: TaggerModel) {
    this.scores = new Float64Array(model.biases.length);
  }

  reset(): void {
    this.scores.set(this.model.biases);
  }

  one(template: string, value: string): void {
    const row = this.model.one.get(template)?.get(value);
    if (row !== undefined) this.add(row);
  }

  two(template: string, first: string, second: string): void {
    const row = this.model.two.get(template)?.get(first)?.get(second);
    if (row !== undefined) this.add(row);
  }

  private add(row: number): void {
    const { scores } = this;
    const { weights } = this.model;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (weights[row + c] as number);
  }

  best(): number {
    const scores = this.scores;
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return best;
  }

  /** How far label `best`'s score is above the next best. */
  marginOf(best: number): number {
    const scores = this.scores;
    let second = -Infinity;
    for (let c = 0; c < scores.length; c++) if (c !== best && (scores[c] as number) > second) second = scores[c] as number;
    return (scores[best] as number) - second;
  }
}

/**
 * The labels of sentence first..last, left to right, non-candidates `O`; `memory` is the
 * document's (sentences are tagged in text order with the same one). When `margins` is given, the
 * margin of each token's label over the next best is pushed to it (Infinity for non-candidates).
 */
export function tagSentence(s: MentionScan, model: TaggerModel, first: number, last: number, memory: WordMemory, margins?: number[]): string[] {
  const labels: string[] = [];
  let scorer: Scorer | undefined;
  let gaz: string[] | undefined;
  let shapes: SentenceShapes | undefined;
  let prev = '<s>';
  let prev2 = '<s>';
  for (let i = first; i <= last; i++) {
    let label = 'O';
    let margin = Infinity;
    if (isCandidate(s.tokens, i)) {
      scorer ??= new Scorer(model);
      gaz ??= gazetteerLabels(s, first, last);
      shapes ??= new SentenceShapes(s.tokens, first, last);
      scorer.reset();
      visitFeatures(s, i, first, last, gaz, shapes, prev, prev2, memory, scorer);
      const best = scorer.best();
      label = model.labels[best] ?? 'O';
      if (margins) margin = scorer.marginOf(best);
      remember(memory, (s.tokens[i] as Token).normal, label);
    }
    labels.push(label);
    margins?.push(margin);
    prev2 = prev;
    prev = label;
  }
  return labels;
}

/**
 * The spans of BIO labels of tokens from `first` on (an `I-` without its `B-` starts a span), each
 * with the smallest of its tokens' `margins` (index as `labels`) when they are given.
 */
export function spansOf(labels: readonly string[], first: number, margins?: readonly number[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: { first: number; type: string; margin: number } | undefined;
  const close = (end: number): void => {
    if (open) spans.push({ first: open.first, last: end, type: open.type as TaggedSpan['type'], margin: open.margin });
    open = undefined;
  };
  labels.forEach((label, k) => {
    const i = first + k;
    if (label === 'O') return close(i - 1);
    const type = label.slice(2);
    if (label.startsWith('B-') || !open || open.type !== type) {
      close(i - 1);
      open = { first: i, type, margin: Infinity };
    }
    open.margin = Math.min(open.margin, margins?.[k] ?? Infinity);
  });
  close(first + labels.length - 1);
  return spans;
}
