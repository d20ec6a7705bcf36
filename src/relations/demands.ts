/**
 * DEMANDED producers beyond a demand verb: a demand named through its
 * answer, a demanded thing with a `from` party, and demands whose content
 * the next sentence spells out.
 */
import { ArticleView } from './article-view.js';
import { actorsOf, isPassive, subjectActors } from './clause.js';
import { type Draft, cueText, phraseStart, reporterOf, subjectDraft, verbPhrase } from './drafts.js';

/**
 * A demand named through its answer (CAMEO 10): `a formal answer from Y to
 * X's demands`, `Y's response to X's requests`, `Y replied to X's demands`
 * give DEMANDED X -> Y, asserted: the demands are presupposed whatever the
 * answer's own modality. X is the demands' owner, else (for `its`/`their`,
 * or none) the one receiving or awaiting the answer (`once it receives an
 * answer from Y to its requests`); Y is the `from` party, else the answer's
 * owner, else the subject of a responding verb or of a verb giving the answer.
 */
export function responseDrafts(view: ArticleView, i: number): Draft[] {
  const rf = view.lex.responseFrames;
  const t = view.tok(i);
  if (!t || t.pos !== 'NOUN' || !rf.demandNouns.has(t.lemma)) return [];
  const [first] = view.sentenceBounds(i);
  const s = phraseStart(view, i, first, 6);
  if (view.norm(s - 1) !== 'to') return [];
  const demands = view.readNP(s, i);
  const pronounOwner = ['its', 'their'].includes(view.norm(s));
  const owners = demands?.owner !== undefined && !pronounOwner ? [demands.owner] : [];
  const answer = answerParties(view, s - 2, first);
  if (!answer) return [];
  const { responders, receivers, q, clauseStart } = answer;
  const requesters = (owners.length ? owners : receivers).filter((e) => !responders.includes(e));
  if (!requesters.length || !responders.length || namesOtherAddressee(view, i, responders)) return [];
  return [
    {
      type: 'DEMANDED',
      rule: 'producer.response',
      sources: requesters,
      targets: responders,
      sentence: t.sentence,
      cue: cueText(view, q, i),
      modality: view.nominalModality(i, undefined, s),
      reportedBy: reporterOf(view, q, clauseStart, requesters),
      confidence: 0.6,
    },
  ];
}

interface AnswerParties {
  responders: number[];
  receivers: number[];
  /** The answering verb or answer noun. */
  q: number;
  clauseStart: number;
}

/**
 * The parties of an answer ending at token `end` (right before `to`): the
 * `from` party, the answer noun's owner or the responding verb's subject
 * (responders), and the subject of a verb receiving the answer (receivers).
 */
function answerParties(view: ArticleView, end: number, first: number): AnswerParties | undefined {
  const rf = view.lex.responseFrames;
  // `an answer from Y to ...`: the `from` party stands between the answer and `to`.
  let q = end;
  let responders: number[] = [];
  const fromStart = phraseStart(view, q, first, 6);
  if (fromStart <= q && view.norm(fromStart - 1) === 'from') {
    responders = actorsOf(view, view.readNP(fromStart, q), false);
    q = fromStart - 2;
  }
  const a = view.tok(q);
  if (!a) return undefined;
  if (a.pos === 'VERB' && rf.verbs.has(a.lemma) && !isPassive(view, q)) {
    const subject = subjectActors(view, q);
    if (!responders.length) responders = [...(subject?.entities ?? [])];
    return { responders, receivers: [], q, clauseStart: subject?.start ?? q };
  }
  if (a.pos !== 'NOUN' || !rf.nouns.has(a.lemma)) return undefined;
  let receivers: number[] = [];
  const ns = phraseStart(view, q, first, 6);
  const own = ns < q ? view.readNP(ns, q) : undefined;
  if (!responders.length && own?.owner !== undefined) responders = [own.owner];
  const gov = view.governingVerb(ns);
  const govLemma = gov !== undefined ? (view.tok(gov)?.lemma ?? '') : '';
  const subject = gov !== undefined ? subjectActors(view, gov) : undefined;
  if (gov !== undefined && rf.receivers.has(govLemma)) receivers = [...(subject?.entities ?? [])];
  else if (!responders.length && gov !== undefined && rf.givers.has(govLemma)) responders = [...(subject?.entities ?? [])];
  return { responders, receivers, q, clauseStart: subject?.start ?? ns };
}

