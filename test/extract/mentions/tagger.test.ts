import { describe, expect, it } from 'vitest';
import { isCandidate, remember, spansOf, tagSentence, wordMemory, wordShape } from '../../../src/extract/mentions/tagger.js';
import { lex, scanOf, spanText } from './scan-helper.js';

describe('wordShape', () => {
  const cases: [string, string][] = [
    ['Merkel', 'Xxx'],
    ['NATO', 'XX'],
    ['U.S.', 'X.X.'],
    ['1996-08-22', 'dd-dd-dd'],
    ['McCain', 'XxXxx'],
  ];
  it.each(cases)('%s -> %s', (w, shape) => expect(wordShape(w)).toBe(shape));
});

describe('isCandidate: the tokens the tagger scores', () => {
  const cases: [string, string, boolean][] = [
    ['Later Maria Ortega spoke.', 'Maria', true],
    ['The talks went on.', 'The', false],
    ['Officials at the Bank of England spoke.', 'of', true],
    ['Officials at the bank of the river spoke.', 'of', false],
    ['Later Maria Ortega spoke.', 'spoke', false],
  ];
  it.each(cases)('%s: %s', (sentence, word, is) => {
    const { s, at } = scanOf(sentence);
    expect(isCandidate(s.tokens, at(word))).toBe(is);
  });
});

describe('spansOf: BIO labels to spans', () => {
  const cases: [string[], [number, number, string][]][] = [
    [['O', 'B-PER', 'I-PER', 'O'], [[11, 12, 'PER']]],
    [['B-ORG', 'B-ORG', 'I-ORG'], [[10, 10, 'ORG'], [11, 12, 'ORG']]],
    [['I-LOC', 'I-PER', 'O'], [[10, 10, 'LOC'], [11, 11, 'PER']]],
  ];
  it.each(cases)('%j', (labels, spans) => {
    expect(spansOf(labels, 10).map((sp) => [sp.first, sp.last, sp.type])).toEqual(spans);
  });
});

describe('tagSentence with the trained model', () => {
  const model = lex.tagger;
  const cases: [string, [string, string][]][] = [
    ['German Chancellor Angela Merkel met French President Nicolas Sarkozy in Paris on Monday.', [['Angela Merkel', 'PER'], ['Nicolas Sarkozy', 'PER'], ['Paris', 'LOC']]],
    ['Shares in Volkswagen fell after the European Commission opened an inquiry.', [['Volkswagen', 'ORG'], ['European Commission', 'ORG']]],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(model).toBeDefined();
    if (!model) return;
    const { s, last } = scanOf(sentence);
    const spans = spansOf(tagSentence(s, model, 0, last, wordMemory(s.tokens)), 0).map((sp) => [spanText(s, sp.first, sp.last), sp.type]);
    for (const e of expected) expect(spans).toContainEqual(e);
  });
});

describe('wordMemory: what the document told the tagger', () => {
  it('knows the words written in lower case and the type each word was given last', () => {
    const { s } = scanOf('Police said the police had left.');
    const memory = wordMemory(s.tokens);
    expect(memory.lowerCase.has('police')).toBe(true);
    expect(memory.lowerCase.has('said')).toBe(true);
    remember(memory, 'rotor', 'B-ORG');
    remember(memory, 'said', 'O');
    expect([memory.labels.get('rotor'), memory.labels.get('said'), memory.labels.get('left')]).toEqual(['ORG', 'O', undefined]);
  });
});
