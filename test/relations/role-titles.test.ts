import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { affiliationLines, buildFixture, type FixtureEntity } from './fixture.js';
import { extractRelations } from '../../src/relations/extract-relations.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ivan Petrov', type: 'Person', forms: ['Ivan Petrov', 'Petrov'], role: 'UN envoy', affiliation: 'United Nations' },
  { name: 'Jean Martin', type: 'Person', forms: ['Jean Martin', 'Martin'], role: 'Prime Minister' },
  { name: 'Karl Weber', type: 'Person', forms: ['Karl Weber', 'Weber'] },
  { name: 'Ana Silva', type: 'Person', forms: ['Ana Silva', 'Silva'], role: 'President', affiliation: 'Chile' },
  { name: 'Tom Reed', type: 'Person', forms: ['Tom Reed', 'Reed'] },
  { name: 'United Nations', type: 'Organisation', forms: ['United Nations', 'UN'] },
  { name: 'Red Cross', type: 'Organisation' },
  { name: 'Green Party', type: 'Organisation' },
  { name: 'Russia', type: 'Country' },
  { name: 'France', type: 'Country' },
  { name: 'Chile', type: 'Country' },
];

const affiliations = (text: string): string[] => affiliationLines(text, ENTITIES, lex);

describe('AFFILIATED_WITH from titles, owned roles and leadership', () => {
  it.each([
    // A diplomat named with a state and a body acts for the state that sent them.
    ['Russian UN envoy Ivan Petrov said the text was weak. Russia voted no.', ['Ivan Petrov -> Russia [affiliation.title-owner]']],
    ["France's UN envoy Ivan Petrov said the text was weak.", ['Ivan Petrov -> France [affiliation.title-owner]']],
    // `the country's`: the country named last before.
    ["The storm hit Chile. The country's finance minister, Karl Weber, said aid would come.", ['Karl Weber -> Chile [affiliation.appositive]']],
    ["The storm hit Chile. It rained. The rivers rose. The country's finance minister, Karl Weber, said aid would come.", []],
    // With no country in front, the organisation right before a (hyphenated) title owns it.
    ['Red Cross Secretary-General Karl Weber said the camps were full.', ['Karl Weber -> Red Cross [affiliation.title-owner]']],
    // The owner of a title the entity stage gave no body.
    ["France's Prime Minister Jean Martin spoke on Monday.", ['Jean Martin -> France [affiliation.title-owner]']],
    // An owned role with its complement, then the name.
    ["Russia's special envoy for the region, Karl Weber, said the talks would go on.", ['Karl Weber -> Russia [affiliation.appositive]']],
    // A person's role: that person's state.
    ['Ana Silva named her deputy, Tom Reed, on Monday.', ['Ana Silva -> Chile [affiliation.mention]', 'Tom Reed -> Chile [affiliation.appositive]']],
    // A country-qualified office before the name.
    ['A Chilean government spokesman, Karl Weber, said so.', ['Karl Weber -> Chile [affiliation.appositive]']],
    // Verbs of leadership.
    ['The Red Cross, led by Karl Weber, sent doctors.', ['Karl Weber -> Red Cross [affiliation.leadership]']],
    ['Karl Weber, who heads the Green Party, spoke.', ['Karl Weber -> Green Party [affiliation.leadership]']],
    // `who is` before a role apposition.
    ['Karl Weber, who is the president of the Red Cross, spoke.', ['Karl Weber -> Red Cross [affiliation.role-apposition]']],
  ])('%s', (text, expected) => {
    expect(affiliations(text)).toEqual(expected);
  });

  it.each([
    // A UN envoy with no state named stays the body's.
    ['UN envoy Ivan Petrov said the text was weak.', ['Ivan Petrov -> United Nations [affiliation.mention]']],
    // A private role of a person says nothing of that person's state.
    ["Ana Silva's lawyer, Tom Reed, spoke.", ['Ana Silva -> Chile [affiliation.mention]']],
    ['A Chilean lawyer, Karl Weber, said so.', []],
    // A kinship noun is no role.
    ["Russia's hero, Karl Weber, spoke.", []],
    // A country qualifying an office of the body `its` stands for.
    ['The Red Cross sent its Chile director Karl Weber to the border.', []],
    // A possessive of a place, not a title before the name.
    ['The Red Cross was founded long before Karl Weber spoke.', []],
  ])('no new affiliation: %s', (text, expected) => {
    expect(affiliations(text)).toEqual(expected);
  });
});

describe('AFFILIATED_WITH of a public figure named by surname and title', () => {
  const table: readonly FixtureEntity[] = [
    { name: 'Obama', type: 'Person', forms: ['Obama'], role: 'President' },
    { name: 'Smith', type: 'Person', forms: ['Smith'], role: 'President' },
    { name: 'United States', type: 'Country' },
  ];
  const affiliationsIn = (text: string): string[] => {
    const f = buildFixture(text, table);
    const entities = f.entities.map((e) => (e.type === 'Person' ? { ...e, roles: ['President'] } : e));
    return extractRelations(f.ann, f.mentions, entities, lex)
      .filter((r) => r.type === 'AFFILIATED_WITH')
      .map((r) => `${f.name(r.source)} -> ${f.name(r.target)}`);
  };

  it('the one figure of that surname holding that office (people.tsv: Barack Obama, President)', () => {
    expect(affiliationsIn('The United States acted. President Obama said so.')).toEqual(['Obama -> United States']);
  });

  it('no figure of that surname: no affiliation', () => {
    expect(affiliationsIn('The United States acted. President Smith said so.')).toEqual([]);
  });
});
