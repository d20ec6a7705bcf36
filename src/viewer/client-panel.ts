/// <reference lib="dom" />
/**
 * The viewer's side panel: what it shows for an entity (facts, quotes,
 * relations with their evidence and rule, articles), an article, a quote or
 * any other node. Every text goes into the page as text content.
 */
import type { ViewerData, ViewerEdge, ViewerNode } from './viewer-data.js';
import { el, joinNodes, num, plural, str, strs, dot, type Attrs } from './client-dom.js';

export const ENTITY_LABELS = new Set(['Person', 'Country', 'Organisation']);
export const STRUCTURAL = new Set(['MENTIONED_IN', 'SAID', 'SAID_TO']);
const MAX_LIST = 200;

/** What the panel reads: the data, its nodes by key, the colours, a node's edges, and how to select a node. */
export interface PanelContext {
  readonly data: ViewerData;
  readonly nodesByKey: ReadonlyMap<string, ViewerNode>;
  readonly labelColors: ReadonlyMap<string, string>;
  readonly typeColors: ReadonlyMap<string, string>;
  readonly edgesOf: (key: string, direction: 'in' | 'out') => ViewerEdge[];
  readonly select: (key: string, center: boolean) => void;
}

/** The panel's content for a node. */
export class Panels {
  /** Article file -> its title, for the article names of edges and quotes. */
  private readonly articleTitles = new Map<string, string>();

  constructor(private readonly ctx: PanelContext) {
    for (const n of ctx.data.nodes) {
      const file = str(n.attributes['file']);
      if (n.label === 'Article' && file) this.articleTitles.set(file, str(n.attributes['title']) ?? file);
    }
  }

  content(n: ViewerNode): HTMLElement[] {
    if (ENTITY_LABELS.has(n.label)) return this.entityPanel(n);
    if (n.label === 'Article') return this.articlePanel(n);
    return n.label === 'Quote' ? this.quotePanel(n) : this.otherPanel(n);
  }

  /** A button that selects the node (plain text when the key is no node). */
  private link(key: string): HTMLElement {
    const node = this.ctx.nodesByKey.get(key);
    if (!node) return el('span', { text: key });
    const b = el('button', { className: 'ng-link', text: node.name, title: node.label });
    b.type = 'button';
    b.addEventListener('click', () => this.ctx.select(key, true));
    return b;
  }

  private articleText(a: Attrs): string | undefined {
    const files = [...(str(a['article']) ? [str(a['article']) as string] : []), ...strs(a['articles'])];
    if (!files.length) return undefined;
    return files.map((f) => (this.articleTitles.get(f) && this.articleTitles.get(f) !== f ? `${this.articleTitles.get(f)} (${f})` : f)).join('; ');
  }

  private typeBadge(type: string): HTMLElement {
    const b = el('span', { className: 'ng-type', text: type });
    b.style.background = this.ctx.typeColors.get(type) ?? '#888';
    return b;
  }

  private kindLine(n: ViewerNode): HTMLElement {
    const iso3 = str(n.attributes['iso3']);
    return el('div', { className: 'ng-kind' }, dot(this.ctx.labelColors.get(n.label) ?? '#999'), `${n.label}${iso3 ? ` · ${iso3}` : ''}`);
  }

  /** A quote in a list; `show` says which end to name (the other is the panel's node). */
  private quoteItem(quoteKey: string, via: ViewerEdge | undefined, show: 'speaker' | 'addressee' | 'both'): HTMLElement {
    const q = this.ctx.nodesByKey.get(quoteKey);
    const a = q?.attributes ?? {};
    const speakers = this.ctx.edgesOf(quoteKey, 'in').filter((e) => e.type === 'SAID').map((e) => this.link(e.source));
    const addressees = this.ctx.edgesOf(quoteKey, 'out').filter((e) => e.type === 'SAID_TO').map((e) => this.link(e.target));
    const speakerPart = speakers.length ? el('span', {}, 'by ', ...speakers) : str(a['speaker']) ? `by ${str(a['speaker'])}` : undefined;
    const toPart = addressees.length ? el('span', {}, 'to ', ...joinNodes(addressees)) : undefined;
    const cue = str(via?.attributes['cue']) ?? str(a['cue']);
    return el(
      'li',
      { className: 'ng-item' },
      el('blockquote', { text: `“${str(a['text']) ?? ''}”` }),
      meta([show !== 'speaker' ? toPart : undefined, show !== 'addressee' ? speakerPart : undefined, cue ? `cue “${cue}”` : undefined, this.articleText(a) ?? this.articleText(via?.attributes ?? {}), ruleText(a)]),
    );
  }

