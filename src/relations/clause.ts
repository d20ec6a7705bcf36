/**
 * Actors and targets of a clause for the relation producers: the subject
 * (with groups and offices standing for their state, `it`/`they` in a
 * reported clause), passive voice and agent, the verb cue at a token, and
 * the target slots of a cue.
 */
import { ArticleView, type NounPhrase, type Subject } from './article-view.js';
import { phraseStart } from './drafts.js';
import { NOMINATIVE } from '../parse/words.js';
import { SUBORDINATORS } from '../text/subordinators.js';
import { bodyOfState } from './state-bodies.js';
import { definiteOffice, describedOffice, holdsOffice, isOfficeNoun, possessiveReferent, roleAntecedent } from './office-descriptions.js';


/**
 * Entities a noun phrase stands for as an actor or target: `npEntities`,
 * else the state or body owning a group of its people (`Ukrainian
 * lawmakers`, `Russia's diplomats`, `NATO members`, `the US ambassador`).
 * Only here: the quote stage keeps such groups anonymous speakers.
 */
export function actorsOf(view: ArticleView, np: NounPhrase | undefined, owner: boolean): number[] {
  const found = view.npEntities(np, owner);
  if (!found.length && np && !np.heads.length) {
    const patron = loyalTo(view, np);
    if (patron.length) return patron;
  }
  if (found.length || !np || np.heads.length || np.owner === undefined) return found;
  if (np.headLemma && isOfficeNoun(view, np.headLemma) && view.entityType(np.owner) !== 'Person') return officeHolder(view, np, np.owner);
  // A state's forces (`U.S. troops`, `Russian forces`) stand for the state.
  if (np.headLemma && view.lex.militaryNouns.has(np.headLemma) && view.entityType(np.owner) === 'Country') return [np.owner];
  return [];
}

/** `soldiers loyal to X`, `militias loyal to X`: a group defined by its loyalty stands for the one it is loyal to. */
function loyalTo(view: ArticleView, np: NounPhrase): number[] {
  const head = np.headLemma ?? '';
  // The phrase reader may end the phrase at `loyal` or before it.
  const loyal = view.norm(np.last) === 'loyal' ? np.last : np.last + 1;
  if (!(view.lex.militaryNouns.has(head) || view.lex.groupNouns.has(head)) || view.norm(loyal) !== 'loyal' || view.norm(loyal + 1) !== 'to') return [];
  const [, last] = view.sentenceBounds(np.last);
  const patron = view.readNP(loyal + 2, last);
  if (!patron) return [];
  // `loyal to his former deputy, X`: the named appositive, not the pronoun's referent.
  if (patron.appositive !== undefined) return [patron.appositive];
  return view.npEntities(patron, false);
}

/**
 * An unnamed office of a state or body (`the US ambassador`, `the Russian
 * foreign minister`) acts for it, like a group of its people; but when the
 * article names exactly one person holding that office for it, the office is
 * that person (several: none).
 */
function officeHolder(view: ArticleView, np: NounPhrase, owner: number): number[] {
  const head = view.tok(np.last);
  const office = np.headLemma ?? '';
  // A plural group (`Russia's diplomats`) is the state's people, never one of them.
  if (!head || head.normal !== office) return [owner];
  const holders = view.entities.filter((e) => e.type === 'Person' && holdsOffice(view, e, office, owner));
  if (!holders.length) return [owner];
  return holders.length === 1 && holders[0] ? [holders[0].id] : [];
}

/**
 * `The US Secretary of State wants ...`, `the Russian Minister of Defence
 * said ...`: a title with an `of` complement as the subject; the phrase up to
 * the office word is read as the actor (see `officeHolder`).
 */
function titledSubject(view: ArticleView, s: Subject): number[] {
  const office = s.start - 2;
  const t = view.tok(office);
  if (view.norm(s.start - 1) !== 'of' || !t || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || !view.lex.groupNouns.has(t.lemma)) return [];
  // The complement is an office's department (`of State`, `of Defence`), never a name (`of State George Shultz`).
  const [, last] = view.sentenceBounds(office);
  for (let k = s.start; k <= last && view.tok(k)?.pos !== 'VERB' && view.tok(k)?.pos !== 'AUX'; k++) {
    const w = view.tok(k);
    if (w && !view.lex.titleWords.has(w.normal) && !(w.pos === 'NOUN' && /^[a-z]/.test(w.text)) && w.normal !== 'the') return [];
  }
  const [first] = view.sentenceBounds(office);
  const start = phraseStart(view, office, first, 5);
  return start < office ? actorsOf(view, view.readNP(start, office), false) : [];
}

