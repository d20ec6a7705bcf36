/**
 * Plain text -> paragraphs (pure, linear time). News text files often put
 * one paragraph per line, so every line break ends a paragraph. Inner
 * whitespace runs become one space; zero-width characters are dropped.
 * Very long paragraphs (a whole file on one line) are cut into pieces of
 * at most `maxChars` at a sentence end (". ") or else at a space.
 */

/** Paragraphs longer than this are cut (keeps later per-paragraph work bounded). */
const MAX_PARAGRAPH_CHARS = 20_000;

// Unicode whitespace runs (no line breaks) other than a lone space: matching every single space
// would make `replace` rebuild the string piece by piece (30x slower on a 50 MB line).
const SPACE_RUN = /[^\S\n ][^\S\n]*| [^\S\n]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085\v\f]/g;

/** Collapses whitespace runs to one space and trims (no newlines expected). */
export function collapseWhitespace(line: string): string {
  return line.replace(ZERO_WIDTH, '').replace(SPACE_RUN, ' ').trim();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cuts one collapsed paragraph into pieces of at most `maxChars`, preferring sentence ends. */
export function chunkParagraph(paragraph: string, maxChars: number = MAX_PARAGRAPH_CHARS): string[] {
  if (paragraph.length <= maxChars) return [paragraph];
  const pieces: string[] = [];
  const minCut = Math.max(1, Math.floor(maxChars / 2));
  let start = 0;
  while (paragraph.length - start > maxChars) {
    const limit = start + maxChars;
    // Search only the window's second half, so each cut costs O(maxChars) and the whole is linear.
    const windowStart = start + minCut;
    const window = paragraph.slice(windowStart, limit + 1);
    const stop = window.lastIndexOf('. ', window.length - 2);
    const space = window.lastIndexOf(' ');
    let cut: number;
    if (stop !== -1) cut = windowStart + stop + 1; // keep the full stop with its sentence
    else if (space !== -1) cut = windowStart + space;
    else {
      cut = limit;
      if (isHighSurrogate(paragraph.charCodeAt(cut - 1))) cut -= 1;
    }
    const piece = paragraph.slice(start, cut).trim();
    if (piece !== '') pieces.push(piece);
    start = cut;
    while (paragraph.charCodeAt(start) === 0x20) start++;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** Splits text into trimmed, whitespace-collapsed, non-empty paragraphs (one per line). */
export function splitParagraphs(text: string, maxChars: number = MAX_PARAGRAPH_CHARS): string[] {
  const normalized = text.replace(LINE_BREAKS, '\n');
  const paragraphs: string[] = [];
  let pos = 0;
  while (pos <= normalized.length) {
    let end = normalized.indexOf('\n', pos);
    if (end === -1) end = normalized.length;
    const line = collapseWhitespace(normalized.slice(pos, end));
    if (line !== '') {
      for (const piece of chunkParagraph(line, maxChars)) paragraphs.push(piece);
    }
    pos = end + 1;
  }
  return paragraphs;
}
