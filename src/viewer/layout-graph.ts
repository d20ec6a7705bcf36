/**
 * Node positions for the viewer: ForceAtlas2 then noverlap, computed in Node
 * so that the page opens already laid out and the same graph always gets the
 * same picture (no randomness: initial positions come from a hash of each
 * key, nodes and edges are fed in key order).
 */
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import type { NewsGraph } from '../graph/attributes.js';
import { hashString } from './palette.js';

// Both packages are CommonJS (`module.exports = layout`) but their typings
// declare `export default`; under NodeNext the default import is the function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const noverlap = noverlapModule as unknown as typeof noverlapModule.default;

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default fewer for bigger graphs. */
  iterations?: number;
  /** Node size by key (noverlap keeps nodes of this radius apart). */
  sizeOf?: (key: string) => number;
}

export type Positions = Map<string, { x: number; y: number }>;

interface LayoutNode {
  x: number;
  y: number;
  size: number;
  [key: string]: unknown;
}

/** Default FA2 iteration count: enough to settle small graphs, bounded time for big ones. */
function defaultIterations(order: number): number {
  if (order <= 300) return 600;
  if (order <= 1500) return 250;
  return 120;
}

export function layoutGraph(graph: NewsGraph, options: LayoutOptions = {}): Positions {
  const sizeOf = options.sizeOf ?? (() => 5);
  const keys = graph.nodes().sort();
  const spread = 10 * Math.sqrt(Math.max(keys.length, 1));
  const work = new MultiDirectedGraph<LayoutNode>();
  for (const key of keys) {
    const h1 = hashString(key);
    const h2 = hashString(`${key}\u0000y`);
    work.addNode(key, { x: (h1 / 0xffffffff - 0.5) * spread, y: (h2 / 0xffffffff - 0.5) * spread, size: sizeOf(key) });
  }
  const edges = graph
    .mapEdges((_edge, _attributes, source, target) => [source, target] as const)
    .filter(([s, t]) => s !== t)
    .sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])));
  for (const [s, t] of edges) work.addEdge(s, t);

  if (work.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(work), barnesHutOptimize: work.order > 1000 };
    forceAtlas2.assign(work, { iterations: options.iterations ?? defaultIterations(work.order), settings, getEdgeWeight: null });
    noverlap.assign(work, { maxIterations: 60, settings: { margin: 2, ratio: 1 } });
  }
  const positions: Positions = new Map();
  work.forEachNode((key, a) => {
    positions.set(key, { x: finite(a.x), y: finite(a.y) });
  });
  return positions;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const finite = (v: number): number => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);
