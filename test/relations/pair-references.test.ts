import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Green Party', type: 'Organisation' },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile' },
  { name: 'Luis Vega', type: 'Person', forms: ['Luis Vega', 'Vega'], affiliation: 'Peru' },
  { name: 'Tom Reed', type: 'Person', forms: ['Tom Reed', 'Reed'] },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex);
}

describe('plural descriptions of a pair named before (`the two leaders`, `both sides`)', () => {
  it.each([
    ['Ana Soto and Luis Vega met in Lima on Monday. The two leaders condemned Bolivia.', ['ACCUSED Ana Soto -> Bolivia', 'ACCUSED Luis Vega -> Bolivia']],
    ['Ana Soto met Luis Vega in Lima on Monday. Both men condemned Bolivia.', ['ACCUSED Ana Soto -> Bolivia', 'ACCUSED Luis Vega -> Bolivia']],
    ['Chile and Peru signed a border treaty. Both sides condemned Bolivia.', ['ACCUSED Chile -> Bolivia', 'ACCUSED Peru -> Bolivia']],
    // The other party of the act is named in the description's own sentence.
    ['Ana Soto and Luis Vega have feuded for years. Tom Reed urged the two leaders to make peace.', ['URGED Tom Reed -> Ana Soto', 'URGED Tom Reed -> Luis Vega']],
    // Two people, taken up as the states they act for.
    ['Ana Soto and Luis Vega spoke by phone. Bolivia criticised the two countries.', ['ACCUSED Bolivia -> Chile', 'ACCUSED Bolivia -> Peru']],
  ])('%s', (text, expected) => {
    expect(acts(text).filter((e) => !e.startsWith('SPOKE_WITH') && !e.startsWith('AFFILIATED_WITH'))).toEqual(expected);
  });

  it('`they` opening the sentence after one whose subject is a named pair', () => {
    expect(acts('Chile and Peru signed a border treaty on Monday. They urged Bolivia to join it.').filter((e) => e.startsWith('URGED'))).toEqual(['URGED Chile -> Bolivia', 'URGED Peru -> Bolivia']);
    expect(acts('Ana Soto met Luis Vega in Lima. They condemned Bolivia.')).toContain('ACCUSED Luis Vega -> Bolivia');
    // The pair is no subject there, or is three: `they` stays unresolved.
    expect(acts('Protesters in Chile and Peru clashed with the police. They condemned Bolivia.')).toEqual([]);
    expect(acts('Chile, Peru and Bolivia signed a treaty. They condemned the Green Party.').filter((e) => e.startsWith('ACCUSED'))).toEqual([]);
  });

  it('a meeting between the two named before', () => {
    expect(acts('Ana Soto and Luis Vega have feuded for years. Last June saw a meeting between the two leaders in Quito.')).toContain('SPOKE_WITH Ana Soto -> Luis Vega');
  });

  it('talks scheduled for a later day are not held yet, after the parties as after a pair noun', () => {
    const withModality = (text: string): string[] => actLines(text, ENTITIES, lex, { modality: true });
    expect(withModality('Officials prepared for the talks between Chile and Peru scheduled for Monday.')).toEqual(['SPOKE_WITH Chile -> Peru future']);
    expect(withModality('Chile and Peru met on Monday. Officials prepared for the talks between the two countries scheduled for March.')).toEqual(['SPOKE_WITH Chile -> Peru asserted', 'SPOKE_WITH Chile -> Peru future']);
  });

  it.each([
    // Three named: not a pair.
    'Ana Soto, Luis Vega and Tom Reed met in Lima. The two leaders condemned Bolivia.',
    // Another person named between the pair and the description: unclear which two.
    'Ana Soto and Luis Vega met in Lima. Tom Reed spoke to reporters afterwards. The two leaders condemned Bolivia.',
    // A pair of the wrong kind: two states are no two men.
    'Chile and Peru signed a border treaty. Both men condemned Bolivia.',
    // No pair named at all.
    'Ana Soto spoke in Lima. The two leaders condemned Bolivia.',
  ])('no pair: %s', (text) => {
    expect(acts(text).filter((e) => e.startsWith('ACCUSED'))).toEqual([]);
  });
});
