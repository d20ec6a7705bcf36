/**
 * Viewer colours (presentation only). Node colours by label; edge colours by
 * type: conflictual acts in reds, cooperative ones in greens/blues, the
 * structural edges (mentions, quotes) in pale greys and mauves.
 */

const LABEL_COLORS: Readonly<Record<string, string>> = {
  Person: '#3b78c4',
  Country: '#3f9b4f',
  Organisation: '#e07b1f',
  Article: '#8d7866',
  Quote: '#a05fa0',
};

export const EDGE_COLORS: Readonly<Record<string, string>> = {
  SPOKE_WITH: '#5b8bd9',
  SUPPORTED: '#2e9e44',
  PROPOSED: '#19a7b8',
  URGED: '#8a63c2',
  DEMANDED: '#d3683b',
  WARNED: '#e3a21a',
  THREATENED: '#d62728',
  ACCUSED: '#a3122f',
  REJECTED: '#7d3c8c',
  DEPLOYED_NEAR: '#8c564b',
  AFFILIATED_WITH: '#8f979e',
  MENTIONED_IN: '#c9c9c9',
  SAID: '#c088c0',
  SAID_TO: '#d9b3d9',
};

/** Order of labels in the legend; unknown labels follow alphabetically. */
export const LABEL_ORDER: readonly string[] = ['Person', 'Country', 'Organisation', 'Article', 'Quote'];

/** Labels drawn on the canvas when the page opens; the others are listed in the side panel. */
export const LABELS_SHOWN_BY_DEFAULT: ReadonlySet<string> = new Set(['Person', 'Country', 'Organisation']);

/** Edge types that are not acts between entities (listed after the relation types). */
export const STRUCTURAL_EDGE_TYPES: ReadonlySet<string> = new Set(['MENTIONED_IN', 'SAID', 'SAID_TO']);

const FALLBACK = ['#6f4e7c', '#0b84a5', '#ca472f', '#9dd866', '#ffa056', '#8dddd0', '#f6c85f', '#b0b0b0'];

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const fallbackColor = (name: string): string => FALLBACK[hashString(name) % FALLBACK.length] ?? '#999999';

export const colorOfLabel = (label: string): string => LABEL_COLORS[label] ?? fallbackColor(label);
export const colorOfEdgeType = (type: string): string => EDGE_COLORS[type] ?? fallbackColor(type);