/** `Ukraine's request for arms from Germany`: the demands at `i` name their own addressee, not one of the responders. */
function namesOtherAddressee(view: ArticleView, i: number, responders: readonly number[]): boolean {
  const end = view.clauseEnd(i);
  for (let k = i + 1; k <= Math.min(end, i + 6); k++) {
    const tk = view.tok(k);
    if (!tk || tk.pos === 'VERB' || tk.pos === 'AUX' || tk.normal === ',') break;
    if (!['from', 'on', 'of', 'to'].includes(tk.normal) || tk.pos !== 'ADP') continue;
    const named = actorsOf(view, view.readNP(k + 1, end), true);
    if (named.some((e) => !responders.includes(e))) return true;
  }
  return false;
}

/**
 * Demanding a thing of someone (CAMEO 10): `X wants guarantees from Y`,
 * `X is seeking security assurances from Y`, `X asked for an apology from
 * Y` give DEMANDED X -> Y. The object's head must be a demanded thing
 * (`demandObjectFrames` in relation-cues.json) and the `from` party follow it.
 */
export function demandObjectDrafts(view: ArticleView, v: number): Draft[] {
  const t = view.tok(v);
  if (!t) return [];
  // The lexicon test first: it is cheap, and fails at nearly every verb.
  const phrase = verbPhrase(view, v, view.lex.demandObjectVerbs);
  if (!phrase || isPassive(view, v)) return [];
  const objStart = phrase.includes(' ') ? v + 2 : v + 1;
  const end = view.clauseEnd(v);
  const obj = view.readNP(objStart, end);
  if (!obj?.headLemma || obj.heads.length || !view.lex.demandObjectNouns.has(obj.headLemma)) return [];
  // `from` right after the object's head (the phrase may already hold it as a complement).
  let from = objStart;
  while (from <= obj.last + 1 && view.norm(from) !== 'from') from++;
  if (view.norm(from) !== 'from') return [];
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  // The `from` party ends at a comma that starts no list of entities (`from Bosch, the carmaker's chief executive said`).
  let partyEnd = from + 1;
  while (partyEnd < end && !(view.norm(partyEnd + 1) === ',' && view.entityAt(partyEnd + 2) === undefined)) partyEnd++;
  const targets = actorsOf(view, view.readNP(from + 1, partyEnd), false).filter((e) => !sources.includes(e));
  if (!sources.length || !targets.length) return [];
  return subjectDraft(view, v, subject, {
    type: 'DEMANDED',
    rule: 'producer.demand-object',
    sources,
    targets,
    cue: cueText(view, v, from),
    confidence: 0.6,
    chainAt: v,
  });
}

/** Subjects that refer back to demands just named (`This ...`, `These demands ...`). */
const DEMAND_ANAPHORS = new Set(['this', 'these', 'they']);

/**
 * Demands whose content follows in the next sentence of the paragraph:
 * `X announced the demands in December. This goes with ensuring that Y does
 * not expand ...` / `These demands include that Y must ...` give DEMANDED
 * X -> Y. The next sentence must open with a subject referring back to the
 * demands (`This`, `These`, `They`, `The/These demands`), and its first
 * `that` clause must have an entity subject and a verb, with no verb of
 * speech and no other entity-led clause before it (`This came as Z said
 * that Y ...` is someone else's statement).
 */
