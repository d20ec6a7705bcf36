/**
 * quotes stage: every direct quotation of one article with its speaker.
 * Finds quoted spans ("...", “...”, „...“, «...», ‘...’ used for speech;
 * quotes running over paragraphs), then attributes each one: a frame
 * after it (`"...," Price said`, `said X`), a reporting cue before it in
 * the same sentence (`X said: "..."`, `X warned of a "rapid" reaction`,
 * `according to X`, `X's remarks`), a frame later in the sentence, and
 * finally the previous speaker for a quote that continues a quotation.
 * Scare quotes (one or two words with no speech act, `so-called "..."`)
 * are dropped; anonymous speakers (`a senior official`) give speaker null.
 * Input: annotated text, mentions, resolved entities, lexicon. Output: Quote[].
 */
import type { AnnotatedText, ArticleEntity, Mention, Quote, Token } from '../types.js';
import { ArticleView, isQuoteMark, type Subject } from './article-view.js';
import { subjectSlotEnds } from './speaker-names.js';
import type { RelationLexicon } from './relation-lexicon.js';

/** A quoted span: content offsets (without marks), and the mark tokens around it. */
export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  /** The content, paragraph-internal opening marks of continuation paragraphs removed. */
  readonly text: string;
  /** Offset of the opening mark and of the closing mark (-1 when unclosed). */
  readonly open: number;
  readonly close: number;
}

// Scraped text mixes straight and curly marks (`"Oz has a huge pulpit,” said ...`): each double mark closes the other.
const OPENERS: Record<string, string[]> = {
  '“': ['”', '“', '"'],
  '„': ['“', '”'],
  '«': ['»'],
  '»': ['«'],
  '"': ['"', '”'],
  '‘': ['’'],
};

/** A transcript speaker label: `PENCE:`, `MR. TRUMP:`, `SEN. SANDERS:`. */
const TRANSCRIPT_LABEL = /^\s*\p{Lu}[\p{Lu}.' -]{1,30}:/u;

function isWordChar(c: string | undefined): boolean {
  return !!c && /[\p{L}\p{N}]/u.test(c);
}

/** Paragraph spans of an annotated text (from its sentences). */
function paragraphSpans(ann: AnnotatedText): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cur = -1;
  for (const s of ann.sentences) {
    if (s.paragraph !== cur) {
      out.push({ start: s.start, end: s.end });
      cur = s.paragraph;
    } else {
      const last = out[out.length - 1];
      if (last) last.end = s.end;
    }
  }
  return out;
}

/**
 * Quoted spans of the text. Quotes do not cross paragraphs, except that
 * an unclosed quote continues when the next paragraph opens with a quote
 * mark (the usual multi-paragraph convention); otherwise it ends at the
 * paragraph end. Single quotes count only as a pair around words
 * (apostrophes are not quote marks); quotes nested in a quote are skipped.
 */
export function findQuoteSpans(text: string, paragraphs: readonly { start: number; end: number }[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let pending: { open: number; start: number; parts: string[]; closers: string[] } | undefined;
  paragraphs.forEach((para, pi) => {
    let i = para.start;
    if (pending) {
      const c = text[i] ?? '';
      if (OPENERS[c] && text[i + 1] !== undefined && !/\s/.test(text[i + 1] ?? ' ')) i++;
    }
    let open: { open: number; start: number; closers: string[] } | undefined = pending ? { open: pending.open, start: i, closers: pending.closers } : undefined;
    for (; i < para.end; i++) {
      // Every opener and closer is `"` or a non-ASCII mark: other ASCII characters are skipped
      // without making a one-character string (performance, issue 7: this loop reads every character).
      const code = text.charCodeAt(i);
      if (code < 0x80 && code !== 0x22) continue;
      const c = text[i] ?? '';
      if (!open) {
        const closers = OPENERS[c];
        if (!closers) continue;
        if (c === '‘' && isWordChar(text[i - 1])) continue;
        if (c === '"' && isWordChar(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) continue;
        if (c === '»' && /\s/.test(text[i + 1] ?? ' ')) continue;
        open = { open: i, start: i + 1, closers };
        continue;
      }
      if (!open.closers.includes(c)) continue;
      if (c === '’' && isWordChar(text[i + 1])) continue; // apostrophe (Russia’s, don’t)
      // `"First sentence. "Second sentence.`: a straight mark between a space and a word opens the next
      // quotation of the same speaker (a convention that leaves the previous one unclosed).
      if (c === '"' && !pending && /\s/.test(text[i - 1] ?? '') && isWordChar(text[i + 1]) && /[.!?]\s+$/.test(text.slice(open.start, i))) {
        out.push({ start: open.start, end: i, text: text.slice(open.start, i), open: open.open, close: -1 });
        open = { open: i, start: i + 1, closers: open.closers };
        continue;
      }
      if (c === '’' && !/[\s\p{P}]|^$/u.test(text[i + 1] ?? '')) continue;
      const parts = pending ? [...pending.parts, text.slice(open.start, i)] : [text.slice(open.start, i)];
      out.push({ start: pending ? pending.start : open.start, end: i, text: parts.join('\n\n'), open: open.open, close: i });
      pending = undefined;
      open = undefined;
    }
    if (open) {
      const next = paragraphs[pi + 1];
      // A transcript paragraph opening with a speaker label (`"PENCE: Well, ...`) starts a new quotation.
      const nextLabel = !!next && TRANSCRIPT_LABEL.test(text.slice(next.start + 1, next.start + 40));
      const nextOpens = next && OPENERS[text[next.start] ?? ''] !== undefined && (text[next.start] ?? '') !== '‘' && !nextLabel;
      const part = text.slice(open.start, para.end);
      const single = open.closers.includes('’');
      if (nextOpens && !single) {
        const from = pending ?? open;
        pending = { open: from.open, start: from.start, parts: [...(pending?.parts ?? []), part], closers: from.closers };
      } else {
        if (!single) out.push({ start: pending ? pending.start : open.start, end: para.end, text: pending ? [...pending.parts, part].join('\n\n') : part, open: open.open, close: -1 });
        pending = undefined;
      }
    }
  });
  return withoutNested(out);
}

/**
 * The spans not nested inside another (one opening earlier and ending later).
 * A sweep in order of opening mark keeps the latest end of the spans opened
 * before: linear after the sort, however many quotations an article has.
 */
function withoutNested(spans: readonly QuoteSpan[]): QuoteSpan[] {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a]?.open ?? 0) - (spans[b]?.open ?? 0));
  const nested = new Uint8Array(spans.length);
  let maxEnd = -1;
  for (let i = 0; i < order.length; ) {
    // Spans opening at the same mark do not nest in each other: compare them all with the earlier ones first.
    let j = i;
    const open = spans[order[i] ?? 0]?.open;
    while (j < order.length && spans[order[j] ?? 0]?.open === open) j++;
    for (let k = i; k < j; k++) if (maxEnd > (spans[order[k] ?? 0]?.end ?? 0)) nested[order[k] ?? 0] = 1;
    for (let k = i; k < j; k++) maxEnd = Math.max(maxEnd, spans[order[k] ?? 0]?.end ?? 0);
    i = j;
  }
  return spans.filter((_, i) => !nested[i]);
}

