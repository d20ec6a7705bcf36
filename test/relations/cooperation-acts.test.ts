import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Joe Biden', type: 'Person', forms: ['Joe Biden', 'Biden'] },
  { name: 'Xi Jinping', type: 'Person', forms: ['Xi Jinping', 'Xi'] },
  { name: 'Olaf Scholz', type: 'Person', forms: ['Olaf Scholz', 'Scholz'] },
  { name: 'United States', type: 'Country', forms: ['United States', 'Washington'] },
  { name: 'Russia', type: 'Country', forms: ['Russia', 'Moscow'] },
  { name: 'Syria', type: 'Country' },
  { name: 'Kenya', type: 'Country' },
  { name: 'Taliban', type: 'Organisation' },
  { name: 'UNICEF', type: 'Organisation' },
];

const TYPES = new Set(['SPOKE_WITH', 'SUPPORTED', 'URGED', 'PROPOSED', 'DEMANDED']);

function acts(text: string): string[] {
  const f = buildFixture(text, ENTITIES);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => TYPES.has(r.type))
    .map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`)
    .sort();
}

describe('cooperation and request acts: support, appeals, offers and talks', () => {
  it.each([
    // A gerund after a possessive is the noun of the act.
    ["Russia's backing for Syria worried Kenya.", ['SUPPORTED Russia -> Syria asserted']],
    ['Russia voiced its backing for Syria.', ['SUPPORTED Russia -> Syria asserted']],
    // Support received: the sender is the actor.
    ['Joe Biden welcomed support from Kenya.', ['SUPPORTED Kenya -> Joe Biden asserted']],
    // A call received is talks, not an appeal.
    ['Xi Jinping received a call from Joe Biden.', ['SPOKE_WITH Xi Jinping -> Joe Biden asserted']],
    // Phone calls as a verb; a label is no call.
    ['Joe Biden called Olaf Scholz on Friday.', ['SPOKE_WITH Joe Biden -> Olaf Scholz asserted']],
    ['Joe Biden called Xi Jinping a dictator.', []],
    ['In a phone call with Xi Jinping, Joe Biden discussed trade.', ['SPOKE_WITH Joe Biden -> Xi Jinping asserted']],
    // Pledged aid is support; a pledge of something else is an offer.
    ['Kenya pledged humanitarian aid to Syria.', ['SUPPORTED Kenya -> Syria asserted']],
    ['Kenya made a donation to UNICEF.', ['SUPPORTED Kenya -> UNICEF asserted']],
    ['Russia came to the defence of Syria at the summit.', ['SUPPORTED Russia -> Syria asserted']],
    ['Russia urged that Washington lift the sanctions.', ['URGED Russia -> United States asserted']],
    ['Russia sought assistance from the Taliban.', ['URGED Russia -> Taliban asserted']],
    ['The United States struck a deal with the Taliban.', ['SPOKE_WITH United States -> Taliban asserted']],
    ['Russia remains committed to Syria.', ['SUPPORTED Russia -> Syria asserted']],
    // An appeal in apposition sums up the clause before it.
    ['"Leave now," Joe Biden said on Monday, a call for Russia to withdraw from Syria.', ['URGED Joe Biden -> Russia asserted']],
    // What a directive asks of its object has not happened.
    ['Joe Biden urged Xi Jinping to meet Olaf Scholz.', ['SPOKE_WITH Xi Jinping -> Olaf Scholz hypothetical', 'URGED Joe Biden -> Xi Jinping asserted']],
    // An invitation to visit is an offer (PROPOSED), the visit itself not yet made.
    ['Joe Biden invited Olaf Scholz to visit Kenya.', ['PROPOSED Joe Biden -> Olaf Scholz asserted', 'SPOKE_WITH Olaf Scholz -> Kenya hypothetical']],
    // An act that will or would continue goes on now; under a condition it stays unreal, and a plain future stays future.
    ['Russia will continue to support Syria.', ['SUPPORTED Russia -> Syria asserted']],
    ['Joe Biden said Washington would continue to press Russia to leave Syria.', ['URGED United States -> Russia asserted']],
    ['Russia will continue to support Syria if Kenya does.', ['SUPPORTED Russia -> Syria future']],
    ['Russia will support Syria.', ['SUPPORTED Russia -> Syria future']],
    // A nominal act `for each other` goes both ways between coordinated actors.
    ['Russia and Syria expressed support for each other.', ['SUPPORTED Russia -> Syria asserted', 'SUPPORTED Syria -> Russia asserted']],
    ['Russia and Syria pledged mutual support.', ['SUPPORTED Russia -> Syria asserted', 'SUPPORTED Syria -> Russia asserted']],
    ['Russia pledged mutual support.', []],
    ['Russia and Syria expressed support for Kenya.', ['SUPPORTED Russia -> Kenya asserted', 'SUPPORTED Syria -> Kenya asserted']],
    // What a party offers to do has not happened: the offered talks are future, the offer itself is asserted.
    ['Kenya offered to host talks between Russia and Syria.', ['SPOKE_WITH Russia -> Syria future']],
    ['Russia offered to meet Joe Biden.', ['SPOKE_WITH Russia -> Joe Biden future']],
    ['Kenya offered to send aid to Syria.', ['PROPOSED Kenya -> Syria asserted', 'SUPPORTED Kenya -> Syria future']],
  ])('%s', (text, expected) => {
    expect(acts(text)).toEqual(expected);
  });
});
