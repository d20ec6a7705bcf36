/**
 * The relation types as data (`data/relation-types.json`): name, symmetry,
 * class, CAMEO root codes, PLOVER type, colour, description. Read once and
 * frozen; the rule loader checks every rule's type against it, and edges get
 * their default CAMEO code and PLOVER type from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../paths.js';
import { ConfigError } from '../errors.js';

export interface RelationTypeDef {
  readonly name: string;
  readonly symmetric: boolean;
  /** The act's polarity, or `structure` for an edge that states no act. */
  readonly class: 'conflict' | 'cooperation' | 'structure';
  /** CAMEO root codes (two digits); empty for structural types. */
  readonly cameo: readonly string[];
  readonly cameoName?: string;
  readonly plover: string | null;
  readonly color: string;
  readonly description: string;
  /** A person does not direct it at the state or body they act for. */
  readonly hostile?: boolean;
  /** It aims to make the target act (a target-less warning of consequences shares its target). */
  readonly directive?: boolean;
  /** Its declared refusal is also a REJECTED act. */
  readonly refusable?: boolean;
}

const cache = new Map<string, readonly RelationTypeDef[]>();

export function loadRelationTypes(dataDir: string = DATA_DIR): readonly RelationTypeDef[] {
  const file = path.join(dataDir, 'relation-types.json');
  const hit = cache.get(file);
  if (hit) return hit;
  let raw: { types?: unknown };
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { types?: unknown };
  } catch (e) {
    throw new ConfigError(`relation types: cannot read ${file}: ${(e as Error).message}`, 'CONFIG_INVALID', { cause: e });
  }
  if (!Array.isArray(raw.types)) throw new ConfigError(`relation types: ${file} has no "types" list`, 'CONFIG_INVALID');
  const types = raw.types.map((t: RelationTypeDef, i: number) => {
    if (typeof t?.name !== 'string' || typeof t.symmetric !== 'boolean' || !Array.isArray(t.cameo) || typeof t.color !== 'string') {
      throw new ConfigError(`relation types: entry ${i} of ${file} needs name, symmetric, cameo and color`, 'CONFIG_INVALID');
    }
    return Object.freeze({ ...t, cameo: Object.freeze([...t.cameo]) });
  });
  const frozen = Object.freeze(types);
  cache.set(file, frozen);
  return frozen;
}
