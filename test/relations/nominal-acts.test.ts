import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto', '~she'] },
  { name: 'Luis Vega', type: 'Person', forms: ['Luis Vega', 'Vega'] },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex, { modality: true });
}

describe('talks in a fronted adjunct: the main clause subject held them', () => {
  it.each([
    ['After talks with Luis Vega, Ana Soto flew home.', 'SPOKE_WITH Ana Soto -> Luis Vega asserted'],
    ['Following a meeting with Peru, Chile said the border would reopen.', 'SPOKE_WITH Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('not when the adjunct is not fronted', () => {
    expect(acts('Chile reopened the border after talks with Peru stalled.').filter((e) => e.startsWith('SPOKE_WITH Chile'))).toEqual([]);
  });
});
