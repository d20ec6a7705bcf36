/**
 * graph stage: per-article results + cross-article resolution -> one
 * graphology multi directed graph with stable keys. Article, entity and Quote
 * nodes; MENTIONED_IN, SAID, SAID_TO and relation edges, every relation and
 * SAID edge carrying its article, evidence sentence, offsets and cue.
 * Pure: no I/O.
 */
import { MultiDirectedGraph } from 'graphology';
import type { ArticleResult } from '../types.js';
import type { CorpusResolution } from '../resolve/resolve-corpus.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from './attributes.js';
import { dateAttributes } from '../dates/date-attributes.js';
import { articleKey, mentionEdgeKey, quoteKey, relationEdgeKey, saidEdgeKey, saidToEdgeKey } from './keys.js';

export interface BuildGraphOptions {
  /**
   * Keep negated, hypothetical and future acts as edges (marked with their
   * `modality`). Off by default: the graph then states only what the
   * articles report as having happened.
   */
  readonly keepUnasserted?: boolean;
  /**
   * Keep quotes whose speaker could not be identified (anonymous sources)
   * as Quote nodes without a SAID edge. Off by default.
   */
  readonly keepAnonymousQuotes?: boolean;
  /** Article id -> the ids of its near-duplicates, which the results no longer hold (see src/dedupe/). */
  readonly duplicates?: ReadonlyMap<string, readonly string[]>;
}

/** Mention kinds that name an entity (a pronoun or a bare title alone does not make a mention of it). */
const NAMING_KINDS = new Set(['name', 'surname', 'metonym', 'acronym']);

export function buildGraph(
  results: readonly ArticleResult[],
  resolution: CorpusResolution,
  options: BuildGraphOptions = {},
): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const { key, type, aliases, roles, affiliations, ...rest } of resolution.entities) {
    graph.mergeNode(key, { label: type, ...rest, aliases: [...aliases], roles: [...roles], affiliations: [...affiliations] });
  }
  results.forEach((result, articleIndex) => {
    const file = result.article.id;
    const aKey = articleKey(file);
    // An article met twice (same id) merges into its first edges, checked key by key.
    const into: ArticleTarget = { graph, file, aKey, repeated: graph.hasNode(aKey), keyOf: nodeKeys(graph, resolution, articleIndex) };
    addArticleNode(into, result, options);
    addMentionEdges(into, result);
    addRelationEdges(into, result, options);
    addQuotes(into, result, options);
  });
  return graph;
}

/** Where one article's nodes and edges go: the graph, the article's id and node key, and its entities' node keys. */
interface ArticleTarget {
  readonly graph: NewsGraph;
  readonly file: string;
  readonly aKey: string;
  /** The article's node was already in the graph (an id met twice): keys may exist already. */
  readonly repeated: boolean;
  readonly keyOf: (entityId: number) => string | undefined;
}

/** Article entity id -> its node key (undefined when resolution gave it no node), each looked up once per article. */
function nodeKeys(graph: NewsGraph, resolution: CorpusResolution, articleIndex: number): (entityId: number) => string | undefined {
  const keys: (string | null | undefined)[] = [];
  return (entityId) => {
    let key = keys[entityId];
    if (key === undefined) {
      const k = resolution.keyOf(articleIndex, entityId);
      keys[entityId] = key = k !== undefined && graph.hasNode(k) ? k : null;
    }
    return key ?? undefined;
  };
}

function addArticleNode({ graph, file, aKey }: ArticleTarget, { article }: ArticleResult, options: BuildGraphOptions): void {
  graph.mergeNode(aKey, {
    label: 'Article',
    file,
    path: article.path,
    title: article.title,
    hash: article.hash,
    chars: article.chars,
    tokens: article.tokens,
    ...(article.published ? { published: article.published.date, publishedSource: article.published.source } : {}),
    ...(options.duplicates?.has(file) ? { duplicates: [...(options.duplicates.get(file) ?? [])] } : {}),
  });
}

/**
 * MENTIONED_IN: one edge per entity node and article. Several article entities can share a
 * node; their counts and surface forms are summed and the edge is added once, in the order of
 * the first of them.
 */
