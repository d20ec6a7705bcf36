import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { validateGraph } from '../../src/graph/validate-graph.js';
import type { ArticleResult, Mention } from '../../src/types.js';
import type { CorpusResolution } from '../../src/resolve/resolve-corpus.js';

const mention = (text: string, start: number, kind: Mention['kind'], type: Mention['type'] = 'Person'): Mention => ({
  start, end: start + text.length, text, type, kind, sentence: 0, firstToken: 0, lastToken: 0, name: text, confidence: 1,
});

function sample(): { results: ArticleResult[]; resolution: CorpusResolution } {
  const evidence = 'Blinken urged Russia to talk.';
  const a: ArticleResult = {
    article: { id: 'a.txt', path: 'in/a.txt', title: 'T', hash: 'h1', chars: 100, tokens: 20 },
    mentions: [mention('Blinken', 0, 'name'), mention('Russia', 14, 'name', 'Country'), mention('he', 40, 'pronoun'), mention('Lavrov', 50, 'name')],
    entities: [
      { id: 0, type: 'Person', name: 'Antony Blinken', aliases: ['Blinken'], mentions: [0, 2], roles: [], affiliations: [], confidence: 1 },
      { id: 1, type: 'Country', name: 'Russia', aliases: ['Russia'], mentions: [1], roles: [], affiliations: [], confidence: 1 },
      // only a pronoun: no MENTIONED_IN edge
      { id: 2, type: 'Person', name: 'Someone', aliases: [], mentions: [2], roles: [], affiliations: [], confidence: 0.5 },
      { id: 3, type: 'Person', name: 'Sergei Lavrov', aliases: ['Lavrov'], mentions: [3], roles: [], affiliations: [], confidence: 1 },
    ],
    relations: [
      { type: 'URGED', source: 0, target: 1, sentence: 0, evidence, start: 0, end: evidence.length, cue: 'urged', modality: 'asserted', confidence: 0.9, reportedBy: 3, rule: 'verb.urge', cameo: '02', plover: 'REQUEST' },
      { type: 'WARNED', source: 0, target: 1, sentence: 1, evidence: 'Blinken did not warn Russia.', start: 30, end: 58, cue: 'warn', modality: 'negated', confidence: 0.9, rule: 'verb.warn' },
      { type: 'SPOKE_WITH', source: 0, target: 0, sentence: 1, evidence: 'x', start: 60, end: 61, cue: 'met', modality: 'asserted', confidence: 0.9, rule: 'verb.meet' },
    ],
    quotes: [
      { text: 'We are ready', start: 70, end: 82, speaker: 0, addressee: 3, cue: 'told', sentence: 2, confidence: 0.9, evidence: '“We are ready,” Blinken told Lavrov.', rule: 'quote.speech-verb' },
      { text: 'No comment here', start: 90, end: 105, speaker: null, cue: 'said', sentence: 3, confidence: 0.5 },
    ],
    diagnostics: [],
  };
  const b: ArticleResult = {
    article: { id: 'b.txt', path: 'in/b.txt', title: 'U', hash: 'h2', chars: 50, tokens: 10 },
    mentions: [mention('Blinkin', 0, 'name'), mention('Moscow', 20, 'metonym', 'Country')],
    entities: [
      { id: 0, type: 'Person', name: 'Blinkin', aliases: ['Blinkin'], mentions: [0], roles: [], affiliations: [], confidence: 1 },
      { id: 1, type: 'Country', name: 'Russia', aliases: ['Moscow'], mentions: [1], roles: [], affiliations: [], confidence: 1 },
    ],
    relations: [{ type: 'URGED', source: 0, target: 1, sentence: 0, evidence: 'Blinkin urged Moscow.', start: 0, end: 21, cue: 'urged', modality: 'asserted', confidence: 0.9, rule: 'verb.urge' }],
    quotes: [],
    diagnostics: [],
  };
  const keys: Record<string, string> = { '0:0': 'person:antony-blinken', '0:1': 'country:russia', '0:2': 'person:someone', '0:3': 'person:sergei-lavrov', '1:0': 'person:antony-blinken', '1:1': 'country:russia' };
  const resolution: CorpusResolution = {
    entities: [
      { key: 'person:antony-blinken', type: 'Person', name: 'Antony Blinken', aliases: ['Blinken', 'Blinkin'], mentions: 3, articles: 2, roles: [], affiliations: [], confidence: 1 },
      { key: 'country:russia', type: 'Country', name: 'Russia', aliases: ['Russia', 'Moscow'], mentions: 2, articles: 2, roles: [], affiliations: [], confidence: 1, iso3: 'RUS' },
      { key: 'person:someone', type: 'Person', name: 'Someone', aliases: [], mentions: 1, articles: 1, roles: [], affiliations: [], confidence: 0.5 },
      { key: 'person:sergei-lavrov', type: 'Person', name: 'Sergei Lavrov', aliases: ['Lavrov'], mentions: 1, articles: 1, roles: [], affiliations: [], confidence: 1 },
    ],
    keyOf: (article, entity) => keys[`${article}:${entity}`],
  };
  return { results: [a, b], resolution };
}

