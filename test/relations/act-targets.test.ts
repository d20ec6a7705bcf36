import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto', '~his'] },
  { name: 'Luis Vega', type: 'Person', forms: ['Luis Vega', 'Vega'] },
  { name: 'Chile', type: 'Country' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex, { modality: true });
}

describe('a group defined by its loyalty stands for the one it is loyal to', () => {
  it.each([
    ['Chile condemned troops loyal to Luis Vega.', 'ACCUSED Chile -> Luis Vega asserted'],
    ['Ana Soto blamed soldiers loyal to his former deputy, Luis Vega, for the violence.', 'ACCUSED Ana Soto -> Luis Vega asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a group of no one named is no target', () => {
    expect(acts('Chile condemned troops loyal to the old regime.')).toEqual([]);
  });
});

describe('the agent of a participle after the object owns it', () => {
  it.each([
    ['Chile condemned the sanctions imposed by Luis Vega.', 'ACCUSED Chile -> Luis Vega asserted'],
    ['Chile rejected the plan drawn up by Luis Vega.', 'REJECTED Chile -> Luis Vega asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a participle without an agent gives no target', () => {
    expect(acts('Chile condemned the sanctions imposed last year.')).toEqual([]);
  });
});
