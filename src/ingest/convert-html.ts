/**
 * HTML -> plain text with html-to-text (pure). Only the page's <main> (or
 * its single <article>) is read when it has one. Site chrome elements (the
 * `html.skipSelectors` of the boilerplate rules: script, style, nav,
 * header, footer, aside, form, figure captions, iframes, ...) are skipped
 * with their content; block elements and headings become their own lines;
 * entities are decoded; no word wrapping.
 */
import { convert, type HtmlToTextOptions } from 'html-to-text';

export interface ConvertedHtml {
  /** Body text, one block per line (blank lines between blocks). */
  readonly text: string;
  /** Text of the first <h1>, or ''. */
  readonly headline: string;
  /** Text of <title>, or ''. */
  readonly pageTitle: string;
}

const BLOCK_AS_PLAIN = ['blockquote', 'ul', 'ol', 'li', 'table', 'tr', 'th', 'td', 'dl', 'dt', 'dd'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function createOptions(skipSelectors: readonly string[], base: readonly string[] | null): HtmlToTextOptions {
  return {
    wordwrap: false,
    ...(base === null ? {} : { baseElements: { selectors: [...base], returnDomByDefault: false } }),
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      ...HEADINGS.map((h) => ({ selector: h, options: { uppercase: false } })),
      ...BLOCK_AS_PLAIN.map((selector) => ({ selector, format: 'block' })),
      ...skipSelectors.map((selector) => ({ selector, format: 'skip' })),
    ],
  };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? '' : line.replace(/\s+/g, ' ').trim();
}

const MAIN_TAG = /<main[\s>]/gi;
const ARTICLE_TAG = /<article[\s>]/gi;

/**
 * Where the article's text lives: the page's single <main>, else its single
 * <article>, else the whole <body> (or the whole fragment).
 */
function chooseContentRoot(html: string): 'main' | 'article' | null {
  if ((html.match(MAIN_TAG) ?? []).length === 1) return 'main';
  if ((html.match(ARTICLE_TAG) ?? []).length === 1) return 'article';
  return null;
}

/** Converts an HTML document (or fragment) to text, with its <h1> and <title>. */
export function convertHtml(html: string, skipSelectors: readonly string[]): ConvertedHtml {
  const root = chooseContentRoot(html);
  const text = convert(html, createOptions(skipSelectors, root === null ? null : [root]));
  // Headline and title are read without the skip list: an <h1> often sits in a skipped <header>.
  const headline = firstLine(convert(html, createOptions([], ['h1'])));
  const pageTitle = firstLine(convert(html, createOptions([], ['title'])));
  return { text, headline, pageTitle };
}

/**
 * Removes a site name from a page title: `Talks stall in Geneva | Daily News`
 * -> `Talks stall in Geneva`. Keeps the title when no part looks like one.
 */
export function stripSiteName(pageTitle: string): string {
  const parts = pageTitle.split(/\s+[|–—·•]\s+|\s+-\s+|\s+::\s+/);
  if (parts.length < 2) return pageTitle;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.trim();
}
