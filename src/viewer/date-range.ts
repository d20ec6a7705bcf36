/**
 * The viewer's date-range filter, as pure functions the page and the tests
 * share: whether an edge or a Quote (by its `dateStart`/`dateEnd`
 * attributes) falls in a range, and the range the graph's dates span.
 */

/** Whether a dated item overlaps [from, to] (days `YYYY-MM-DD`, either bound open when empty). Undated items are shown only when no bound is set. */
export function inDateRange(attributes: Readonly<Record<string, unknown>>, from: string, to: string): boolean {
  if (!from && !to) return true;
  const start = attributes['dateStart'];
  const end = attributes['dateEnd'];
  if (typeof start !== 'string' || typeof end !== 'string') return false;
  return (!from || end >= from) && (!to || start <= to);
}

/** The first and last day of every dated item, or undefined when nothing is dated. */
export function dateSpan(items: Iterable<Readonly<Record<string, unknown>>>): { min: string; max: string } | undefined {
  let min: string | undefined;
  let max: string | undefined;
  for (const a of items) {
    const s = a['dateStart'];
    const e = a['dateEnd'];
    if (typeof s === 'string' && (min === undefined || s < min)) min = s;
    if (typeof e === 'string' && (max === undefined || e > max)) max = e;
  }
  return min !== undefined && max !== undefined ? { min, max } : undefined;
}
