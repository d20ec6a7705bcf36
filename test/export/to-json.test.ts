import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { jsonLines, toJson } from '../../src/export/to-json.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../../src/types.js';
import type { EntityType, RelationType } from '../../src/types.js';
import { createBasicGraph } from '../helpers/graphs.js';
import { createTextGraph, nastyText } from './nasty.js';

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes>;

function importJson(json: string): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(JSON.parse(json) as Serialized);
  return graph;
}

/** Nodes and edges with their attributes, independent of insertion order. */
function contents(graph: NewsGraph) {
  const nodes = new Map<string, NodeAttributes>();
  graph.forEachNode((key, attrs) => nodes.set(key, attrs));
  const edges = new Map<string, { source: string; target: string; attributes: EdgeAttributes }>();
  graph.forEachEdge((key, attributes, source, target) => edges.set(key, { source, target, attributes }));
  return { nodes, edges };
}

describe('toJson', () => {
  it('matches the golden file for the basic graph', async () => {
    await expect(toJson(createBasicGraph())).toMatchFileSnapshot('../golden/basic.json');
  });

  it('round-trips through graphology import', () => {
    const graph = createBasicGraph();
    const back = importJson(toJson(graph));
    expect(back.type).toBe('directed');
    expect(back.multi).toBe(true);
    expect(contents(back)).toEqual(contents(graph));
  });

  it('sorts nodes and edges by key, one per line, and ignores insertion order', () => {
    const graph = createBasicGraph();
    const parsed = JSON.parse(toJson(graph)) as Serialized;
    const nodeKeys = parsed.nodes.map((n) => n.key);
    const edgeKeys = parsed.edges.map((e) => e.key ?? '');
    expect(nodeKeys).toEqual([...graph.nodes()].sort());
    expect(edgeKeys).toEqual([...graph.edges()].sort());
    expect(toJson(graph).split('\n')).toHaveLength(graph.order + graph.size + 9); // 7 frame lines, one per element, and the final newline

    const data = graph.export();
    const shuffled: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    shuffled.import({
      ...data,
      nodes: [...data.nodes].reverse().map((n) => ({
        key: n.key,
        attributes: Object.fromEntries(Object.entries(n.attributes ?? {}).reverse()) as unknown as NodeAttributes,
      })),
      edges: [...data.edges].reverse(),
    });
    expect(toJson(shuffled)).toBe(toJson(graph));
  });

  it('writes an empty graph', () => {
    const json = toJson(new MultiDirectedGraph<NodeAttributes, EdgeAttributes>());
    expect(JSON.parse(json)).toEqual({ options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes: [], edges: [] });
  });

  it('meets the scorer contract (../shared/eval/README.md)', () => {
    const parsed = JSON.parse(toJson(createBasicGraph())) as Serialized;
    const labels = new Map<string, string>();
    for (const n of parsed.nodes) {
      const a = n.attributes as unknown as Record<string, unknown>;
      labels.set(n.key, String(a['label']));
      if (ENTITY_TYPES.includes(a['label'] as EntityType)) {
        expect(typeof a['name']).toBe('string');
        expect(Array.isArray(a['aliases'])).toBe(true);
        expect((a['aliases'] as unknown[]).every((x) => typeof x === 'string')).toBe(true);
      } else if (a['label'] === 'Article') {
        expect(typeof a['file']).toBe('string');
      } else {
        expect(a['label']).toBe('Quote');
        expect(typeof a['text']).toBe('string');
        expect(typeof a['article']).toBe('string');
      }
    }
    expect(new Set(labels.values())).toEqual(new Set(['Person', 'Country', 'Organisation', 'Article', 'Quote']));
    const types = new Set<string>();
    for (const e of parsed.edges) {
      const a = e.attributes as EdgeAttributes;
      types.add(a.type);
      expect(labels.has(e.source) && labels.has(e.target)).toBe(true);
      if (a.type === 'MENTIONED_IN') expect(labels.get(e.target)).toBe('Article');
      if (a.type === 'SAID') expect(labels.get(e.target)).toBe('Quote');
      if (RELATION_TYPES.includes(a.type as RelationType)) expect(typeof a.article).toBe('string');
    }
    expect(types).toEqual(new Set(['MENTIONED_IN', 'SAID', 'SAID_TO', 'SPOKE_WITH', 'AFFILIATED_WITH', 'URGED', 'THREATENED']));
  });

  it('keeps every string exactly, control characters and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ name: nastyText, aliases: fc.array(nastyText, { maxLength: 4 }), quote: nastyText, evidence: nastyText, cue: nastyText, file: nastyText }),
        (t) => {
          const graph = createTextGraph(t);
          const json = toJson(graph);
          const parsed = JSON.parse(json) as Serialized;
          const person = parsed.nodes.find((n) => n.attributes?.label === 'Person');
          expect(person?.attributes).toMatchObject({ name: t.name, aliases: t.aliases });
          const quote = parsed.nodes.find((n) => n.attributes?.label === 'Quote');
          expect(quote?.attributes).toMatchObject({ text: t.quote, evidence: t.evidence, cue: t.cue, article: t.file });
          expect(contents(importJson(json))).toEqual(contents(graph));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('jsonLines (the streamed writer a build uses)', () => {
  /** What graphology's own export gives, in the writer's order: the reference the streamed lines must equal. */
  function fromExport(graph: NewsGraph): unknown {
    const data = graph.export();
    const byKey = (a: { key?: string }, b: { key?: string }) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);
    return { ...data, nodes: [...data.nodes].sort(byKey), edges: [...data.edges].sort(byKey) };
  }

  it('equals graphology export() for graphs with nasty text, empty attributes and extra graph attributes (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ name: nastyText, aliases: fc.array(nastyText, { maxLength: 3 }), quote: nastyText, evidence: nastyText, cue: nastyText, file: nastyText }),
        fc.boolean(),
        (t, extra) => {
          const graph = createTextGraph(t);
          if (extra) {
            graph.setAttribute('name', t.name);
            graph.addNode(`bare:${t.file}`);
          }
          const text = [...jsonLines(graph)].join('\n');
          expect(JSON.parse(text)).toEqual(fromExport(graph));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('makes lines only as they are read', () => {
    const graph = createBasicGraph();
    const lines = jsonLines(graph);
    expect(lines.next().value).toBe('{');
    // Changing the graph after the first line shows in the rest: nothing was copied up front.
    graph.mergeNodeAttributes('person:antony-blinken', { name: 'Changed Later' });
    expect([...lines].join('\n')).toContain('"name":"Changed Later"');
  });
});
