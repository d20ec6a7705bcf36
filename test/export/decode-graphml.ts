/**
 * Test helper: turns what graphology-graphml's parser reads from our GraphML
 * back into newsgraph attributes (labels -> label, label -> type, JSON lists
 * -> arrays, the `key` data checked against the element id and dropped).
 */
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { expect } from 'vitest';
import { createSchemaKeys } from '../../src/export/to-graphml.js';
import { loadGraphSchema } from '../../src/store/graph-schema.js';

export interface DecodedGraph {
  readonly nodes: Map<string, Record<string, unknown>>;
  readonly edges: Map<string, { source: string; target: string; attributes: Record<string, unknown> }>;
}

/** Every list-valued property of the schema, by element kind. */
function listNames(kind: 'node' | 'edge'): Set<string> {
  return new Set(createSchemaKeys(loadGraphSchema()).filter((k) => k.for === kind && k.list).map((k) => k.name));
}

function decodeLists(attrs: Record<string, unknown>, lists: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    out[name] = lists.has(name) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

export function decodeGraphml(xml: string): DecodedGraph {
  const parsed = parse(MultiDirectedGraph, xml);
  const nodeLists = listNames('node');
  const edgeLists = listNames('edge');
  const nodes = new Map<string, Record<string, unknown>>();
  parsed.forEachNode((key, attrs) => {
    const { labels, key: keyProp, ...rest } = attrs as Record<string, unknown>;
    expect(keyProp).toBe(key);
    expect(typeof labels).toBe('string');
    nodes.set(key, { label: String(labels).replace(/^:/, ''), ...decodeLists(rest, nodeLists) });
  });
  const edges = new Map<string, { source: string; target: string; attributes: Record<string, unknown> }>();
  parsed.forEachEdge((key, attrs, source, target) => {
    const { label, key: keyProp, ...rest } = attrs as Record<string, unknown>;
    expect(keyProp).toBe(key);
    edges.set(key, { source, target, attributes: { type: label, ...decodeLists(rest, edgeLists) } });
  });
  return { nodes, edges };
}
