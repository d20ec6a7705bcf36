/**
 * Raw text of one input (plain text, Markdown or HTML) -> the article's
 * cleaned text (pure): markup removed, one paragraph per line, website
 * boilerplate dropped by the rules of `data/lexicons/boilerplate.json`.
 */
import type { Span } from '../types.js';
import type { BoilerplateRules } from './boilerplate-rules.js';
import { convertHtml, stripSiteName } from './convert-html.js';
import { collapseWhitespace, splitParagraphs } from './split-paragraphs.js';
import { stripBoilerplate, type DroppedText } from './strip-boilerplate.js';
import { stripMarkdown } from './strip-markdown.js';

export type { BoilerplateRules } from './boilerplate-rules.js';
export { compileBoilerplateRules, loadBoilerplateRules } from './boilerplate-rules.js';

export type InputFormat = 'txt' | 'md' | 'html';

export interface CleanedText {
  /** First kept paragraph (the headline), possibly ''. */
  readonly title: string;
  /** Kept paragraphs joined by "\n\n". */
  readonly text: string;
  /** Spans of the kept paragraphs in `text`. */
  readonly paragraphs: Span[];
  /** Every dropped paragraph (or cut-off piece) and the rule that dropped it, in document order. */
  readonly dropped: DroppedText[];
}

const PARAGRAPH_SEPARATOR = '\n\n';

/** Input format from a file name: `.md`/`.markdown` -> md, `.html`/`.htm`/`.xhtml` -> html, else txt. */
export function formatOfFile(file: string): InputFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  return 'txt';
}

/** Joins paragraphs with a blank line and records their spans. */
function joinParagraphs(paragraphs: readonly string[]): { text: string; paragraphs: Span[] } {
  const spans: Span[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    spans.push({ start: offset, end: offset + p.length });
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphs: spans };
}

/**
 * For HTML: make the headline (<h1>, else the page <title>) the first
 * paragraph. Paragraphs before a found <h1> are kicker/breadcrumb chrome.
 */
function placeHeadline(kept: string[], dropped: DroppedText[], headline: string, pageTitle: string): string[] {
  if (headline !== '') {
    const index = kept.indexOf(headline);
    if (index === -1) return [headline, ...kept];
    for (const p of kept.slice(0, index)) dropped.push({ text: p, rule: 'html-before-headline' });
    return kept.slice(index);
  }
  if (pageTitle !== '') {
    const title = stripSiteName(pageTitle);
    if (!kept.includes(title)) return [title, ...kept];
  }
  return kept;
}

/** Cleans the raw text of one input; see the module comment. */
export function cleanText(raw: string, format: InputFormat, rules: BoilerplateRules): CleanedText {
  let body = raw;
  let headline = '';
  let pageTitle = '';
  if (format === 'html') {
    const html = convertHtml(raw, rules.html.skipSelectors);
    body = html.text;
    headline = collapseWhitespace(html.headline);
    pageTitle = collapseWhitespace(html.pageTitle);
  } else if (format === 'md') {
    const md = stripMarkdown(raw);
    body = md.text;
    pageTitle = collapseWhitespace(md.title);
  }
  const { kept, dropped } = stripBoilerplate(splitParagraphs(body), rules);
  const paragraphs = format === 'txt' ? kept : placeHeadline(kept, dropped, headline, pageTitle);
  const joined = joinParagraphs(paragraphs);
  return { title: paragraphs[0] ?? '', text: joined.text, paragraphs: joined.paragraphs, dropped };
}
