/**
 * The Cypher statements newsgraph sends to Neo4j, generated from the graph
 * schema (pure): key constraints and relationship key indexes, and the
 * batched `UNWIND ... MERGE` statements. `push` passes the rows as the
 * `$rows` parameter; the script exporter writes them as a literal list.
 */
import { cypherName } from '../export/cypher-escape.js';
import type { EdgeGroup, GraphSchema } from './graph-schema.js';
import { EDGE_KEY_PROPERTY, edgeTypes, nodeLabels } from './graph-schema.js';
import { SchemaError } from '../errors.js';

const constraintName = (label: string, prop: string): string => cypherName(`${label.toLowerCase()}_${prop}`);

/** One uniqueness constraint per node label on its key, one range index per relationship type on its key. */
export function createConstraintStatements(schema: GraphSchema): string[] {
  const out: string[] = [];
  for (const label of nodeLabels(schema)) {
    const key = schema.nodes[label]!.key;
    out.push(`CREATE CONSTRAINT ${constraintName(label, key)} IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.${cypherName(key)} IS UNIQUE`);
  }
  for (const type of edgeTypes(schema)) {
    out.push(
      `CREATE INDEX ${constraintName(type, EDGE_KEY_PROPERTY)} IF NOT EXISTS FOR ()-[r:${cypherName(type)}]-() ON (r.${cypherName(EDGE_KEY_PROPERTY)})`,
    );
  }
  return out;
}

/** The text of `schema/constraints.cypher`. */
export function renderConstraintsFile(schema: GraphSchema): string {
  return [
    '// Neo4j constraints and indexes for newsgraph, generated from schema/graph.schema.json',
    '// (test/store/neo4j-files.test.ts fails if they drift; NG_WRITE_SCHEMA=1 rewrites this file).',
    '// Run once before loading: cypher-shell -f schema/constraints.cypher',
    ...createConstraintStatements(schema).map((s) => `${s};`),
    '',
  ].join('\n');
}

/** `rows` items: {key, props}. Creates or updates the nodes of one label. */
export function mergeNodesStatement(schema: GraphSchema, label: string, rows = '$rows'): string {
  const key = cypherName(schema.nodes[label]!.key);
  return `UNWIND ${rows} AS row MERGE (n:${cypherName(label)} {${key}: row.key}) SET n += row.props`;
}

/**
 * `rows` items: {key, from, to, props}. Creates or updates the edges of one
 * (type, from, to) group. (`row.from` is bound by WITH first: Neo4j's linter
 * reads `{key: row.from}` inside MATCH as an unknown property key `from`.)
 */
export function mergeEdgesStatement(schema: GraphSchema, group: Pick<EdgeGroup, 'type' | 'fromLabel' | 'toLabel'>, rows = '$rows'): string {
  const fromKey = cypherName(schema.nodes[group.fromLabel]!.key);
  const toKey = cypherName(schema.nodes[group.toLabel]!.key);
  return (
    `UNWIND ${rows} AS row WITH row, row.from AS fromKey, row.to AS toKey ` +
    `MATCH (a:${cypherName(group.fromLabel)} {${fromKey}: fromKey}) ` +
    `MATCH (b:${cypherName(group.toLabel)} {${toKey}: toKey}) ` +
    `MERGE (a)-[r:${cypherName(group.type)} {${cypherName(EDGE_KEY_PROPERTY)}: row.key}]->(b) SET r += row.props`
  );
}

/**
 * `rows` items: {key, from, fromLabel, to, toLabel, props}. Creates or updates
 * the edges of one type between any of the given labels, so that a push plans
 * one statement per type rather than one per (type, from, to) pair. Each end
 * is found by a union of the labels' key-constraint seeks (`a:Person|Country`)
 * and must carry its row's label.
 */
export function mergeTypeEdgesStatement(schema: GraphSchema, type: string, fromLabels: readonly string[], toLabels: readonly string[]): string {
  const end = (labels: readonly string[]): string => {
    const keys = new Set(labels.map((l) => schema.nodes[l]!.key));
    if (keys.size !== 1) throw new SchemaError(`labels ${labels.join(', ')} of ${type} edges have different key properties`, 'SCHEMA_VIOLATION');
    return `${labels.map(cypherName).join('|')} {${cypherName([...keys][0]!)}`;
  };
  return (
    `UNWIND $rows AS row WITH row, row.from AS fromKey, row.to AS toKey ` +
    `MATCH (a:${end(fromLabels)}: fromKey}) WHERE row.fromLabel IN labels(a) ` +
    `MATCH (b:${end(toLabels)}: toKey}) WHERE row.toLabel IN labels(b) ` +
    `MERGE (a)-[r:${cypherName(type)} {${cypherName(EDGE_KEY_PROPERTY)}: row.key}]->(b) SET r += row.props`
  );
}

/** Splits a list into batches of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
