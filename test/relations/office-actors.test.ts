import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { actLines, buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country', forms: ['Chile', "Chile's"] },
  { name: 'Peru', type: 'Country', forms: ['Peru'] },
  { name: 'Bolivia', type: 'Country', forms: ['Bolivia'] },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile', role: 'ambassador' },
];

function acts(text: string, table: readonly FixtureEntity[] = ENTITIES): string[] {
  return actLines(text, table, lex);
}

describe('an office with a complement as the actor', () => {
  it('an unnamed office acts for its owner, not for the party of its complement', () => {
    const table = ENTITIES.filter((e) => e.name !== 'Ana Soto');
    expect(acts("Chile's ambassador to Peru accused Bolivia of lying.", table)).toEqual(['ACCUSED Chile -> Bolivia']);
    expect(acts("Chile's ambassador to Peru accused Peru and Bolivia of meddling.", table)).toEqual(['ACCUSED Chile -> Bolivia', 'ACCUSED Chile -> Peru']);
  });

  it('the one person the article names in that office is the actor', () => {
    expect(acts("Chile's ambassador to Peru, Ana Soto, arrived. Chile's ambassador to Peru accused Bolivia of lying.")).toEqual(['ACCUSED Ana Soto -> Bolivia']);
  });

  it('an unnamed spokesperson speaks for the state that owns the office', () => {
    const table = ENTITIES.filter((e) => e.name !== 'Ana Soto');
    expect(acts("A spokeswoman for Chile condemned Bolivia on Monday.", table)).toContain('ACCUSED Chile -> Bolivia');
    expect(acts("Chile's government spokesman condemned Bolivia on Monday.", table)).toContain('ACCUSED Chile -> Bolivia');
  });

  it('a complement of no office stays the subject', () => {
    expect(acts('The talks in Peru angered Bolivia. Representatives of Peru accused Bolivia of lying.')).toContain('ACCUSED Peru -> Bolivia');
  });
});