/** The subject of verb v, a group of a state's people standing for that state (see `actorsOf`). */
export function subjectActors(view: ArticleView, v: number): Subject | undefined {
  const document = documentBeforeRelative(view, v);
  if (document) return document;
  const s = view.subjectOf(v) ?? bracketedSubject(view, v);
  if (!s || !s.entities.length) {
    const reported = reportingSubject(view, v) ?? quotedSpeakerSubject(view, v) ?? documentSubject(view, v);
    if (reported) return reported;
  }
  if (s && !s.entities.length) {
    const titled = titledSubject(view, s);
    if (titled.length) return { entities: titled, start: s.start, headLemma: s.headLemma };
    const state = bodyOfState(view, s, v);
    if (state.length) return { entities: state, start: s.start, headLemma: s.headLemma };
  }
  if (s) {
    const described = describedOffice(view, s, v);
    if (described) return described;
    const office = officeBeforeComplement(view, s);
    if (office.length) return { entities: office, start: s.start, headLemma: s.headLemma };
    if (s.entities.length && isPlaceOfNoun(view, s.start)) return { entities: [], start: s.start, headLemma: s.headLemma };
    const author = s.entities.length ? [] : statementAuthor(view, s, v);
    if (author.length) return { entities: author, start: s.start, headLemma: s.headLemma };
  }
  if (!s || s.entities.length || !s.headLemma || !isOfficeNoun(view, s.headLemma)) return s;
  // The subject phrase ends before the relative pronoun, auxiliary or verb that follows it.
  let end = s.start;
  while (end + 1 < v && !['PRON', 'VERB', 'AUX', 'ADP', 'SCONJ', 'PUNCT'].includes(view.tok(end + 1)?.pos ?? '')) end++;
  const np = view.readNP(s.start, end);
  const entities = actorsOf(view, np, false);
  if (!entities.length && np) entities.push(...definiteOffice(view, np));
  if (!entities.length && np) entities.push(...roleAntecedent(view, np));
  // `Its foreign minister`, `the country's president`: the office of the state referred back to.
  const referent = !entities.length && np ? possessiveReferent(view, np) : undefined;
  if (np && referent !== undefined) entities.push(...officeHolder(view, np, referent));
  return entities.length ? { entities, start: s.start, headLemma: s.headLemma } : s;
}

/** Parts of speech of a document's phrase before its head noun. */
const DOCUMENT_WORDS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/** Prepositions of a document's topic (`the report on Syria`, `a statement about Iran`). */
const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'about', 'into', 'over', 'regarding', 'concerning']);

/**
 * `the League's report on Syria that called on Syria to ...`: a relative clause after a
 * document's topic (a statement or authored noun of the lexicon, then `on`/`about` and a name)
 * is about the document, not the topic; its author (owner, entity modifier or `from`
 * complement) acts, or no one when it names none.
 */
function documentBeforeRelative(view: ArticleView, v: number): Subject | undefined {
  const [first] = view.sentenceBounds(v);
  let p = view.chainStart(v, first) - 1;
  const rel = view.norm(p);
  if ((rel !== 'that' && rel !== 'which') || p - 1 < first) return undefined;
  p--;
  if (view.norm(p) === ',') p--;
  const topic = view.mentionAt(p);
  if (!topic || view.entityAt(p) === undefined || topic.lastToken !== p) return undefined;
  let k = topic.firstToken - 1;
  while (k > first && view.tok(k)?.pos === 'DET') k--;
  const noun = view.tok(k - 1);
  if (!TOPIC_PREPOSITIONS.has(view.norm(k)) || !noun || noun.pos !== 'NOUN' || !(view.lex.speechNouns.has(noun.lemma) || view.lex.authoredNouns.has(noun.lemma))) return undefined;
  // The document's phrase opens at its determiner (`backs the League's report`: not at `backs`).
  let start = k - 1;
  while (start > first && start > k - 7 && view.tok(start)?.pos !== 'DET' && (DOCUMENT_WORDS.has(view.tok(start - 1)?.pos ?? '') || view.entityAt(start - 1) !== undefined)) start--;
  const np = view.readNP(start, k - 1);
  if (!np || np.heads.length) return undefined;
  let author = np.owner !== undefined ? [np.owner] : [...np.complement];
  // `X issued a statement on Y that urged ...`: the subject of the verb that made the document.
  const maker = author.length ? undefined : view.governingVerb(np.first);
  if (maker !== undefined && view.lex.authoringVerbs.has(view.tok(maker)?.lemma ?? '') && !isPassive(view, maker)) author = [...(view.subjectOf(maker)?.entities ?? [])];
  return { entities: author, start: np.first, headLemma: noun.lemma };
}

