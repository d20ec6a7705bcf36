/**
 * Dates of one article's acts and quotations: the date expression of the
 * evidence sentence, else of the sentence before it in the same paragraph,
 * resolved against the article date (event-date.ts); else the article date
 * itself (an `EventDate` without `text`). A quotation's own words are left
 * out (a date inside a quote is what the speaker talks about, not when they
 * spoke). Pure.
 */
import type { AnnotatedText, EventDate, Quote, Relation } from '../types.js';
import { resolveEventDate } from './event-date.js';

export function dateEvents(
  ann: AnnotatedText,
  published: string | undefined,
  relations: readonly Relation[],
  quotes: readonly Quote[],
): { relations: Relation[]; quotes: Quote[] } {
  const onPublished: EventDate | undefined = published === undefined ? undefined : { value: published, precision: 'day', start: published, end: published };
  // Several acts often share a sentence: each sentence is read once per side (past / future).
  const cache = new Map<string, EventDate | null>();
  const sentenceDate = (index: number, forward: boolean): EventDate | undefined => {
    const key = `${index}:${forward}`;
    let d = cache.get(key);
    if (d === undefined) {
      const s = ann.sentences[index];
      d = (s && resolveEventDate(ann.text.slice(s.start, s.end), published, { forward })) ?? null;
      cache.set(key, d);
    }
    return d ?? undefined;
  };
  const contextDate = (index: number, forward: boolean): EventDate | undefined => {
    const s = ann.sentences[index];
    const before = ann.sentences[index - 1];
    return s && before && before.paragraph === s.paragraph ? sentenceDate(index - 1, forward) : undefined;
  };

  const datedRelations = relations.map((r) => {
    const forward = r.modality === 'future';
    const date = sentenceDate(r.sentence, forward) ?? contextDate(r.sentence, forward) ?? onPublished;
    return date ? { ...r, date } : r;
  });
  const datedQuotes = quotes.map((q) => {
    const frame = quoteFrame(ann, q);
    const date = (frame === undefined ? undefined : resolveEventDate(frame, published)) ?? contextDate(q.sentence, false) ?? onPublished;
    return date ? { ...q, date } : q;
  });
  return { relations: datedRelations, quotes: datedQuotes };
}

/** The sentences around a quotation with its own words blanked (offsets kept). */
function quoteFrame(ann: AnnotatedText, q: Quote): string | undefined {
  const first = ann.sentences[q.sentence];
  if (!first) return undefined;
  let last = first;
  for (let i = q.sentence; i < ann.sentences.length; i++) {
    const s = ann.sentences[i]!;
    last = s;
    if (s.end >= q.end || s.paragraph !== first.paragraph) break;
  }
  const start = Math.min(first.start, q.start);
  const end = Math.max(last.end, q.end);
  const text = ann.text.slice(start, end);
  const from = Math.max(0, q.start - start);
  const to = Math.max(from, q.end - start);
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}
