/**
 * Date expressions in a sentence -> when the act happened, resolved against
 * the article's publication date, with its precision. Parsing is chrono-node
 * (English casual: "on Tuesday", "last week", "in February", "on Jan. 22,
 * 2026", "earlier this month", "two weeks ago"), plus "in 2019" (a year
 * after "in", which chrono leaves out). What newsgraph adds is news sense:
 * - a bare weekday is the last one on or before the article date (news
 *   reports "said Friday" after Friday), the next one for an act in the
 *   future; a month or day without a year is the nearest one (chrono's
 *   choice: "the July 28 election" in a July 19 article is ahead);
 * - week expressions are the Monday-Sunday range, months and years their
 *   whole span;
 * - expressions that are not dates of the act are left out: slash dates
 *   ("9/11"), "now", times of day alone, dates relative to another event
 *   ("three days later"), and a weekday inside a name ("the Sunday Times").
 * Without an article date only expressions that name their year count.
 * Pure.
 */
// The English locale alone: the package's index loads every locale (most of its load time).
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import type { EventDate } from '../types.js';
import { addDays, daysInMonth, formatDay, isCalendarDay, timeOfDay, weekOf } from './calendar.js';

export interface EventDateOptions {
  /** The act lies ahead (modality `future`): bare weekdays look forward. */
  readonly forward?: boolean;
}

/** A date expression found in a text, with its place. */
export interface FoundDate {
  readonly index: number;
  readonly text: string;
  readonly date: EventDate;
}

const YEAR_AFTER_IN: chrono.Parser = {
  pattern: () => /\bin\s+(?:(?:early|mid|late)[- ])?((?:19|20)\d{2})\b(?![-–]\d|\s*(?:%|percent\b))/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

let parser: chrono.Chrono | undefined;
function dateParser(): chrono.Chrono {
  if (!parser) {
    parser = chrono.casual.clone();
    parser.parsers.push(YEAR_AFTER_IN);
  }
  return parser;
}

/**
 * A quick test before chrono runs: the words every accepted expression
 * holds. Most sentences have none, and chrono's many patterns cost.
 */
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:today|yesterday|tonight|tomorrow|week|weeks|month|months|year|years|ago|morning|afternoon|evening|night)\b|\b(?:19|20)\d{2}\b/i;

/** Expressions chrono reads that are not the date of an act. */
const RELATIVE_TO_ANOTHER_EVENT = /\b(?:later|earlier|after|before|afterwards)\s*$/i;
const WEEK = /\bweeks?\b/i;
const DROPPED_TAGS = ['parser/SlashDateFormatParser', 'casualReference/now'];

/** All acceptable date expressions of `text`, in text order. `reference` is the article date (`YYYY-MM-DD`) or undefined. */
export function findEventDates(text: string, reference: string | undefined, options: EventDateOptions = {}): FoundDate[] {
  if (!DATE_WORDS.test(text)) return [];
  const refTime = reference === undefined ? NaN : timeOfDay(reference);
  const known = !Number.isNaN(refTime);
  // Noon, so that no time zone moves the reference to another day.
  const instant = new Date((known ? refTime : Date.UTC(2000, 0, 1)) + 12 * 3_600_000);
  const out: FoundDate[] = [];
  for (const r of dateParser().parse(text, { instant, timezone: 0 })) {
    const date = readResult(r, text, known ? (reference as string) : undefined, options.forward === true);
    // A yearless day moved to another year can fall on no real day (29 February).
    if (date && isCalendarDay(date.start) && isCalendarDay(date.end)) out.push({ index: r.index, text: r.text, date });
  }
  return out;
}

/** The first acceptable date expression of `text`, or undefined. */
export function resolveEventDate(text: string, reference: string | undefined, options: EventDateOptions = {}): EventDate | undefined {
  return findEventDates(text, reference, options)[0]?.date;
}

/** Which side of the article date a bare weekday lies on. */
type Side = 'past' | 'future' | 'as-parsed';

function readResult(r: chrono.ParsedResult, text: string, reference: string | undefined, forward: boolean): EventDate | undefined {
  const tags = r.tags();
  if (DROPPED_TAGS.some((t) => tags.has(t))) return undefined;
  if (RELATIVE_TO_ANOTHER_EVENT.test(r.text)) return undefined;
  const s = r.start;
  const casualDay = [...tags].some((t) => t.startsWith('casualReference/'));
  const week = WEEK.test(r.text);
  const hasDatePart = s.isCertain('year') || s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday');
  if (!hasDatePart && !casualDay && !week) return undefined; // a time of day alone
  // chrono marks the year of "last month" certain: it is, given the reference.
  const relative = casualDay || tags.has('result/relativeDate') || !s.isCertain('year');
  if (reference === undefined && relative) return undefined;
  if (s.isCertain('weekday') && !s.isCertain('day') && insideName(text, r.index, r.text)) return undefined;

  // "next Friday", "last March": the words chose the side, and chrono read them.
  const side: Side = /\b(?:next|last|this|coming|past|previous)\b/i.test(r.text) ? 'as-parsed' : forward ? 'future' : 'past';
  // chrono takes a "them" before a relative expression into it ("them two weeks ago").
  const base = { text: r.text.trim().replace(/^them\s+/i, '').replace(/[\s,;:.]+$/, '') };
  if (r.end && (r.end.isCertain('day') || r.end.isCertain('month') || r.end.isCertain('year'))) {
    const start = dayOf(r.start, reference, side);
    const end = dayOf(r.end, reference, side);
    if (end < start) return undefined;
    return { value: `${start}/${end}`, precision: 'range', start, end, ...base };
  }
  if (week) {
    // chrono puts "this week" on its Sunday start, which is the week before in ISO's Monday-first count.
    const { start, end } = weekOf(/\bthis\s+week\b/i.test(r.text) && reference !== undefined ? reference : dayOf(s, reference, side));
    return { value: `${start}/${end}`, precision: 'range', start, end, ...base };
  }
  if (s.isCertain('day') || s.isCertain('weekday') || casualDay) {
    const day = dayOf(s, reference, side);
    return { value: day, precision: 'day', start: day, end: day, ...base };
  }
  if (s.isCertain('month')) {
    const year = s.get('year') ?? 0;
    const month = s.get('month') ?? 1;
    const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    return { value, precision: 'month', start: `${value}-01`, end: `${value}-${String(daysInMonth(year, month)).padStart(2, '0')}`, ...base };
  }
  const year = s.get('year') ?? 0;
  const value = String(year).padStart(4, '0');
  return { value, precision: 'year', start: `${value}-01-01`, end: `${value}-12-31`, ...base };
}

/** The day a chrono component set stands for, with the news-sense corrections of the module comment. */
function dayOf(c: ParsedComponents, reference: string | undefined, side: Side): string {
  let day = formatDay(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1);
  if (reference === undefined || side === 'as-parsed') return day;
  const forward = side === 'future';
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    // chrono takes the nearest such weekday, either side of the reference.
    if (!forward && day > reference) day = addDays(day, -7);
    if (forward && day < reference) day = addDays(day, 7);
  }
  return day;
}

/** A weekday that starts a name: "the Sunday Times", "Sunday Telegraph" after "the". */
function insideName(text: string, index: number, matched: string): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  const after = text.slice(index + matched.length, index + matched.length + 2);
  return /\bthe\s$/i.test(before) && /^\s\p{Lu}/u.test(after);
}
