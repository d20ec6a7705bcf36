import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { affiliationLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Bill Clinton', type: 'Person', forms: ['Bill Clinton', 'Clinton'], role: 'President' },
  { name: 'Ronald Reagan', type: 'Person', forms: ['Ronald Reagan', 'Reagan'] },
  { name: 'Hugo Chavez', type: 'Person', forms: ['Hugo Chavez', 'Chavez'] },
  { name: 'Karl Weber', type: 'Person', forms: ['Karl Weber', 'Weber'], role: 'President' },
  { name: 'United States', type: 'Country', forms: ['United States', 'Washington'] },
  { name: 'Cuba', type: 'Country' },
  { name: 'Red Cross', type: 'Organisation' },
];

const affiliations = (text: string): string[] => affiliationLines(text, ENTITIES, lex);

describe('AFFILIATED_WITH from the office holders of the Phoenix actor dictionaries', () => {
  it('knows the state of a holder of a government office', () => {
    expect(lex.officeHolders.get('bill clinton')).toBe('United States');
  });

  it.each([
    // A titled office holder with no state in the title: the state of the office, when the article names it.
    ['In 1995, President Bill Clinton restored ties with Vietnam. The United States opened an embassy.', ['Bill Clinton -> United States [affiliation.office-holder]']],
    ['Ronald Reagan visited Cuba, a rare trip for a leader from Washington.', ['Ronald Reagan -> United States [affiliation.office-holder]']],
    // The state not among the article's entities: no edge.
    ['Hugo Chavez visited Cuba.', []],
    // A person no dictionary lists: no edge.
    ['President Karl Weber imposed an embargo on Cuba. The United States kept it.', []],
    // Another affiliation stated in the article wins.
    ['Bill Clinton, the president of the Red Cross, spoke. The United States agreed.', ['Bill Clinton -> Red Cross [affiliation.role-apposition]']],
  ])('%s', (text, expected) => {
    expect(affiliations(text)).toEqual(expected);
  });
});
