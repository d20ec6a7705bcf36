import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from '../relations/fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Andean Court', type: 'Organisation', forms: ['Andean Court', '~the court'] },
];

function edges(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.modality === 'asserted')
    .map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)}`);
}

describe('a definite description of an authored thing takes up its author', () => {
  it.each([
    ['The Andean Court ruling came on Monday. Peru condemned the ruling.', 'ACCUSED Peru -> Andean Court'],
    ["Peru's proposal was published on Monday. Chile rejected the proposal.", 'REJECTED Chile -> Peru'],
    ['Bolivia put forward a plan for the border. Chile welcomed the plan.', 'SUPPORTED Chile -> Bolivia'],
    ['A draft submitted by Bolivia was read out. Peru rejected the draft on Tuesday.', 'REJECTED Peru -> Bolivia'],
    ['Bolivia made the claim in March. Chile dismissed such claims.', 'REJECTED Chile -> Bolivia'],
  ])('%s', (text, edge) => {
    expect(edges(text)).toContain(edge);
  });

  it.each([
    // Indefinite: a new thing, not the one named before.
    ["Peru's proposal was published on Monday. Chile rejected a proposal on fishing.", 'REJECTED Chile -> Peru'],
    // The first naming has no author.
    ['A plan for the border was published. Chile rejected the plan.', 'REJECTED Chile -> Bolivia'],
    // The author is the actor itself.
    ["Chile's plan was published. Chile defended the plan and Peru rejected it.", 'SUPPORTED Chile -> Chile'],
    // Too far back.
    [`Peru's plan was published. ${'The rain fell all day. '.repeat(7)}Chile rejected the plan.`, 'REJECTED Chile -> Peru'],
  ])('none: %s', (text, edge) => {
    expect(edges(text)).not.toContain(edge);
  });
});
