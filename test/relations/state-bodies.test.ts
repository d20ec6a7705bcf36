import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile' },
  { name: 'Chilean Foreign Ministry', type: 'Organisation' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex).filter((a) => !a.startsWith('AFFILIATED_WITH'));
}

describe('a bare `the government` subject is the state the sentences before tie it to', () => {
  it.each([
    ['the country named as the subject before', 'Chile said the vote was flawed. The government urged Peru to count again.', ['URGED Chile -> Peru']],
    ['the state a person acts for', 'Ana Soto spoke in Lima on Monday. The government accused Peru of fraud.', ['ACCUSED Chile -> Peru']],
    ['the owner of a body', "Chile's foreign ministry said it was alarmed. The administration demanded that Peru withdraw.", ['DEMANDED Chile -> Peru']],
    ['a person `of` a state', 'President Ana Soto of Chile spoke on Monday. The new government urged Peru to count again.', ['URGED Chile -> Peru']],
    ['an earlier clause of the same sentence', 'Chile protested, and the authorities accused Peru of fraud.', ['ACCUSED Chile -> Peru']],
    ['a possessive pronoun for the owner', 'Chile is angry. Its government accused Peru of fraud.', ['ACCUSED Chile -> Peru']],
    ['the state described as a possessor', "Chile said the vote was flawed. The country's government urged Peru to count again.", ['URGED Chile -> Peru']],
    ['the subject of a copula', 'Chile was furious. The administration accused Peru of fraud.', ['ACCUSED Chile -> Peru']],
    ['an unnamed ministry', 'Chile said the vote was flawed. The foreign ministry urged Peru to count again.', ['URGED Chile -> Peru']],
    ['a ministry with a noun for its field', 'Chile is angry. The defence ministry accused Peru of shelling a border post.', ['ACCUSED Chile -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });

  it.each([
    ['no subject before names a state', 'The government accused Peru of fraud.'],
    ['the subject before names two states', 'Chile and Bolivia met on Monday. The government accused Peru of fraud.'],
    ['the subject before is too far back', 'Chile said the vote was flawed. It rained. The talks ended. The crowds left. The government accused Peru of fraud.'],
    ['a government owned by no one in the phrase but named by a modifier is not bare', 'Chile spoke. The Bolivian government accused Peru of fraud.'],
    ['a named ministry is the organisation', 'The Chilean Foreign Ministry said the vote was flawed. The ministry accused Peru of fraud.'],
  ])('none: %s', (_what, text) => {
    expect(acts(text).filter((a) => a.startsWith('ACCUSED Chile ->'))).toEqual([]);
  });
});

describe("in wire copy, with no state named before, `the government` is the dateline's state", () => {
  it.each([
    ['a capital with an agency', 'SANTIAGO (Reuters) - The government accused Peru of fraud on Monday. Chile has complained before.', ['ACCUSED Chile -> Peru']],
    ['a capital with a date and an agency', 'MONTEVIDEO, March 3 (AP) -- The ministry urged Peru to count again. Uruguay has asked before.', ['URGED Uruguay -> Peru']],
    ['a capital written in mixed case, a long dash', 'Lima — The authorities accused Chile of fraud. Peru has complained before.', ['ACCUSED Peru -> Chile']],
    ['after a headline line', 'Vote row deepens\n\nLIMA, May 4 - The government accused Chile of fraud. Peru has complained before.', ['ACCUSED Peru -> Chile']],
    ['a populous city of one state', 'SAO PAULO (Reuters) - The government accused Peru of fraud. Brazil has complained before.', ['ACCUSED Brazil -> Peru']],
    ['a state named in the sentence before wins', 'LIMA (Reuters) - Chile said the vote was flawed. The government accused Peru of fraud.', ['ACCUSED Chile -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(actLines(text, [...ENTITIES, { name: 'Brazil', type: 'Country' }, { name: 'Uruguay', type: 'Country' }], lex).filter((a) => !a.startsWith('AFFILIATED_WITH'))).toEqual(want);
  });

  it.each([
    ['a city that names towns in other states too', 'SAN JOSE (Reuters) - The government accused Peru of fraud. Costa Rica has complained before.'],
    ['a city too small to name its state', 'CUSCO (Reuters) - The government accused Chile of fraud. Peru has complained before.'],
    ['a state the article does not name', 'QUITO (Reuters) - The government accused Peru of fraud.'],
    ['no dateline: a place opening a sentence', 'Lima was calm on Monday. The government accused Chile of fraud.'],
  ])('none: %s', (_what, text) => {
    expect(actLines(text, [...ENTITIES, { name: 'Costa Rica', type: 'Country' }], lex).filter((a) => a.startsWith('ACCUSED'))).toEqual([]);
  });
});
