/**
 * GraphML writer (pure: graph -> string) for Gephi, yEd, networkx
 * (`read_graphml`), graphology-graphml and Neo4j APOC
 * (`apoc.import.graphml(file, {readLabels: true})`).
 *
 * The output follows what APOC's own GraphML export writes (apoc
 * `XmlGraphMLWriter`), so APOC reads it back the way it reads its own files:
 * - a node carries its label as `labels=":Person"` on `<node>` plus
 *   `<data key="labels">:Person</data>`; an edge carries its type as
 *   `label="URGED"` on `<edge>` plus `<data key="label">URGED</data>` (APOC
 *   recognises these two by the key ids `labels` / `label`);
 * - every property of `schema/graph.schema.json` has a typed `<key>`
 *   (`attr.type` string / long / double / boolean), declared from the schema,
 *   not from the data, so the key set is the same for every graph. Key ids are
 *   unique in the document (`n_<name>` for nodes, `e_<name>` for edges, as the
 *   GraphML schema asks); readers map them to `attr.name`;
 * - lists (STRING[]: aliases, roles, affiliations, surface) are written as APOC
 *   writes arrays: a JSON array string under a key with
 *   `attr.type="string" attr.list="string"`, e.g. `["Blinken","Anthony Blingen"]`.
 *   APOC parses them back into arrays; networkx and graphology read the JSON
 *   string (JSON.parse / json.loads turns it back into a list);
 * - the schema property `key` (the stable node key) is written as data too, so
 *   that a Neo4j import can MERGE on it; edges carry their key the same way,
 *   like the stores do.
 *
 * Ids are the graph keys; `edgedefault="directed"`; parallel edges are kept
 * (each edge's id is its key). Nodes and edges are sorted by key and data by
 * key declaration order, so the output is deterministic.
 *
 * Values: strings are escaped by ./escape-xml.ts (forbidden control characters
 * and lone surrogates become U+FFFD, everything else survives exactly);
 * attributes that are null or undefined are left out. Attributes outside the
 * schema are not dropped: they get a key whose type is inferred from their
 * values, declared after the schema's keys. A value that does not fit its
 * schema type throws a SchemaError (SCHEMA_VIOLATION).
 * Empty strings are written as empty `<data>`; networkx and APOC skip empty
 * data (APOC also skips whitespace-only values), graphology reads it back as "".
 * `attr.list` is APOC's extension: readers that do not know it (networkx,
 * graphology, Gephi) see a string, and a strict graphml.xsd validator rejects it.
 */
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../graph/attributes.js';
import { SchemaError } from '../errors.js';
import { EDGE_KEY_PROPERTY, loadGraphSchema } from '../store/graph-schema.js';
import type { GraphSchema, PropertyType } from '../store/graph-schema.js';
import { escapeXmlAttribute, escapeXmlText, replaceInvalidXmlChars } from './escape-xml.js';

type ScalarType = 'string' | 'long' | 'double' | 'boolean';
type KeyDomain = 'graph' | 'node' | 'edge';

export interface GraphmlKey {
  readonly id: string;
  readonly for: KeyDomain;
  /** The attribute name (`attr.name`). */
  readonly name: string;
  readonly type: ScalarType;
  /** Element type of a list written as a JSON array string. */
  readonly list?: ScalarType;
  /** Inferred from the data (attribute outside the schema): non-fitting values are JSON-encoded, not rejected. */
  readonly inferred?: boolean;
}

/** Node label and edge type: the key ids APOC treats specially. */
const NODE_LABELS_KEY: GraphmlKey = { id: 'labels', for: 'node', name: 'labels', type: 'string' };
const EDGE_LABEL_KEY: GraphmlKey = { id: 'label', for: 'edge', name: 'label', type: 'string' };

const KEY_PREFIX: Record<KeyDomain, string> = { graph: 'g_', node: 'n_', edge: 'e_' };
/** The stable-key property every node label has in the schema. */
const NODE_KEY_PROPERTY = 'key';

function keyFromSchemaType(domain: KeyDomain, name: string, type: PropertyType): GraphmlKey {
  const id = `${KEY_PREFIX[domain]}${name}`;
  switch (type) {
    case 'STRING':
      return { id, for: domain, name, type: 'string' };
    case 'STRING[]':
      return { id, for: domain, name, type: 'string', list: 'string' };
    case 'INT64':
      return { id, for: domain, name, type: 'long' };
    case 'DOUBLE':
      return { id, for: domain, name, type: 'double' };
    case 'BOOLEAN':
      return { id, for: domain, name, type: 'boolean' };
  }
}

