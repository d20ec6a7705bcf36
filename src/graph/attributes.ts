/**
 * Node and edge attribute types of the graphology graph. They mirror
 * `schema/graph.schema.json` (checked by test/graph/schema.test.ts); `label`
 * on nodes and `type` on edges are what the scorer and every exporter read.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { DatePrecision, EntityType, Modality, PublishedSource } from '../types.js';

export type NodeLabel = EntityType | 'Article' | 'Quote';

export interface EntityNodeAttributes {
  label: EntityType;
  name: string;
  aliases: string[];
  /** Number of mentions over all articles. */
  mentions: number;
  /** Number of articles mentioning the entity. */
  articles: number;
  roles: string[];
  affiliations: string[];
  confidence: number;
  iso3?: string;
}

export interface ArticleNodeAttributes {
  label: 'Article';
  file: string;
  path: string;
  title: string;
  hash: string;
  /** Publication date `YYYY-MM-DD`, when known, and where it was read (sidecar, html-meta, json-ld, time-element, dateline, option). */
  published?: string;
  publishedSource?: PublishedSource;
  /** Files of the near-duplicate copies of this article (left out of the graph, see src/dedupe/). */
  duplicates?: string[];
  chars: number;
  tokens: number;
}

export interface QuoteNodeAttributes {
  label: 'Quote';
  text: string;
  /** The article's file name. */
  article: string;
  start: number;
  end: number;
  /** When it was said: see EventDateAttributes. */
  date?: string;
  datePrecision?: DatePrecision;
  dateStart?: string;
  dateEnd?: string;
  dateText?: string;
  /** Speaker's display name (the SAID edge links the node). */
  speaker?: string;
  cue?: string;
  evidence?: string;
  confidence?: number;
  /** Id of the attribution rule that found the speaker. */
  rule?: string;
}

export type NodeAttributes = EntityNodeAttributes | ArticleNodeAttributes | QuoteNodeAttributes;

export interface EdgeAttributes {
  /** MENTIONED_IN, SAID, SAID_TO or a RelationType. */
  type: string;
  /** The article's file name. */
  article?: string;
  evidence?: string;
  start?: number;
  end?: number;
  /**
   * When the act happened: `date` is ISO 8601 at its precision (day, month,
   * year, or a range `start/end`), `dateStart`/`dateEnd` its first and last
   * day, `dateText` the words that gave it (absent: the article's date).
   */
  date?: string;
  datePrecision?: DatePrecision;
  dateStart?: string;
  dateEnd?: string;
  dateText?: string;
  cue?: string;
  modality?: Modality;
  /** Key of the entity node that reported the act. */
  reportedBy?: string;
  role?: string;
  confidence?: number;
  /** Id of the rule or producer that made a relation edge or attributed a quote (SAID). */
  rule?: string;
  /** Relation edges: CAMEO event code and PLOVER type of the act, when the type has them. */
  cameo?: string;
  plover?: string;
  /** MENTIONED_IN: how many mentions, and their surface forms (0 and none for a country or body named only in a person's title). */
  count?: number;
  surface?: string[];
}

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const isEntityNode = (a: NodeAttributes): a is EntityNodeAttributes =>
  a.label === 'Person' || a.label === 'Country' || a.label === 'Organisation';
