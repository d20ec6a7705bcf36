/// <reference lib="dom" />
/**
 * The viewer page's script (bundled with sigma and graphology by
 * bundle-client.ts, inlined by to-viewer-html.ts). Reads the ViewerData JSON,
 * draws it with sigma, and wires the legend, relationship filter, search box
 * and side panel. Every text taken from the graph goes into the page with
 * textContent or as a DOM property, never as markup.
 *
 * Debug/test hook (read-only): `window.__newsgraph = { renderer, graph, data,
 * select(key), selected(), visibleNodes() }`.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { ViewerCategory, ViewerData, ViewerEdge, ViewerNode } from './viewer-data.js';
import { dateSpan, inDateRange } from './date-range.js';
import { byId, el, plural } from './client-dom.js';
import { Panels, STRUCTURAL } from './client-panel.js';
import { wireSearch } from './client-search.js';

interface ClientNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
}

interface ClientEdgeAttributes {
  rel: string;
  color: string;
  size: number;
  type: string;
}

type ClientGraph = MultiDirectedGraph<ClientNodeAttributes, ClientEdgeAttributes>;

const DIMMED_NODE = '#e3e5e9';
const DIMMED_EDGE = '#eeeff2';

function readData(): ViewerData {
  const script = document.getElementById('ng-data');
  if (!script?.textContent) throw new Error('newsgraph viewer: the graph data is missing from the page');
  return JSON.parse(script.textContent) as ViewerData;
}

/** The graph sigma draws: nodes coloured by label, edges by type (paler in dense graphs, so that nodes and hubs stay visible). */
function clientGraph(data: ViewerData, labelColors: ReadonlyMap<string, string>, typeColors: ReadonlyMap<string, string>): ClientGraph {
  const symmetric = new Set(data.edgeTypes.filter((c) => c.symmetric).map((c) => c.name));
  const edgeFade = data.edges.length > 2000 ? 0.45 : data.edges.length > 500 ? 0.25 : 0;
  const graph: ClientGraph = new MultiDirectedGraph<ClientNodeAttributes, ClientEdgeAttributes>();
  for (const n of data.nodes) {
    graph.addNode(n.key, { x: n.x, y: n.y, size: n.size, color: labelColors.get(n.label) ?? '#999', label: n.name, kind: n.label });
  }
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addDirectedEdgeWithKey(e.key, e.source, e.target, {
      rel: e.type,
      color: lighten(typeColors.get(e.type) ?? '#bbbbbb', edgeFade),
      size: STRUCTURAL.has(e.type) ? 0.8 : 1.5,
      type: symmetric.has(e.type) || e.source === e.target ? 'line' : 'arrow',
    });
  }
  return graph;
}

/**
 * What is shown: the node labels and edge types ticked, the date range (acts and quotations
 * outside it, or undated once a bound is set, are hidden; mentions and entities stay), and the
 * selected node with its neighbours.
 */
class Visibility {
  readonly labels: Set<string>;
  readonly types: Set<string>;
  dateFrom = '';
  dateTo = '';
  selected: string | null = null;
  neighbours = new Set<string>();

  constructor(
    data: ViewerData,
    private readonly graph: ClientGraph,
    private readonly nodesByKey: ReadonlyMap<string, ViewerNode>,
    private readonly edgesByKey: ReadonlyMap<string, ViewerEdge>,
  ) {
    this.labels = new Set(data.labels.filter((c) => c.visible).map((c) => c.name));
    this.types = new Set(data.edgeTypes.filter((c) => c.visible).map((c) => c.name));
  }

  private inRange(attributes: Record<string, unknown> | undefined): boolean {
    return inDateRange(attributes ?? {}, this.dateFrom, this.dateTo);
  }

  nodeShown(key: string): boolean {
    if (key === this.selected) return true;
    const kind = this.graph.getNodeAttribute(key, 'kind');
    return this.labels.has(kind) && (kind !== 'Quote' || this.inRange(this.nodesByKey.get(key)?.attributes));
  }

