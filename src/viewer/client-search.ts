/// <reference lib="dom" />
/**
 * The viewer's search box: names and aliases matched accent- and
 * case-insensitively (whole name, alias, word start, anywhere), entities
 * before other nodes and well-connected ones first, picked with the mouse or
 * the arrow keys and Enter.
 */
import type { ViewerData } from './viewer-data.js';
import { byId, dot, el, strs } from './client-dom.js';
import { ENTITY_LABELS } from './client-panel.js';
import { foldDiacritics } from '../text/fold.js';

const MAX_SUGGESTIONS = 10;

interface SearchEntry {
  key: string;
  name: string;
  label: string;
  degree: number;
  name0: string;
  aliases0: string[];
}

const normalise = (s: string): string =>
  foldDiacritics(s).toLowerCase().replace(/[’'`´.]/g, '').replace(/\s+/g, ' ').trim();
const wordStarts = (text: string, q: string): boolean => text.startsWith(q) || text.includes(` ${q}`) || text.includes(`-${q}`);

/** How well an entry matches the normalised query: 0 (the name) to 4 (inside a word), -1 none. */
function score(e: SearchEntry, q: string): number {
  if (e.name0 === q) return 0;
  if (e.aliases0.includes(q)) return 1;
  if (wordStarts(e.name0, q)) return 2;
  if (e.aliases0.some((a) => wordStarts(a, q))) return 3;
  if (e.name0.includes(q) || e.aliases0.some((a) => a.includes(q))) return 4;
  return -1;
}

/** The best matches of a query among the entries. */
function search(entries: readonly SearchEntry[], query: string): SearchEntry[] {
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

/** Wires the search box and its suggestion list; a chosen node is selected and centred. */
export function wireSearch(data: ViewerData, labelColors: ReadonlyMap<string, string>, select: (key: string, center: boolean) => void): void {
  const entries: SearchEntry[] = data.nodes
    .filter((n) => n.label !== 'Quote')
    .map((n) => ({ key: n.key, name: n.name, label: n.label, degree: n.degree, name0: normalise(n.name), aliases0: strs(n.attributes['aliases']).map(normalise) }));
  const input = byId<HTMLInputElement>('ng-search');
  const list = byId<HTMLUListElement>('ng-suggestions');
  const box = byId<HTMLElement>('ng-search-box');
  let suggestions: SearchEntry[] = [];
  let active = 0;
  function renderSuggestions(): void {
    list.replaceChildren();
    suggestions.forEach((s, i) => {
      const li = el('li', {}, dot(labelColors.get(s.label) ?? '#999'), el('span', { text: s.name }), el('span', { className: 'ng-kind', text: s.label }));
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
    suggestions = search(entries, input.value);
    active = 0;
    renderSuggestions();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!suggestions.length) suggestions = search(entries, input.value);
      if (suggestions.length) active = (active + (ev.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
      renderSuggestions();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      const current = suggestions.length ? suggestions : search(entries, input.value);
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
}
