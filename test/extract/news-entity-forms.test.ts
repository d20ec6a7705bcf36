/**
 * Forms of entity names in news text: acronyms the article defines in brackets, countries named
 * only in a person's title, British abbreviations of titles and other demonyms. Sentences written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';

const lex = loadLexicons();

function resultOf(body: string): ReturnType<typeof processArticle> {
  const article = articleFromText('t.txt', `Headline of the day\n\n${body}\n`, lex.boilerplate);
  return processArticle(article, lex);
}

/** `Type: name [aliases]` of each entity. */
function entitiesOf(body: string): string[] {
  return resultOf(body).entities.map((e) => `${e.type}: ${e.name} [${e.aliases.join(', ')}]`);
}

describe('an acronym defined in brackets names the organisation wherever it stands', () => {
  const cases: [string, string][] = [
    ['The Palestinian Authority (PA) rejected the plan. A spokesman said the PA would stay away.', 'Organisation: Palestinian Authority [Palestinian Authority, PA]'],
    ['The Committee to Protect Journalists (CPJ) condemned the arrest. CPJ said he was held for a week.', 'Organisation: Committee to Protect Journalists [Committee to Protect Journalists, CPJ]'],
    ["The Kurdistan Workers' Party (PKK) attacked a post. The PKK denied it.", "Organisation: Kurdistan Workers' Party [Kurdistan Workers' Party, PKK]"],
  ];
  it.each(cases)('%s', (text, expected) => {
    const got = entitiesOf(text);
    expect(got).toContain(expected);
    // One node: no entity of the acronym alone.
    expect(got.filter((e) => e.includes(': P') || e.includes(': C') || e.includes(': K')).length).toBe(1);
  });

  it('a word in brackets after a one-word company is no acronym of it (a ticker)', () => {
    const got = entitiesOf('Shares of Gazprom (GAZP) rose. Traders said GAZP would climb.');
    expect(got.some((e) => e.startsWith('Organisation: Gazprom [') && e.includes('GAZP'))).toBe(false);
  });

  it('part of a longer name keeps that name', () => {
    const got = entitiesOf('The Patriotic Alliance (PA) won seats. PA Consulting advised the bank.');
    expect(got).toContain('Organisation: Patriotic Alliance [Patriotic Alliance, PA]');
  });
});

describe('a country named only in a person’s title is an entity of the article', () => {
  it('is the target of the affiliation, with no alias of its own', () => {
    const r = resultOf('Hungarian Prime Minister Viktor Orban met reporters on Tuesday. Orban said the talks were useful.');
    const hungary = r.entities.find((e) => e.type === 'Country' && e.name === 'Hungary');
    expect(hungary?.aliases).toEqual([]);
    expect(hungary?.mentions).toEqual([]);
    const orban = r.entities.find((e) => e.name === 'Viktor Orban');
    expect(r.relations.some((rel) => rel.type === 'AFFILIATED_WITH' && rel.source === orban?.id && rel.target === hungary?.id)).toBe(true);
  });

  it('is not added twice when the article names it', () => {
    const got = resultOf('Hungarian Prime Minister Viktor Orban met reporters. Hungary wants a deal.').entities.filter((e) => e.name === 'Hungary');
    expect(got).toHaveLength(1);
    expect(got[0]?.aliases).toEqual(['Hungary']);
  });

  it.each([
    ['Kazakh Foreign Minister Murat Tokayev spoke on Monday.', 'Kazakhstan'],
    ['Taiwanese Foreign Minister Lin Chia-lung spoke on Monday.', 'Taiwan'],
  ])('%s', (text, country) => {
    expect(resultOf(text).entities.some((e) => e.type === 'Country' && e.name === country)).toBe(true);
  });
});

describe('British abbreviations without a full stop are titles, not part of a name', () => {
  const cases: [string, string][] = [
    ['Gen Pervez Musharraf spoke. Later Gen Musharraf left.', 'Person: Pervez Musharraf [Pervez Musharraf, Musharraf]'],
    ['Liam Fox spoke first. Dr Fox said taxes were too high.', 'Person: Liam Fox [Liam Fox, Fox]'],
    ['Betty Boothroyd spoke. Baroness Boothroyd said reform was needed.', 'Person: Betty Boothroyd [Betty Boothroyd, Boothroyd]'],
  ];
  it.each(cases)('%s', (text, expected) => {
    const got = entitiesOf(text);
    expect(got).toContain(expected);
    expect(got.filter((e) => e.startsWith('Person:'))).toHaveLength(1);
  });
});

