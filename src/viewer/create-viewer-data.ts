/**
 * NewsGraph -> ViewerData: what the page draws and lists. Pure; the layout
 * is computed here (see layout-graph.ts) so the page needs no worker.
 */
import { isEntityNode, type NewsGraph } from '../graph/attributes.js';
import { SYMMETRIC_RELATIONS, type RelationType } from '../types.js';
import { layoutGraph } from './layout-graph.js';
import {
  LABEL_ORDER,
  LABELS_SHOWN_BY_DEFAULT,
  STRUCTURAL_EDGE_TYPES,
  colorOfEdgeType,
  colorOfLabel,
} from './palette.js';
import type { ViewerCategory, ViewerData, ViewerEdge, ViewerNode } from './viewer-data.js';

export interface ViewerDataOptions {
  title?: string;
  /** ForceAtlas2 iterations (default: by graph size). */
  iterations?: number;
}

const QUOTE_NAME_LENGTH = 60;

/** Node radius on screen by degree: grows with the square root, capped. */
export const sizeOfDegree = (degree: number): number => Math.min(3 + 2 * Math.sqrt(degree), 22);

/**
 * Factor on node sizes so that big graphs stay readable when the whole graph
 * fits the screen: 1 up to ~400 entities, then shrinking with the square
 * root of their number (nodes grow again as one zooms in).
 */
export const sizeScaleOf = (entities: number): number => Math.min(1, Math.max(0.5, Math.sqrt(400 / Math.max(entities, 1))));

export function createViewerData(graph: NewsGraph, options: ViewerDataOptions = {}): ViewerData {
  const articleTitles = new Map<string, string>();
  graph.forEachNode((_key, a) => {
    if (a.label === 'Article' && a.title) articleTitles.set(a.file, a.title);
  });
  const layoutOptions = {
    sizeOf: (key: string) => sizeOfDegree(graph.degree(key)),
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
  };
  const positions = layoutGraph(graph, layoutOptions);

  const scale = sizeScaleOf(graph.filterNodes((_key, a) => isEntityNode(a)).length);
  const labelCounts = new Map<string, number>();
  const nodes: ViewerNode[] = graph.mapNodes((key, a) => {
    const { label, ...rest } = a as unknown as Record<string, unknown> & { label?: unknown };
    const labelName = typeof label === 'string' && label ? label : 'Node';
    labelCounts.set(labelName, (labelCounts.get(labelName) ?? 0) + 1);
    const degree = graph.degree(key);
    const p = positions.get(key) ?? { x: 0, y: 0 };
    return { key, label: labelName, name: displayName(key, rest), x: p.x, y: p.y, size: round(Math.max(2, scale * sizeOfDegree(degree))), degree, attributes: rest };
  });

  const typeCounts = new Map<string, number>();
  const edges: ViewerEdge[] = graph.mapEdges((key, a, source, target) => {
    const { type, ...rest } = a as unknown as Record<string, unknown> & { type?: unknown };
    const typeName = typeof type === 'string' && type ? type : 'RELATED';
    typeCounts.set(typeName, (typeCounts.get(typeName) ?? 0) + 1);
    return { key, source, target, type: typeName, attributes: rest };
  });

  const labels: ViewerCategory[] = [...labelCounts]
    .sort(([a], [b]) => rank(LABEL_ORDER, a) - rank(LABEL_ORDER, b) || a.localeCompare(b))
    .map(([name, count]) => ({ name, count, color: colorOfLabel(name), visible: LABELS_SHOWN_BY_DEFAULT.has(name) || !LABEL_ORDER.includes(name) }));
  const edgeTypes: ViewerCategory[] = [...typeCounts]
    .sort(([a, ca], [b, cb]) => Number(STRUCTURAL_EDGE_TYPES.has(a)) - Number(STRUCTURAL_EDGE_TYPES.has(b)) || cb - ca || a.localeCompare(b))
    .map(([name, count]) => ({ name, count, color: colorOfEdgeType(name), visible: true, ...(SYMMETRIC_RELATIONS.has(name as RelationType) ? { symmetric: true } : {}) }));

  return { version: 1, title: options.title ?? 'newsgraph', labels, edgeTypes, nodes, edges };
}

function displayName(key: string, a: Record<string, unknown>): string {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const quote = text(a['text']);
  const shortQuote = quote && (quote.length > QUOTE_NAME_LENGTH ? `“${quote.slice(0, QUOTE_NAME_LENGTH - 1)}…”` : `“${quote}”`);
  return text(a['name']) ?? text(a['title']) ?? shortQuote ?? text(a['file']) ?? key;
}

const rank = (order: readonly string[], name: string): number => {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
};
const round = (v: number): number => Math.round(v * 100) / 100;