/**
 * `A statement from Russia urged ...`, `The Kremlin's letter called on ...`: a statement (a
 * speech noun of the lexicon) as the subject speaks for its author, the phrase's owner or `from`
 * complement; a definite issued document with neither (`the report`, `the ruling`; the lexicon's
 * `issuedNouns`) for the body or state named where it was first spoken of (see `antecedentOwner`).
 */
function statementAuthor(view: ArticleView, s: Subject, v: number): number[] {
  const head = s.headLemma ?? '';
  if (!view.lex.speechNouns.has(head) && !view.lex.issuedNouns.has(head)) return [];
  const [first] = view.sentenceBounds(v);
  const end = view.chainStart(v, first) - 1;
  const np = end >= s.start ? view.readNP(s.start, end) : undefined;
  if (!np || np.heads.length || np.last !== end) return [];
  if (np.owner !== undefined) return [np.owner];
  if (np.complement.length) return [...np.complement];
  // `The report urged ...` after `a report by the committee`: the body named where it first came up
  // (a person before it names the document after its chair, `the Tower report`, not its author).
  if (!view.lex.issuedNouns.has(head)) return [];
  const author = antecedentOwner(view, np);
  return author.some((e) => view.entityType(e) === 'Person') ? [] : author;
}

/**
 * `X issued a statement urging Y to ...`, `X sent a letter calling on Y to ...`: a participle right
 * after a noun of speech acts for whoever made the statement, the subject of the verb governing it.
 */
function documentSubject(view: ArticleView, v: number): Subject | undefined {
  const noun = view.tok(v - 1);
  if (!/ing$/.test(view.norm(v)) || !noun || noun.pos !== 'NOUN' || !(view.lex.speechNouns.has(noun.normal) || view.lex.speechNouns.has(noun.lemma))) return undefined;
  const [first] = view.sentenceBounds(v);
  const gov = view.governingVerb(phraseStart(view, v - 1, first, 5));
  if (gov === undefined || gov >= v) return undefined;
  const s = subjectActors(view, gov);
  return s?.entities.length ? s : undefined;
}

/** `The African Union (AU) condemned ...`: a bracketed short form between the subject and its verb. */
function bracketedSubject(view: ArticleView, v: number): Subject | undefined {
  const [first] = view.sentenceBounds(v);
  const close = view.chainStart(v, first) - 1;
  if (view.norm(close) !== ')') return undefined;
  for (let k = close - 1; k >= Math.max(first, close - 6); k--) if (view.norm(k) === '(') return view.subjectEndingAt(k - 1, first);
  return undefined;
}

/**
 * `the Russian ambassador to the United States accused ...`, `China's envoy to Britain said ...`:
 * an office owned by a state or body, with a complement naming a place or another party, stands
 * for its holder or owner (see `officeHolder`), not for the entity of its complement.
 */
const OFFICE_COMPLEMENT = new Set(['to', 'in', 'at', 'for']);
function officeBeforeComplement(view: ArticleView, s: Subject): number[] {
  const office = s.start - 2;
  const t = view.tok(office);
  if (!OFFICE_COMPLEMENT.has(view.norm(s.start - 1)) || !t || !view.lex.groupNouns.has(t.lemma)) return [];
  const [first] = view.sentenceBounds(office);
  const start = phraseStart(view, office, first, 5);
  const np = start < office ? view.readNP(start, office) : undefined;
  return np && !np.heads.length && np.owner !== undefined ? actorsOf(view, np, false) : [];
}

/**
 * `The commander of the forces in Afghanistan said ...`: the entity is where a common noun is,
 * not the subject (a group of a place's people, `officials in Moscow`, does stand for it).
 */
function isPlaceOfNoun(view: ArticleView, start: number): boolean {
  const noun = view.tok(start - 2);
  return (
    ['in', 'at', 'near', 'inside'].includes(view.norm(start - 1)) &&
    !!noun &&
    noun.pos === 'NOUN' &&
    /^[a-z]/.test(noun.text) &&
    !view.lex.groupNouns.has(noun.lemma) &&
    !view.lex.governmentNouns.has(noun.lemma)
  );
}