interface Attribution {
  speaker: number | null;
  cue: string;
  addressee?: number;
  audience?: string;
  confidence: number;
}

const CLAUSE_STOP = new Set(['but', ';', 'while', 'whereas', 'although']);
/** Words that open the clause a colon frame ends in (`a message ... that read:`, `so upset that I had to change my answer:`). */
const COLON_CLAUSE_BREAK = new Set(['that', 'who', 'which']);
const SUBORDINATORS = new Set(['when', 'after', 'before', 'as', 'while', 'since', 'if', 'although', 'though', 'because', 'once', 'until']);

/** The last token starting at or before `offset` (binary search), or -1. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (!t) break;
    if (t.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export function extractQuotes(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  lex: RelationLexicon,
): Quote[] {
  const view = new ArticleView(ann, mentions, entities, lex);
  const paras = paragraphSpans(ann);
  const spans = findQuoteSpans(ann.text, paras);
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  // Speaker of the latest quote / reporting verb, per paragraph, for continuations.
  const lastSpeakerInPara = new Map<number, number>();
  const lastSpeakerInSentence = new Map<number, number>();
  const bySentence = mentionsBySentence(view);
  for (const q of spans) {
    const content = q.text.trim();
    const words = content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (!words.length || /^[.,;:!?)]/.test(content)) continue;
    const o = tokenAt(ann.tokens, q.open);
    const c = q.close >= 0 ? tokenAt(ann.tokens, q.close) : -1;
    const ot = ann.tokens[o];
    if (!ot) continue;
    const sentence = ot.sentence;
    const short = words.length <= lex.shortQuoteMaxWords;
    if (short && isScare(view, o, c)) continue;
    // A transcript turn (`"PENCE: Well, ...`) is its label's, or no one's we know: not the previous speaker's.
    const label = !short && TRANSCRIPT_LABEL.test(content) && /^\p{Lu}{2}/u.test(content);
    let att = attributeLabel(view, o) ?? (label ? { speaker: null, cue: ':', confidence: 0.3 } : undefined) ?? attributeAfter(view, c) ?? attributeAfterBySlot(view, c) ?? attributeBefore(view, o, short);
    if (!att && !short) att = attributeColon(view, o);
    if (!att && !short) att = attributeLater(view, c);
    if (!att && !short) att = attributeClause(view, o);
    if (!att && !short) att = continuation(view, o, lastSpeakerInPara, lastSpeakerInSentence);
    if (!att) {
      if (short) continue;
      att = { speaker: null, cue: '', confidence: 0.3 };
    }
    const para = ann.sentences[sentence]?.paragraph ?? -1;
    if (att.speaker !== null) {
      lastSpeakerInPara.set(para, att.speaker);
      lastSpeakerInSentence.set(sentence, att.speaker);
    }
    // The same speaker repeating the same opening words (a caption, a recap) is one quote.
    const key = `${att.speaker}|${words.slice(0, 6).join(' ').toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '')}`;
    if (att.speaker !== null && seen.has(key)) continue;
    seen.add(key);
    const start = q.start + lead(q.text);
    const end = q.end - trail(q.text);
    quotes.push({
      text: content,
      start,
      end,
      speaker: att.speaker,
      // Performance (issue 7): every quote has the same fields (one hidden class); undefined
      // ones are left out of the JSON results.
      addressee: att.addressee,
      audience: att.audience,
      cue: att.cue,
      speakerSpan: att.speaker !== null && att.cue !== 'continuation' ? speakerSpanOf(view, bySentence, att.speaker, q, o, c) : undefined,
      sentence,
      confidence: att.confidence,
      evidence: quoteEvidence(ann, start, end, sentence),
    });
  }
  return quotes;
}

/**
 * The mention of the speaker that the frame uses: the one nearest to the
 * quotation, outside it, in the sentences the quotation starts and ends in
 * (`openTok`, `closeMarkTok`: the tokens of its marks, -1 for no closing mark).
 */
