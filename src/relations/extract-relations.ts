/**
 * relations stage: typed, directed edges between the entities of one
 * article, from the cue lexicon (verbs, phrasal verbs, nouns) and the
 * clause structure around each cue (subject, object, prepositional
 * target, passive agent, coordination, appositives, reporting frames),
 * plus AFFILIATED_WITH from the persons' roles and affiliations.
 * Input: annotated text, mentions, resolved entities, lexicon.
 * Output: Relation[], each with its evidence sentence, cue and modality.
 */
import type { AnnotatedText, ArticleEntity, Mention, Relation } from '../types.js';
import { affiliationDrafts } from './affiliations.js';
import { ArticleView, type QuotedSpeech, isQuoteMark } from './article-view.js';
import { HOSTILE, actorsOf, hasInfinitive, isInfinitiveCue, isPassive, matchVerbCue, passiveAgent, rehomePronounActor, slotTargets, subjectActors } from './clause.js';
import { demandContentDrafts, demandObjectDrafts, responseDrafts } from './demands.js';
import { deploymentDrafts } from './deployment.js';
import { type Draft, NO_DRAFTS, cueText, finish, reporterOf, uniformDraft } from './drafts.js';
import { consequenceDrafts, fillOpenTargets, frameDrafts, intentFrame, meetingFrame, refusalDrafts, venueDrafts } from './frames.js';
import type { NominalCue, RelationLexicon } from './relation-lexicon.js';

/** Verbs of wishing: `X wants Y to act` is an appeal, `X wants Y to be ...` is not. */
const WISH = new Set(['want', 'wish']);

