/**
 * Loads the relation rules of `data/rules/*.json`, checks each one and
 * indexes them by trigger lemma. A rule that does not check stops the load
 * with a ConfigError naming the file and the rule id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../paths.js';
import { ConfigError } from '../errors.js';
import { RELATION_TYPES, type RelationType } from '../types.js';
import { GUARD_NAMES, type GuardName, type NounRule, type NounSlot, type Rule, type RuleExample, type RuleIndex, type VerbRule, type VerbSlot } from './rule.js';

const VERB_SLOTS = new Set(['object', 'object-or-owner', 'possessor', 'clause', 'reciprocal', 'label-owner']);
const ID = /^[a-z0-9][a-z0-9.+_-]*$/;

type Raw = Record<string, unknown>;

class RuleError extends ConfigError {
  constructor(file: string, id: unknown, what: string) {
    super(`relation rules: ${path.basename(file)}: rule ${typeof id === 'string' ? `"${id}"` : '(no id)'}: ${what}`, 'CONFIG_INVALID');
  }
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

function readExamples(file: string, raw: Raw, generated: boolean): RuleExample[] {
  const ex = raw['examples'];
  if (ex === undefined && generated) return [];
  if (!Array.isArray(ex) || (!ex.length && !generated)) throw new RuleError(file, raw['id'], 'needs "examples" (at least one)');
  const triple = (t: unknown): t is [string, string, string] => Array.isArray(t) && t.length === 3 && t.every((x) => typeof x === 'string');
  return ex.map((e: Raw) => {
    const edges = e?.['edges'] ?? [];
    const not = e?.['not'] ?? [];
    if (typeof e?.['text'] !== 'string' || !Array.isArray(edges) || !Array.isArray(not) || !edges.every(triple) || !not.every(triple)) {
      throw new RuleError(file, raw['id'], 'an example needs "text" and "edges"/"not" lists of [type, source, target]');
    }
    return { text: e['text'], edges, not };
  });
}

function readTrigger(file: string, raw: Raw): { kind: 'verb'; words: string[][] } | { kind: 'noun'; lemmas: string[] } {
  const t = raw['trigger'] as Raw | undefined;
  const keys = t && typeof t === 'object' ? Object.keys(t) : [];
  if (!t || keys.length !== 1) throw new RuleError(file, raw['id'], 'needs a "trigger" with exactly one of verb, verbs, phrase, noun, nouns');
  const v = t[keys[0] as string];
  const low = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());
  if (keys[0] === 'verb' && typeof v === 'string' && v) return { kind: 'verb', words: [[v.toLowerCase()]] };
  if (keys[0] === 'verbs' && strings(v) && v.length) return { kind: 'verb', words: low(v).map((w) => [w]) };
  if (keys[0] === 'phrase' && strings(v) && v.length >= 2) return { kind: 'verb', words: [low(v)] };
  if (keys[0] === 'noun' && typeof v === 'string' && v) return { kind: 'noun', lemmas: [v.toLowerCase()] };
  if (keys[0] === 'nouns' && strings(v) && v.length) return { kind: 'noun', lemmas: low(v) };
  throw new RuleError(file, raw['id'], `bad trigger ${JSON.stringify(t)}`);
}

function checkSlots(file: string, raw: Raw, kind: 'verb' | 'noun', type: RelationType): string[] {
  const target = raw['target'];
  if (!Array.isArray(target) || !target.every((x) => typeof x === 'string')) throw new RuleError(file, raw['id'], 'needs a "target" list of slot names');
  for (const s of target) {
    const ok = /^pp:[a-z]+$/.test(s) || s === 'clause' || (kind === 'verb' && VERB_SLOTS.has(s));
    if (!ok) throw new RuleError(file, raw['id'], `unknown ${kind} target slot "${s}"`);
  }
  if (!target.length && type !== 'DEPLOYED_NEAR') throw new RuleError(file, raw['id'], 'an empty "target" is for DEPLOYED_NEAR only');
  return target;
}

/** The guards a noun rule may list: they read the target phrase after its preposition. */
const NOUN_GUARDS: readonly GuardName[] = ['infinitive-after-object', 'threat-governor', 'no-threat-governor', 'no-market-sense'];

