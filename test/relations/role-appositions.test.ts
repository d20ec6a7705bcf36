import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez'] },
  { name: 'Anna Berg', type: 'Person', forms: ['Anna Berg', 'Berg'] },
  { name: 'Tom Reed', type: 'Person', forms: ['Tom Reed', 'Reed'] },
  { name: 'Paul Dupont', type: 'Person', forms: ['Paul Dupont', 'Dupont'] },
  { name: 'Oxford University', type: 'Organisation' },
  { name: 'Green Party', type: 'Organisation' },
  { name: 'Liberal Party', type: 'Organisation' },
  { name: 'Red Cross', type: 'Organisation' },
  { name: 'World Bank', type: 'Organisation' },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
];

function affiliations(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'AFFILIATED_WITH')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} (${r.role ?? ''})`)
    .sort();
}

describe('AFFILIATED_WITH from role appositions', () => {
  it.each([
    ['Maria Lopez, the president of the Red Cross, spoke on Monday.', ['Maria Lopez -> Red Cross (president)']],
    ['Anna Berg, a professor of economics at Oxford University, said the figures were wrong.', ['Anna Berg -> Oxford University (professor of economics)']],
    // A body inside another: both.
    ['Anna Berg, a fellow at the Green Party at Oxford University, said so.', ['Anna Berg -> Green Party (fellow)', 'Anna Berg -> Oxford University (fellow at Green Party)']],
    ['Tom Reed, Peru country director for the World Bank, said the loan was late.', ['Tom Reed -> World Bank (Peru country director)']],
    ["Paul Dupont, Chile's finance minister from 2010 to 2014, said so.", ['Paul Dupont -> Chile (finance minister)']],
    ['Maria Lopez, of the Green Party, said the vote was close.', ['Maria Lopez -> Green Party (member)']],
    // The possessive of a name in s: an owner as with `'s`.
    ["The World Bank's chief, Maria Lopez, said the loan was late.", ['Maria Lopez -> World Bank (chief)']],
    ["The Red Cross' president, Maria Lopez, said the loan was late.", ['Maria Lopez -> Red Cross (president)']],
    // A copula or a verb of taking office before the role.
    ['Maria Lopez is the president of the Red Cross.', ['Maria Lopez -> Red Cross (president)']],
    ['Anna Berg was appointed head of the World Bank last year.', ['Anna Berg -> World Bank (head)']],
    ['Tom Reed has been a member of the Green Party since 2010.', ['Tom Reed -> Green Party (member)']],
    ['Maria Lopez, who was named head of the Green Party, spoke.', ['Maria Lopez -> Green Party (head)']],
    ['The leader of the Green Party, Anna Berg, said the vote was close.', ['Anna Berg -> Green Party (leader)']],
    // A country qualifying an office, with no body after it.
    ['Paul Dupont, the Chilean deputy foreign minister, said so.', ['Paul Dupont -> Chile (Chilean deputy foreign minister)']],
    ['Paul Dupont, the Chilean ambassador to the World Bank, said so.', ['Paul Dupont -> Chile (Chilean ambassador to the World Bank)']],
    ["Paul Dupont, who serves as Chile's finance minister, said so.", ['Paul Dupont -> Chile (finance minister)']],
    ['Tom Reed and Anna Berg, both professors at Oxford University, signed the letter.', ['Anna Berg -> Oxford University (professors)', 'Tom Reed -> Oxford University (professors)']],
    // A role followed by another name is that name's, not the name before the comma.
    ["Critics include Tom Reed, the Green Party's campaign chief Anna Berg said.", ['Anna Berg -> Green Party ()']],
    ['Critics include Tom Reed, campaign chief Anna Berg of the Green Party said.', []],
  ])('%s', (text, expected) => {
    expect(affiliations(text)).toEqual(expected);
  });

  it.each([
    // Kinship and opinion nouns are no roles.
    'Tom Reed, the son of the Green Party leader, spoke on Monday.',
    'Tom Reed is a critic of the World Bank.',
    'Anna Berg was the daughter of a Red Cross nurse.',
    'Anna Berg, a critic of the World Bank, spoke on Monday.',
    // A list after a name, not an apposition.
    'They will meet Mr Reed, representatives of the Red Cross and the World Bank.',
    // A name in a coordination of roles: `and the presidents of Chile`.
    'He spoke to Paul Dupont, and the presidents of Chile and Peru.',
    // `of Chile's Liberal Party`: Chile owns the party; no membership of Chile.
    "Maria Lopez, of Chile's Liberal Party, spoke on Monday.",
    // A nationality with a private role: no agent of the state.
    'Anna Berg, a Chilean lawyer, spoke on Monday.',
  ])('no affiliation: %s', (text) => {
    expect(affiliations(text).filter((a) => !a.includes('Liberal Party'))).toEqual([]);
  });
});

describe('role bodies the entity stage left unmarked', () => {
  const table: readonly FixtureEntity[] = [
    { name: 'Anna Berg', type: 'Person', forms: ['Anna Berg', 'Berg'] },
    { name: 'Tom Reed', type: 'Person', forms: ['Tom Reed', 'Reed'] },
    // Only the first `WHO` is a mention; the alias names the body of the role.
    { name: 'World Health Organization', type: 'Organisation', forms: ['World Health Organization'] },
    { name: 'United Kingdom', type: 'Country', forms: ['United Kingdom'] },
  ];
  const affiliationsIn = (text: string): string[] => {
    const f = buildFixture(text, table);
    const extra: Record<string, string> = { 'World Health Organization': 'WHO', 'United Kingdom': 'London' };
    const entities = f.entities.map((e) => (extra[e.name] ? { ...e, aliases: [...e.aliases, extra[e.name] as string] } : e));
    return extractRelations(f.ann, f.mentions, entities, lex)
      .filter((r) => r.type === 'AFFILIATED_WITH')
      .map((r) => `${f.name(r.source)} -> ${f.name(r.target)}`);
  };

  it('an acronym alias of an organisation', () => {
    expect(affiliationsIn('The World Health Organization met. Anna Berg, the head of the WHO, spoke.')).toEqual(['Anna Berg -> World Health Organization']);
  });

  it('not a city that is an alias of its country', () => {
    expect(affiliationsIn('The United Kingdom agreed. Tom Reed, manager of the London office, spoke.')).toEqual([]);
  });
});
