/**
 * Slots of one act that must not be read into another: the `from` party of one of two
 * coordinated act nouns, the sender of an envoy, a proposal noun past the thing given,
 * a threatened infinitive that threatens no one, invitations (offers, not appeals) and
 * demand in the market sense.
 */
import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Barack Obama', type: 'Person', forms: ['Barack Obama', 'Obama'], affiliation: 'United States' },
  { name: 'John Kerry', type: 'Person', forms: ['John Kerry', 'Kerry'], affiliation: 'United States' },
  { name: 'Sergei Lavrov', type: 'Person', forms: ['Sergei Lavrov', 'Lavrov'], affiliation: 'Russia' },
  { name: 'Russia', type: 'Country', forms: ['Russia', 'Moscow'] },
  { name: 'Japan', type: 'Country' },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex, { modality: true }).filter((e) => !e.startsWith('AFFILIATED_WITH'));
}

describe('slots stay with their own act', () => {
  it.each([
    // The `from` party of the first of two coordinated act nouns is its own, not the second's.
    ['Peru drew condemnation from Japan and praise from Russia.', ['ACCUSED Japan -> Peru asserted', 'SUPPORTED Russia -> Peru asserted'], ['ACCUSED Russia -> Peru asserted']],
    ['Peru drew criticism from Chile and Japan.', ['ACCUSED Chile -> Peru asserted', 'ACCUSED Japan -> Peru asserted'], []],
    // The envoy sent holds the talks, not the one who sent him.
    ['Obama sent Kerry to Moscow for talks with Lavrov.', ['SPOKE_WITH John Kerry -> Sergei Lavrov asserted'], ['SPOKE_WITH Barack Obama -> Sergei Lavrov asserted']],
    ['Obama dispatched Kerry to Moscow for talks with Lavrov on Monday.', ['SPOKE_WITH John Kerry -> Sergei Lavrov asserted'], ['SPOKE_WITH Barack Obama -> Sergei Lavrov asserted']],
    // Threatening a harmless act threatens no one; a hostile one does.
    ['Chile threatened to follow Peru.', [], ['THREATENED Chile -> Peru asserted']],
    ['Chile threatened to impose sanctions on Peru.', ['THREATENED Chile -> Peru asserted'], []],
    ['Chile threatened to expel the ambassador of Peru.', ['THREATENED Chile -> Peru asserted'], []],
    ['Chile threatened Peru with tariffs.', ['THREATENED Chile -> Peru asserted'], []],
    // Approving a party's plan supports the party; the plan is no proposal of either.
    ['Chile gave its approval to Peru\'s plan.', ['SUPPORTED Chile -> Peru asserted'], ['PROPOSED Chile -> Peru asserted', 'PROPOSED Peru -> Chile asserted']],
    ['Chile gave a peace proposal to Peru.', ['PROPOSED Chile -> Peru asserted'], []],
    // An invitation to meet is an offer (PROPOSED), an invitation to act an appeal (URGED).
    ['Chile invited Peru to talks in Santiago.', ['PROPOSED Chile -> Peru asserted'], ['URGED Chile -> Peru asserted']],
    ['Chile invited Peru to visit its capital.', ['PROPOSED Chile -> Peru asserted'], ['URGED Chile -> Peru asserted']],
    ['Chile invited Peru to lift the sanctions.', ['URGED Chile -> Peru asserted'], ['PROPOSED Chile -> Peru asserted']],
    // Demand in the market sense is no party's demand.
    ['Chile repeated its demand that Peru lift the tariffs.', ['DEMANDED Chile -> Peru asserted'], []],
    ['Traders said there was strong demand from Japan and Chile.', [], ['DEMANDED Japan -> Chile asserted', 'DEMANDED Chile -> Japan asserted']],
    ['Chile was hit by a dip in demand following the war in Peru.', [], ['DEMANDED Chile -> Peru asserted']],
    ['Obama said domestic demand in Japan was weak.', [], ['DEMANDED Barack Obama -> Japan asserted']],
  ])('%s', (text, want, not) => {
    const got = acts(text);
    for (const e of want) expect(got, JSON.stringify(got)).toContain(e);
    for (const e of not) expect(got, JSON.stringify(got)).not.toContain(e);
  });
});
