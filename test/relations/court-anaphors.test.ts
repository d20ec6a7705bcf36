import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'European Court of Human Rights', type: 'Organisation' },
  { name: 'Turkey', type: 'Country' },
  { name: 'Greece', type: 'Country' },
];

function acts(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex).map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)}`);
}

describe('`the court` refers to the court named before it', () => {
  it('as the actor and as the target', () => {
    expect(acts('The European Court of Human Rights ruled on Monday. The court called on Turkey to release the journalists.')).toContain('URGED European Court of Human Rights -> Turkey');
    expect(acts('The European Court of Human Rights ruled on Monday. Turkey rejected the court on Tuesday.')).toContain('REJECTED Turkey -> European Court of Human Rights');
  });

  it('no court named: no edge', () => {
    expect(acts('Greece met in Brussels on Monday. The court called on Turkey to release the journalists.')).toEqual([]);
  });
});
