/**
 * The rule engine: at a verb or noun token, the rules its lemma triggers
 * (data/rules/*.json, indexed by lemma) read the clause around it: actor
 * from the subject (or the passive agent, or a noun's owner), target from
 * the rule's slots, guards checked by name. Modality, reporting frame and
 * coordination are the same for every rule. Every draft names its rule.
 */
import type { ArticleView, NounPhrase, Subject } from '../relations/article-view.js';
import { isQuoteMark } from '../relations/article-view.js';
import { actorsOf, antecedentOwner, isPassive, participleAgent, passiveAgent, rehomePronounActor, slotTargets, subjectActors } from '../relations/clause.js';
import { type Draft, cueText, reporterOf } from '../relations/drafts.js';
import { intentFrame, meetingFrame } from '../relations/frames.js';
import { guardsHold, type GuardContext } from './guards.js';
import { matchVerbRules } from './match.js';
import { reducedPassive, reducedPassiveDraft } from './reduced-passive.js';
import { asAdjunctActor, nounActors, nounFrame, RECEIVED, subjectOwnerOf } from './noun-actors.js';
import { statementIssuers } from './statement-issuer.js';
import type { NounRule, VerbRule, VerbSlot } from './rule.js';

/** A passive reading is less sure than the active one (the agent phrase is harder to read). */
const PASSIVE_CONFIDENCE = 0.7;
/** `talks between X and Y`: both parties named in the phrase. */
const BETWEEN_CONFIDENCE = 0.8;

/** Prepositions that open the object of a bare verb of criticism or refusal (`scoffed at`, `objected to`). */
const PREPOSITIONAL_OBJECT: ReadonlySet<string> = new Set(['at', 'against', 'to']);
const PREPOSITIONAL_TYPES: ReadonlySet<string> = new Set(['ACCUSED', 'REJECTED']);

/** Object guards a passive clause still reads (after the verb, not after an object). */
const PASSIVE_OBJECT_GUARDS: ReadonlySet<string> = new Set(['infinitive-after-object', 'phone-call-object']);

/** Drafts of the verb rules at token v: the first rule of the matching phrase that yields an edge. */
export function verbRuleDrafts(view: ArticleView, v: number): Draft[] {
  const match = matchVerbRules(view, v);
  if (!match) return [];
  const t = view.tok(v);
  if (!t) return [];
  const end = view.clauseEnd(v);
  // The object phrase right after the phrase, the subject and the voice: read once for every rule.
  const object = view.readNP(match.after, end);
  const subject = subjectActors(view, v);
  const passive = isPassive(view, v);
  const c: GuardContext = { view, verb: v, after: match.after, end, object, passive };
  // `scoffed at X`, `objected to X's plan`, `protested against X`: a verb of criticism or refusal
  // with no object of its own takes the phrase after its preposition as its object.
  const prepObject = !passive && PREPOSITIONAL_OBJECT.has(view.norm(match.after)) && view.tok(match.after)?.pos === 'ADP';
  const cp: GuardContext = prepObject ? { ...c, after: match.after + 1, object: view.readNP(match.after + 1, end) } : c;
  // `Iran, accused by the US of ...`, `a resolution introduced by France`: a passive with no auxiliary.
  const reduced = passive ? undefined : reducedPassive(view, v);
  for (const rule of match.rules) {
    if (rule.type === 'DEPLOYED_NEAR') continue;
    if (reduced) {
      const d = reducedPassiveDraft(rule, c, reduced, PASSIVE_CONFIDENCE);
      if (d) return [d];
      continue;
    }
    const d = verbRuleDraft(rule, prepObject && rule.words.length === 1 && PREPOSITIONAL_TYPES.has(rule.type) ? cp : c, subject);
    if (d) return [d];
  }
  return [];
}

