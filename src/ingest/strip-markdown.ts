/**
 * Markdown -> plain text, one line per paragraph (pure, linear). Keeps the
 * words, joins soft-wrapped lines; drops markup: YAML front matter (its `title:` is
 * returned), heading marks, emphasis, links (their text stays), images
 * (captions), reference definitions, code fences, rules, list and quote
 * markers, inline HTML tags.
 */

export interface StrippedMarkdown {
  readonly text: string;
  /** `title:` from YAML front matter, or ''. */
  readonly title: string;
}

const FRONT_MATTER_TITLE = /^title:\s*(.*)$/i;
const RULE_LINE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const BLOCK_PREFIX = /^\s{0,3}(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)?/;
const CLOSING_HASHES = /\s+#+\s*$/;
const HEADING = /^\s{0,3}(?:>\s?)*#{1,6}\s/;
// A list item or a quote line starts a new block.
const BLOCK_START = /^\s{0,3}(?:>|[-*+]\s|\d{1,9}[.)]\s)/;
// Inner runs are bounded so that a pathological line stays linear.
const IMAGE = /!\[[^\]]{0,500}\]\([^)]{0,2000}\)|!\[[^\]]{0,500}\]\[[^\]]{0,200}\]/g;
const LINK = /\[([^\]]{0,500})\]\([^)]{0,2000}\)|\[([^\]]{0,500})\]\[[^\]]{0,200}\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>]{0,2000})>/g;
const HTML_TAG = /<\/?[A-Za-z][^>]{0,500}>/g;
const EMPHASIS =
  /(\*\*|__)(?=\S)([^*_]{1,500}?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]{1,500}?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]{1,500}?)(?<=\S)_(?![\w_])/g;
const CODE_SPAN = /`{1,3}([^`]{0,500})`{1,3}/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;

function stripInline(line: string): string {
  return line
    .replace(IMAGE, '')
    .replace(LINK, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, ' ')
    .replace(CODE_SPAN, '$1')
    .replace(EMPHASIS, (_m, _d, a: string | undefined, b: string | undefined, c: string | undefined) => a ?? b ?? c ?? '')
    .replace(ESCAPE, '$1');
}

function unquote(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
}

/** Strips Markdown markup; returns one line per paragraph, heading, list item or quote. */
export function stripMarkdown(markdown: string): StrippedMarkdown {
  const lines = markdown.split(/\r\n?|\n/);
  let title = '';
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end > 0) {
      for (const l of lines.slice(1, end)) {
        const m = FRONT_MATTER_TITLE.exec(l);
        if (m !== null && title === '') title = unquote(m[1] ?? '');
      }
      start = end + 1;
    }
  }
  // Lines of one Markdown paragraph are soft-wrapped: join them. Headings, list items and
  // quote lines each start their own line; blank lines, rules and fences end a paragraph.
  const out: string[] = [];
  let open = false; // whether the last output line is a paragraph that may continue
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (
      line.trim() === '' ||
      FENCE.test(line) ||
      REFERENCE_DEFINITION.test(line) ||
      RULE_LINE.test(line) ||
      (SETEXT_UNDERLINE.test(line) && (lines[i - 1] ?? '').trim() !== '')
    ) {
      out.push('');
      open = false;
      continue;
    }
    const heading = HEADING.test(line);
    const startsBlock = heading || BLOCK_START.test(line);
    const text = stripInline(heading ? line.replace(BLOCK_PREFIX, '').replace(CLOSING_HASHES, '') : line.replace(BLOCK_PREFIX, ''));
    if (open && !startsBlock) out[out.length - 1] += ` ${text.trim()}`;
    else out.push(text);
    open = !heading;
  }
  return { text: out.join('\n'), title };
}
