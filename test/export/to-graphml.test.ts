import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { createSchemaKeys, toGraphml } from '../../src/export/to-graphml.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { entityKey, quoteKey, relationEdgeKey } from '../../src/graph/keys.js';
import { SchemaError } from '../../src/errors.js';
import { loadGraphSchema } from '../../src/store/graph-schema.js';
import { createBasicGraph } from '../helpers/graphs.js';
import { decodeGraphml } from './decode-graphml.js';
import { createTextGraph, expectedAfterPolicy, nastyText } from './nasty.js';

/** The graph's nodes and edges as plain maps (what decodeGraphml returns). */
function snapshotGraph(graph: NewsGraph, mapString: (s: string) => string = (s) => s) {
  const deep = (v: unknown): unknown =>
    typeof v === 'string' ? mapString(v) : Array.isArray(v) ? v.map(deep) : v;
  const mapAttrs = (a: object): Record<string, unknown> =>
    Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined).map(([k, v]) => [k, deep(v)]));
  const nodes = new Map<string, Record<string, unknown>>();
  graph.forEachNode((key, attrs) => nodes.set(mapString(key), mapAttrs(attrs)));
  const edges = new Map<string, { source: string; target: string; attributes: Record<string, unknown> }>();
  graph.forEachEdge((key, attrs, source, target) =>
    edges.set(mapString(key), { source: mapString(source), target: mapString(target), attributes: mapAttrs(attrs) }),
  );
  return { nodes, edges };
}

const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

