/**
 * Pure Kuzu statement generation from the graph schema: DDL, the CSV
 * encoding of values, and the COPY statements that bulk-load those CSVs.
 *
 * Kuzu's CSV reader reads a quoted field verbatim (doubled quotes, no
 * backslash escapes, newlines kept with PARALLEL=false), but an empty field
 * is NULL and list cells use an unescaped `[a,b]` syntax that trims and splits
 * elements. So:
 * - a missing value is written as a null mark, a string no STRING value of
 *   that table equals (`chooseNullMark`), passed as the COPY's NULL_STRINGS:
 *   '' then stays ''. Numbers and booleans are written plain (empty = NULL).
 * - a STRING is written as itself, quoted.
 * - a STRING[] is written as `#` + its elements joined by U+001F (an
 *   element's own U+001F becomes a space; empty elements are left out, as
 *   Kuzu's `string_split` drops them), and `[]` for the empty list; it is
 *   decoded in `COPY ... FROM (LOAD WITH HEADERS ... RETURN ...)` by dropping
 *   the `#` and splitting on U+001F, with no lambda: kuzu 0.11.3 crashes
 *   (SIGSEGV, heap corruption) on `list_transform(..., x -> ...)` in a COPY of
 *   a few thousand rows, which is what stopped the 1,500-article benchmark.
 * A table without list columns is copied straight from its file (no LOAD
 * subquery), which costs Kuzu about a third of the fixed cost of a COPY.
 */
import type { EdgeGroup, GraphSchema, PropertyType } from './graph-schema.js';
import { edgePairs, edgePropertyTypes, edgeTypes, nodeLabels } from './graph-schema.js';

const LIST_SEPARATOR = '\u001f';
const STRING_MARK = '#';
const EMPTY_LIST = '[]';

/** A Kuzu identifier in backticks (a backtick inside is doubled). */
export const kuzuName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** A Kuzu string literal (single quotes; backslash and quote escaped). For file paths in COPY. */
const kuzuString = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

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
      return String(value);
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
  if (type !== 'STRING[]') return col;
  return (
    `CASE WHEN ${col} = '${EMPTY_LIST}' THEN CAST([] AS STRING[]) ` +
    `ELSE string_split(substring(${col}, 2, size(${col})), '${LIST_SEPARATOR}') END`
  );
}

/** Kuzu's name of a schema property type. */
export const kuzuType = (type: PropertyType): string => KUZU_TYPES[type];

const loadType = (type: PropertyType): string => (type === 'STRING[]' ? 'STRING' : KUZU_TYPES[type]);

/** The CSV columns of an edge table before its properties: source and target node keys. */
export const EDGE_FROM_COLUMN = '_from';
export const EDGE_TO_COLUMN = '_to';

/** The null marks tried in turn: U+001E repeated (see `chooseNullMark`). */
const NULL_MARK_UNIT = '\u001e';

/**
 * The shortest run of U+001E that equals none of the given strings (the
 * STRING cells of one table): the table's null mark. List cells start with
 * `#` or are `[]`, so they never equal it.
 */
export function chooseNullMark(values: Iterable<unknown>): string {
  let longest = 0;
  for (const v of values) {
    // eslint-disable-next-line no-control-regex -- the null mark is made of record-separator characters
    if (typeof v === 'string' && v.length > longest && /^\u001e+$/.test(v)) longest = v.length;
  }
  return NULL_MARK_UNIT.repeat(longest + 1);
}

/**
 * CSV reading options: a header line; quotes escaped by doubling (Kuzu would
 * otherwise treat a backslash as an escape character); no parallel reading,
 * so quoted newlines are safe; the table's null mark. The dialect is all
 * given, so Kuzu's dialect sniffing is off (`AUTO_DETECT=false`): with it on,
 * each COPY parsed the start of its file once per candidate delimiter before
 * loading it (about 1 ms per COPY, 94 COPYs for the corpus graph).
 */
const csvOptions = (nullMark: string): string =>
  `(HEADER=true, AUTO_DETECT=false, DELIM=',', PARALLEL=false, QUOTE='"', ESCAPE='"', NULL_STRINGS=[${kuzuString(nullMark)}])`;

type Column = readonly [name: string, type: PropertyType];