function verbRuleDraft(rule: VerbRule, c: GuardContext, subject: Subject | undefined): Draft | undefined {
  const { view, verb: v, after, object, passive } = c;
  const t = view.tok(v);
  if (!t || !guardsHold(rule.guards, 'clause', c)) return undefined;
  if (rule.objectHeads && !(object?.headLemma && rule.objectHeads.has(object.headLemma))) return undefined;
  let sources: number[];
  let targets: number[];
  let slot = 'subject';
  if (passive) {
    sources = passiveAgent(view, v);
    targets = subject && !inPrepositionalPhrase(view, subject.start) ? [...subject.entities] : [];
    // `Russia's proposal was rejected by X`: for an owner slot, what a party put forward stands for the party.
    if (!targets.length && subject && rule.target.some((s) => s === 'object-or-owner' || s === 'possessor')) targets = subjectOwnerOf(view, subject.start, v).filter((e) => !sources.includes(e));
    // `X was asked by Y to ...`: the infinitive is still needed; `X was called by Y on Friday`: nothing labels X.
    if (!guardsHold(rule.guards.filter((g) => PASSIVE_OBJECT_GUARDS.has(g)), 'object', c)) targets = [];
  } else {
    sources = [...(subject?.entities ?? [])];
    ({ targets, slot } = activeTargets(rule, c, sources));
    // `... in a joint statement released by Z`: the issuer acts with the subject.
    if (sources.length && targets.length) sources = [...new Set([...sources, ...statementIssuers(view, v).filter((e) => !targets.includes(e))])];
  }
  if (!sources.length) return undefined;
  if (!passive && subject && view.lex.typeClasses.hostile.has(rule.type)) sources = rehomePronounActor(view, subject.start, sources, targets);
  const reciprocal = !targets.length && rule.target.includes('reciprocal') && sources.length > 1;
  if (!targets.length && !reciprocal) return undefined;
  const clauseStart = subject?.start ?? v;
  // Intent to cooperate: `offered to help Kenya` is an offer (PROPOSED), asserted as the offer is.
  const intent = rule.type === 'SUPPORTED' && !passive && view.lex.intentActs.has(t.lemma) ? intentFrame(view, v) : undefined;
  const modality = intentModality(view, rule, v, ongoingModality(view, intent ?? v, view.modalityOf(intent ?? v, clauseStart)));
  if (modality === undefined) return undefined;
  const coded = intent !== undefined ? { type: 'PROPOSED' as const, rule: 'frame.intent', cameo: undefined, plover: undefined } : { type: rule.type, rule: rule.id, cameo: rule.cameo, plover: rule.plover };
  return {
    ...coded,
    sources,
    targets: reciprocal ? sources : targets,
    sentence: t.sentence,
    slots: passive ? { actor: 'passive agent', target: 'subject' } : { actor: 'subject', target: reciprocal ? 'reciprocal' : slot },
    cue: intent !== undefined ? cueText(view, intent, after - 1) : cueText(view, v, after - 1),
    modality,
    reportedBy: reporterOf(view, v, clauseStart, sources),
    confidence: passive ? Math.min(rule.confidence, PASSIVE_CONFIDENCE) : rule.confidence,
    reciprocal,
    chainAt: v,
  };
}

/** Prepositions whose object still names the party a subject phrase stands for (`the move by X`, `the claims of X`). */
const PARTY_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'by', 'from']);

/**
 * Whether a passive verb's subject found at `start` is the object of a preposition of a longer
 * phrase (`Plans to store waste in the UK were criticised`): the thing criticised is not that party.
 */
function inPrepositionalPhrase(view: ArticleView, start: number): boolean {
  const p = view.tok(start - 1);
  return p?.pos === 'ADP' && !PARTY_PREPOSITIONS.has(p.normal) && start - 1 >= view.sentenceBounds(start)[0];
}

/** `India and Pakistan accused each other`: every actor acts on every other (each direction its own edge). */
function eachOther(view: ArticleView, k: number): boolean {
  const a = view.norm(k);
  const b = view.norm(k + 1);
  return (a === 'each' && b === 'other') || (a === 'one' && b === 'another');
}

/**
 * `Russia supports Syria's integrity, Lavrov said`: a name between a comma and a speech verb after
 * the cue is the speaker of a report frame, not part of the object before it.
 */
function frameSpeaker(view: ArticleView, e: number, from: number, end: number): boolean {
  for (let k = from; k <= end; k++) {
    if (view.entityAt(k) !== e) continue;
    let j = k;
    while (view.entityAt(j + 1) === e) j++;
    const next = view.tok(j + 1);
    if (!next || next.pos !== 'VERB' || !view.lex.speechVerbs.has(next.lemma)) return false;
    // `..., South Korean President Lee said`: a title may stand between the comma and the name.
    let p = k - 1;
    while (p > from && k - p < 6 && ['PROPN', 'NOUN', 'ADJ', 'DET'].includes(view.tok(p)?.pos ?? '')) p--;
    return view.norm(p) === ',';
  }
  return false;
}

