/**
 * Pure formatting of query results for the terminal: an aligned text table
 * (values on one line each, long cells cut with an ellipsis).
 */

/** One value as a single line of text. Nodes and relationships show their label and name or key. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\s*[\r\n]+\s*/g, ' ');
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

function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** An aligned table with a header rule and a row count line. */
export function formatTable(columns: readonly string[], rows: readonly Record<string, unknown>[], maxCell = 80): string {
  const cells = rows.map((r) => columns.map((c) => cut(formatCell(r[c]), maxCell)));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]!))));
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
  const line = (row: readonly string[]): string => row.map((s, i) => pad(s, widths[i]!)).join(' | ').trimEnd();
  const out = [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return out.join('\n');
}
