/**
 * The only place wink-nlp is instantiated: one instance per process (or
 * worker), loaded lazily, shared by every article.
 *
 * History independence. wink-nlp keeps every out-of-vocabulary word it has
 * read in a per-instance cache (`wink-nlp/src/cache.js`), and its tokenizer
 * asks that cache first: a raw token found there is taken whole. So
 * `Verizon's` is one token after the instance has once read `Verizon's.`
 * (whose `Verizon's` part is added as a word) and two tokens (`Verizon`,
 * `'s`) before; POS tags follow. Results would depend on which articles the
 * instance read before, hence on the worker count, on `--append` and on
 * `--shard`. `resetNlpHistory` (called by `annotate` before each article)
 * makes the next document read exactly as by a just-loaded instance.
 *
 * How, cheaply. Forgetting the words (deleting them from the model's tables
 * and making a new cache) made every article recompute the features of every
 * unknown word it reads: +40% on bare readDoc. Instead the words stay in the
 * tables and the reset only hides them: the cache that wink's tokenizer sees
 * (a facade over wink's own, put in place by wrapping wink's cache factory
 * while wink-nlp loads, as wink offers no hook) answers `lookup` only for
 * words added since the reset, and its `add` revives a word added in an
 * earlier article, whose features are already computed, instead of adding it
 * again. Why the output is the same as a fresh instance's:
 * - an unknown word's entry is `[normal, normal, features]`, and its features
 *   are a function of its text and of the token category `add` was given
 *   (`wink-eng-lite-web-model/dist/feature.js`: shape, prefix, suffix, case,
 *   isAbbrev, and pos, which only asks whether the lower-cased word is in the
 *   model's own vocabulary). An entry is revived only when its category is
 *   the one asked for and its `normal` is the entry now shown for the
 *   lower-cased text; otherwise it is hidden from `add` too and wink makes a
 *   new one. So the words shown, and their entries, are the ones a fresh
 *   instance would hold, up to their index numbers;
 * - index numbers of added words and feature values are never compared with
 *   a constant: feature values are read back through their tables, and the
 *   sentence and POS automata have no transition on numbers between the
 *   model's vocabulary size and 1,080,000 (checked by a test), so any
 *   unknown word's number acts alike. Packed fields have fixed widths
 *   (`model.features[f].maxIndex`): the tables are emptied when half their
 *   room is used (`begin`), and `annotate` reads an article again from empty
 *   tables in the unlikely case that one article overflowed a field
 *   (`nlpHistoryOverflowed`): no number wraps that would not wrap in a fresh
 *   instance.
 * Memory is bounded by those limits and by MAX_HELD_WORDS.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type WinkNlp = ReturnType<typeof winkNLPType>;

type CacheMethod = (a?: unknown, b?: unknown) => unknown;
type WinkCache = Record<(typeof CACHE_METHODS)[number], CacheMethod>;
interface FeatureTable {
  hash: Record<string, unknown>;
  list: unknown[];
  index: number;
  /** The largest index its packed field holds (wink's feature tables; not the lexeme table). */
  maxIndex?: number;
}
interface CoreModel {
  features: Record<string, Partial<FeatureTable> | undefined>;
}
type CacheFactory = (model: CoreModel, featureFn: unknown) => WinkCache;

/** The methods of wink-nlp 2.x's cache; the wrapper refuses a cache with others (a wink upgrade). */
const CACHE_METHODS = [
  'add', 'lookup', 'value', 'property', 'normal', 'nox', 'posOf', 'valueOf',
  'currentSize', 'intrinsicSize', 'isOOV', 'isMemberPOS', 'hasSamePOS', 'mappedSpelling',
] as const;

/**
 * Words held beyond the model's vocabulary before the tables are emptied (at
 * the start of an article). About 100 bytes each; the 8,337-article corpus
 * adds 77k (7 MB).
 */
export const MAX_HELD_WORDS = 200_000;
/**
 * Added words' index numbers must stay below the automata's hint symbols
 * (1,080,000 and up in wink-eng-lite-web-model) and wink's 20-bit vocabulary
 * limit; past this an article is read again from empty tables.
 */
const MAX_LEXEME_INDEX = 0xfffff;

