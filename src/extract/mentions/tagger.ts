/**
 * The learned span tagger: a greedy averaged-perceptron tagger of Person / Organisation /
 * Location spans (BIO labels, MISC learned so that it is not taken for one of them), trained on
 * the CoNLL-2003 training split by `scripts/train-tagger.mjs`. Only candidate tokens (capitalised
 * words and the lower-case links inside a capitalised run) are scored; every other token is `O`.
 * Features: the word, its shape, affixes, wink's POS, the neighbours' words, shapes and POS, the
 * two previous labels, gazetteer hits (lexicon phrases, towns, title words, known figures),
 * whether the line is a title-case or all-capital headline, and the type the word was last
 * given earlier in the document (a team or company named in a headline, a table and the text).
 * The training script names the features by `template=value` keys (`visitFeatures`); the pipeline
 * looks the same features up by number (`scoreToken`), in the same order, so that its scores are
 * the trained model's to the bit (test/extract/mentions/tagger-scores.test.ts holds the two alike).
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
  /**
   * Biases and weights are integers, in units of 1/scale of a score: sums of integers are exact
   * in any order (a margin is given in score units).
   */
  readonly scale: number;
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

/** `B-` and `I-` labels of each lexicon kind, made once (the same strings, hashed once, at every token). */
const gazetteerTagsOf = new Map<string, readonly [string, string]>();
function gazetteerTags(kind: string): readonly [string, string] {
  let tags = gazetteerTagsOf.get(kind);
  if (!tags) gazetteerTagsOf.set(kind, (tags = [`B-${kind}`, `I-${kind}`]));
  return tags;
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
      const [begin, inside] = gazetteerTags(m.entry.kind);
      for (let k = m.first; k <= m.last; k++) out[k - first] = k === m.first ? begin : inside;
      i = m.last;
      continue;
    }
    if (s.isPlaceWord(i)) out[i - first] = 'place';
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
  let type = typeOfLabel.get(label);
  if (type === undefined) typeOfLabel.set(label, (type = label === 'O' ? 'O' : label.slice(2)));
  memory.labels.set(w, type);
}
/** The type of each BIO label (`B-PER` -> `PER`), made once: one string per type, hashed once. */
const typeOfLabel = new Map<string, string>();

/**
 * The slots a value fills in `visitFeatures`, each with its template: a word as the token's own
 * word (`w`, and its affixes `p3` ... `s4`), as a neighbour (`pw` ... `n2w`); a shape, a POS tag,
 * a label, a gazetteer label in their places.
 */
const SLOTS = ['w', 'p3', 's3', 's2', 's4', 'pw', 'nw', 'p2w', 'n2w', 'sh', 'psh', 'nsh', 'pos', 'ppos', 'npos', 'pt', 'gaz', 'pgaz', 'ngaz', 'mem', 'nmem'] as const;
type Slot = (typeof SLOTS)[number];
const AFFIXES: Partial<Record<Slot, (v: string) => string>> = { p3: (v) => v.slice(0, 3), s3: (v) => v.slice(-3), s2: (v) => v.slice(-2), s4: (v) => v.slice(-4) };
/** The affix function of each slot (index as SLOTS), none for whole values. */
const AFFIX_OF = SLOTS.map((name) => AFFIXES[name]);
const slot = (name: Slot): number => SLOTS.indexOf(name);
const [W, P3, S3, S2, S4, PW, NW, P2W, N2W] = [slot('w'), slot('p3'), slot('s3'), slot('s2'), slot('s4'), slot('pw'), slot('nw'), slot('p2w'), slot('n2w')];
const [SH, PSH, NSH, POS, PPOS, NPOS, PT, GAZ, PGAZ, NGAZ, MEM, NMEM] = [slot('sh'), slot('psh'), slot('nsh'), slot('pos'), slot('ppos'), slot('npos'), slot('pt'), slot('gaz'), slot('pgaz'), slot('ngaz'), slot('mem'), slot('nmem')];
const PAIRS = ['pt2', 'pt|sh', 'pw|w', 'w|nw', 'mem|sh'] as const;
const pairIndex = (name: (typeof PAIRS)[number]): number => PAIRS.indexOf(name);
const [PT2, PT_SH, PW_W, W_NW, MEM_SH] = [pairIndex('pt2'), pairIndex('pt|sh'), pairIndex('pw|w'), pairIndex('w|nw'), pairIndex('mem|sh')];
const FLAGS = ['first', 'title-before', 'title', 'figure', 'given', 'org-head', 'org-head-after', 'non-name', 'caps-line', 'title-line', 'lower-case-elsewhere'] as const;
const flagIndex = (name: (typeof FLAGS)[number]): number => FLAGS.indexOf(name);
const [FIRST, TITLE_BEFORE, TITLE, FIGURE, GIVEN, ORG_HEAD] = [flagIndex('first'), flagIndex('title-before'), flagIndex('title'), flagIndex('figure'), flagIndex('given'), flagIndex('org-head')];
const [ORG_HEAD_AFTER, NON_NAME, CAPS_LINE, TITLE_LINE, LOWER_ELSEWHERE] = [flagIndex('org-head-after'), flagIndex('non-name'), flagIndex('caps-line'), flagIndex('title-line'), flagIndex('lower-case-elsewhere')];

