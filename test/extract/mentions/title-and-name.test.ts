import { describe, expect, it } from 'vitest';
import { personAt } from '../../../src/extract/mentions/title-and-name.js';
import { scanOf } from './scan-helper.js';

describe('personAt: people with and without a title, and bare titles', () => {
  const cases: [string, string, [string, string, string, string | undefined][]][] = [
    ['Russian Foreign Minister Sergei Lavrov spoke.', 'Foreign', [['Person', 'name', 'Sergei Lavrov', 'Foreign Minister']]],
    ['Yesterday Maria Gomez Ortega arrived.', 'Maria', [['Person', 'name', 'Maria Gomez Ortega', undefined]]],
    ['Senator Whitfield objected.', 'Senator', [['Person', 'surname', 'Whitfield', 'Senator']]],
    ['The minister refused to comment.', 'The', [['Person', 'title', 'minister', 'minister']]],
    ['The ministers refused to comment.', 'The', []],
    ['Crowds filled Tiananmen Square again.', 'Tiananmen', []],
  ];
  it.each(cases)('%s', (sentence, first, drafts) => {
    const { s, at, last } = scanOf(sentence);
    personAt(s, at(first), last);
    expect(s.drafts.map((d) => [d.type, d.kind, d.name, d.role])).toEqual(drafts);
  });
});
