/**
 * Checks a graph against `schema/graph.schema.json`: every node has a known
 * label, its required properties, and only declared properties of the
 * declared types; every edge has a known type, allowed endpoint labels and
 * declared properties. Returns the violations (empty when valid); pure.
 */
import type { NewsGraph } from './attributes.js';
import { loadGraphSchema, type GraphSchema, type PropertyType } from '../store/graph-schema.js';

/** Attributes that are graph-model fields, not stored properties. */
const NODE_META = new Set(['label']);
const EDGE_META = new Set(['type']);

function hasType(value: unknown, type: PropertyType): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'STRING[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'INT64':
      return typeof value === 'number' && Number.isInteger(value);
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
  }
}

export function validateGraph(graph: NewsGraph, schema: GraphSchema = loadGraphSchema()): string[] {
  const errors: string[] = [];
  graph.forEachNode((key, attrs) => {
    const node = schema.nodes[attrs.label];
    if (!node) {
      errors.push(`node ${key}: unknown label ${String(attrs.label)}`);
      return;
    }
    const values: Record<string, unknown> = { ...attrs, [node.key]: key };
    for (const req of node.required) if (values[req] === undefined) errors.push(`node ${key}: missing ${req}`);
    for (const [name, value] of Object.entries(attrs)) {
      if (NODE_META.has(name) || value === undefined) continue;
      const type = node.properties[name];
      if (!type) errors.push(`node ${key}: property ${name} is not in the schema for ${attrs.label}`);
      else if (!hasType(value, type)) errors.push(`node ${key}: ${name} should be ${type}, got ${JSON.stringify(value)}`);
    }
  });
  graph.forEachEdge((key, attrs, source, target, sa, ta) => {
    const edge = schema.edges[attrs.type];
    if (!edge) {
      errors.push(`edge ${key}: unknown type ${attrs.type}`);
      return;
    }
    if (!edge.from.includes(sa.label) || !edge.to.includes(ta.label)) {
      errors.push(`edge ${key}: ${attrs.type} may not go from ${sa.label} (${source}) to ${ta.label} (${target})`);
    }
    const props = schema.edgeProperties[edge.properties] ?? {};
    for (const [name, value] of Object.entries(attrs)) {
      if (EDGE_META.has(name) || value === undefined) continue;
      const type = props[name];
      if (!type) errors.push(`edge ${key}: property ${name} is not in the schema for ${attrs.type}`);
      else if (!hasType(value, type)) errors.push(`edge ${key}: ${name} should be ${type}, got ${JSON.stringify(value)}`);
    }
  });
  return errors;
}
