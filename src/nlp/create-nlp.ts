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
 * puts the instance back in its just-loaded state: it drops the words the
 * model's feature tables gained and starts a fresh cache. The cache is
 * reached by wrapping wink's cache factory while wink-nlp loads (wink offers
 * no public reset); the wrapper holds the current cache's methods, replaced at
 * each reset (wink reads `cache.method` at each call, never keeps a method
 * across documents).
 * Per-article output is then exactly what a fresh instance gives, and memory
 * no longer grows with the corpus vocabulary.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type WinkNlp = ReturnType<typeof winkNLPType>;

type CacheMethod = (a?: unknown, b?: unknown) => unknown;
type WinkCache = Record<string, CacheMethod>;
interface FeatureTable {
  hash: Record<string, unknown>;
  list: unknown[];
  index: number;
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

interface History {
  reset(): void;
  /** Words (and feature values) added since the last reset. */
  size(): number;
}
/** History of the cache made last (read right after `winkNLP()` returns). */
let lastHistory: History | undefined;
const histories = new WeakMap<WinkNlp, History>();

/** A cache factory whose caches can be put back to the model's just-loaded state. */
function resettable(original: CacheFactory): CacheFactory {
  return (core, featureFn) => {
    const tables = Object.values(core.features).filter(
      (f): f is FeatureTable => !!f && typeof f.hash === 'object' && f.hash !== null && Array.isArray(f.list) && typeof f.index === 'number',
    );
    const snapshot = tables.map((f) => ({ f, length: f.list.length, index: f.index }));
    let impl = original(core, featureFn);
    const lexemeHash = core.features['lexeme']?.hash as Record<string, unknown> | undefined;
    const extra = Object.keys(impl).filter((k) => !(CACHE_METHODS as readonly string[]).includes(k));
    if (extra.length) throw new Error(`wink-nlp's cache has methods newsgraph does not know (${extra.join(', ')}); check create-nlp.ts against this wink-nlp version`);
    // The facade holds the current cache's own methods (wink calls them as `cache.lookup(...)`,
    // reading the property at each call; a forwarding closure cost 1-2% of a build).
    const facade: WinkCache = Object.create(null) as WinkCache;
    const install = (): void => {
      for (const name of CACHE_METHODS) {
        if (name === 'lookup' && lexemeHash) continue;
        const method = impl[name];
        if (typeof method === 'function') facade[name] = method;
      }
    };
    install();
    // `lookup(text)` is a function of the text's lexeme index alone (the model's entry for a known
    // word, a contraction's expansions, or `[index]` for a word added since): its arrays are made
    // once per index instead of at every token (about 5% of a build's allocation).
    // wink only reads them.
    const lookups = new Array<readonly unknown[] | null | undefined>((core.features['lexeme']?.list?.length ?? 0) + 4096);
    if (lexemeHash) {
      facade['lookup'] = (text) => {
        const index = lexemeHash[text as string];
        if (typeof index !== 'number') return (impl['lookup'] as CacheMethod)(text);
        let found = lookups[index];
        if (found === undefined) {
          found = (impl['lookup'] as CacheMethod)(text) as unknown[] | null;
          if (found) Object.freeze(found);
          lookups[index] = found;
        }
        return found;
      };
    }
    const size = (): number => snapshot.reduce((n, s) => n + s.f.list.length - s.length, 0);
    const reset = (): void => {
      let grown = false;
      for (const s of snapshot) {
        if (s.f.list.length === s.length && s.f.index === s.index) continue;
        grown = true;
        for (let i = s.length; i < s.f.list.length; i++) delete s.f.hash[String(s.f.list[i])];
        s.f.list.length = s.length;
        s.f.index = s.index;
      }
      if (grown) {
        impl = original(core, featureFn);
        install();
      }
    };
    lastHistory = { reset, size };
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
  allowDocDataCapture(require(require.resolve('wink-nlp/src/allowed.js')) as unknown);
  return wink;
}

/**
 * wink's raw document data (`rdd`), as its own `its.*` token helpers read it:
 * `its.value(i, rdd)`, `its.lemma(i, rdd, addons)`, ... for i < numOfTokens.
 */
export interface WinkDocData {
  readonly numOfTokens: number;
}
/** A read document's raw data and the model's addons (for `its.lemma`). */
export interface WinkDocAccess {
  readonly rdd: WinkDocData;
  readonly addons: unknown;
}

/** A token-level `its` function that hands back wink's raw document data instead of a token property. */
function captureDocData(_index: number, rdd: WinkDocData, addons: unknown): WinkDocAccess {
  return { rdd, addons };
}

/**
 * wink only calls `its` functions found in its `allowed.its4token` set (any
 * other is silently replaced by `its.value`); `captureDocData` is added there
 * so that one call reaches the document's raw data.
 */
function allowDocDataCapture(allowed: unknown): void {
  const set = (allowed as { its4token?: unknown } | null)?.its4token;
  if (!(set instanceof Set)) throw new Error('wink-nlp/src/allowed.js has no its4token set; check create-nlp.ts against this wink-nlp version');
  set.add(captureDocData);
}

/**
 * Reads `text` with `nlp` and returns the document's raw data, so that the
 * caller can read every token's properties in one pass with wink's `its`
 * helpers (instead of one `out()` array per property). Undefined when the
 * document has no tokens.
 */
export function readDocData(nlp: WinkNlp, text: string): { doc: ReturnType<WinkNlp['readDoc']>; data: WinkDocAccess | undefined } {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  if (tokens.length() === 0) return { doc, data: undefined };
  const data = tokens.itemAt(0).out(captureDocData as unknown as Parameters<ReturnType<typeof tokens.itemAt>['out']>[0]) as unknown as WinkDocAccess;
  if (typeof data !== 'object' || data === null || typeof (data.rdd as Partial<WinkDocData> | undefined)?.numOfTokens !== 'number') {
    throw new Error("wink-nlp did not call newsgraph's raw-data reader; check create-nlp.ts against this wink-nlp version");
  }
  return { doc, data };
}

let winkNLP: typeof winkNLPType | undefined;
let instance: WinkNlp | undefined;

/** A new wink-nlp instance (tokens, sentences, POS; no NER) that `resetNlpHistory` can reset. */
export function createNlp(): WinkNlp {
  winkNLP ??= loadWink();
  lastHistory = undefined;
  const nlp = winkNLP(model, ['sbd', 'pos']);
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
 * Forgets every word `nlp` has read since it was made, so that the next
 * document is read exactly as by a fresh instance. Cheap when nothing new
 * was read; a no-op for an instance not made by `createNlp`.
 */
export function resetNlpHistory(nlp: WinkNlp): void {
  histories.get(nlp)?.reset();
}

/** How many words and feature values `nlp` has added to its tables since it was made or reset (0 if unknown). */
export function nlpHistorySize(nlp: WinkNlp): number {
  return histories.get(nlp)?.size() ?? 0;
}
