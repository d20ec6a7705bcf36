/**
 * Human-readable and JSON summaries of a finished graph (pure), or of a build's store.
 */
import { queryKuzuMany } from '../store/kuzu-store.js';
import type { NewsGraph } from '../graph/attributes.js';
import { isEntityNode } from '../graph/attributes.js';

interface WhoSaidWhatRow {
  readonly speaker: string;
  /** A relation type, or `SAID` for a quote. */
  readonly act: string;
  /** The target's name, or the quoted words for a quote. */
  readonly what: string;
  readonly article: string;
}

export interface GraphSummary {
  readonly articles: number;
  readonly entities: Record<string, number>;
  readonly relations: Record<string, number>;
  readonly quotes: number;
  readonly whoSaidWhat: readonly WhoSaidWhatRow[];
}

const name = (g: NewsGraph, key: string): string => {
  const a = g.getNodeAttributes(key);
  return isEntityNode(a) ? a.name : a.label === 'Quote' ? a.text : a.file;
};

export function summarizeGraph(graph: NewsGraph, rows = 10): GraphSummary {
  const entities: Record<string, number> = { Person: 0, Country: 0, Organisation: 0 };
  let articles = 0;
  let quotes = 0;
  graph.forEachNode((_k, a) => {
    if (isEntityNode(a)) entities[a.label] = (entities[a.label] ?? 0) + 1;
    else if (a.label === 'Article') articles++;
    else quotes++;
  });
  const relations: Record<string, number> = {};
  const acts: WhoSaidWhatRow[] = [];
  graph.forEachEdge((_k, e, source, target) => {
    if (e.type === 'MENTIONED_IN' || e.type === 'SAID_TO') return;
    if (e.type !== 'SAID') relations[e.type] = (relations[e.type] ?? 0) + 1;
    if (e.type === 'AFFILIATED_WITH') return;
    acts.push({ speaker: name(graph, source), act: e.type, what: name(graph, target), article: e.article ?? '' });
  });
  acts.sort((a, b) => a.article.localeCompare(b.article) || a.speaker.localeCompare(b.speaker) || a.act.localeCompare(b.act));
  return { articles, entities, relations: Object.fromEntries(Object.entries(relations).sort()), quotes, whoSaidWhat: acts.slice(0, rows) };
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatSummary(s: GraphSummary): string {
  const lines: string[] = [];
  lines.push(`articles: ${s.articles}`);
  lines.push(`entities: ${Object.entries(s.entities).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  const rel = Object.entries(s.relations);
  lines.push(`relations: ${rel.length ? rel.map(([t, n]) => `${t} ${n}`).join(', ') : 'none'}`);
  lines.push(`quotes: ${s.quotes}`);
  if (s.whoSaidWhat.length) {
    lines.push('', 'who said what to whom (first rows):');
    const w = Math.min(24, Math.max(...s.whoSaidWhat.map((r) => r.speaker.length)));
    for (const r of s.whoSaidWhat) {
      const what = r.act === 'SAID' ? `“${clip(r.what, 60)}”` : r.what;
      lines.push(`  ${clip(r.speaker, 24).padEnd(w)}  ${r.act.padEnd(15)} ${what}  [${r.article}]`);
    }
  }
  return lines.join('\n');
}

/** The summary of a build from its store (an incremental append holds only its new rows in memory). */
export async function summarizeStore(storeDir: string, rows = 10): Promise<GraphSummary> {
  const [labels, types, acts] = await queryKuzuMany(storeDir, [
    'MATCH (n) RETURN label(n) AS label, count(*) AS n',
    'MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS n',
    "MATCH (s)-[r]->(t) WHERE label(r) <> 'MENTIONED_IN' AND label(r) <> 'SAID_TO' AND label(r) <> 'AFFILIATED_WITH' RETURN s.name AS speaker, label(r) AS act, coalesce(t.name, t.text, t.file) AS what, r.article AS article",
  ]);
  const count = (rows: readonly Record<string, unknown>[] | undefined, name: string): Record<string, number> => Object.fromEntries((rows ?? []).map((r) => [String(r[name]), Number(r.n)]));
  const byLabel = count(labels?.rows, 'label');
  const relations = count(types?.rows, 'type');
  for (const t of ['MENTIONED_IN', 'SAID_TO', 'SAID']) delete relations[t];
  const list = (acts?.rows ?? []).map((r) => ({ speaker: String(r.speaker ?? ''), act: String(r.act), what: String(r.what ?? ''), article: String(r.article ?? '') }));
  list.sort((a, b) => a.article.localeCompare(b.article) || a.speaker.localeCompare(b.speaker) || a.act.localeCompare(b.act));
  return {
    articles: byLabel.Article ?? 0,
    entities: { Person: byLabel.Person ?? 0, Country: byLabel.Country ?? 0, Organisation: byLabel.Organisation ?? 0 },
    relations: Object.fromEntries(Object.entries(relations).sort()),
    quotes: byLabel.Quote ?? 0,
    whoSaidWhat: list.slice(0, rows),
  };
}
