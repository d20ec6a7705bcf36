/**
 * A capitalised run is a person only where the article treats it as one: a given name, a title
 * or honorific, the surname alone, `he`/`she`, an apposition, a speech verb, or a list with other
 * people. Works, bands and teams get none of these. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';

const lex = loadLexicons();

function entitiesOf(body: string): string[] {
  const article = articleFromText('t.txt', `Headline of the day\n\n${body}\n`, lex.boilerplate);
  return processArticle(article, lex).entities.map((e) => `${e.type}: ${e.name}`);
}

describe('a run the article gives no sign of being a person is none', () => {
  const cases: [string, string][] = [
    ['The band Silver Orchard played at the festival. Tickets sold out in an hour.', 'Silver Orchard'],
    ['Fans of Bafana Bafana sang outside the stadium.', 'Bafana Bafana'],
    // After `the`, a name is no person's, even from a given name on.
    ['The crowd loved the Happy Wanderers, who played for an hour.', 'Happy Wanderers'],
  ];
  it.each(cases)('%s', (text, name) => {
    expect(entitiesOf(text)).not.toContain(`Person: ${name}`);
  });
});

describe('a person shown as one stays a person', () => {
  const cases: [string, string][] = [
    // An apposition with a title word.
    ['Marta Quennell, a lawyer for the family, said the ruling was wrong.', 'Marta Quennell'],
    // A speech verb, with no given name of the lists.
    ['Okonkwo Eze told reporters the deal was close.', 'Okonkwo Eze'],
    // `he` after the name.
    ['Osei Darko arrived on Monday and he left on Tuesday.', 'Osei Darko'],
    // The surname alone, later.
    ['Osei Darko arrived on Monday. Later Darko left the building.', 'Osei Darko'],
    // Listed with people named with known given names.
    ['The likes of Dara Quennell, Okonkwo Eze and Jim Blake were named as contenders.', 'Okonkwo Eze'],
    // A name after a title that ends in `the ...` (`leader of the Commons`).
    ['Shadow leader of the Commons Oliver Pratt said the plan was wrong.', 'Oliver Pratt'],
    // `the` before a name that qualifies a noun.
    ['Police reopened the Jane Doe case on Monday.', 'Jane Doe'],
  ];
  it.each(cases)('%s', (text, name) => {
    expect(entitiesOf(text)).toContain(`Person: ${name}`);
  });
});

describe("a party's adjective standing alone as an actor is the party", () => {
  it('as subject and possessive', () => {
    expect(entitiesOf("Labour said the plan was unfair, and Labour's leader agreed.")).toEqual(['Organisation: Labour Party']);
  });
  it('before a noun it only qualifies (not the party)', () => {
    expect(entitiesOf('Labour voters were angry about the plan.')).not.toContain('Organisation: Labour Party');
  });
  it('after an article it is a member, not the party', () => {
    expect(entitiesOf('A Republican said the bill would fail.')).not.toContain('Organisation: Republican Party');
  });
});

describe('members of other assemblies and formats written in capitals are no organisations', () => {
  it('MSP is a title like MP; GSM and LCD name no body', () => {
    const got = entitiesOf('Labour MSP Ann Brody said the phone uses GSM and has an LCD screen.');
    expect(got).toContain('Person: Ann Brody');
    expect(got.filter((e) => e.startsWith('Organisation: ') && e !== 'Organisation: Labour Party')).toEqual([]);
  });
});

describe('an occupation written capitalised before a name is a title, not part of the name', () => {
  it('General Manager', () => {
    expect(entitiesOf('Prices rose, said Acme Bank General Manager Tan Wei Ming on Monday.')).toContain('Person: Tan Wei Ming');
  });
});