export function demandContentDrafts(view: ArticleView): Draft[] {
  const out: Draft[] = [];
  const sentences = view.ann.sentences;
  for (let si = 1; si < sentences.length; si++) {
    const sent = sentences[si];
    const prev = sentences[si - 1];
    if (!sent || !prev || sent.paragraph !== prev.paragraph) continue;
    // The sentence opens with a subject referring back to demands (checked first: it rejects nearly every sentence).
    if (!opensWithDemandAnaphor(view, sent.firstToken)) continue;
    const demand = lastDemandWithActors(view, prev.firstToken, prev.lastToken);
    if (!demand) continue;
    const content = contentClause(view, sent.firstToken, sent.lastToken, demand.requesters);
    if (!content) continue;
    const t = view.tok(content.that);
    out.push({
      type: 'DEMANDED',
      rule: 'producer.demand-content',
      sources: demand.requesters,
      targets: content.targets,
      sentence: t?.sentence ?? 0,
      cue: `${view.tok(demand.noun)?.text ?? ''} … ${t?.text ?? ''}`,
      modality: view.nominalModality(demand.noun, demand.chainAt, demand.clauseStart),
      confidence: 0.5,
    });
  }
  return out;
}

/** Whether the sentence starting at `f` opens with `This`, `These`, `They` or `The/These demands`. */
function opensWithDemandAnaphor(view: ArticleView, f: number): boolean {
  const open = view.tok(f);
  if (!open) return false;
  const next = view.tok(f + 1)?.pos ?? '';
  const anaphor = DEMAND_ANAPHORS.has(open.normal) && (open.pos === 'PRON' || (open.pos === 'DET' && (next === 'VERB' || next === 'AUX')));
  const named = ['the', 'these', 'this', 'such'].includes(open.normal) && view.lex.responseFrames.demandNouns.has(view.tok(f + 1)?.lemma ?? '');
  return anaphor || named;
}

/** The demands and who made them in tokens first..last: the last demand noun with an actor. */
function lastDemandWithActors(view: ArticleView, first: number, last: number): { requesters: number[]; noun: number; chainAt: number | undefined; clauseStart: number } | undefined {
  let found: { requesters: number[]; noun: number; chainAt: number | undefined; clauseStart: number } | undefined;
  for (let k = first; k <= last; k++) {
    const t = view.tok(k);
    if (!t || t.pos !== 'NOUN' || !view.lex.responseFrames.demandNouns.has(t.lemma)) continue;
    const start = phraseStart(view, k, first, 6);
    const np = start < k ? view.readNP(start, k) : undefined;
    const gov = view.governingVerb(start);
    const subject = gov !== undefined ? subjectActors(view, gov) : undefined;
    const actors = np?.owner !== undefined ? [np.owner] : (subject?.entities ?? []);
    if (!actors.length) continue;
    found = { requesters: [...actors], noun: k, chainAt: gov, clauseStart: subject?.start ?? start };
  }
  return found;
}

/** The sentence's first `that` clause with an entity subject and a verb (`that Y must withdraw`): its targets. */
function contentClause(view: ArticleView, f: number, last: number, requesters: readonly number[]): { that: number; targets: number[] } | undefined {
  for (let k = f + 1; k <= last; k++) {
    const t = view.tok(k);
    if (!t) return undefined;
    if (t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma) && t.lemma !== 'demand') return undefined;
    if (view.entityAt(k) !== undefined) return undefined;
    if (t.normal !== 'that' || (t.pos !== 'SCONJ' && t.pos !== 'PRON' && t.pos !== 'DET')) continue;
    const np = view.readNP(k + 1, last);
    const targets = (np?.heads.length ? np.heads : np?.owner !== undefined && view.lex.militaryNouns.has(np.headLemma ?? '') ? [np.owner] : []).filter((e) => !requesters.includes(e));
    const after = np ? view.tok(np.last + 1) : undefined;
    if (targets.length && after && (after.pos === 'AUX' || after.pos === 'VERB')) return { that: k, targets };
    return undefined;
  }
  return undefined;
}
