/**
 * JSON writer (pure: graph -> string): graphology's own serialisation
 * (`graph.export()`, readable back with `graph.import()`), the format
 * `../shared/eval/score.mjs` reads.
 *
 * Deterministic: nodes and edges are sorted by key (code-unit order), and the
 * attributes of each element are ordered `label` / `type` first, then by name,
 * so two builds of the same graph give the same bytes whatever the order in
 * which attributes were merged. One node or edge per line keeps the file
 * compact and diff-friendly. Strings are written exactly (JSON can carry any
 * code point; lone surrogates become `\udXXX` escapes).
 */
import type { NewsGraph } from '../graph/attributes.js';

type Attributes = Record<string, unknown>;

/** Code-unit order: locale-independent. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `attrs` with `first` (if present) first and the rest by name; undefined values left out. */
function orderAttributes(source: object, first: string): Attributes {
  const attrs = source as Attributes;
  const out: Attributes = {};
  if (attrs[first] !== undefined) out[first] = attrs[first];
  for (const name of Object.keys(attrs).sort(compareKeys)) {
    if (name !== first && attrs[name] !== undefined) out[name] = attrs[name];
  }
  return out;
}

function renderList(name: string, items: readonly unknown[], last: boolean): string[] {
  const end = last ? '' : ',';
  if (items.length === 0) return [`  "${name}": []${end}`];
  // One line per item, items joined by `,\n`.
  const lines = items.map((item, k) => `    ${JSON.stringify(item)}${k < items.length - 1 ? ',' : ''}`);
  return [`  "${name}": [`, ...lines, `  ]${end}`];
}

/** Serialises the graph as graphology JSON (see the module comment). */
export function toJson(graph: NewsGraph): string {
  return toJsonLines(graph).join('\n');
}

/** The lines of `toJson` (joined by `\n` they are its text): a big graph is written without one huge string. */
export function toJsonLines(graph: NewsGraph): string[] {
  const data = graph.export();
  const nodes = [...data.nodes]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((n) => (n.attributes ? { key: n.key, attributes: orderAttributes(n.attributes, 'label') } : { key: n.key }));
  const edges = [...data.edges]
    .sort((a, b) => compareKeys(a.key ?? '', b.key ?? ''))
    .map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      ...(e.attributes ? { attributes: orderAttributes(e.attributes, 'type') } : {}),
      ...(e.undirected ? { undirected: true } : {}),
    }));
  return [
    '{',
    `  "options": ${JSON.stringify(data.options)},`,
    `  "attributes": ${JSON.stringify(orderAttributes(data.attributes, ''))},`,
    ...renderList('nodes', nodes, false),
    ...renderList('edges', edges, true),
    '}',
    '',
  ];
}
