import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { entityKey } from '../../src/graph/keys.js';
import { createViewerData, sizeOfDegree, sizeScaleOf } from '../../src/viewer/create-viewer-data.js';
import { layoutGraph } from '../../src/viewer/layout-graph.js';
import { createBasicGraph } from '../helpers/graphs.js';
import { generateGraph } from './generate-graph.js';

describe('createViewerData', () => {
  const graph = createBasicGraph();
  const data = createViewerData(graph, { title: 'T' });

  it('carries every node and edge with its attributes, label and type taken out', () => {
    expect(data.title).toBe('T');
    expect(data.nodes.map((n) => n.key).sort()).toEqual(graph.nodes().sort());
    expect(data.edges.map((e) => e.key).sort()).toEqual(graph.edges().sort());
    const lavrov = data.nodes.find((n) => n.key === entityKey('Person', 'Sergei Lavrov'));
    expect(lavrov).toMatchObject({ label: 'Person', name: 'Sergei Lavrov', degree: graph.degree(entityKey('Person', 'Sergei Lavrov')) });
    expect(lavrov?.attributes).toEqual({ name: 'Sergei Lavrov', aliases: ['Sergei Lavrov', 'Lavrov'], mentions: 2, articles: 1, roles: ['Foreign Minister'], affiliations: ['Russia'], confidence: 0.9 });
    const urged = data.edges.filter((e) => e.type === 'URGED');
    expect(urged).toHaveLength(2);
    expect(urged.every((e) => !('type' in e.attributes) && typeof e.attributes['evidence'] === 'string')).toBe(true);
  });

  it('names articles by title and quotes by their (shortened) text', () => {
    expect(data.nodes.find((n) => n.label === 'Article')?.name).toBe('Blinken & Lavrov <talk>');
    const quote = data.nodes.find((n) => n.label === 'Quote')?.name ?? '';
    expect(quote.startsWith('“The secretary emphasized')).toBe(true);
    expect(quote.endsWith('…”')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(62);
  });

  it('lists labels in legend order, entities shown and articles/quotes hidden by default', () => {
    expect(data.labels.map((c) => [c.name, c.count, c.visible])).toEqual([
      ['Person', 2, true],
      ['Country', 2, true],
      ['Organisation', 1, true],
      ['Article', 1, false],
      ['Quote', 1, false],
    ]);
    expect(new Set(data.labels.map((c) => c.color)).size).toBe(5);
  });

  it('lists relation types by frequency, then the structural edge types', () => {
    expect(data.edgeTypes.map((c) => [c.name, c.count])).toEqual([
      ['URGED', 2],
      ['AFFILIATED_WITH', 1],
      ['SPOKE_WITH', 1],
      ['THREATENED', 1],
      ['MENTIONED_IN', 5],
      ['SAID', 1],
      ['SAID_TO', 1],
    ]);
    expect(data.edgeTypes.every((c) => c.visible && /^#[0-9a-f]{6}$/.test(c.color))).toBe(true);
  });

  it('sizes nodes by degree', () => {
    const blinken = data.nodes.find((n) => n.name === 'Antony Blinken');
    const state = data.nodes.find((n) => n.name === 'US State Department');
    expect(blinken && state && blinken.size > state.size).toBe(true);
    expect(sizeOfDegree(0)).toBe(3);
    expect(sizeOfDegree(10_000)).toBe(22);
  });
});

describe('layoutGraph', () => {
  it('gives finite, distinct positions to every node', () => {
    const positions = layoutGraph(createBasicGraph());
    expect(positions.size).toBe(7);
    const points = [...positions.values()];
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(7);
  });

  it('is deterministic and independent of insertion order', () => {
    const a = createBasicGraph();
    const b: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    for (const key of [...a.nodes()].reverse()) b.addNode(key, a.getNodeAttributes(key));
    for (const key of [...a.edges()].reverse()) b.addDirectedEdgeWithKey(key, a.source(key), a.target(key), a.getEdgeAttributes(key));
    const pa = layoutGraph(a);
    expect(layoutGraph(createBasicGraph())).toEqual(pa);
    expect(layoutGraph(b)).toEqual(pa);
  });

  it('places linked nodes closer than unrelated ones on a larger graph', () => {
    const g = generateGraph({ entities: 300, articles: 30, quotes: 20, relations: 400 }, 7);
    const p = layoutGraph(g);
    const dist = (s: string, t: string): number => {
      const a = p.get(s);
      const b = p.get(t);
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : NaN;
    };
    const linked = g.mapEdges((_k, _a, s, t) => dist(s, t));
    const keys = g.nodes();
    const random = keys.map((k, i) => dist(k, keys[(i * 7919 + 13) % keys.length] as string));
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(linked)).toBeLessThan(mean(random) * 0.8);
  });

  it('handles empty and one-node graphs', () => {
    const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    expect(layoutGraph(g).size).toBe(0);
    g.addNode('person:x', { label: 'Person', name: 'X', aliases: [], mentions: 1, articles: 1, roles: [], affiliations: [], confidence: 1 });
    expect(layoutGraph(g).size).toBe(1);
    expect(createViewerData(g).nodes).toHaveLength(1);
  });
});

describe('node sizes on big graphs', () => {
  it('shrink with the number of entities, within bounds', () => {
    expect(sizeScaleOf(5)).toBe(1);
    expect(sizeScaleOf(400)).toBe(1);
    expect(sizeScaleOf(900)).toBeCloseTo(2 / 3);
    expect(sizeScaleOf(1e6)).toBe(0.5);
    const big = createViewerData(generateGraph({ entities: 1600, articles: 100, quotes: 10, relations: 1000 }), { iterations: 5 });
    expect(Math.max(...big.nodes.map((n) => n.size))).toBeLessThanOrEqual(11);
    expect(Math.min(...big.nodes.map((n) => n.size))).toBeGreaterThanOrEqual(2);
  });
});