/** `South Korea will respond firmly to X`: for an act that is done by announcing it, the future is now. */
function intentModality(view: ArticleView, rule: VerbRule, v: number, modality: Draft['modality']): Draft['modality'] | undefined {
  if (!rule.intent || modality === 'future') return rule.intent ? 'asserted' : modality;
  if (modality === 'negated') return modality;
  // `will "firmly" respond` (quotation marks hide the auxiliary from the chain); `said it would respond
  // firmly`, a future told in the past, unless a condition stands in the sentence (`would respond if`).
  for (let k = v - 1; k >= Math.max(0, v - 5); k--) {
    const t = view.tok(k);
    if (!t) break;
    if (view.lex.modality.future.has(t.normal)) return 'asserted';
    if ((t.normal === 'would' || t.normal === "'d") && !conditionIn(view, v)) return 'asserted';
    if (t.pos !== 'ADV' && t.pos !== 'AUX' && !isQuoteMark(t.text)) break;
  }
  // `responded firmly to X` reports the answer, no announcement.
  return modality === 'asserted' ? undefined : modality;
}

/**
 * `will continue to back X`, `said it would continue to press X`: the act goes on now, so it is
 * asserted. Not under a condition (`will continue to support X if ...`).
 */
function ongoingModality(view: ArticleView, v: number, modality: Draft['modality']): Draft['modality'] {
  if ((modality !== 'future' && modality !== 'hypothetical') || conditionIn(view, v)) return modality;
  return view.norm(v - 1) === 'to' && view.tok(v - 2)?.lemma === 'continue' ? 'asserted' : modality;
}

/** Whether a conditional word (`if`, `unless`) stands in token v's sentence. */
function conditionIn(view: ArticleView, v: number): boolean {
  const [first, last] = view.sentenceBounds(v);
  for (let k = first; k <= last; k++) if (view.lex.modality.conditional.has(view.norm(k))) return true;
  return false;
}

/** Adjectives that make a nominal act go both ways (`mutual support`, `reciprocal visits`). */
const MUTUAL: ReadonlySet<string> = new Set(['mutual', 'reciprocal']);

/**
 * `Russia and China pledged support for each other`, `... pledged mutual support`: coordinated actors
 * of a nominal act act on one another (a preposition of the rule then `each other`, or `mutual` before the noun).
 */
function actOnEachOther(view: ArticleView, rule: NounRule, i: number, end: number, sources: readonly number[]): boolean {
  if (sources.length < 2) return false;
  if (MUTUAL.has(view.norm(i - 1)) || MUTUAL.has(view.norm(i - 2))) return true;
  for (let k = i + 1; k <= Math.min(end, i + 2); k++) if (rule.preps.includes(view.norm(k))) return eachOther(view, k + 1);
  return false;
}

/** `X and Y accused each other`: each actor is the others' target. */
function mutualTargets(rule: VerbRule, c: GuardContext, sources: readonly number[]): { targets: number[]; slot: string } | undefined {
  return eachOther(c.view, c.after) && sources.length > 1 && guardsHold(rule.guards, 'object', c) ? { targets: [...sources], slot: 'each other' } : undefined;
}

/** The target of an active clause: the rule's slots in order, the object's guards applied to the object slots. */
function activeTargets(rule: VerbRule, c: GuardContext, sources: readonly number[]): { targets: number[]; slot: string } {
  const mutual = mutualTargets(rule, c, sources);
  if (mutual) return mutual;
  const { view, after, end, object } = c;
  const owner = rule.target.includes('object-or-owner');
  for (const slot of rule.target) {
    let targets = slotEntities(view, slot, object, after, end, owner, sources, view.lex.typeClasses.hostile.has(rule.type)).filter((e) => !frameSpeaker(view, e, after, end));
    if ((slot === 'object' || slot === 'object-or-owner') && targets.length && !guardsHold(rule.guards, 'object', c)) targets = [];
    // `Obama warned further U.S. action is possible`: the first entity of a that-clause is no hostile act's
    // target when the actor acts for it.
    if (slot === 'clause' && view.lex.typeClasses.hostile.has(rule.type)) targets = targets.filter((e) => !sources.some((s) => view.isAffiliated(s, e)));
    if (targets.length) return { targets, slot };
  }
  const antecedent = rule.target[0] === 'object' || rule.target[0] === 'object-or-owner' ? relativeAntecedent(view, c.verb, after, sources) : [];
  return antecedent.length ? { targets: antecedent, slot: 'relative antecedent' } : { targets: [], slot: '' };
}

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['which', 'whom', 'who']);

