/**
 * An article's publication date from what the file itself says, in this
 * order: a sidecar the user wrote (`<file>.meta.json`), the page's metadata
 * (`<meta property="article:published_time">` and its kin, JSON-LD
 * `datePublished`, a `<time datetime>`), then the head of the text: a
 * labelled date (`Published: 2024-07-19`, `Updated 10:02 AM ET, Mon March 2,
 * 2026`), a byline line holding a full date, or a dateline (`TOKYO, March 2,
 * 2026 -`; `BRASILIA, March 17 -` takes its year from the fallback date).
 * Last, the date given for the build (`build --date`). Otherwise unknown:
 * never the file's modification time. Pure.
 */
// The English locale alone: the package's index loads every locale.
import * as chrono from 'chrono-node/en';
import type { ArticleDate } from '../types.js';
import { formatDay, isCalendarDay } from './calendar.js';

export interface ArticleDateInput {
  /** The decoded file (HTML markup included). */
  readonly raw: string;
  readonly html: boolean;
  /** The cleaned text (paragraphs joined by blank lines). */
  readonly text: string;
  /** The sidecar's date (`YYYY-MM-DD`), already read. */
  readonly sidecar?: string | undefined;
  /** The date for articles that give none (`YYYY-MM-DD`). */
  readonly fallback?: string | undefined;
}

export function findArticleDate(input: ArticleDateInput): ArticleDate | undefined {
  const sidecar = input.sidecar === undefined ? undefined : toDay(input.sidecar);
  if (sidecar) return { date: sidecar, source: 'sidecar' };
  if (input.html) {
    const fromPage = htmlPublishedDate(input.raw);
    if (fromPage) return fromPage;
  }
  const heads = input.html ? [input.text] : [input.raw, input.text];
  for (const head of heads) {
    const date = headDate(head.slice(0, HEAD_CHARS), input.fallback);
    if (date) return { date, source: 'dateline' };
  }
  const fallback = input.fallback === undefined ? undefined : toDay(input.fallback);
  return fallback ? { date: fallback, source: 'option' } : undefined;
}

/** How far into the text a dateline or byline date is looked for. */
const HEAD_CHARS = 1200;

/** Metadata names (property, name or itemprop) that carry the publication time: Open Graph, schema.org, Dublin Core and common publishers' tags. */
const META_NAMES = new Set([
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
]);

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) out.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** The publication date a page's markup states, or undefined. */
export function htmlPublishedDate(html: string): ArticleDate | undefined {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const name = (a.get('property') ?? a.get('name') ?? a.get('itemprop') ?? '').toLowerCase();
    if (!META_NAMES.has(name)) continue;
    const day = toDay(a.get('content') ?? '');
    if (day) return { date: day, source: 'html-meta' };
  }
  for (const m of html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    let json: unknown;
    try {
      json = JSON.parse(m[1] ?? '');
    } catch {
      continue; // broken JSON-LD is common; the other sources may still give the date
    }
    const value = findDatePublished(json, 0);
    const day = value === undefined ? undefined : toDay(value);
    if (day) return { date: day, source: 'json-ld' };
  }
  for (const m of html.matchAll(/<time\b[^>]*>/gi)) {
    const day = toDay(attributes(m[0]).get('datetime') ?? '');
    if (day) return { date: day, source: 'time-element' };
  }
  return undefined;
}

function findDatePublished(json: unknown, depth: number): string | undefined {
  if (depth > 6 || json === null || typeof json !== 'object') return undefined;
  if (Array.isArray(json)) {
    for (const x of json) {
      const v = findDatePublished(x, depth + 1);
      if (v) return v;
    }
    return undefined;
  }
  const o = json as Record<string, unknown>;
  if (typeof o['datePublished'] === 'string') return o['datePublished'];
  for (const v of Object.values(o)) {
    const found = findDatePublished(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** `TOKYO, March 2 -`, `BRASILIA, March 17, 2026 (Reuters) -`, `Seoul, South Korea, Jan. 5 —`. */
const DATELINE = new RegExp(`^\\p{Lu}[\\p{L} .,'’-]{1,60}?,\\s+(${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?[-–—]`, 'u');
const LABELLED = /\b(?:published|updated|posted|last updated|date)\b\s*(?:on|at)?\s*[:：]?\s*[`'"*]*\s*([^\n]{6,60})/i;
const BYLINE_LINE_CHARS = 80;
const BYLINE_WORDS = 4;

/** A date stated at the head of a text (labelled, on a byline line, or a dateline), `YYYY-MM-DD`. */
export function headDate(head: string, fallback?: string): string | undefined {
  const labelled = LABELLED.exec(head);
  if (labelled) {
    const day = fullDate(labelled[1] ?? '');
    if (day) return day;
  }
  const lines = head.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  // The first line is the headline, whose dates are about the story.
  for (const line of lines.slice(1, 8)) {
    if (line.length > BYLINE_LINE_CHARS) continue;
    const found = findFullDate(line);
    // A byline is a date with a name or two around it, not a sentence.
    if (found && (line.replace(found.text, ' ').match(/\p{L}{2,}/gu) ?? []).length <= BYLINE_WORDS) return found.day;
  }
  for (const line of lines.slice(0, 6)) {
    const m = DATELINE.exec(line);
    if (!m) continue;
    const day = fullDate(m[1] ?? '');
    if (day) return day;
    if (fallback === undefined || !isCalendarDay(fallback)) return undefined;
    const parsed = chrono.strict.parse(m[1] ?? '', { instant: new Date(`${fallback}T12:00:00Z`), timezone: 0 })[0];
    if (!parsed) return undefined;
    const day2 = formatDay(Number(fallback.slice(0, 4)), parsed.start.get('month') ?? 1, parsed.start.get('day') ?? 1);
    return isCalendarDay(day2) ? day2 : undefined;
  }
  return undefined;
}

/** The first date with day, month and year all stated in `text`, or undefined. */
function fullDate(text: string): string | undefined {
  return findFullDate(text)?.day;
}

function findFullDate(text: string): { day: string; text: string } | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/.exec(text);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    if (isCalendarDay(day)) return { day, text: iso[0] };
  }
  for (const r of chrono.strict.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 })) {
    const s = r.start;
    // "a day after" has a certain year too, given the reference: only a written year counts.
    if (r.tags().has('result/relativeDate') || !/\b\d{4}\b/.test(r.text)) continue;
    if (!(s.isCertain('year') && s.isCertain('month') && s.isCertain('day'))) continue;
    const day = formatDay(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1);
    if (isCalendarDay(day)) return { day, text: r.text };
  }
  return undefined;
}

/**
 * A timestamp or date as written by a page or a user -> its calendar day.
 * An ISO timestamp keeps the day it names in its own zone (the publisher's
 * day), not the UTC day.
 */
export function toDay(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isCalendarDay(day) ? day : undefined;
  }
  return v === '' ? undefined : fullDate(v);
}