/** COPY from a file: straight when no column needs decoding, else through LOAD WITH HEADERS ... RETURN. */
function copyFrom(table: string, columnsInFile: readonly Column[], file: string, nullMark: string, pairOptions: string): string {
  if (!columnsInFile.some(([, t]) => t === 'STRING[]')) {
    const options = csvOptions(nullMark);
    return `COPY ${kuzuName(table)} FROM ${kuzuString(file)} ${pairOptions ? `${options.slice(0, -1)}, ${pairOptions})` : options}`;
  }
  const header = columnsInFile.map(([n, t]) => `${kuzuName(n)} ${loadType(t)}`).join(', ');
  const ret = columnsInFile.map(([n, t]) => decodeExpression(n, t)).join(', ');
  return `COPY ${kuzuName(table)} FROM (LOAD WITH HEADERS (${header}) FROM ${kuzuString(file)} ${csvOptions(nullMark)} RETURN ${ret})${pairOptions ? ` (${pairOptions})` : ''}`;
}

/** COPY a node table from its encoded CSV file (columns in schema order). */
export function createNodeCopy(schema: GraphSchema, label: string, file: string, nullMark: string): string {
  return copyFrom(label, Object.entries(schema.nodes[label]!.properties), file, nullMark, '');
}

/**
 * COPY one (type, from, to) group into its REL table from its encoded CSV
 * file (source key, target key, then the properties). A REL table with
 * several FROM/TO pairs needs the `from`/`to` options to pick the pair.
 */
export function createEdgeCopy(schema: GraphSchema, group: Pick<EdgeGroup, 'type' | 'fromLabel' | 'toLabel'>, file: string, nullMark: string): string {
  const columnsInFile: Column[] = [[EDGE_FROM_COLUMN, 'STRING'], [EDGE_TO_COLUMN, 'STRING'], ...Object.entries(edgePropertyTypes(schema, group.type))];
  const pairs = edgePairs(schema, group.type);
  const pairOptions = pairs.length > 1 ? `from=${kuzuString(group.fromLabel)}, to=${kuzuString(group.toLabel)}` : '';
  return copyFrom(group.type, columnsInFile, file, nullMark, pairOptions);
}

/**
 * CREATE the rows of an encoded node CSV file (as `createNodeCopy` reads it) through LOAD FROM:
 * unlike COPY, which makes Kùzu checkpoint the whole table at COMMIT, it leaves the rows in the
 * write-ahead log, so adding a few rows to a big store costs what they are.
 */
export function createNodeInsert(schema: GraphSchema, label: string, file: string, nullMark: string): string {
  const props = Object.entries(schema.nodes[label]!.properties);
  const header = props.map(([n, t]) => `${kuzuName(n)} ${loadType(t)}`).join(', ');
  const values = props.map(([n, t]) => `${kuzuName(n)}: ${decodeExpression(n, t)}`).join(', ');
  return `LOAD WITH HEADERS (${header}) FROM ${kuzuString(file)} ${csvOptions(nullMark)} CREATE (:${kuzuName(label)} {${values}})`;
}

/** CREATE the edges of an encoded edge CSV file (as `createEdgeCopy` reads it) between existing nodes, through LOAD FROM (see `createNodeInsert`). */
export function createEdgeInsert(schema: GraphSchema, group: Pick<EdgeGroup, 'type' | 'fromLabel' | 'toLabel'>, file: string, nullMark: string): string {
  const props = Object.entries(edgePropertyTypes(schema, group.type));
  const header = [`${kuzuName(EDGE_FROM_COLUMN)} STRING`, `${kuzuName(EDGE_TO_COLUMN)} STRING`, ...props.map(([n, t]) => `${kuzuName(n)} ${loadType(t)}`)].join(', ');
  const values = props.map(([n, t]) => `${kuzuName(n)}: ${decodeExpression(n, t)}`).join(', ');
  const fromKey = kuzuName(schema.nodes[group.fromLabel]!.key);
  const toKey = kuzuName(schema.nodes[group.toLabel]!.key);
  const carried = [EDGE_TO_COLUMN, ...props.map(([n]) => n)].map(kuzuName).join(', ');
  return (
    `LOAD WITH HEADERS (${header}) FROM ${kuzuString(file)} ${csvOptions(nullMark)} ` +
    // One node at a time, the loaded row carried along: a pattern with both nodes is planned as a
    // join with every pair of nodes, and two MATCH clauses in a row paired rows with the wrong nodes.
    `MATCH (a:${kuzuName(group.fromLabel)} {${fromKey}: ${kuzuName(EDGE_FROM_COLUMN)}}) WITH a, ${carried} ` +
    `MATCH (b:${kuzuName(group.toLabel)} {${toKey}: ${kuzuName(EDGE_TO_COLUMN)}}) ` +
    `CREATE (a)-[:${kuzuName(group.type)} {${values}}]->(b)`
  );
}