/**
 * `Iran, which Washington has accused of ...`: a verb with no object of its own, in a relative
 * clause whose subject is its actor, acts on the name the clause hangs on.
 */
function relativeAntecedent(view: ArticleView, v: number, after: number, sources: readonly number[]): number[] {
  const next = view.tok(after);
  if (!next || (next.pos !== 'ADP' && next.pos !== 'PUNCT')) return [];
  const [first] = view.sentenceBounds(v);
  let k = view.chainStart(v, first) - 1;
  while (k > first && view.entityAt(k) !== undefined && sources.includes(view.entityAt(k) ?? -1)) k--;
  if (view.tok(k)?.pos === 'DET') k--;
  if (!RELATIVE_PRONOUNS.has(view.norm(k)) || view.norm(k - 1) !== ',') return [];
  const e = view.entityAt(k - 2);
  return e !== undefined && !sources.includes(e) ? [e] : [];
}

function slotEntities(view: ArticleView, slot: VerbSlot, object: NounPhrase | undefined, after: number, end: number, owner: boolean, sources: readonly number[], hostile: boolean): number[] {
  switch (slot) {
    case 'reciprocal':
      return [];
    case 'object':
      return slotTargets(view, 'dobj', after, end, owner, sources);
    case 'object-or-owner': {
      const found = slotTargets(view, 'dobj', after, end, owner, sources);
      if (found.length || !object) return found;
      // `rejected the claims by X`, `denied the accusation from X`: the author named after the head;
      // `rejected the claim` after `Modi's claim`: the claim's author.
      const author = (byAgent(view, object, end) ?? fromAuthor(view, object, end) ?? antecedentOwner(view, object)).filter((e) => !sources.includes(e));
      return author.length ? author : claimSubject(view, object, end, sources);
    }
    case 'possessor': {
      // `condemned Russia's invasion`, `condemned the Russian invasion`: the possessor, never the `of` complement.
      if (!object || object.heads.length) return [];
      if (object.owner !== undefined) return !sources.includes(object.owner) ? [object.owner] : [];
      const agent = participleAgent(view, object, end);
      return (agent.length ? agent : (byAgent(view, object, end) ?? antecedentOwner(view, object))).filter((e) => !sources.includes(e));
    }
    case 'label-owner':
      return labelOwner(view, after, end).filter((e) => !sources.includes(e));
    case 'clause': {
      // `complained to the UN that X ...`: the one spoken to is no target of the clause.
      const from = view.norm(after - 1) === 'to' && object ? object.last + 1 : after;
      return clauseSubjectTargets(view, slotTargets(view, 'comp', from, end, owner, sources), from, end, sources);
    }
    default: {
      // `warned against Russian aggression`, `will respond to any provocation by X`: a hostile act
      // aimed at what a party does is aimed at the party (its owner or demonym, else its agent).
      const found = slotTargets(view, slot, after, end, owner || hostile, sources);
      return found.length || !hostile ? found : prepositionAgent(view, slot.slice(3), after, end).filter((e) => !sources.includes(e));
    }
  }
}

/** Prepositions whose object does the act of the noun before it (`attacks by X`, `pressure from X`). */
const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'from']);

/**
 * The clause slot's entity as the that-clause's subject: a name inside a prepositional phrase of a
 * common noun after `that` is a bystander (`warned that sanctions on X would hurt`, `that the war in X could
 * spread`), except an agent (`that attacks by X`); a coordinated subject gives every member
 * (`warned that X and Y would pay`).
 */
