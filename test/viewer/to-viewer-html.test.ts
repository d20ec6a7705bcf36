import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityKey } from '../../src/graph/keys.js';
import { createViewerData } from '../../src/viewer/create-viewer-data.js';
import { toViewerHtml } from '../../src/viewer/to-viewer-html.js';
import type { ViewerData } from '../../src/viewer/viewer-data.js';
import { createBasicGraph } from '../helpers/graphs.js';

const dataOf = (html: string): ViewerData => {
  const m = /<script type="application\/json" id="ng-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no data script');
  return JSON.parse(m[1]) as ViewerData;
};
const scriptOf = (html: string): string => {
  const m = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no client script');
  return m[1];
};

describe('toViewerHtml', () => {
  const graph = createBasicGraph();
  const html = toViewerHtml(graph, { title: 'News <graph> & co' });

  it('embeds the viewer data, which parses back to createViewerData', () => {
    expect(dataOf(html)).toEqual(createViewerData(graph, { title: 'News <graph> & co' }));
  });

  it('escapes the title in <title> and the header', () => {
    expect(html).toContain('<title>News &lt;graph&gt; &amp; co</title>');
    expect(html).toContain('<h1 id="ng-title">News &lt;graph&gt; &amp; co</h1>');
  });

  it('is self-contained: two inline scripts, no external resources, a CSP that allows only this script', () => {
    expect(html.match(/<script\b/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
    expect(markup).not.toMatch(/\b(src|href)\s*=|<link\b|@import|url\(/i);
    const hash = createHash('sha256').update(scriptOf(html), 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it('the bundled client includes sigma and graphology and does not load anything', () => {
    const script = scriptOf(html);
    expect(script.length).toBeGreaterThan(50_000);
    expect(script).toContain('__newsgraph');
    expect(script).not.toMatch(/\bimportScripts\b|\bfetch\(|XMLHttpRequest/);
  });

  it('is deterministic', () => {
    expect(toViewerHtml(createBasicGraph(), { title: 'News <graph> & co' })).toBe(html);
  });

  it('no node name or quote can close the data script or add markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, text) => {
        const g = createBasicGraph();
        g.mergeNodeAttributes(entityKey('Person', 'Sergei Lavrov'), { name, aliases: [name, `</script>${text}`] });
        const page = toViewerHtml(g, { title: text, iterations: 5 });
        expect(page.match(/<\/script/gi)).toHaveLength(2);
        expect(page.match(/<script\b/gi)).toHaveLength(2);
        const lavrov = dataOf(page).nodes.find((n) => n.key === entityKey('Person', 'Sergei Lavrov'));
        expect(lavrov?.attributes['aliases']).toEqual([name, `</script>${text}`]);
      }),
      { numRuns: 40 },
    );
  });
});