describe('an office with an `of` complement as the actor', () => {
  const BODIES: readonly FixtureEntity[] = [
    { name: 'Andean Pact', type: 'Organisation', forms: ['Andean Pact', 'Pact'] },
    { name: 'Andean Force', type: 'Organisation' },
    { name: 'Bolivia', type: 'Country' },
    { name: 'Chile', type: 'Country' },
    { name: 'Luis Vera', type: 'Person', forms: ['Luis Vera', 'Vera'] },
    { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'], affiliation: 'Chile' },
  ];
  const only = (...names: string[]): FixtureEntity[] => BODIES.filter((e) => names.includes(e.name));

  it.each([
    // No one named in the office: the body it serves acts.
    ['The head of the Andean Pact accused Bolivia of lying.', only('Andean Pact', 'Bolivia'), ['ACCUSED Andean Pact -> Bolivia']],
    ['The commander of the Pact-led forces in Bolivia accused Chile of meddling.', only('Andean Pact', 'Bolivia', 'Chile'), ['ACCUSED Andean Pact -> Chile']],
    // The one person named with that office elsewhere in the article (here with another body's name) is the actor.
    ['Luis Vera, the commander of the Andean Force, flew in. The commander of the Pact-led forces in Bolivia accused Chile of meddling.', only('Andean Pact', 'Andean Force', 'Bolivia', 'Chile', 'Luis Vera'), ['ACCUSED Luis Vera -> Chile']],
    // After a dateline's dash, and with the holder named later in the article.
    ['(AP) -- The commander of the Pact-led forces in Bolivia accused Chile of meddling. Luis Vera, the commander of the Andean Force, flew in.', only('Andean Pact', 'Andean Force', 'Bolivia', 'Chile', 'Luis Vera'), ['ACCUSED Luis Vera -> Chile']],
    // A commander who serves a state is no officer of the body: the body acts.
    ['Ana Soto, the commander of the army, flew in. The commander of the Andean Pact accused Bolivia of lying.', only('Andean Pact', 'Bolivia', 'Chile', 'Ana Soto'), ['ACCUSED Andean Pact -> Bolivia']],
    // An office of a person is no actor of its own.
    ['The head of the office of Luis Vera accused Bolivia of lying.', only('Bolivia', 'Luis Vera'), []],
  ])('%s', (text, table, expected) => {
    expect(acts(text, table)).toEqual(expected);
  });

  it('the person named in the described office serves the body it names', () => {
    const f = buildFixture('The commander of the Pact-led forces in Bolivia accused Chile of meddling. Luis Vera, the commander of the Andean Force, flew in.', only('Andean Pact', 'Andean Force', 'Bolivia', 'Chile', 'Luis Vera'));
    const affiliations = extractRelations(f.ann, f.mentions, f.entities, lex)
      .filter((r) => r.type === 'AFFILIATED_WITH')
      .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} (${r.role ?? ''})`)
      .sort();
    expect(affiliations).toEqual(['Luis Vera -> Andean Force (commander)', 'Luis Vera -> Andean Pact (commander of the Pact-led forces in Bolivia)']);
  });
});

describe('an office named earlier by apposition as the actor', () => {
  const PEOPLE: readonly FixtureEntity[] = [
    { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
    { name: 'Luis Vera', type: 'Person', forms: ['Luis Vera', 'Vera'] },
    { name: 'Chile', type: 'Country', forms: ['Chile', "Chile's"] },
    { name: 'Bolivia', type: 'Country' },
  ];
  it.each([
    ['Ana Soto, the Chilean foreign minister, spoke on Monday. The minister accused Bolivia of lying.', ['ACCUSED Ana Soto -> Bolivia']],
    ["Ana Soto, Chile's foreign minister, spoke on Monday. Chile's foreign minister accused Bolivia of lying.", ['ACCUSED Ana Soto -> Bolivia']],
    // Two people in that office: none is taken.
    ['Ana Soto, the foreign minister, met Luis Vera, the defence minister. The minister accused Bolivia of lying.', ['SPOKE_WITH Ana Soto -> Luis Vera']],
    // A person named in another office is not `the minister`.
    ['Ana Soto, the central bank governor, spoke on Monday. The minister accused Bolivia of lying.', []],
    // The office named after the description does not count.
    ['The minister accused Bolivia of lying. Ana Soto, the foreign minister, spoke later.', []],
  ])('%s', (text, expected) => {
    expect(acts(text, PEOPLE)).toEqual(expected);
  });
});

describe('a definite role description as the actor is the person a speaker frame would name', () => {
  const PEOPLE: readonly FixtureEntity[] = [
    { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
    { name: 'Luis Vera', type: 'Person', forms: ['Luis Vera', 'Vera'] },
    { name: 'Bolivia', type: 'Country' },
  ];
  it.each([
    // An abbreviated title fits its role noun (`Sen.` is a senator), as for `"...," the senator said`.
    ['Sen. Ana Soto spoke in La Paz on Monday. The senator accused Bolivia of lying.', ['ACCUSED Ana Soto -> Bolivia']],
    ['Gov. Ana Soto met Luis Vera on Monday. The governor accused Bolivia of lying.', ['ACCUSED Ana Soto -> Bolivia', 'SPOKE_WITH Ana Soto -> Luis Vera']],
    // Two people the role fits: none is taken.
    ['Sen. Ana Soto met Sen. Luis Vera on Monday. The senator accused Bolivia of lying.', ['SPOKE_WITH Ana Soto -> Luis Vera']],
    // The only person named lately is no senator by any title: an act needs the role to fit.
    ['Ana Soto spoke in La Paz on Monday. The senator accused Bolivia of lying.', []],
  ])('%s', (text, expected) => {
    expect(acts(text, PEOPLE)).toEqual(expected);
  });
});

describe('an office of a state referred back to by its possessor', () => {
  const table: readonly FixtureEntity[] = [
    { name: 'Chile', type: 'Country' },
    { name: 'Peru', type: 'Country' },
    { name: 'Bolivia', type: 'Country' },
  ];
  it.each([
    ["Protests spread across Chile on Sunday. The country's foreign minister accused Bolivia of stoking them.", ['ACCUSED Chile -> Bolivia']],
    ['Protests spread across Chile on Sunday. Its president accused Bolivia of stoking them.', ['ACCUSED Chile -> Bolivia']],
    // Two states named just before: the reference is open, no actor.
    ["Chile and Peru held talks on Sunday. The country's foreign minister accused Bolivia of lying.", ['SPOKE_WITH Chile -> Peru']],
  ])('%s', (text, expected) => {
    expect(acts(text, table)).toEqual(expected);
  });
});

describe('a place named after a common noun is not the subject', () => {
  it('`the commander of the forces in Peru` is not Peru', () => {
    expect(acts('The commander of the forces in Peru took exception to Bolivia’s claim.')).toEqual([]);
  });

  it('a group of a place’s people stands for it', () => {
    expect(acts('Officials in Peru accused Bolivia of lying.')).toEqual(['ACCUSED Peru -> Bolivia']);
  });
});

describe('phrasal acts', () => {
  it.each([
    ['Peru spoke out against Bolivia.', 'ACCUSED Peru -> Bolivia'],
    ['Peru took issue with Bolivia’s plan.', 'ACCUSED Peru -> Bolivia'],
    ['Peru took aim at Bolivia on Monday.', 'ACCUSED Peru -> Bolivia'],
    ['Peru took exception to Bolivia’s claim.', 'REJECTED Peru -> Bolivia'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toEqual([edge]);
  });
});

describe("a state's forces stand for the state", () => {
  it('as the object of an appeal', () => {
    const table: FixtureEntity[] = [...ENTITIES.filter((e) => e.name !== 'Chile'), { name: 'Chile', type: 'Country', forms: ['Chile', 'Chilean'] }];
    expect(acts('Peru called for Chilean troops to leave the border area.', table)).toEqual(['URGED Peru -> Chile']);
  });
});
