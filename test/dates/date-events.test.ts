import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { dateEvents } from '../../src/dates/date-events.js';
import type { Quote, Relation } from '../../src/types.js';

// Article published on Thursday 5 March 2026.
const PUBLISHED = '2026-03-05';

function annotated(paragraphs: string[]) {
  const text = paragraphs.join('\n\n');
  let at = 0;
  const spans = paragraphs.map((p) => {
    const span = { start: at, end: at + p.length };
    at += p.length + 2;
    return span;
  });
  return annotate(text, spans);
}

const relation = (sentence: number, modality: Relation['modality'] = 'asserted'): Relation => ({
  type: 'URGED', source: 0, target: 1, sentence, evidence: '', start: 0, end: 0, cue: 'urged', modality, confidence: 1, rule: 'verb.urge',
});

describe('dateEvents', () => {
  const ann = annotated([
    'On Tuesday the minister urged Russia to talk. He also warned Kyiv.',
    'The envoy will visit Moscow on Friday.',
    'The president urged calm.',
  ]);

  it('dates an act from its sentence, the sentence before it in the paragraph, or the article', () => {
    const { relations } = dateEvents(ann, PUBLISHED, [relation(0), relation(1), relation(2, 'future'), relation(3)], []);
    expect(relations.map((r) => [r.date?.value, r.date?.text])).toEqual([
      ['2026-03-03', 'On Tuesday'],
      ['2026-03-03', 'On Tuesday'],
      ['2026-03-06', 'on Friday'],
      [PUBLISHED, undefined],
    ]);
  });

  it('leaves acts undated when neither the text nor the article gives a date', () => {
    const { relations } = dateEvents(ann, undefined, [relation(0), relation(3)], []);
    expect(relations.map((r) => r.date)).toEqual([undefined, undefined]);
  });

  it("dates a quotation by its frame, not by the dates inside the speaker's words", () => {
    const q = annotated(['“We signed it in 2019 and we keep it,” the minister said on Monday.']);
    const text = q.text;
    const start = text.indexOf('We');
    const end = text.indexOf('”');
    const quote: Quote = { text: text.slice(start, end), start, end, speaker: 0, cue: 'said', sentence: 0, confidence: 1 };
    const { quotes } = dateEvents(q, PUBLISHED, [], [quote]);
    expect(quotes[0]?.date).toMatchObject({ value: '2026-03-02', precision: 'day', text: 'on Monday' });
  });
});
