/**
 * Appeals worded as another party's duty (CAMEO 02 appeal): a speaker says
 * that a party must or should act (`X said Y must withdraw`, `"Y should
 * return to talks," X said`, `Y needs to act, according to X`) is URGED
 * speaker -> that party. Not when the duty is the speaker's own side's
 * (`Obama said the US must lead`), nor when the party is the patient
 * (`Y must be punished`, `Y should have known`).
 */
import { type ArticleView, isQuoteMark } from './article-view.js';
import { type Span, quoteSpans, reportSpans } from './criticism.js';
import type { Draft } from './drafts.js';

const RULE = 'producer.reported-obligation';
const CONFIDENCE = 0.6;

/** URGED drafts of the obligations stated in each sentence's reported clauses and quotations. */
export function obligationDrafts(view: ArticleView): Draft[] {
  const out: Draft[] = [];
  for (const sent of view.ann.sentences) {
    let spans: Span[] | undefined;
    for (let m = sent.firstToken; m <= sent.lastToken; m++) {
      const verb = obligedVerb(view, m);
      if (verb === undefined) continue;
      const subject = view.subjectEndingAt(m - 1, sent.firstToken);
      if (!subject?.entities.length || conditional(view, subject.start, sent.firstToken)) continue;
      spans ??= reportSpans(view, sent.firstToken, sent.lastToken);
      // The innermost report holding the clause, and no other verb between its start and the subject
      // (`"the opinion holds that Y has to ...," X said` reports the opinion, not X's appeal).
      const span = [...spans, ...quoteSpans(view, m)].filter((s) => s.first <= subject.start && m <= s.last).sort((a, b) => b.first - a.first)[0];
      if (!span || nestedVerb(view, span, subject.start)) continue;
      const targets = subject.entities.filter((e) => span.speakers.every((s) => s !== e && !view.isAffiliated(s, e) && !view.isAffiliated(e, s)));
      if (!targets.length) continue;
      out.push({
        type: 'URGED',
        rule: RULE,
        sources: span.speakers,
        targets,
        sentence: view.tok(m)?.sentence ?? 0,
        cue: `${view.tok(m)?.text ?? ''} ${view.tok(verb)?.text ?? ''}`,
        modality: span.verb !== undefined ? view.modalityOf(span.verb, span.clauseStart) : 'asserted',
        confidence: CONFIDENCE,
        chainAt: span.verb,
      });
    }
  }
  return out;
}

/** Words of duty before the verb they govern: `must`, `should`, `ought to`, `needs to`, `has to`. */
const DUTY_MODALS = new Set(['must', 'should']);
const DUTY_VERBS = new Set(['need', 'needs', 'have', 'has', 'ought']);

/**
 * The verb a duty word at token m governs (`must act`, `needs to act`), when the
 * party it binds is the actor: none for a passive or perfect (`must be held`,
 * `should have known`) or a negated duty of the speaker's wish (`need not`).
 */
function obligedVerb(view: ArticleView, m: number): number | undefined {
  const t = view.tok(m);
  if (!t) return undefined;
  let k: number;
  if (DUTY_MODALS.has(t.normal)) k = m + 1;
  else if (DUTY_VERBS.has(t.normal) && view.norm(m + 1) === 'to') k = m + 2;
  else if (PRESENT_BE.has(t.normal)) {
    const to = dutyPhraseEnd(view, m + 1);
    if (to === undefined) return undefined;
    k = to + 1;
  } else return undefined;
  while (view.tok(k)?.pos === 'ADV' || view.norm(k) === 'not') k++;
  const v = view.tok(k);
  if (!v || v.pos !== 'VERB' || v.lemma === 'be' || v.lemma === 'have') return undefined;
  return k;
}

/** A present or future `be` before a duty participle (`was obliged to` is a past necessity, no appeal). */
const PRESENT_BE = new Set(['is', 'are', 'be', "'re", '’re']);
/** Participles of duty after `be` (`are obliged to`, `is required to`). */
const DUTY_PARTICIPLES = new Set(['obliged', 'obligated', 'required']);

/**
 * The `to` of a duty phrase after `be` starting at token p: `obliged to`, `required to`, `under an
 * obligation (not) to` (a quotation mark may stand before the infinitive), if any.
 */
function dutyPhraseEnd(view: ArticleView, p: number): number | undefined {
  let k = p;
  while (view.tok(k)?.pos === 'ADV') k++;
  if (DUTY_PARTICIPLES.has(view.norm(k))) k++;
  else if (view.norm(k) === 'under' && ['an', 'the', 'a'].includes(view.norm(k + 1)) && view.norm(k + 2) === 'obligation') k += 3;
  else return undefined;
  while (isQuoteMark(view.tok(k)?.text ?? '') || view.norm(k) === 'not') k++;
  return view.norm(k) === 'to' ? k : undefined;
}

/** Whether `if`/`unless` opens the clause whose subject starts at `start` (`if Y must act`). */
function conditional(view: ArticleView, start: number, first: number): boolean {
  for (let k = start - 1; k >= Math.max(first, start - 3); k--) {
    const n = view.norm(k);
    if (view.lex.modality.conditional.has(n)) return true;
    if (n === ',' || n === ';') return false;
  }
  return false;
}

/** Whether a verb other than the report's own stands between the report's start and the subject at `start`. */
function nestedVerb(view: ArticleView, span: Span, start: number): boolean {
  for (let k = span.first; k < start; k++) if (k !== span.verb && view.tok(k)?.pos === 'VERB' && view.entityAt(k) === undefined) return true;
  return false;
}
