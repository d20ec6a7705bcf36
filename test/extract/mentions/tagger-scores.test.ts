import { describe, expect, it } from 'vitest';
import type { Token } from '../../../src/types.js';
import type { MentionScan } from '../../../src/extract/mentions/scan.js';
import { gazetteerLabels, isCandidate, remember, SentenceShapes, tagSentence, visitFeatures, wordMemory, type TaggerModel, type WordMemory } from '../../../src/extract/mentions/tagger.js';
import { lex, scanOf } from './scan-helper.js';

/**
 * The tagger as the training script sees it: every feature of `visitFeatures` looked up by its
 * `template=value` key and its weights added in the order it is sent. The pipeline's tagger looks
 * the same features up by number, and adds a token's own features as one sum; its labels and
 * margins must be these to the bit.
 */
function referenceTags(s: MentionScan, model: TaggerModel, first: number, last: number, memory: WordMemory): { labels: string[]; margins: number[] } {
  const labels: string[] = [];
  const margins: number[] = [];
  const gaz = gazetteerLabels(s, first, last);
  const shapes = new SentenceShapes(s.tokens, first, last);
  const scores = new Float64Array(model.labels.length);
  const add = (row: number | undefined): void => {
    if (row === undefined) return;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (model.weights[row + c] as number);
  };
  let prev = '<s>';
  let prev2 = '<s>';
  for (let i = first; i <= last; i++) {
    let label = 'O';
    let margin = Infinity;
    if (isCandidate(s.tokens, i)) {
      scores.set(model.biases);
      visitFeatures(s, i, first, last, gaz, shapes, prev, prev2, memory, {
        one: (template, value) => add(model.one.get(template)?.get(value)),
        two: (template, a, b) => add(model.two.get(template)?.get(a)?.get(b)),
      });
      let best = 0;
      for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
      let second = -Infinity;
      for (let c = 0; c < scores.length; c++) if (c !== best && (scores[c] as number) > second) second = scores[c] as number;
      label = model.labels[best] ?? 'O';
      margin = ((scores[best] as number) - second) / model.scale;
      remember(memory, (s.tokens[i] as Token).normal, label);
    }
    labels.push(label);
    margins.push(margin);
    prev2 = prev;
    prev = label;
  }
  return { labels, margins };
}

// Headlines in title case and capitals, titles, lexicon phrases, towns, a name met twice, a word
// written in lower case elsewhere: every kind of feature fires somewhere.
const TEXT = [
  'MINISTERS MEET IN GENEVA AS TALKS RESUME',
  'Rival Parties Agree Deal On Budget Vote',
  'German Chancellor Angela Merkel met French President Nicolas Sarkozy in Paris on Monday.',
  'Shares in Volkswagen fell after the European Commission opened an inquiry, the Bank of England said.',
  'Merkel later told reporters in Berlin that the Commission would report to the United Nations Security Council.',
  'A spokesman for Acme Holdings Inc said the company would appeal; Senator Jane Okafor of Ohio called the ruling a disgrace.',
  'The Police said police officers from Lyon and Marseille joined van der Berg at the Hotel de Ville.',
].join('\n');

describe('tagSentence scores as the training features say', () => {
  it('gives the labels and margins of the template=value features, to the bit', () => {
    const model = lex.tagger;
    expect(model).toBeDefined();
    if (!model) return;
    const { s } = scanOf(TEXT);
    const memory = wordMemory(s.tokens);
    const reference = wordMemory(s.tokens);
    let candidates = 0;
    for (const sentence of s.ann.sentences) {
      const { firstToken: first, lastToken: last } = sentence;
      const margins: number[] = [];
      const labels = tagSentence(s, model, first, last, memory, margins);
      const expected = referenceTags(s, model, first, last, reference);
      expect(labels).toEqual(expected.labels);
      expect(margins).toEqual(expected.margins);
      candidates += expected.margins.filter((m) => m !== Infinity).length;
    }
    expect(candidates).toBeGreaterThan(40);
  });
});
