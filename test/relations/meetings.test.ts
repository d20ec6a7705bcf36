import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Joe Biden', type: 'Person', forms: ['Joe Biden', 'Biden'] },
  { name: 'Xi Jinping', type: 'Person', forms: ['Xi Jinping', 'Xi'] },
  { name: 'United States', type: 'Country', forms: ['United States', 'Washington'] },
  { name: 'Russia', type: 'Country', forms: ['Russia', 'Moscow'] },
  { name: 'Taliban', type: 'Organisation' },
];

function meetings(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'SPOKE_WITH')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`)
    .sort();
}

describe('SPOKE_WITH: meetings, talks and calls as verbs and nouns, with their modality', () => {
  it.each([
    ['Joe Biden met Xi Jinping in Bali on Monday.', ['Joe Biden -> Xi Jinping asserted']],
    ['After talks with Xi Jinping, Joe Biden said trade would grow.', ['Joe Biden -> Xi Jinping asserted']],
    ['Moscow and the Taliban had been holding informal talks for months.', ['Russia -> Taliban asserted']],
    ['Xi Jinping received Joe Biden in Beijing.', ['Xi Jinping -> Joe Biden asserted']],
    // Wishes, plans and negations are no meetings held.
    ['Joe Biden wants to meet Xi Jinping before the summit.', ['Joe Biden -> Xi Jinping future']],
    ['Joe Biden hopes to hold talks with Xi Jinping.', ['Joe Biden -> Xi Jinping future']],
    ['Joe Biden will meet Xi Jinping next week.', ['Joe Biden -> Xi Jinping future']],
    ['Joe Biden did not meet Xi Jinping.', ['Joe Biden -> Xi Jinping negated']],
  ])('%s', (text, expected) => {
    expect(meetings(text)).toEqual(expected);
  });
});
