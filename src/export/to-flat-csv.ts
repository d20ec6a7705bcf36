/**
 * The graph as two flat tables for spreadsheets and dataframes: `edges.csv`
 * (one row per act or affiliation) and `quotes.csv` (one row per
 * quotation), with entity names rather than keys. Pure: graph -> CSV text
 * pieces.
 *
 * Spreadsheet safety: a text cell starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return would be read as a formula by Excel, LibreOffice or
 * Google Sheets (CSV injection), so it gets a leading apostrophe, which those
 * programs show as text and do not display (a cell that starts with an
 * apostrophe gets one more, so it shows as written). Numbers stay numbers. The
 * neo4j-admin CSVs (`to-neo4j-csv.ts`) are not neutralised: neo4j-admin
 * would import the apostrophe as part of the value, so they stay exact data
 * for the database; these two files are the ones to open in a spreadsheet.
 */
import { stringify } from 'csv-stringify/sync';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../graph/attributes.js';
import { isEntityNode } from '../graph/attributes.js';
import { loadGraphSchema, type GraphSchema } from '../store/graph-schema.js';

export const EDGES_CSV = 'edges.csv';
export const QUOTES_CSV = 'quotes.csv';

export const EDGE_COLUMNS = [
  'source', 'source_type', 'type', 'target', 'target_type', 'evidence', 'article', 'date', 'date_precision', 'date_text', 'confidence', 'rule', 'modality', 'cue', 'start',
] as const;
export const QUOTE_COLUMNS = [
  'speaker', 'speaker_type', 'quote', 'addressee', 'addressee_type', 'evidence', 'article', 'date', 'date_precision', 'date_text', 'confidence', 'rule', 'cue', 'start',
] as const;

type Cell = string | number | null;

/** Formula starts, and the apostrophe itself (which spreadsheets would otherwise swallow). */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A text cell a spreadsheet shows as text: a leading apostrophe before a formula-like start. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function text(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  return neutraliseCell(String(v));
}
const num = (v: unknown): Cell => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function nameOf(a: NodeAttributes): string {
  return isEntityNode(a) ? a.name : a.label === 'Quote' ? a.text : a.label === 'Article' ? a.file : '';
}

/** Edge types whose properties are the relation set (acts and affiliations), in schema order. */
function relationTypes(schema: GraphSchema): Set<string> {
  return new Set(Object.entries(schema.edges).filter(([, e]) => e.properties === 'RELATION').map(([t]) => t));
}

function* csvRows(header: readonly string[], rows: Iterable<Cell[]>): Generator<string> {
  yield stringify([[...header]], { record_delimiter: 'unix' });
  for (const row of rows) yield stringify([row], { record_delimiter: 'unix' });
}

/** edges.csv, as pieces (header first), rows in article, offset, type order. */
export function edgesCsvPieces(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): Generator<string> {
  const types = relationTypes(schema);
  const rows: { sort: [string, number, string, string]; row: Cell[] }[] = [];
  graph.forEachEdge((key: string, e: EdgeAttributes, _s: string, _t: string, sa: NodeAttributes, ta: NodeAttributes) => {
    if (!types.has(e.type)) return;
    rows.push({
      sort: [e.article ?? '', e.start ?? 0, e.type, key],
      row: [
        text(nameOf(sa)), text(sa.label), text(e.type), text(nameOf(ta)), text(ta.label), text(e.evidence), text(e.article),
        text(e.date), text(e.datePrecision), text(e.dateText), num(e.confidence), text(e.rule), text(e.modality), text(e.cue), num(e.start),
      ],
    });
  });
  rows.sort((a, b) => compare(a.sort, b.sort));
  return csvRows(EDGE_COLUMNS, rows.map((r) => r.row));
}

/** quotes.csv, as pieces (header first), rows in article, offset order. */
export function quotesCsvPieces(graph: NewsGraph): Generator<string> {
  const rows: { sort: [string, number, string, string]; row: Cell[] }[] = [];
  graph.forEachNode((key, a) => {
    if (a.label !== 'Quote') return;
    let speaker: NodeAttributes | undefined;
    let addressee: NodeAttributes | undefined;
    graph.forEachInEdge(key, (_e, attrs: EdgeAttributes, source: string) => {
      if (attrs.type === 'SAID') speaker = graph.getNodeAttributes(source);
    });
    graph.forEachOutEdge(key, (_e, attrs: EdgeAttributes, _s: string, target: string) => {
      if (attrs.type === 'SAID_TO') addressee = graph.getNodeAttributes(target);
    });
    rows.push({
      sort: [a.article, a.start, '', key],
      row: [
        text(speaker ? nameOf(speaker) : a.speaker), text(speaker?.label), text(a.text), text(addressee ? nameOf(addressee) : undefined), text(addressee?.label),
        text(a.evidence), text(a.article), text(a.date), text(a.datePrecision), text(a.dateText), num(a.confidence), text(a.rule), text(a.cue), num(a.start),
      ],
    });
  });
  rows.sort((x, y) => compare(x.sort, y.sort));
  return csvRows(QUOTE_COLUMNS, rows.map((r) => r.row));
}

function compare(a: readonly [string, number, string, string], b: readonly [string, number, string, string]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export const toEdgesCsv = (graph: NewsGraph): string => [...edgesCsvPieces(graph)].join('');
export const toQuotesCsv = (graph: NewsGraph): string => [...quotesCsvPieces(graph)].join('');