/** The weight rows of one value (-1: the model has no such feature) and its number in pair features. */
interface ValueRows {
  readonly rows: readonly number[];
  readonly id: number;
}
/** Values (and token texts' shapes) whose rows a memo keeps before it is emptied. */
const MAX_VALUES = 200_000;

/**
 * The model's features looked up by number: each distinct value (word, shape, tag, label) is
 * looked up once for every slot it may fill, and a pair feature by the numbers of its two values,
 * instead of building and hashing a `template=value` key at every token. The features, and the
 * order their weights are added in, are `visitFeatures`'s (so the sums are the same to the bit).
 */
class FeatureRows {
  readonly flags: Int32Array;
  /** The model's values of each slot (index as SLOTS). */
  private readonly slotValues: (ReadonlyMap<string, number> | undefined)[];
  private readonly ids = new Map<string, number>();
  private readonly pairs: Map<number, number>[];
  private readonly words = new Map<string, ValueRows>();
  private readonly tags = new Map<string, ValueRows>();
  private readonly shapes = new Map<string, ValueRows>();

  constructor(private readonly model: TaggerModel) {
    for (const template of PAIRS) {
      for (const [a, seconds] of model.two.get(template) ?? []) {
        this.idOf(a);
        for (const b of seconds.keys()) this.idOf(b);
      }
    }
    const size = this.ids.size;
    this.pairs = PAIRS.map((template) => {
      const keyed = new Map<number, number>();
      for (const [a, seconds] of model.two.get(template) ?? []) {
        for (const [b, row] of seconds) keyed.set((this.ids.get(a) as number) * size + (this.ids.get(b) as number), row);
      }
      return keyed;
    });
    this.slotValues = SLOTS.map((slot) => model.one.get(slot));
    const flags = model.one.get('flag');
    this.flags = Int32Array.from(FLAGS, (f) => flags?.get(f) ?? -1);
  }

  /** The rows of label `O`. */
  get outside(): ValueRows {
    return (this.outsideRows ??= this.tag('O'));
  }
  private outsideRows: ValueRows | undefined;

  /** The rows of the model's label number k. */
  label(k: number): ValueRows {
    return (this.labelRows[k] ??= this.tag(this.model.labels[k] ?? 'O'));
  }
  private readonly labelRows: (ValueRows | undefined)[] = [];

  private idOf(v: string): void {
    if (!this.ids.has(v)) this.ids.set(v, this.ids.size);
  }

  /** The rows of a word in the word slots (`w` ... `n2w`). */
  word(v: string): ValueRows {
    return this.memo(this.words, v, W, N2W);
  }

  /** The rows of a shape, POS tag, label or gazetteer label in their slots (`sh` ... `nmem`). */
  tag(v: string): ValueRows {
    return this.memo(this.tags, v, SH, NMEM);
  }

