/**
 * The graph as a Cypher script for Neo4j (`out/graph.cypher`), runnable with
 * `cypher-shell -f out/graph.cypher` and idempotent: constraints and indexes
 * first (IF NOT EXISTS), then batched `UNWIND [...] AS row MERGE` on the
 * stable keys, every value an escaped Cypher literal. Pure.
 */
import type { NewsGraph } from '../graph/attributes.js';
import type { EdgeRecord, GraphSchema, NodeRecord, PropertyType } from '../store/graph-schema.js';
import { edgePropertyTypes, groupGraph, loadGraphSchema } from '../store/graph-schema.js';
import { chunk, createConstraintStatements, mergeEdgesStatement, mergeNodesStatement } from '../store/neo4j-statements.js';
import { cypherLiteral, cypherMap, cypherString } from './cypher-escape.js';

export interface CypherScriptOptions {
  /** Rows per UNWIND statement (default 500). */
  batchSize?: number;
  schema?: GraphSchema;
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
  const schema = options.schema ?? loadGraphSchema();
  const size = options.batchSize ?? 500;
  const grouped = groupGraph(graph, schema);
  const out = createConstraintStatements(schema);
  for (const group of grouped.nodes) {
    const types = schema.nodes[group.label]!.properties;
    for (const batch of chunk(group.rows, size)) {
      out.push(mergeNodesStatement(schema, group.label, `[\n  ${batch.map((r) => nodeRow(types, r)).join(',\n  ')}\n]`));
    }
  }
  for (const group of grouped.edges) {
    const types = edgePropertyTypes(schema, group.type);
    for (const batch of chunk(group.rows, size)) {
      out.push(mergeEdgesStatement(schema, group, `[\n  ${batch.map((r) => edgeRow(types, r)).join(',\n  ')}\n]`));
    }
  }
  return out;
}

/** The whole script: a header comment, then one statement per line group, each ending in `;`. */
export function toCypherScript(graph: NewsGraph, options: CypherScriptOptions = {}): string {
  return toCypherScriptLines(graph, options).join('\n');
}

/** The lines of `toCypherScript` (joined by `\n` they are its text, ending in a newline). */
export function toCypherScriptLines(graph: NewsGraph, options: CypherScriptOptions = {}): string[] {
  const header = [
    '// newsgraph graph for Neo4j. Idempotent: run it again and nothing changes.',
    '//   cypher-shell -a neo4j://localhost:7687 -u neo4j -d neo4j -f out/graph.cypher',
    `// ${graph.order} nodes, ${graph.size} relationships.`,
  ];
  return [...header, ...createCypherStatements(graph, options).map((s) => `${s};`), ''];
}