  edgeShown(edge: string): boolean {
    const rel = this.graph.getEdgeAttribute(edge, 'rel');
    return this.types.has(rel) && (rel === 'MENTIONED_IN' || this.inRange(this.edgesByKey.get(edge)?.attributes)) && this.nodeShown(this.graph.source(edge)) && this.nodeShown(this.graph.target(edge));
  }

  /** Selects a node (null: none) and collects the neighbours its shown edges reach. */
  select(key: string | null): void {
    this.selected = key !== null && this.graph.hasNode(key) ? key : null;
    this.neighbours = new Set();
    const selected = this.selected;
    if (selected === null) return;
    this.graph.forEachEdge(selected, (edge, _attrs, source, target) => {
      if (this.edgeShown(edge)) this.neighbours.add(source === selected ? target : source);
    });
  }
}

/** The sigma renderer: hidden nodes and edges left out, the selection highlighted and the rest dimmed. */
function createRenderer(graph: ClientGraph, container: HTMLElement, vis: Visibility): Sigma<ClientNodeAttributes, ClientEdgeAttributes> {
  const big = graph.order > 1000;
  try {
    return new Sigma(graph, container, {
      defaultEdgeType: 'arrow',
      renderEdgeLabels: false,
      zIndex: true,
      labelFont: 'system-ui, "DejaVu Sans", sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: big ? 0.6 : 1,
      labelGridCellSize: 110,
      labelRenderedSizeThreshold: big ? 5 : 4,
      hideEdgesOnMove: graph.size > 4000,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      nodeReducer: (key, attrs) => {
        const res: Omit<Partial<ClientNodeAttributes>, 'label'> & { label?: string | null; hidden?: boolean; forceLabel?: boolean; zIndex?: number; highlighted?: boolean } = { ...attrs };
        if (!vis.nodeShown(key)) res.hidden = true;
        if (vis.selected !== null) {
          if (key === vis.selected) {
            res.highlighted = true;
            res.forceLabel = true;
            res.zIndex = 2;
          } else if (vis.neighbours.has(key)) {
            res.forceLabel = true;
            res.zIndex = 1;
          } else {
            res.color = DIMMED_NODE;
            res.label = null;
            res.zIndex = 0;
          }
        }
        return res;
      },
      edgeReducer: (edge, attrs) => {
        const res: Partial<ClientEdgeAttributes> & { hidden?: boolean; zIndex?: number } = { ...attrs };
        if (!vis.edgeShown(edge)) res.hidden = true;
        else if (vis.selected !== null) {
          if (graph.source(edge) === vis.selected || graph.target(edge) === vis.selected) {
            res.size = (attrs.size ?? 1) + 1;
            res.zIndex = 1;
          } else {
            res.color = DIMMED_EDGE;
            res.zIndex = 0;
          }
        }
        return res;
      },
    });
  } catch (e) {
    container.append(el('p', { className: 'ng-error', text: `This browser cannot draw the graph (WebGL is needed): ${(e as Error).message}` }));
    throw e;
  }
}

/** A legend or filter list: one checkbox per category, ticking it adds the name to `visible`. */
function categoryList(listId: string, categories: ViewerCategory[], visible: Set<string>, swatch: string, onChange: () => void): void {
  const list = byId<HTMLUListElement>(listId);
  for (const c of categories) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = visible.has(c.name);
    box.value = c.name;
    box.addEventListener('change', () => {
      if (box.checked) visible.add(c.name);
      else visible.delete(c.name);
      onChange();
    });
    const mark = el('span', { className: swatch });
    mark.style.background = c.color;
    list.append(el('li', {}, el('label', {}, box, mark, el('span', { text: c.name }), el('span', { className: 'ng-count', text: String(c.count) }))));
  }
}

/** The date range inputs, bounded by the dates in the data. */
function wireDates(data: ViewerData, vis: Visibility, onChange: () => void): void {
  const span = dateSpan([...data.edges.map((e) => e.attributes), ...data.nodes.map((n) => n.attributes)]);
  const fromBox = byId<HTMLInputElement>('ng-date-from');
  const toBox = byId<HTMLInputElement>('ng-date-to');
  if (span) {
    for (const box of [fromBox, toBox]) {
      box.min = span.min;
      box.max = span.max;
    }
  }
  const onDates = (): void => {
    vis.dateFrom = fromBox.value;
    vis.dateTo = toBox.value;
    onChange();
  };
  fromBox.addEventListener('change', onDates);
  toBox.addEventListener('change', onDates);
}