  private relationItem(e: ViewerEdge, from: string): HTMLElement {
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
      el('div', {}, this.typeBadge(e.type), out ? ' → ' : ' ← ', this.link(other)),
      evidence ? el('div', { className: 'ng-evidence', text: evidence }) : null,
      meta([
        this.articleText(a),
        modality && modality !== 'asserted' ? modality : undefined,
        str(a['role']) ? `role: ${str(a['role'])}` : undefined,
        reportedBy ? el('span', {}, 'reported by ', this.link(reportedBy)) : undefined,
        confidence !== undefined ? `confidence ${confidence.toFixed(2)}` : undefined,
        ruleText(a),
      ]),
    );
  }

  private entityPanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const aliases = strs(a['aliases']).filter((x) => x !== n.name);
    const mentions = num(a['mentions']);
    const articles = num(a['articles']);
    const outs = this.ctx.edgesOf(n.key, 'out');
    const ins = this.ctx.edgesOf(n.key, 'in');
    const quotes = outs.filter((e) => e.type === 'SAID').map((e) => this.quoteItem(e.target, e, 'addressee'));
    const addressed = ins.filter((e) => e.type === 'SAID_TO').map((e) => this.quoteItem(e.source, e, 'speaker'));
    const relations = [...outs, ...ins]
      .filter((e) => !STRUCTURAL.has(e.type))
      .sort((x, y) => x.type.localeCompare(y.type) || str(x.attributes['article'])?.localeCompare(str(y.attributes['article']) ?? '') || 0)
      .map((e) => this.relationItem(e, n.key));
    const mentionedIn = outs
      .filter((e) => e.type === 'MENTIONED_IN')
      .map((e) => {
        const count = num(e.attributes['count']);
        const surface = strs(e.attributes['surface']);
        return el('li', { className: 'ng-item' }, this.link(e.target), meta([count !== undefined ? plural(count, 'mention') : undefined, surface.length ? `as ${surface.join(', ')}` : undefined]));
      });
    return [
      el('h2', { text: n.name }),
      this.kindLine(n),
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

  private articlePanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const file = str(a['file']);
    const entities = this.ctx
      .edgesOf(n.key, 'in')
      .filter((e) => e.type === 'MENTIONED_IN')
      .map((e) => el('li', { className: 'ng-item' }, this.link(e.source), meta([this.ctx.nodesByKey.get(e.source)?.label])));
    const quotes = this.ctx.data.nodes.filter((q) => q.label === 'Quote' && file !== undefined && q.attributes['article'] === file).map((q) => this.quoteItem(q.key, undefined, 'both'));
    return [
      el('h2', { text: n.name }),
      this.kindLine(n),
      el('div', { className: 'ng-facts' }, fact('File', file), fact('Path', str(a['path'])), fact('Size', num(a['chars']) === undefined ? undefined : `${num(a['chars'])} characters`)),
      ...section('Entities mentioned', entities),
      ...section('Quotes', quotes),
    ];
  }

  private quotePanel(n: ViewerNode): HTMLElement[] {
    const a = n.attributes;
    const speakers = this.ctx.edgesOf(n.key, 'in').filter((e) => e.type === 'SAID').map((e) => this.link(e.source));
    const addressees = this.ctx.edgesOf(n.key, 'out').filter((e) => e.type === 'SAID_TO').map((e) => this.link(e.target));
    return [
      el('h2', { text: 'Quote' }),
      this.kindLine(n),
      el('blockquote', { text: `“${str(a['text']) ?? ''}”` }),
      el(
        'div',
        { className: 'ng-facts' },
        fact('Speaker', speakers.length ? el('span', {}, ...joinNodes(speakers)) : str(a['speaker'])),
        fact('Addressed to', addressees.length ? el('span', {}, ...joinNodes(addressees)) : undefined),
        fact('Article', this.articleText(a)),
        fact('Cue', str(a['cue'])),
        fact('Rule', str(a['rule'])),
        fact('Sentence', str(a['evidence'])),
      ),
    ];
  }

  private otherPanel(n: ViewerNode): HTMLElement[] {
    const facts = Object.entries(n.attributes).map(([k, v]) => fact(k, typeof v === 'string' ? v : JSON.stringify(v)));
    const edges = [...this.ctx.edgesOf(n.key, 'out'), ...this.ctx.edgesOf(n.key, 'in')].map((e) => this.relationItem(e, n.key));
    return [el('h2', { text: n.name }), this.kindLine(n), el('div', { className: 'ng-facts' }, ...facts), ...section('Edges', edges)];
  }
}

/** A line of facts joined by `·`, empty parts left out. */
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

/** A titled list with its length, at most MAX_LIST items shown. */
function section(title: string, items: HTMLElement[]): HTMLElement[] {
  if (!items.length) return [];
  const list = el('ol');
  for (const item of items.slice(0, MAX_LIST)) list.append(item);
  const out: HTMLElement[] = [el('h3', { text: `${title} (${items.length})` }), list];
  if (items.length > MAX_LIST) out.push(el('p', { className: 'ng-more', text: `… and ${items.length - MAX_LIST} more` }));
  return out;
}

function fact(name: string, value: string | Node | undefined): HTMLElement | null {
  if (value === undefined || value === '') return null;
  return el('div', {}, el('strong', { text: `${name}: ` }), value);
}

/** `rule verb.urge (CAMEO 02)`: which rule made an edge, shown next to its evidence. */
function ruleText(a: Attrs): string | undefined {
  const rule = str(a['rule']);
  const cameo = str(a['cameo']);
  return rule ? `rule ${rule}${cameo ? ` (CAMEO ${cameo})` : ''}` : undefined;
}
