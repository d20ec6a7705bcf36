import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile' },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Andean Council', type: 'Organisation' },
];

function urged(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'URGED')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`);
}

describe('a party said to be obliged to act: the speaker urges it', () => {
  it.each([
    ['The Andean Council said Peru must reopen the border.', 'Andean Council -> Peru asserted'],
    ['Chile said on Monday that Peru should return to the talks.', 'Chile -> Peru asserted'],
    ['"Peru needs to release the fishermen," Ana Soto said.', 'Ana Soto -> Peru asserted'],
    ['Peru has to pay for the damage, according to the Andean Council.', 'Andean Council -> Peru asserted'],
    ['The Andean Council said Peru is obliged to compensate the fishermen.', 'Andean Council -> Peru asserted'],
    ['Chile argued that Peru is under an obligation "not to build" the dam.', 'Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(urged(text)).toContain(edge);
  });

  it.each([
    // The speaker's own state.
    'Ana Soto said Chile must lead the talks.',
    // The party is the patient of the act.
    'The Andean Council said Peru must be punished.',
    // Hindsight, no appeal.
    'The Andean Council said Peru should have acted sooner.',
    // Past necessity.
    'The Andean Council said Peru had to close the border.',
    'The Andean Council said Peru was obliged to close the border.',
    // A condition.
    'The Andean Council said that if Peru must close the border, it should warn Chile first.',
    // Another party's finding reported by the speaker.
    'Ana Soto said the ruling holds that Peru must pay.',
    // Narration, nobody's words.
    'Peru must pay the fine by March.',
  ])('none: %s', (text) => {
    expect(urged(text).filter((e) => e.includes('-> Peru') || e.includes('-> Chile'))).toEqual([]);
  });

  it('a negated report gives no asserted appeal', () => {
    expect(urged('The Andean Council did not say Peru must pay.').filter((e) => e.endsWith('asserted'))).toEqual([]);
  });
});
