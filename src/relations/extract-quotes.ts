/**
 * quotes stage: every direct quotation of one article with its speaker.
 * Finds the quoted spans (./quotes/spans), drops scare quotes (one or two
 * words used as a label), and attributes each quotation with the ordered
 * table of attributors (./quotes/attributors): the first frame that names a
 * speaker wins, and the quote records the attributor's id as `rule`.
 * Anonymous speakers (`a senior official`) give speaker null.
 * Input: annotated text, mentions, resolved entities, lexicon. Output: Quote[].
 */
import type { AnnotatedText, ArticleEntity, Mention, Quote } from '../types.js';
import { articleView, type ArticleView } from './article-view.js';
import type { RelationLexicon } from './relation-lexicon.js';
import { attribute } from './quotes/attributors.js';
import { FramePronouns, framePronounSpeaker } from './quotes/frame-pronoun.js';
import { isNameOrTitle, isScare } from './quotes/scare-quotes.js';
import { findQuoteSpans, paragraphSpans, tokenAt, TRANSCRIPT_LABEL, type QuoteSpan } from './quotes/spans.js';
import type { Attribution } from './quotes/speaker-phrase.js';

export { findQuoteSpans } from './quotes/spans.js';

export function extractQuotes(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  lex: RelationLexicon,
): Quote[] {
  return quotesOf(articleView(ann, mentions, entities, lex));
}

/** The quotes of the article a view reads. */
export function quotesOf(view: ArticleView): Quote[] {
  const { ann, lex } = view;
  const paras = paragraphSpans(ann);
  const spans = findQuoteSpans(ann.text, paras);
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  // Speaker of the latest quote / reporting verb, per paragraph, for continuations.
  const lastSpeakerInPara = new Map<number, number>();
  const lastSpeakerInSentence = new Map<number, number>();
  const bySentence = mentionsBySentence(view);
  const pronouns = new FramePronouns(view, spans);
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
    if ((short && isScare(view, o, c)) || isNameOrTitle(view, o, c)) continue;
    // A transcript turn (`"PENCE: Well, ...`) is its label's, or no one's we know: not the previous speaker's.
    const label = !short && TRANSCRIPT_LABEL.test(content) && /^\p{Lu}{2}/u.test(content);
    const found = attribute({ view, open: o, close: c, short, label, byParagraph: lastSpeakerInPara, bySentence: lastSpeakerInSentence });
    if (!found) continue;
    // A speaker named by a role description (`the Russian ambassador`) keeps those words as its span.
    const framed = found.speaker !== null && found.cue !== 'continuation' && !found.speakerWords ? (frameMention(view, found) ?? speakerMentionOf(view, bySentence, found.speaker, q, o, c)) : -1;
    const att = framed >= 0 ? { ...found, speaker: framePronounSpeaker(view, pronouns, framed, q) ?? found.speaker } : unlinkedPronounSpeaker(view, pronouns, found, q);
    const para = ann.sentences[sentence]?.paragraph ?? -1;
    if (att.speaker !== null) {
      lastSpeakerInPara.set(para, att.speaker);
      // Every sentence of the quotation and of its frame (`"... . ...," X said.` then `"..."` continues X).
      const lastSentence = Math.max(sentence, ann.tokens[c]?.sentence ?? sentence, view.mentions[framed]?.sentence ?? sentence);
      for (let s = sentence; s <= lastSentence; s++) lastSpeakerInSentence.set(s, att.speaker);
    }
    // The same speaker repeating the same opening words (a caption, a recap) is one quote.
    const key = `${att.speaker}|${words.slice(0, 6).join(' ').toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '')}`;
    if (att.speaker !== null && seen.has(key)) continue;
    seen.add(key);
    // A quotation running over paragraphs is one quote per paragraph: the first with its frame,
    // the others continuing the same speaker.
    paragraphParts(ann.text, q).forEach((part, i) => {
      const start = part.start + lead(part.text);
      const end = part.end - trail(part.text);
      const partSentence = i === 0 ? sentence : (ann.tokens[tokenAt(ann.tokens, start)]?.sentence ?? sentence);
      quotes.push({
        text: part.text.trim(),
        start,
        end,
        speaker: att.speaker,
        // Every quote has the same fields; undefined ones are left out of the JSON results.
        addressee: att.addressee,
        audience: att.audience,
        cue: i === 0 ? att.cue : 'continuation',
        speakerSpan: i === 0 ? (framed >= 0 ? spanOf(view.mentions[framed]) : wordsSpan(view, att)) : undefined,
        sentence: partSentence,
        confidence: att.confidence,
        rule: i === 0 ? att.rule : 'quote.continuation',
        evidence: quoteEvidence(ann, start, end, partSentence),
      });
    });
  }
  return quotes;
}

