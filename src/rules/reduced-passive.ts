/**
 * A past participle with its agent after `by` and no auxiliary, hanging on the phrase
 * before it: `Iran, accused by the US of arming militias, denied ...`, `a resolution
 * introduced by France`. It is a passive whose subject is that phrase: the agent acts on
 * what the phrase names. When the phrase names a proposal and no entity (`a resolution
 * introduced by France`), the body that deliberates on it (`The council discussed ...`)
 * is the one it was put to.
 */
import type { ArticleView, NounPhrase } from '../relations/article-view.js';
import { actorsOf, slotTargets } from '../relations/clause.js';
import { type Draft, cueText, reporterOf } from '../relations/drafts.js';
import { guardsHold, type GuardContext } from './guards.js';
import type { VerbRule } from './rule.js';

/** Past participle endings (`accused`, `drawn`, `undone`, `dealt`, `brought`). */
const PARTICIPLE = /(ed|en|wn|ne|lt|ught)$/;

/**
 * Verbs of a body deliberating on a text put to it (`the council discussed a draft`,
 * `the assembly adopted a resolution`); general English of assemblies and councils.
 */
const DELIBERATING: ReadonlySet<string> = new Set(['discuss', 'debate', 'consider', 'adopt', 'pass', 'approve', 'vote', 'examine', 'review', 'endorse']);

/** The passive read from a participle: its agents, the phrase it hangs on and that phrase's entities. */
export interface ReducedPassive {
  readonly agents: number[];
  /** Entities the phrase before the participle names (coordinated members included). */
  readonly patients: number[];
  /** The phrase before the participle, when it heads a noun (`a resolution`). */
  readonly phrase: NounPhrase | undefined;
  /** First token of that phrase (where the clause of the act starts). */
  readonly start: number;
  /** Last token of the agent phrase. */
  readonly agentEnd: number;
}

/** The reduced passive at verb v, if v is a participle with no auxiliary, after a noun phrase, followed by `by` and a named agent. */
export function reducedPassive(view: ArticleView, v: number): ReducedPassive | undefined {
  const t = view.tok(v);
  const [first] = view.sentenceBounds(v);
  if (!t || t.pos !== 'VERB' || !PARTICIPLE.test(t.normal) || view.chainStart(v, first) !== v) return undefined;
  // `introduced jointly by X`
  const by = view.tok(v + 1)?.pos === 'ADV' ? v + 2 : v + 1;
  if (view.norm(by) !== 'by') return undefined;
  const end = view.clauseEnd(v);
  const agentPhrase = view.readNP(by + 1, end);
  const agents = actorsOf(view, agentPhrase, false);
  if (!agents.length || !agentPhrase) return undefined;
  // `Iran, accused by ...`: the phrase may stand before a comma.
  const last = view.norm(v - 1) === ',' ? v - 2 : v - 1;
  const head = view.tok(last);
  if (last < first || !head || (head.pos !== 'NOUN' && head.pos !== 'PROPN' && view.entityAt(last) === undefined)) return undefined;
  const subject = view.subjectEndingAt(last, first);
  if (!subject) return undefined;
  // `debated on Monday the draft tabled by X`: the phrase opens at its last determiner.
  let start = subject.start;
  for (let k = last; k > subject.start; k--) {
    if (view.tok(k)?.pos === 'DET' && view.entityAt(k) === undefined) {
      start = k;
      break;
    }
  }
  const phrase = view.readNP(start, last);
  return { agents, patients: subject.entities.filter((e) => !agents.includes(e)), phrase, start, agentEnd: agentPhrase.last };
}

/**
 * `The council discussed a resolution introduced by France`: the body whose deliberation verb
 * governs the proposal phrase (its subject, one organisation), else none.
 */
function deliberatingBody(view: ArticleView, r: ReducedPassive): number[] {
  const head = r.phrase?.headLemma;
  if (!head || !view.lex.proposalNouns.has(head) || r.phrase?.heads.length) return [];
  const gov = view.governingVerb(r.start);
  if (gov === undefined || !DELIBERATING.has(view.tok(gov)?.lemma ?? '')) return [];
  const body = view.subjectOf(gov)?.entities ?? [];
  return body.length === 1 && view.entityType(body[0] ?? -1) === 'Organisation' && !r.agents.includes(body[0] ?? -1) ? [...body] : [];
}

/** Guards a reduced passive can check: a proposal named before the participle, an infinitive after the agent. */
const REDUCED_GUARDS: ReadonlySet<string> = new Set(['proposal-object', 'infinitive-after-object']);

/**
 * The draft of a verb rule read as a reduced passive (see `reducedPassive`): the agent acts on
 * the phrase the participle hangs on, or on a place the rule's prepositions name after the agent
 * (`introduced by X at the council`), or, for a proposal, on the body deliberating on it; for an
 * owner slot, on the owner of a phrase naming no entity (`Russia's plan, rejected by X`). Its
 * confidence is the rule's, at most `cap` (the passive reading's).
 */
export function reducedPassiveDraft(rule: VerbRule, c: GuardContext, r: ReducedPassive, cap: number): Draft | undefined {
  const { view, verb: v, end } = c;
  const t = view.tok(v);
  if (!t || rule.intent || rule.objectHeads || !rule.guards.every((g) => REDUCED_GUARDS.has(g))) return undefined;
  if (rule.guards.includes('proposal-object') && !(r.phrase?.headLemma && view.lex.proposalNouns.has(r.phrase.headLemma))) return undefined;
  if (!guardsHold(rule.guards.filter((g) => g !== 'proposal-object'), 'object', { view, verb: v, after: r.agentEnd + 1, end, object: r.phrase, passive: true })) return undefined;
  let targets = r.patients;
  let slot = 'participle phrase';
  for (const s of rule.target) {
    if (targets.length || !s.startsWith('pp:')) continue;
    targets = slotTargets(view, s, r.agentEnd + 1, end, false, r.agents);
    slot = s;
  }
  if (!targets.length && rule.type === 'PROPOSED') {
    targets = deliberatingBody(view, r);
    slot = 'deliberating body';
  }
  const owner = r.phrase && !r.phrase.heads.length && r.phrase.appositive === undefined ? r.phrase.owner : undefined;
  if (!targets.length && owner !== undefined && rule.target.some((s) => s === 'object-or-owner' || s === 'possessor')) {
    targets = [owner];
    slot = 'participle phrase owner';
  }
  targets = targets.filter((e) => !r.agents.includes(e));
  if (!targets.length) return undefined;
  return {
    type: rule.type,
    rule: rule.id,
    cameo: rule.cameo,
    plover: rule.plover,
    sources: [...r.agents],
    targets,
    sentence: t.sentence,
    slots: { actor: 'participle agent', target: slot },
    cue: cueText(view, v, v),
    modality: view.modalityOf(v, r.start),
    reportedBy: reporterOf(view, v, r.start, r.agents),
    confidence: Math.min(rule.confidence, cap),
    reciprocal: false,
    chainAt: v,
  };
}
