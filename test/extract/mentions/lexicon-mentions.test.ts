import { describe, expect, it } from 'vitest';
import { capitalActs, emitLexicon } from '../../../src/extract/mentions/lexicon-mentions.js';
import { scanOf } from './scan-helper.js';

describe('emitLexicon: countries, organisations, capitals and demonyms of the lexicon', () => {
  const cases: [string, string, [string, string, string][]][] = [
    ['Kenya has applied to join NATO.', 'Kenya', [['Country', 'name', 'Kenya']]],
    ['Talks with NATO.', 'NATO', [['Organisation', 'name', 'NATO']]],
    ['Moscow rejected the offer.', 'Moscow', [['Country', 'metonym', 'Russia']]],
    ['She flew to Moscow on Monday.', 'Moscow', []],
    ['Ukrainian lawmakers on Tuesday endorsed the bill.', 'Ukrainian', [['Country', 'metonym', 'Ukraine']]],
    ['Ukrainian food is popular.', 'Ukrainian', []],
    ['The Japanese defense ministry denied the report.', 'Japanese', [['Organisation', 'name', 'Japanese Defense Ministry']]],
    ['A Brazilian foreign ministry official spoke.', 'Brazilian', [['Organisation', 'name', 'Brazilian Foreign Ministry']]],
    ['The Afghan defense minister denied the report.', 'Afghan', []],
  ];
  it.each(cases)('%s', (sentence, word, drafts) => {
    const { s, at, last } = scanOf(sentence);
    const m = s.lexMatchAt(at(word), last);
    expect(m).toBeDefined();
    if (m) emitLexicon(s, m, last);
    expect(s.drafts.map((d) => [d.type, d.kind, d.name])).toEqual(drafts);
  });
});

describe('capitalActs: a capital stands for its state when it acts', () => {
  const cases: [string, boolean][] = [
    ['Washington warned of new sanctions.', true],
    ["Washington's reply came late.", true],
    ['A letter from Washington arrived.', true],
    ['They live in Washington now.', false],
    ['He will visit Washington next week.', false],
  ];
  it.each(cases)('%s', (sentence, acts) => {
    const { s, at, last } = scanOf(sentence);
    const k = at('Washington');
    expect(capitalActs(s, k, k, last)).toBe(acts);
  });
});
