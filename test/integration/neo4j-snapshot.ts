/**
 * A Neo4j database's whole content as plain data, and the same shape made
 * from a graph (graph.json) and the schema, so that a push, graph.cypher,
 * the GraphML read by APOC and the neo4j-admin CSVs can each be compared
 * with the graph they came from. Values keep their Neo4j types: an integer
 * is `{ int: '12' }`, a float a number, a list an array. Empty lists are left
 * out (the neo4j-admin CSV format has no empty array: an empty field is no
 * property).
 */
import neo4j from 'neo4j-driver';
import type { NewsGraph } from '../../src/graph/attributes.js';
import type { Neo4jConnection } from '../../src/store/neo4j-store.js';
import { createEdgeRecord, createNodeRecord, edgePropertyTypes, loadGraphSchema } from '../../src/store/graph-schema.js';
import type { PropertyType } from '../../src/store/graph-schema.js';

export interface Snapshot {
  nodes: Array<{ labels: string[]; props: Record<string, unknown> }>;
  rels: Array<{ type: string; from: string; to: string; props: Record<string, unknown> }>;
}

function norm(v: unknown): unknown {
  if (neo4j.isInt(v)) return { int: v.toString() };
  if (Array.isArray(v)) return v.map(norm);
  return v;
}

function normProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props).sort()) {
    const v = props[k];
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = norm(v);
  }
  return out;
}

const byKey = (a: { props: Record<string, unknown> }, b: { props: Record<string, unknown> }): number =>
  String(a.props['key']).localeCompare(String(b.props['key']));

function withDriver<T>(conn: Neo4jConnection, f: (driver: ReturnType<typeof neo4j.driver>) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
  return f(driver).finally(() => driver.close());
}

/** Runs one statement (auto-commit) and returns its records as objects, values as the driver gives them. */
export async function run(conn: Neo4jConnection, cypher: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  return withDriver(conn, async (driver) => {
    const session = driver.session(conn.database ? { database: conn.database } : {});
    try {
      const result = await session.run(cypher, params);
      return result.records.map((r) => r.toObject() as Record<string, unknown>);
    } finally {
      await session.close();
    }
  });
}

/** Deletes every node, relationship, constraint and index. */
export async function wipe(conn: Neo4jConnection): Promise<void> {
  await run(conn, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  for (const c of await run(conn, 'SHOW CONSTRAINTS YIELD name')) await run(conn, `DROP CONSTRAINT \`${String(c['name'])}\``);
  for (const i of await run(conn, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")) await run(conn, `DROP INDEX \`${String(i['name'])}\``);
}

export async function snapshot(conn: Neo4jConnection): Promise<Snapshot> {
  const nodes = await run(conn, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await run(conn, 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props');
  return {
    nodes: nodes.map((n) => ({ labels: [...(n['labels'] as string[])].sort(), props: normProps(n['props'] as Record<string, unknown>) })).sort(byKey),
    rels: rels.map((r) => ({ type: r['type'] as string, from: r['from'] as string, to: r['to'] as string, props: normProps(r['props'] as Record<string, unknown>) })).sort(byKey),
  };
}

function typed(type: PropertyType | undefined, v: unknown): unknown {
  switch (type) {
    case 'INT64':
      return { int: String(Math.trunc(Number(v))) };
    case 'DOUBLE':
      return Number(v);
    case 'STRING[]':
      return (Array.isArray(v) ? v : [v]).map(String);
    default:
      return v;
  }
}

/** What a database holding exactly `graph` gives as its snapshot (schema properties, Neo4j types). */
export function expectedSnapshot(graph: NewsGraph): Snapshot {
  const schema = loadGraphSchema();
  const nodes = graph.mapNodes((key, a) => {
    const label = a.label;
    const types = schema.nodes[label]!.properties;
    const record = createNodeRecord(schema, label, key, a as unknown as Record<string, unknown>);
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record.props)) props[k] = typed(types[k], v);
    return { labels: [label], props: normProps(props) };
  });
  const rels = graph.mapEdges((key, a, source, target) => {
    const types = edgePropertyTypes(schema, a.type);
    const record = createEdgeRecord(schema, a.type, key, source, target, a as unknown as Record<string, unknown>);
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record.props)) props[k] = typed(types[k], v);
    return { type: a.type, from: source, to: target, props: normProps(props) };
  });
  return { nodes: nodes.sort(byKey), rels: rels.sort(byKey) };
}

/** Node counts by label and relationship counts by type, from a snapshot. */
export function countsOf(s: Snapshot): { labels: Record<string, number>; types: Record<string, number> } {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const n of s.nodes) for (const l of n.labels) labels[l] = (labels[l] ?? 0) + 1;
  for (const r of s.rels) types[r.type] = (types[r.type] ?? 0) + 1;
  return { labels, types };
}

/**
 * Splits a Cypher script into statements the way cypher-shell -f does: at a
 * `;` outside strings, quoted names and comments.
 */
export function splitCypherScript(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === ';') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out.map((s) => s.replace(/^(\s*\/\/[^\n]*\n)+/, '').trim()).filter((s) => s.length > 0 && !/^(\s*\/\/[^\n]*\n?)*$/.test(s));
}
