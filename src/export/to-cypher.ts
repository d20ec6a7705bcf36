/**
 * The graph as a Cypher script for Neo4j (`out/graph.cypher`), runnable with
 * `cypher-shell -f out/graph.cypher` and idempotent: constraints and indexes
 * first (IF NOT EXISTS), then batched `UNWIND [...] AS row MERGE` on the
 * stable keys, every value an escaped Cypher literal. Pure.
 */
import type { NewsGraph } from '../graph/attributes.js';
import type { EdgeRecord, GraphSchema, NodeRecord, PropertyType } from '../store/graph-schema.js';
import { createEdgeRecord, createNodeRecord, edgePropertyTypes, loadGraphSchema, partitionGraph } from '../store/graph-schema.js';
import { createConstraintStatements, mergeEdgesStatement, mergeNodesStatement } from '../store/neo4j-statements.js';
import { cypherLiteral, cypherMap, cypherString } from './cypher-escape.js';
import { shellQuote } from './to-neo4j-csv.js';

export interface CypherScriptOptions {
  /** Rows per UNWIND statement (default 500). */
  batchSize?: number;
  schema?: GraphSchema;
  /** Where the script is written, for the command in its header (default out/graph.cypher). */
  file?: string;
}

/** The properties to SET (the key is already in the MERGE pattern). */
function propsLiteral(types: Record<string, PropertyType>, props: Record<string, unknown>): string {
  return cypherMap(Object.entries(props).filter(([k]) => k !== 'key').map(([k, v]) => [k, cypherLiteral(types[k]!, v)] as const));
}

const nodeRow = (types: Record<string, PropertyType>, r: NodeRecord): string =>
  cypherMap([
    ['key', cypherString(r.key)],
    ['props', propsLiteral(types, r.props)],
  ]);

const edgeRow = (types: Record<string, PropertyType>, r: EdgeRecord): string =>
  cypherMap([
    ['key', cypherString(r.key)],
    ['from', cypherString(r.from)],
    ['to', cypherString(r.to)],
    ['props', propsLiteral(types, r.props)],
  ]);

/** The statements of the script, each without its trailing `;`. */
export function createCypherStatements(graph: NewsGraph, options: CypherScriptOptions = {}): string[] {
  return [...cypherStatements(graph, options)];
}

/** `[\n  row,\n  row\n]` for the rows `start` to `end`. */
function rowList(start: number, end: number, row: (r: number) => string): string {
  let out = '[';
  for (let r = start; r < end; r++) out += `${r === start ? '\n  ' : ',\n  '}${row(r)}`;
  return `${out}\n]`;
}

/**
 * The statements of the script, made one batch at a time as they are read:
 * the rows of a batch are picked from the graph's attributes when it is made,
 * so no copy of the graph's properties is held (see `partitionGraph` for the
 * groups and their order).
 */
function* cypherStatements(graph: NewsGraph, options: CypherScriptOptions = {}): Generator<string> {
  const schema = options.schema ?? loadGraphSchema();
  const size = options.batchSize ?? 500;
  const tables = partitionGraph(graph, schema);
  yield* createConstraintStatements(schema);
  for (const table of tables.nodes) {
    const types = schema.nodes[table.label]!.properties;
    for (let start = 0; start < table.keys.length; start += size) {
      const end = Math.min(table.keys.length, start + size);
      yield mergeNodesStatement(schema, table.label, rowList(start, end, (r) => nodeRow(types, createNodeRecord(schema, table.label, table.keys[r]!, table.attrs[r]!))));
    }
  }
  for (const table of tables.edges) {
    const types = edgePropertyTypes(schema, table.type);
    for (let start = 0; start < table.keys.length; start += size) {
      const end = Math.min(table.keys.length, start + size);
      yield mergeEdgesStatement(schema, table, rowList(start, end, (r) => edgeRow(types, createEdgeRecord(schema, table.type, table.keys[r]!, table.sources[r]!, table.targets[r]!, table.attrs[r]!))));
    }
  }
}

/** The whole script: a header comment, then one statement per line group, each ending in `;`. */
export function toCypherScript(graph: NewsGraph, options: CypherScriptOptions = {}): string {
  return toCypherScriptLines(graph, options).join('\n');
}

/** The lines of `toCypherScript` (joined by `\n` they are its text, ending in a newline). */
export function toCypherScriptLines(graph: NewsGraph, options: CypherScriptOptions = {}): string[] {
  return [...cypherScriptLines(graph, options)];
}

/** The lines of `toCypherScript`, made one statement at a time as they are read (see `cypherStatements`). */
export function* cypherScriptLines(graph: NewsGraph, options: CypherScriptOptions = {}): Generator<string> {
  yield '// newsgraph graph for Neo4j. Idempotent: run it again and nothing changes.';
  yield `//   cypher-shell -a neo4j://localhost:7687 -u neo4j -d neo4j -f ${shellQuote(options.file ?? 'out/graph.cypher').replace(/[\r\n\u0085\u2028\u2029]/g, ' ')}`; // a line break would end the comment
  yield `// ${graph.order} nodes, ${graph.size} relationships.`;
  for (const statement of cypherStatements(graph, options)) yield `${statement};`;
  yield '';
}
