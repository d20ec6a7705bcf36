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

/** Serialises the graph as graphology JSON (see the module comment). */
export function toJson(graph: NewsGraph): string {
  return toJsonLines(graph).join('\n');
}

/** The lines of `toJson` (joined by `\n` they are its text). */
export function toJsonLines(graph: NewsGraph): string[] {
  return [...jsonLines(graph)];
}

/** An attribute object as graphology's `export()` has it: left out when it has no own key. */
const hasAny = (attrs: object): boolean => {
  for (const _name in attrs) return true;
  return false;
};

/**
 * The lines of `toJson`, made one at a time as they are read: a big graph is
 * written without its text, its lines or a copy of its attributes in memory
 * (only the sorted node and edge keys). The same text as serialising
 * graphology's `graph.export()`.
 */
export function* jsonLines(graph: NewsGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield '{';
  yield `  "options": ${JSON.stringify(options)},`;
  yield `  "attributes": ${JSON.stringify(orderAttributes(graph.getAttributes(), ''))},`;
  const nodes = graph.nodes().sort(compareKeys);
  yield* listLines('nodes', nodes.length, false, (k) => {
    const key = nodes[k]!;
    const attrs = graph.getNodeAttributes(key);
    return hasAny(attrs) ? { key, attributes: orderAttributes(attrs, 'label') } : { key };
  });
  nodes.length = 0;
  const mixed = graph.type === 'mixed';
  const edges = graph.edges().sort(compareKeys);
  yield* listLines('edges', edges.length, true, (k) => {
    const key = edges[k]!;
    const attrs = graph.getEdgeAttributes(key);
    return {
      key,
      source: graph.source(key),
      target: graph.target(key),
      ...(hasAny(attrs) ? { attributes: orderAttributes(attrs, 'type') } : {}),
      ...(mixed && graph.isUndirected(key) ? { undirected: true } : {}),
    };
  });
  yield '}';
  yield '';
}

/** A named JSON array, one item per line (items joined by `,\n`), `[]` when empty. */
function* listLines(name: string, count: number, last: boolean, item: (k: number) => unknown): Generator<string> {
  const end = last ? '' : ',';
  if (count === 0) {
    yield `  "${name}": []${end}`;
    return;
  }
  yield `  "${name}": [`;
  for (let k = 0; k < count; k++) yield `    ${JSON.stringify(item(k))}${k < count - 1 ? ',' : ''}`;
  yield `  ]${end}`;
}
