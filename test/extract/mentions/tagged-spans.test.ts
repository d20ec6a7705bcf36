import { describe, expect, it } from 'vitest';
import { detectMentions } from '../../../src/extract/detect-mentions.js';
import { annotate } from '../../../src/nlp/annotate.js';
import { lex } from './scan-helper.js';

const names = (text: string): string[] =>
  detectMentions(annotate(text, [{ start: 0, end: text.length }]), lex)
    .filter((m) => m.kind !== 'pronoun' && m.kind !== 'title' && m.confidence >= 0.5)
    .map((m) => `${m.type}:${m.name}`);

describe('the tagger with the rules: what a sentence must give', () => {
  const cases: [string, string, string[]][] = [
    ['a party title before the name is not part of it', 'Labour MP Jane Doe asked the minister a question.', ['Person:Jane Doe']],
    ['an occupation before the name is not part of it', 'Lawyer Peter Hansen said his client would appeal.', ['Person:Peter Hansen']],
    ['a person the rules missed after a lower-case word', 'The report was written by economist Hans Gruber last year.', ['Person:Hans Gruber']],
    ['a run the tagger reads as one organisation is one', 'Shares in Hindustan Copper rose 5 percent after the results.', ['Organisation:Hindustan Copper']],
    ['a run from a common given name stays a person', 'Duncan Ferguson scored twice for the club on Saturday.', ['Person:Duncan Ferguson']],
    ['a country inside an airline name is part of it', 'Air France unions said the strike would go on.', ['Organisation:Air France']],
    ['a country inside a newspaper name is part of it', 'The official China Daily newspaper reported the arrests.', ['Organisation:China Daily']],
    ['a service whose first word is on a given-name list is an organisation', 'The Air Force said it had grounded the planes.', ['Organisation:Air Force']],
    ['a rank after the service still names the person', 'Marine Gen. Joseph Carter told reporters the base was safe.', ['Person:Joseph Carter']],
    ['a post-nominal after the name is not part of it', 'Ben Emmerson QC said the law was unfair.', ['Person:Ben Emmerson']],
    ['a country alone stays a country', 'France said the strike would go on.', ['Country:France']],
  ];
  it.each(cases)('%s', (_label, text, expected) => {
    const got = names(text);
    for (const e of expected) expect(got).toContain(e);
  });
});

describe('the tagger with the rules: what a sentence must NOT give', () => {
  const cases: [string, string, string[]][] = [
    ['a plan named after a person is no person', 'The Monnet Plan rebuilt the French economy after the war.', ['Person:Monnet Plan']],
    ['a treaty is no person', 'The Treaty of Rome was signed in 1957.', ['Person:Treaty of Rome', 'Person:Treaty']],
    ['a landmark is no person', 'Crowds gathered in Trafalgar Square on Sunday.', ['Person:Trafalgar Square']],
    ['an organisation the tagger reads is no person', 'Shares in Hindustan Copper rose 5 percent after the results.', ['Person:Hindustan Copper']],
    ['the service before a military rank is no person', 'Marine Gen. Joseph Carter told reporters the base was safe.', ['Person:Marine', 'Person:Marine Gen. Joseph Carter']],
    ['a post-nominal is no part of a name', 'Ben Emmerson QC said the law was unfair.', ['Person:Ben Emmerson QC']],
    ['the country in an airline name is no mention of the state', 'Air France unions said the strike would go on.', ['Country:France']],
  ];
  it.each(cases)('%s', (_label, text, banned) => {
    const got = names(text);
    for (const b of banned) expect(got).not.toContain(b);
  });
});