/**
 * `Iran said it was ready to ...`, `The allies announced they would ...`:
 * `it`/`they` opening the clause reported by a state or organisation is
 * that reporter (a person says `he`/`she`, which the entity stage resolves);
 * `it` opening an adverbial clause is the main clause's subject (see
 * `adverbialItSubject`).
 */
function reportingSubject(view: ArticleView, v: number): Subject | undefined {
  const [first] = view.sentenceBounds(v);
  const p = view.chainStart(v, first) - 1;
  const pron = view.norm(p);
  if ((pron !== 'it' && pron !== 'they') || view.tok(p)?.pos !== 'PRON' || view.entityAt(p) !== undefined) return undefined;
  if (pron === 'it' && ADVERBIAL_IT_OPENERS.has(view.norm(p - 1))) return adverbialItSubject(view, p, first);
  let k = p - 1;
  if (view.norm(k) === 'that') k--;
  const verb = view.tok(k);
  if (!verb || verb.pos !== 'VERB' || !view.lex.speechVerbs.has(verb.lemma)) return undefined;
  const reporter = view.subjectOf(k);
  const ents = reporter?.entities ?? [];
  if (!ents.length || ents.some((e) => view.entityType(e) === 'Person') || (pron === 'it' && ents.length > 1)) return undefined;
  return { entities: ents, start: p, headLemma: undefined };
}

/**
 * Subordinators after which `it` is taken for the main clause's subject (`Moscow will know
 * once it receives ...`): the general list (src/text/subordinators.ts) without `if`,
 * `although` and `though`, plus `unless`.
 */
const NOT_ADVERBIAL_IT_OPENERS: ReadonlySet<string> = new Set(['if', 'although', 'though']);
const ADVERBIAL_IT_OPENERS: ReadonlySet<string> = new Set([...[...SUBORDINATORS].filter((w) => !NOT_ADVERBIAL_IT_OPENERS.has(w)), 'unless']);

const FIRST_PERSON = new Set(['i', 'we']);

/** `"We reject his visit," Fox said`: `I`/`we` as the subject inside a quotation is its speaker. */
function quotedSpeakerSubject(view: ArticleView, v: number): Subject | undefined {
  const [first] = view.sentenceBounds(v);
  const p = view.chainStart(v, first) - 1;
  const t = view.tok(p);
  if (!t || !FIRST_PERSON.has(t.normal) || t.pos !== 'PRON') return undefined;
  const q = view.quotes.find((x) => x.start <= t.start && t.end <= x.end);
  return q && q.speaker !== null ? { entities: [q.speaker], start: p, headLemma: undefined } : undefined;
}

/**
 * `Moscow would know ... once it receives an answer`: `it` opening an
 * adverbial clause is the main clause's subject, when that is one country or
 * organisation and no other entity stands between them to compete.
 */
function adverbialItSubject(view: ArticleView, p: number, first: number): Subject | undefined {
  for (let k = p - 2; k >= first; k--) {
    if (view.entityAt(k) !== undefined) {
      // The nearest entity before the pronoun must be the main clause's subject itself.
      for (let v = k + 1; v < p - 1; v++) {
        if (view.tok(v)?.pos !== 'VERB') continue;
        const s = view.subjectOf(v);
        const e = s?.entities;
        if (!e || e.length !== 1 || e[0] !== view.entityAt(k) || view.entityType(e[0] ?? -1) === 'Person') return undefined;
        return { entities: e, start: p, headLemma: undefined };
      }
      return undefined;
    }
  }
  return undefined;
}

/** A cue verb the tagger missed after an infinitive `to` (`refused to back Beijing`: `back` as ADV). */
export function isInfinitiveCue(view: ArticleView, i: number): boolean {
  const t = view.tok(i);
  const p = view.tok(i - 1);
  return !!t && !!p && t.pos !== 'NOUN' && t.pos !== 'PROPN' && p.normal === 'to' && p.pos === 'PART' && view.lex.verbs.has(t.normal);
}

