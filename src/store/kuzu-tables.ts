/**
 * Encodes the tables of a graph (`partitionGraph`: one per node label, one per
 * (edge type, source label, target label)) as the CSV lines Kuzu bulk-loads,
 * without building per-row property objects: the rows keep the graph's own
 * attribute objects and are encoded straight to text.
 *
 * This is the store's hot path at corpus size (per-row records plus
 * csv-stringify took longer than Kuzu's COPY itself), so it is a plain loop.
 */
import type { EdgeTable, GraphSchema, NodeTable, PropertyType } from './graph-schema.js';
import { EDGE_KEY_PROPERTY, edgePropertyTypes } from './graph-schema.js';
import { EDGE_FROM_COLUMN, EDGE_TO_COLUMN, chooseNullMark, encodeKuzuCell } from './kuzu-schema.js';

export interface KuzuColumn {
  readonly name: string;
  readonly type: PropertyType;
}

type Attrs = Readonly<Record<string, unknown>>;

const toColumns = (props: Readonly<Record<string, PropertyType>>): KuzuColumn[] => Object.entries(props).map(([name, type]) => ({ name, type }));

/** CSV columns of a node table: the schema's properties in order. */
export const nodeColumns = (schema: GraphSchema, label: string): KuzuColumn[] => toColumns(schema.nodes[label]!.properties);

/** CSV columns of an edge table: source key, target key, then the edge type's properties (edge key first). */
export const edgeColumns = (schema: GraphSchema, type: string): KuzuColumn[] => [
  { name: EDGE_FROM_COLUMN, type: 'STRING' },
  { name: EDGE_TO_COLUMN, type: 'STRING' },
  ...toColumns(edgePropertyTypes(schema, type)),
];

/** One CSV field: the null mark (text) or empty (number, boolean) for null, otherwise the cell text, quoted unless it is a number or boolean. */
function csvField(type: PropertyType, value: unknown, nullMark: string): string {
  const cell = encodeKuzuCell(type, value);
  if (cell === null) return type === 'STRING' || type === 'STRING[]' ? nullMark : '';
  if ((type === 'INT64' || type === 'DOUBLE') && typeof value === 'number') return cell;
  if (type === 'BOOLEAN') return cell;
  return `"${cell.includes('"') ? cell.replaceAll('"', '""') : cell}"`;
}

/** The CSV header line (no newline). */
export const csvHeader = (columns: readonly KuzuColumn[]): string => columns.map((c) => `"${c.name.replaceAll('"', '""')}"`).join(',');

const startsWithMark = (v: unknown): v is string => typeof v === 'string' && v.charCodeAt(0) === 0x1e;

/** The strings of a table that could clash with a null mark (they start with U+001E): keys and STRING properties. */
function markLike(keyLists: ReadonlyArray<readonly string[]>, attrs: readonly Attrs[], columns: readonly KuzuColumn[]): string[] {
  const found: string[] = [];
  for (const keys of keyLists) for (const k of keys) if (startsWithMark(k)) found.push(k);
  const names = columns.filter((c) => c.type === 'STRING').map((c) => c.name);
  for (const a of attrs) {
    for (const name of names) {
      const v = a[name];
      if (startsWithMark(v)) found.push(v);
    }
  }
  return found;
}

/** The null mark of a node table: equal to none of its STRING values. */
export const nodeNullMark = (table: NodeTable, columns: readonly KuzuColumn[]): string => chooseNullMark(markLike([table.keys], table.attrs, columns));

/** The null mark of an edge table: equal to none of its STRING values (node keys included). */
export const edgeNullMark = (table: EdgeTable, columns: readonly KuzuColumn[]): string =>
  chooseNullMark(markLike([table.keys, table.sources, table.targets], table.attrs, columns));

/**
 * One CSV line (with its newline) per row of the table from `start` to `end`.
 * A column named like the node key takes the graph key.
 */
export function encodeNodeRows(table: NodeTable, columns: readonly KuzuColumn[], keyName: string, nullMark: string, start: number, end: number): string {
  let out = '';
  for (let r = start; r < end; r++) {
    const attrs = table.attrs[r]!;
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const { name, type } = columns[c]!;
      line += (c === 0 ? '' : ',') + csvField(type, name === keyName ? table.keys[r] : attrs[name], nullMark);
    }
    out += line + '\n';
  }
  return out;
}

/** Edge rows as CSV lines: source key, target key, then the properties (the edge key from the graph). */
export function encodeEdgeRows(table: EdgeTable, columns: readonly KuzuColumn[], nullMark: string, start: number, end: number): string {
  let out = '';
  for (let r = start; r < end; r++) {
    const attrs = table.attrs[r]!;
    let line = `${csvField('STRING', table.sources[r], nullMark)},${csvField('STRING', table.targets[r], nullMark)}`;
    for (let c = 2; c < columns.length; c++) {
      const { name, type } = columns[c]!;
      line += ',' + csvField(type, name === EDGE_KEY_PROPERTY ? table.keys[r] : attrs[name], nullMark);
    }
    out += line + '\n';
  }
  return out;
}