function addSchemaProperty(into: Map<string, PropertyType>, name: string, type: PropertyType, where: string): void {
  const seen = into.get(name);
  if (seen !== undefined && seen !== type) {
    throw new SchemaError(
      `GraphML: property ${name} is ${seen} in one place and ${type} in ${where}; a GraphML key has one type`,
      'SCHEMA_VIOLATION',
    );
  }
  into.set(name, type);
}

/**
 * The `<key>` declarations the schema implies, in output order: node labels,
 * node properties (by name), edge label, edge properties (by name).
 */
export function createSchemaKeys(schema: GraphSchema): GraphmlKey[] {
  const nodeProps = new Map<string, PropertyType>();
  for (const [label, node] of Object.entries(schema.nodes)) {
    for (const [name, type] of Object.entries(node.properties)) addSchemaProperty(nodeProps, name, type, label);
  }
  const edgeProps = new Map<string, PropertyType>([[EDGE_KEY_PROPERTY, 'STRING']]);
  for (const [set, props] of Object.entries(schema.edgeProperties)) {
    for (const [name, type] of Object.entries(props)) addSchemaProperty(edgeProps, name, type, set);
  }
  const byName = (a: [string, PropertyType], b: [string, PropertyType]): number => compareKeys(a[0], b[0]);
  return [
    NODE_LABELS_KEY,
    ...[...nodeProps].sort(byName).map(([name, type]) => keyFromSchemaType('node', name, type)),
    EDGE_LABEL_KEY,
    ...[...edgeProps].sort(byName).map(([name, type]) => keyFromSchemaType('edge', name, type)),
  ];
}

/** Code-unit order: locale-independent, so the output is the same everywhere. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isLong = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isDouble = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function inferScalarType(values: readonly unknown[]): ScalarType | undefined {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every(isLong)) return 'long';
  if (values.every(isDouble)) return 'double';
  if (values.every((v) => typeof v === 'string')) return 'string';
  return undefined;
}

/** A key for an attribute the schema does not declare, typed from its values. */
function inferKey(domain: KeyDomain, name: string, values: readonly unknown[]): GraphmlKey {
  const id = `${KEY_PREFIX[domain]}${name}`;
  if (values.length > 0 && values.every(Array.isArray)) {
    const list = inferScalarType(values.flat());
    if (list) return { id, for: domain, name, type: 'string', list, inferred: true };
  } else if (values.length > 0) {
    const type = inferScalarType(values);
    if (type) return { id, for: domain, name, type, inferred: true };
  }
  return { id, for: domain, name, type: 'string', inferred: true };
}

function fitsScalar(v: unknown, type: ScalarType): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'long':
      return isLong(v);
    case 'double':
      return isDouble(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
}

/** The raw (unescaped) text of a `<data>` element for `value` under `key`. */
function encodeGraphmlValue(value: unknown, key: GraphmlKey, where: string): string {
  const fail = (): never => {
    throw new SchemaError(
      `GraphML: ${where} attribute ${key.name} should be ${key.list ? `a list of ${key.list}` : key.type}, got ${JSON.stringify(value)}`,
      'SCHEMA_VIOLATION',
    );
  };
  if (key.list) {
    const list = key.list;
    if (!Array.isArray(value) || !value.every((v) => fitsScalar(v, list))) return fail();
    // Strings inside a list follow the same control-character policy as scalars.
    return JSON.stringify(value.map((v: unknown) => (typeof v === 'string' ? replaceInvalidXmlChars(v) : v)));
  }
  if (!fitsScalar(value, key.type)) {
    if (!key.inferred) return fail();
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  }
  return String(value);
}

interface Element {
  readonly key: string;
  /** The graphology attributes (not copied). */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Values computed by the writer (`labels` / `label`, `key`); they win over `attributes`. */
  readonly computed: Readonly<Record<string, unknown>>;
}

/**
 * Schema keys for one domain plus inferred keys for any other attribute seen
 * on its elements (`reserved` names are written another way: node `label`,
 * edge `type`). `each` calls its argument with the attributes of every element.
 */
function collectKeys(
  domain: KeyDomain,
  declared: readonly GraphmlKey[],
  each: (visit: (attributes: Readonly<Record<string, unknown>>) => void) => void,
  reserved: ReadonlySet<string>,
): GraphmlKey[] {
  const known = new Set(declared.map((k) => k.name));
  const extra = new Map<string, unknown[]>();
  each((attributes) => {
    for (const name in attributes) {
      const value = attributes[name];
      if (value === undefined || value === null || reserved.has(name) || known.has(name)) continue;
      let values = extra.get(name);
      if (!values) extra.set(name, (values = []));
      values.push(value);
    }
  });
  const inferred = [...extra.keys()].sort(compareKeys).map((name) => inferKey(domain, name, extra.get(name) ?? []));
  return [...declared, ...inferred];
}