/** Whether an infinitive (`to` + verb) follows in the clause, within a few words (`was asked by Y to leave`). */
export function hasInfinitive(view: ArticleView, from: number, end: number): boolean {
  for (let k = from; k <= Math.min(end, from + 10); k++) {
    if (view.norm(k) === ',' || view.tok(k)?.pos === 'PRON') return false;
    if (view.norm(k) === 'to' && (view.tok(k + 1)?.pos === 'VERB' || view.tok(k + 1)?.pos === 'AUX')) return true;
  }
  return false;
}

/**
 * A pronoun actor that the entity stage resolved to a person acting for the
 * target (`he accused the United States` resolved to a US official) is
 * re-resolved to the nearest earlier person who does not act for it.
 */
export function rehomePronounActor(view: ArticleView, subjectStart: number, sources: number[], targets: readonly number[]): number[] {
  if (sources.length !== 1 || !targets.length) return sources;
  let p = subjectStart;
  while (view.tok(p)?.pos === 'DET') p++;
  const m = view.mentionAt(p);
  const src = sources[0];
  if (!m || m.kind !== 'pronoun' || src === undefined || !targets.some((t) => view.isAffiliated(src, t))) return sources;
  const alt = view.nearestPersonBefore(p, (e) => e !== src && !targets.some((t) => view.isAffiliated(e, t)));
  return alt === undefined ? sources : [alt];
}

/** Whether the verb at v is passive (`was invited`): the voice of its verb group. */
export function isPassive(view: ArticleView, v: number): boolean {
  return view.doc.verbGroup(v).voice === 'passive';
}

/** The agent NP after `by` in a passive clause. */
export function passiveAgent(view: ArticleView, v: number): number[] {
  const end = Math.min(view.clauseEnd(v), v + 10);
  for (let k = v + 1; k <= end; k++) {
    if (view.norm(k) === 'by') return actorsOf(view, view.readNP(k + 1, end), false);
    if (view.tok(k)?.pos === 'VERB') break;
  }
  return [];
}

/** Entities of the phrase after preposition `prep`, looked for from token s up to the next verb. */
function prepositionTargets(view: ArticleView, prep: string, s: number, end: number, owner: boolean): number[] {
  for (let k = s; k <= end && k < s + 14; k++) {
    const t = view.tok(k);
    if (!t) break;
    if (t.normal === prep && (t.pos === 'ADP' || t.pos === 'PART' || t.pos === 'SCONJ') && view.tok(k + 1)?.pos !== 'VERB') {
      return actorsOf(view, view.readNP(k + 1, end), owner || prep !== 'with');
    }
    if ((t.pos === 'VERB' || t.pos === 'AUX' || NOMINATIVE.has(t.normal)) && k > s) break;
  }
  return [];
}

/**
 * `the sanctions imposed by X`, `the plan put forward by X`: the agent of a
 * participle right after a noun phrase, who owns what the phrase names.
 */
export function participleAgent(view: ArticleView, np: NounPhrase, end: number): number[] {
  let k = np.last + 1;
  const t = view.tok(k);
  if (!t || t.pos !== 'VERB' || !/(ed|en|wn|ne|lt|ught)$/.test(t.normal)) return [];
  k++;
  if (view.norm(k) !== 'by' && ['ADV', 'ADP', 'PART'].includes(view.tok(k)?.pos ?? '')) k++;
  return view.norm(k) === 'by' ? actorsOf(view, view.readNP(k + 1, end), false) : [];
}

/** Entities found by one target slot of a cue, from token p on. */
export function slotTargets(view: ArticleView, slot: string, p: number, end: number, owner: boolean, exclude: readonly number[]): number[] {
  let s = p;
  while (s <= end && (view.tok(s)?.pos === 'ADV' || (view.tok(s)?.pos === 'PART' && view.norm(s) !== 'to'))) s++;
  // A nominative pronoun opens a clause (`promised he would ...`): no object, no phrase of the cue after it.
  if (slot === 'dobj') {
    if (NOMINATIVE.has(view.norm(s))) return [];
    const np = view.readNP(s, end);
    const found = actorsOf(view, np, owner);
    // `endorsed an association agreement with the EU`: the agreement's other party.
    if (!found.length && owner && np?.headLemma && view.lex.agreementNouns.has(np.headLemma)) {
      for (let k = np.first; k <= np.last; k++) if (view.norm(k) === 'with' || view.norm(k) === 'between') return actorsOf(view, view.readNP(k + 1, end), false).filter((e) => !exclude.includes(e));
    }
    if (!found.length && owner && np) return participleAgent(view, np, end).filter((e) => !exclude.includes(e));
    return found;
  }
  if (slot.startsWith('pp:')) return prepositionTargets(view, slot.slice(3), s, end, owner);
  if (slot === 'comp') {
    for (let k = s; k <= end && k < s + 16; k++) {
      // The clause's subject is a definite description naming no entity (`the alliance must ...`,
      // `the company should ...`): the act is aimed at it, so no later entity is the target.
      if (isUnresolvedSubject(view, k, end)) return [];
      const e = view.entityAt(k);
      if (e !== undefined && !exclude.includes(e)) return [e];
      const d = view.demonymEntity(k);
      if (d !== undefined && !exclude.includes(d) && view.tok(k)?.pos !== 'NOUN') return [d];
    }
  }
  return [];
}