  private memo(memo: Map<string, ValueRows>, v: string, from: number, to: number): ValueRows {
    let found = memo.get(v);
    if (!found) {
      if (memo.size >= MAX_VALUES) memo.clear();
      // (A plain array: a typed array's allocation cost most of this look-up, made at every new word.)
      const rows = SLOTS.map((_, k) => (k >= from && k <= to ? this.slotValues[k]?.get(AFFIX_OF[k]?.(v) ?? v) : undefined) ?? -1);
      memo.set(v, (found = { rows, id: this.ids.get(v) ?? -1 }));
    }
    return found;
  }

  /** The rows of the shape of a token's text. */
  shapeOf(text: string): ValueRows {
    let found = this.shapes.get(text);
    if (!found) {
      if (this.shapes.size >= MAX_VALUES) this.shapes.clear();
      this.shapes.set(text, (found = this.tag(wordShape(text))));
    }
    return found;
  }

  pair(k: number, a: ValueRows, b: ValueRows): number {
    return a.id < 0 || b.id < 0 ? -1 : (this.pairs[k]?.get(a.id * this.ids.size + b.id) ?? -1);
  }
}
const featureRows = new WeakMap<TaggerModel, FeatureRows>();
function featureRowsOf(model: TaggerModel): FeatureRows {
  let rows = featureRows.get(model);
  if (!rows) featureRows.set(model, (rows = new FeatureRows(model)));
  return rows;
}

/** The rows of a sentence's tokens (word, shape, POS, gazetteer label), looked up when first asked for. */
class SentenceRows {
  readonly f: FeatureRows;
  readonly outsideWord: ValueRows;
  readonly outsideTag: ValueRows;
  private readonly infos: (WordInfo | undefined)[] = [];
  private readonly tags: (ValueRows | undefined)[] = [];
  private readonly gazetteer: (ValueRows | undefined)[] = [];
  constructor(
    readonly own: OwnFeatures,
    private readonly scan: MentionScan,
    private readonly first: number,
    private readonly last: number,
    private readonly gaz: readonly string[],
  ) {
    this.f = own.f;
    this.outsideWord = this.f.word('<s>');
    this.outsideTag = this.f.tag('<s>');
  }

  /** What the tagger reads of token k (inside the sentence). */
  infoAt(k: number): WordInfo {
    let info = this.infos[k - this.first];
    if (!info) {
      this.infos[k - this.first] = info = this.own.infoAt(this.scan, k);
    }
    return info;
  }

  /** Token k's word (`<s>` outside the sentence). */
  wordAt(k: number): ValueRows {
    if (k < this.first || k > this.last) return this.outsideWord;
    return this.infoAt(k).word;
  }

  /** Token k's shape (`<s>` outside the sentence). */
  shapeAt(k: number): ValueRows {
    if (k < this.first || k > this.last) return this.outsideTag;
    return this.infoAt(k).shape;
  }

  /** Token k's POS tag (`<s>` outside the sentence). */
  posAt(k: number): ValueRows {
    if (k < this.first || k > this.last) return this.outsideTag;
    return (this.tags[k - this.first] ??= this.f.tag((this.scan.tokens[k] as Token).pos));
  }

  /** Token k's gazetteer label (`<s>` outside the sentence). */
  gazetteerAt(k: number): ValueRows {
    if (k < this.first || k > this.last) return this.outsideTag;
    return (this.gazetteer[k - this.first] ??= this.f.tag(this.gaz[k - this.first] ?? ''));
  }
}

/** Adds weight row `row` (none when -1) to the scores. */
function add(scores: Float64Array, weights: Float64Array, row: number): void {
  if (row < 0) return;
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (weights[row + c] as number);
}

const rowOf = (v: ValueRows, k: number): number => v.rows[k] as number;

/** What the tagger reads of a token text, for the `normal` (word) it was read with. */
interface WordInfo {
  /** The memo that made it (a model and a lexicon's). */
  readonly by: OwnFeatures;
  readonly normal: string;
  /** The rows of its word and of its text's shape. */
  readonly word: ValueRows;
  readonly shape: ValueRows;
  /** Its own features summed (see `OwnFeatures`), when first asked for. */
  sum: Float64Array | undefined;
}