function speakerSpanOf(view: ArticleView, bySentence: readonly number[][], speaker: number, q: QuoteSpan, openTok: number, closeMarkTok: number): { start: number; end: number } | undefined {
  const closeTok = closeMarkTok >= 0 ? closeMarkTok : openTok;
  // One sentence either side: wink may end a sentence inside the frame (`"... huh?" he responded`).
  const a = (view.tok(openTok)?.sentence ?? 0) - 1;
  const b = (view.tok(closeTok)?.sentence ?? a) + 1;
  let best: { start: number; end: number } | undefined;
  let bestDist = Infinity;
  let bestIndex = Infinity;
  for (let s = Math.max(0, a); s <= b; s++) {
    for (const i of bySentence[s] ?? []) {
      const m = view.mentions[i];
      if (!m || view.mentionEntity.get(i) !== speaker) continue;
      const mp = view.ann.sentences[m.sentence]?.paragraph;
      if (mp === undefined || mp < (view.ann.sentences[a + 1]?.paragraph ?? 0) || mp > (view.ann.sentences[b - 1]?.paragraph ?? 0)) continue;
      if (m.start >= q.open && m.end <= (q.close >= 0 ? q.close : q.end)) continue;
      const dist = m.end <= q.open ? q.open - m.end : m.start - (q.close >= 0 ? q.close : q.end);
      // The nearest; between equally near ones, the first in the mention list.
      if (dist >= 0 && (dist < bestDist || (dist === bestDist && i < bestIndex))) {
        bestDist = dist;
        bestIndex = i;
        best = { start: m.start, end: m.end };
      }
    }
  }
  return best;
}

/** One or two words used as a label: `so-called "..."`, `the "security guarantees" issue`. */
function isScare(view: ArticleView, o: number, c: number): boolean {
  const before = `${view.norm(o - 2)} ${view.norm(o - 1)}`.trim();
  for (const p of view.lex.scarePrefixes) if (before.endsWith(p) || view.norm(o - 1) === p) return true;
  const after = view.tok(c + 1);
  const lastWord = view.tok(c - 1);
  const nounContent = !!lastWord && (lastWord.pos === 'NOUN' || lastWord.pos === 'PROPN');
  if (c >= 0 && after && nounContent && (after.pos === 'NOUN' || after.pos === 'PROPN') && view.entityAt(c + 1) === undefined) return true;
  // A label in a prepositional phrase of a plain noun (`proposals for a "security guarantee"`); a speech noun
  // (`remarks about a "small incursion"`) or a verb (`warned of a "swift" response`) keeps it a quote.
  let k = o - 1;
  while (view.tok(k)?.pos === 'DET') k--;
  const prep = view.tok(k);
  const head = view.tok(k - 1);
  if (prep?.pos === 'ADP' && head?.pos === 'NOUN' && !view.lex.speechNouns.has(head.normal) && view.entityAt(k - 1) === undefined) return true;
  return false;
}

/** Speaker phrase read from token p: an entity, or an anonymous head (null). */
function speakerNP(view: ArticleView, p: number, last: number): { speaker: number | null; end: number } | undefined {
  if (p > last) return undefined;
  const np = view.readNP(p, last);
  if (!np) {
    const e = view.entityAt(p);
    const m = view.mentionAt(p);
    return e !== undefined && m ? { speaker: e, end: m.lastToken } : undefined;
  }
  const ents = view.npEntities(np, false);
  if (ents.length) return { speaker: ents[0] ?? null, end: np.last };
  if (np.headLemma && view.lex.anonymousHeads.has(np.headLemma)) return { speaker: namedAfter(view, np.last) ?? null, end: np.last };
  return namedAfterRole(view, p, last);
}

/** `master of ceremonies Asab Al-Tabchi`, `Democratic strategist Simon Rosenberg`: a role phrase, then the person's name. */
function namedAfterRole(view: ArticleView, p: number, last: number): { speaker: number; end: number } | undefined {
  for (let k = p; k <= last && k < p + 7; k++) {
    const t = view.tok(k);
    if (!t) return undefined;
    const m = view.mentionAt(k);
    const e = view.entityAt(k);
    if (m && e !== undefined && m.type !== 'Person' && m.firstToken === k && k > p) {
      // An organisation or country modifying the role (`the presumptive GOP presidential nominee`).
      k = m.lastToken;
      continue;
    }
    if (m && e !== undefined) return m.type === 'Person' && (m.kind === 'name' || m.kind === 'surname') ? { speaker: e, end: m.lastToken } : undefined;
    // The full stop of a title abbreviation (`said the Rev. Peter Wherry`, `Sen.`), where wink may even end a sentence.
    const prev = view.tok(k - 1);
    if (t.text === '.' && k > p && prev && prev.end === t.start && /^\p{Lu}\p{Ll}{1,3}$/u.test(prev.text)) continue;
    // The comma of an appositive name (`the presumptive GOP presidential nominee, Donald Trump,`).
    if (t.text === ',' && k > p && view.mentionAt(k + 1)?.type === 'Person' && view.mentionAt(k + 1)?.firstToken === k + 1) continue;
    if (!['NOUN', 'ADJ', 'PROPN', 'DET', 'ADP'].includes(t.pos) || (t.pos === 'ADP' && t.normal !== 'of')) return undefined;
  }
  return undefined;
}

