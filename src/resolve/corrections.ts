/**
 * User corrections to cross-article resolution, kept in a TSV file
 * (`newsgraph.corrections.tsv`) and applied on every build and append. One
 * correction per line, fields separated by tabs, `#` starts a comment:
 *
 *   merge       <Type>  <name>  <other name>   the two are one entity
 *   apart       <Type>  <name>  <other name>   never the same entity
 *   not-entity  <Type>  <name>                 no node for it
 *   type        <Type>  <name>  <new Type>     it is of another type
 *   alias       <Type>  <name>  <alias>        one more alias
 *   name        <Type>  <name>  <canonical>    its canonical name (and key)
 *
 * A name matches an entity whose name or alias folds to the same text
 * (case, accents and punctuation aside). `parseCorrections` is pure and
 * throws a ConfigError naming the file and line of a bad line; the matching
 * itself happens in resolve-corpus.ts.
 */
import type { EntityType } from '../types.js';
import { ENTITY_TYPES } from '../types.js';
import { ConfigError } from '../errors.js';
import { foldName } from './name-similarity.js';

export const DEFAULT_CORRECTIONS_FILE = 'newsgraph.corrections.tsv';

type CorrectionAction = 'merge' | 'apart' | 'not-entity' | 'type' | 'alias' | 'name';
const ACTIONS: readonly CorrectionAction[] = ['merge', 'apart', 'not-entity', 'type', 'alias', 'name'];

export interface Correction {
  readonly file: string;
  readonly line: number;
  readonly action: CorrectionAction;
  readonly type: EntityType;
  readonly name: string;
  /** The other name (merge, apart), the new type (type), the alias (alias) or the canonical name (name). */
  readonly value?: string;
}

/** What became of one correction in a resolution. */
interface CorrectionOutcome extends Correction {
  /** Keys of the entities it changed (empty when it matched nothing). */
  readonly entities: readonly string[];
}

export interface CorrectionReport {
  readonly applied: readonly CorrectionOutcome[];
  readonly unmatched: readonly CorrectionOutcome[];
}

/** Parses a corrections file's text. Throws a ConfigError `file:line: reason` on the first bad line. */
export function parseCorrections(text: string, file: string): Correction[] {
  const out: Correction[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    const fail = (reason: string): never => {
      throw new ConfigError(`${file}:${line}: ${reason}`, 'CONFIG_INVALID');
    };
    const fields = content.split('\t').map((f) => f.trim());
    const [action, type, name, value, ...rest] = fields;
    if (!ACTIONS.includes(action as CorrectionAction)) fail(`unknown correction "${action}"; use ${ACTIONS.join(', ')} (fields separated by tabs)`);
    const act = action as CorrectionAction;
    if (!ENTITY_TYPES.includes(type as EntityType)) fail(`"${type ?? ''}" is not an entity type; use ${ENTITY_TYPES.join(', ')}`);
    if (!name || foldName(name) === '') fail(`${act} needs a name in the third field`);
    const wanted = act === 'not-entity' ? 3 : 4;
    if (fields.length !== wanted || rest.length > 0) {
      fail(`${act} takes ${wanted} tab-separated fields (${act === 'not-entity' ? 'not-entity, type, name' : `${act}, type, name, ${act === 'type' ? 'new type' : act === 'alias' ? 'alias' : act === 'name' ? 'canonical name' : 'other name'}`}), got ${fields.length}`);
    }
    if (act !== 'not-entity') {
      if (!value) fail(`${act} needs a fourth field`);
      if (act === 'type' && !ENTITY_TYPES.includes(value as EntityType)) fail(`"${value}" is not an entity type; use ${ENTITY_TYPES.join(', ')}`);
      if ((act === 'merge' || act === 'apart') && foldName(value as string) === foldName(name as string)) fail(`${act} names the same entity twice`);
    }
    out.push({ file, line, action: act, type: type as EntityType, name: name as string, ...(value ? { value } : {}) });
  });
  return out;
}

/** The key a name is matched by (see the module comment). */
export const correctionKey = (type: EntityType, name: string): string => `${type}|${foldName(name).replace(/\s+/g, ' ')}`;

/** Corrections by the key of the name they are about (and, for merge and apart, the other name). */
export function indexCorrections(corrections: readonly Correction[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  corrections.forEach((c, i) => {
    add(correctionKey(c.type, c.name), i);
    if ((c.action === 'merge' || c.action === 'apart') && c.value) add(correctionKey(c.type, c.value), i);
  });
  return index;
}

export function reportCorrections(corrections: readonly Correction[], entities: readonly (readonly string[])[]): CorrectionReport {
  const applied: CorrectionOutcome[] = [];
  const unmatched: CorrectionOutcome[] = [];
  corrections.forEach((c, i) => {
    const keys = [...new Set(entities[i] ?? [])].sort();
    (keys.length ? applied : unmatched).push({ ...c, entities: keys });
  });
  return { applied, unmatched };
}
