import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Czech Republic', type: 'Country' },
  { name: 'Paraguay', type: 'Country' },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex);
}

describe('coordinated actors', () => {
  it('a list whose members carry determiners (`Chile, Peru, the Czech Republic and Paraguay`)', () => {
    expect(acts('Chile, Peru, the Czech Republic and Paraguay called on Bolivia to free the prisoners.')).toEqual([
      'URGED Chile -> Bolivia',
      'URGED Czech Republic -> Bolivia',
      'URGED Paraguay -> Bolivia',
      'URGED Peru -> Bolivia',
    ]);
  });

  it('a fronted phrase ending in an entity is not a list member (`After talks on Bolivia, Chile and Peru ...`)', () => {
    const found = acts('After talks on Bolivia, the Czech Republic and Peru condemned Paraguay.');
    expect(found.filter((e) => e.startsWith('ACCUSED'))).toEqual(['ACCUSED Czech Republic -> Paraguay', 'ACCUSED Peru -> Paraguay']);
    expect(found.some((e) => e.includes('Bolivia'))).toBe(false);
  });

  it('`X and other leaders`: the named member acts', () => {
    expect(acts('Ana Soto and other regional leaders condemned Bolivia.')).toEqual(['ACCUSED Ana Soto -> Bolivia']);
  });
});

describe('coordinated targets', () => {
  it('a plain plural coordinated with a named party (`all states and Peru`)', () => {
    expect(acts('Chile urged all states and Peru to recognise the vote.')).toEqual(['URGED Chile -> Peru']);
  });

  it('`as well as` joins targets like `and`', () => {
    expect(acts('Chile accused Peru, as well as Bolivia and Paraguay, of fraud.')).toEqual(['ACCUSED Chile -> Bolivia', 'ACCUSED Chile -> Paraguay', 'ACCUSED Chile -> Peru']);
  });

  it('a phrase after `as well as` that opens with a verb is no target', () => {
    expect(acts('Chile praised Peru as well as criticising Bolivia.')).toEqual(['SUPPORTED Chile -> Peru']);
  });

  it('an appeal not to act is an appeal', () => {
    expect(acts('Chile urged Peru not to close the border.')).toEqual(['URGED Chile -> Peru']);
  });
});

describe('coordinated targets end at a second verb phrase', () => {
  it.each([
    ['Chile condemned Peru, and urged Bolivia to stop.', ['ACCUSED Chile -> Peru', 'URGED Chile -> Bolivia']],
    ['Chile said Peru had rejected the proposal from Bolivia and accused Paraguay of lying.', ['ACCUSED Peru -> Paraguay', 'REJECTED Peru -> Bolivia']],
    // A coordinated target list still reads on.
    ['Chile condemned Peru, Bolivia and Paraguay.', ['ACCUSED Chile -> Bolivia', 'ACCUSED Chile -> Paraguay', 'ACCUSED Chile -> Peru']],
  ])('%s', (text, expected) => {
    expect(acts(text)).toEqual(expected);
  });
});

describe('the named members of a group as targets (`its allies, including X and Y`)', () => {
  it.each([
    ['Chile urged its allies, including Peru and Bolivia, to help.', ['URGED Chile -> Bolivia', 'URGED Chile -> Peru']],
    ['Chile accused several neighbours, including Peru, of lying.', ['ACCUSED Chile -> Peru']],
    ['Chile criticised several neighbours, including Peru.', ['ACCUSED Chile -> Peru']],
    // A singular head is no group of members.
    ['Chile criticised the plan, including its cost.', []],
  ])('%s', (text, expected) => {
    expect(acts(text)).toEqual(expected);
  });
});

describe('subjects across floating words, adverb pairs, partners and gerunds', () => {
  it.each([
    ['Chile and Peru both urged Bolivia to act.', ['URGED Chile -> Bolivia', 'URGED Peru -> Bolivia']],
    ['Chile has repeatedly and publicly rejected Bolivia’s demands.', ['REJECTED Chile -> Bolivia']],
    ['Chile, along with Peru, urged Bolivia to act.', ['URGED Chile -> Bolivia', 'URGED Peru -> Bolivia']],
    ['Chile, a neighbour of Peru, urged Bolivia to act.', ['URGED Chile -> Bolivia']],
    ['Chile as well as Peru urged Bolivia to act.', ['URGED Chile -> Bolivia', 'URGED Peru -> Bolivia']],
    ['Neither Chile nor Peru rejected Bolivia’s demands.', []],
    ['Chile responded by accusing Bolivia of lying.', ['ACCUSED Chile -> Bolivia']],
    ['Chile left the talks after condemning Bolivia.', ['ACCUSED Chile -> Bolivia']],
    // After `of` the gerund is the object's act, not the subject's.
    ['Chile accused Peru of urging Bolivia to act.', ['ACCUSED Chile -> Peru']],
    // After `in`: an interest is no act.
    ['Chile expressed interest in continuing talks with Bolivia.', []],
  ])('%s', (text, expected) => {
    expect(acts(text)).toEqual(expected);
  });
});