interface History {
  /** Starts a document: words read before are hidden (and the tables emptied when full). */
  begin(): void;
  /** Empties the tables: the instance holds what it held just loaded. */
  clear(): void;
  /** Words (and feature values) held beyond the model's own. */
  size(): number;
  /** Whether a packed field may have overflowed since the tables were last emptied. */
  overflowed(): boolean;
}
/** History of the cache made last (read right after `winkNLP()` returns). */
let lastHistory: History | undefined;
const histories = new WeakMap<WinkNlp, History>();

const isTable = (f: Partial<FeatureTable> | undefined): f is FeatureTable =>
  !!f && typeof f.hash === 'object' && f.hash !== null && Array.isArray(f.list) && typeof f.index === 'number';

/** A cache factory whose caches can hide what earlier documents added (see the header). */
function resettable(original: CacheFactory): CacheFactory {
  return (core, featureFn) => {
    const tables = Object.values(core.features).filter(isTable);
    const snapshot = tables.map((f) => ({ f, length: f.list.length, index: f.index }));
    const lexeme = core.features['lexeme'];
    if (!isTable(lexeme)) throw new Error("wink-nlp's model has no lexeme table; check create-nlp.ts against this wink-nlp version");
    const lexemeHash = lexeme.hash as Record<string, number | undefined>;
    const lexemeList = lexeme.list;
    const known = lexemeList.length; // the model's own vocabulary: indices below are never added or hidden
    const fields = tables.filter((f) => typeof f.maxIndex === 'number');
    let impl = original(core, featureFn);
    const extra = Object.keys(impl).filter((k) => !(CACHE_METHODS as readonly string[]).includes(k));
    if (extra.length) throw new Error(`wink-nlp's cache has methods newsgraph does not know (${extra.join(', ')}); check create-nlp.ts against this wink-nlp version`);

    // Per added word (index - known): the document it was last shown in, the category it was
    // added with, and the index of its lower-cased text's entry when it was added.
    let shownIn: number[] = [];
    let categoryOf: number[] = [];
    let normalOf: number[] = [];
    let doc = 1;
    const shown = (index: number | undefined): boolean => index !== undefined && (index < known || shownIn[index - known] === doc);
    const show = (index: number): void => {
      if (index >= known) shownIn[index - known] = doc;
    };
    /** Whether an entry from an earlier document is what a fresh `add(text, category)` would make now. */
    const revivable = (index: number, category: number, normal: number | undefined): boolean =>
      categoryOf[index - known] === category && normalOf[index - known] === normal;

    // `lookup(text)` is a function of the text's lexeme index alone (the model's entry for a known
    // word, a contraction's expansions, or `[index]` for an added word): its arrays are made
    // once per index instead of at every token (about 5% of a build's allocation).
    // wink only reads them.
    const lookups = new Array<readonly unknown[] | null | undefined>(known + 4096);
    const lookup: CacheMethod = (text) => {
      const index = lexemeHash[text as string];
      if (index === undefined || (index >= known && shownIn[index - known] !== doc)) return null;
      let found = lookups[index];
      if (found === undefined) {
        found = impl.lookup(text) as unknown[] | null;
        if (found) Object.freeze(found);
        lookups[index] = found;
      }
      return found;
    };
    const add: CacheMethod = (text, category) => {
      const word = text as string;
      const lower = word.toLowerCase();
      // Hide from wink's add the entries a fresh instance would not have as they are, so that it
      // makes them anew (a hidden entry stays in the list, unreachable, until the tables are emptied).
      let normal = lexemeHash[lower];
      if (normal !== undefined && !shown(normal) && !revivable(normal, category as number, normal)) {
        delete lexemeHash[lower];
        normal = undefined;
      }
      if (lower !== word) {
        const index = lexemeHash[word];
        if (index !== undefined && !shown(index) && !revivable(index, category as number, normal)) delete lexemeHash[word];
      }
      const before = lexemeList.length;
      const index = impl.add(word, category) as number;
      normal = lexemeHash[lower] as number;
      for (let i = before; i < lexemeList.length; i++) {
        categoryOf.push(category as number);
        normalOf.push(normal);
        shownIn.push(doc);
      }
      show(index);
      show(normal);
      return index;
    };

    // The facade: `lookup` and `add` above, the other methods forwarded to the current cache
    // (`clear` replaces it), each by name: wink calls them at every token, and a null-prototype
    // object filled in a loop is slower to call through.
    const facade: WinkCache = {
      add,
      lookup,
      value: (a, b) => impl.value(a, b),
      property: (a, b) => impl.property(a, b),
      normal: (a, b) => impl.normal(a, b),
      nox: (a, b) => impl.nox(a, b),
      posOf: (a, b) => impl.posOf(a, b),
      valueOf: (a, b) => impl.valueOf(a, b),
      currentSize: (a, b) => impl.currentSize(a, b),
      intrinsicSize: (a, b) => impl.intrinsicSize(a, b),
      isOOV: (a, b) => impl.isOOV(a, b),
      isMemberPOS: (a, b) => impl.isMemberPOS(a, b),
      hasSamePOS: (a, b) => impl.hasSamePOS(a, b),
      mappedSpelling: (a, b) => impl.mappedSpelling(a, b),
    };

    const size = (): number => snapshot.reduce((n, s) => n + s.f.list.length - s.length, 0);
    const clear = (): void => {
      let grown = false;
      for (const s of snapshot) {
        if (s.f.list.length === s.length && s.f.index === s.index) continue;
        grown = true;
        for (let i = s.length; i < s.f.list.length; i++) delete s.f.hash[String(s.f.list[i])];
        s.f.list.length = s.length;
        s.f.index = s.index;
      }
      shownIn = [];
      categoryOf = [];
      normalOf = [];
      if (grown) impl = original(core, featureFn);
    };
    const full = (): boolean =>
      lexemeList.length - known > MAX_HELD_WORDS ||
      snapshot.some((s) => s.f.maxIndex !== undefined && s.f.list.length - s.length > (s.f.maxIndex + 1 - s.length) / 2);
    const begin = (): void => {
      doc += 1;
      if (full()) clear();
    };
    const overflowed = (): boolean =>
      lexemeList.length > MAX_LEXEME_INDEX || fields.some((f) => f.list.length > (f.maxIndex as number) + 1);
    lastHistory = { begin, clear, size, overflowed };
    return facade;
  };
}