function clauseSubjectTargets(view: ArticleView, found: number[], from: number, end: number, sources: readonly number[]): number[] {
  const e = found[0];
  if (e === undefined || found.length > 1) return found;
  let k = from;
  while (k <= end && view.entityAt(k) !== e && view.demonymEntity(k) !== e) k++;
  if (k > end) return found;
  let p = k - 1;
  while (p > from && view.tok(p)?.pos === 'DET') p--;
  const prep = view.tok(p);
  const noun = view.tok(p - 1);
  // Only inside a that-clause: the object's own phrase (`threatened a response to X's move`) stays the slot's.
  let complement = false;
  for (let j = from; j <= p; j++) if (view.norm(j) === 'that') complement = true;
  if (!complement) return found;
  if (prep?.pos === 'ADP' && !AGENT_PREPOSITIONS.has(prep.normal) && noun?.pos === 'NOUN' && /^[a-z]/.test(noun.text)) return [];
  if (view.entityAt(k) !== e) return found;
  const np = view.readNP(k, end);
  return np && np.heads.length > 1 && np.heads.includes(e) ? np.heads.filter((h) => !sources.includes(h)) : found;
}

/** `called the reports part of X's propaganda campaign`: the owner of the phrase holding the word of condemnation. */
function labelOwner(view: ArticleView, after: number, end: number): number[] {
  for (let k = after; k <= Math.min(end, after + 10); k++) {
    const t = view.tok(k);
    if (!t || !(view.lex.negativeLabels.has(t.lemma) || view.lex.negativeLabels.has(t.normal))) continue;
    // The label may stand in quotation marks (`part of X's "propaganda campaign"`).
    const np = view.readNP(view.phraseStartBefore(k, after, { max: 6 }), end);
    return np?.owner !== undefined && np.appositive === undefined ? [np.owner] : [];
  }
  return [];
}

/** The agent after `by` or `from` of the phrase after the first `prep` of the clause (`to any provocation by X`). */
function prepositionAgent(view: ArticleView, prep: string, after: number, end: number): number[] {
  for (let k = after; k <= end; k++) {
    if (view.norm(k) !== prep || view.tok(k)?.pos !== 'ADP') continue;
    const np = view.readNP(k + 1, end);
    if (!np?.headLemma || !['by', 'from'].includes(view.norm(np.last + 1))) return [];
    return actorsOf(view, view.readNP(np.last + 2, end), false);
  }
  return [];
}

/** `condemned the move by X`, `welcomed the decision by X to ...`: the agent right after the object's head noun. */
function byAgent(view: ArticleView, object: NounPhrase, end: number): number[] | undefined {
  if (!object.headLemma || view.norm(object.last + 1) !== 'by') return undefined;
  const agents = actorsOf(view, view.readNP(object.last + 2, end), false);
  return agents.length ? agents : undefined;
}

/**
 * `rejected suggestions that X knew of the plan`: a claim with no author of its own is about its
 * that-clause's subject, the party the rejection answers (a state or body, never one the actor acts for).
 */
function claimSubject(view: ArticleView, object: NounPhrase, end: number, sources: readonly number[]): number[] {
  if (!object.headLemma || !view.lex.authoredNouns.has(object.headLemma)) return [];
  // `dismissed statements in Tokyo that X ...`: a place or time phrase may stand before the clause.
  let k = object.last + 1;
  if (view.tok(k)?.pos === 'ADP' && !['by', 'from', 'of', 'that'].includes(view.norm(k))) k = (view.readNP(k + 1, end)?.last ?? k) + 1;
  if (view.norm(k) !== 'that') return [];
  // `denied claims that it had helped X`: a pronoun subject is the actor or someone named before.
  if (view.tok(k + 1)?.pos === 'PRON') return [];
  // A claim about a person's conduct is seldom a party's position; states and bodies only.
  return slotTargets(view, 'comp', k + 1, end, true, sources).filter((e) => view.entityType(e) !== 'Person' && !sources.some((s) => view.isAffiliated(s, e)));
}

/** `the accusation from X`: the party an authored thing (a claim, a proposal) came from. */
function fromAuthor(view: ArticleView, object: NounPhrase, end: number): number[] | undefined {
  if (!object.headLemma || !view.lex.authoredNouns.has(object.headLemma) || view.norm(object.last + 1) !== 'from') return undefined;
  const agents = actorsOf(view, view.readNP(object.last + 2, end), false);
  return agents.length ? agents : undefined;
}

/** The noun rules the token at i triggers, in order (a two-word trigger needs its first word before the noun). */
function matchNounRules(view: ArticleView, i: number): NounRule[] {
  const t = view.tok(i);
  if (!t) return [];
  const nouns = view.lex.nominals;
  // A sentence-initial plural the tagger took for a name (`Talks between ...`) still counts.
  const rules = nouns.get(t.lemma) ?? nouns.get(t.normal) ?? (t.pos === 'PROPN' && /s$/.test(t.normal) ? nouns.get(t.normal.slice(0, -1)) : undefined);
  if (!rules) return [];
  return rules.filter((r) => {
    const space = r.lemma.indexOf(' ');
    return space < 0 || view.norm(i - 1) === r.lemma.slice(0, space);
  });
}

