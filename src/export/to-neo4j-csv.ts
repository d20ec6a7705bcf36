/**
 * The graph as CSV files for `neo4j-admin database import full`: one node
 * file per label (`key:ID`, typed property columns, `:LABEL`) and one
 * relationship file per type (`:START_ID`, `:END_ID`, `:TYPE`, properties),
 * plus the exact import command. Node keys are unique across labels, so one
 * global ID space is used. Lists use U+001F as array delimiter (an element's
 * own U+001F becomes a space); strings are always quoted, so an empty string
 * stays an empty string while a missing value is an empty field.
 * `createNeo4jCsv` is pure; `writeNeo4jCsv` writes the files.
 */
import { writeFileAtomic } from '../io/write-atomic.js';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { NewsGraph } from '../graph/attributes.js';
import type { GraphSchema, PropertyType } from '../store/graph-schema.js';
import { edgePropertyTypes, groupGraph, loadGraphSchema } from '../store/graph-schema.js';

export const NEO4J_ARRAY_DELIMITER = '\u001f';

const HEADER_TYPES: Record<PropertyType, string> = {
  STRING: '',
  'STRING[]': ':string[]',
  INT64: ':long',
  DOUBLE: ':double',
  BOOLEAN: ':boolean',
};

export interface CsvFile {
  /** File name, relative to the output folder. */
  readonly name: string;
  readonly kind: 'nodes' | 'relationships';
  readonly content: string;
  readonly rows: number;
}

function cell(type: PropertyType, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'STRING':
      return String(value);
    case 'STRING[]': {
      const list = Array.isArray(value) ? value : [value];
      return list.length === 0 ? null : list.map((v) => String(v).replaceAll(NEO4J_ARRAY_DELIMITER, ' ')).join(NEO4J_ARRAY_DELIMITER);
    }
    case 'INT64':
      return Math.trunc(Number(value));
    case 'DOUBLE':
      return Number(value);
    case 'BOOLEAN':
      return value ? 'true' : 'false';
  }
}

/** Header unquoted (neo4j-admin reads `name:type` fields), data strings always quoted. */
const csv = (header: string[], rows: Array<Array<string | number | null>>): string =>
  `${header.join(',')}\n${stringify(rows, { quoted_string: true, record_delimiter: 'unix' })}`;

/** The CSV files (header row first) for the whole graph; labels/types with no rows get no file. */
export function createNeo4jCsv(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): CsvFile[] {
  const grouped = groupGraph(graph, schema);
  const files: CsvFile[] = [];
  for (const group of grouped.nodes) {
    if (group.rows.length === 0) continue;
    const node = schema.nodes[group.label]!;
    const props = Object.entries(node.properties).filter(([n]) => n !== node.key);
    const header = [`${node.key}:ID`, ...props.map(([n, t]) => n + HEADER_TYPES[t]), ':LABEL'];
    const rows = group.rows.map((r) => [r.key, ...props.map(([n, t]) => cell(t, r.props[n])), group.label]);
    files.push({ name: `nodes-${group.label}.csv`, kind: 'nodes', content: csv(header, rows), rows: rows.length });
  }
  const byType = new Map<string, Array<Array<string | number | null>>>();
  for (const group of grouped.edges) {
    const props = Object.entries(edgePropertyTypes(schema, group.type));
    const rows = byType.get(group.type) ?? [];
    for (const r of group.rows) rows.push([r.from, r.to, group.type, ...props.map(([n, t]) => cell(t, r.props[n]))]);
    byType.set(group.type, rows);
  }
  for (const [type, rows] of byType) {
    if (rows.length === 0) continue;
    const props = Object.entries(edgePropertyTypes(schema, type));
    const header = [':START_ID', ':END_ID', ':TYPE', ...props.map(([n, t]) => n + HEADER_TYPES[t])];
    files.push({ name: `relationships-${type}.csv`, kind: 'relationships', content: csv(header, rows), rows: rows.length });
  }
  return files;
}

/** Quotes a shell word when it needs it (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The `neo4j-admin database import full` command for files in `dir`, into `database`. */
export function createImportCommand(files: readonly Pick<CsvFile, 'name' | 'kind'>[], dir: string, database = 'neo4j'): string {
  const args = [
    'neo4j-admin',
    'database',
    'import',
    'full',
    '--array-delimiter=U+001F',
    '--multiline-fields=true',
    '--id-type=string',
    ...files.map((f) => `--${f.kind}=${path.join(dir, f.name)}`),
    database,
  ];
  return args.map(shellQuote).join(' ');
}

export interface Neo4jCsvResult {
  /** Paths written. */
  files: string[];
  /** The import command to run (database offline or new). */
  command: string;
}

/** Writes the CSV files into `dir` (e.g. `out/neo4j`) and returns the import command. */
export async function writeNeo4jCsv(graph: NewsGraph, dir: string, database = 'neo4j', schema: GraphSchema = loadGraphSchema()): Promise<Neo4jCsvResult> {
  const files = createNeo4jCsv(graph, schema);
  for (const f of files) await writeFileAtomic(path.join(dir, f.name), f.content);
  return { files: files.map((f) => path.join(dir, f.name)), command: createImportCommand(files, dir, database) };
}