/** Determiners of a definite description (`the alliance`, `this bloc`). */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/**
 * Whether a definite description that names no entity starts at token k and is
 * the subject of a finite verb right after it (`the alliance must`, `the bloc
 * would`): its head is a plain noun, and it has no entity head, owner,
 * demonym or complement.
 */
function isUnresolvedSubject(view: ArticleView, k: number, end: number): boolean {
  const t = view.tok(k);
  if (!t || !DEFINITE.has(t.normal) || t.pos !== 'DET' || view.entityAt(k) !== undefined) return false;
  const np = view.readNP(k, end);
  if (!np?.headLemma || np.heads.length || np.owner !== undefined || np.appositive !== undefined || np.complement.length) return false;
  for (let j = k; j <= np.last; j++) if (view.entityAt(j) !== undefined || view.demonymEntity(j) !== undefined) return false;
  const head = view.tok(np.last);
  const next = view.tok(np.last + 1);
  return head?.pos === 'NOUN' && (next?.pos === 'AUX' || next?.pos === 'VERB');
}

// The author of a thing named again by a definite description (`condemned the ruling` after
// `the court's ruling`): the act nouns of the lexicon (`authoredNouns`) and their makers.

/** Determiners of a description that names a thing already spoken of. */
const DEFINITE_DESCRIPTION = new Set(['the', 'this', 'that', 'these', 'those', 'such']);

/** How far back (in sentences) a description looks for the thing's first naming. */
const ANTECEDENT_WINDOW = 6;

/**
 * The owner of the thing a definite object phrase takes up (`the ruling` after `the ICJ
 * ruling`): the possessor, demonym, entity modifier or `by` agent of the nearest earlier
 * phrase with the same head noun, within a few sentences. None when the phrase is no
 * description of an authored thing, or the earlier phrase names no author. The things so taken
 * up are the act nouns of `authoredNouns` (rulings, plans, proposals, claims), whose makers are
 * named by owner, `by` agent or the subject of a making verb (`authoringVerbs`): after `a plan
 * put forward by Egypt`, `welcomed the plan` is an act on Egypt.
 */
export function antecedentOwner(view: ArticleView, object: NounPhrase | undefined): number[] {
  const head = object?.headLemma;
  if (!object || !head || object.heads.length || object.owner !== undefined || !view.lex.authoredNouns.has(head)) return [];
  if (!DEFINITE_DESCRIPTION.has(view.norm(object.first))) return [];
  const sentence = view.tok(object.first)?.sentence ?? 0;
  for (let k = object.first - 1; k >= 0; k--) {
    const t = view.tok(k);
    if (!t || sentence - t.sentence > ANTECEDENT_WINDOW) break;
    if (t.pos !== 'NOUN' || t.lemma !== head) continue;
    const [first, last] = view.sentenceBounds(k);
    const start = phraseStart(view, k, first, 6);
    const np = view.readNP(start, k);
    let owner = np?.owner;
    if (owner === undefined && np?.heads.length && np.last < k) owner = np.heads[0];
    if (owner !== undefined) return [owner];
    if (np) {
      // `a report by Amnesty`, `a plan drawn up by Egypt`.
      const agent = view.norm(k + 1) === 'by' ? actorsOf(view, view.readNP(k + 2, last), false) : participleAgent(view, { ...np, last: k }, last);
      if (agent.length) return agent;
    }
    // `Egypt put forward a plan`: the subject of the verb that made it.
    const verb = view.governingVerb(start);
    if (verb !== undefined && view.lex.authoringVerbs.has(view.tok(verb)?.lemma ?? '') && !isPassive(view, verb)) {
      const s = subjectActors(view, verb);
      if (s?.entities.length) return [...s.entities];
    }
  }
  return [];
}
