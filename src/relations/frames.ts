/**
 * Relation producers read from the frame around an act: declared refusals,
 * visits (venues and travel), vowed threats and offers in an infinitive,
 * warnings of consequences, and talks a governing verb cancels or puts in
 * the future.
 */
import type { Modality, RelationType } from '../types.js';
import { ArticleView } from './article-view.js';
import { isPassive, slotTargets, subjectActors } from './clause.js';
import { matchVerbRules } from '../rules/match.js';
import { type Draft, clauseDraft, cueText, subjectDraft, verbPhrase } from './drafts.js';
import type { TargetSlot } from './relation-lexicon.js';

/** Words that put the consequences in the future or a condition (`would have`, `will face`). */
const PROSPECTIVE = new Set(['will', 'would', 'could', "'ll", '’ll', 'shall', 'can', 'might']);

/**
 * A declared refusal (CAMEO 12): a negated cooperative act under a future or
 * conditional modal (`will not support Taiwan`, `would not provide support
 * to Israel`) or after a refusing verb (`refused to back`, `declined to
 * meet`) also gives an asserted REJECTED edge. A past negation (`did not
 * support`) states no act and gives none.
 */
export function refusalDrafts(view: ArticleView, drafts: readonly Draft[]): Draft[] {
  const out = [...drafts];
  for (const d of drafts) {
    if (!view.lex.typeClasses.refusable.has(d.type) || d.modality !== 'negated' || d.chainAt === undefined || d.reciprocal) continue;
    const [first] = view.sentenceBounds(d.chainAt);
    const cs = view.chainStart(d.chainAt, first);
    let refusal = false;
    for (let k = cs; k < d.chainAt && !refusal; k++) {
      const tk = view.tok(k);
      if (!tk) continue;
      if (view.lex.refusalModals.has(tk.normal) && tk.pos === 'AUX') refusal = true;
      if (tk.pos === 'VERB' && view.lex.refusalVerbs.has(tk.lemma)) refusal = true;
    }
    if (!refusal) continue;
    // The refusal itself is asserted unless a condition governs it (`if talks fail, Russia would not meet`).
    let conditional = false;
    for (let k = first; k < cs; k++) if (view.lex.modality.conditional.has(view.norm(k)) && view.norm(k) !== 'whether') conditional = true;
    if (conditional) continue;
    // `Kenya would not accept Egypt's offer`: the one refusing a received act is its receiver, refusing the sender.
    const received = d.slots?.target === 'receiving verb subject';
    const parties = received ? { sources: d.targets, targets: d.sources } : {};
    out.push(({ ...d, ...parties, type: 'REJECTED', rule: 'frame.refusal', cameo: undefined, plover: undefined, modality: 'asserted', reciprocal: false, confidence: Math.min(d.confidence, 0.6) }));
  }
  return out;
}

/**
 * A declared commitment (CAMEO 051): a negated act of abandoning a party
 * (`we will not abandon Ukraine`, `France is not deserting its allies`) is
 * support for it, asserted; not under a condition, not in the passive.
 */
export function loyaltyDrafts(view: ArticleView, v: number): Draft[] {
  const t = view.tok(v);
  if (!t || !view.lex.loyaltyVerbs.has(t.lemma) || isPassive(view, v)) return [];
  const subject = subjectActors(view, v);
  const sources = subject?.entities ?? [];
  if (!sources.length) return [];
  const [first] = view.sentenceBounds(v);
  const clauseStart = subject?.start ?? v;
  if (view.modalityOf(v, clauseStart) !== 'negated') return [];
  for (let k = first; k < clauseStart; k++) if (view.lex.modality.conditional.has(view.norm(k)) && view.norm(k) !== 'whether') return [];
  const targets = slotTargets(view, 'dobj', v + 1, view.clauseEnd(v), true, sources);
  if (!targets.length) return [];
  const draft = clauseDraft(view, v, clauseStart, { type: 'SUPPORTED', rule: 'frame.loyalty', slots: { actor: 'subject', target: 'object' }, sources, targets, sentence: t.sentence, cue: cueText(view, view.chainStart(v, first), v), confidence: 0.6, chainAt: v });
  return [{ ...draft, modality: 'asserted' }];
}

/**
 * Attending a meeting held in a country is a visit (CAMEO 042):
 * `Macron will attend a summit in Japan` is SPOKE_WITH Macron -> Japan. The
 * country must be named as a country (a capital there names a place).
 */