/** Loads wink-nlp with the resettable cache factory in place of its own. */
function loadWink(): typeof winkNLPType {
  const require = createRequire(import.meta.url);
  const winkPath = require.resolve('wink-nlp');
  const cachePath = require.resolve('wink-nlp/src/cache.js');
  if (require.cache[winkPath]) {
    throw new Error('wink-nlp was loaded before newsgraph could make its cache resettable; import it only through src/nlp/create-nlp.ts');
  }
  const original = require(cachePath) as CacheFactory;
  const entry = require.cache[cachePath];
  if (!entry) throw new Error('cannot reach wink-nlp/src/cache.js in the module cache');
  entry.exports = resettable(original);
  let wink: typeof winkNLPType;
  try {
    wink = require('wink-nlp') as typeof winkNLPType;
  } finally {
    entry.exports = original;
  }
  return wink;
}

/**
 * wink's raw document data (`rdd`), as its own `its` token helpers read it:
 * `its.value(i, rdd)`, `its.lemma(i, rdd, addons)`, ... for i < numOfTokens.
 * `tokens` holds `WINK_TOKEN.size` numbers per token (`wink-nlp/src/constants.js`,
 * `its.js`): its lexeme index (`cache.value` gives its text); its preceding
 * spaces (`& spacesMask`; the mask itself when they hold a non-breaking
 * space, then found in `nonBreakingSpaces`), above which a contraction's
 * expansion keeps a pointer (so the number is above the mask); and its POS
 * index (`(n & posMask) >>> posShift`; `cache.valueOf('pos', index)` names it).
 */
interface WinkDocData {
  readonly numOfTokens: number;
  /** Per sentence: first and last token index, then wink's negation flag and sentiment. */
  readonly sentences: readonly (readonly number[])[];
  readonly tokens: readonly number[];
  readonly nonBreakingSpaces: Readonly<Record<number, string | undefined>>;
  readonly cache: {
    value(index: number): string;
    valueOf(feature: string, index: number): string | undefined;
  };
}
/** A read document's raw data and the model's addons (for `its.lemma`). */
export interface WinkDocAccess {
  readonly rdd: WinkDocData;
  readonly addons: unknown;
}

interface WinkConstants {
  tkSize: number;
  psMask: number;
  posMask: number;
  bits4lemma: number;
}
const winkConstants = createRequire(import.meta.url)('wink-nlp/src/constants.js') as WinkConstants;
/** The layout of `WinkDocData.tokens` (wink-nlp 2.x). */
export const WINK_TOKEN = {
  size: winkConstants.tkSize,
  spacesMask: winkConstants.psMask,
  posMask: winkConstants.posMask,
  posShift: winkConstants.bits4lemma,
} as const;
if (Object.values(WINK_TOKEN).some((v) => typeof v !== 'number')) {
  throw new Error('wink-nlp/src/constants.js lacks the token layout newsgraph reads; check create-nlp.ts against this wink-nlp version');
}

