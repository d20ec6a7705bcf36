import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Vladimir Putin', type: 'Person', forms: ['Vladimir Putin', 'Putin'] },
  { name: 'Russia', type: 'Country' },
  { name: 'Ukraine', type: 'Country' },
  { name: 'Germany', type: 'Country' },
  { name: 'China', type: 'Country' },
  { name: 'Japan', type: 'Country' },
  { name: 'Taiwan', type: 'Country' },
  { name: 'South Korea', type: 'Country' },
];

function deployments(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'DEPLOYED_NEAR')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`)
    .sort();
}

describe('DEPLOYED_NEAR from forces, their owners and the places near which they stand', () => {
  it.each([
    // Every country owning the coasts the forces stand near.
    ["South Korea's warships gathered near the coasts of China and Japan.", ['South Korea -> China asserted', 'South Korea -> Japan asserted']],
    // Forces with no owner are deployed by the subject of the verb sending them.
    ['Russia moved tanks to the border with Ukraine.', ['Russia -> Ukraine asserted']],
    ['China sent warships to the waters near Taiwan.', ['China -> Taiwan asserted']],
    ['Vladimir Putin sent troops to the border of Ukraine on Monday.', ['Vladimir Putin -> Ukraine asserted']],
    // A delivery of arms to a country is no deployment near it.
    ['Germany sent tanks to Ukraine.', []],
    // Negated and future deployments keep their modality (out of the default graph).
    ['Russia did not send troops to the border with Ukraine.', ['Russia -> Ukraine negated']],
    ["South Korea's forces will gather near the coast of Japan next week.", ['South Korea -> Japan future']],
    // Forces named where they stand are there, whatever the clause around them plans.
    ["A destroyer will join Germany's forces near the coast of Taiwan.", ['Germany -> Taiwan asserted']],
    ["Russia's troops near Ukraine could attack soon.", ['Russia -> Ukraine asserted']],
  ])('%s', (text, expected) => {
    expect(deployments(text)).toEqual(expected);
  });
});