/**
 * The mention of the speaker that the frame uses (its index in the view's
 * mentions, or -1): the one nearest to the quotation, outside it, in the
 * sentences the quotation starts and ends in (`openTok`, `closeMarkTok`: the
 * tokens of its marks, -1 for no closing mark).
 */
function speakerMentionOf(view: ArticleView, bySentence: readonly number[][], speaker: number, q: QuoteSpan, openTok: number, closeMarkTok: number): number {
  const closeTok = closeMarkTok >= 0 ? closeMarkTok : openTok;
  // One sentence either side: wink may end a sentence inside the frame (`"... huh?" he responded`).
  const a = (view.tok(openTok)?.sentence ?? 0) - 1;
  const b = (view.tok(closeTok)?.sentence ?? a) + 1;
  let bestDist = Infinity;
  let best = -1;
  for (let s = Math.max(0, a); s <= b; s++) {
    for (const i of bySentence[s] ?? []) {
      const m = view.mentions[i];
      if (!m || view.mentionEntity.get(i) !== speaker) continue;
      const mp = view.ann.sentences[m.sentence]?.paragraph;
      if (mp === undefined || mp < (view.ann.sentences[a + 1]?.paragraph ?? 0) || mp > (view.ann.sentences[b - 1]?.paragraph ?? 0)) continue;
      if (m.start >= q.open && m.end <= (q.close >= 0 ? q.close : q.end)) continue;
      const dist = m.end <= q.open ? q.open - m.end : m.start - (q.close >= 0 ? q.close : q.end);
      // The nearest; between equally near ones, the first in the mention list.
      if (dist >= 0 && (dist < bestDist || (dist === bestDist && i < best))) {
        bestDist = dist;
        best = i;
      }
    }
  }
  return best;
}

/**
 * A frame whose speaker is a `he` or `she` the entity stage linked to no one (`"...?" he said`): the
 * nearest person named before the quotation whose gender does not clash (see FramePronouns).
 */
function unlinkedPronounSpeaker(view: ArticleView, pronouns: FramePronouns, found: Attribution, q: QuoteSpan): Attribution {
  const w = found.speakerWords;
  const t = w && w.first === w.last ? view.tok(w.first) : undefined;
  if (found.speaker !== null || !t || !['he', 'she'].includes(t.normal) || view.mentionAt(w?.first ?? -1) !== undefined) return found;
  const speaker = pronouns.nearestOutside(q.open, t.sentence, t.normal === 'he' ? 'm' : 'f');
  return speaker === undefined ? found : { ...found, speaker };
}

/** The mention of the speaker at the token the attributor read the speaker from, if it names the speaker. */
function frameMention(view: ArticleView, found: Attribution): number | undefined {
  if (found.speakerAt === undefined) return undefined;
  const i = view.tokMention[found.speakerAt] ?? -1;
  return i >= 0 && view.mentionEntity.get(i) === found.speaker ? i : undefined;
}

/** The words describing a speaker who is no entity (`a senior official`), as a span. */
function wordsSpan(view: ArticleView, att: Attribution): { start: number; end: number } | undefined {
  // Words are kept for an anonymous speaker, and for a pronoun the quote stage resolved (see unlinkedPronounSpeaker).
  const a = att.speakerWords ? view.tok(att.speakerWords.first) : undefined;
  const b = att.speakerWords ? view.tok(att.speakerWords.last) : undefined;
  return a && b ? { start: a.start, end: b.end } : undefined;
}

const spanOf = (m: Mention | undefined): { start: number; end: number } | undefined => (m ? { start: m.start, end: m.end } : undefined);
const lead = (s: string): number => s.length - s.trimStart().length;
const trail = (s: string): number => s.length - s.trimEnd().length;

/** The paragraphs of a quotation (its text joins them with a blank line), each with its offsets; empty ones left out. */
function paragraphParts(text: string, q: QuoteSpan): { text: string; start: number; end: number }[] {
  const texts = q.text.split('\n\n');
  if (texts.length === 1) return [{ text: q.text, start: q.start, end: q.end }];
  const out: { text: string; start: number; end: number }[] = [];
  let at = q.start;
  for (const t of texts) {
    const start = text.indexOf(t, at);
    if (start < 0) return [{ text: q.text, start: q.start, end: q.end }];
    at = start + t.length;
    if (/[\p{L}\p{N}]/u.test(t)) out.push({ text: t, start, end: at });
  }
  return out;
}

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

