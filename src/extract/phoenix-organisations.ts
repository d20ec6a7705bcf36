/**
 * Organisations of the Phoenix actor dictionaries (`data/gazetteers/phoenix-organisations.tsv`:
 * international bodies, NGOs, companies, armed groups) as lexicon phrases. The dictionaries mix
 * in office holders and write every word title-case (`Committee To Protect Journalists`), so
 * only names that read as an organisation's are kept: two words or more, no person's name, and
 * a word that marks an institution (a head noun or legal form, a joining word, a plural).
 * Pure but for reading the file.
 */
import fs from 'node:fs';
import { consonantKey } from '../resolve/name-similarity.js';

/** What tells a person's name or a title apart from an organisation's. */
export interface PhoenixFilter {
  /** Head nouns and legal forms as written (`Council`, `Inc`). */
  readonly orgHeads: ReadonlySet<string>;
  /** Title words as written (`Secretary`, `President`). */
  readonly titles: ReadonlyMap<string, { readonly kind: string }>;
  /** Lower-case given names. */
  readonly givenNames: ReadonlySet<string>;
  /** Phrase keys of people named in full, and the key of a phrase. */
  readonly fullNames: ReadonlySet<string>;
  readonly keyOf: (text: string) => string;
}

/** Joining words, written in lower case inside a name (`Bank of England`, `Reporters without Borders` keeps its capital). */
const JOINS = new Set(['of', 'for', 'and', 'the', 'to', 'in', 'on', 'at', 'de', 'du', 'des', 'la', 'le', 'del', 'di', 'da']);
/** A word in the plural (`Journalists`, `Instruments`), not in `-ss` (`Ross`) or `-us`, `-is`. */
const PLURAL = /\p{Ll}[^sui]s$/u;
const INITIAL = /^\p{L}\.?$/u;

/** `Committee To Protect Journalists` -> `Committee to Protect Journalists`; `Children'S` -> `Children's`. */
export function phoenixCase(name: string): string {
  return name
    .split(' ')
    .map((w, k) => (k > 0 && JOINS.has(w.toLowerCase()) ? w.toLowerCase() : w.replace(/(['’])S\b/g, '$1s')))
    .join(' ');
}

/** Whether a Phoenix name reads as an organisation's (see the module comment). */
export function readsAsOrganisation(name: string, f: PhoenixFilter): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.some((w) => INITIAL.test(w))) return false;
  if (f.givenNames.has((words[0] ?? '').toLowerCase()) || f.fullNames.has(f.keyOf(name))) return false;
  const head = words.some((w) => f.orgHeads.has(w));
  if (!head && words.some((w) => f.titles.get(w)?.kind === 'head')) return false;
  const joined = words.some((w, k) => k > 0 && k < words.length - 1 && JOINS.has(w.toLowerCase()));
  return head || joined || PLURAL.test(words[words.length - 1] ?? '');
}

const PARENTHESES = /\s*\([^)]*\)/g;

/** The rows of the Phoenix file: the name and its aliases, without notes in parentheses. */
function phoenixRows(file: string): string[][] {
  if (!fs.existsSync(file)) return [];
  const rows: string[][] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [rawName = '', , aliases = ''] = line.split('\t');
    rows.push([rawName, ...aliases.split('|')].map((s) => phoenixCase(s.replace(PARENTHESES, '').trim())).filter(Boolean));
  }
  return rows;
}

/**
 * One-word spellings the Phoenix file gives for a one-word organisation we list (`Hizbollah`,
 * `Hizballah` for `Hezbollah`): those that sound alike (same consonant key). [name, spelling] pairs.
 */
export function readPhoenixSpellings(file: string, ourName: (surface: string) => string | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [rawName = '', ...aliases] of phoenixRows(file)) {
    const name = ourName(rawName);
    if (!name || name.includes(' ')) continue;
    for (const a of aliases) if (!a.includes(' ') && a.length >= 4 && consonantKey(a) === consonantKey(name)) out.push([name, a]);
  }
  return out;
}

/** The organisation names and aliases of the Phoenix file that read as organisations': [name, surface] pairs. */
export function readPhoenixOrganisations(file: string, f: PhoenixFilter): [string, string][] {
  const out: [string, string][] = [];
  for (const row of phoenixRows(file)) {
    const rawName = row[0] ?? '';
    const forms = row.filter((s) => readsAsOrganisation(s, f));
    if (!forms.length) continue;
    // The listed name if it reads as one, else its first alias that does.
    const name = readsAsOrganisation(rawName, f) ? rawName : (forms[0] as string);
    for (const s of forms) out.push([name, s]);
  }
  return out;
}

/** A one-word name: letters, with a dot or hyphen inside (`Oxfam`, `Amazon.com`, `Al-Jazeera`). */
const ONE_WORD = /^\p{L}[\p{L}.'-]*\p{L}$/u;

/**
 * The one-word names of the Phoenix organisations (`Oxfam`, `Microsoft`), lower case, that are no
 * given name. Too often a surname to be read as an organisation wherever they stand, they still
 * tell that a speaker named by that word alone (`Microsoft said`) is no person.
 */
export function readPhoenixOneWordNames(file: string, givenNames: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const row of phoenixRows(file)) {
    for (const s of row) {
      const lower = s.toLowerCase();
      if (s.length >= 3 && ONE_WORD.test(s) && !givenNames.has(lower)) out.add(lower);
    }
  }
  return out;
}
