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
    const { article } = result;
    const file = article.id;
    const aKey = articleKey(file);
    graph.mergeNode(aKey, {
      label: 'Article',
      file,
      path: article.path,
      title: article.title,
      hash: article.hash,
      chars: article.chars,
      tokens: article.tokens,
    });
    const keyOf = (entityId: number): string | undefined => {
      const key = resolution.keyOf(articleIndex, entityId);
      return key !== undefined && graph.hasNode(key) ? key : undefined;
    };

    for (const entity of result.entities) {
      const key = keyOf(entity.id);
      if (!key) continue;
      const named = entity.mentions.map((i) => result.mentions[i]).filter((m) => m && NAMING_KINDS.has(m.kind));
      if (named.length === 0) continue;
      const surface = [...new Set(named.map((m) => m!.text))];
      const edgeKey = mentionEdgeKey(key, aKey);
      if (graph.hasEdge(edgeKey)) {
        const prev = graph.getEdgeAttributes(edgeKey);
        graph.mergeEdgeAttributes(edgeKey, {
          count: (prev.count ?? 0) + named.length,
          surface: [...new Set([...(prev.surface ?? []), ...surface])],
        });
      } else {
        graph.addDirectedEdgeWithKey(edgeKey, key, aKey, { type: 'MENTIONED_IN', article: file, count: named.length, surface });
      }
    }

    for (const r of result.relations) {
      if (r.modality !== 'asserted' && !options.keepUnasserted) continue;
      const source = keyOf(r.source);
      const target = keyOf(r.target);
      if (!source || !target || source === target) continue;
      const key = relationEdgeKey(r.type, source, target, file, r.start);
      if (graph.hasEdge(key)) continue;
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
        ...(reporter ? { reportedBy: reporter } : {}),
        ...(r.role ? { role: r.role } : {}),
      });
    }

    for (const q of result.quotes) {
      const speaker = q.speaker === null ? undefined : keyOf(q.speaker);
      if (!speaker && !options.keepAnonymousQuotes) continue;
      const qKey = quoteKey(file, q.start);
      if (graph.hasNode(qKey)) continue;
      const sentence = q.evidence;
      graph.addNode(qKey, {
        label: 'Quote',
        text: q.text,
        article: file,
        start: q.start,
        end: q.end,
        cue: q.cue,
        confidence: q.confidence,
        ...(speaker ? { speaker: (graph.getNodeAttributes(speaker) as { name: string }).name } : {}),
        ...(sentence ? { evidence: sentence } : {}),
      });
      if (speaker) {
        graph.addDirectedEdgeWithKey(saidEdgeKey(speaker, qKey), speaker, qKey, {
          type: 'SAID',
          article: file,
          start: q.start,
          end: q.end,
          cue: q.cue,
          confidence: q.confidence,
          ...(sentence ? { evidence: sentence } : {}),
        });
      }
      const addressee = q.addressee === undefined ? undefined : keyOf(q.addressee);
      if (addressee && addressee !== speaker) {
        graph.addDirectedEdgeWithKey(saidToEdgeKey(qKey, addressee), qKey, addressee, {
          type: 'SAID_TO',
          article: file,
          start: q.start,
          end: q.end,
          cue: q.cue,
          ...(sentence ? { evidence: sentence } : {}),
        });
      }
    }
  });
  return graph;
}
