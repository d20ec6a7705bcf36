/**
 * Attributors that read the reporting frame after a quotation's closing
 * mark: `"...," said Price`, `"..." ― Carla Sanchez`, `"...," Price said`,
 * `"...," Senate Majority Leader Mitch McConnell, R-Ky., said`, and a
 * speech verb later in the same sentence.
 */
import { isQuoteMark, type ArticleView } from '../article-view.js';
import { SUBORDINATORS } from '../../text/subordinators.js';
import { addresseeAfter, anonymousWords, CLAUSE_STOP, describedHolder, describedSpeaker, phrasalParticle, phraseStart, DASHES, skipAsides, slotSubject, speakerNP, speakerToken, spokespersonSubject, statementOwner, unlinkedPronoun, type Attribution } from './speaker-phrase.js';

/** The tokens after a closing mark that may hold its frame: to the paragraph's end or the next quotation mark. */
interface AfterWindow {
  /** The first token after the mark and its commas, and the last token of the window. */
  readonly k: number;
  readonly last: number;
  /** Whether the quotation ends a sentence (`.`, `?` or `!` before the closing mark). */
  readonly endsSentence: boolean;
}

function afterWindow(view: ArticleView, c: number): AfterWindow | undefined {
  if (c < 0) return undefined;
  const ct = view.tok(c);
  if (!ct) return undefined;
  const para = view.ann.sentences[ct.sentence]?.paragraph;
  let k = c + 1;
  let last = k + 30;
  for (let j = k; j <= last; j++) {
    const t = view.tok(j);
    if (!t || view.ann.sentences[t.sentence]?.paragraph !== para) {
      last = j - 1;
      break;
    }
    if (isQuoteMark(t.text) && j > k) {
      last = j - 1;
      break;
    }
  }
  while (k <= last && view.norm(k) === ',') k++;
  const endsSentence = /[.!?]\s*$/.test(view.text.slice(Math.max(0, ct.start - 2), ct.start));
  return { k, last, endsSentence };
}

/** A verb that follows quotations (`said`, `added`; wink may tag it a noun). */
function isAfterVerb(view: ArticleView, j: number): boolean {
  const t = view.tok(j);
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN') && (view.lex.afterQuoteVerbs.has(t.lemma) || phrasalParticle(view, j, view.lex.afterQuoteVerbs) !== undefined);
}

/** `"...," said Price`, `"...," says the spokesman`; `"...," reads a Wednesday editorial` names a source that is no one. */
export function frameAfterInverted(view: ArticleView, c: number): Attribution | undefined {
  const w = afterWindow(view, c);
  if (!w) return undefined;
  const { k, last } = w;
  let j = k;
  while (j <= last && view.tok(j)?.pos === 'AUX') j++;
  // A capitalised verb after a quote ending in a full stop starts a new sentence (`"..." Said the ...`).
  if (!isAfterVerb(view, j) || (w.endsSentence && /^[A-Z]/.test(view.tok(j)?.text ?? ''))) return undefined;
  // `"...," saying a new name will do nothing`: a participle opens a clause of its own, not an inverted frame.
  if (/ing$/.test(view.norm(j))) return undefined;
  const s = speakerNP(view, j + 1, last);
  if (s) return { speaker: s.speaker, cue: view.tok(j)?.text ?? '', confidence: 0.9, rule: 'quote.frame-after-inverted', ...addresseeAfter(view, j, last), ...anonymousWords(view, s.speaker, s.start, s.end) };
  const d = describedSpeaker(view, j + 1, last);
  const holder = d ? describedHolder(view, d.start, d.end) : undefined;
  if (d && holder !== undefined) return { speaker: holder, cue: view.tok(j)?.text ?? '', confidence: 0.9, rule: 'quote.frame-after-inverted', ...addresseeAfter(view, j, last), speakerWords: { first: d.start, last: d.end } };
  if (d) return { speaker: null, cue: view.tok(j)?.text ?? '', confidence: 0.5, rule: 'quote.source-after', ...anonymousWords(view, null, d.start, d.end) };
  return undefined;
}

/** `"..." ― Carla Sanchez`, `"..." -President Obama`: a dash and a name, the byline of a quotation. */
export function bylineDash(view: ArticleView, c: number): Attribution | undefined {
  const w = afterWindow(view, c);
  if (!w || !DASHES.has(view.norm(w.k))) return undefined;
  const d = speakerNP(view, w.k + 1, w.last);
  return d && d.speaker !== null ? { speaker: d.speaker, cue: view.tok(w.k)?.text ?? '', confidence: 0.8, rule: 'quote.byline-dash' } : undefined;
}

