import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from '../relations/fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Ecuador', type: 'Country' },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex);
}

describe('the clause slot of a verb is the that-clause subject, not a bystander in it', () => {
  it.each([
    ['the subject of the that-clause', 'Ana Soto warned that Peru would pay a heavy price.', ['WARNED Ana Soto -> Peru']],
    ['its owner', "Ana Soto warned that Peru's support for Bolivia would have consequences.", ['WARNED Ana Soto -> Peru']],
    ['every member of a coordinated subject', 'Ana Soto warned that Peru and Bolivia would regret the move.', ['WARNED Ana Soto -> Bolivia', 'WARNED Ana Soto -> Peru']],
    ['the agent of an act named as the subject', 'Ana Soto complained that raids by Peru had killed farmers.', ['ACCUSED Ana Soto -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text).filter((a) => !a.startsWith('SUPPORTED') && !a.startsWith('SPOKE_WITH'))).toEqual(want);
  });

  it.each([
    ['a place named inside the subject', 'Ana Soto warned that the war in Peru could spread.'],
    ['a party named after the subject noun', 'Ana Soto warned that sanctions on Peru would hurt Bolivia.'],
  ])('no target: %s', (_what, text) => {
    expect(acts(text).filter((a) => a.startsWith('WARNED'))).toEqual([]);
  });
});

describe('a phrase read as both the senders and the target of a nominal act', () => {
  it('`demands from X, Y and Z`: no edges among the senders', () => {
    expect(acts('Ana Soto rejected demands from Peru, Bolivia and Ecuador.').filter((a) => a.startsWith('DEMANDED'))).toEqual([]);
  });
});

describe('the issuer of the statement an act was made in acts too', () => {
  it.each([
    ['a joint statement released by a body', 'Chile and Peru urged Bolivia to free the prisoners in a joint statement issued on Friday by the Andean Council.', ['URGED Andean Council -> Bolivia', 'URGED Chile -> Bolivia', 'URGED Peru -> Bolivia']],
    ['a statement with no issuer named', 'Chile accused Bolivia of fraud in a statement on Friday.', ['ACCUSED Chile -> Bolivia']],
    ['a statement issued by the target is no co-actor', 'Chile accused Bolivia of fraud in a statement issued by Bolivia.', ['ACCUSED Chile -> Bolivia']],
  ])('%s: %s', (_what, text, want) => {
    expect(actLines(text, [...ENTITIES, { name: 'Andean Council', type: 'Organisation' }], lex)).toEqual(want);
  });
});

describe('who refuses a nominal act did not make it', () => {
  it.each([
    ['demands refused', 'Ana Soto rejected the demands of Peru and Bolivia.', ['REJECTED Ana Soto -> Bolivia', 'REJECTED Ana Soto -> Peru']],
    ['calls dismissed', 'Chile dismissed calls for Peru to pay.', []],
    ['a call renewed is the subject’s own', 'Chile renewed its call for Peru to pay.', ['URGED Chile -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });
});

describe('the subject of a passive verb governing a nominal act did not make it', () => {
  it('`X and Y were given deals`: no talks between them', () => {
    expect(acts('Ana Soto and Peru were given new deals on Monday.').filter((a) => a.startsWith('SPOKE_WITH'))).toEqual([]);
  });

  it('a coordinated object outside a that-clause stays the first entity (`scoring through X, Y and Z`)', () => {
    expect(acts('Chile did threaten, scoring through Peru, Bolivia and Ecuador.').filter((a) => a.includes('Bolivia'))).toEqual([]);
  });
});
