import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile' },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Andean Council', type: 'Organisation' },
];

function accusations(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'ACCUSED')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`);
}

describe('criticism worded in a reported clause: the speaker accuses the party that acted', () => {
  it.each([
    ['Peru has seized the ships by imposing an illegal blockade, the Andean Council said.', 'Andean Council -> Peru asserted'],
    ['The Andean Council said Peru had unjustly detained fishermen.', 'Andean Council -> Peru asserted'],
    ['Peru has unjustly detained fishermen, according to the Andean Council.', 'Andean Council -> Peru asserted'],
    ['Chile said the trade was halted by unlawful measures taken by Peru and Bolivia.', 'Chile -> Peru asserted'],
    // A noun of condemnation predicated of what a party did, and the `by` agent of the subject.
    ["Chile said Peru's decision was a clear violation of the treaty.", 'Chile -> Peru asserted'],
    ['Chile said the blockade by Peru was illegal.', 'Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(accusations(text)).toContain(edge);
  });

  it.each([
    // The party the act was aimed at is not the one criticised.
    'The Andean Council said the attack on Peru was illegal.',
    'The Andean Council said the attack on Peru was a crime.',
    // Misfortune is no blame.
    "The Andean Council said Peru's harvest was a disaster.",
    // A noun of condemnation that is no predicate.
    'The Andean Council said Peru had fought a provocation.',
    // A speaker does not accuse their own state.
    'Ana Soto said Chile had made a mistake.',
    // No words of condemnation.
    'The Andean Council said Peru had detained fishermen.',
    // Narration, not anyone's words.
    'Peru imposed an illegal blockade in March.',
  ])('none: %s', (text) => {
    expect(accusations(text).filter((e) => e.startsWith('Andean') || e.startsWith('Ana') || e.startsWith('Chile'))).toEqual([]);
  });

  it('a negated report gives no asserted accusation', () => {
    expect(accusations('The Andean Council did not say Peru had acted illegally.').filter((e) => e.endsWith('asserted'))).toEqual([]);
  });
});