function renderKey(k: GraphmlKey): string {
  const list = k.list ? ` attr.list="${k.list}"` : '';
  return `  <key id="${escapeXmlAttribute(k.id)}" for="${k.for}" attr.name="${escapeXmlAttribute(k.name)}" attr.type="${k.type}"${list}/>`;
}

function* dataLines(keys: readonly GraphmlKey[], el: Element, where: string, indent: string): Generator<string> {
  for (const key of keys) {
    const value = key.name in el.computed ? el.computed[key.name] : el.attributes[key.name];
    if (value === undefined || value === null) continue;
    yield `${indent}<data key="${escapeXmlAttribute(key.id)}">${escapeXmlText(encodeGraphmlValue(value, key, where))}</data>`;
  }
}

/**
 * Serialises a newsgraph graph as GraphML (see the module comment for the
 * format). `schema` defaults to `schema/graph.schema.json`.
 */
export function toGraphml(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): string {
  return toGraphmlLines(graph, schema).join('\n');
}

/** The lines of `toGraphml` (joined by `\n` they are its text). */
export function toGraphmlLines(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): string[] {
  return [...graphmlLines(graph, schema)];
}

/**
 * The lines of `toGraphml`, made one at a time as they are read: a big graph
 * is written without its text or its lines in memory (only the sorted node
 * and edge keys). The keys are declared (and every attribute checked against
 * them) before the first line.
 */
export function* graphmlLines(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): Generator<string> {
  const schemaKeys = createSchemaKeys(schema);
  const graphElement: Element = { key: 'G', attributes: graph.getAttributes() as Record<string, unknown>, computed: {} };
  const graphKeys = collectKeys('graph', [], (visit) => visit(graphElement.attributes), new Set());
  const nodeKeys = collectKeys('node', schemaKeys.filter((k) => k.for === 'node'), (visit) => graph.forEachNode((_key, attrs) => visit(attrs as unknown as Record<string, unknown>)), new Set(['label']));
  const edgeKeys = collectKeys('edge', schemaKeys.filter((k) => k.for === 'edge'), (visit) => graph.forEachEdge((_key, attrs) => visit(attrs as unknown as Record<string, unknown>)), new Set(['type']));

  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">';
  for (const k of [...graphKeys, ...nodeKeys, ...edgeKeys]) yield renderKey(k);
  yield '  <graph id="G" edgedefault="directed">';
  yield* dataLines(graphKeys, graphElement, 'graph', '    ');
  const nodes = graph.nodes().sort(compareKeys);
  for (const key of nodes) {
    const attrs: NodeAttributes = graph.getNodeAttributes(key);
    const label: unknown = attrs.label;
    // The node key is the schema's `key` property (an attribute of that name is overridden).
    const node: Element = { key, attributes: attrs as unknown as Record<string, unknown>, computed: { [NODE_KEY_PROPERTY]: key, labels: typeof label === 'string' ? `:${label}` : undefined } };
    const labelsAttr = typeof label === 'string' ? ` labels="${escapeXmlAttribute(`:${label}`)}"` : '';
    yield `    <node id="${escapeXmlAttribute(key)}"${labelsAttr}>`;
    yield* dataLines(nodeKeys, node, `node ${key}`, '      ');
    yield '    </node>';
  }
  nodes.length = 0;
  const edges = graph.edges().sort(compareKeys);
  for (const key of edges) {
    const attrs: EdgeAttributes = graph.getEdgeAttributes(key);
    const type: unknown = attrs.type;
    const edge: Element = { key, attributes: attrs as unknown as Record<string, unknown>, computed: { [EDGE_KEY_PROPERTY]: key, label: typeof type === 'string' ? type : undefined } };
    const labelAttr = typeof type === 'string' ? ` label="${escapeXmlAttribute(type)}"` : '';
    const directed = graph.isUndirected(key) ? ' directed="false"' : '';
    yield `    <edge id="${escapeXmlAttribute(key)}" source="${escapeXmlAttribute(graph.source(key))}" target="${escapeXmlAttribute(graph.target(key))}"${directed}${labelAttr}>`;
    yield* dataLines(edgeKeys, edge, `edge ${key}`, '      ');
    yield '    </edge>';
  }
  yield '  </graph>';
  yield '</graphml>';
  yield '';
}
