/// <reference lib="dom" />
/**
 * Small DOM and value helpers of the viewer page's script: elements built
 * with text content (never markup) and attribute values read defensively.
 */

export type Attrs = Record<string, unknown>;

export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`newsgraph viewer: #${id} is missing from the page`);
  return e as T;
}

/** An element with text content (never markup) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
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

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
export const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A coloured dot (the swatch of a node label). */
export function dot(color: string): HTMLElement {
  const d = el('span', { className: 'ng-dot' });
  d.style.background = color;
  return d;
}

export function joinNodes(nodes: HTMLElement[]): (HTMLElement | string)[] {
  return nodes.flatMap((n, i) => (i === 0 ? [n] : [', ', n]));
}
