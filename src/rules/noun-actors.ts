/**
 * Who made a nominal act (`X's condemnation of Y`, `drew criticism from X`, `talks with X`): the
 * noun phrase the trigger heads and the actor its owner, governing verb or `from` party gives.
 */
import type { ArticleView, Subject } from '../relations/article-view.js';
import { isQuoteMark } from '../relations/article-view.js';
import { actorsOf, isPassive, subjectActors } from '../relations/clause.js';
import { matchVerbRules } from './match.js';
import type { NounRule } from './rule.js';

/** The noun phrase a nominal trigger heads: where it starts, its owner, and the verb governing it. */
export interface NounFrame {
  readonly start: number;
  readonly owner: number | undefined;
  readonly possessivePronoun: boolean;
  readonly governor: number | undefined;
  readonly govLemma: string;
  readonly govSubject: Subject | undefined;
}

export function nounFrame(view: ArticleView, i: number, first: number): NounFrame {
  let start = i;
  while (start - 1 >= first) {
    const p = view.tok(start - 1);
    if (!p) break;
    const ok = p.pos === 'DET' || p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s' || isQuoteMark(p.text) || view.entityAt(start - 1) !== undefined || ['his', 'her', 'their', 'its', 'our'].includes(p.normal);
    if (!ok || i - start > 6) break;
    start--;
  }
  const pre = start < i ? view.readNP(start, i) : undefined;
  let owner = pre?.owner;
  if (owner === undefined && pre?.heads.length && pre.last < i) owner = pre.heads[0];
  let possessivePronoun = false;
  for (let k = start; k < i; k++) if (['his', 'her', 'their'].includes(view.norm(k))) possessivePronoun = true;
  // A participle of stance is governed by its copula, and has the copula's subject (`Canada is committed to X`).
  const verb = view.governingVerb(start);
  const copula = verb === undefined && view.tok(i)?.pos === 'VERB' ? copulaBefore(view, i) : undefined;
  const governor = verb ?? copula;
  const govLemma = governor !== undefined ? (view.tok(governor)?.lemma ?? '') : '';
  const govSubject = governor !== undefined ? subjectActors(view, copula ?? governor) : undefined;
  return { start, owner, possessivePronoun, governor, govLemma, govSubject };
}

/** Verbs that link a subject to a participle of stance (`is committed to`, `remained opposed to`). */
const COPULAS: ReadonlySet<string> = new Set(['be', 'remain', 'stay']);

/** The copula right before token i, adverbs and particles between (`has stayed firmly committed`). */
export function copulaBefore(view: ArticleView, i: number): number | undefined {
  let k = i - 1;
  while (view.tok(k)?.pos === 'ADV' || view.tok(k)?.pos === 'PART') k--;
  return COPULAS.has(view.tok(k)?.lemma ?? '') ? k : undefined;
}

/** Verbs whose subject brought on an act that a `from` party did (`X's move sparked criticism from Y`, `was met with condemnation from Y`). */
const ELICITING: ReadonlySet<string> = new Set(['spark', 'prompt', 'trigger', 'provoke', 'elicit', 'meet']);

/** Guards the noun rule checks on its governing verb or the noun itself, not on the target phrase. */
const GOVERNOR_GUARDS: ReadonlySet<string> = new Set(['threat-governor', 'no-threat-governor', 'no-market-sense']);
/** Nominal acts that can be received from their actor (`received an offer from X`, `drew criticism from X`). */
export const RECEIVED = new Set(['PROPOSED', 'ACCUSED', 'SUPPORTED', 'URGED', 'DEMANDED', 'WARNED', 'THREATENED']);

/**
 * The actor of a nominal act: the subject of a light/reporting verb (`Blinken reiterated the US
 * commitment to`), else the owner, else the governing verb's subject, else (for `his meeting`)
 * the main subject of the sentence; for a proposal received (`received the response from X`),
 * the sender, and the receiver becomes the target.
 */
