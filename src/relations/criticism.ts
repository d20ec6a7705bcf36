/**
 * Criticism stated in someone's words: a reported clause or a quotation
 * whose wording condemns what another party did (`the ministry said the US
 * had imposed illegal sanctions`, `"... measures taken by the EU are
 * unlawful," it added`, `Y has unjustly detained critics, according to X`)
 * is ACCUSED speaker -> that party. The party is the agent after `by` next
 * to the label, else the entity subject of the nearest clause before it.
 */
import { ArticleView } from './article-view.js';
import { actorsOf, subjectActors } from './clause.js';
import type { Draft } from './drafts.js';

const RULE = 'producer.reported-criticism';
const CONFIDENCE = 0.5;

/** A stretch of a sentence in someone's words. */
interface Span {
  readonly first: number;
  readonly last: number;
  readonly speakers: readonly number[];
  /** The speech verb whose auxiliary chain carries the modality; none for a quotation. */
  readonly verb: number | undefined;
  readonly clauseStart: number;
}

/** ACCUSED drafts of the criticism worded in each sentence's reported clauses and quotations. */
export function reportedCriticismDrafts(view: ArticleView): Draft[] {
  const out: Draft[] = [];
  for (const sent of view.ann.sentences) {
    const labels = labelTokens(view, sent.firstToken, sent.lastToken);
    if (!labels.length) continue;
    const spans = reportSpans(view, sent.firstToken, sent.lastToken);
    for (const label of labels) {
      for (const span of [...spans, ...quoteSpans(view, label)]) {
        if (label < span.first || label > span.last) continue;
        const targets = criticisedParty(view, label, span).filter((e) => span.speakers.every((s) => s !== e && !view.isAffiliated(s, e) && !view.isAffiliated(e, s)));
        if (!targets.length) continue;
        out.push({
          type: 'ACCUSED',
          rule: RULE,
          sources: span.speakers,
          targets,
          sentence: view.tok(label)?.sentence ?? 0,
          cue: view.tok(label)?.text ?? '',
          modality: span.verb !== undefined ? view.modalityOf(span.verb, span.clauseStart) : 'asserted',
          confidence: CONFIDENCE,
          chainAt: span.verb,
        });
        break;
      }
    }
  }
  return out;
}

/** Words of condemnation (`illegal`, `unjustly`, `a farce`) in tokens first..last. */
function labelTokens(view: ArticleView, first: number, last: number): number[] {
  const out: number[] = [];
  const labels = view.lex.negativeLabels;
  for (let k = first; k <= last; k++) {
    const t = view.tok(k);
    if (!t || !['ADJ', 'ADV', 'NOUN'].includes(t.pos)) continue;
    const w = t.normal;
    if (labels.has(w) || labels.has(t.lemma) || (w.endsWith('ly') && labels.has(w.slice(0, -2)))) out.push(k);
  }
  return out;
}

/**
 * The reported stretches of a sentence: the clause after a speech verb with
 * an entity subject (`X said that ...`), the clause before a final report
 * (`..., X said`), and the clause around `according to X`.
 */
function reportSpans(view: ArticleView, first: number, last: number): Span[] {
  const out: Span[] = [];
  for (let k = first; k <= last; k++) {
    const t = view.tok(k);
    if (!t) continue;
    if (t.normal === 'according' && view.norm(k + 1) === 'to') {
      const np = view.readNP(k + 2, last);
      const speakers = actorsOf(view, np, false);
      if (speakers.length && np) out.push(k === first ? { first: np.last + 1, last, speakers, verb: undefined, clauseStart: k } : { first, last: k - 1, speakers, verb: undefined, clauseStart: k });
      continue;
    }
    if (t.pos !== 'VERB' || !view.lex.speechVerbs.has(t.lemma)) continue;
    const subject = subjectActors(view, k);
    const speakers = subject?.entities ?? [];
    if (!subject || !speakers.length) continue;
    if (subject.start < k) out.push({ first: k + 1, last, speakers, verb: k, clauseStart: subject.start });
    // `..., the ministry said`: the report closes the sentence.
    const before = view.norm(subject.start - 1);
    if (subject.start > first && (before === ',' || before === '"' || before === '”')) out.push({ first, last: subject.start - 2, speakers, verb: k, clauseStart: subject.start });
  }
  return out;
}

/** The quotation holding token i, when its speaker is known. */
function quoteSpans(view: ArticleView, i: number): Span[] {
  const t = view.tok(i);
  const q = t ? view.quotes.find((x) => x.start <= t.start && t.end <= x.end && x.speaker !== null) : undefined;
  if (!t || !q || q.speaker === null) return [];
  const [first, last] = view.sentenceBounds(i);
  return [{ first, last, speakers: [q.speaker], verb: undefined, clauseStart: first }];
}

/** The party a label at token i condemns: the `by` agent right after it, else the nearest clause subject before it in the span. */
function criticisedParty(view: ArticleView, i: number, span: Span): number[] {
  for (let k = i + 1; k <= Math.min(span.last, i + 6); k++) {
    const n = view.norm(k);
    if (n === 'by') return actorsOf(view, view.readNP(k + 1, span.last), false);
    if (n === ',' || n === ';' || view.tok(k)?.pos === 'AUX') break;
  }
  for (let k = i - 1; k >= span.first; k--) {
    const t = view.tok(k);
    // A gerund or infinitive after a preposition (`by imposing`, `to stop`) has no subject of its own.
    // A name's word the tagger took for a verb (`the Red Cross`) is none.
    if (!t || (t.pos !== 'VERB' && t.pos !== 'AUX') || view.entityAt(k) !== undefined || ['ADP', 'SCONJ', 'PART'].includes(view.tok(k - 1)?.pos ?? '')) continue;
    const s = subjectActors(view, k);
    if (s && s.start >= span.first) return s.entities.filter((e) => headsPhrase(view, e, s.start, k));
  }
  return [];
}

/** Whether entity e is named in the subject phrase from `start` outside a prepositional phrase (`the attack on X` condemns the attacker, not X). */
function headsPhrase(view: ArticleView, e: number, start: number, verb: number): boolean {
  for (let k = start; k < verb; k++) {
    if (view.entityAt(k) !== e) continue;
    let p = k - 1;
    while (p >= 0 && (view.entityAt(p) === e || ['DET', 'ADJ', 'PROPN', 'NUM'].includes(view.tok(p)?.pos ?? ''))) p--;
    return view.tok(p)?.pos !== 'ADP';
  }
  return false;
}
