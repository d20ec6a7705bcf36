/**
 * The boilerplate rules of `data/lexicons/boilerplate.json`, compiled once
 * into regular expressions. `compileBoilerplateRules` is pure;
 * `loadBoilerplateRules` reads the file (call it once and pass the rules in).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, errorMessage } from '../errors.js';
import { DATA_DIR } from '../paths.js';

const BOILERPLATE_FILE = path.join('lexicons', 'boilerplate.json');

/** What a matching rule does to its paragraph (see the notes in the data file). */
type RuleAction = 'strip' | 'drop' | 'caption' | 'teaser-marker' | 'end-marker' | 'drop-rest';
const RULE_ACTIONS: readonly RuleAction[] = ['strip', 'drop', 'caption', 'teaser-marker', 'end-marker', 'drop-rest'];

export interface BoilerplateRule {
  /** Recorded in `CleanedText.dropped[].rule`. */
  readonly name: string;
  readonly action: RuleAction;
  /** The rule only tests paragraphs up to this length (for captions: the caption length limit). */
  readonly maxChars: number;
  /** Captions only: on a longer paragraph, cut the matched credit off instead of keeping it. */
  readonly stripWhenLong: boolean;
  /** All the rule's patterns as one alternation (never global, so `test` has no state). */
  readonly regex: RegExp;
}

interface AuthorBioRules {
  readonly nameLine: RegExp;
  readonly maxNameChars: number;
  readonly bioMaxChars: number;
  readonly bioMinFragments: number;
  readonly bioMaxFragmentWords: number;
}

export interface BoilerplateRules {
  readonly rules: readonly BoilerplateRule[];
  readonly authorBio: AuthorBioRules;
  readonly teaserLink: { readonly maxChars: number; readonly sentenceEnd: RegExp };
  readonly truncatedDuplicate: { readonly minChars: number };
  readonly dropRest: { readonly minCharsBefore: number };
  readonly html: { readonly skipSelectors: readonly string[] };
}

function fail(where: string, what: string): never {
  throw new ConfigError(`boilerplate rules: ${where}: ${what}`, 'CONFIG_INVALID');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(obj: Record<string, unknown>, key: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(where, `\`${key}\` should be a non-negative number`);
  return v;
}

function str(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') fail(where, `\`${key}\` should be a non-empty string`);
  return v;
}

function compile(source: string, flags: string, where: string): RegExp {
  if (flags.includes('g') || flags.includes('y')) fail(where, 'flags g and y are not allowed');
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return fail(where, `invalid pattern: ${errorMessage(e)}`);
  }
}

/** Validates and compiles the parsed JSON of the rules file. Throws ConfigError on a bad file. */
export function compileBoilerplateRules(json: unknown): BoilerplateRules {
  if (!isRecord(json)) fail('file', 'should hold a JSON object');
  const rawRules = json['rules'];
  if (!Array.isArray(rawRules)) fail('file', '`rules` should be an array');
  const rules = rawRules.map((raw: unknown, i): BoilerplateRule => {
    const where = `rules[${i}]`;
    if (!isRecord(raw)) fail(where, 'should be an object');
    const name = str(raw, 'name', where);
    const action = raw['action'];
    if (!RULE_ACTIONS.includes(action as RuleAction)) fail(`${where} (${name})`, `\`action\` should be one of ${RULE_ACTIONS.join(', ')}`);
    const flags = raw['flags'] === undefined ? 'i' : str(raw, 'flags', where);
    const patterns = raw['patterns'];
    if (!Array.isArray(patterns) || patterns.length === 0) fail(`${where} (${name})`, '`patterns` should be a non-empty array');
    const sources = patterns.map((p: unknown, j) => {
      if (!isRecord(p)) fail(`${where}.patterns[${j}]`, 'should be an object');
      const re = str(p, 're', `${where}.patterns[${j}]`);
      str(p, 'catches', `${where}.patterns[${j}]`);
      compile(re, flags, `${where}.patterns[${j}] (${name})`);
      return `(?:${re})`;
    });
    return {
      name,
      action: action as RuleAction,
      maxChars: num(raw, 'maxChars', where),
      stripWhenLong: raw['stripWhenLong'] === true,
      regex: compile(sources.join('|'), flags, `${where} (${name})`),
    };
  });

  const bio = json['authorBio'];
  if (!isRecord(bio)) fail('file', '`authorBio` should be an object');
  const teaser = json['teaserLink'];
  if (!isRecord(teaser)) fail('file', '`teaserLink` should be an object');
  const truncated = json['truncatedDuplicate'];
  if (!isRecord(truncated)) fail('file', '`truncatedDuplicate` should be an object');
  const dropRest = json['dropRest'];
  if (!isRecord(dropRest)) fail('file', '`dropRest` should be an object');
  const html = json['html'];
  if (!isRecord(html) || !Array.isArray(html['skipSelectors']) || !html['skipSelectors'].every((s) => typeof s === 'string')) {
    fail('file', '`html.skipSelectors` should be an array of strings');
  }
  return {
    rules,
    authorBio: {
      nameLine: compile(str(bio, 'nameLine', 'authorBio'), 'u', 'authorBio.nameLine'),
      maxNameChars: num(bio, 'maxNameChars', 'authorBio'),
      bioMaxChars: num(bio, 'bioMaxChars', 'authorBio'),
      bioMinFragments: num(bio, 'bioMinFragments', 'authorBio'),
      bioMaxFragmentWords: num(bio, 'bioMaxFragmentWords', 'authorBio'),
    },
    teaserLink: {
      maxChars: num(teaser, 'maxChars', 'teaserLink'),
      sentenceEnd: compile(str(teaser, 'sentenceEnd', 'teaserLink'), 'u', 'teaserLink.sentenceEnd'),
    },
    truncatedDuplicate: { minChars: num(truncated, 'minChars', 'truncatedDuplicate') },
    dropRest: { minCharsBefore: num(dropRest, 'minCharsBefore', 'dropRest') },
    html: { skipSelectors: html['skipSelectors'] as string[] },
  };
}

/** Reads and compiles `<dataDir>/lexicons/boilerplate.json`. Throws ConfigError when it is missing or invalid. */
export function loadBoilerplateRules(dataDir: string = DATA_DIR): BoilerplateRules {
  const file = path.join(dataDir, BOILERPLATE_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`boilerplate rules: cannot read ${file}: ${errorMessage(e)}`, 'CONFIG_INVALID', { cause: e });
  }
  return compileBoilerplateRules(json);
}
