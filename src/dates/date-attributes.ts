/**
 * An EventDate as the flat graph attributes every exporter writes
 * (`date`, `datePrecision`, `dateStart`, `dateEnd`, `dateText`). Pure.
 */
import type { DatePrecision, EventDate } from '../types.js';

export interface DateAttributes {
  date?: string;
  datePrecision?: DatePrecision;
  dateStart?: string;
  dateEnd?: string;
  dateText?: string;
}

export function dateAttributes(d: EventDate | undefined): DateAttributes {
  if (!d) return {};
  return { date: d.value, datePrecision: d.precision, dateStart: d.start, dateEnd: d.end, ...(d.text ? { dateText: d.text } : {}) };
}
