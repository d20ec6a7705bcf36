/**
 * The draft of a relation the producers make (sources and targets as entity
 * lists, before pairing) and the helpers every producer shares: the clause
 * draft with its modality and reporter, the cue text, and `finish`, which
 * pairs drafts into Relation[] without duplicates.
 */
import type { Modality, Relation, RelationType } from '../types.js';
import { ArticleView } from './article-view.js';

export interface Draft {
  type: RelationType;
  /** Id of the rule (data/rules) or named producer that made the draft. */
  rule: string;
  /** The rule's CAMEO code and PLOVER type; the type's when the rule gives none. */
  cameo?: string | undefined;
  plover?: string | undefined;
  /** Where the rule found the actor and the target. */
  slots?: { actor: string; target: string } | undefined;
  sources: readonly number[];
  targets: readonly number[];
  sentence: number;
  cue: string;
  modality: Modality;
  reportedBy?: number | undefined;
  role?: string | undefined;
  confidence: number;
  reciprocal?: boolean | undefined;
  /** A warning whose target the clause does not name: taken from the speaker's other directive acts in the sentence. */
  openTarget?: boolean | undefined;
  /** The verb whose auxiliary chain carries the act's modality (the cue verb, or a nominal cue's governing verb). */
  chainAt?: number | undefined;
}

/**
 * A draft of an act whose cue verb is `v` in the clause that starts at
 * `clauseStart`: its modality is read from the auxiliary chain of `modalAt`
 * (the cue verb, or the frame verb that governs it), and its reporter from the
 * frame around the clause.
 */
export function clauseDraft(view: ArticleView, v: number, clauseStart: number, draft: Omit<Draft, 'modality' | 'reportedBy'>, modalAt = v): Draft {
  return { ...draft, modality: view.modalityOf(modalAt, clauseStart), reportedBy: reporterOf(view, v, clauseStart, draft.sources) };
}

/** The draft of the act of verb v whose actors are its subject: the clause starts at the subject (at v without one). */
export function subjectDraft(view: ArticleView, v: number, subject: { start: number } | undefined, draft: Omit<Draft, 'modality' | 'reportedBy' | 'sentence'>): Draft[] {
  return [clauseDraft(view, v, subject?.start ?? v, { ...draft, sentence: view.tok(v)?.sentence ?? 0 })];
}

/** The reporter of a cue inside a reporting frame: `Price said the secretary urged ...`, `according to X, ...`. */
export function reporterOf(view: ArticleView, v: number, subjectStart: number, actors: readonly number[]): number | undefined {
  const [first, last] = view.sentenceBounds(v);
  for (let k = first; k <= last; k++) {
    const n = view.norm(k);
    if (n === 'according' && view.norm(k + 1) === 'to') {
      const e = view.npEntities(view.readNP(k + 2, last), false)[0];
      if (e !== undefined && !actors.includes(e)) return e;
    }
  }
  for (let k = subjectStart - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t || t.pos !== 'VERB' || !view.lex.speechVerbs.has(t.lemma)) continue;
    const s = view.subjectOf(k);
    const e = s?.entities[0];
    if (e !== undefined && !actors.includes(e)) return e;
  }
  return finalReporter(view, v, last, actors);
}

/** Words that open a relative clause (`a report which X said was false` is no report frame). */
const RELATIVE: ReadonlySet<string> = new Set(['which', 'that', 'who', 'whom', 'what']);

/** `..., Lee said Monday.`: the speaker of a report frame closing the sentence after the cue. */
function finalReporter(view: ArticleView, v: number, last: number, actors: readonly number[]): number | undefined {
  for (let k = v + 1; k <= last; k++) {
    const t = view.tok(k);
    if (!t || t.pos !== 'VERB' || !view.lex.speechVerbs.has(t.lemma)) continue;
    // The frame follows a comma and ends the sentence (a time word or two may follow the verb).
    let c = k - 1;
    while (c > v && k - c < 8 && view.norm(c) !== ',' && !RELATIVE.has(view.norm(c))) c--;
    if (view.norm(c) !== ',') return undefined;
    let end = k + 1;
    while (end <= last && end - k < 4 && !['.', ',', ';'].includes(view.norm(end)) && !['VERB', 'AUX'].includes(view.tok(end)?.pos ?? '')) end++;
    if (end <= last && !['.', ',', ';'].includes(view.norm(end))) return undefined;
    const e = view.subjectOf(k)?.entities[0];
    return e !== undefined && !actors.includes(e) ? e : undefined;
  }
  return undefined;
}

/** A named person whose closing frame reports the act of the state or body they act for is its actor (`Russia will ..., Lavrov said`). */
function spokenActor(view: ArticleView, s: number, reporter: number | undefined): number {
  return reporter !== undefined && view.entityType(reporter) === 'Person' && view.entityType(s) !== 'Person' && view.isAffiliated(reporter, s) ? reporter : s;
}

export function cueText(view: ArticleView, from: number, to: number): string {
  const a = view.tok(from);
  const b = view.tok(to);
  return a && b ? view.text.slice(a.start, b.end) : '';
}

/** First token of the noun phrase ending at token `end` (determiners, modifiers, possessors, entities), at most `max` tokens back. */
export function phraseStart(view: ArticleView, end: number, first: number, max: number): number {
  return view.phraseStartBefore(end, first, { max, marks: 'possessive-s' });
}

/** A verb lemma with its particle (`call for`, `rule out`), as the meeting frames list them. */
export function verbPhrase(view: ArticleView, v: number, set: ReadonlySet<string>): string | undefined {
  const lemma = view.tok(v)?.lemma ?? '';
  const two = `${lemma} ${view.norm(v + 1)}`;
  if (set.has(two)) return two;
  return set.has(lemma) ? lemma : undefined;
}

export function finish(view: ArticleView, drafts: readonly Draft[]): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const sent = view.sentenceText(d.sentence);
    const codes = view.lex.typeCodes.get(d.type);
    const pairs: [number, number][] = [];
    if (d.reciprocal) {
      for (let a = 0; a < d.sources.length; a++) for (let b = a + 1; b < d.sources.length; b++) pairs.push([d.sources[a] ?? -1, d.sources[b] ?? -1]);
    } else {
      const closing = d.chainAt !== undefined ? finalReporter(view, d.chainAt, view.sentenceBounds(d.chainAt)[1], d.sources) : undefined;
      for (const s of d.sources) for (const t of d.targets) pairs.push([spokenActor(view, s, closing), t]);
    }
    for (const [s, t] of pairs) {
      if (s < 0 || t < 0 || s === t) continue;
      const [a, b] = d.type === 'SPOKE_WITH' && s > t ? [t, s] : [s, t];
      const key = `${d.type}|${a}|${b}|${d.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        type: d.type,
        source: s,
        target: t,
        sentence: d.sentence,
        evidence: sent.text,
        start: sent.start,
        end: sent.end,
        cue: d.cue,
        modality: d.modality,
        // Undefined fields are left out of the JSON results.
        reportedBy: d.reportedBy !== s ? d.reportedBy : undefined,
        role: d.role,
        confidence: d.confidence,
        rule: d.rule,
        cameo: d.cameo ?? codes?.cameo,
        plover: d.plover ?? codes?.plover,
        slots: d.slots,
      });
    }
  }
  return out;
}
