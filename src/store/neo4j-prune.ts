/**
 * What a push removes so that Neo4j holds the graph and nothing more: after
 * the MERGE batches have written every node and relationship of the graph,
 * relationships and nodes that newsgraph wrote but the graph no longer holds
 * (an article removed or replaced, an entity merged into another) are
 * deleted, and node properties the graph no longer gives (a role, an
 * affiliation, a list of duplicates) are removed, since `SET n += props`
 * only ever adds and overwrites.
 *
 * Scope: only what newsgraph writes is touched, that is nodes with one of
 * the schema's labels and relationships of one of its types, each with a
 * `key` property; anything else in the database (other labels, other types,
 * nodes without a key) is left alone. An edge's properties come whole from
 * its own article, so relationships are not checked for stale properties.
 *
 * Each step deletes or removes at most `limit` items per transaction and is
 * repeated until it touches fewer, so a big removal never makes one huge
 * transaction; a step cut off and run again only finishes its work, and a
 * second push finds nothing to do. `createPruneSteps` is pure; `runPrune`
 * sends the steps through the push's own retried transactions.
 */
import type { NewsGraph } from '../graph/attributes.js';
import { cypherName } from '../export/cypher-escape.js';
import type { GraphSchema } from './graph-schema.js';
import { EDGE_KEY_PROPERTY, createNodeRecord, edgeTypes, nodeLabels } from './graph-schema.js';

/** Items deleted or properties removed per transaction. */
const PRUNE_LIMIT = 10_000;

export interface PruneStep {
  readonly statement: string;
  readonly params: { readonly keys: readonly string[] };
  /** The most the statement touches at once (a literal in it: LIMIT takes no float, and a JS number travels as one). */
  readonly limit: number;
  /** The update counter that says how much the statement did. */
  readonly counter: 'relationshipsDeleted' | 'nodesDeleted' | 'propertiesSet';
  /** `WARNED relationships`, `Person nodes`, `Person.roles`, for messages. */
  readonly what: string;
}

export interface PruneStats {
  nodesDeleted: number;
  relationshipsDeleted: number;
  propertiesRemoved: number;
}

/** The steps that bring a database holding an earlier graph to `graph`: relationships, then nodes, then stale properties. Pure. */
export function createPruneSteps(graph: NewsGraph, schema: GraphSchema, limit = PRUNE_LIMIT): PruneStep[] {
  const edgeKeys = new Map<string, string[]>(edgeTypes(schema).map((t) => [t, []]));
  graph.forEachEdge((key, a) => edgeKeys.get(a.type)?.push(key));
  const nodes = new Map<string, { key: string; props: Readonly<Record<string, unknown>> }[]>(nodeLabels(schema).map((l) => [l, []]));
  graph.forEachNode((key, a) => nodes.get(a.label)?.push(createNodeRecord(schema, a.label, key, a as unknown as Record<string, unknown>)));
  const k = cypherName(EDGE_KEY_PROPERTY);
  const steps: PruneStep[] = [];
  for (const [type, keys] of edgeKeys) {
    steps.push({
      statement: `MATCH ()-[r:${cypherName(type)}]->() WHERE NOT r.${k} IN $keys WITH r LIMIT ${limit} DELETE r`,
      params: { keys },
      counter: 'relationshipsDeleted',
      limit,
      what: `${type} relationships`,
    });
  }
  for (const [label, records] of nodes) {
    const node = schema.nodes[label]!;
    const n = `n:${cypherName(label)}`;
    const key = cypherName(node.key);
    steps.push({
      statement: `MATCH (${n}) WHERE NOT n.${key} IN $keys WITH n LIMIT ${limit} DETACH DELETE n`,
      params: { keys: records.map((r) => r.key) },
      counter: 'nodesDeleted',
      limit,
      what: `${label} nodes`,
    });
    const required = new Set(node.required);
    for (const prop of Object.keys(node.properties).filter((p) => !required.has(p) && p !== node.key)) {
      const p = cypherName(prop);
      const having = records.filter((r) => r.props[prop] !== undefined).map((r) => r.key);
      // The shorter list travels: the nodes that keep the property, or those that lose it.
      const lacking = records.filter((r) => r.props[prop] === undefined).map((r) => r.key);
      steps.push(
        having.length <= lacking.length
          ? { statement: `MATCH (${n}) WHERE n.${p} IS NOT NULL AND NOT n.${key} IN $keys WITH n LIMIT ${limit} REMOVE n.${p}`, params: { keys: having }, counter: 'propertiesSet', limit, what: `${label}.${prop}` }
          : { statement: `UNWIND $keys AS k MATCH (${n} {${key}: k}) WHERE n.${p} IS NOT NULL WITH n LIMIT ${limit} REMOVE n.${p}`, params: { keys: lacking }, counter: 'propertiesSet', limit, what: `${label}.${prop}` },
      );
    }
  }
  return steps;
}

/**
 * Runs each step until it touches fewer than its limit. `write` runs one
 * statement in its own (retried) transaction and returns its update counters.
 */
export async function runPrune(steps: readonly PruneStep[], write: (step: PruneStep) => Promise<Record<string, number>>): Promise<PruneStats> {
  const stats: PruneStats = { nodesDeleted: 0, relationshipsDeleted: 0, propertiesRemoved: 0 };
  for (const step of steps) {
    for (;;) {
      const done = (await write(step))[step.counter] ?? 0;
      if (step.counter === 'nodesDeleted') stats.nodesDeleted += done;
      else if (step.counter === 'relationshipsDeleted') stats.relationshipsDeleted += done;
      else stats.propertiesRemoved += done;
      if (done < step.limit) break;
    }
  }
  return stats;
}