function addMentionEdges({ graph, file, aKey, repeated, keyOf }: ArticleTarget, result: ArticleResult): void {
  const mentioned = new Map<string, { count: number; surface: Set<string> }>();
  for (const entity of result.entities) {
    const key = keyOf(entity.id);
    if (!key) continue;
    let entry = mentioned.get(key);
    // An entity named only through a person's title (`Hungarian Prime Minister X`) is still of the article.
    if (!entity.mentions.length && !entry) mentioned.set(key, (entry = { count: 0, surface: new Set<string>() }));
    for (const i of entity.mentions) {
      const m = result.mentions[i];
      if (!m || !NAMING_KINDS.has(m.kind)) continue;
      if (!entry) mentioned.set(key, (entry = { count: 0, surface: new Set<string>() }));
      entry.count++;
      entry.surface.add(m.text);
    }
  }
  for (const [key, { count, surface }] of mentioned) {
    const edgeKey = mentionEdgeKey(key, aKey);
    if (repeated && graph.hasEdge(edgeKey)) {
      const prev = graph.getEdgeAttributes(edgeKey);
      graph.mergeEdgeAttributes(edgeKey, {
        count: (prev.count ?? 0) + count,
        surface: [...new Set([...(prev.surface ?? []), ...surface])],
      });
    } else {
      graph.addDirectedEdgeWithKey(edgeKey, key, aKey, { type: 'MENTIONED_IN', article: file, count, surface: [...surface] });
    }
  }
}

/**
 * One edge per relation between two different entity nodes, the first of those with one key.
 * Edge keys hold the article's id, so only a repeated article can meet keys already in the graph.
 */
function addRelationEdges({ graph, file, repeated, keyOf }: ArticleTarget, result: ArticleResult, options: BuildGraphOptions): void {
  const relationKeys = new Set<string>();
  for (const r of result.relations) {
    if (r.modality !== 'asserted' && !options.keepUnasserted) continue;
    const source = keyOf(r.source);
    const target = keyOf(r.target);
    if (!source || !target || source === target) continue;
    const key = relationEdgeKey(r.type, source, target, file, r.start);
    if (relationKeys.has(key) || (repeated && graph.hasEdge(key))) continue;
    relationKeys.add(key);
    const reporter = r.reportedBy === undefined ? undefined : keyOf(r.reportedBy);
    graph.addDirectedEdgeWithKey(key, source, target, {
      type: r.type,
      article: file,
      evidence: r.evidence,
      start: r.start,
      end: r.end,
      cue: r.cue,
      modality: r.modality,
      confidence: r.confidence,
      ...dateAttributes(r.date),
      rule: r.rule,
      ...(r.cameo ? { cameo: r.cameo } : {}),
      ...(r.plover ? { plover: r.plover } : {}),
      ...(reporter ? { reportedBy: reporter } : {}),
      ...(r.role ? { role: r.role } : {}),
    });
  }
}

/** A Quote node per quote start (anonymous ones only when asked), with its SAID and SAID_TO edges. */
function addQuotes(into: ArticleTarget, result: ArticleResult, options: BuildGraphOptions): void {
  const { graph, file, repeated, keyOf } = into;
  const quoteStarts = new Set<number>();
  for (const q of result.quotes) {
    const speaker = q.speaker === null ? undefined : keyOf(q.speaker);
    if (!speaker && !options.keepAnonymousQuotes) continue;
    if (quoteStarts.has(q.start)) continue;
    quoteStarts.add(q.start);
    const qKey = quoteKey(file, q.start);
    if (repeated && graph.hasNode(qKey)) continue;
    graph.addNode(qKey, {
      label: 'Quote',
      text: q.text,
      ...quoteSpan(file, q),
      confidence: q.confidence,
      ...dateAttributes(q.date),
      ...(q.rule ? { rule: q.rule } : {}),
      ...(speaker ? { speaker: (graph.getNodeAttributes(speaker) as { name: string }).name } : {}),
      ...(q.evidence ? { evidence: q.evidence } : {}),
    });
    addQuoteEdges(into, q, qKey, speaker);
  }
}

/** Where a quotation stands and how it was cued: shared by its node and its SAID and SAID_TO edges. */
function quoteSpan(file: string, q: ArticleResult['quotes'][number]): { article: string; start: number; end: number; cue: string } {
  return { article: file, start: q.start, end: q.end, cue: q.cue };
}

/** SAID from the speaker to the quote, SAID_TO from the quote to its addressee (not the speaker). */
function addQuoteEdges({ graph, file, keyOf }: ArticleTarget, q: ArticleResult['quotes'][number], qKey: string, speaker: string | undefined): void {
  const sentence = q.evidence;
  if (speaker) {
    graph.addDirectedEdgeWithKey(saidEdgeKey(speaker, qKey), speaker, qKey, {
      type: 'SAID',
      ...quoteSpan(file, q),
      confidence: q.confidence,
      ...dateAttributes(q.date),
      ...(q.rule ? { rule: q.rule } : {}),
      ...(sentence ? { evidence: sentence } : {}),
    });
  }
  const addressee = q.addressee === undefined ? undefined : keyOf(q.addressee);
  if (addressee && addressee !== speaker) {
    graph.addDirectedEdgeWithKey(saidToEdgeKey(qKey, addressee), qKey, addressee, {
      type: 'SAID_TO',
      ...quoteSpan(file, q),
      ...dateAttributes(q.date),
      ...(sentence ? { evidence: sentence } : {}),
    });
  }
}