/** The target after a nominal trigger: the first of the rule's prepositions (`talks with X`), and whether it was `between`. */
function nounTargets(view: ArticleView, rule: NounRule, i: number, end: number): { targets: number[]; between: boolean; from: number[]; fromSlot: string; slot: string } {
  let from: number[] = [];
  let fromSlot = 'pp:from';
  let partyRead = false;
  for (let k = i + 1; k <= Math.min(end, i + 7); k++) {
    const n = view.norm(k);
    const tk = view.tok(k);
    if (!tk) break;
    // `condemnation from X and praise from Y`: after the noun's own party, a coordinator opens
    // another act noun, whose parties and targets are its own.
    if (partyRead && view.isCoord(k)) break;
    if (n === 'from' && RECEIVED.has(rule.type)) {
      const np = view.readNP(k + 1, end);
      from = actorsOf(view, np, true);
      partyRead = true;
      // `demands from X`: a rule that reads its target after `from` reads it below.
      if (!rule.preps.includes(n)) {
        k = np?.last ?? k;
        continue;
      }
    }
    // `criticism by X of Y`, `a call by X for Y to ...`: a `by` party right after the noun did the act.
    // (The party itself, not its owner: `demands by Britain's biggest union` are not Britain's.)
    if (n === 'by' && k === i + 1 && tk.pos === 'ADP') {
      const np = view.readNP(k + 1, end);
      from = actorsOf(view, np, false);
      fromSlot = 'pp:by';
      partyRead = true;
      k = np?.last ?? k;
      continue;
    }
    if (rule.preps.includes(n) && (tk.pos === 'ADP' || tk.pos === 'PART' || tk.pos === 'SCONJ') && view.tok(k + 1)?.pos !== 'VERB') {
      const np = view.readNP(k + 1, end);
      // `criticism of Ukraine joining NATO`: the act is aimed at an event, not at the gerund's subject.
      const gerund = np !== undefined && view.tok(np.last + 1)?.pos === 'VERB' && /ing$/.test(view.norm(np.last + 1));
      // `a call for X to leave`: the rule's guards read the target phrase as a verb rule's read its object.
      const unguarded = !(rule.objectHeads?.has(np?.headLemma ?? '') ?? true) || (rule.guards.length > 0 && !guardsHold(rule.guards, 'object', { view, verb: i, after: np ? np.last + 1 : k + 1, end, object: np, passive: false }));
      return { targets: gerund || unguarded ? [] : actorsOf(view, np, rule.type !== 'SPOKE_WITH'), between: n === 'between', from, fromSlot, slot: `pp:${n}` };
    }
    if (tk.pos === 'VERB' || tk.pos === 'AUX' || n === ',') break;
  }
  return { targets: [], between: false, from, fromSlot, slot: '' };
}

/** A noun rule's clause guards, read at the noun (`no-market-sense`: `domestic demand` is no party's demand). */
function nounClauseGuardsHold(view: ArticleView, rule: NounRule, i: number, end: number): boolean {
  return guardsHold(rule.guards, 'clause', { view, verb: i, after: i + 1, end, object: undefined, passive: false });
}

/** Verbs of warning whose object is a threatened act, not one offered (`warned of a firm response`). */
const WARNING_GOVERNORS: ReadonlySet<string> = new Set(['warn', 'caution']);

/** Drafts of the first noun rule at token i that yields an edge (and the refusal a cancelling verb makes of talks: `rejected talks with X`). */
export function nounRuleDrafts(view: ArticleView, i: number): Draft[] {
  // Idioms, not acts: `in response to`; only a rule written with its `in` reads one (`voted in support of X`).
  const idiom = view.norm(i - 1) === 'in' && ['to', 'of'].includes(view.norm(i + 1));
  for (const rule of matchNounRules(view, i)) {
    if (idiom && !rule.lemma.startsWith('in ')) continue;
    const drafts = nounRuleDraftsOf(view, rule, i);
    if (drafts.length) return drafts;
  }
  return [];
}