/**
 * `Trump unleashed a series of tweets early Friday saying that ...`: a reporting
 * participle with no subject of its own belongs to the subject of the sentence's
 * first verb, when that subject is named and opens the sentence.
 */
function mainClauseSubject(view: ArticleView, first: number, k: number): Subject | undefined {
  if (!/ing$/.test(view.norm(k))) return undefined;
  for (let j = first; j < k; j++) {
    const t = view.tok(j);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    // A copula is the first verb too (`Trump was similarly defensive when ..., saying`).
    if (!view.isVerb(j)) continue;
    const s = view.subjectOf(j);
    // The subject opens the sentence, or follows an opening adverbial (`Later on Sunday, Carson shared ...`).
    const opens = !!s && (s.start <= first + 1 || view.norm(s.start - 1) === ',');
    if (!s?.entities.length || !opens || view.entityType(s.entities[0] ?? -1) === 'Country') return undefined;
    return s;
  }
  return undefined;
}

/** Whether a reporting verb with a named subject stands earlier in the sentence (`Frazier said the amendment was ...`). */
function hasOuterFrame(view: ArticleView, first: number, k: number): boolean {
  for (let j = k - 1; j >= first; j--) {
    const t = view.tok(j);
    if (!t || CLAUSE_STOP.has(t.normal)) return false;
    if (t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma) && !isNominalVerb(view, j)) {
      const s = view.subjectOf(j) ?? slotSubject(view, j);
      if (s?.entities.length) return true;
    }
  }
  return false;
}

/** A noun wink tagged as a verb: `made the following comment:`, `a brief statement`. */
function isNominalVerb(view: ArticleView, k: number): boolean {
  const p = view.tok(k - 1);
  if (!p) return false;
  if ((p.pos === 'DET' || p.pos === 'ADJ') && p.normal !== 'that') return true;
  return view.tok(k - 2)?.pos === 'DET' && /ing$/.test(p.normal);
}

/**
 * `Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told`: a subject
 * that ends in a place or organisation inside `of` phrases after a person is the person's.
 */
function personOwning(view: ArticleView, subj: Subject | undefined): Subject | undefined {
  const e = subj?.entities[0];
  if (!subj || e === undefined || subj.entities.length > 1 || view.entityType(e) === 'Person') return undefined;
  const m = view.mentionAt(subj.start);
  let k = (m ? m.firstToken : subj.start) - 1;
  for (let n = 0; n < 12 && k >= 0; n++, k--) {
    const t = view.tok(k);
    if (!t) return undefined;
    if (t.normal === 'of') {
      const pm = view.mentionAt(k - 1);
      const pe = view.entityAt(k - 1);
      if (pm && pe !== undefined && pm.type === 'Person' && pm.kind !== 'pronoun' && pm.lastToken === k - 1) return { entities: [pe], start: pm.firstToken, headLemma: undefined };
      continue;
    }
    // Only the words of a name or title phrase may stand between (`the Armenian Patriarchate`).
    if (!['DET', 'PROPN', 'NOUN', 'ADJ'].includes(t.pos) && view.entityAt(k) === undefined) return undefined;
  }
  return undefined;
}

/** `footage of Clinton asking, "..."`, `Trump saying during the debate, "..."`: a person right before a reporting participle. */
function participleSpeaker(view: ArticleView, v: number): Subject | undefined {
  if (!/ing$/.test(view.norm(v))) return undefined;
  const m = view.mentionAt(v - 1);
  const e = view.entityAt(v - 1);
  if (!m || e === undefined || m.type !== 'Person' || m.lastToken !== v - 1 || view.isPossessiveAfter(v - 1)) return undefined;
  return { entities: [e], start: m.firstToken, headLemma: undefined };
}

/** The named subject of a reporting verb behind appositives and relative clauses (`Sanders, who sits at zero, said`). */
function slotSubject(view: ArticleView, v: number): Subject | undefined {
  const ends = subjectSlotEnds(view.ann, v);
  // A person first: in `Mulgrew, president of the United Federation of Teachers, said` the organisation is the appositive's.
  for (const person of [true, false]) {
    for (const e of ends) {
      const m = view.mentionAt(e);
      const id = view.entityAt(e);
      if (m && id !== undefined && m.lastToken === e && (person ? m.type === 'Person' : m.type === 'Organisation') && !view.isPossessiveAfter(e)) {
        const [first] = view.sentenceBounds(e);
        return { entities: [id], start: Math.max(first, m.firstToken), headLemma: undefined };
      }
    }
  }
  return undefined;
}

