/**
 * The machine-readable extraction of one text (`newsgraph extract`): the
 * per-article stages over the text AS GIVEN (no boilerplate removal, no
 * whitespace changes), so every offset is a JavaScript string index into
 * the caller's `text`. One entry per mention.
 */
import { createHash } from 'node:crypto';
import type { Article, EntityType, RelationType, Span } from '../types.js';
import type { Lexicons } from './lexicons.js';
import { processArticle } from './process-article.js';

interface ExtractedEntity { type: EntityType; name: string; start: number; end: number; text: string; kind: string }
interface ExtractedRelation {
  type: RelationType;
  source: string;
  target: string;
  start: number;
  end: number;
  evidence: string;
  cue: string;
  modality: string;
  reportedBy?: string;
  role?: string;
}
interface ExtractedQuote { text: string; start: number; end: number; speaker: string | null; addressee?: string; cue: string }
export interface Extraction {
  id: string;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  quotes: ExtractedQuote[];
  diagnostics?: string[];
}

/** Paragraph spans of a raw text: its non-blank lines, untouched. */
export function lineParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return spans;
}

export function extractDocument(id: string, text: string, lex: Lexicons): Extraction {
  const article: Article = {
    id,
    path: id,
    title: '',
    text,
    paragraphs: lineParagraphs(text),
    hash: createHash('sha256').update(text).digest('hex'),
  };
  const r = processArticle(article, lex);
  const entityName = (i: number | null | undefined): string | null => (i === null || i === undefined ? null : (r.entities[i]?.name ?? null));
  const ownerOf = new Map<number, number>();
  for (const e of r.entities) for (const m of e.mentions) ownerOf.set(m, e.id);
  const entities: ExtractedEntity[] = [];
  r.mentions.forEach((m, i) => {
    const owner = ownerOf.get(i);
    if (m.kind === 'pronoun' || m.kind === 'title') return; // references, not names
    entities.push({ type: m.type, name: owner === undefined ? m.name : (entityName(owner) ?? m.name), start: m.start, end: m.end, text: m.text, kind: m.kind });
  });
  const relations: ExtractedRelation[] = r.relations.map((rel) => ({
    type: rel.type,
    source: entityName(rel.source) ?? '',
    target: entityName(rel.target) ?? '',
    start: rel.start,
    end: rel.end,
    evidence: rel.evidence,
    cue: rel.cue,
    modality: rel.modality,
    ...(rel.reportedBy !== undefined ? { reportedBy: entityName(rel.reportedBy) ?? '' } : {}),
    ...(rel.role ? { role: rel.role } : {}),
  }));
  const quotes: ExtractedQuote[] = r.quotes.map((q) => ({
    text: q.text,
    start: q.start,
    end: q.end,
    speaker: entityName(q.speaker),
    ...(q.addressee !== undefined ? { addressee: entityName(q.addressee) ?? '' } : {}),
    cue: q.cue,
  }));
  return {
    id,
    entities,
    relations,
    quotes,
    ...(r.diagnostics.length ? { diagnostics: r.diagnostics.map((d) => d.message) } : {}),
  };
}
