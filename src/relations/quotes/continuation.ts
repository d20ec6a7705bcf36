/**
 * A quotation with no frame of its own that continues the previous
 * speaker's words (`"...," he said. "..."`, a new paragraph opening with a
 * quotation after one that had a speaker).
 */
import { isQuoteMark, type ArticleView } from '../article-view.js';
import { CLAUSE_STOP, isNominalVerb, slotSubject, type Attribution } from './speaker-phrase.js';

/**
 * A quote opening a sentence or paragraph with no frame of its own
 * continues the previous speaker: the last quote's speaker in the same
 * paragraph, or in (or the last speech verb's subject of) the previous one.
 */
export function continuation(view: ArticleView, o: number, byPara: ReadonlyMap<number, number>, bySentence: ReadonlyMap<number, number>): Attribution | undefined {
  const t = view.tok(o);
  if (!t) return undefined;
  const sent = view.ann.sentences[t.sentence];
  if (!sent || sent.firstToken !== o) return undefined;
  const prevSentence = view.ann.sentences[t.sentence - 1];
  if (prevSentence && prevSentence.paragraph === sent.paragraph) {
    const s = bySentence.get(t.sentence - 1) ?? leadSubject(view, t.sentence - 1);
    return s !== undefined ? { speaker: s, cue: 'continuation', confidence: 0.5, rule: 'quote.continuation' } : undefined;
  }
  const prevPara = sent.paragraph - 1;
  const fromQuote = byPara.get(prevPara);
  if (fromQuote !== undefined) return { speaker: fromQuote, cue: 'continuation', confidence: 0.6, rule: 'quote.continuation' };
  // A one-sentence paragraph about a person introduces the quotation paragraph after it (`Howard continued his remarks.`).
  const prevFirst = view.ann.sentences[t.sentence - 1];
  const prevSecond = view.ann.sentences[t.sentence - 2];
  if (prevFirst && prevFirst.paragraph === prevPara && (!prevSecond || prevSecond.paragraph !== prevPara)) {
    const lead = leadSubject(view, t.sentence - 1);
    if (lead !== undefined) return { speaker: lead, cue: 'continuation', confidence: 0.5, rule: 'quote.continuation' };
  }
  // The subject of the last speech verb of the previous paragraph.
  for (let k = sent.firstToken - 1; k >= 0; k--) {
    const pt = view.tok(k);
    if (!pt) break;
    const ps = view.ann.sentences[pt.sentence];
    if (!ps || ps.paragraph < prevPara) break;
    if (pt.pos === 'VERB' && view.lex.speechVerbs.has(pt.lemma)) {
      const subj = view.subjectOf(k);
      const e = subj?.entities[0];
      if (e !== undefined) return { speaker: e, cue: 'continuation', confidence: 0.5, rule: 'quote.continuation' };
    }
  }
  return undefined;
}

/**
 * The person a sentence is about, for a frameless quotation right after it
 * (`Clinton touted her credentials. "We need to ..."`): the named subject of
 * its first verb, opening the sentence (after an opening adverbial), in a
 * sentence that holds no quotation of its own. An organisation or state
 * only when the sentence announces speech (`The ministry issued a statement
 * on Monday. "..."`).
 */
function leadSubject(view: ArticleView, sentence: number): number | undefined {
  const sent = view.ann.sentences[sentence];
  if (!sent) return undefined;
  for (let k = sent.firstToken; k <= sent.lastToken; k++) if (isQuoteMark(view.tok(k)?.text ?? '')) return undefined;
  // A sentence may open with a conjunction (`But he said the NHS ...`).
  const open = view.tok(sent.firstToken)?.pos === 'CCONJ' ? sent.firstToken + 1 : sent.firstToken;
  for (let k = open; k <= sent.lastToken; k++) {
    const t = view.tok(k);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    if (t.pos !== 'VERB' || isNominalVerb(view, k)) continue;
    const subj = view.subjectOf(k) ?? slotSubject(view, k);
    const e = subj?.entities[0];
    if (e === undefined || !subj || subj.entities.length > 1 || subj.headLemma !== undefined) return undefined;
    // An organisation or state speaks through the quotation only when the sentence announces speech (`X issued a statement`).
    if (view.entityType(e) !== 'Person' && !announcesSpeech(view, k, sent.lastToken)) return undefined;
    const pre = view.tok(subj.start - 1);
    if (subj.start > open && pre && pre.text !== ',') return undefined;
    return view.modalityOf(k, subj.start) === 'asserted' ? e : undefined;
  }
  return undefined;
}

/** Whether a speech verb or speech noun stands from token `from` to `to` (`issued a statement`, `said in a letter`). */
function announcesSpeech(view: ArticleView, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = view.tok(k);
    if (!t) return false;
    if ((t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma)) || (t.pos === 'NOUN' && view.lex.speechNouns.has(t.normal))) return true;
  }
  return false;
}