/** `"...," Senate Majority Leader Mitch McConnell, R-Ky., said`: the first reporting verb after the quote, and its subject behind appositives. */
function attributeAfterBySlot(view: ArticleView, c: number): Attribution | undefined {
  if (c < 0) return undefined;
  const ct = view.tok(c);
  if (!ct) return undefined;
  const para = view.ann.sentences[ct.sentence]?.paragraph;
  // A quotation closed with a full stop ends its sentence (see attributeAfter).
  const next = view.tok(c + 1);
  if (/\.\s*$/.test(view.text.slice(Math.max(0, ct.start - 2), ct.start)) && next && /^\p{Lu}/u.test(next.text) && next.sentence !== ct.sentence) return undefined;
  for (let v = c + 1; v <= c + 40; v++) {
    const t = view.tok(v);
    if (!t || isQuoteMark(t.text) || view.ann.sentences[t.sentence]?.paragraph !== para || CLAUSE_STOP.has(t.normal)) return undefined;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && view.lex.afterQuoteVerbs.has(t.lemma)) {
      const s = slotSubject(view, v);
      const m = s ? view.mentionAt(s.start) : undefined;
      // The subject must follow the quotation directly (`"...," X, ..., said`), not open a new clause.
      if (!s || s.entities[0] === undefined || !m) return undefined;
      for (let k = c + 1; k < m.firstToken; k++) {
        const b = view.tok(k);
        // Only a title may stand between the quotation and the name (`Senate Majority Leader`).
        if (!b || !(/^\p{Lu}/u.test(b.text) || b.normal === 'the') || b.pos === 'VERB' || k > c + 6) return undefined;
      }
      return { speaker: s.entities[0], cue: t.text, confidence: 0.8, ...addresseeAfter(view, v, c + 40) };
    }
  }
  return undefined;
}

/**
 * A transcript label or a colon frame naming the speaker: `"WALLACE: ..."`
 * (the label opens the quotation) or `Ellis: "..."`, `Said Ellis: "..."`.
 */
function attributeLabel(view: ArticleView, o: number): Attribution | undefined {
  const inside = view.mentionAt(o + 1);
  const ie = view.entityAt(o + 1);
  if (inside && ie !== undefined && inside.type === 'Person' && inside.firstToken === o + 1 && view.norm(inside.lastToken + 1) === ':') return { speaker: ie, cue: ':', confidence: 0.8 };
  if (view.norm(o - 1) === ':') {
    const m = view.mentionAt(o - 2);
    const e = view.entityAt(o - 2);
    if (m && e !== undefined && m.type !== 'Country') {
      const [first] = view.sentenceBounds(o - 2);
      const before = view.tok(m.firstToken - 1);
      // The name opens its clause (`Ellis:`, `Said Ellis:`, `Limbaugh added:` is a verb frame, handled elsewhere).
      if (m.firstToken === first || (before && view.lex.afterQuoteVerbs.has(before.lemma)) || (before && isQuoteMark(before.text) && m.firstToken - 1 === first)) return { speaker: e, cue: ':', confidence: 0.75 };
    }
  }
  return undefined;
}

/**
 * A quotation introduced by a colon: `Caddell continued:` closing the previous
 * paragraph, or a clause whose subject is a named person and whose verb is no
 * reporting verb (`Trump issued the following statement:`, `Clinton has since
 * apologized for what happened:`). The person is the speaker; a subject that is
 * a description (`The timing of ... surprised X:`) gives none.
 */
function attributeColon(view: ArticleView, o: number): Attribution | undefined {
  const colon = o - 1;
  const ct = view.tok(colon);
  const ot = view.tok(o);
  if (!ct || !ot || ct.text !== ':') return undefined;
  const [first] = view.sentenceBounds(colon);
  // The frame in an earlier sentence: only when it ends that sentence's paragraph or sentence right before the quotation.
  if (ct.sentence !== ot.sentence) {
    const viaBefore = attributeBefore(view, o, false, first);
    if (viaBefore) return viaBefore;
  }
  // The clause that ends in the colon: after the last clause break (`but he gave ...:`, `..., that I had to change my answer:`).
  let start = first;
  for (let k = colon - 1; k > first; k--) {
    const t = view.tok(k);
    if (!t || isQuoteMark(t.text)) return undefined;
    if (CLAUSE_STOP.has(t.normal) || COLON_CLAUSE_BREAK.has(t.normal) || (t.pos === 'CCONJ' && view.tok(k + 1)?.pos === 'PRON')) {
      start = k + 1;
      break;
    }
  }
  // An opening adverbial clause (`When Wallace died in 1998, President Clinton released ...:`) is not the frame.
  if (SUBORDINATORS.has(view.norm(start))) {
    let k = start + 1;
    while (k < colon && view.norm(k) !== ',') k++;
    start = k + 1;
  }
  for (let k = start; k < colon; k++) {
    const t = view.tok(k);
    if (!t) return undefined;
    if (t.pos !== 'VERB' || isNominalVerb(view, k)) continue;
    const subj = view.subjectOf(k) ?? slotSubject(view, k);
    const e = subj?.entities[0];
    if (e === undefined || !subj || subj.headLemma !== undefined || view.entityType(e) !== 'Person') return undefined;
    // The subject opens the clause (after an opening adverbial such as `On July 6, 2015,`).
    const pre = view.tok(subj.start - 1);
    if (subj.start > first && pre && pre.text !== ',' && !COLON_CLAUSE_BREAK.has(pre.normal) && pre.pos !== 'CCONJ') return undefined;
    if (view.modalityOf(k, subj.start) !== 'asserted') return undefined;
    return { speaker: e, cue: ':', confidence: 0.6 };
  }
  return undefined;
}

/**
 * A mixed quotation with no reporting verb: the quoted words belong to the
 * subject of the clause that holds them (`Reid has gone after Trump as a
 * "human leech who will bleed the country"`, `Trump vowed to punish "those who ..."`).
 */
