/**
 * Pure formatting of query results for the terminal: an aligned text table
 * whose long values wrap within their column to fit a width (or stay on one
 * line when no width is given), and CSV records.
 */
import { stringify } from 'csv-stringify/sync';
import { printable } from '../io/printable.js';

/**
 * One value as a single line of text, safe for a terminal (control characters such as ESC escaped,
 * since names and quotes come from scraped files). Nodes and relationships show their label and name or key.
 */
function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return printable(value.replace(/\s*[\r\n]+\s*/g, ' '));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatCell).join(', ')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o._nodes) && Array.isArray(o._rels)) {
      return (o._nodes as unknown[]).map(formatCell).join(' - ');
    }
    if (typeof o._label === 'string') {
      const id = o.name ?? o.key ?? o.title ?? o.text;
      const isRel = '_src' in o;
      return isRel ? `[:${o._label}]` : `(:${o._label}${id === undefined || id === null ? '' : ` ${formatCell(id)}`})`;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** Visible width of a string (code points; good enough for a terminal table). */
const width = (s: string): number => [...s].length;

const SEPARATOR = ' | ';
/** A column is never wrapped narrower than this (or its header, if shorter). */
const MIN_COLUMN = 12;

/**
 * Column widths that fit `total` characters: columns narrower than their
 * fair share keep their width, the rest share what is left.
 */
export function fitWidths(natural: readonly number[], total: number | undefined): number[] {
  if (total === undefined) return [...natural];
  let room = total - SEPARATOR.length * Math.max(0, natural.length - 1);
  const widths = [...natural];
  const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  order.forEach(([w, i], k) => {
    const share = Math.floor(room / (order.length - k));
    widths[i] = Math.max(Math.min(w, MIN_COLUMN), Math.min(w, share));
    room -= widths[i]!;
  });
  return widths;
}

/** Lines of at most `w` characters, broken at spaces where possible. */
export function wrap(text: string, w: number): string[] {
  const chars = [...text];
  if (chars.length <= w) return [text];
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > w) {
    let cut = -1;
    for (let k = start + w; k > start; k--) {
      if (chars[k] === ' ') {
        cut = k;
        break;
      }
    }
    if (cut === -1) {
      lines.push(chars.slice(start, start + w).join(''));
      start += w;
    } else {
      lines.push(chars.slice(start, cut).join(''));
      start = cut + 1;
    }
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));

/**
 * Writes an aligned table row by row. Column widths come from the header and
 * the first `sample` rows; later rows use the same widths, so memory stays
 * bounded however many rows there are. With `maxWidth`, a table wider than
 * that wraps long values within their column; without it each row is one line.
 */
export class TableWriter {
  private readonly pending: string[][] = [];
  private widths: number[] | undefined;
  rows = 0;

  constructor(
    private readonly columns: readonly string[],
    private readonly write: (text: string) => void,
    private readonly options: { maxWidth?: number; sample?: number } = {},
  ) {}

  add(row: Record<string, unknown>): void {
    this.rows++;
    const cells = this.columns.map((c) => formatCell(row[c]));
    if (this.widths) this.emit(cells);
    else {
      this.pending.push(cells);
      if (this.pending.length >= (this.options.sample ?? 1000)) this.flush();
    }
  }

  /** Writes what is left and the footer line. */
  end(footer: string): void {
    this.flush();
    this.write(`${footer}\n`);
  }

  private flush(): void {
    if (this.widths) return;
    const natural = this.columns.map((c) => width(printable(c)));
    for (const cells of this.pending) cells.forEach((s, i) => (natural[i] = Math.max(natural[i]!, width(s))));
    this.widths = fitWidths(natural, this.options.maxWidth);
    this.emit(this.columns.map(printable));
    this.write(`${this.widths.map((w) => '-'.repeat(w)).join('-+-')}\n`);
    for (const cells of this.pending) this.emit(cells);
    this.pending.length = 0;
  }

  private emit(cells: readonly string[]): void {
    const widths = this.widths!;
    const wrapped = cells.map((s, i) => (this.options.maxWidth === undefined ? [s] : wrap(s, widths[i]!)));
    const height = Math.max(...wrapped.map((l) => l.length));
    let out = '';
    for (let line = 0; line < height; line++) {
      out += `${wrapped.map((l, i) => pad(l[line] ?? '', widths[i]!)).join(SEPARATOR).trimEnd()}\n`;
    }
    this.write(out);
  }
}

/** An aligned table with a header rule and a row count line (all rows at once; see TableWriter). */
export function formatTable(columns: readonly string[], rows: readonly Record<string, unknown>[], maxWidth?: number): string {
  let out = '';
  const table = new TableWriter(columns, (s) => (out += s), maxWidth === undefined ? {} : { maxWidth });
  for (const row of rows) table.add(row);
  table.end(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return out.replace(/\n$/, '');
}

/** One value as a CSV field: text as is, lists and nodes as JSON, null as empty. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One CSV record (RFC 4180: quoted where needed, CRLF-free line ends). */
export function csvRecord(values: readonly unknown[]): string {
  return stringify([values.map(csvValue)]);
}