/** The raw data of the document being read, handed over by the POS setter (see `recordingModel`). */
let lastDocData: WinkDocData | undefined;

interface WinkPosModel {
  setter: (rdd: WinkDocData, ...rest: unknown[]) => unknown;
}
/**
 * wink-eng-lite-web-model with its POS setter (wink's last step over a
 * document's tokens, given the raw data `rdd`) recording that data: the cheap
 * way to reach it (wink's token API builds a collection and an item object
 * for it, 2% of this stage).
 */
function recordingModel(): typeof model {
  const { pos } = model as unknown as { pos?: () => WinkPosModel };
  if (typeof pos !== 'function') throw new Error('wink-eng-lite-web-model has no POS model; check create-nlp.ts against this model version');
  return {
    ...model,
    pos: () => {
      const posModel = pos();
      if (typeof posModel.setter !== 'function') throw new Error("wink-eng-lite-web-model's POS model has no setter; check create-nlp.ts against this model version");
      return {
        ...posModel,
        setter: (rdd: WinkDocData, ...rest: unknown[]) => {
          lastDocData = rdd;
          return posModel.setter(rdd, ...rest);
        },
      };
    },
  } as typeof model;
}

/**
 * Reads `text` with `nlp` (an instance from `createNlp`) and returns the
 * document's raw data, so that the caller can read every token's properties
 * in one pass (instead of one `out()` array per property). Undefined when the
 * document has no tokens.
 */
export function readDocData(nlp: WinkNlp, text: string): { doc: ReturnType<WinkNlp['readDoc']>; data: WinkDocAccess | undefined } {
  lastDocData = undefined;
  const doc = nlp.readDoc(text);
  const rdd = lastDocData as Partial<WinkDocData> | undefined;
  lastDocData = undefined;
  if (typeof rdd?.numOfTokens !== 'number' || !Array.isArray(rdd.tokens) || !Array.isArray(rdd.sentences) || typeof rdd.cache?.value !== 'function') {
    throw new Error("wink-nlp did not hand its document data to newsgraph's POS setter; check create-nlp.ts against this wink-nlp version");
  }
  if (rdd.numOfTokens === 0) return { doc, data: undefined };
  return { doc, data: { rdd: rdd as WinkDocData, addons: (model as unknown as { addons?: unknown }).addons } };
}

let winkNLP: typeof winkNLPType | undefined;
let instance: WinkNlp | undefined;

/** A new wink-nlp instance (tokens, sentences, POS; no NER) that `resetNlpHistory` can reset. */
export function createNlp(): WinkNlp {
  winkNLP ??= loadWink();
  lastHistory = undefined;
  const nlp = winkNLP(recordingModel(), ['sbd', 'pos']);
  if (!lastHistory) throw new Error('wink-nlp did not build its cache through the factory newsgraph wrapped');
  histories.set(nlp, lastHistory);
  lastHistory = undefined;
  return nlp;
}

/** Returns the process-wide wink-nlp instance. */
export function getNlp(): WinkNlp {
  instance ??= createNlp();
  return instance;
}

/**
 * Makes `nlp` read the next document exactly as a just-loaded instance would:
 * the words read since the last call are hidden (see the header). Cheap; a
 * no-op for an instance not made by `createNlp`.
 */
export function resetNlpHistory(nlp: WinkNlp): void {
  histories.get(nlp)?.begin();
}

/** Empties `nlp`'s tables of every word and feature value read since it was made. */
export function clearNlpHistory(nlp: WinkNlp): void {
  histories.get(nlp)?.clear();
}

/**
 * Whether a packed field of `nlp`'s tables may have overflowed since they were
 * last emptied: the documents read since the last reset are then read again
 * after `clearNlpHistory` (never seen on real text; see the header).
 */
export function nlpHistoryOverflowed(nlp: WinkNlp): boolean {
  return histories.get(nlp)?.overflowed() ?? false;
}

/** How many words and feature values `nlp` holds beyond its model's (0 if unknown). */
export function nlpHistorySize(nlp: WinkNlp): number {
  return histories.get(nlp)?.size() ?? 0;
}
