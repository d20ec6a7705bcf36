/**
 * The viewer page in a real browser: Debian's chromium driven by
 * playwright-core, page opened from file:// (no server). Skipped, with a
 * message, where /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { entityKey, mentionEdgeKey, quoteKey, saidEdgeKey } from '../../src/graph/keys.js';
import { toViewerHtml } from '../../src/viewer/to-viewer-html.js';
import { createBasicGraph } from '../helpers/graphs.js';
import { generateGraph } from './generate-graph.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OUT = path.resolve('test-output');
if (!HAS_CHROMIUM) {
  console.warn(`viewer browser tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

const LAVROV = entityKey('Person', 'Sergei Lavrov');
const BLINKEN = entityKey('Person', 'Antony Blinken');
const HOSTILE = '</script><img src=x onerror=alert(1)>';

interface Opened {
  page: Page;
  /** Console errors, page errors, requests leaving file://, dialogs. */
  problems: string[];
  loadMs: number;
}

interface DebugHook {
  renderer: {
    getNodeDisplayData(k: string): { x: number; y: number; hidden: boolean } | undefined;
    getEdgeDisplayData(k: string): { hidden: boolean } | undefined;
    getNodeDisplayedLabels(): Set<string>;
    getCamera(): { getState(): { x: number; y: number; ratio: number } };
    graphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
  };
  graph: { order: number; size: number; nodes(): string[]; edges(): string[]; getNodeAttributes(k: string): { x: number; y: number } };
  selected(): string | null;
  visibleNodes(): string[];
}
declare global {
  interface Window {
    __newsgraph: DebugHook;
  }
}

