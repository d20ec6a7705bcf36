import { describe, expect, it } from 'vitest';
import { detectMentions } from '../../../src/extract/detect-mentions.js';
import { annotate } from '../../../src/nlp/annotate.js';
import { lex } from './scan-helper.js';

const detect = (text: string) => detectMentions(annotate(text, [{ start: 0, end: text.length }]), lex).filter((m) => m.kind !== 'pronoun');

describe('context typing: one sense per article', () => {
  const cases: [string, string, [string, string][]][] = [
    ['a company named with its legal form, then without', 'Pirelli SpA reported higher sales. Later Pirelli said sales grew.', [['Organisation', 'Pirelli SpA'], ['Organisation', 'Pirelli SpA']]],
    ['a surname of a person named in full', 'Senator Bob Dole spoke on Monday. Later Dole added a word.', [['Person', 'Bob Dole'], ['Person', 'Dole']]],
    ['a bare ministry qualified by the one named before', "Russia's Foreign Ministry spoke. The Foreign Ministry later added a word.", [['Organisation', 'Russian Foreign Ministry'], ['Organisation', 'Russian Foreign Ministry']]],
  ];
  it.each(cases)('%s', (_label, text, mentions) => {
    expect(detect(text).map((m) => [m.type, m.name])).toEqual(mentions);
  });
});