/** `"...," Price said`, `"..." the spokesman added`, `"...," he told reporters`. */
export function frameAfter(view: ArticleView, c: number): Attribution | undefined {
  const w = afterWindow(view, c);
  const ct = view.tok(c);
  if (!w || !ct) return undefined;
  const { k, last } = w;
  // A quotation closed with a full stop ends its sentence: `X said` after it opens the next one
  // (`... and called him "the leading proponent." Former governor Mike Huckabee called ...`).
  const fullStop = /\.\s*$/.test(view.text.slice(Math.max(0, ct.start - 2), ct.start));
  if (fullStop && /^\p{Lu}/u.test(view.tok(k)?.text ?? '') && view.tok(k)?.sentence !== ct.sentence) return undefined;
  // After `?"` or `!"` a capitalised determiner opens a new sentence too (`"...?" The party's spokeswoman, X, said she ...`).
  if (w.endsSentence && /^(The|A|An|This|That|These|Those|His|Her|Their|Its)$/.test(view.tok(k)?.text ?? '')) return undefined;
  // `"..." when she said`: a subordinate clause after the quotation is no frame of it.
  if (SUBORDINATORS.has(view.norm(k))) return undefined;
  const described = speakerNP(view, k, last) ? undefined : describedSpeaker(view, k, last);
  const holder = described ? describedHolder(view, described.start, described.end) : undefined;
  const s = speakerNP(view, k, last) ?? (described && holder !== undefined ? { ...described, speaker: holder } : described) ?? unlinkedPronoun(view, k);
  if (!s) return undefined;
  let v = skipAsides(view, s.end + 1, last);
  // The closing comma of an appositive name (`the nominee, Donald Trump, tweeted`).
  if (view.norm(v) === ',' && view.tok(v + 1)?.pos === 'VERB') v++;
  while (v <= last && (view.tok(v)?.pos === 'AUX' || view.tok(v)?.pos === 'ADV' || view.tok(v)?.pos === 'PART')) v++;
  const vt = view.tok(v);
  // `"...!" She replied to him that ...`: a verb with a clause of its own after a closed sentence reports something else.
  if (w.endsSentence && [v + 1, v + 2, v + 3].some((n) => n <= last && view.norm(n) === 'that')) return undefined;
  if (vt && (isAfterVerb(view, v) || (vt.pos === 'VERB' && view.lex.speechVerbs.has(vt.lemma)))) {
    const at = speakerToken(view, k, s.end + 1, s.speaker);
    const words = anonymousWords(view, holder !== undefined ? null : s.speaker, s.start, s.end);
    return { speaker: s.speaker, cue: vt.text, confidence: 0.9, rule: 'quote.frame-after', ...addresseeAfter(view, v, last), ...(at !== undefined ? { speakerAt: at } : {}), ...words };
  }
  return undefined;
}

/**
 * `"...," it added` after an organisation's or a paper's words: an `it` or `they` the entity stage linked
 * to no one continues the organisation or state that spoke last in this paragraph or the one before
 * (`earlier`: the latest speaker per paragraph). A person is no `it`.
 */
export function pronounFrameAfter(view: ArticleView, c: number, earlier: ReadonlyMap<number, number>): Attribution | undefined {
  const w = afterWindow(view, c);
  const ct = view.tok(c);
  if (!w || !ct || !['it', 'they'].includes(view.norm(w.k)) || view.mentionAt(w.k) !== undefined) return undefined;
  let v = w.k + 1;
  while (v <= w.last && ['AUX', 'ADV'].includes(view.tok(v)?.pos ?? '')) v++;
  // An adverb the tagger took for a verb (`it further wrote`).
  if (!isAfterVerb(view, v) && view.tok(v)?.pos === 'VERB' && isAfterVerb(view, v + 1)) v++;
  if (v > w.last || !isAfterVerb(view, v)) return undefined;
  const para = view.ann.sentences[ct.sentence]?.paragraph ?? 0;
  const speaker = earlier.get(para) ?? earlier.get(para - 1);
  if (speaker === undefined || view.entityType(speaker) === 'Person') return undefined;
  return { speaker, cue: view.tok(v)?.text ?? '', confidence: 0.6, rule: 'quote.frame-after-pronoun', speakerWords: { first: w.k, last: w.k } };
}