describe.skipIf(!HAS_CHROMIUM)('viewer page in chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(graph: NewsGraph, name: string, title?: string): Promise<Opened> {
    const file = path.join(OUT, `${name}.html`);
    writeFileSync(file, toViewerHtml(graph, title === undefined ? {} : { title }));
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) problems.push(`network: ${r.url()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const t0 = Date.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => window.__newsgraph !== undefined, undefined, { timeout: 30_000 });
    return { page, problems, loadMs: Date.now() - t0 };
  }

  const panelTitle = (page: Page): Promise<string | null> => page.locator('#ng-panel h2').textContent();

  it('draws the entities of the basic graph with no console or page errors', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-basic');
    const r = await page.evaluate(() => {
      const { renderer, graph, visibleNodes } = window.__newsgraph;
      return {
        order: graph.order,
        visible: visibleNodes().sort(),
        notHidden: graph.nodes().filter((k) => renderer.getNodeDisplayData(k)?.hidden === false).length,
        labels: [...renderer.getNodeDisplayedLabels()].sort(),
      };
    });
    expect(r.order).toBe(7);
    const entities = [entityKey('Country', 'Russia'), entityKey('Country', 'United States'), entityKey('Organisation', 'US State Department'), BLINKEN, LAVROV].sort();
    expect(r.visible).toEqual(entities);
    expect(r.notHidden).toBe(5);
    expect(r.labels).toEqual(entities);
    expect(await page.locator('#ng-legend li').allTextContents()).toEqual(['Person2', 'Country2', 'Organisation1', 'Article1', 'Quote1']);
    expect(await page.locator('#ng-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searching "Lavrov" and pressing Enter selects and centres Sergei Lavrov', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-search');
    await page.fill('#ng-search', 'Lavrov');
    await page.press('#ng-search', 'Enter');
    await expect.poll(() => panelTitle(page)).toBe('Sergei Lavrov');
    expect(await page.evaluate(() => window.__newsgraph.selected())).toBe(LAVROV);
    // The camera animation (400 ms) ends on the node.
    await expect
      .poll(() =>
        page.evaluate((k) => {
          const { renderer } = window.__newsgraph;
          const d = renderer.getNodeDisplayData(k);
          const c = renderer.getCamera().getState();
          return d ? Math.hypot(d.x - c.x, d.y - c.y) : 1;
        }, LAVROV),
      )
      .toBeLessThan(1e-3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows suggestions while typing; choosing one lists the quotes and relations', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-suggest');
    await page.locator('#ng-search').pressSequentially('blin');
    const first = page.locator('#ng-suggestions li').first();
    await expect.poll(() => first.textContent()).toBe('Antony BlinkenPerson');
    await first.click();
    await expect.poll(() => panelTitle(page)).toBe('Antony Blinken');
    const panel = await page.locator('#ng-panel').innerText();
    expect(panel).toContain('QUOTES (1)');
    expect(panel).toContain('“The secretary emphasized the willingness of the United States — “bilaterally” & <together>”');
    expect(panel).toContain('to Sergei Lavrov');
    expect(panel).toContain('RELATIONS (3)');
    expect(panel).toContain('Price said the secretary urged the "Putin government" to <reduce> pressure & withdraw.');
    expect(panel).toContain('reported by Sergei Lavrov');
    // Next to the evidence: the rule that made the edge.
    expect(panel).toContain('rule verb.urge (CAMEO 02)');
    expect(panel).toContain('rule quote.speech-verb');
    expect(panel).toContain('Blinken & Lavrov <talk> (a1.txt)');
    const relations = await page.locator('#ng-panel li.ng-item > div:first-child').allTextContents();
    expect(relations.filter((t) => /^(SPOKE_WITH|URGED)/.test(t)).sort()).toEqual(['SPOKE_WITH → Sergei Lavrov', 'URGED → Russia', 'URGED → Russia']);
    // A name in the panel is a link to that node.
    await page.locator('#ng-panel button.ng-link', { hasText: 'Russia' }).first().click();
    await expect.poll(() => panelTitle(page)).toBe('Russia');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('clicking Lavrov on the canvas lists his quotes and edges; screenshot', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-click');
    const point = await page.evaluate((k) => {
      const { renderer, graph } = window.__newsgraph;
      const p = renderer.graphToViewport(graph.getNodeAttributes(k));
      const box = renderer.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, LAVROV);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => panelTitle(page)).toBe('Sergei Lavrov');
    const panel = await page.locator('#ng-panel').innerText();
    expect(panel).toContain('QUOTES ADDRESSED TO SERGEI LAVROV (1)');
    expect(panel).toContain('The secretary emphasized the willingness');
    expect(panel).toContain('by Antony Blinken');
    expect(panel).toContain('SPOKE_WITH ← Antony Blinken');
    expect(panel).toContain('AFFILIATED_WITH → Russia');
    expect(panel).toContain('Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.');
    expect(panel).toContain('Roles: Foreign Minister');
    // The selection keeps its neighbours' labels and dims the rest.
    const labels = await page.evaluate(() => [...window.__newsgraph.renderer.getNodeDisplayedLabels()].sort());
    expect(labels).toEqual([BLINKEN, entityKey('Country', 'Russia'), LAVROV].sort());
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'viewer.png') });
    // Clicking the empty stage closes the panel.
    const box = await page.locator('#ng-canvas').boundingBox();
    if (box) await page.mouse.click(box.x + 5, box.y + 5);
    await expect.poll(() => page.locator('#ng-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the legend and relationship filter show and hide nodes and edges', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-filter');
    const count = (): Promise<{ nodes: number; edges: number }> =>
      page.evaluate(() => {
        const { renderer, graph } = window.__newsgraph;
        return {
          nodes: graph.nodes().filter((k) => renderer.getNodeDisplayData(k)?.hidden === false).length,
          edges: graph.edges().filter((k) => renderer.getEdgeDisplayData(k)?.hidden === false).length,
        };
      });
    expect(await count()).toEqual({ nodes: 5, edges: 5 });
    await page.locator('#ng-filter label', { hasText: 'URGED' }).click();
    expect(await count()).toEqual({ nodes: 5, edges: 3 });
    await page.locator('#ng-legend label', { hasText: 'Quote' }).click();
    expect(await count()).toEqual({ nodes: 6, edges: 5 });
    await page.locator('#ng-legend label', { hasText: 'Article' }).click();
    expect(await count()).toEqual({ nodes: 7, edges: 10 });
    expect(await page.locator('#ng-stats').textContent()).toBe('7 nodes · 10 edges shown (of 7 · 12)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the date range hides acts and quotations outside it, and undated ones once a bound is set', async () => {
    const { page, problems } = await open(createBasicGraph(), 'viewer-dates');
    const shownEdges = (): Promise<string[]> =>
      page.evaluate(() => {
        const { renderer, graph } = window.__newsgraph;
        return graph.edges().filter((k) => renderer.getEdgeDisplayData(k)?.hidden === false).sort();
      });
    expect(await shownEdges()).toHaveLength(5);
    expect(await page.locator('#ng-date-from').getAttribute('min')).toBe('2026-02-01');
    const setDate = async (id: string, value: string): Promise<void> => {
      await page.locator(id).fill(value);
      await page.locator(id).dispatchEvent('change');
    };
    await setDate('#ng-date-from', '2026-03-01');
    expect(await shownEdges()).toEqual(['URGED:person:antony-blinken->country:russia@a1.txt:70']);
    await setDate('#ng-date-to', '2026-03-02');
    expect(await shownEdges()).toEqual([]);
    await setDate('#ng-date-from', '');
    expect(await shownEdges()).toEqual(['URGED:person:antony-blinken->country:russia@a1.txt:200']);
    await page.locator('#ng-legend label', { hasText: 'Quote' }).click();
    const quotes = await page.evaluate(() => {
      const { renderer, graph } = window.__newsgraph;
      return graph.nodes().filter((k) => k.startsWith('quote:') && renderer.getNodeDisplayData(k)?.hidden === false).length;
    });
    expect(quotes).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows hostile names, quotes and titles literally and runs none of them', async () => {
    const g = createBasicGraph();
    const evil = entityKey('Person', HOSTILE);
    g.addNode(evil, { label: 'Person', name: HOSTILE, aliases: [HOSTILE, '<b>bold</b>'], mentions: 1, articles: 1, roles: ['<svg onload=alert(2)>'], affiliations: [], confidence: 1 });
    g.addDirectedEdgeWithKey(mentionEdgeKey(evil, 'article:a1.txt'), evil, 'article:a1.txt', { type: 'MENTIONED_IN', article: 'a1.txt', count: 1 });
    const q = quoteKey('a1.txt', 999);
    const text = `<script>alert(3)</script> & \u2028 <!-- ${HOSTILE}`;
    g.addNode(q, { label: 'Quote', text, article: 'a1.txt', start: 999, end: 1100 });
    g.addDirectedEdgeWithKey(saidEdgeKey(evil, q), evil, q, { type: 'SAID', article: 'a1.txt', evidence: HOSTILE });
    const { page, problems } = await open(g, 'viewer-hostile', `${HOSTILE} title`);
    expect(await page.title()).toBe(`${HOSTILE} title`);
    await page.fill('#ng-search', 'script');
    await page.press('#ng-search', 'Enter');
    await expect.poll(() => panelTitle(page)).toBe(HOSTILE);
    const panel = await page.locator('#ng-panel').innerText();
    expect(panel).toContain('Also: <b>bold</b>');
    expect(panel).toContain('Roles: <svg onload=alert(2)>');
    expect(panel).toContain(`“<script>alert(3)</script> &`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg, b, #ng-panel script').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens an empty graph without errors', async () => {
    const { page, problems } = await open(new MultiDirectedGraph<NodeAttributes, EdgeAttributes>(), 'viewer-empty');
    expect(await page.evaluate(() => window.__newsgraph.visibleNodes().length)).toBe(0);
    expect(await page.locator('#ng-stats').textContent()).toBe('0 nodes · 0 edges shown (of 0 · 0)');
    await page.fill('#ng-search', 'Lavrov');
    await page.press('#ng-search', 'Enter');
    expect(await page.locator('#ng-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stays usable with ~3000 nodes: loads quickly, labels thinned, search works', async () => {
    const graph = generateGraph({ entities: 2400, articles: 300, quotes: 300, relations: 4000 });
    expect(graph.order).toBe(3000);
    const t0 = Date.now();
    const { page, problems, loadMs } = await open(graph, 'viewer-large');
    const totalMs = Date.now() - t0;
    const r = await page.evaluate(() => {
      const { renderer, visibleNodes } = window.__newsgraph;
      return { visible: visibleNodes().length, labels: renderer.getNodeDisplayedLabels().size };
    });
    expect(r.visible).toBe(2400);
    expect(r.labels).toBeGreaterThan(0);
    expect(r.labels).toBeLessThan(400);
    expect(loadMs).toBeLessThan(10_000);
    expect(totalMs).toBeLessThan(30_000);
    await page.screenshot({ path: path.join(OUT, 'viewer-large-overview.png') });
    await page.fill('#ng-search', 'Person 42');
    await page.press('#ng-search', 'Enter');
    await expect.poll(() => panelTitle(page)).toBe('Person 42');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'viewer-large.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
