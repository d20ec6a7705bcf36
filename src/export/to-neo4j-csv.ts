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
import { createEdgeRecord, createNodeRecord, edgePropertyTypes, edgeTypes, loadGraphSchema, partitionGraph } from '../store/graph-schema.js';

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

/** Rows stringified per piece of a file: small pieces, which V8 collects young (see `writeStrings`). */
const ROWS_PER_PIECE = 128;

type Row = Array<string | number | null>;

/** One CSV file of the import, its text made piece by piece as it is read. */
interface CsvFileSource {
  readonly name: string;
  readonly kind: 'nodes' | 'relationships';
  readonly rows: number;
  /** The header line, then the data rows a few thousand at a time (each piece ends with a newline). */
  pieces(): Generator<string>;
}

/** Header unquoted (neo4j-admin reads `name:type` fields), data strings always quoted. */
function* csvPieces(header: readonly string[], rows: Iterable<Row>): Generator<string> {
  yield `${header.join(',')}\n`;
  let piece: Row[] = [];
  for (const row of rows) {
    piece.push(row);
    if (piece.length < ROWS_PER_PIECE) continue;
    yield stringify(piece, { quoted_string: true, record_delimiter: 'unix' });
    piece = [];
  }
  if (piece.length) yield stringify(piece, { quoted_string: true, record_delimiter: 'unix' });
}

/**
 * The CSV files of the whole graph, in the order `createNeo4jCsv` gives them;
 * labels and types with no rows get no file. Only references into the graph
 * are held; the text of a file is made when its pieces are read.
 */
function createNeo4jCsvSources(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): CsvFileSource[] {
  const tables = partitionGraph(graph, schema);
  const files: CsvFileSource[] = [];
  for (const table of tables.nodes) {
    if (table.keys.length === 0) continue;
    const node = schema.nodes[table.label]!;
    const props = Object.entries(node.properties).filter(([n]) => n !== node.key);
    const header = [`${node.key}:ID`, ...props.map(([n, t]) => n + HEADER_TYPES[t]), ':LABEL'];
    function* rows(): Generator<Row> {
      for (let r = 0; r < table.keys.length; r++) {
        const record = createNodeRecord(schema, table.label, table.keys[r]!, table.attrs[r]!);
        yield [record.key, ...props.map(([n, t]) => cell(t, record.props[n])), table.label];
      }
    }
    files.push({ name: `nodes-${table.label}.csv`, kind: 'nodes', rows: table.keys.length, pieces: () => csvPieces(header, rows()) });
  }
  for (const type of edgeTypes(schema)) {
    const parts = tables.edges.filter((t) => t.type === type && t.keys.length > 0);
    const count = parts.reduce((n, t) => n + t.keys.length, 0);
    if (count === 0) continue;
    const props = Object.entries(edgePropertyTypes(schema, type));
    const header = [':START_ID', ':END_ID', ':TYPE', ...props.map(([n, t]) => n + HEADER_TYPES[t])];
    // The rows of the type's tables (one per label pair), one table after another.
    function* rows(): Generator<Row> {
      for (const t of parts) {
        for (let k = 0; k < t.keys.length; k++) {
          const record = createEdgeRecord(schema, type, t.keys[k]!, t.sources[k]!, t.targets[k]!, t.attrs[k]!);
          yield [record.from, record.to, type, ...props.map(([n, pt]) => cell(pt, record.props[n]))];
        }
      }
    }
    files.push({ name: `relationships-${type}.csv`, kind: 'relationships', rows: count, pieces: () => csvPieces(header, rows()) });
  }
  return files;
}

/** The CSV files (header row first) for the whole graph; labels/types with no rows get no file. */
export function createNeo4jCsv(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): CsvFile[] {
  return createNeo4jCsvSources(graph, schema).map((f) => ({ name: f.name, kind: f.kind, content: [...f.pieces()].join(''), rows: f.rows }));
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
    // The database first: after a list option (--relationships=a b ...) neo4j-admin would read it as one more file.
    database,
    '--array-delimiter=U+001F',
    '--multiline-fields=true',
    '--id-type=string',
    ...files.map((f) => `--${f.kind}=${path.join(dir, f.name)}`),
  ];
  return args.map(shellQuote).join(' ');
}

export interface Neo4jCsvResult {
  /** Paths written. */
  files: string[];
  /** The import command to run (database offline or new). */
  command: string;
}

/** Writes the CSV files into `dir` (e.g. `out/neo4j`), each streamed, and returns the import command. */
export async function writeNeo4jCsv(graph: NewsGraph, dir: string, database = 'neo4j', schema: GraphSchema = loadGraphSchema()): Promise<Neo4jCsvResult> {
  const files = createNeo4jCsvSources(graph, schema);
  for (const f of files) await writeFileAtomic(path.join(dir, f.name), { chunks: f.pieces() });
  return { files: files.map((f) => path.join(dir, f.name)), command: createImportCommand(files, dir, database) };
}