function attributeClause(view: ArticleView, o: number): Attribution | undefined {
  const [first] = view.sentenceBounds(o);
  for (let k = o - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    // wink tags some progressives as adjectives (`is promising`).
    const progressive = /ing$/.test(t.normal) && view.tok(k - 1)?.pos === 'AUX';
    if ((t.pos !== 'VERB' && !progressive) || isNominalVerb(view, k)) continue;
    const found = view.subjectOf(k) ?? slotSubject(view, k);
    if (!found) {
      // An unresolved pronoun subject (`that I had to change`) is a subject that names no one.
      const before = view.tok(view.chainStart(k, first) - 1);
      if (before?.pos === 'PRON' && !['who', 'which', 'that', 'what'].includes(before.normal)) return undefined;
      // A verb with no subject of its own (`for helping develop "..."`, an infinitive): the clause above it may have one.
      continue;
    }
    const subj = personOwning(view, found) ?? found;
    const e = subj.entities[0];
    // The clause's own actor: `Reid has gone after`, not the owner of a noun (`Blinken's conversation with Lavrov lasted`).
    if (e === undefined || subj.headLemma !== undefined || view.entityType(e) === 'Country') return undefined;
    // The subject opens its clause (not `... with Lavrov lasted`).
    const pre = view.tok(subj.start - 1);
    if (subj.start > first && pre && !['PUNCT', 'CCONJ', 'SCONJ'].includes(pre.pos) && pre.normal !== 'that') return undefined;
    const mod = view.modalityOf(k, subj.start);
    if (mod !== 'asserted') return undefined;
    return { speaker: e, cue: t.text, confidence: 0.55 };
  }
  return undefined;
}

/**
 * A title speaker whose name the next sentence gives as a bare appositive, the
 * way machine translation splits `a Kremlin spokesman, Dmitry Peskov, said`:
 * `... a Kremlin spokesman confirmed. Dmitry Peskov, citing Russian agencies.`
 */