/**
 * What the tagger reads of each token text, kept across documents with the scan's facts of it: its
 * word's and shape's rows, and the features a token has whatever its neighbours summed once: its
 * word and the word's affixes, its shape, and the flags of its text and word (title, organisation
 * head, known figure, given name, non-name). Exact, as the weights are integers
 * (`TaggerModel.scale`).
 */
class OwnFeatures {
  constructor(
    readonly f: FeatureRows,
    private readonly weights: Float64Array,
    private readonly lex: MentionScan['lex'],
    private readonly labels: number,
  ) {}

  /** What the tagger reads of token k of the scan: kept with the scan's facts of its text. */
  infoAt(s: MentionScan, k: number): WordInfo {
    const { text, normal } = s.tokens[k] as Token;
    const facts = s.factsAt(k);
    const kept = facts.tagger as WordInfo | undefined;
    if (kept?.by === this && kept.normal === normal) return kept;
    const info: WordInfo = { by: this, normal, word: this.f.word(normal), shape: this.f.shapeOf(text), sum: undefined };
    facts.tagger = info;
    return info;
  }

  /** The own features of a token of text `text` read as `info`. */
  sumOf(info: WordInfo, text: string): Float64Array {
    if (info.sum) return info.sum;
    const { f, weights, lex } = this;
    const { normal, word } = info;
    const sum = new Float64Array(this.labels);
    for (const slot of [W, P3, S3, S2, S4]) add(sum, weights, rowOf(word, slot));
    add(sum, weights, rowOf(info.shape, SH));
    const flag = (k: number, on: boolean): void => {
      if (on) add(sum, weights, f.flags[k] as number);
    };
    flag(TITLE, lex.titles.has(text));
    flag(FIGURE, lex.figuresBySurname.has(normal));
    flag(GIVEN, lex.nameVariants.has(normal));
    flag(ORG_HEAD, lex.orgHeads.has(text));
    flag(NON_NAME, lex.nonNames.has(normal));
    info.sum = sum;
    return sum;
  }
}
const ownFeatures = new WeakMap<TaggerModel, WeakMap<MentionScan['lex'], OwnFeatures>>();
function ownFeaturesOf(model: TaggerModel, lex: MentionScan['lex']): OwnFeatures {
  let byLex = ownFeatures.get(model);
  if (!byLex) ownFeatures.set(model, (byLex = new WeakMap()));
  let own = byLex.get(lex);
  if (!own) byLex.set(lex, (own = new OwnFeatures(featureRowsOf(model), model.weights, lex, model.labels.length)));
  return own;
}

/**
 * Adds to `scores` the weights of the features of candidate token i, as `visitFeatures` names
 * them (its own features as one sum).
 */
