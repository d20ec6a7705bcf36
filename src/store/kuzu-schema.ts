/**
 * Pure Kuzu statement generation from the graph schema: DDL, the CSV
 * encoding of values, and the COPY statements that bulk-load those CSVs.
 *
 * Kuzu's CSV reader cannot round-trip arbitrary strings (an empty field is
 * NULL, and list cells use an unescaped `[a,b]` syntax). So every column is
 * written as text and decoded in `COPY ... FROM (LOAD WITH HEADERS ... RETURN
 * ...)`: a STRING is written as `#` + value (so '' survives), a STRING[] as
 * `#` + its elements joined by U+001F (an element's own U+001F becomes a
 * space; empty elements are left out, as Kuzu's `string_split` drops them),
 * and `[]` for the empty list. The list is decoded by dropping the `#` and
 * splitting on U+001F, with no lambda: kuzu 0.11.3 crashes (SIGSEGV, heap
 * corruption) on `list_transform(..., x -> ...)` in a COPY of a few thousand
 * rows, which is what stopped the 1,500-article benchmark.
 */
import type { EdgeGroup, GraphSchema, PropertyType } from './graph-schema.js';
import { edgePairs, edgePropertyTypes, edgeTypes, nodeLabels } from './graph-schema.js';

export const LIST_SEPARATOR = '\u001f';
const STRING_MARK = '#';
const EMPTY_LIST = '[]';

/** A Kuzu identifier in backticks (a backtick inside is doubled). */
export const kuzuName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** A Kuzu string literal (single quotes; backslash and quote escaped). For file paths in COPY. */
export const kuzuString = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const KUZU_TYPES: Record<PropertyType, string> = {
  STRING: 'STRING',
  'STRING[]': 'STRING[]',
  INT64: 'INT64',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
};

const columns = (props: Record<string, PropertyType>): string =>
  Object.entries(props)
    .map(([name, type]) => `${kuzuName(name)} ${KUZU_TYPES[type]}`)
    .join(', ');

/** CREATE NODE TABLE / CREATE REL TABLE statements for the whole schema. */
export function createKuzuDdl(schema: GraphSchema): string[] {
  const out: string[] = [];
  for (const label of nodeLabels(schema)) {
    const node = schema.nodes[label]!;
    out.push(`CREATE NODE TABLE ${kuzuName(label)}(${columns(node.properties)}, PRIMARY KEY(${kuzuName(node.key)}))`);
  }
  for (const type of edgeTypes(schema)) {
    const pairs = edgePairs(schema, type)
      .map(([f, t]) => `FROM ${kuzuName(f)} TO ${kuzuName(t)}`)
      .join(', ');
    out.push(`CREATE REL TABLE ${kuzuName(type)}(${pairs}, ${columns(edgePropertyTypes(schema, type))})`);
  }
  return out;
}

/** One value as CSV cell text (see the module comment); null for a missing value. */
export function encodeKuzuCell(type: PropertyType, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'STRING':
      return STRING_MARK + String(value);
    case 'STRING[]': {
      const list = (Array.isArray(value) ? value : [value]).map((e) => String(e).replaceAll(LIST_SEPARATOR, ' ')).filter((e) => e !== '');
      if (list.length === 0) return EMPTY_LIST;
      return STRING_MARK + list.join(LIST_SEPARATOR);
    }
    case 'INT64':
      return typeof value === 'number' ? String(Math.trunc(value)) : String(value);
    case 'DOUBLE':
      return String(value);
    case 'BOOLEAN':
      return value ? 'true' : 'false';
  }
}

/** The Cypher expression that turns a LOAD FROM text column back into its typed value. */
function decodeExpression(name: string, type: PropertyType): string {
  const col = kuzuName(name);
  switch (type) {
    case 'STRING':
      return `substring(${col}, 2, size(${col}))`;
    case 'STRING[]':
      return (
        `CASE WHEN ${col} = '${EMPTY_LIST}' THEN CAST([] AS STRING[]) ` +
        `ELSE string_split(substring(${col}, 2, size(${col})), '${LIST_SEPARATOR}') END`
      );
    default:
      return col;
  }
}

const loadType = (type: PropertyType): string => (type === 'STRING' || type === 'STRING[]' ? 'STRING' : KUZU_TYPES[type]);

/** The CSV columns of an edge table before its properties: source and target node keys. */
export const EDGE_FROM_COLUMN = '_from';
export const EDGE_TO_COLUMN = '_to';

/** Quotes are escaped by doubling; Kuzu would otherwise treat a backslash as an escape character. */
const LOAD_OPTIONS = "(HEADER=true, PARALLEL=false, QUOTE='\"', ESCAPE='\"')";

/** COPY a node table from its encoded CSV file. */
export function createNodeCopy(schema: GraphSchema, label: string, file: string): string {
  const props = schema.nodes[label]!.properties;
  const entries = Object.entries(props);
  const header = entries.map(([n, t]) => `${kuzuName(n)} ${loadType(t)}`).join(', ');
  const ret = entries.map(([n, t]) => decodeExpression(n, t)).join(', ');
  return `COPY ${kuzuName(label)} FROM (LOAD WITH HEADERS (${header}) FROM ${kuzuString(file)} ${LOAD_OPTIONS} RETURN ${ret})`;
}

/**
 * COPY one (type, from, to) group into its REL table. A REL table with
 * several FROM/TO pairs needs the `from`/`to` options to pick the pair.
 */
export function createEdgeCopy(schema: GraphSchema, group: Pick<EdgeGroup, 'type' | 'fromLabel' | 'toLabel'>, file: string): string {
  const entries = Object.entries(edgePropertyTypes(schema, group.type));
  const header = [`${kuzuName(EDGE_FROM_COLUMN)} STRING`, `${kuzuName(EDGE_TO_COLUMN)} STRING`, ...entries.map(([n, t]) => `${kuzuName(n)} ${loadType(t)}`)].join(', ');
  const ret = [decodeExpression(EDGE_FROM_COLUMN, 'STRING'), decodeExpression(EDGE_TO_COLUMN, 'STRING'), ...entries.map(([n, t]) => decodeExpression(n, t))].join(', ');
  const pairs = edgePairs(schema, group.type);
  const options = pairs.length > 1 ? ` (from=${kuzuString(group.fromLabel)}, to=${kuzuString(group.toLabel)})` : '';
  return `COPY ${kuzuName(group.type)} FROM (LOAD WITH HEADERS (${header}) FROM ${kuzuString(file)} ${LOAD_OPTIONS} RETURN ${ret})${options}`;
}
