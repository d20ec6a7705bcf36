/**
 * Calendar days as `YYYY-MM-DD` strings (UTC, no time of day): checking,
 * adding days, first and last days of a week, month or year. Pure.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a year, month (1-12) and day, zero-padded. */
export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day of a UTC time, `YYYY-MM-DD`. */
const dayOfTime = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Milliseconds of a day's midnight UTC, or NaN when the text is not a real calendar day. */
export function timeOfDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2026-02-30 over into March; a real day reads back the same.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return t;
}

export const isCalendarDay = (day: string): boolean => !Number.isNaN(timeOfDay(day));

export const addDays = (day: string, n: number): string => dayOfTime(timeOfDay(day) + n * DAY_MS);

/** Number of days in a month (1-12) of a year. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Monday and Sunday of the ISO week holding `day`. */
export function weekOf(day: string): { start: string; end: string } {
  const weekday = (new Date(timeOfDay(day)).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const start = addDays(day, -weekday);
  return { start, end: addDays(start, 6) };
}