function scoreToken(r: SentenceRows, weights: Float64Array, scores: Float64Array, s: MentionScan, i: number, first: number, last: number, prevRows: ValueRows, prev2Rows: ValueRows, memory: WordMemory): void {
  const { tokens, lex } = s;
  const { f, outsideWord } = r;
  const t = tokens[i] as Token;
  const p = i > first ? tokens[i - 1] : undefined;
  const n = i < last ? tokens[i + 1] : undefined;
  const ownSum = r.own.sumOf(r.infoAt(i), t.text);
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (ownSum[c] as number);
  const w = r.wordAt(i);
  const shape = r.shapeAt(i);
  const pw = r.wordAt(i - 1);
  const nw = r.wordAt(i + 1);
  add(scores, weights, rowOf(r.posAt(i), POS));
  add(scores, weights, rowOf(pw, PW));
  add(scores, weights, rowOf(nw, NW));
  add(scores, weights, rowOf(i - 1 > first ? r.wordAt(i - 2) : outsideWord, P2W));
  add(scores, weights, rowOf(i + 1 < last ? r.wordAt(i + 2) : outsideWord, N2W));
  add(scores, weights, rowOf(r.shapeAt(i - 1), PSH));
  add(scores, weights, rowOf(r.shapeAt(i + 1), NSH));
  add(scores, weights, rowOf(r.posAt(i - 1), PPOS));
  add(scores, weights, rowOf(r.posAt(i + 1), NPOS));
  add(scores, weights, rowOf(prevRows, PT));
  add(scores, weights, f.pair(PT2, prev2Rows, prevRows));
  add(scores, weights, f.pair(PT_SH, prevRows, shape));
  add(scores, weights, f.pair(PW_W, pw, w));
  add(scores, weights, f.pair(W_NW, w, nw));
  add(scores, weights, rowOf(r.gazetteerAt(i), GAZ));
  add(scores, weights, rowOf(r.gazetteerAt(i - 1), PGAZ));
  add(scores, weights, rowOf(r.gazetteerAt(i + 1), NGAZ));
  const flags = f.flags;
  if (i === first) add(scores, weights, flags[FIRST] as number);
  if (p && lex.titles.has(p.text)) add(scores, weights, flags[TITLE_BEFORE] as number);
  if (n && lex.orgHeads.has(n.text)) add(scores, weights, flags[ORG_HEAD_AFTER] as number);
  if (s.allCaps.has(t.sentence)) add(scores, weights, flags[CAPS_LINE] as number);
  else if (s.titleCase.has(t.sentence)) add(scores, weights, flags[TITLE_LINE] as number);
  if (memory.lowerCase.has(t.normal)) add(scores, weights, flags[LOWER_ELSEWHERE] as number);
  const seen = memory.labels.get(t.normal);
  if (seen !== undefined) {
    const seenRows = f.tag(seen);
    add(scores, weights, rowOf(seenRows, MEM));
    add(scores, weights, f.pair(MEM_SH, seenRows, shape));
  }
  const nextSeen = n ? memory.labels.get(n.normal) : undefined;
  if (nextSeen !== undefined) add(scores, weights, rowOf(f.tag(nextSeen), NMEM));
}

/** The label with the highest score (the first of equals). */
function bestOf(scores: Float64Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
  return best;
}

/** How far label `best`'s score is above the next best. */
function marginOf(scores: Float64Array, best: number): number {
  let second = -Infinity;
  for (let c = 0; c < scores.length; c++) if (c !== best && (scores[c] as number) > second) second = scores[c] as number;
  return (scores[best] as number) - second;
}

/**
 * The labels of sentence first..last, left to right, non-candidates `O`; `memory` is the
 * document's (sentences are tagged in text order with the same one). When `margins` is given, the
 * margin of each token's label over the next best is pushed to it (Infinity for non-candidates).
 */
export function tagSentence(s: MentionScan, model: TaggerModel, first: number, last: number, memory: WordMemory, margins?: number[]): string[] {
  const labels: string[] = [];
  const rows = featureRowsOf(model);
  const own = ownFeaturesOf(model, s.lex);
  let scores: Float64Array | undefined;
  let sentenceRows: SentenceRows | undefined;
  // The previous labels' rows (`<s>` before the sentence).
  let prev = rows.tag('<s>');
  let prev2 = prev;
  for (let i = first; i <= last; i++) {
    let label = 'O';
    let labelRows = rows.outside;
    let margin = Infinity;
    if (isCandidate(s.tokens, i)) {
      scores ??= new Float64Array(model.biases.length);
      sentenceRows ??= new SentenceRows(own, s, first, last, gazetteerLabels(s, first, last));
      scores.set(model.biases);
      scoreToken(sentenceRows, model.weights, scores, s, i, first, last, prev, prev2, memory);
      const best = bestOf(scores);
      label = model.labels[best] ?? 'O';
      labelRows = rows.label(best);
      if (margins) margin = marginOf(scores, best) / model.scale;
      remember(memory, (s.tokens[i] as Token).normal, label);
    }
    labels.push(label);
    margins?.push(margin);
    prev2 = prev;
    prev = labelRows;
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
