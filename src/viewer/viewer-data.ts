/**
 * The data the viewer page carries (JSON in a `<script type="application/json">`)
 * and the browser client reads. Shared as types only between the Node side
 * (`create-viewer-data.ts`) and the client (`client.ts`).
 */

export interface ViewerNode {
  key: string;
  /** Node label: Person, Country, Organisation, Article, Quote (or anything else the graph holds). */
  label: string;
  /** Text drawn on the canvas: entity name, article title, shortened quote. */
  name: string;
  x: number;
  y: number;
  size: number;
  degree: number;
  /** The node's attributes, minus `label` (shown in the side panel). */
  attributes: Record<string, unknown>;
}

export interface ViewerEdge {
  key: string;
  source: string;
  target: string;
  /** MENTIONED_IN, SAID, SAID_TO or a relation type. */
  type: string;
  /** The edge's attributes, minus `type`. */
  attributes: Record<string, unknown>;
}

export interface ViewerCategory {
  /** A node label or an edge type. */
  name: string;
  color: string;
  count: number;
  /** Shown on the canvas when the page opens. */
  visible: boolean;
  /** An edge type whose direction carries no meaning (drawn without arrows). */
  symmetric?: boolean;
}

export interface ViewerData {
  version: 1;
  title: string;
  labels: ViewerCategory[];
  edgeTypes: ViewerCategory[];
  nodes: ViewerNode[];
  edges: ViewerEdge[];
}
