/**
 * Act forms common in news that a rule's plain reading misses: a clause after
 * the object's head, a bracketed short form between the subject and its verb.
 */
import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country', forms: ['Chile', 'Santiago'] },
  { name: 'Peru', type: 'Country', forms: ['Peru', 'Lima'] },
  { name: 'Andean Council', type: 'Organisation' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex, { modality: true });
}

describe('a clause after the object ends its phrase', () => {
  it.each([
    ["Chile rejected Peru's claims that Santiago had broken the accord.", 'REJECTED Chile -> Peru asserted'],
    ["Chile dismissed Peru's claim that it was weak.", 'REJECTED Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('a bracketed short form between the subject and its verb', () => {
  it.each([
    ['The Andean Council (AC) condemned Peru.', 'ACCUSED Andean Council -> Peru asserted'],
    ['Officials said the Andean Council (AC) met Chile on Monday.', 'SPOKE_WITH Andean Council -> Chile asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('what a party did receives a nominal act on its behalf', () => {
  it.each([
    ["Peru's decision drew sharp criticism from Chile.", 'ACCUSED Chile -> Peru asserted'],
    ['The Peruvian move drew condemnation from Chile and the Andean Council.', 'ACCUSED Andean Council -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a subject owned by no one named gives no receiver', () => {
    expect(acts('The decision drew criticism from Chile.')).toEqual([]);
  });
});

describe('a negated act of abandoning a party is support for it', () => {
  it.each([
    ['Chile will not abandon Peru.', 'SUPPORTED Chile -> Peru asserted'],
    ['Officials said Chile was not deserting Peru.', 'SUPPORTED Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it.each([
    ['Chile abandoned Peru.'],
    ['If Chile does not abandon Peru, the talks will fail.'],
    ['Peru will not be abandoned by Chile.'],
  ])('no support: %s', (text) => {
    expect(acts(text).filter((e) => e.startsWith('SUPPORTED'))).toEqual([]);
  });
});

describe('a wrong a reported clause says a party did criticises that party', () => {
  it.each([
    ['Chile said Peru had violated the ceasefire.', 'ACCUSED Chile -> Peru asserted'],
    ['Chile said its diplomats were kidnapped by Peru.', 'ACCUSED Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it.each([
    ['Chile said Peru had not violated the ceasefire.'],
    ['Chile said Peru would violate the ceasefire if it could.'],
    ['Peru violated the ceasefire.'],
    ['Chile denied that it had violated the ceasefire.'],
  ])('no accusation: %s', (text) => {
    expect(acts(text).filter((e) => e.startsWith('ACCUSED'))).toEqual([]);
  });
});

describe('a participle after a noun of speech acts for whoever made the statement', () => {
  it('Chile issued a statement urging Peru to withdraw.', () => {
    expect(acts('Chile issued a statement urging Peru to withdraw.')).toContain('URGED Chile -> Peru asserted');
  });

  it('a participle after another noun has no such actor', () => {
    expect(acts('Chile watched the crowds urging Peru to withdraw.')).toEqual([]);
  });
});

describe('a passive whose subject is what a party put forward acts on the party', () => {
  it.each([
    ["Peru's proposal was rejected by Chile.", 'REJECTED Chile -> Peru asserted'],
    ["Peru's decision was condemned by the Andean Council.", 'ACCUSED Andean Council -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a subject owned by no one named gives no target', () => {
    expect(acts('The decision was condemned by Chile.')).toEqual([]);
  });
});

describe('the `of` party of a received act sent it', () => {
  it.each([
    ['Chile won the backing of Peru.', 'SUPPORTED Peru -> Chile asserted'],
    ['Chile faced criticism from Peru.', 'ACCUSED Peru -> Chile asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
    expect(acts(text)).not.toContain(edge.replace(/(\w+) -> (\w+)/, '$2 -> $1'));
  });
});

describe('a label of wrongdoing predicated of what a party did criticises the party', () => {
  it.each([
    ["Chile said Peru's strikes were illegal.", 'ACCUSED Chile -> Peru asserted'],
    ["Chile said Peru's comments were \"highly irresponsible\".", 'ACCUSED Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it.each([["Chile said Peru's demands were unacceptable."], ["Chile said Peru's strikes were legal."]])('no accusation: %s', (text) => {
    expect(acts(text).filter((e) => e.startsWith('ACCUSED'))).toEqual([]);
  });
});

describe('an attack named again takes up its author', () => {
  it.each([
    ["Peru's attack on the port killed four people. Chile condemned the attack on Monday.", 'ACCUSED Chile -> Peru asserted'],
    ['Peru launched an attack on the port. Chile called the attack a crime.', 'ACCUSED Chile -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('an attack whose author is not named has no target', () => {
    expect(acts('Gunmen attacked the port. Chile condemned the attack.')).toEqual([]);
  });
});
