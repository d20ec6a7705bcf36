/**
 * A deterministic synthetic NewsGraph of a given size (entities, articles,
 * quotes, relation edges) for the viewer's scale test.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { articleKey, entityKey, mentionEdgeKey, quoteKey, relationEdgeKey, saidEdgeKey } from '../../src/graph/keys.js';
import type { EntityType } from '../../src/types.js';

const TYPES: EntityType[] = ['Person', 'Country', 'Organisation'];
const RELATIONS = ['SPOKE_WITH', 'WARNED', 'URGED', 'ACCUSED', 'SUPPORTED', 'DEMANDED'];

/** Park–Miller PRNG: the same seed gives the same graph. */
function createRandom(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

export interface GeneratedGraphSize {
  entities: number;
  articles: number;
  quotes: number;
  relations: number;
}

export function generateGraph(size: GeneratedGraphSize, seed = 42): NewsGraph {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const files: string[] = [];
  for (let i = 0; i < size.articles; i++) {
    const file = `gen_${String(i).padStart(4, '0')}.txt`;
    files.push(file);
    g.addNode(articleKey(file), { label: 'Article', file, path: `data/${file}`, title: `Generated article ${i}`, hash: `h${i}`, chars: 1000, tokens: 200 });
  }
  const entities: string[] = [];
  for (let i = 0; i < size.entities; i++) {
    // A few hubs (low i) get most of the edges, as in real news.
    const type = TYPES[i % 3] as EntityType;
    const name = `${type} ${i}`;
    const key = entityKey(type, name);
    entities.push(key);
    g.addNode(key, { label: type, name, aliases: [name], mentions: 1, articles: 1, roles: [], affiliations: [], confidence: 0.9 });
    const file = pick(files);
    g.addDirectedEdgeWithKey(mentionEdgeKey(key, articleKey(file)), key, articleKey(file), { type: 'MENTIONED_IN', article: file, count: 1, surface: [name] });
  }
  const hub = (): string => entities[Math.floor(random() ** 3 * entities.length)] as string;
  for (let i = 0; i < size.relations; i++) {
    const s = hub();
    const t = pick(entities);
    if (s === t) continue;
    const type = pick(RELATIONS);
    const file = pick(files);
    g.addDirectedEdgeWithKey(relationEdgeKey(type, s, t, file, i), s, t, {
      type, article: file, evidence: `Sentence ${i} about ${type.toLowerCase()}.`, start: i, end: i + 20, cue: type.toLowerCase(), modality: 'asserted', confidence: 0.7,
    });
  }
  for (let i = 0; i < size.quotes; i++) {
    const speaker = hub();
    const file = pick(files);
    const q = quoteKey(file, i);
    g.addNode(q, { label: 'Quote', text: `Generated quote number ${i}.`, article: file, start: i, end: i + 25 });
    g.addDirectedEdgeWithKey(saidEdgeKey(speaker, q), speaker, q, { type: 'SAID', article: file, start: i, end: i + 25, cue: 'said' });
  }
  return g;
}
