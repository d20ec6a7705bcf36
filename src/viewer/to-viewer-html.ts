/**
 * NewsGraph -> a self-contained HTML page that draws the graph with sigma.js
 * over graphology: no server, no network (a Content-Security-Policy allows
 * only the page's own inline script and style), everything inlined.
 *
 * The page shows entities (Person, Country, Organisation) on the canvas;
 * Article and Quote nodes are off by default (tick them in the legend) and
 * are listed in the side panel of the entity they belong to.
 */
import { createHash } from 'node:crypto';
import type { NewsGraph } from '../graph/attributes.js';
import { bundleViewerClient } from './bundle-client.js';
import { createViewerData } from './create-viewer-data.js';
import { escapeHtml, escapeJsonForScript } from './escape-html.js';
import { VIEWER_CSS } from './viewer-style.js';

export interface ViewerOptions {
  /** Page title (default "newsgraph"). */
  title?: string;
  /** ForceAtlas2 iterations (default: by graph size). */
  iterations?: number;
}

/** The id of the `<script type="application/json">` element holding the ViewerData. */
const VIEWER_DATA_ID = 'ng-data';

export function toViewerHtml(graph: NewsGraph, options: ViewerOptions = {}): string {
  const title = options.title ?? 'newsgraph';
  const data = createViewerData(graph, { title, ...(options.iterations === undefined ? {} : { iterations: options.iterations }) });
  const script = bundleViewerClient();
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="newsgraph">
<title>${t}</title>
<style>${VIEWER_CSS}</style>
</head>
<body>
<header id="ng-bar">
<h1 id="ng-title">${t}</h1>
<div id="ng-search-box" role="combobox" aria-expanded="false" aria-owns="ng-suggestions" aria-haspopup="listbox">
<input id="ng-search" type="search" placeholder="Search a person, country, organisation…" autocomplete="off" spellcheck="false" aria-label="Search entities" aria-autocomplete="list" aria-controls="ng-suggestions">
<ul id="ng-suggestions" role="listbox" hidden></ul>
</div>
<span id="ng-stats"></span>
</header>
<nav id="ng-side" aria-label="Legend and filters">
<h2>Nodes</h2>
<ul id="ng-legend"></ul>
<h2>Relationships</h2>
<ul id="ng-filter"></ul>
<h2>Dates</h2>
<div id="ng-dates"><label>from <input id="ng-date-from" type="date"></label> <label>to <input id="ng-date-to" type="date"></label></div>
<p class="ng-hint">Click a node for its quotes and relations. A date range hides the acts and quotations outside it. Articles and quotes are listed in the panel; tick them above to draw them too. Labels of small nodes appear as you zoom in.</p>
</nav>
<main id="ng-canvas" aria-label="Graph"></main>
<aside id="ng-panel" aria-live="polite" hidden>
<button id="ng-close" type="button" aria-label="Close panel">×</button>
<div id="ng-panel-body"></div>
</aside>
<script type="application/json" id="${VIEWER_DATA_ID}">${escapeJsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