export function extractRelations(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  lex: RelationLexicon,
  quotes: readonly QuotedSpeech[] = [],
): Relation[] {
  const view = new ArticleView(ann, mentions, entities, lex, quotes);
  const drafts: Draft[] = [];
  drafts.push(...affiliationDrafts(view));
  for (let i = 0; i < ann.tokens.length; i++) {
    const t = ann.tokens[i];
    if (!t) continue;
    if (t.pos === 'VERB' || isInfinitiveCue(view, i)) {
      const d = verbDrafts(view, i);
      drafts.push(...d);
      if (!d.length) drafts.push(...consequenceDrafts(view, i));
      drafts.push(...venueDrafts(view, i));
      drafts.push(...frameDrafts(view, i));
      drafts.push(...demandObjectDrafts(view, i));
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') drafts.push(...nominalDrafts(view, i), ...responseDrafts(view, i));
    drafts.push(...deploymentDrafts(view, i));
  }
  drafts.push(...demandContentDrafts(view));
  return finish(view, refusalDrafts(view, fillOpenTargets(Array.from(drafts, uniformDraft))));
}

function verbDrafts(view: ArticleView, v: number): readonly Draft[] {
  const match = matchVerbCue(view, v);
  if (!match || match.cue.type === 'DEPLOYED_NEAR') return NO_DRAFTS;
  const { cue, after } = match;
  const t = view.tok(v);
  if (!t) return NO_DRAFTS;
  const end = view.clauseEnd(v);
  // The object phrase right after the cue, read once for every check below.
  const np = view.readNP(after, end);
  if (cue.agreementObject) {
    if (!np?.headLemma || !view.lex.agreementNouns.has(np.headLemma)) return NO_DRAFTS;
  }
  if (cue.objectNouns) {
    let found = false;
    for (let k = after; k <= Math.min(end, after + 7); k++) if (view.lex.proposalNouns.has(view.tok(k)?.lemma ?? '') || view.lex.proposalNouns.has(view.norm(k))) found = true;
    if (!found) return NO_DRAFTS;
  }
  let sources: number[] = [];
  let targets: number[] = [];
  const subject = subjectActors(view, v);
  const passive = isPassive(view, v);
  if (passive) {
    sources = passiveAgent(view, v);
    targets = [...(subject?.entities ?? [])];
    // `X was asked by Y to ...`: the infinitive is still needed.
    if (cue.needsTo && !hasInfinitive(view, after, end)) targets = [];
  } else {
    sources = [...(subject?.entities ?? [])];
    for (const slot of cue.slots) {
      if (slot === 'reciprocal') continue;
      targets = slotTargets(view, slot, after, end, cue.owner, sources);
      if (slot === 'dobj' && cue.needsTo && targets.length) {
        const nxt = np ? view.norm(np.last + 1) : '';
        if (nxt !== 'to' && nxt !== 'for') targets = [];
        // `wanted Sundance to be a platform`: a wish about the object's state, not an appeal to it.
        if (WISH.has(t.lemma) && np && view.tok(np.last + 2)?.lemma === 'be') targets = [];
      }
      // `condemned Russia's invasion`, `condemned the Russian invasion`: the possessor, never the `of` complement.
      if (slot === 'dobj' && cue.possessor && !targets.length) {
        if (np && !np.heads.length && np.owner !== undefined && !sources.includes(np.owner)) targets = [np.owner];
      }
      // `received Lopez`, `received ministers from X`: hosting people, not receiving a thing (`received an award`).
      if (slot === 'dobj' && cue.people && targets.length) {
        const people = np && (np.heads.some((h) => view.entityType(h) === 'Person') || view.lex.groupNouns.has(np.headLemma ?? ''));
        if (!people) targets = [];
      }
      if (targets.length) break;
    }
  }
  if (!sources.length) return NO_DRAFTS;
  if (!passive && subject && HOSTILE.has(cue.type)) sources = rehomePronounActor(view, subject.start, sources, targets);
  const reciprocal = !targets.length && cue.slots.includes('reciprocal') && sources.length > 1;
  if (!targets.length && !reciprocal) return NO_DRAFTS;
  const clauseStart = subject?.start ?? v;
  const reportedBy = reporterOf(view, v, clauseStart, sources);
  // Intent to cooperate: `offered to help Kenya` is an offer (PROPOSED), asserted as the offer is.
  const intent = cue.type === 'SUPPORTED' && !passive && view.lex.intentActs.has(t.lemma) ? intentFrame(view, v) : undefined;
  return [
    {
      type: intent !== undefined ? 'PROPOSED' : cue.type,
      sources,
      targets: reciprocal ? sources : targets,
      sentence: t.sentence,
      cue: intent !== undefined ? cueText(view, intent, after - 1) : cueText(view, v, after - 1),
      modality: view.modalityOf(intent ?? v, clauseStart),
      reportedBy,
      confidence: passive ? 0.7 : 0.8,
      reciprocal,
      chainAt: v,
    },
  ];
}

function matchNominal(view: ArticleView, i: number): NominalCue | undefined {
  const t = view.tok(i);
  if (!t) return undefined;
  // A sentence-initial plural the tagger took for a name (`Talks between ...`) still counts.
  const cues = view.lex.nominals.get(t.lemma) ?? view.lex.nominals.get(t.normal) ?? (t.pos === 'PROPN' && /s$/.test(t.normal) ? view.lex.nominals.get(t.normal.slice(0, -1)) : undefined);
  if (!cues) return undefined;
  for (const c of cues) {
    // A two-word cue (`peace talks`) needs its first word before the noun.
    const space = c.lemma.indexOf(' ');
    if (space >= 0 && view.norm(i - 1) !== c.lemma.slice(0, space)) continue;
    return c;
  }
  return undefined;
}

function nominalDrafts(view: ArticleView, i: number): readonly Draft[] {
  const cue = matchNominal(view, i);
  if (!cue) return NO_DRAFTS;
  // Idioms, not acts: `in response to`, `in support of`.
  if (view.norm(i - 1) === 'in' && ['to', 'of'].includes(view.norm(i + 1))) return NO_DRAFTS;
  const t = view.tok(i);
  if (!t) return NO_DRAFTS;
  const [first, last] = view.sentenceBounds(i);
  const end = view.clauseEnd(i);
  // The phrase the noun heads: owner before it, governing verb before that.
  let npStart = i;
  while (npStart - 1 >= first) {
    const p = view.tok(npStart - 1);
    if (!p) break;
    const ok = p.pos === 'DET' || p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s' || isQuoteMark(p.text) || view.entityAt(npStart - 1) !== undefined || ['his', 'her', 'their', 'its', 'our'].includes(p.normal);
    if (!ok || i - npStart > 6) break;
    npStart--;
  }
  const pre = npStart < i ? view.readNP(npStart, i) : undefined;
  let owner = pre?.owner;
  if (owner === undefined && pre?.heads.length && pre.last < i) owner = pre.heads[0];
  const possessivePronoun = [...Array(i - npStart).keys()].some((k) => ['his', 'her', 'their'].includes(view.norm(npStart + k)));
  const governor = view.governingVerb(npStart);
  const govLemma = governor !== undefined ? (view.tok(governor)?.lemma ?? '') : '';
  const govSubject = governor !== undefined ? subjectActors(view, governor) : undefined;

  // Target: the cue's preposition after the noun.
  let targets: number[] = [];
  let between = false;
  let from: number[] = [];
  for (let k = i + 1; k <= Math.min(end, i + 7); k++) {
    const n = view.norm(k);
    const tk = view.tok(k);
    if (!tk) break;
    if (n === 'from' && cue.type === 'PROPOSED') from = actorsOf(view, view.readNP(k + 1, end), true);
    if (cue.preps.includes(n) && (tk.pos === 'ADP' || tk.pos === 'PART' || tk.pos === 'SCONJ') && view.tok(k + 1)?.pos !== 'VERB') {
      const np = view.readNP(k + 1, end);
      targets = actorsOf(view, np, cue.type !== 'SPOKE_WITH');
      between = n === 'between';
      break;
    }
    if (tk.pos === 'VERB' || tk.pos === 'AUX' || n === ',' ) break;
  }
  if (between) {
    if (cue.type !== 'SPOKE_WITH' || targets.length < 2) return NO_DRAFTS;
    const framed = meetingFrame(view, i, governor, view.nominalModality(i, governor, npStart));
    return [{ type: cue.type, sources: targets, targets, sentence: t.sentence, cue: cueText(view, i, i), modality: framed.modality, confidence: 0.8, reciprocal: true }];
  }
  // Actor: the subject of a light/reporting verb (`Blinken reiterated the US commitment to`), else the owner,
  // else the governing verb's subject, else (for `his meeting`) the main subject of the sentence.
  let sources: number[] = [];
  let receiver = false;
  if (cue.type === 'PROPOSED' && view.lex.receiveVerbs.has(govLemma) && govSubject?.entities.length) {
    receiver = true;
    sources = from.length ? from : owner !== undefined ? [owner] : [];
    targets = [...govSubject.entities];
  } else if (govSubject?.entities.length && (view.lex.lightVerbs.has(govLemma) || (owner === undefined && !cue.ownedOnly))) {
    sources = [...govSubject.entities];
  } else if (owner !== undefined) {
    sources = [owner];
  } else if (possessivePronoun) {
    for (let k = i + 1; k <= last; k++) {
      if (view.tok(k)?.pos !== 'VERB') continue;
      const s = subjectActors(view, k);
      if (s?.entities.length) {
        sources = [...s.entities];
        break;
      }
    }
  }
  // `..., as a goodwill gesture to Y`: an `as` adjunct's act is the clause's, its actor the clause's subject.
  let actingVerb = governor;
  if (!sources.length && owner === undefined && !cue.ownedOnly && view.norm(npStart - 1) === 'as') {
    for (let k = npStart - 2; k >= first; k--) {
      if (view.tok(k)?.pos !== 'VERB') continue;
      const s = subjectActors(view, k);
      if (s?.entities.length) {
        sources = [...s.entities];
        actingVerb = k;
        break;
      }
    }
  }
  if (!sources.length) return NO_DRAFTS;
  if (!targets.length && cue.comp) targets = slotTargets(view, 'comp', i + 1, end, true, sources);
  const reciprocal = !targets.length && cue.type === 'SPOKE_WITH' && sources.length > 1;
  if (!targets.length && !reciprocal) return NO_DRAFTS;
  void receiver;
  const base = view.nominalModality(i, actingVerb, govSubject?.start ?? npStart);
  const framed = cue.type === 'SPOKE_WITH' ? meetingFrame(view, i, governor, base) : { modality: base, refused: false };
  const draft: Draft = {
    type: cue.type,
    sources,
    targets: reciprocal ? sources : targets,
    sentence: t.sentence,
    cue: cueText(view, cue.lemma.includes(' ') ? i - 1 : i, i),
    modality: framed.modality,
    reportedBy: reporterOf(view, i, govSubject?.start ?? npStart, sources),
    confidence: 0.7,
    reciprocal,
    chainAt: actingVerb,
  };
  // `China rejected talks with Taiwan`: the refusal is asserted (when the verb itself is).
  const refusal: Draft[] = framed.refused && !reciprocal && governor !== undefined && view.modalityOf(governor, govSubject?.start ?? npStart) === 'asserted' ? [{ ...draft, type: 'REJECTED', modality: 'asserted', cue: cueText(view, governor, i), confidence: 0.6 }] : [];
  return [draft, ...refusal];
}