function namedAfter(view: ArticleView, end: number): number | undefined {
  const t = view.tok(end);
  if (!t) return undefined;
  const sent = view.ann.sentences[t.sentence];
  const next = view.ann.sentences[t.sentence + 1];
  if (!sent || !next || next.paragraph !== sent.paragraph) return undefined;
  const m = view.mentionAt(next.firstToken);
  const e = view.entityAt(next.firstToken);
  if (!m || e === undefined || m.type !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname') || view.tok(m.lastToken + 1)?.text !== ',') return undefined;
  // A fragment: no finite verb of its own (`Dmitry Peskov, citing Russian agencies.`), else it is a new statement.
  for (let k = m.lastToken + 2; k <= next.lastToken; k++) {
    const n = view.tok(k);
    if (n && n.pos === 'VERB' && !/ing$/.test(n.normal)) return undefined;
  }
  return e;
}

function addresseeAfter(view: ArticleView, v: number, last: number): Pick<Attribution, 'addressee' | 'audience'> {
  if (view.tok(v)?.lemma !== 'tell') return {};
  const np = view.readNP(v + 1, last);
  if (!np) return {};
  const e = view.npEntities(np, false)[0];
  if (e !== undefined) return { addressee: e };
  const a = view.tok(np.first);
  const b = view.tok(np.last);
  const phrase = a && b ? view.text.slice(a.start, b.end) : '';
  return phrase && view.lex.audienceNouns.has(phrase.toLowerCase()) ? { audience: phrase } : np.headLemma && view.lex.audienceNouns.has(np.headLemma) ? { audience: phrase } : {};
}

const DASHES = new Set(['―', '—', '–', '-', '--']);

/**
 * Skips what may sit between a speaker and the reporting verb: a party tag
 * `(D-Wis.)` and up to two comma-delimited appositives (`Scott Pruitt, the
 * attorney general of Oklahoma, said`). Returns the next token.
 */
function skipAsides(view: ArticleView, p: number, last: number): number {
  let v = p;
  for (let round = 0; round < 3 && v <= last; round++) {
    if (view.norm(v) === '(') {
      let k = v + 1;
      while (k <= last && k < v + 8 && view.norm(k) !== ')') k++;
      if (view.norm(k) !== ')') return v;
      v = k + 1;
      continue;
    }
    if (view.norm(v) === ',') {
      let k = v + 1;
      while (k <= last && k < v + 16 && view.norm(k) !== ',' && !isQuoteMark(view.tok(k)?.text ?? '') && view.tok(k)?.pos !== 'VERB') k++;
      if (view.norm(k) !== ',') return v;
      v = k + 1;
      continue;
    }
    break;
  }
  return v;
}

/** `"...," Price said`, `"...," said Price`, `"..." the spokesman added`. */
function attributeAfter(view: ArticleView, c: number): Attribution | undefined {
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
  while (k <= last && (view.norm(k) === ',' || view.norm(k) === '.' && false)) k++;
  const lex = view.lex;
  const isAfterVerb = (j: number): boolean => {
    const t = view.tok(j);
    return !!t && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN') && lex.afterQuoteVerbs.has(t.lemma);
  };
  // `said Price`, `says the spokesman`
  let j = k;
  while (j <= last && view.tok(j)?.pos === 'AUX') j++;
  // A capitalised verb after a quote ending in a full stop starts a new sentence (`"..." Said the ...`).
  const endsSentence = /[.!?]\s*$/.test(view.text.slice(Math.max(0, ct.start - 2), ct.start));
  if (isAfterVerb(j) && !(endsSentence && /^[A-Z]/.test(view.tok(j)?.text ?? ''))) {
    const s = speakerNP(view, j + 1, last);
    if (s) return { speaker: s.speaker, cue: view.tok(j)?.text ?? '', confidence: 0.9, ...addresseeAfter(view, j, last) };
    // `"...," reads a Wednesday editorial in ...`: the frame names a source that is no entity; no one else said it.
    if (view.tok(j + 1)?.pos === 'DET' && [j + 2, j + 3, j + 4].some((n) => n <= last && view.tok(n)?.pos === 'NOUN')) return { speaker: null, cue: view.tok(j)?.text ?? '', confidence: 0.5 };
  }
  // `"..." ― Carla Sanchez`, `"..." -President Obama`: a dash and a name, the byline of a quotation.
  if (DASHES.has(view.norm(k))) {
    const d = speakerNP(view, k + 1, last);
    if (d && d.speaker !== null) return { speaker: d.speaker, cue: view.tok(k)?.text ?? '', confidence: 0.8 };
  }
  // `Price said`, `the spokesman added`, `he told reporters`
  // A quotation closed with a full stop ends its sentence: `X said` after it opens the next one
  // (`... and called him "the leading proponent." Former governor Mike Huckabee called ...`).
  const fullStop = /\.\s*$/.test(view.text.slice(Math.max(0, ct.start - 2), ct.start));
  if (fullStop && /^\p{Lu}/u.test(view.tok(k)?.text ?? '') && view.tok(k)?.sentence !== ct.sentence) return undefined;
  // After `?"` or `!"` a capitalised determiner opens a new sentence too (`"...?" The party's spokeswoman, X, said she ...`).
  if (endsSentence && /^(The|A|An|This|That|These|Those|His|Her|Their|Its)$/.test(view.tok(k)?.text ?? '')) return undefined;
  const s = speakerNP(view, k, last);
  if (!s) return undefined;
  let v = skipAsides(view, s.end + 1, last);
  // The closing comma of an appositive name (`the nominee, Donald Trump, tweeted`).
  if (view.norm(v) === ',' && view.tok(v + 1)?.pos === 'VERB') v++;
  while (v <= last && (view.tok(v)?.pos === 'AUX' || view.tok(v)?.pos === 'ADV' || view.tok(v)?.pos === 'PART')) v++;
  const vt = view.tok(v);
  if (vt && (isAfterVerb(v) || (vt.pos === 'VERB' && lex.speechVerbs.has(vt.lemma)))) {
    return { speaker: s.speaker, cue: vt.text, confidence: 0.9, ...addresseeAfter(view, v, last) };
  }
  return undefined;
}

/**
 * A reporting cue before the opening mark in its sentence: the nearest
 * speech verb (its subject; skipping reported future speech such as
 * `will say`), `according to X`, or a speech noun with an owner
 * (`Biden's remarks`), or a subject right before the quote (`Blinken
 * "called on Russia ..."`).
 */
function attributeBefore(view: ArticleView, o: number, short: boolean, from?: number): Attribution | undefined {
  const first = from ?? view.sentenceBounds(o)[0];
  const lex = view.lex;
  for (let k = o - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t) break;
    if (CLAUSE_STOP.has(t.normal)) break;
    if (t.normal === 'according' && view.norm(k + 1) === 'to') {
      const s = speakerNP(view, k + 2, o - 1);
      if (s) return { speaker: s.speaker, cue: 'according to', confidence: 0.85 };
    }
    // `Caddell continued: "..."`, `she went on, "..."`: a verb that follows quotes also leads into one.
    const leadsIn = [':', ','].includes(view.norm(k + 1)) || isQuoteMark(view.tok(k + 1)?.text ?? '');
    // `made the following comment:` is a noun wink tagged as a verb.
    if (t.pos === 'VERB' && !isNominalVerb(view, k) && (lex.speechVerbs.has(t.lemma) || (lex.afterQuoteVerbs.has(t.lemma) && leadsIn))) {
      // An infinitive or a relative clause is not the frame (`used this question to demand`, `Republicans who refused to rule out`).
      const before = view.norm(k - 1) === 'not' || view.tok(k - 1)?.pos === 'ADV' ? view.norm(k - 2) : view.norm(k - 1);
      const embedded = before === 'to' || before === 'who' || before === 'which';
      const found = participleSpeaker(view, k) ?? view.subjectOf(k);
      const subj = personOwning(view, found) ?? (found?.entities.length ? found : (slotSubject(view, k) ?? mainClauseSubject(view, first, k) ?? found));
      if (embedded && !subj?.entities.length) continue;
      const mod = view.modalityOf(k, subj?.start ?? k);
      if (mod === 'future' || mod === 'hypothetical') continue;
      // No subject (`it underscores that ...`, a participle): an earlier frame may still own the quote (`She says it underscores`).
      if (!subj) continue;
      const anonymous = !!subj.headLemma && lex.anonymousHeads.has(subj.headLemma);
      // A subject that names no one and is no anonymous source (`the amendment was a gesture intended to`): look further back.
      if (!subj.entities.length && !anonymous && k > first && hasOuterFrame(view, first, k)) continue;
      const speaker = subj.entities[0] ?? (anonymous ? namedAfter(view, k) : undefined) ?? null;
      const [, last] = view.sentenceBounds(k);
      return { speaker, cue: t.text, confidence: short ? 0.7 : 0.85, ...addresseeAfter(view, k, Math.min(last, o)) };
    }
    if (t.pos === 'NOUN' && lex.speechNouns.has(t.normal)) {
      let s = k;
      while (s - 1 >= first && (view.entityAt(s - 1) !== undefined || ["'s", '’s', "'", '’'].includes(view.norm(s - 1)) || view.tok(s - 1)?.pos === 'ADJ')) s--;
      const np = s < k ? view.readNP(s, k) : undefined;
      const owner = np?.owner ?? (np?.heads.length ? np.heads[0] : undefined);
      // `Moore called Obama's remarks "a true wake-up call"`: the words are the reporting verb's subject's, not the remarks' owner's.
      if (owner !== undefined && !hasOuterFrame(view, first, s)) return { speaker: owner, cue: t.text, confidence: 0.7 };
    }
  }
  // `Blinken "called on Russia to ..."`: a subject right before a quote that opens with its verb.
  const prev = o - 1;
  const pe = view.entityAt(prev);
  if (pe !== undefined && !view.isPossessiveAfter(prev)) {
    const nt = view.tok(o + 1);
    if (nt && nt.pos === 'VERB') return { speaker: pe, cue: nt.text, confidence: 0.8 };
  }
  return undefined;
}