function nounRuleDraftsOf(view: ArticleView, rule: NounRule, i: number): Draft[] {
  const t = view.tok(i);
  if (!t) return [];
  const [first, last] = view.sentenceBounds(i);
  const end = view.clauseEnd(i);
  const f = nounFrame(view, i, first);
  // `vowed revenge against X` is a threat; `Israel's retaliation against X` is the act itself.
  if (rule.guards.includes('threat-governor') && !view.lex.threatVerbs.has(f.govLemma)) return [];
  // `threatened a military response to X`, `warned of a firm response`: a response so announced is no offer.
  if (rule.guards.includes('no-threat-governor') && (view.lex.threatVerbs.has(f.govLemma) || WARNING_GOVERNORS.has(f.govLemma))) return [];
  if (!nounClauseGuardsHold(view, rule, i, end)) return [];
  let found = nounTargets(view, rule, i, end);
  // `won the backing of X`: the `of` party of a received act sent it.
  if (RECEIVED.has(rule.type) && view.lex.receiveVerbs.has(f.govLemma) && !found.from.length && found.slot === 'pp:of') found = { ...found, from: found.targets, targets: [], slot: '' };
  let targets = found.targets.filter((e) => !frameSpeaker(view, e, i + 1, end));
  if (found.between) {
    if (rule.type !== 'SPOKE_WITH' || targets.length < 2) return [];
    const framed = meetingFrame(view, i, f.governor, view.nominalModality(i, f.governor, f.start));
    return [{ type: rule.type, rule: rule.id, cameo: rule.cameo, plover: rule.plover, slots: { actor: 'pp:between', target: 'pp:between' }, sources: targets, targets, sentence: t.sentence, cue: cueText(view, i, i), modality: framed.modality, confidence: BETWEEN_CONFIDENCE, reciprocal: true }];
  }
  const actors = nounActors(view, rule, i, last, f, found.from, found.fromSlot);
  let sources = actors.sources;
  let actorSlot = actors.slot;
  let targetSlot = found.slot;
  if (actors.receiver) {
    targets = actors.receiver;
    targetSlot = 'receiving verb subject';
  }
  let actingVerb = f.governor;
  if (!sources.length && f.owner === undefined && !rule.ownedOnly) {
    const adjunct = asAdjunctActor(view, f, first, rule.type);
    if (adjunct) ({ sources, verb: actingVerb } = adjunct);
    if (adjunct) actorSlot = 'as-adjunct clause subject';
  }
  if (!sources.length) return [];
  if (!targets.length && rule.clause) {
    targets = slotTargets(view, 'comp', i + 1, end, true, sources);
    targetSlot = 'clause';
  }
  // `demands from X, Y and Z`: one phrase read as both the senders and the target names no target.
  targets = targets.filter((e) => !sources.includes(e));
  if (!targets.length && actOnEachOther(view, rule, i, end, sources)) {
    targets = [...sources];
    targetSlot = 'each other';
  }
  const reciprocal = !targets.length && rule.type === 'SPOKE_WITH' && sources.length > 1;
  if (!targets.length && !reciprocal) return [];
  const clauseStart = f.govSubject?.start ?? f.start;
  const base = view.nominalModality(i, actingVerb, clauseStart);
  const framed = rule.type === 'SPOKE_WITH' ? meetingFrame(view, i, f.governor, base) : { modality: base, refused: false };
  const draft: Draft = {
    type: rule.type,
    rule: rule.id,
    cameo: rule.cameo,
    plover: rule.plover,
    slots: { actor: actorSlot, target: reciprocal ? 'reciprocal' : targetSlot },
    sources,
    targets: reciprocal ? sources : targets,
    sentence: t.sentence,
    cue: cueText(view, rule.lemma.includes(' ') ? i - 1 : i, i),
    modality: framed.modality,
    reportedBy: reporterOf(view, i, clauseStart, sources),
    confidence: rule.confidence,
    reciprocal,
    chainAt: actingVerb,
  };
  // `China rejected talks with Taiwan`: the refusal is asserted (when the verb itself is).
  if (!framed.refused || reciprocal || f.governor === undefined || view.modalityOf(f.governor, clauseStart) !== 'asserted') return [draft];
  return [draft, { ...draft, type: 'REJECTED', rule: 'frame.meeting-refusal', cameo: undefined, plover: undefined, modality: 'asserted', cue: cueText(view, f.governor, i), confidence: 0.6 }];
}
