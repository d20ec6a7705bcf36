/**
 * `schema/graph.schema.json` as typed data, plus the pure helpers every store
 * and Cypher exporter shares: which properties a node label or edge type has,
 * which (from, to) label pairs an edge type allows, and how a graph's nodes
 * and edges split into per-label / per-(type, from, to) groups.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../graph/attributes.js';
import { SchemaError } from '../errors.js';
import { SCHEMA_DIR } from '../paths.js';

export type PropertyType = 'STRING' | 'STRING[]' | 'INT64' | 'DOUBLE' | 'BOOLEAN';
const PROPERTY_TYPES: readonly PropertyType[] = ['STRING', 'STRING[]', 'INT64', 'DOUBLE', 'BOOLEAN'];

interface NodeSchema {
  readonly key: string;
  readonly properties: Readonly<Record<string, PropertyType>>;
  readonly required: readonly string[];
}

interface EdgeSchema {
  /** Name of the property set in `edgeProperties`. */
  readonly properties: string;
  readonly symmetric?: boolean;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface GraphSchema {
  readonly version: number;
  readonly nodes: Readonly<Record<string, NodeSchema>>;
  readonly edgeProperties: Readonly<Record<string, Readonly<Record<string, PropertyType>>>>;
  readonly edges: Readonly<Record<string, EdgeSchema>>;
}

/** Every edge carries its stable key (`src/graph/keys.ts`) under this name in both stores. */
export const EDGE_KEY_PROPERTY = 'key';

const GRAPH_SCHEMA_PATH = path.join(SCHEMA_DIR, 'graph.schema.json');

let cached: GraphSchema | undefined;