function readRule(file: string, raw: Raw, generated: boolean): Rule[] {
  const id = raw['id'];
  if (typeof id !== 'string' || !ID.test(id)) throw new RuleError(file, id, 'needs an "id" of lower-case letters, digits, dots and dashes');
  const type = raw['type'];
  if (typeof type !== 'string' || !(RELATION_TYPES as readonly string[]).includes(type)) throw new RuleError(file, id, `unknown relation type "${String(type)}"`);
  const confidence = raw['confidence'];
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence <= 1)) throw new RuleError(file, id, 'needs a "confidence" in (0, 1]');
  for (const k of ['cameo', 'plover', 'note']) if (raw[k] !== undefined && typeof raw[k] !== 'string') throw new RuleError(file, id, `"${k}" must be a string`);
  if (raw['cameo'] !== undefined && !/^\d{2,4}$/.test(raw['cameo'] as string)) throw new RuleError(file, id, '"cameo" must be a CAMEO code of 2 to 4 digits');
  const guards = raw['guards'] ?? [];
  if (!strings(guards) || guards.some((g) => !(GUARD_NAMES as readonly string[]).includes(g))) throw new RuleError(file, id, `unknown guard in ${JSON.stringify(guards)} (known: ${GUARD_NAMES.join(', ')})`);
  const heads = raw['objectHeads'];
  if (heads !== undefined && !strings(heads)) throw new RuleError(file, id, '"objectHeads" must be a list of lemmas');
  if (raw['intent'] !== undefined && typeof raw['intent'] !== 'boolean') throw new RuleError(file, id, '"intent" must be true or false');
  const base = {
    id,
    type: type as RelationType,
    confidence,
    cameo: raw['cameo'] as string | undefined,
    plover: raw['plover'] as string | undefined,
    examples: readExamples(file, raw, generated),
    file,
  };
  const trigger = readTrigger(file, raw);
  const target = checkSlots(file, raw, trigger.kind, base.type);
  const actor = raw['actor'] ?? (trigger.kind === 'verb' ? 'subject' : 'owner-or-governor');
  if (trigger.kind === 'verb') {
    if (actor !== 'subject') throw new RuleError(file, id, `a verb rule's actor is "subject", not "${String(actor)}"`);
    return trigger.words.map(
      (words): VerbRule => Object.freeze({ ...base, kind: 'verb', words, target: target as VerbSlot[], guards: guards as GuardName[], objectHeads: heads ? new Set(heads.map((h) => h.toLowerCase())) : undefined, intent: raw['intent'] === true }),
    );
  }
  if (actor !== 'owner' && actor !== 'owner-or-governor') throw new RuleError(file, id, `a noun rule's actor is "owner" or "owner-or-governor", not "${String(actor)}"`);
  if (raw['intent'] !== undefined) throw new RuleError(file, id, '"intent" is for verb rules');
  if (guards.some((g) => !NOUN_GUARDS.includes(g as GuardName))) throw new RuleError(file, id, `guards other than ${NOUN_GUARDS.join(', ')} are for verb rules`);
  const preps = (target as NounSlot[]).filter((s) => s.startsWith('pp:')).map((s) => s.slice(3));
  if (heads && !preps.length) throw new RuleError(file, id, 'a noun rule\'s objectHeads are the heads of its prepositional target: give a "pp:" slot');
  const targetHeads = heads ? new Set(heads.map((h) => h.toLowerCase())) : undefined;
  return trigger.lemmas.map((lemma): NounRule => Object.freeze({ ...base, kind: 'noun', lemma, preps, clause: target.includes('clause'), ownedOnly: actor === 'owner', guards: guards as GuardName[], objectHeads: targetHeads }));
}

function readFile(file: string): Rule[] {
  let raw: Raw;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Raw;
  } catch (e) {
    throw new ConfigError(`relation rules: cannot read ${file}: ${(e as Error).message}`, 'CONFIG_INVALID', { cause: e });
  }
  if (!Array.isArray(raw['rules'])) throw new ConfigError(`relation rules: ${file} has no "rules" list`, 'CONFIG_INVALID');
  const generated = raw['generated'] === true;
  return (raw['rules'] as Raw[]).flatMap((r) => readRule(file, r ?? {}, generated));
}

const cache = new Map<string, RuleIndex>();

/** The rules of `<dataDir>/rules/*.json` (files in name order, rules in file order), indexed by trigger. */
export function loadRules(dataDir: string = DATA_DIR): RuleIndex {
  const dir = path.join(dataDir, 'rules');
  const hit = cache.get(dir);
  if (hit) return hit;
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    throw new ConfigError(`relation rules: cannot read ${dir}: ${(e as Error).message}`, 'CONFIG_INVALID', { cause: e });
  }
  const verbs = new Map<string, VerbRule[]>();
  const nouns = new Map<string, NounRule[]>();
  const byId = new Map<string, Rule>();
  for (const f of files) {
    const file = path.join(dir, f);
    for (const rule of readFile(file)) {
      const prev = byId.get(rule.id);
      // A rule with a lemma set is one id over several triggers; the same id in another rule is an error.
      if (prev && (prev.file !== file || prev.type !== rule.type || prev.confidence !== rule.confidence || prev.examples !== rule.examples)) {
        throw new RuleError(file, rule.id, `duplicate id (also in ${path.basename(prev.file)})`);
      }
      byId.set(rule.id, rule);
      if (rule.kind === 'verb') {
        const head = rule.words[0] as string;
        const list = verbs.get(head) ?? [];
        list.push(rule);
        // Longest phrase first (stable), so `call on` is tried before a plain `call`.
        list.sort((a, b) => b.words.length - a.words.length);
        verbs.set(head, list);
      } else {
        const key = rule.lemma.split(' ').at(-1) ?? rule.lemma;
        const list = nouns.get(key) ?? [];
        list.push(rule);
        nouns.set(key, list);
      }
    }
  }
  const index: RuleIndex = Object.freeze({ verbs, nouns, byId });
  cache.set(dir, index);
  return index;
}