/** `"...," Senate Majority Leader Mitch McConnell, R-Ky., said`: the first reporting verb after the quote, and its subject behind appositives. */
export function frameAfterBySlot(view: ArticleView, c: number): Attribution | undefined {
  if (c < 0) return undefined;
  const ct = view.tok(c);
  if (!ct) return undefined;
  const para = view.ann.sentences[ct.sentence]?.paragraph;
  // A quotation closed with a full stop ends its sentence (see attributeAfter).
  const next = view.tok(c + 1);
  const closing = view.text.slice(Math.max(0, ct.start - 2), ct.start);
  if (/\.\s*$/.test(closing) && next && /^\p{Lu}/u.test(next.text) && next.sentence !== ct.sentence) return undefined;
  const endsSentence = /[!?]\s*$/.test(closing);
  for (let v = c + 1; v <= c + 40; v++) {
    const t = view.tok(v);
    if (!t || isQuoteMark(t.text) || view.ann.sentences[t.sentence]?.paragraph !== para || CLAUSE_STOP.has(t.normal)) return undefined;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && view.lex.afterQuoteVerbs.has(t.lemma)) {
      // `"...!" She replied to him that ...` (see frameAfter).
      if (endsSentence && [v + 1, v + 2, v + 3].some((n) => view.norm(n) === 'that')) return undefined;
      const s = slotSubject(view, v);
      const m = s ? view.mentionAt(s.start) : undefined;
      // The subject must follow the quotation directly (`"...," X, ..., said`), not open a new clause.
      if (!s || s.entities[0] === undefined || !m) return undefined;
      for (let k = c + 1; k < m.firstToken; k++) {
        const b = view.tok(k);
        // Only a title may stand between the quotation and the name (`Senate Majority Leader`).
        if (!b || !(/^\p{Lu}/u.test(b.text) || b.normal === 'the') || b.pos === 'VERB' || k > c + 6) return undefined;
      }
      return { speaker: s.entities[0], cue: t.text, confidence: 0.8, rule: 'quote.frame-after-appositive', ...addresseeAfter(view, v, c + 40) };
    }
  }
  return undefined;
}

/** A speech verb later in the same sentence: `... "seriously concerned" ..., a senior official said.` */
export function frameLater(view: ArticleView, c: number): Attribution | undefined {
  if (c < 0) return undefined;
  const [, last] = view.sentenceBounds(c);
  for (let k = c + 1; k <= last; k++) {
    const t = view.tok(k);
    if (!t) break;
    if (isQuoteMark(t.text)) return undefined;
    // `if he continues to lose`: a verb with an infinitive after it is no reporting verb.
    if (t.pos === 'VERB' && view.lex.afterQuoteVerbs.has(t.lemma) && !(view.norm(k + 1) === 'to' && view.tok(k + 2)?.pos === 'VERB')) {
      const subj = view.subjectOf(k);
      if (!subj) return undefined;
      const speaker = subj.entities[0] ?? spokespersonSubject(view, subj, k) ?? statementOwner(view, subj, k) ?? null;
      const at = speakerToken(view, subj.start, k, speaker);
      return { speaker, cue: t.text, confidence: 0.6, rule: 'quote.frame-later', ...(at !== undefined ? { speakerAt: at } : {}), ...anonymousWords(view, speaker, phraseStart(view, subj.start), k - 1) };
    }
  }
  return undefined;
}

/**
 * A fragment in a sentence that ends in a parenthetical frame naming its speaker:
 * `Only a deal would bring "calm" to the region, Varga said.` The frame is a later clause
 * of the sentence: a comma, a named subject, a reporting verb with no clause of its own after
 * it. A reporting verb of the fragment's own clause (`will "strongly" react ..., the minister said`) is
 * passed over.
 */
export function frameFinal(view: ArticleView, c: number): Attribution | undefined {
  if (c < 0) return undefined;
  const [, last] = view.sentenceBounds(c);
  for (let v = c + 1; v <= last; v++) {
    const t = view.tok(v);
    if (!t || isQuoteMark(t.text)) return undefined;
    if (t.pos !== 'VERB' || !view.lex.afterQuoteVerbs.has(t.lemma)) continue;
    const subj = view.subjectOf(v);
    const e = subj?.entities[0];
    if (!subj || e === undefined || view.norm(subj.start - 1) !== ',') continue;
    if (['that', 'the', 'a', 'an'].includes(view.norm(v + 1)) || view.tok(v + 1)?.pos === 'PRON') return undefined;
    return { speaker: e, cue: t.text, confidence: 0.6, rule: 'quote.frame-final' };
  }
  return undefined;
}
