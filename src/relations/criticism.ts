/**
 * Criticism stated in someone's words: a reported clause or a quotation
 * whose wording condemns what another party did (`the ministry said the US
 * had imposed illegal sanctions`, `"... measures taken by the EU are
 * unlawful," it added`, `Y has unjustly detained critics, according to X`)
 * is ACCUSED speaker -> that party. The party is the agent after `by` next
 * to the label, else the entity subject of the nearest clause before it.
 */
import { ArticleView, isQuoteMark } from './article-view.js';
import { actorsOf, isPassive, passiveAgent, subjectActors } from './clause.js';
import { type Draft, phraseStart } from './drafts.js';

const RULE = 'producer.reported-criticism';
const CONFIDENCE = 0.5;

/** A stretch of a sentence in someone's words. */
export interface Span {
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

/** Labels of misfortune, not blame: `the economy was a disaster` accuses no one. */
const MISFORTUNES: ReadonlySet<string> = new Set(['disaster', 'failure', 'threat', 'menace', 'mistake']);

/** Words calling an act unlawful or unjust (`illegal`, `unjustly`) and verbs of a wrong (`violated`) in tokens first..last. */
function labelTokens(view: ArticleView, first: number, last: number): number[] {
  const out: number[] = [];
  for (let k = first; k <= last; k++) {
    const t = view.tok(k);
    if (t && (t.pos === 'ADJ' || t.pos === 'ADV') && view.lex.wrongdoingLabels.has(t.normal)) out.push(k);
    else if (t && t.pos === 'VERB' && view.lex.wrongdoingVerbs.has(t.lemma)) out.push(k);
    // `Y's decision was a violation of ...`: a noun of condemnation, read only as a predicate (see criticisedParty).
    else if (t && t.pos === 'NOUN' && view.lex.negativeLabels.has(t.lemma) && !MISFORTUNES.has(t.lemma)) out.push(k);
  }
  return out;
}

/**
 * The reported stretches of a sentence: the clause after a speech verb with
 * an entity subject (`X said that ...`), the clause before a final report
 * (`..., X said`), and the clause around `according to X`.
 */
export function reportSpans(view: ArticleView, first: number, last: number): Span[] {
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
export function quoteSpans(view: ArticleView, i: number): Span[] {
  const t = view.tok(i);
  const q = t ? view.quotes.find((x) => x.start <= t.start && t.end <= x.end && x.speaker !== null) : undefined;
  if (!t || !q || q.speaker === null) return [];
  const [first, last] = view.sentenceBounds(i);
  return [{ first, last, speakers: [q.speaker], verb: undefined, clauseStart: first }];
}

/** Verbs that say what something is or how it is spoken of, not what a party did. */
const NOT_ACTS = new Set(['be', 'become', 'seem', 'remain', 'look', 'appear', 'call', 'describe', 'consider', 'deem', 'talk', 'speak', 'say']);

/**
 * The party whose act a label at token i condemns: the agent after `by`
 * (`illegal measures taken by X`), else the subject of the verb the label
 * qualifies: an adverb in its chain (`X has unjustly detained`) or an
 * adjective in its object (`X imposed illegal sanctions`; `by imposing ...`
 * goes back to the clause's own verb).
 */
function criticisedParty(view: ArticleView, i: number, span: Span): number[] {
  if (view.tok(i)?.pos === 'VERB') return wrongdoer(view, i, span);
  const agent = agentAfter(view, i, span.last);
  if (agent.length) return agent;
  if (view.tok(i)?.pos === 'NOUN') return predicateOwner(view, i, span.first);
  const adverb = view.tok(i)?.pos === 'ADV';
  const verb = adverb ? verbAfterAdverb(view, i, span.last) : verbBeforeObject(view, i, span.first);
  if (verb === undefined) return adverb ? [] : predicateOwner(view, i, span.first);
  // `X has "unjustly detained"`: the subject stands before the auxiliary, past the quote mark.
  const s = subjectActors(view, adverb ? (auxiliaryBefore(view, i, span.first) ?? verb) : verb);
  return s && s.start >= span.first ? s.entities.filter((e) => headsPhrase(view, e, s.start, verb)) : [];
}

/**
 * The party said to have done a wrong (verb at v): the passive's `by` agent (`kidnapped by X`), else the
 * active verb's subject; none when the wrong is negated, conditional or to come (`X had not violated`).
 */
function wrongdoer(view: ArticleView, v: number, span: Span): number[] {
  const passive = isPassive(view, v);
  const s = subjectActors(view, v);
  if (view.modalityOf(v, s && s.start >= span.first ? s.start : v) !== 'asserted') return [];
  if (passive) return passiveAgent(view, v);
  return s && s.start >= span.first ? s.entities.filter((e) => headsPhrase(view, e, s.start, v)) : [];
}

/**
 * `Y's comments were "irresponsible"`, `the Russian strikes are illegal`: a label predicated of a
 * subject names the party the subject is or belongs to (its entity head, else its owner).
 */
function predicateOwner(view: ArticleView, i: number, first: number): number[] {
  let k = i - 1;
  // `was "illegal"`, `was a clear violation`: adverbs, quote marks, and before a noun its determiner and adjectives.
  const noun = view.tok(i)?.pos === 'NOUN';
  while (k >= first && (view.tok(k)?.pos === 'ADV' || isQuoteMark(view.tok(k)?.text ?? '') || (noun && ['DET', 'ADJ'].includes(view.tok(k)?.pos ?? '')))) k--;
  const be = view.tok(k);
  if (!be || be.lemma !== 'be' || k - 1 < first) return [];
  const start = phraseStart(view, k - 1, first, 6);
  // `the move by X was illegal`: the agent did it.
  if (start < k && view.norm(start - 1) === 'by') return [...(view.readNP(start, k - 1)?.heads ?? [])];
  // `the attack on X was illegal`: X is in a prepositional phrase, not the subject.
  if (start >= k || view.tok(start - 1)?.pos === 'ADP') return [];
  const np = view.readNP(start, k - 1);
  if (!np || np.last !== k - 1) return [];
  if (np.heads.length) return [...np.heads];
  // `Russia's requests were unacceptable` turns down a demand or proposal: a refusal, not criticism.
  const head = np.headLemma ?? '';
  if (view.lex.proposalNouns.has(head) || view.lex.responseFrames.demandNouns.has(head)) return [];
  return np.owner !== undefined && np.appositive === undefined ? [np.owner] : [];
}

/** `illegal measures taken by X`: the `by` agent within the labelled phrase. */
function agentAfter(view: ArticleView, i: number, last: number): number[] {
  for (let k = i + 1; k <= Math.min(last, i + 6); k++) {
    const n = view.norm(k);
    if (n === 'by') return actorsOf(view, view.readNP(k + 1, last), false);
    if (n === ',' || n === ';' || view.tok(k)?.pos === 'AUX') break;
  }
  return [];
}

/** The verb an adverb label qualifies (`unjustly detained`). */
function verbAfterAdverb(view: ArticleView, i: number, last: number): number | undefined {
  for (let k = i + 1; k <= Math.min(last, i + 2); k++) {
    const t = view.tok(k);
    if (t?.pos === 'VERB') return NOT_ACTS.has(t.lemma) ? undefined : k;
    if (!t || !isQuoteMark(t.text)) return undefined;
  }
  return undefined;
}

/** The verb whose object an adjective label is in (`imposed illegal sanctions`); through `by`/`in` + gerund to the clause's verb. */
function verbBeforeObject(view: ArticleView, i: number, first: number): number | undefined {
  let k = i - 1;
  while (k >= first && ['DET', 'ADJ', 'ADV', 'NUM'].includes(view.tok(k)?.pos ?? '')) k--;
  for (let hops = 0; k >= first && hops < 2; hops++) {
    const t = view.tok(k);
    if (!t || t.pos !== 'VERB' || view.entityAt(k) !== undefined || NOT_ACTS.has(t.lemma)) return undefined;
    if (!['ADP', 'SCONJ'].includes(view.tok(k - 1)?.pos ?? '')) return k;
    // `... by imposing illegal sanctions`: the act is the clause's, done by its subject.
    k = clauseVerbBefore(view, k - 1, first);
  }
  return undefined;
}

/** The nearest finite verb before token i in the clause (not a name's word, not after a preposition). */
function clauseVerbBefore(view: ArticleView, i: number, first: number): number {
  for (let k = i - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t || t.normal === ',' || t.normal === ';') return -1;
    if (t.pos === 'VERB' && view.entityAt(k) === undefined && !['ADP', 'SCONJ', 'PART'].includes(view.tok(k - 1)?.pos ?? '')) return k;
  }
  return -1;
}

/** The auxiliary right before an adverb, over quote marks (`has "unjustly`). */
function auxiliaryBefore(view: ArticleView, i: number, first: number): number | undefined {
  let k = i - 1;
  while (k >= first && isQuoteMark(view.tok(k)?.text ?? '')) k--;
  return k >= first && view.tok(k)?.pos === 'AUX' ? k : undefined;
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