/** A speech verb later in the same sentence: `... "seriously concerned" ..., a senior official said.` */
function attributeLater(view: ArticleView, c: number): Attribution | undefined {
  if (c < 0) return undefined;
  const [, last] = view.sentenceBounds(c);
  for (let k = c + 1; k <= last; k++) {
    const t = view.tok(k);
    if (!t) break;
    if (isQuoteMark(t.text)) return undefined;
    if (t.pos === 'VERB' && view.lex.afterQuoteVerbs.has(t.lemma)) {
      const subj = view.subjectOf(k);
      if (!subj) return undefined;
      return { speaker: subj.entities[0] ?? null, cue: t.text, confidence: 0.6 };
    }
  }
  return undefined;
}

/**
 * A quote opening a sentence or paragraph with no frame of its own
 * continues the previous speaker: the last quote's speaker in the same
 * paragraph, or in (or the last speech verb's subject of) the previous one.
 */
function continuation(view: ArticleView, o: number, byPara: Map<number, number>, bySentence: Map<number, number>): Attribution | undefined {
  const t = view.tok(o);
  if (!t) return undefined;
  const sent = view.ann.sentences[t.sentence];
  if (!sent || sent.firstToken !== o) return undefined;
  const prevSentence = view.ann.sentences[t.sentence - 1];
  if (prevSentence && prevSentence.paragraph === sent.paragraph) {
    const s = bySentence.get(t.sentence - 1) ?? leadSubject(view, t.sentence - 1);
    return s !== undefined ? { speaker: s, cue: 'continuation', confidence: 0.5 } : undefined;
  }
  const prevPara = sent.paragraph - 1;
  const fromQuote = byPara.get(prevPara);
  if (fromQuote !== undefined) return { speaker: fromQuote, cue: 'continuation', confidence: 0.6 };
  // A one-sentence paragraph about a person introduces the quotation paragraph after it (`Howard continued his remarks.`).
  const prevFirst = view.ann.sentences[t.sentence - 1];
  const prevSecond = view.ann.sentences[t.sentence - 2];
  if (prevFirst && prevFirst.paragraph === prevPara && (!prevSecond || prevSecond.paragraph !== prevPara)) {
    const lead = leadSubject(view, t.sentence - 1);
    if (lead !== undefined) return { speaker: lead, cue: 'continuation', confidence: 0.5 };
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
      if (e !== undefined) return { speaker: e, cue: 'continuation', confidence: 0.5 };
    }
  }
  return undefined;
}

/**
 * The person a sentence is about, for a frameless quotation right after it
 * (`Clinton touted her credentials. "We need to ..."`): the named subject of
 * its first verb, opening the sentence (after an opening adverbial), in a
 * sentence that holds no quotation of its own.
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
    if (e === undefined || !subj || subj.entities.length > 1 || subj.headLemma !== undefined || view.entityType(e) !== 'Person') return undefined;
    const pre = view.tok(subj.start - 1);
    if (subj.start > open && pre && pre.text !== ',') return undefined;
    return view.modalityOf(k, subj.start) === 'asserted' ? e : undefined;
  }
  return undefined;
}

const lead = (s: string): number => s.length - s.trimStart().length;
const trail = (s: string): number => s.length - s.trimEnd().length;

/** Mention indices by sentence, so a quote looks only at the mentions of its own sentences. */
function mentionsBySentence(view: ArticleView): number[][] {
  const out: number[][] = [];
  view.mentions.forEach((m, i) => (out[m.sentence] ??= []).push(i));
  return out;
}

/** The text of the sentences a quote overlaps, plus its attribution sentence. */
function quoteEvidence(ann: AnnotatedText, start: number, end: number, sentence: number): string {
  let first = sentence;
  let last = sentence;
  // Sentences are in text order: the first one ending after `start` (binary search), then those starting before `end`.
  let lo = 0;
  let hi = ann.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ann.sentences[mid]?.end ?? 0) > start) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < ann.sentences.length; i++) {
    const s = ann.sentences[i];
    if (!s || s.start >= end) break;
    if (s.end > start) {
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
  }
  const a = ann.sentences[first];
  const b = ann.sentences[last];
  return a && b ? ann.text.slice(a.start, b.end) : ann.text.slice(start, end);
}