describe('toGraphml', () => {
  it('matches the golden file for the basic graph', async () => {
    await expect(toGraphml(createBasicGraph())).toMatchFileSnapshot('../golden/basic.graphml');
  });

  it('declares a typed key for every schema property, with unique ids', () => {
    const schema = loadGraphSchema();
    const doc = parseXml(toGraphml(new MultiDirectedGraph<NodeAttributes, EdgeAttributes>()));
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) => ({
      id: k.getAttribute('id'),
      for: k.getAttribute('for'),
      name: k.getAttribute('attr.name'),
      type: k.getAttribute('attr.type'),
      list: k.getAttribute('attr.list') || null,
    }));
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    const graphmlType = { STRING: 'string', 'STRING[]': 'string', INT64: 'long', DOUBLE: 'double', BOOLEAN: 'boolean' } as const;
    const expectKey = (domain: string, name: string, type: keyof typeof graphmlType) => {
      const key = keys.find((k) => k.for === domain && k.name === name);
      expect(key, `${domain} ${name}`).toBeDefined();
      expect(key?.type).toBe(graphmlType[type]);
      // Attribute lists the way APOC writes arrays: attr.type string + attr.list.
      if (type === 'STRING[]') expect(key?.list).toBe('string');
      else expect(key?.list ?? null).toBeNull();
    };
    for (const node of Object.values(schema.nodes)) {
      for (const [name, type] of Object.entries(node.properties)) expectKey('node', name, type);
    }
    for (const props of Object.values(schema.edgeProperties)) {
      for (const [name, type] of Object.entries(props)) expectKey('edge', name, type);
    }
    expect(keys).toContainEqual({ id: 'labels', for: 'node', name: 'labels', type: 'string', list: null });
    expect(keys).toContainEqual({ id: 'label', for: 'edge', name: 'label', type: 'string', list: null });
    // Declared from the schema: an empty graph and the basic graph have the same keys.
    expect(toGraphml(createBasicGraph()).match(/<key [^>]*>/g)).toEqual(
      toGraphml(new MultiDirectedGraph<NodeAttributes, EdgeAttributes>()).match(/<key [^>]*>/g),
    );
  });

  it('writes labels and relationship types in the form APOC import reads', () => {
    const graph = createBasicGraph();
    const doc = parseXml(toGraphml(graph));
    const graphEl = doc.getElementsByTagName('graph')[0];
    expect(graphEl?.getAttribute('edgedefault')).toBe('directed');
    const nodes = Array.from(doc.getElementsByTagName('node'));
    expect(nodes.map((n) => n.getAttribute('id'))).toEqual(graph.nodes().sort());
    for (const n of nodes) {
      const label = graph.getNodeAttribute(n.getAttribute('id') ?? '', 'label');
      expect(n.getAttribute('labels')).toBe(`:${label}`);
      const first = n.getElementsByTagName('data')[0];
      expect(first?.getAttribute('key')).toBe('labels');
      expect(first?.textContent).toBe(`:${label}`);
    }
    const edges = Array.from(doc.getElementsByTagName('edge'));
    expect(edges.map((e) => e.getAttribute('id'))).toEqual(graph.edges().sort());
    for (const e of edges) {
      const key = e.getAttribute('id') ?? '';
      expect(e.getAttribute('source')).toBe(graph.source(key));
      expect(e.getAttribute('target')).toBe(graph.target(key));
      expect(e.getAttribute('label')).toBe(graph.getEdgeAttribute(key, 'type'));
      const first = e.getElementsByTagName('data')[0];
      expect(first?.getAttribute('key')).toBe('label');
      expect(first?.textContent).toBe(graph.getEdgeAttribute(key, 'type'));
    }
    // Lists are JSON arrays.
    const blinken = nodes.find((n) => n.getAttribute('id') === entityKey('Person', 'Antony Blinken'));
    const aliases = Array.from(blinken?.getElementsByTagName('data') ?? []).find((d) => d.getAttribute('key') === 'n_aliases');
    expect(aliases?.textContent).toBe('["Antony Blinken","Blinken","Anthony Blingen"]');
  });

  it('round-trips the basic graph through graphology-graphml (nodes, edges, labels, types, attributes, lists)', () => {
    const graph = createBasicGraph();
    const decoded = decodeGraphml(toGraphml(graph));
    const original = snapshotGraph(graph);
    expect(decoded.nodes).toEqual(original.nodes);
    expect(decoded.edges).toEqual(original.edges);
    // The two parallel URGED edges are both there.
    const urged = [...decoded.edges.values()].filter((e) => e.attributes['type'] === 'URGED');
    expect(urged).toHaveLength(2);
  });

  it('is deterministic: insertion order does not change the output', () => {
    const graph = createBasicGraph();
    const data = graph.export();
    const shuffled: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    shuffled.import({
      ...data,
      nodes: [...data.nodes].reverse().map((n) => ({
        key: n.key,
        attributes: Object.fromEntries(Object.entries(n.attributes ?? {}).reverse()) as unknown as NodeAttributes,
      })),
      edges: [...data.edges].reverse(),
    });
    expect(toGraphml(shuffled)).toBe(toGraphml(graph));
  });

  it('declares inferred keys for attributes outside the schema and reads them back', () => {
    const graph = createBasicGraph();
    const edge = graph.edges()[0] ?? '';
    (graph.getEdgeAttributes(edge) as unknown as Record<string, unknown>)['articles'] = ['a1.txt', 'a2.txt'];
    (graph.getNodeAttributes(graph.nodes()[0] ?? '') as unknown as Record<string, unknown>)['weight'] = 1.5;
    graph.setAttribute('version', 2);
    const xml = toGraphml(graph);
    expect(xml).toContain('<key id="e_articles" for="edge" attr.name="articles" attr.type="string" attr.list="string"/>');
    expect(xml).toContain('<key id="n_weight" for="node" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain('<key id="g_version" for="graph" attr.name="version" attr.type="long"/>');
    expect(xml).toContain('<data key="g_version">2</data>');
    expect(xml).toContain('<data key="e_articles">["a1.txt","a2.txt"]</data>');
  });

  it.each([
    ['a non-integer in an INT64 property', { mentions: 1.5 }],
    ['a string where a list is expected', { aliases: 'Blinken' }],
    ['a number in a STRING property', { name: 42 }],
    ['a non-finite DOUBLE', { confidence: Number.NaN }],
  ])('throws a SchemaError for %s', (_name, patch) => {
    const graph = createBasicGraph();
    graph.mergeNodeAttributes(entityKey('Person', 'Antony Blinken'), patch as unknown as Partial<NodeAttributes>);
    expect(() => toGraphml(graph)).toThrow(SchemaError);
    try {
      toGraphml(graph);
    } catch (e) {
      expect((e as SchemaError).code).toBe('SCHEMA_VIOLATION');
    }
  });

  it('keeps values exactly except for the documented control-character policy (property)', () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;
    fc.assert(
      fc.property(
        fc.record({ name: nastyText, aliases: fc.array(nastyText, { maxLength: 4 }), quote: nastyText, evidence: nastyText, cue: nastyText, file: nastyText }),
        (t) => {
          const graph = createTextGraph(t);
          const xml = toGraphml(graph);
          expect(forbidden.test(xml)).toBe(false);
          const decoded = decodeGraphml(xml);
          const expected = snapshotGraph(graph, expectedAfterPolicy);
          expect(decoded.nodes).toEqual(expected.nodes);
          expect(decoded.edges).toEqual(expected.edges);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the list keys of the test decoder are the schema STRING[] properties', () => {
    const lists = createSchemaKeys(loadGraphSchema()).filter((k) => k.list).map((k) => `${k.for}:${k.name}`);
    expect(lists.sort()).toEqual(['edge:surface', 'node:affiliations', 'node:aliases', 'node:duplicates', 'node:roles']);
  });
});

/**
 * The interpreter that reads GraphML with networkx: NG_PYTHON (.ci/run sets
 * it to Debian's /usr/bin/python3 with python3-networkx), else the first of
 * /usr/bin/python3 and python3 that can import networkx. Under CI=true a
 * missing networkx fails the tests instead of skipping them.
 */
const pythonCandidates = process.env.NG_PYTHON ? [process.env.NG_PYTHON] : ['/usr/bin/python3', 'python3'];
const python = pythonCandidates.find((p) => spawnSync(p, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0);
const requireNetworkx = process.env.CI === 'true';
const hasNetworkx = python !== undefined || requireNetworkx;

describe('toGraphml read by networkx', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-graphml-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const script = `
import json, sys
import networkx as nx
G = nx.read_graphml(sys.argv[1], force_multigraph=True)
node = G.nodes[sys.argv[2]]
between = [dict(d, _key=k) for (u, v, k, d) in G.edges(keys=True, data=True) if u == sys.argv[2] and v == sys.argv[3]]
print(json.dumps({
  "directed": G.is_directed(), "multi": G.is_multigraph(),
  "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
  "node": node, "nodeTypes": {k: type(v).__name__ for k, v in node.items()},
  "between": sorted(between, key=lambda d: d["_key"]),
}))
`;
  const readWithNetworkx = (graph: NewsGraph, source: string, target: string) => {
    const file = path.join(dir, `g${Math.random().toString(36).slice(2)}.graphml`);
    writeFileSync(file, toGraphml(graph), 'utf8');
    if (!python) throw new Error(`networkx is required under CI: none of ${pythonCandidates.join(', ')} can import it (apt-get install python3-networkx)`);
    const run = spawnSync(python, ['-c', script, file, source, target], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as {
      directed: boolean; multi: boolean; nodes: number; edges: number;
      node: Record<string, unknown>; nodeTypes: Record<string, string>; between: Array<Record<string, unknown>>;
    };
  };

  it.skipIf(!hasNetworkx)('networkx.read_graphml reads the basic graph as a MultiDiGraph (skipped outside CI when no python3 can import networkx)', () => {
    const graph = createBasicGraph();
    const blinken = entityKey('Person', 'Antony Blinken');
    const russia = entityKey('Country', 'Russia');
    const out = readWithNetworkx(graph, blinken, russia);
    expect(out.directed).toBe(true);
    expect(out.multi).toBe(true);
    expect(out.nodes).toBe(graph.order);
    expect(out.edges).toBe(graph.size);
    expect(out.node['labels']).toBe(':Person');
    expect(out.node['name']).toBe('Antony Blinken');
    expect(JSON.parse(String(out.node['aliases']))).toEqual(['Antony Blinken', 'Blinken', 'Anthony Blingen']);
    expect(out.nodeTypes['mentions']).toBe('int');
    expect(out.nodeTypes['confidence']).toBe('float');
    // Two parallel URGED edges, keyed by their edge ids.
    expect(out.between.map((e) => e['label'])).toEqual(['URGED', 'URGED']);
    expect(out.between.map((e) => e['_key'])).toEqual([
      relationEdgeKey('URGED', blinken, russia, 'a1.txt', 200),
      relationEdgeKey('URGED', blinken, russia, 'a1.txt', 70),
    ]);
    expect(out.between[1]?.['evidence']).toBe(graph.getEdgeAttribute(out.between[1]?.['_key'] as string, 'evidence'));
    expect(out.between[1]?.['reportedBy']).toBe(entityKey('Person', 'Sergei Lavrov'));
  });

  it.skipIf(!hasNetworkx)('networkx (expat) accepts control characters, CR, markup and emoji under the documented policy', () => {
    const t = {
      name: 'A\u0001B <&> "q" \'s\' ]]> 😀',
      aliases: ['x\r\ny', '\uD800lone', 'tab\there'],
      quote: 'line1\nline2\r\u000Bend 👍🏽',
      evidence: '\uFFFE\uFFFF\u0000',
      cue: '“said”',
      file: 'a\u0002b.txt',
    };
    const graph = createTextGraph(t);
    const person = entityKey('Person', t.name);
    const out = readWithNetworkx(graph, person, quoteKey(t.file, 0).replace('\u0002', '\uFFFD'));
    expect(out.nodes).toBe(graph.order);
    expect(out.edges).toBe(graph.size);
    expect(out.node['name']).toBe(expectedAfterPolicy(t.name));
    expect(JSON.parse(String(out.node['aliases']))).toEqual(t.aliases.map(expectedAfterPolicy));
    expect(out.between).toHaveLength(1);
    expect(out.between[0]?.['label']).toBe('SAID');
    expect(out.between[0]?.['evidence']).toBe('\uFFFD\uFFFD\uFFFD');
    expect(out.between[0]?.['cue']).toBe('“said”');
  });
});