function start(): void {
  const data = readData();
  const nodesByKey = new Map<string, ViewerNode>(data.nodes.map((n) => [n.key, n]));
  const edgesByKey = new Map<string, ViewerEdge>(data.edges.map((e) => [e.key, e]));
  const labelColors = new Map(data.labels.map((c) => [c.name, c.color]));
  const typeColors = new Map(data.edgeTypes.map((c) => [c.name, c.color]));
  const graph = clientGraph(data, labelColors, typeColors);
  const vis = new Visibility(data, graph, nodesByKey, edgesByKey);
  /** Camera ratio when centring on a searched node: zoom in on big graphs only. */
  const focusRatio = graph.order > 200 ? 0.35 : 1;
  const container = byId<HTMLElement>('ng-canvas');
  const renderer = createRenderer(graph, container, vis);

  const stats = byId<HTMLElement>('ng-stats');
  const visibleNodes = (): string[] => graph.filterNodes((key) => vis.nodeShown(key));
  function updateStats(): void {
    const n = visibleNodes().length;
    const m = graph.filterEdges((edge) => vis.edgeShown(edge)).length;
    stats.textContent = `${plural(n, 'node')} · ${plural(m, 'edge')} shown (of ${graph.order} · ${graph.size})`;
  }
  function refresh(): void {
    renderer.refresh();
    updateStats();
  }
  categoryList('ng-legend', data.labels, vis.labels, 'ng-dot', refresh);
  categoryList('ng-filter', data.edgeTypes, vis.types, 'ng-bar', refresh);
  wireDates(data, vis, refresh);

  const panel = byId<HTMLElement>('ng-panel');
  const body = byId<HTMLElement>('ng-panel-body');
  byId<HTMLButtonElement>('ng-close').addEventListener('click', () => select(null));
  const edgesOf = (key: string, direction: 'in' | 'out'): ViewerEdge[] =>
    (direction === 'out' ? graph.outEdges(key) : graph.inEdges(key)).map((k) => edgesByKey.get(k)).filter((e): e is ViewerEdge => e !== undefined);
  const panels = new Panels({ data, nodesByKey, labelColors, typeColors, edgesOf, select: (key, center) => select(key, center) });
  function showPanel(key: string | null): void {
    body.replaceChildren();
    const n = key === null ? undefined : nodesByKey.get(key);
    const wasHidden = panel.hidden;
    if (!n) {
      panel.hidden = true;
    } else {
      body.append(...panels.content(n));
      panel.hidden = false;
      panel.scrollTop = 0;
    }
    if (wasHidden !== panel.hidden) renderer.resize();
  }

  function select(key: string | null, center = false): void {
    vis.select(key);
    const selected = vis.selected;
    showPanel(selected);
    refresh();
    if (selected !== null && center) {
      const d = renderer.getNodeDisplayData(selected);
      const camera = renderer.getCamera();
      if (d) void camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, focusRatio) }, { duration: 400 });
    }
  }

  renderer.on('clickNode', ({ node }) => select(node));
  renderer.on('clickStage', () => select(null));
  renderer.on('enterNode', () => {
    container.style.cursor = 'pointer';
  });
  renderer.on('leaveNode', () => {
    container.style.cursor = '';
  });
  wireSearch(data, labelColors, select);

  updateStats();
  Object.defineProperty(window, '__newsgraph', {
    value: Object.freeze({ renderer, graph, data, select, selected: () => vis.selected, visibleNodes }),
    writable: false,
    configurable: false,
  });
}

/** `#rrggbb` mixed with white (`amount` 0 = unchanged, 1 = white); other colours unchanged. */
function lighten(color: string, amount: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m || amount <= 0) return color;
  const mix = (hex: string | undefined): string =>
    Math.round(parseInt(hex ?? '0', 16) + (255 - parseInt(hex ?? '0', 16)) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(m[1])}${mix(m[2])}${mix(m[3])}`;
}

start();
