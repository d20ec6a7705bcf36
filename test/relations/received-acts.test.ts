import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Barack Obama', type: 'Person', forms: ['Barack Obama', 'Obama'], affiliation: 'United States' },
  { name: 'United States', type: 'Country', forms: ['United States', 'U.S.'] },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex, { modality: true });
}

describe('a nominal act received from its actor: the `from` party acted on the receiver', () => {
  it.each([
    ['Peru drew criticism from Chile over the vote.', 'ACCUSED Chile -> Peru asserted', 'ACCUSED Peru -> Chile asserted'],
    ['Chile won support from Peru for its bid.', 'SUPPORTED Peru -> Chile asserted', 'SUPPORTED Chile -> Peru asserted'],
    ['Peru faced condemnation from Chile.', 'ACCUSED Chile -> Peru asserted', 'ACCUSED Peru -> Chile asserted'],
  ])('%s', (text, edge, reversed) => {
    expect(acts(text)).toContain(edge);
    expect(acts(text)).not.toContain(reversed);
  });

  it('without a `from` party the receiver is no actor', () => {
    expect(acts('Peru drew criticism after the vote.')).toEqual([]);
  });
});

describe('a hostile act in a that-clause is not aimed at the actor’s own state', () => {
  it('Obama warned further U.S. action is possible.', () => {
    expect(acts('Obama warned further U.S. action is possible.').filter((e) => e.startsWith('WARNED'))).toEqual([]);
  });
  it('but at another state', () => {
    expect(acts('Obama warned that Peru would face sanctions.')).toContain('WARNED Barack Obama -> Peru asserted');
  });
});
