/**
 * Quoted spans of an article's text: where each quotation opens and closes,
 * over the quotation-mark conventions of scraped news (straight and curly
 * marks mixed, quotations running over paragraphs, single quotes only as a
 * pair around words). Input: text and paragraph spans. Output: QuoteSpan[].
 */
import type { AnnotatedText, Token } from '../../types.js';

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
export const TRANSCRIPT_LABEL = /^\s*\p{Lu}[\p{Lu}.' -]{1,30}:/u;

function isWordChar(c: string | undefined): boolean {
  return !!c && /[\p{L}\p{N}]/u.test(c);
}

/** Paragraph spans of an annotated text (from its sentences). */
export function paragraphSpans(ann: AnnotatedText): { start: number; end: number }[] {
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
  let pending: Pending | undefined;
  paragraphs.forEach((para, pi) => {
    let i = para.start;
    // A continuation paragraph's own opening mark is not part of the quotation.
    if (pending) {
      const c = text[i] ?? '';
      if (OPENERS[c] && text[i + 1] !== undefined && !/\s/.test(text[i + 1] ?? ' ')) i++;
    }
    let open: OpenQuote | undefined = pending ? { open: pending.open, start: i, closers: pending.closers } : undefined;
    for (; i < para.end; i++) {
      // Every opener and closer is `"` or a non-ASCII mark: other ASCII characters are skipped
      // without making a one-character string (this loop reads every character).
      const code = text.charCodeAt(i);
      if (code < 0x80 && code !== 0x22) continue;
      const c = text[i] ?? '';
      if (!open) {
        open = openingAt(text, i, c);
        continue;
      }
      if (!open.closers.includes(c) || isApostrophe(text, i, c)) continue;
      if (!pending && opensNextQuotation(text, i, c, open.start)) {
        out.push({ start: open.start, end: i, text: text.slice(open.start, i), open: open.open, close: -1 });
        open = { open: i, start: i + 1, closers: open.closers };
        continue;
      }
      const parts = pending ? [...pending.parts, text.slice(open.start, i)] : [text.slice(open.start, i)];
      out.push({ start: pending ? pending.start : open.start, end: i, text: parts.join('\n\n'), open: open.open, close: i });
      pending = undefined;
      open = undefined;
    }
    if (open) pending = unclosedAtParagraphEnd(text, para.end, paragraphs[pi + 1], open, pending, out);
  });
  return withoutNested(out);
}

/** A quotation open in the current paragraph: its opening mark, content start and the marks that close it. */
interface OpenQuote {
  open: number;
  start: number;
  closers: string[];
}

/** A quotation running over paragraphs: the content of the paragraphs so far. */
interface Pending extends OpenQuote {
  parts: string[];
}

/** The quotation an opening mark at i starts, if it is one (not `‘` or `"` after a letter, not `»` before a space). */
function openingAt(text: string, i: number, c: string): OpenQuote | undefined {
  const closers = OPENERS[c];
  if (!closers) return undefined;
  if (c === '‘' && isWordChar(text[i - 1])) return undefined;
  if (c === '"' && isWordChar(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) return undefined;
  if (c === '»' && /\s/.test(text[i + 1] ?? ' ')) return undefined;
  return { open: i, start: i + 1, closers };
}

/** A `’` that is an apostrophe (Russia’s, don’t, a word or mark follows) rather than a closing mark. */
function isApostrophe(text: string, i: number, c: string): boolean {
  return c === '’' && (isWordChar(text[i + 1]) || !/[\s\p{P}]|^$/u.test(text[i + 1] ?? ''));
}

/**
 * `"First sentence. "Second sentence.`: a straight mark between a space and a word after a
 * sentence end opens the next quotation of the same speaker (a convention that leaves the
 * previous one unclosed).
 */
function opensNextQuotation(text: string, i: number, c: string, start: number): boolean {
  return c === '"' && /\s/.test(text[i - 1] ?? '') && isWordChar(text[i + 1]) && /[.!?]\s+$/.test(text.slice(start, i));
}

/**
 * A quotation still open at its paragraph's end: it goes on when the next paragraph opens
 * with a quote mark (not `‘`, not a transcript label, which starts a new quotation); otherwise it
 * ends with the paragraph (single-quoted ones are dropped). Returns the quotation carried on.
 */
function unclosedAtParagraphEnd(text: string, end: number, next: { start: number } | undefined, open: OpenQuote, pending: Pending | undefined, out: QuoteSpan[]): Pending | undefined {
  // A transcript paragraph opening with a speaker label (`"PENCE: Well, ...`) starts a new quotation.
  const nextLabel = !!next && TRANSCRIPT_LABEL.test(text.slice(next.start + 1, next.start + 40));
  const nextOpens = next && OPENERS[text[next.start] ?? ''] !== undefined && (text[next.start] ?? '') !== '‘' && !nextLabel;
  const part = text.slice(open.start, end);
  const single = open.closers.includes('’');
  if (nextOpens && !single) {
    const from = pending ?? open;
    return { open: from.open, start: from.start, parts: [...(pending?.parts ?? []), part], closers: from.closers };
  }
  if (!single) out.push({ start: pending ? pending.start : open.start, end, text: pending ? [...pending.parts, part].join('\n\n') : part, open: open.open, close: -1 });
  return undefined;
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

/** The last token starting at or before `offset` (binary search), or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
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