describe('a partisan tag after a legislator’s name gives the party', () => {
  const affiliated = (text: string): string[] => {
    const r = resultOf(text);
    return r.relations.filter((rel) => rel.type === 'AFFILIATED_WITH').map((rel) => `${r.entities[rel.source]?.name} -> ${r.entities[rel.target]?.name}`);
  };
  it.each([
    ['U.S. Sen. Jane Holt, R-Texas, said on Sunday the plan had failed.', ['Jane Holt -> Republican Party', 'Jane Holt -> United States']],
    ['Rep. Tom Reyes (D-Calif.) disagreed with the plan.', ['Tom Reyes -> Democratic Party']],
  ])('%s', (text, expected) => {
    const got = affiliated(text);
    for (const e of expected) expect(got).toContain(e);
  });
  it('a letter and a dash apart from the name are no tag', () => {
    expect(affiliated('Tom Reyes, R - Texas, spoke.')).not.toContain('Tom Reyes -> Republican Party');
  });
});

describe('a lone surname two people share', () => {
  it("is the story's person, not the relative named once (headline first)", () => {
    const r = resultOf("Tony Blair has rejected calls for an inquiry. Mr Blair said the statement was fair. A member of Cherie Blair's chambers said the war was illegal. Blair said later he disagreed.");
    const tony = r.entities.find((e) => e.name === 'Tony Blair');
    const cherie = r.entities.find((e) => e.name === 'Cherie Blair');
    expect(cherie?.aliases).toEqual(['Cherie Blair']);
    expect(tony?.mentions.length).toBeGreaterThanOrEqual(3);
  });
});

describe('a family name written first that two full names share', () => {
  it('is the person mentioned before it, not a person of its own', () => {
    const names = resultOf('North Korean leader Kim Jong-un met the envoy on Wednesday. Kim said ties were good. His sister Kim Yo-jong also attended.').entities.map((e) => e.name);
    expect(names).not.toContain('Kim');
    expect(names.filter((n) => n.startsWith('Kim '))).toHaveLength(2);
  });
});

describe('organisations known by a description', () => {
  const cases: [string, string][] = [
    ['The UN refugee agency said more people fled.', 'Organisation: UNHCR [UN refugee agency]'],
    ['The UN nuclear watchdog warned of delays.', 'Organisation: International Atomic Energy Agency [UN nuclear watchdog]'],
    ["Police said Tunisia's interior ministry had acted.", 'Organisation: Tunisian Interior Ministry [interior ministry]'],
    ["Police said Tunisia's Interior Ministry had acted.", 'Organisation: Tunisian Interior Ministry [Interior Ministry]'],
    ['The Chinese defence ministry denied it.', 'Organisation: Chinese Defence Ministry [Chinese defence ministry]'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });

  it('a ministry of no named country is none', () => {
    expect(entitiesOf('A health ministry official said 20 were hurt.').filter((e) => e.startsWith('Organisation'))).toEqual([]);
  });

  it("a news agency a country owns keeps its name (China's Xinhua News Agency)", () => {
    expect(entitiesOf("Police said China's Xinhua News Agency reported it.")).toContain('Organisation: Xinhua [Xinhua News Agency]');
  });
});

describe('a double surname with a hyphen or a space', () => {
  it('is one person (Mr Kilroy-Silk after Robert Kilroy Silk)', () => {
    const people = entitiesOf('Robert Kilroy Silk said he would fight on. The party was formed by Mr Kilroy-Silk this month.').filter((e) => e.startsWith('Person'));
    expect(people).toEqual(['Person: Robert Kilroy Silk [Robert Kilroy Silk, Kilroy-Silk]']);
  });
});

