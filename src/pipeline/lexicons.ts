/**
 * Every lexicon and gazetteer the stages use, loaded once from data/ (like
 * wink's model) and passed in; stages never read files themselves. The
 * default data folder's lexicons are kept as a snapshot (lexicon-snapshot.ts)
 * that later processes read instead of building them again.
 */
import { DATA_DIR } from '../paths.js';
import { loadBoilerplateRules, type BoilerplateRules } from '../ingest/clean-text.js';
import { loadEntityLexicon, useEntityLexicon, type EntityLexicon } from '../extract/entity-lexicon.js';
import { loadRelationLexicon, relationLexiconFunctions, type RelationLexicon } from '../relations/relation-lexicon.js';
import { loadConfidenceTable, type ConfidenceTable } from '../calibration/confidence.js';
import { lexiconSourceHash, readSnapshot, writeSnapshot } from './lexicon-snapshot.js';

export interface Lexicons {
  readonly boilerplate: BoilerplateRules;
  readonly entities: EntityLexicon;
  readonly relations: RelationLexicon;
  /** Measured precision per rule (data/confidence.json), for the confidence of edges and quotes. */
  readonly confidence: ConfidenceTable;
}

let cached: Lexicons | undefined;

/** Loads all lexicons from `dataDir` (cached for the default folder, and kept as a snapshot for later processes). */
export function loadLexicons(dataDir: string = DATA_DIR): Lexicons {
  if (dataDir === DATA_DIR && cached) return cached;
  if (dataDir !== DATA_DIR) return buildLexicons(dataDir);
  const hash = lexiconSourceHash(dataDir);
  cached = restore(readSnapshot(hash), dataDir);
  if (!cached) {
    cached = buildLexicons(dataDir);
    const data = snapshotOf(cached, dataDir);
    if (data) writeSnapshot(hash, data);
  }
  return cached;
}

function buildLexicons(dataDir: string): Lexicons {
  return Object.freeze({
    boilerplate: loadBoilerplateRules(dataDir),
    entities: loadEntityLexicon(dataDir),
    relations: loadRelationLexicon(dataDir),
    confidence: loadConfidenceTable(dataDir),
  });
}

/**
 * The lexicons as data (the relation lexicon's functions left out: `restore` makes them again),
 * or undefined when they are more than plain data `v8.serialize` gives back as it was (an
 * instance of a class, a function other than those).
 */
function snapshotOf(lex: Lexicons, dataDir: string): Record<string, unknown> | undefined {
  const made = new Set(Object.keys(relationLexiconFunctions(dataDir)));
  const relations = Object.fromEntries(Object.entries(lex.relations).filter(([k]) => !made.has(k)));
  const data = { ...lex, relations };
  return isPlainData(data) ? data : undefined;
}

/** Whether `value` is made of primitives, plain objects, arrays, Maps, Sets, RegExps and typed arrays only. */
function isPlainData(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'function' || typeof v === 'symbol') return false;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto === Map.prototype) for (const [k, x] of v as Map<unknown, unknown>) stack.push(k, x);
    else if (proto === Set.prototype) for (const x of v as Set<unknown>) stack.push(x);
    else if (proto === Array.prototype || proto === Object.prototype || proto === null) stack.push(...Object.values(v));
    else if (!(proto === RegExp.prototype || ArrayBuffer.isView(v))) return false;
  }
  return true;
}

/** The lexicons from a snapshot's data, with the functions made again; the entity lexicon becomes the one its loader returns. */
function restore(data: unknown, dataDir: string): Lexicons | undefined {
  const d = data as Partial<Record<keyof Lexicons, object>> | undefined;
  if (!d?.boilerplate || !d.entities || !d.relations || !d.confidence) return undefined;
  const entities = Object.freeze(d.entities) as EntityLexicon;
  useEntityLexicon(dataDir, entities);
  return Object.freeze({
    boilerplate: Object.freeze(d.boilerplate) as BoilerplateRules,
    entities,
    relations: Object.freeze({ ...d.relations, ...relationLexiconFunctions(dataDir) }) as RelationLexicon,
    confidence: Object.freeze(d.confidence) as ConfidenceTable,
  });
}