export function nounActors(view: ArticleView, rule: NounRule, i: number, last: number, f: NounFrame, from: readonly number[], fromSlot: string): { sources: number[]; receiver: number[] | undefined; slot: string } {
  const gs = f.govSubject?.entities ?? [];
  // `drew criticism from X`, `won support from X`: the sender is the actor; an offer needs no `from` party.
  // What an act brings on is a reaction (`prompted a response from X` is no offer): hostile acts only.
  const received = view.lex.receiveVerbs.has(f.govLemma) || (ELICITING.has(f.govLemma) && from.length > 0 && view.lex.typeClasses.hostile.has(rule.type));
  // A guarded rule needs its target phrase (`a call for X to leave`); `received a call from X` is no appeal.
  if (RECEIVED.has(rule.type) && !rule.guards.some((g) => !GOVERNOR_GUARDS.has(g)) && received && (from.length || rule.type === 'PROPOSED')) {
    // `Russia's decision drew criticism from X`: what a party did receives the act on the party's behalf.
    const receiver = gs.length ? gs : from.length ? subjectOwner(view, f) : [];
    if (receiver.length) return { sources: from.length ? [...from] : f.owner !== undefined ? [f.owner] : [], receiver: [...receiver], slot: from.length ? fromSlot : 'owner' };
  }
  const envoy = sentParty(view, f);
  if (envoy.length) return { sources: envoy, receiver: undefined, slot: 'sent party' };
  const makers = governorMakes(view, rule, f) ? gs : [];
  if (makers.length && view.lex.lightVerbs.has(f.govLemma)) return { sources: [...makers], receiver: undefined, slot: 'governing verb subject' };
  // `over an accusation from X that Y ...`, `criticism by X of Y`: the `from` or `by` party sent it.
  if (from.length && f.owner === undefined) return { sources: [...from], receiver: undefined, slot: fromSlot };
  if (makers.length && f.owner === undefined && !rule.ownedOnly) return { sources: [...makers], receiver: undefined, slot: 'governing verb subject' };
  if (f.owner !== undefined) return { sources: [f.owner], receiver: undefined, slot: 'owner' };
  if (f.possessivePronoun || frontedAdjunct(view, f.start)) {
    for (let k = i + 1; k <= last; k++) {
      if (view.tok(k)?.pos !== 'VERB') continue;
      const s = subjectActors(view, k);
      if (s?.entities.length) return { sources: [...s.entities], receiver: undefined, slot: 'next clause subject' };
    }
  }
  return { sources: [], receiver: undefined, slot: '' };
}

/**
 * Whether the subject of the verb governing a nominal act may have made it: not a passive's subject
 * (`X was given a deal`), nor a refuser's (`rejected the demands of X`, `dismissed calls for X to
 * resign`; a refused meeting is the refusal frame's: see nounRuleDraftsOf).
 */
function governorMakes(view: ArticleView, rule: NounRule, f: NounFrame): boolean {
  if (f.governor === undefined || isPassive(view, f.governor)) return false;
  return rule.type === 'SPOKE_WITH' || !(matchVerbRules(view, f.governor)?.rules.some((r) => r.type === 'REJECTED') ?? false);
}

/** Verbs of sending someone on a mission: the one sent does the act the mission is for. */
const SENDING: ReadonlySet<string> = new Set(['send', 'dispatch', 'despatch']);

/** `X sent Y to Moscow for talks with Z`: the parties of the sending verb's object, who hold the talks (not X). */
function sentParty(view: ArticleView, f: NounFrame): number[] {
  if (f.governor === undefined || !SENDING.has(f.govLemma)) return [];
  const [, last] = view.sentenceBounds(f.governor);
  const np = view.readNP(f.governor + 1, Math.min(last, f.start - 1));
  return np && np.last < f.start ? actorsOf(view, np, true) : [];
}

/** The owner of the governing verb's subject when that names no entity itself (`Russia's move`, `the Russian decision`). */
function subjectOwner(view: ArticleView, f: NounFrame): number[] {
  const s = f.govSubject;
  return s && f.governor !== undefined ? subjectOwnerOf(view, s.start, f.governor) : [];
}

/** The owner of a subject phrase from `start` to before verb `v` that names no entity itself. */
export function subjectOwnerOf(view: ArticleView, start: number, v: number): number[] {
  if (start >= v) return [];
  const np = view.readNP(start, v - 1);
  return np && !np.heads.length && np.owner !== undefined && np.appositive === undefined ? [np.owner] : [];
}

/** Prepositions of a fronted adjunct whose act the main clause's subject did (`After talks with X, Y said ...`). */
const FRONTED = new Set(['after', 'following', 'during', 'in']);

/** Whether the noun phrase starting at `start` opens its sentence after such a preposition. */
function frontedAdjunct(view: ArticleView, start: number): boolean {
  const [first] = view.sentenceBounds(start);
  let p = start - 1;
  if (!FRONTED.has(view.norm(p))) return false;
  p--;
  while (p >= first && view.tok(p)?.pos === 'ADV') p--;
  return p < first;
}

/** Acts a noun in apposition to a clause can sum up (`..., a call for X to`); not `..., a supporter of X`, which describes a person. */
const SUMMED = new Set(['URGED', 'DEMANDED', 'PROPOSED']);

/** `..., as a goodwill gesture to Y`: an `as` adjunct's act is the clause's, its actor the clause's subject. */
export function asAdjunctActor(view: ArticleView, f: NounFrame, first: number, type: string): { sources: number[]; verb: number } | undefined {
  // `X said ..., a call for Y to leave`: an appeal, demand or offer in apposition sums up the clause before.
  const summing = view.norm(f.start - 1) === ',' && ['a', 'an'].includes(view.norm(f.start)) && SUMMED.has(type);
  if (view.norm(f.start - 1) !== 'as' && !summing) return undefined;
  for (let k = f.start - 2; k >= first; k--) {
    if (view.tok(k)?.pos !== 'VERB') continue;
    const s = subjectActors(view, k);
    if (s?.entities.length) return { sources: [...s.entities], verb: k };
  }
  return undefined;
}