describe('buildGraph', () => {
  it('builds article, entity and quote nodes with stable keys and a valid schema', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    expect(g.hasNode('article:a.txt')).toBe(true);
    expect(g.getNodeAttribute('article:b.txt', 'label')).toBe('Article');
    expect(g.getNodeAttribute('country:russia', 'label')).toBe('Country');
    expect(validateGraph(g)).toEqual([]);
  });

  it('links named entities to the articles that mention them, not pronoun-only ones', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    expect(g.hasEdge('MENTIONED_IN:person:antony-blinken->article:a.txt')).toBe(true);
    expect(g.hasEdge('MENTIONED_IN:person:antony-blinken->article:b.txt')).toBe(true);
    expect(g.getEdgeAttribute('MENTIONED_IN:person:antony-blinken->article:a.txt', 'count')).toBe(1);
    expect(g.edges('person:someone', 'article:a.txt')).toEqual([]);
  });

  it('keeps one relation edge per act per article, with evidence, cue and reporter', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    const urged = g.directedEdges('person:antony-blinken', 'country:russia').filter((e) => g.getEdgeAttribute(e, 'type') === 'URGED');
    expect(urged).toHaveLength(2);
    const first = g.getEdgeAttributes(urged.find((e) => g.getEdgeAttribute(e, 'article') === 'a.txt')!);
    expect(first).toMatchObject({ evidence: 'Blinken urged Russia to talk.', cue: 'urged', modality: 'asserted', reportedBy: 'person:sergei-lavrov', start: 0 });
  });

  it('carries the rule, CAMEO code and PLOVER type of each relation, and the rule of each quote', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    const urged = g.directedEdges('person:antony-blinken', 'country:russia').map((e) => g.getEdgeAttributes(e));
    expect(urged.find((a) => a.article === 'a.txt')).toMatchObject({ rule: 'verb.urge', cameo: '02', plover: 'REQUEST' });
    expect(urged.find((a) => a.article === 'b.txt')).toMatchObject({ rule: 'verb.urge' });
    expect(urged.find((a) => a.article === 'b.txt')).not.toHaveProperty('cameo');
    expect(g.getNodeAttributes('quote:a.txt:70')).toMatchObject({ rule: 'quote.speech-verb' });
    expect(g.getEdgeAttribute('SAID:person:antony-blinken->quote:a.txt:70', 'rule')).toBe('quote.speech-verb');
  });

  it('leaves out unasserted acts and self-loops unless asked', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    const types = g.mapEdges((_k, a) => a.type);
    expect(types).not.toContain('WARNED');
    expect(types).not.toContain('SPOKE_WITH');
    const all = buildGraph(results, resolution, { keepUnasserted: true });
    const warned = all.filterEdges((_k, a) => a.type === 'WARNED');
    expect(warned).toHaveLength(1);
    expect(all.getEdgeAttribute(warned[0]!, 'modality')).toBe('negated');
  });

  it('attributes quotes with SAID and SAID_TO edges and drops anonymous ones by default', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    const q = 'quote:a.txt:70';
    expect(g.getNodeAttributes(q)).toMatchObject({ label: 'Quote', text: 'We are ready', article: 'a.txt', speaker: 'Antony Blinken' });
    expect(g.getEdgeAttribute('SAID:person:antony-blinken->quote:a.txt:70', 'type')).toBe('SAID');
    expect(g.getEdgeAttribute('SAID_TO:quote:a.txt:70->person:sergei-lavrov', 'type')).toBe('SAID_TO');
    expect(g.hasNode('quote:a.txt:90')).toBe(false);
    const withAnon = buildGraph(results, resolution, { keepAnonymousQuotes: true });
    expect(withAnon.hasNode('quote:a.txt:90')).toBe(true);
    expect(withAnon.inDegree('quote:a.txt:90')).toBe(0);
    expect(validateGraph(withAnon)).toEqual([]);
  });

  it('sums MENTIONED_IN over article entities that share a node, in first-seen order', () => {
    const { results, resolution } = sample();
    const a = results[0]!;
    // Entity 3 (Lavrov) resolves to Blinken's node as well: one edge, counts and surfaces summed.
    const merged: CorpusResolution = { ...resolution, keyOf: (article, entity) => (article === 0 && entity === 3 ? 'person:antony-blinken' : resolution.keyOf(article, entity)) };
    const g = buildGraph([a], merged);
    const edges = g.edges('person:antony-blinken', 'article:a.txt');
    expect(edges).toEqual(['MENTIONED_IN:person:antony-blinken->article:a.txt']);
    expect(g.getEdgeAttributes(edges[0]!)).toEqual({ type: 'MENTIONED_IN', article: 'a.txt', count: 2, surface: ['Blinken', 'Lavrov'] });
    // The edge comes where its first entity did: before Russia's.
    expect(g.filterEdges((_k, x) => x.type === 'MENTIONED_IN')).toEqual(['MENTIONED_IN:person:antony-blinken->article:a.txt', 'MENTIONED_IN:country:russia->article:a.txt']);
  });

  it('merges an article met twice into its first edges and quotes', () => {
    const { results, resolution } = sample();
    const a = results[0]!;
    const twice = buildGraph([a, a], { ...resolution, keyOf: (_article, entity) => resolution.keyOf(0, entity) });
    const once = buildGraph([a], resolution);
    expect(twice.getEdgeAttributes('MENTIONED_IN:person:antony-blinken->article:a.txt')).toMatchObject({ count: 2, surface: ['Blinken'] });
    expect(twice.order).toBe(once.order);
    expect(twice.size).toBe(once.size);
    expect(twice.filterEdges((_k, x) => x.type === 'URGED')).toHaveLength(1);
  });

  it('keeps the first of two relations of one act in an article, and the first of two quotes at one offset', () => {
    const { results, resolution } = sample();
    const a = results[0]!;
    const urged = a.relations[0]!;
    const quote = a.quotes[0]!;
    const doubled: ArticleResult = { ...a, relations: [urged, { ...urged, cue: 'pressed', confidence: 0.5 }], quotes: [quote, { ...quote, text: 'Other words' }] };
    const g = buildGraph([doubled], resolution);
    const edges = g.filterEdges((_k, x) => x.type === 'URGED');
    expect(edges).toHaveLength(1);
    expect(g.getEdgeAttribute(edges[0]!, 'cue')).toBe('urged');
    expect(g.getNodeAttributes('quote:a.txt:70')).toMatchObject({ text: 'We are ready' });
    expect(g.filterEdges((_k, x) => x.type === 'SAID')).toHaveLength(1);
  });

  it('puts the publication date on the Article and event dates on acts, Quote nodes and their SAID edges', () => {
    const { results, resolution } = sample();
    const day = { value: '2026-03-03', precision: 'day' as const, start: '2026-03-03', end: '2026-03-03', text: 'on Tuesday' };
    const month = { value: '2026-02', precision: 'month' as const, start: '2026-02-01', end: '2026-02-28' };
    const a = results[0]!;
    const dated: ArticleResult = {
      ...a,
      article: { ...a.article, published: { date: '2026-03-05', source: 'html-meta' } },
      relations: a.relations.map((r, i) => (i === 0 ? { ...r, date: day } : r)),
      quotes: a.quotes.map((q, i) => (i === 0 ? { ...q, date: month } : q)),
    };
    const g = buildGraph([dated, ...results.slice(1)], resolution);
    expect(g.getNodeAttributes('article:a.txt')).toMatchObject({ published: '2026-03-05', publishedSource: 'html-meta' });
    expect(g.getNodeAttributes('article:b.txt')).not.toHaveProperty('published');
    const urged = g.filterEdges((_k, e) => e.type === 'URGED')[0]!;
    expect(g.getEdgeAttributes(urged)).toMatchObject({ date: '2026-03-03', datePrecision: 'day', dateStart: '2026-03-03', dateEnd: '2026-03-03', dateText: 'on Tuesday' });
    const quote = g.filterNodes((_k, n) => n.label === 'Quote')[0]!;
    expect(g.getNodeAttributes(quote)).toMatchObject({ date: '2026-02', datePrecision: 'month', dateStart: '2026-02-01', dateEnd: '2026-02-28' });
    expect(g.getNodeAttributes(quote)).not.toHaveProperty('dateText');
    const said = g.filterEdges((_k, e) => e.type === 'SAID')[0]!;
    expect(g.getEdgeAttributes(said)).toMatchObject({ date: '2026-02', dateStart: '2026-02-01' });
    expect(validateGraph(g)).toEqual([]);
  });

  it('is deterministic: the same input gives the same graph', () => {
    const { results, resolution } = sample();
    expect(JSON.stringify(buildGraph(results, resolution).export())).toBe(JSON.stringify(buildGraph(results, resolution).export()));
  });
});

describe('validateGraph', () => {
  it('reports unknown labels, missing and mistyped properties and bad endpoints', () => {
    const { results, resolution } = sample();
    const g = buildGraph(results, resolution);
    g.mergeNodeAttributes('person:antony-blinken', { mentions: 'three' } as never);
    g.addNode('x', { label: 'Planet' } as never);
    g.addDirectedEdge('article:a.txt', 'country:russia', { type: 'URGED' });
    const errors = validateGraph(g);
    expect(errors.some((e) => e.includes('mentions should be INT64'))).toBe(true);
    expect(errors.some((e) => e.includes('unknown label Planet'))).toBe(true);
    expect(errors.some((e) => e.includes('URGED may not go from Article'))).toBe(true);
  });
});