export function venueDrafts(view: ArticleView, v: number): Draft[] {
  const t = view.tok(v);
  if (!t) return [];
  const travel = view.lex.travelVerbs.get(t.lemma);
  if (travel) return travelDrafts(view, v, travel);
  if (!view.lex.venueVerbs.has(t.lemma)) return [];
  const end = view.clauseEnd(v);
  let noun = -1;
  for (let k = v + 1; k <= Math.min(end, v + 5); k++) {
    const n = view.tok(k);
    if (!n || n.pos === 'VERB' || n.pos === 'ADP') break;
    if ((n.pos === 'NOUN' || n.pos === 'PROPN') && (view.lex.venueNouns.has(n.normal) || view.lex.venueNouns.has(n.lemma))) noun = k;
  }
  if (noun < 0 || view.norm(noun + 1) !== 'in') return [];
  const m = view.mentionAt(noun + 2);
  const place = view.entityAt(noun + 2);
  if (place === undefined || !m || m.kind !== 'name' || view.entityType(place) !== 'Country') return [];
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return [];
  return subjectDraft(view, v, subject, {
    type: 'SPOKE_WITH',
    rule: 'producer.venue',
    sources,
    targets: [place],
    cue: cueText(view, v, noun + 1),
    confidence: 0.6,
    chainAt: v,
  });
}

/** A person's trip to a country is a visit: `Lopez arrived in Kenya`, `Scholz flew to Beijing`. */
function travelDrafts(view: ArticleView, v: number, prep: string): Draft[] {
  const t = view.tok(v);
  if (!t || isPassive(view, v)) return [];
  let k = v + 1;
  // `arrived back in`, `flew home to`: a return home is no visit.
  while (view.tok(k)?.pos === 'ADV') if (['back', 'home'].includes(view.norm(k++))) return [];
  if (view.norm(k) !== prep) return [];
  const m = view.mentionAt(k + 1);
  const place = view.entityAt(k + 1);
  if (place === undefined || !m || m.kind === 'pronoun' || view.entityType(place) !== 'Country') return [];
  const subject = subjectActors(view, v);
  const sources = (subject?.entities ?? []).filter((e) => view.entityType(e) === 'Person' && !view.isAffiliated(e, place));
  if (!sources.length || sources.length !== subject?.entities.length) return [];
  const clauseStart = subject.start;
  return [
    clauseDraft(view, v, clauseStart, {
      type: 'SPOKE_WITH',
      rule: 'producer.travel',
      sources,
      targets: [place],
      sentence: t.sentence,
      cue: cueText(view, v, k),
      confidence: 0.5,
    }),
  ];
}

/**
 * Acts named only through the frame before them: a vowed hostile act is a
 * threat (`vowed to retaliate against X`, THREATENED), an offered gift an
 * offer (`offered to send aid to X`, PROPOSED). The act on its own gives
 * no edge of these types.
 */
export function frameDrafts(view: ArticleView, v: number): Draft[] {
  const t = view.tok(v);
  if (!t || view.norm(v - 1) !== 'to') return [];
  let type: RelationType | undefined;
  let slots: readonly TargetSlot[] = [];
  let frame: number | undefined;
  const threatSlot = view.lex.threatActs.get(t.lemma);
  if (threatSlot) {
    let k = v - 2;
    while (view.tok(k)?.pos === 'ADV') k--;
    if (view.tok(k)?.pos === 'VERB' && view.lex.threatVerbs.has(view.tok(k)?.lemma ?? '')) {
      type = 'THREATENED';
      slots = [threatSlot];
      frame = k;
    }
  } else if (view.lex.intentGiving.has(t.lemma)) {
    frame = intentFrame(view, v, true);
    if (frame !== undefined) {
      type = 'PROPOSED';
      slots = ['pp:to', 'dobj'];
    }
  }
  if (!type || frame === undefined) return [];
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return [];
  const end = view.clauseEnd(v);
  let targets: number[] = [];
  for (const slot of slots) {
    targets = slotTargets(view, slot, v + 1, end, false, sources).filter((e) => !sources.includes(e));
    if (targets.length) break;
  }
  if (!targets.length) return [];
  const clauseStart = subject?.start ?? frame;
  return [
    clauseDraft(view, v, clauseStart, {
      type,
      rule: type === 'THREATENED' ? 'frame.threat' : 'frame.giving',
      sources,
      targets,
      sentence: t.sentence,
      cue: cueText(view, frame, v),
      confidence: 0.6,
      chainAt: frame,
    }, frame),
  ];
}