/** Reads and checks `schema/graph.schema.json` once. */
export function loadGraphSchema(file: string = GRAPH_SCHEMA_PATH): GraphSchema {
  if (file === GRAPH_SCHEMA_PATH && cached) return cached;
  const schema = parseGraphSchema(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (file === GRAPH_SCHEMA_PATH) cached = schema;
  return schema;
}

/** Validates the parsed JSON's shape (the parts the stores rely on). */
function parseGraphSchema(json: unknown): GraphSchema {
  const s = json as GraphSchema;
  if (!s || typeof s !== 'object' || !s.nodes || !s.edges || !s.edgeProperties) {
    throw new SchemaError('graph schema: missing nodes, edges or edgeProperties', 'SCHEMA_VIOLATION');
  }
  const checkProps = (where: string, props: Record<string, string>): void => {
    for (const [name, type] of Object.entries(props)) {
      if (!PROPERTY_TYPES.includes(type as PropertyType)) {
        throw new SchemaError(`graph schema: ${where}.${name} has unknown type ${type}`, 'SCHEMA_VIOLATION');
      }
    }
  };
  for (const [label, node] of Object.entries(s.nodes)) {
    checkProps(label, node.properties);
    if (node.properties[node.key] !== 'STRING') {
      throw new SchemaError(`graph schema: ${label} key ${node.key} must be a STRING property`, 'SCHEMA_VIOLATION');
    }
  }
  for (const [name, props] of Object.entries(s.edgeProperties)) checkProps(name, props);
  for (const [type, edge] of Object.entries(s.edges)) {
    if (!s.edgeProperties[edge.properties]) {
      throw new SchemaError(`graph schema: edge ${type} uses unknown property set ${edge.properties}`, 'SCHEMA_VIOLATION');
    }
    for (const label of [...edge.from, ...edge.to]) {
      if (!s.nodes[label]) throw new SchemaError(`graph schema: edge ${type} names unknown label ${label}`, 'SCHEMA_VIOLATION');
    }
  }
  return s;
}

export const nodeLabels = (schema: GraphSchema): string[] => Object.keys(schema.nodes);
export const edgeTypes = (schema: GraphSchema): string[] => Object.keys(schema.edges);

const edgeTypesCache = new WeakMap<GraphSchema, Map<string, Readonly<Record<string, PropertyType>>>>();

/** Properties of an edge type, the edge key first. */
export function edgePropertyTypes(schema: GraphSchema, type: string): Readonly<Record<string, PropertyType>> {
  // Made once per schema and type: exporters ask for it at every edge row.
  let byType = edgeTypesCache.get(schema);
  if (!byType) edgeTypesCache.set(schema, (byType = new Map()));
  const known = byType.get(type);
  if (known) return known;
  const edge = schema.edges[type];
  if (!edge) throw new SchemaError(`edge type ${type} is not in the graph schema`, 'SCHEMA_VIOLATION');
  const types = Object.freeze({ [EDGE_KEY_PROPERTY]: 'STRING' as PropertyType, ...schema.edgeProperties[edge.properties] });
  byType.set(type, types);
  return types;
}

/** All (from, to) label pairs of an edge type, in schema order. */
export function edgePairs(schema: GraphSchema, type: string): Array<readonly [string, string]> {
  const edge = schema.edges[type];
  if (!edge) throw new SchemaError(`edge type ${type} is not in the graph schema`, 'SCHEMA_VIOLATION');
  return edge.from.flatMap((f) => edge.to.map((t) => [f, t] as const));
}

/** Every property key used anywhere in the schema (for Cypher linting and Browser styles). */
export function propertyKeys(schema: GraphSchema): string[] {
  const keys = new Set<string>([EDGE_KEY_PROPERTY]);
  for (const node of Object.values(schema.nodes)) for (const k of Object.keys(node.properties)) keys.add(k);
  for (const props of Object.values(schema.edgeProperties)) for (const k of Object.keys(props)) keys.add(k);
  return [...keys];
}

export interface NodeRecord {
  readonly key: string;
  /** Schema properties only, undefined ones left out (`key` included). */
  readonly props: Record<string, unknown>;
}

export interface EdgeRecord {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** Schema properties only, undefined ones left out (`key` included). */
  readonly props: Record<string, unknown>;
}

interface NodeGroup {
  readonly label: string;
  readonly rows: NodeRecord[];
}

export interface EdgeGroup {
  readonly type: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly rows: EdgeRecord[];
}

export interface GroupedGraph {
  readonly nodes: NodeGroup[];
  readonly edges: EdgeGroup[];
}

function pickProps(types: Record<string, PropertyType>, attrs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(types)) {
    const v = attrs[name];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out;
}

/** The record of one node (`groupGraph` row): its schema properties and its key under the label's key property. */
export function createNodeRecord(schema: GraphSchema, label: string, key: string, attrs: Readonly<Record<string, unknown>>): NodeRecord {
  const node = schema.nodes[label]!;
  return { key, props: { ...pickProps(node.properties, attrs), [node.key]: key } };
}

/** The record of one edge (`groupGraph` row): its type's schema properties and its key. */
export function createEdgeRecord(schema: GraphSchema, type: string, key: string, from: string, to: string, attrs: Readonly<Record<string, unknown>>): EdgeRecord {
  return { key, from, to, props: { ...pickProps(edgePropertyTypes(schema, type), attrs), [EDGE_KEY_PROPERTY]: key } };
}

type Attrs = Readonly<Record<string, unknown>>;

/** The nodes of one label: keys and the graph's own attribute objects, side by side. */
export interface NodeTable {
  readonly label: string;
  readonly keys: string[];
  readonly attrs: Attrs[];
}

/** The edges of one (type, source label, target label): keys, ends and the graph's own attribute objects. */
export interface EdgeTable {
  readonly type: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly keys: string[];
  readonly sources: string[];
  readonly targets: string[];
  readonly attrs: Attrs[];
}

export interface GraphTables {
  readonly nodes: NodeTable[];
  readonly edges: EdgeTable[];
}

/**
 * Every node and edge of the graph in its table, tables in schema order; no
 * property is copied (the exporters and the Kuzu store read the graph's own
 * attribute objects). Throws a SchemaError for a label, type or label pair the
 * schema does not allow (before anything is written).
 */
export function partitionGraph(graph: NewsGraph, schema: GraphSchema): GraphTables {
  const nodes = new Map<string, NodeTable>(nodeLabels(schema).map((label) => [label, { label, keys: [], attrs: [] }]));
  graph.forEachNode((key: string, attrs: NodeAttributes) => {
    const table = nodes.get(attrs.label);
    if (!table) throw new SchemaError(`node ${key} has label ${attrs.label}, not in the graph schema`, 'SCHEMA_VIOLATION');
    table.keys.push(key);
    table.attrs.push(attrs as unknown as Attrs);
  });
  const edges = new Map<string, EdgeTable>();
  for (const type of edgeTypes(schema)) {
    for (const [f, t] of edgePairs(schema, type)) {
      edges.set(`${type}|${f}|${t}`, { type, fromLabel: f, toLabel: t, keys: [], sources: [], targets: [], attrs: [] });
    }
  }
  graph.forEachEdge((key: string, attrs: EdgeAttributes, source: string, target: string, sa: NodeAttributes, ta: NodeAttributes) => {
    const table = edges.get(`${attrs.type}|${sa.label}|${ta.label}`);
    if (!table) {
      throw new SchemaError(`edge ${key}: ${attrs.type} from ${sa.label} to ${ta.label} is not in the graph schema`, 'SCHEMA_VIOLATION');
    }
    table.keys.push(key);
    table.sources.push(source);
    table.targets.push(target);
    table.attrs.push(attrs as unknown as Attrs);
  });
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The tables of `partitionGraph` as records holding only the schema's
 * properties (for statements that take rows of properties). Throws a
 * SchemaError for a label, type or label pair the schema does not allow.
 */
export function groupGraph(graph: NewsGraph, schema: GraphSchema): GroupedGraph {
  const tables = partitionGraph(graph, schema);
  return {
    nodes: tables.nodes.map((t) => ({ label: t.label, rows: t.keys.map((k, r) => createNodeRecord(schema, t.label, k, t.attrs[r]!)) })),
    edges: tables.edges.map((t) => ({
      type: t.type,
      fromLabel: t.fromLabel,
      toLabel: t.toLabel,
      rows: t.keys.map((k, r) => createEdgeRecord(schema, t.type, k, t.sources[r]!, t.targets[r]!, t.attrs[r]!)),
    })),
  };
}
