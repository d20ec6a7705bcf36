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
      // without making a one-character string (this loop reads every character).
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