/**
 * The verb or adjective of an intent frame right before the infinitive at v
 * (`offered to help`, `is ready to assist`), if any.
 */
export function intentFrame(view: ArticleView, v: number, giving = false): number | undefined {
  if (view.norm(v - 1) !== 'to') return undefined;
  let k = v - 2;
  while (view.tok(k)?.pos === 'ADV') k--;
  const t = view.tok(k);
  if (!t) return undefined;
  if (t.pos === 'VERB' && (view.lex.intentVerbs.has(t.lemma) || (giving && view.lex.givingVerbs.has(t.lemma)))) return k;
  if (t.pos === 'ADJ' && view.lex.intentAdjectives.has(t.normal)) return k;
  return undefined;
}

/**
 * WARNED from a reporting verb whose clause says an act would bring
 * consequences: `He stressed that a further invasion of Ukraine would have
 * severe consequences`. The target is the first entity of the clause that
 * is not the patient of an act (`invasion of Ukraine`), else left open for
 * `fillOpenTargets`.
 */
export function consequenceDrafts(view: ArticleView, v: number): Draft[] {
  const t = view.tok(v);
  if (!t || !view.lex.warningVerbs.has(t.lemma) || matchVerbRules(view, v)) return [];
  const [, last] = view.sentenceBounds(v);
  let noun = -1;
  let prospective = false;
  for (let k = v + 1; k <= last && k < v + 30; k++) {
    const n = view.tok(k);
    if (!n || n.normal === ';') break;
    if (PROSPECTIVE.has(n.normal)) prospective = true;
    if (n.pos === 'NOUN' && view.lex.consequenceNouns.has(n.normal)) {
      noun = k;
      break;
    }
  }
  if (noun < 0 || !prospective) return [];
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return [];
  const targets: number[] = [];
  for (let k = v + 1; k < noun && !targets.length; k++) {
    const e = view.entityAt(k);
    const m = view.mentionAt(k);
    if (e === undefined || !m || sources.includes(e) || view.entityType(e) === 'Person' && m.kind === 'pronoun') continue;
    if (['of', 'against', 'on', 'for', 'to'].includes(view.norm(m.firstToken - 1))) continue;
    targets.push(e);
  }
  return subjectDraft(view, v, subject, {
    type: 'WARNED',
    rule: 'producer.warning-consequences',
    sources,
    targets,
    cue: `${t.text} … ${view.tok(noun)?.text ?? ''}`,
    confidence: 0.6,
    openTarget: !targets.length,
  });
}

/** Gives an open-target warning the targets of its speaker's directive acts in the same sentence; drops it otherwise. */
export function fillOpenTargets(drafts: readonly Draft[], directive: ReadonlySet<string>): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    if (!d.openTarget) {
      out.push(d);
      continue;
    }
    const other = drafts.find((o) => o !== d && !o.openTarget && o.sentence === d.sentence && directive.has(o.type) && o.targets.length && o.sources.some((s) => d.sources.includes(s)));
    if (other) out.push(({ ...d, targets: other.targets, openTarget: false }));
  }
  return out;
}

/**
 * Talks named by a noun that its verb puts in the future (`called for talks
 * with`) or cancels (`rejected talks with`, `the meeting was postponed`).
 */
export function meetingFrame(view: ArticleView, noun: number, governor: number | undefined, base: Modality): { modality: Modality; refused: boolean } {
  if (base === 'negated' || base === 'hypothetical') return { modality: base, refused: false };
  if (governor !== undefined) {
    const cancel = verbPhrase(view, governor, view.lex.meetingCancelling);
    if (cancel) return { modality: 'negated', refused: view.lex.refusalVerbs.has(cancel.split(' ')[0] ?? '') };
    if (verbPhrase(view, governor, view.lex.meetingProspective)) return { modality: 'future', refused: false };
  }
  // The noun as subject: `The meeting between X and Y was cancelled`.
  const end = view.clauseEnd(noun);
  for (let k = noun + 1; k <= Math.min(end, noun + 10); k++) {
    const tk = view.tok(k);
    if (!tk || tk.normal === ',') break;
    if (tk.pos !== 'VERB') continue;
    if (verbPhrase(view, k, view.lex.meetingCancelling)) return { modality: 'negated', refused: false };
    break;
  }
  return { modality: base, refused: false };
}
