import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { loadEntityLexicon } from '../../src/extract/entity-lexicon.js';
import { addSpeakerNames } from '../../src/relations/speaker-names.js';
import { extractQuotes } from '../../src/relations/extract-quotes.js';
import { buildFixture, type FixtureEntity } from './fixture.js';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';

const rel = loadRelationLexicon();
const ent = loadEntityLexicon();

const KNOWN: readonly FixtureEntity[] = [
  { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez', '~she', '~She'] },
  { name: 'John Kirby', type: 'Person', forms: ['John Kirby', 'Kirby'] },
  { name: 'Ohio', type: 'Country', forms: ['Ohio'] },
];

/** Quotes with their speaker's name, after the speaker-name pass, plus the names of the entities the pass added. */
function run(text: string, table: readonly FixtureEntity[] = KNOWN): { quotes: [string, string | null][]; added: string[]; spans: (string | undefined)[] } {
  const f = buildFixture(text, table);
  const sp = addSpeakerNames(f.ann, f.mentions, f.entities, rel, ent);
  const qs = extractQuotes(f.ann, sp.mentions, sp.entities, rel);
  return {
    quotes: qs.map((q) => [q.text, q.speaker === null ? null : (sp.entities[q.speaker]?.name ?? null)]),
    added: sp.entities.slice(f.entities.length).map((e) => `${e.type}:${e.name}`),
    spans: qs.map((q) => (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined)),
  };
}

describe('addSpeakerNames: names the entity stage missed, in the slots of a quotation frame', () => {
  const cases: { title: string; text: string; quote: string; speaker: string | null }[] = [
    { title: 'bare surname before said', text: '“The budget is a mess,” Kowalczyk said.', quote: 'The budget is a mess,', speaker: 'Kowalczyk' },
    { title: 'full name after said, with an appositive', text: '“We will appeal the ruling,” said Anna Kowalczyk, a lawyer for the family.', quote: 'We will appeal the ruling,', speaker: 'Anna Kowalczyk' },
    { title: 'a role phrase between said and the name', text: '“Turnout decides this race,” said campaign strategist Tom Berger.', quote: 'Turnout decides this race,', speaker: 'Tom Berger' },
    { title: 'a title abbreviation inside the name run', text: '“We will appeal,” Wisconsin Gov. Tom Brennan said.', quote: 'We will appeal,', speaker: 'Tom Brennan' },
    { title: "a country's name as a given name", text: 'Interior Minister Jordan Whitcombe said the plan was “dead on arrival.”', quote: 'dead on arrival.', speaker: 'Jordan Whitcombe' },
    { title: 'a given name wink tags as a verb', text: '“The deadline stands,” press secretary Josh Brennan said Tuesday.', quote: 'The deadline stands,', speaker: 'Josh Brennan' },
    { title: 'a family name that is also a month', text: 'Anna May, a lawyer for the family, told reporters the ruling was “a disgrace to the court”.', quote: 'a disgrace to the court', speaker: 'Anna May' },
    { title: 'the second of two people named (no phrase holds the first)', text: 'Anna Kowalczyk and Tom Berger said the plan was “a mess from the start”.', quote: 'a mess from the start', speaker: 'Tom Berger' },
    { title: 'a party tag after the name', text: '“The plan is dead on arrival,” Rita Haas (D) said.', quote: 'The plan is dead on arrival,', speaker: 'Rita Haas' },
    { title: 'an appositive with a relative clause', text: 'Rita Haas, who chairs the committee, said the vote was “too close to call tonight.”', quote: 'too close to call tonight.', speaker: 'Rita Haas' },
    { title: 'continued with a colon', text: 'Berger continued: “Nobody expected this outcome at all.”', quote: 'Nobody expected this outcome at all.', speaker: 'Berger' },
    { title: 'according to a new name', text: 'According to Hiroshi Tanaka, “the factory will close next spring.”', quote: 'the factory will close next spring.', speaker: 'Hiroshi Tanaka' },
    { title: 'a surname joins the person named in full before', text: 'Tom Berger runs the campaign.\n\n“We are ahead in every poll,” Berger said.', quote: 'We are ahead in every poll,', speaker: 'Tom Berger' },
    { title: 'a known surname links to the known person', text: '“We will not comment on that,” Kirby said.', quote: 'We will not comment on that,', speaker: 'John Kirby' },
    { title: 'a transcript label opening the quotation names a known person', text: '"KIRBY: We have seen no sign of that at all."', quote: 'KIRBY: We have seen no sign of that at all.', speaker: 'John Kirby' },
    { title: 'a demonym that is the surname of a full name given before', text: 'Mark Cuban was interviewed on Sunday.\n\n“It is too early to tell,” Cuban said.', quote: 'It is too early to tell,', speaker: 'Mark Cuban' },
    { title: 'a person right before a reporting participle', text: 'The ad shows Maria Lopez asking, “Why are we not far ahead in the polls?”', quote: 'Why are we not far ahead in the polls?', speaker: 'Maria Lopez' },
    { title: 'a frame in its own sentence after an exclamation', text: '“We are tired of being told it is offensive!” Okonjo said.', quote: 'We are tired of being told it is offensive!', speaker: 'Okonjo' },
    { title: 'points out after the quotation', text: '“Some of us thought we could work with them,” Bozek points out.', quote: 'Some of us thought we could work with them,', speaker: 'Bozek' },
    // Not names.
    { title: 'a demonym alone is not a name', text: '“It is too early to tell,” Cuban said.', quote: 'It is too early to tell,', speaker: null },
    { title: 'a group word is not a name', text: '“The roads will stay closed,” Police said.', quote: 'The roads will stay closed,', speaker: null },
    { title: 'a party plural is not a name', text: '“We are ready for the vote,” Democrats said.', quote: 'We are ready for the vote,', speaker: null },
    { title: 'a word inside an office name is not a name', text: '“Talks resume on Monday,” a spokesman for the Ministry of Foreign Affairs said.', quote: 'Talks resume on Monday,', speaker: null },
  ];
  it.each(cases)('$title', ({ text, quote, speaker }) => {
    expect(run(text).quotes).toContainEqual([quote, speaker]);
  });

  it.each([
    ['a group word', '“The roads will stay closed,” Police said.'],
    ['an office name', '“Talks resume on Monday,” a spokesman for the Ministry of Foreign Affairs said.'],
    ['a word outside any quotation frame', 'Kowalczyk said the talks would go on.'],
    ['a weekday after said', '“It was a long night,” Lopez said Tuesday.'],
    ['a quantifier before a party', '“We will not vote for him,” Other Republicans said.'],
    ['a pronoun of quantity', 'Others warned that the “bubble may burst any time”.'],
    ['a big city', '“The port will reopen soon,” Rotterdam said.'],
    ['a paragraph label after a quotation', '“We have to find ways to deal with it.”\n\nCorrection: the plant said it closed in May.'],
    ['the second of two places in a role phrase', 'The member for Eastwick and Lower Brantham admitted the bill “cannot be saved”.'],
  ])('adds no entity for %s', (_t, text) => {
    expect(run(text).added).toEqual([]);
  });

  it('gives a full name with another given name its own person (`Tom Berger` after `Anna Berger`)', () => {
    const r = run('“The budget is a mess,” said Anna Berger.\n\n“We will appeal the ruling,” said Tom Berger.');
    expect(r.quotes).toEqual([
      ['The budget is a mess,', 'Anna Berger'],
      ['We will appeal the ruling,', 'Tom Berger'],
    ]);
  });

  it.each([
    ['a month after a weekday', '“It was a long night,” Lopez said on Monday May 5.'],
    ['a month opening a date before the frame', 'In March Lopez said the talks were “over for now”.'],
  ])('adds no month as a name: %s', (_t, text) => {
    expect(run(text).added).toEqual([]);
  });

  it('adds a new speaker once, with its other mentions', () => {
    const r = run('Kowalczyk arrived late.\n\n“The budget is a mess,” Kowalczyk said.');
    expect(r.added).toEqual(['Person:Kowalczyk']);
  });

  it.each([
    ['“The bill goes too far,” said the Kansas Republican.'],
    ['“It is a bad deal,” the Texas Democrat said.'],
  ])('adds no person for a party member described by place: %s', (text) => {
    expect(run(text).added).toEqual([]);
  });

  it.each([
    ['“Our sales doubled this year,” Microsoft said.', 'Organisation:Microsoft'],
    ['“The cuts will hurt the poorest,” said Oxfam.', 'Organisation:Oxfam'],
  ])('a lone word the organisation dictionaries list speaks for the organisation: %s', (text, added) => {
    expect(run(text).added).toEqual([added]);
  });

  it.each([
    ['Brackwell shares fell on Monday.\n\n“We will close two plants,” Brackwell said.', 'Organisation:Brackwell'],
    ['Brackwell said its profits rose.\n\n“We had a good year,” Brackwell said.', 'Organisation:Brackwell'],
    ['Brackwell\'s earnings doubled.\n\n“We had a good year,” said Brackwell.', 'Organisation:Brackwell'],
    ['FARLOW <FRL> CUTS JOBS\n\n“We must cut costs,” Farlow said.', 'Organisation:Farlow'],
    ['Brackwell won the seat.\n\n“We had a good year,” Brackwell said.', 'Person:Brackwell'],
  ])('a lone word the article shows as a company speaks for it: %s', (text, added) => {
    expect(run(text).added).toEqual([added]);
  });

  it('a lone word opening the name of a company with its legal form speaks for it', () => {
    const table: FixtureEntity[] = [...KNOWN, { name: 'Farlow Tennant Inc', type: 'Organisation', forms: ['Farlow Tennant Inc'] }];
    expect(run('Farlow Tennant Inc cut jobs.\n\n“We must cut costs,” Farlow said.', table).added).toEqual(['Organisation:Farlow']);
  });

  it('names a company speaker at its other bare mentions too', () => {
    const text = 'Brackwell shares fell.\n\n“We will close two plants,” Brackwell said.';
    const f = buildFixture(text, KNOWN);
    const sp = addSpeakerNames(f.ann, f.mentions, f.entities, rel, ent);
    expect(sp.mentions.slice(f.mentions.length).map((m) => `${m.type}:${m.text}`)).toEqual(['Organisation:Brackwell', 'Organisation:Brackwell']);
  });

  it.each([
    ['According to Brackwell\'s lawyers, the plan was “entirely lawful”.'],
    ['“Demand is still weak,” said Brackwell chief executive.'],
  ])('adds no speaker for a name that qualifies a noun after it: %s', (text) => {
    expect(run(text).added).toEqual([]);
  });

  it('takes the name after a company and its office in an inverted frame', () => {
    expect(run('“Demand is still weak,” said Brackwell spokesman Tom Farrow.').added).toEqual(['Person:Tom Farrow']);
  });

  it('adds no speaker for a country\'s adjective alone', () => {
    expect(run('“Prices will rise,” said an analyst, adding the Dutch market was calm.').added).toEqual([]);
  });
});

describe('addSpeakerNames: definite role descriptions refer back to a named person', () => {
  it.each([
    {
      title: 'the only person named before',
      text: 'Maria Lopez toured a factory in Ohio on Friday.\n\n“We need change,” the former senator said.',
      speaker: 'Maria Lopez',
    },
    {
      title: 'the person the gendered role word fits (she is Lopez)',
      text: 'Lopez met John Kirby and Maria Lopez again on Friday. She thanked the crowd.\n\n“We need real change now,” the congressman said.',
      speaker: 'John Kirby',
    },
    {
      title: 'the person whose title carries the role word (Sen. = senator)',
      text: 'Sen. Maria Lopez met John Kirby in Ohio on Friday.\n\n“We need real change now,” the senator said.',
      speaker: 'Maria Lopez',
    },
    {
      title: 'nobody, when two people fit and no title decides',
      text: 'Maria Lopez met John Kirby in Ohio on Friday.\n\n“We need real change now,” the candidate said.',
      speaker: null,
    },
    {
      title: 'the only candidate a Vermont modifier fits (Vermont Sen. Maria Lopez)',
      text: 'Vermont Sen. Maria Lopez met John Kirby on Friday.\n\n“We need real change now,” the Vermont candidate said.',
      speaker: 'Maria Lopez',
    },
    {
      title: 'the person the article is about, when nothing else decides',
      text: 'Maria Lopez toured Ohio. Lopez met voters. Lopez spoke at a diner. John Kirby was there too. Lopez left at noon.\n\n“We need real change now,” the candidate said.',
      speaker: 'Maria Lopez',
    },
    {
      title: 'nobody, for a compound role the article is not about (the band leader)',
      text: 'Maria Lopez toured Ohio. Lopez met voters. Lopez spoke at a diner. John Kirby was there too. Lopez left at noon.\n\n“It is our time,” the band leader said.',
      speaker: null,
    },
    {
      title: 'nobody, for a role news often leaves unnamed (the spokesman)',
      text: 'Maria Lopez toured Ohio. Lopez met voters. Lopez spoke at a diner. John Kirby was there too. Lopez left at noon.\n\n“We will not comment on that,” the spokesman said.',
      speaker: null,
    },
    {
      title: 'nobody, for a role a phrase after it gives to someone else (the chairman of ...)',
      text: 'Maria Lopez toured Ohio. Lopez met voters. Lopez spoke at a diner. John Kirby was there too. Lopez left at noon.\n\n“It will be a tragedy,” said the chairman of the select committee.',
      speaker: null,
    },
    {
      title: 'nobody, when the article is about two people equally',
      text: 'Maria Lopez toured Ohio. Lopez met voters. John Kirby spoke at a diner. Kirby met voters.\n\n“We need real change now,” the candidate said.',
      speaker: null,
    },
    {
      title: 'nobody, when the description was introduced as unnamed',
      text: 'A spokeswoman for the campaign met Maria Lopez on Friday.\n\n“We will not comment on polls,” the spokeswoman said.',
      speaker: null,
    },
  ])('$title', ({ text, speaker }) => {
    const q = run(text).quotes;
    expect(q).toHaveLength(1);
    expect(q[0]?.[1]).toBe(speaker);
  });
});

describe('extractQuotes: speakerSpan', () => {
  it.each([
    ['“We are watching very closely,” she said.', 'she'],
    ['“The budget is a mess,” Kowalczyk said.', 'Kowalczyk'],
    ['Maria Lopez toured Ohio.\n\n“We need change now,” the former senator said.', 'the former senator'],
  ])('%s -> %s', (text, span) => {
    expect(run(text).spans).toEqual([span]);
  });
  // A speaker who is no entity keeps no speaker, but the words describing it are its span.
  it.each([
    ['“The talks went nowhere,” said a senior diplomat.', 'a senior diplomat'],
    ['“The talks went nowhere,” a senior diplomat said.', 'a senior diplomat'],
    ['“The vote was rigged from the start,” says the campaign’s narrator.', 'the campaign’s narrator'],
    ['A source close to the talks said the offer was “a serious one worth weighing.”', 'A source close to the talks'],
    ['“We expect a long winter for everyone here,” the union has long said.', 'the union'],
    ['“Nobody here trusts the count,” said one veteran organizer familiar with the effort.', 'one veteran organizer familiar with the effort'],
    ['“Why would anyone vote for that?” a narrator in the new ad says.', 'a narrator in the new ad'],
    ['“It was quiet all night,” reads a note on the door.', 'a note on the door'],
  ])('anonymous: %s -> %s', (text, span) => {
    const r = run(text);
    expect(r.quotes.map((q) => q[1])).toEqual([null]);
    expect(r.spans).toEqual([span]);
  });
});

describe('addSpeakerNames: frames with asides and titles', () => {
  it.each([
    ['a relative clause holding a plural possessive', 'Rucker Haley, who runs the veterans\' outreach for the campaign, said, "The record speaks for itself on this."', 'The record speaks for itself on this.', 'Rucker Haley'],
    ['four asides between the name and said', '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in an interview.', 'Both of them scare me,', 'Harry Bond'],
    ['a sentence-initial given name wink tags as a verb', 'Josh Brennan said the deadline was “not up for negotiation at all.”', 'not up for negotiation at all.', 'Josh Brennan'],
    ['a surname in -ss is not a plural', 'Nobody expected it. “Nor would the old guard,” Cross wrote.', 'Nor would the old guard,', 'Cross'],
    ['a surname after an honorific that is also a title', '“It is all about enthusiasm,” Mr. King added.', 'It is all about enthusiasm,', 'King'],
    ['a given name wink tags as an auxiliary (Will)', '"It is an expensive business model," said Will Doyle, a professor of education.', 'It is an expensive business model,', 'Will Doyle'],
    ['a title abbreviation after said', '"The city will never go back to normal," said the Rev. Peter Wherry, of the Baptist church.', 'The city will never go back to normal,', 'Peter Wherry'],
  ])('%s', (_t, text, quote, speaker) => {
    expect(run(text).quotes).toContainEqual([quote, speaker]);
  });
});

describe('extractQuotes: a frame pronoun names the nearest person before the quotation of its gender', () => {
  const table: readonly FixtureEntity[] = [
    { name: 'Tom Berger', type: 'Person', forms: ['Tom Berger', 'Berger'] },
    { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez', '~she'] },
  ];
  // Four sentences of questions put `he` beyond the four sentences reference resolution looks back,
  // so the pronoun reaches the quote stage unlinked.
  const questions = 'What would a new name change? Would it end the strike? Would it bring the drivers back? Would it open a single depot?';
  it('skips a person whose pronouns give the other gender', () => {
    // Lopez, named last before the quotation, is a woman by her `she`.
    const r = run(`Tom Berger met Maria Lopez, and she thanked him on Monday.\n\n“${questions}” he said.`, table);
    expect(r.quotes).toEqual([[questions, 'Tom Berger']]);
    expect(r.spans).toEqual(['he']);
  });
  it('takes the person named last before the quotation when no pronoun tells a gender', () => {
    const r = run(`Tom Berger spoke to the drivers on Monday.\n\n“${questions}” he said.`, table);
    expect(r.quotes).toEqual([[questions, 'Tom Berger']]);
    expect(r.spans).toEqual(['he']);
  });
});

describe('addSpeakerNames: a short name word of a person named in full', () => {
  const table: readonly FixtureEntity[] = [{ name: 'Liu Wei', type: 'Person', forms: ['Liu Wei'] }];
  it('links a family name written first (`Liu` of `Liu Wei`) though it is only three letters', () => {
    const r = run('China’s envoy Liu Wei spoke on Monday.\n\nLiu said the army could be sent in, warning: “They are already in the city and ready.”', table);
    expect(r.quotes).toEqual([['They are already in the city and ready.', 'Liu Wei']]);
  });
  it('leaves a short word that names no one the article names in full', () => {
    const r = run('China’s envoy Liu Wei spoke on Monday.\n\nKai said the army could be sent in, warning: “They are already in the city and ready.”', table);
    expect(r.added).toEqual([]);
  });
});

describe('a speaker written as `the` and a compass word of the country named with it (the article\'s references)', () => {
  const lexicons = loadLexicons();
  const quotes = (text: string): [string, string | null][] => {
    const r = processArticle(articleFromText('compass.txt', text, lexicons.boilerplate, 'txt'), lexicons);
    return r.quotes.map((q) => [q.text, q.speaker === null ? null : (r.entities[q.speaker]?.name ?? null)]);
  };
  it('is that country when it is the only one with that first word', () => {
    expect(quotes('South Sudan closed its border on Monday. The South called the raids a “naked provocation” and a threat.')).toEqual([['naked provocation', 'South Sudan']]);
  });
  it('is no one when two share the first word', () => {
    expect(quotes('The West Bank Authority met the West Africa Council. The West called the raids a “naked provocation” and a threat.')).toEqual([['naked provocation', null]]);
  });
});

describe('addSpeakerNames: the bare surname of a person named in full is that person', () => {
  const table: readonly FixtureEntity[] = [
    { name: 'Joan Dreyer', type: 'Person', forms: ['Joan Dreyer'] },
    { name: 'Paul Dreyer', type: 'Person', forms: ['Paul Dreyer'] },
    { name: 'Sam Baker', type: 'Person', forms: ['Sam Baker'] },
    { name: 'Ana Costa', type: 'Person', forms: ['Ana Costa'] },
  ];
  const mentionsOf = (text: string): string[] => {
    const f = buildFixture(text, table);
    const sp = addSpeakerNames(f.ann, f.mentions, f.entities, rel, ent);
    return sp.mentions.slice(f.mentions.length).map((m) => `${m.text}:${sp.entities.find((e) => e.mentions.includes(sp.mentions.indexOf(m)))?.name}`);
  };
  it('links a sentence-initial surname to the one person of that surname', () => {
    expect(mentionsOf('Ana Costa met the envoy on Monday.\n\nCosta took exception to the claim.')).toContain('Costa:Ana Costa');
  });
  it('links a sentence-initial surname the tagger takes for a verb when a verb follows it', () => {
    const withCook: readonly FixtureEntity[] = [{ name: 'Mark Cook', type: 'Person', forms: ['Mark Cook'] }];
    const added = (text: string): string[] => {
      const f = buildFixture(text, withCook);
      return addSpeakerNames(f.ann, f.mentions, f.entities, rel, ent).mentions.slice(f.mentions.length).map((m) => m.text);
    };
    expect(added('Mark Cook met the envoy on Monday.\n\nCook called the vote a test of loyalty.')).toContain('Cook');
    // An imperative verb with its object after it is no name.
    expect(added('Mark Cook met the envoy on Monday.\n\nCook the rice slowly and turn left.')).not.toContain('Cook');
  });
  it('leaves a surname two people share', () => {
    expect(mentionsOf('Joan Dreyer and Paul Dreyer met the envoy.\n\nDreyer took exception to the claim.').filter((m) => m.startsWith('Dreyer:'))).toEqual([]);
  });
  it('leaves a surname the article also writes as a common word', () => {
    expect(mentionsOf('Sam Baker met the envoy.\n\nBaker said the baker had closed his shop.').filter((m) => m.startsWith('Baker:'))).toEqual([]);
  });
});