describe('an acronym of four or five letters written in title case (British style)', () => {
  it.each([
    ['Nato said it would act.', 'Organisation: NATO [Nato]'],
    ['Opec cut output on Monday.', 'Organisation: Organization of the Petroleum Exporting Countries [Opec]'],
  ])('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
});

describe("a party's adjective before a title", () => {
  it('before MP gives the party, an entity of the article', () => {
    expect(entitiesOf('Tory MP Michael Mates said he agreed.')).toContain('Organisation: Conservative Party []');
  });
  it("before a minister's title names the portfolio, not the party", () => {
    expect(entitiesOf('Labour Minister Almir Pazzionotto would act as a mediator.').some((e) => e.includes('Labour Party'))).toBe(false);
  });
});

describe('a family name that is also a month', () => {
  it.each([
    ['Labour MSP Christine May said the code was clear. Ms May, who chairs the committee, agreed.', 'Person: Christine May [Christine May, May]'],
    ['Prime Minister Theresa May flew to Brussels. May told reporters the talks went well.', 'Person: Theresa May [Theresa May, May]'],
  ])('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
  it('is no name in a date or after a place', () => {
    const people = entitiesOf('The vote is on Friday May 5. Cotton in New York July rose, and in April May said nothing.').filter((e) => e.startsWith('Person'));
    expect(people).toEqual([]);
  });
});

describe('an occupation that opens a sentence before a name', () => {
  it.each([
    ['Farmer Jenny Holt said the new rules were unfair.', 'Person: Jenny Holt [Jenny Holt]'],
    ['Backbencher David Marsh said he would vote against it.', 'Person: David Marsh [David Marsh]'],
  ])('is no part of the name: %s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
  it('keeps a name written surname first', () => {
    expect(entitiesOf('Chan Tai-man, a police commander, said the march was unlawful.').some((e) => e.includes('Chan Tai-man'))).toBe(true);
  });
});

describe("a European party named by its members' plural", () => {
  it.each([
    ['In Berlin the Christian Democrats formed a coalition.', 'Organisation: Christian Democrats [Christian Democrats]'],
    ['The Social Democrats left the government.', 'Organisation: Social Democrats [Social Democrats]'],
  ])('is that party: %s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
});

describe('a title word before one common word names a thing, not a person', () => {
  it.each([
    ['The result of the next General Election is hard to call.', 'Election'],
    ['Trade talks under the General Agreement on Tariffs and Trade resume today.', 'Agreement'],
  ])('%s', (text, word) => {
    expect(entitiesOf(text).some((e) => e.startsWith(`Person: ${word}`))).toBe(false);
  });
  it('keeps a surname the article also uses alone (Chancellor Brown ... Mr Brown)', () => {
    expect(entitiesOf('Chancellor Brown wore a brown tie. Mr Brown said the budget was fair.').some((e) => e.startsWith('Person: Brown'))).toBe(true);
  });
});

describe('a capitalised run of common words', () => {
  it('is no person for speaking alone (a firm or body speaks too)', () => {
    expect(entitiesOf('Grain Storage reported higher profits on Monday.').some((e) => e.startsWith('Person'))).toBe(false);
  });
  it('is a person with a given name that is no common word', () => {
    expect(entitiesOf('Frank Field said the plan was a frank admission of failure.')).toContain('Person: Frank Field [Frank Field]');
  });
});

describe('a common word opening a sentence before a surname', () => {
  it('is no part of the name the article writes after a title (a headline verb)', () => {
    const people = entitiesOf("End Kowalski 'denial', unions tell EU.\n\nThe unions said President Kowalski had ignored them.").filter((e) => e.startsWith('Person'));
    expect(people).toEqual(['Person: Kowalski [Kowalski]']);
  });
  it('stays with a name the article never writes after a title', () => {
    expect(entitiesOf('Total Bahia sales rose. The Bahia crop was large.').some((e) => e.startsWith('Person: Bahia'))).toBe(false);
  });
});

describe('a run ending in a plural names a group, not a person', () => {
  it.each(['Bond Dealers said rates would rise on Monday.', 'Asian Britons voted in large numbers.', 'The report said 14 Liberal MPs would back the government.'])('%s', (text) => {
    expect(entitiesOf(text).filter((e) => e.startsWith('Person'))).toEqual([]);
  });
  it('keeps a surname in -s after a given name (Tony Banks)', () => {
    expect(entitiesOf('Tony Banks said the ban was long overdue.')).toContain('Person: Tony Banks [Tony Banks]');
  });
});

describe("a party's adjective inside a capitalised run", () => {
  it.each([
    ['The plan was backed by Illinois Democrat Dan Rostenkowski on Monday.', 'Person: Dan Rostenkowski [Dan Rostenkowski]'],
    ['Fellow Lib Dem Norman Baker agreed with the plan.', 'Person: Norman Baker [Norman Baker]'],
  ])('describes the person named after it: %s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
  it('ending a run, it describes a member, not a name (Kansas Republican)', () => {
    expect(entitiesOf('The Kansas Republican said the bill would pass.').some((e) => e.startsWith('Person'))).toBe(false);
  });
});

describe('titles British style writes without a full stop', () => {
  it.each([
    ['Sen Bob Packwood objected to the plan.', 'Person: Bob Packwood [Bob Packwood]'],
    ['PM John Prescott hosted the dinner.', 'Person: John Prescott [John Prescott]'],
    ['Treasurer Paul Keating changed the forecasts.', 'Person: Paul Keating [Paul Keating]'],
  ])('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
});
