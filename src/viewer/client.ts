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

type Attrs = Record<string, unknown>;

const ENTITY_LABELS = new Set(['Person', 'Country', 'Organisation']);
const STRUCTURAL = new Set(['MENTIONED_IN', 'SAID', 'SAID_TO']);
const DIMMED_NODE = '#e3e5e9';
const DIMMED_EDGE = '#eeeff2';
const MAX_LIST = 200;
const MAX_SUGGESTIONS = 10;

// ---------------------------------------------------------------- helpers

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`newsgraph viewer: #${id} is missing from the page`);
  return e as T;
}

/** An element with text content (never markup) and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string } = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  if (props.title !== undefined) e.title = props.title;
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const normalise = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`´.]/g, '').replace(/\s+/g, ' ').trim();
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------- data

function readData(): ViewerData {
  const script = document.getElementById('ng-data');
  if (!script?.textContent) throw new Error('newsgraph viewer: the graph data is missing from the page');
  return JSON.parse(script.textContent) as ViewerData;
}

function start(): void {
  const data = readData();
  const nodesByKey = new Map<string, ViewerNode>(data.nodes.map((n) => [n.key, n]));
  const edgesByKey = new Map<string, ViewerEdge>(data.edges.map((e) => [e.key, e]));
  const labelColors = new Map(data.labels.map((c) => [c.name, c.color]));
  const typeColors = new Map(data.edgeTypes.map((c) => [c.name, c.color]));
  const symmetric = new Set(data.edgeTypes.filter((c) => c.symmetric).map((c) => c.name));
  const articleTitles = new Map<string, string>();
  for (const n of data.nodes) {
    const file = str(n.attributes['file']);
    if (n.label === 'Article' && file) articleTitles.set(file, str(n.attributes['title']) ?? file);
  }

  // Dense graphs: paler edges, so that nodes and hubs stay visible.
  const edgeFade = data.edges.length > 2000 ? 0.45 : data.edges.length > 500 ? 0.25 : 0;
  const graph = new MultiDirectedGraph<ClientNodeAttributes, ClientEdgeAttributes>();
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

  // ------------------------------------------------------------ state
  const visibleLabels = new Set(data.labels.filter((c) => c.visible).map((c) => c.name));
  const visibleTypes = new Set(data.edgeTypes.filter((c) => c.visible).map((c) => c.name));
  let selected: string | null = null;
  let neighbours = new Set<string>();

  // Date range: acts and quotations outside it (or undated, once a bound is set) are hidden; mentions and entities stay.
  let dateFrom = '';
  let dateTo = '';
  const inRange = (attributes: Record<string, unknown> | undefined): boolean => inDateRange(attributes ?? {}, dateFrom, dateTo);
  const nodeShown = (key: string): boolean => {
    if (key === selected) return true;
    const kind = graph.getNodeAttribute(key, 'kind');
    return visibleLabels.has(kind) && (kind !== 'Quote' || inRange(nodesByKey.get(key)?.attributes));
  };
  const edgeShown = (edge: string): boolean => {
    const rel = graph.getEdgeAttribute(edge, 'rel');
    return visibleTypes.has(rel) && (rel === 'MENTIONED_IN' || inRange(edgesByKey.get(edge)?.attributes)) && nodeShown(graph.source(edge)) && nodeShown(graph.target(edge));
  };

  const big = graph.order > 1000;
  /** Camera ratio when centring on a searched node: zoom in on big graphs only. */
  const focusRatio = graph.order > 200 ? 0.35 : 1;
  const container = byId<HTMLElement>('ng-canvas');
  let renderer: Sigma<ClientNodeAttributes, ClientEdgeAttributes>;
  try {
    renderer = new Sigma(graph, container, {
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
        if (!nodeShown(key)) res.hidden = true;
        if (selected !== null) {
          if (key === selected) {
            res.highlighted = true;
            res.forceLabel = true;
            res.zIndex = 2;
          } else if (neighbours.has(key)) {
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
        if (!edgeShown(edge)) res.hidden = true;
        else if (selected !== null) {
          if (graph.source(edge) === selected || graph.target(edge) === selected) {
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

  // ------------------------------------------------------------ stats
  const stats = byId<HTMLElement>('ng-stats');
  const visibleNodes = (): string[] => graph.filterNodes((key) => nodeShown(key));
  function updateStats(): void {
    const n = visibleNodes().length;
    const m = graph.filterEdges((edge) => edgeShown(edge)).length;
    stats.textContent = `${plural(n, 'node')} · ${plural(m, 'edge')} shown (of ${graph.order} · ${graph.size})`;
  }

  // ------------------------------------------------------------ legend and filter
  function categoryList(listId: string, categories: ViewerCategory[], visible: Set<string>, swatch: string): void {
    const list = byId<HTMLUListElement>(listId);
    for (const c of categories) {
      const box = el('input');
      box.type = 'checkbox';
      box.checked = visible.has(c.name);
      box.value = c.name;
      box.addEventListener('change', () => {
        if (box.checked) visible.add(c.name);
        else visible.delete(c.name);
        refresh();
      });
      const mark = el('span', { className: swatch });
      mark.style.background = c.color;
      list.append(el('li', {}, el('label', {}, box, mark, el('span', { text: c.name }), el('span', { className: 'ng-count', text: String(c.count) }))));
    }
  }
  categoryList('ng-legend', data.labels, visibleLabels, 'ng-dot');
  categoryList('ng-filter', data.edgeTypes, visibleTypes, 'ng-bar');

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
    dateFrom = fromBox.value;
    dateTo = toBox.value;
    refresh();
  };
  fromBox.addEventListener('change', onDates);
  toBox.addEventListener('change', onDates);

  function refresh(): void {
    renderer.refresh();
    updateStats();
  }

  // ------------------------------------------------------------ panel
  const panel = byId<HTMLElement>('ng-panel');
  const body = byId<HTMLElement>('ng-panel-body');
  byId<HTMLButtonElement>('ng-close').addEventListener('click', () => select(null));

  const nameOf = (key: string): string => nodesByKey.get(key)?.name ?? key;
  function link(key: string): HTMLElement {
    if (!nodesByKey.has(key)) return el('span', { text: key });
    const b = el('button', { className: 'ng-link', text: nameOf(key), title: nodesByKey.get(key)?.label ?? '' });
    b.type = 'button';
    b.addEventListener('click', () => select(key, true));
    return b;
  }
  function articleText(a: Attrs): string | undefined {
    const files = [...(str(a['article']) ? [str(a['article']) as string] : []), ...strs(a['articles'])];
    if (!files.length) return undefined;
    return files.map((f) => (articleTitles.get(f) && articleTitles.get(f) !== f ? `${articleTitles.get(f)} (${f})` : f)).join('; ');
  }
  function meta(parts: (string | Node | undefined)[]): HTMLElement {
    const m = el('div', { className: 'ng-meta' });
    let first = true;
    for (const p of parts) {
      if (p === undefined || p === '') continue;
      if (!first) m.append(' · ');
      m.append(p);
      first = false;
    }
    return m;
  }
  function section(title: string, items: HTMLElement[]): HTMLElement[] {
    if (!items.length) return [];
    const list = el('ol');
    for (const item of items.slice(0, MAX_LIST)) list.append(item);
    const out: HTMLElement[] = [el('h3', { text: `${title} (${items.length})` }), list];
    if (items.length > MAX_LIST) out.push(el('p', { className: 'ng-more', text: `… and ${items.length - MAX_LIST} more` }));
    return out;
  }
  function typeBadge(type: string): HTMLElement {
    const b = el('span', { className: 'ng-type', text: type });
    b.style.background = typeColors.get(type) ?? '#888';
    return b;
  }
  function fact(name: string, value: string | Node | undefined): HTMLElement | null {
    if (value === undefined || value === '') return null;
    return el('div', {}, el('strong', { text: `${name}: ` }), value);
  }
  function kindLine(n: ViewerNode): HTMLElement {
    const dot = el('span', { className: 'ng-dot' });
    dot.style.background = labelColors.get(n.label) ?? '#999';
    const iso3 = str(n.attributes['iso3']);
    return el('div', { className: 'ng-kind' }, dot, `${n.label}${iso3 ? ` · ${iso3}` : ''}`);
  }

  const edgesOf = (key: string, direction: 'in' | 'out'): ViewerEdge[] =>
    (direction === 'out' ? graph.outEdges(key) : graph.inEdges(key)).map((k) => edgesByKey.get(k)).filter((e): e is ViewerEdge => e !== undefined);

  /** A quote in a list; `show` says which end to name (the other is the panel's node). */
  function quoteItem(quoteKey: string, via: ViewerEdge | undefined, show: 'speaker' | 'addressee' | 'both'): HTMLElement {
    const q = nodesByKey.get(quoteKey);
    const a = q?.attributes ?? {};
    const speakers = edgesOf(quoteKey, 'in').filter((e) => e.type === 'SAID').map((e) => link(e.source));
    const addressees = edgesOf(quoteKey, 'out').filter((e) => e.type === 'SAID_TO').map((e) => link(e.target));
    const speakerPart = speakers.length ? el('span', {}, 'by ', ...speakers) : str(a['speaker']) ? `by ${str(a['speaker'])}` : undefined;
    const toPart = addressees.length ? el('span', {}, 'to ', ...joinNodes(addressees)) : undefined;
    const cue = str(via?.attributes['cue']) ?? str(a['cue']);
    return el(
      'li',
      { className: 'ng-item' },
      el('blockquote', { text: `“${str(a['text']) ?? ''}”` }),
      meta([show !== 'speaker' ? toPart : undefined, show !== 'addressee' ? speakerPart : undefined, cue ? `cue “${cue}”` : undefined, articleText(a) ?? articleText(via?.attributes ?? {}), ruleText(a)]),
    );
  }

  function relationItem(e: ViewerEdge, from: string): HTMLElement {
    const out = e.source === from;
    const other = out ? e.target : e.source;
    const a = e.attributes;
    const modality = str(a['modality']);
    const reportedBy = str(a['reportedBy']);
    const confidence = num(a['confidence']);
    const evidence = str(a['evidence']);
    return el(
      'li',
      { className: 'ng-item' },
      el('div', {}, typeBadge(e.type), out ? ' → ' : ' ← ', link(other)),
      evidence ? el('div', { className: 'ng-evidence', text: evidence }) : null,
      meta([
        articleText(a),
        modality && modality !== 'asserted' ? modality : undefined,
        str(a['role']) ? `role: ${str(a['role'])}` : undefined,
        reportedBy ? el('span', {}, 'reported by ', link(reportedBy)) : undefined,
        confidence !== undefined ? `confidence ${confidence.toFixed(2)}` : undefined,
        ruleText(a),
      ]),
    );
  }

  /** `rule verb.urge (CAMEO 02)`: which rule made an edge, shown next to its evidence. */
  function ruleText(a: Attrs): string | undefined {
    const rule = str(a['rule']);
    const cameo = str(a['cameo']);
    return rule ? `rule ${rule}${cameo ? ` (CAMEO ${cameo})` : ''}` : undefined;
  }

  function entityPanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const aliases = strs(a['aliases']).filter((x) => x !== n.name);
    const mentions = num(a['mentions']);
    const articles = num(a['articles']);
    const outs = edgesOf(n.key, 'out');
    const ins = edgesOf(n.key, 'in');
    const quotes = outs.filter((e) => e.type === 'SAID').map((e) => quoteItem(e.target, e, 'addressee'));
    const addressed = ins.filter((e) => e.type === 'SAID_TO').map((e) => quoteItem(e.source, e, 'speaker'));
    const relations = [...outs, ...ins]
      .filter((e) => !STRUCTURAL.has(e.type))
      .sort((x, y) => x.type.localeCompare(y.type) || str(x.attributes['article'])?.localeCompare(str(y.attributes['article']) ?? '') || 0)
      .map((e) => relationItem(e, n.key));
    const mentionedIn = outs
      .filter((e) => e.type === 'MENTIONED_IN')
      .map((e) => {
        const count = num(e.attributes['count']);
        const surface = strs(e.attributes['surface']);
        return el('li', { className: 'ng-item' }, link(e.target), meta([count !== undefined ? plural(count, 'mention') : undefined, surface.length ? `as ${surface.join(', ')}` : undefined]));
      });
    return [
      el('h2', { text: n.name }),
      kindLine(n),
      el(
        'div',
        { className: 'ng-facts' },
        fact('Also', aliases.join(', ')),
        fact('Roles', strs(a['roles']).join(', ')),
        fact('Affiliations', strs(a['affiliations']).join(', ')),
        fact('Mentions', mentions === undefined ? undefined : `${mentions}${articles === undefined ? '' : ` in ${plural(articles, 'article')}`}`),
      ),
      ...section('Quotes', quotes),
      ...section(`Quotes addressed to ${n.name}`, addressed),
      ...section('Relations', relations),
      ...section('Articles', mentionedIn),
    ];
  }

  function articlePanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const file = str(a['file']);
    const entities = edgesOf(n.key, 'in')
      .filter((e) => e.type === 'MENTIONED_IN')
      .map((e) => el('li', { className: 'ng-item' }, link(e.source), meta([nodesByKey.get(e.source)?.label])));
    const quotes = data.nodes.filter((q) => q.label === 'Quote' && file !== undefined && q.attributes['article'] === file).map((q) => quoteItem(q.key, undefined, 'both'));
    return [
      el('h2', { text: n.name }),
      kindLine(n),
      el('div', { className: 'ng-facts' }, fact('File', file), fact('Path', str(a['path'])), fact('Size', num(a['chars']) === undefined ? undefined : `${num(a['chars'])} characters`)),
      ...section('Entities mentioned', entities),
      ...section('Quotes', quotes),
    ];
  }

  function quotePanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const speakers = edgesOf(n.key, 'in').filter((e) => e.type === 'SAID').map((e) => link(e.source));
    const addressees = edgesOf(n.key, 'out').filter((e) => e.type === 'SAID_TO').map((e) => link(e.target));
    return [
      el('h2', { text: 'Quote' }),
      kindLine(n),
      el('blockquote', { text: `“${str(a['text']) ?? ''}”` }),
      el(
        'div',
        { className: 'ng-facts' },
        fact('Speaker', speakers.length ? el('span', {}, ...joinNodes(speakers)) : str(a['speaker'])),
        fact('Addressed to', addressees.length ? el('span', {}, ...joinNodes(addressees)) : undefined),
        fact('Article', articleText(a)),
        fact('Cue', str(a['cue'])),
        fact('Rule', str(a['rule'])),
        fact('Sentence', str(a['evidence'])),
      ),
    ];
  }

  function otherPanel(n: ViewerNode): HTMLElement[] {
    const facts = Object.entries(n.attributes).map(([k, v]) => fact(k, typeof v === 'string' ? v : JSON.stringify(v)));
    const edges = [...edgesOf(n.key, 'out'), ...edgesOf(n.key, 'in')].map((e) => relationItem(e, n.key));
    return [el('h2', { text: n.name }), kindLine(n), el('div', { className: 'ng-facts' }, ...facts), ...section('Edges', edges)];
  }

  function showPanel(key: string | null): void {
    body.replaceChildren();
    const n = key === null ? undefined : nodesByKey.get(key);
    const wasHidden = panel.hidden;
    if (!n) {
      panel.hidden = true;
    } else {
      const content = ENTITY_LABELS.has(n.label) ? entityPanel(n) : n.label === 'Article' ? articlePanel(n) : n.label === 'Quote' ? quotePanel(n) : otherPanel(n);
      body.append(...content);
      panel.hidden = false;
      panel.scrollTop = 0;
    }
    if (wasHidden !== panel.hidden) renderer.resize();
  }

  // ------------------------------------------------------------ selection
  function select(key: string | null, center = false): void {
    selected = key !== null && graph.hasNode(key) ? key : null;
    neighbours = new Set();
    if (selected !== null) {
      graph.forEachEdge(selected, (edge, _attrs, source, target) => {
        if (edgeShown(edge)) neighbours.add(source === selected ? target : source);
      });
    }
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

  // ------------------------------------------------------------ search
  interface SearchEntry {
    key: string;
    name: string;
    label: string;
    degree: number;
    name0: string;
    aliases0: string[];
  }
  const entries: SearchEntry[] = data.nodes
    .filter((n) => n.label !== 'Quote')
    .map((n) => ({ key: n.key, name: n.name, label: n.label, degree: n.degree, name0: normalise(n.name), aliases0: strs(n.attributes['aliases']).map(normalise) }));
  const wordStarts = (text: string, q: string): boolean => text.startsWith(q) || text.includes(` ${q}`) || text.includes(`-${q}`);
  function score(e: SearchEntry, q: string): number {
    if (e.name0 === q) return 0;
    if (e.aliases0.includes(q)) return 1;
    if (wordStarts(e.name0, q)) return 2;
    if (e.aliases0.some((a) => wordStarts(a, q))) return 3;
    if (e.name0.includes(q) || e.aliases0.some((a) => a.includes(q))) return 4;
    return -1;
  }
  function search(query: string): SearchEntry[] {
    const q = normalise(query);
    if (!q) return [];
    const hits: { e: SearchEntry; s: number }[] = [];
    for (const e of entries) {
      const s = score(e, q);
      if (s >= 0) hits.push({ e, s });
    }
    hits.sort(
      (x, y) =>
        x.s - y.s ||
        Number(!ENTITY_LABELS.has(x.e.label)) - Number(!ENTITY_LABELS.has(y.e.label)) ||
        y.e.degree - x.e.degree ||
        x.e.name.localeCompare(y.e.name),
    );
    return hits.slice(0, MAX_SUGGESTIONS).map((h) => h.e);
  }

  const input = byId<HTMLInputElement>('ng-search');
  const list = byId<HTMLUListElement>('ng-suggestions');
  const box = byId<HTMLElement>('ng-search-box');
  let suggestions: SearchEntry[] = [];
  let active = 0;
  function renderSuggestions(): void {
    list.replaceChildren();
    suggestions.forEach((s, i) => {
      const dot = el('span', { className: 'ng-dot' });
      dot.style.background = labelColors.get(s.label) ?? '#999';
      const li = el('li', {}, dot, el('span', { text: s.name }), el('span', { className: 'ng-kind', text: s.label }));
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === active));
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(s);
      });
      list.append(li);
    });
    list.hidden = suggestions.length === 0;
    box.setAttribute('aria-expanded', String(!list.hidden));
  }
  function choose(s: SearchEntry | undefined): void {
    if (!s) return;
    input.value = s.name;
    suggestions = [];
    renderSuggestions();
    select(s.key, true);
  }
  input.addEventListener('input', () => {
    suggestions = search(input.value);
    active = 0;
    renderSuggestions();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!suggestions.length) suggestions = search(input.value);
      if (suggestions.length) active = (active + (ev.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
      renderSuggestions();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      const current = suggestions.length ? suggestions : search(input.value);
      choose(current[active] ?? current[0]);
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      suggestions = [];
      renderSuggestions();
    }
  });
  input.addEventListener('blur', () => {
    suggestions = [];
    renderSuggestions();
  });

  updateStats();
  Object.defineProperty(window, '__newsgraph', {
    value: Object.freeze({ renderer, graph, data, select, selected: () => selected, visibleNodes }),
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

function joinNodes(nodes: HTMLElement[]): (HTMLElement | string)[] {
  return nodes.flatMap((n, i) => (i === 0 ? [n] : [', ', n]));
}

start();
