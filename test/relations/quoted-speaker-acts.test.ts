import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
];

/** The acts of a text whose first quotation ("...") Ana Soto speaks. */
function acts(text: string, speaker: string | null = 'Ana Soto'): string[] {
  const f = buildFixture(text, ENTITIES);
  const open = text.indexOf('"');
  const close = text.indexOf('"', open + 1);
  const quotes = [{ start: open + 1, end: close, speaker: speaker === null ? null : f.id(speaker) }];
  return extractRelations(f.ann, f.mentions, f.entities, lex, quotes)
    .filter((r) => r.type !== 'AFFILIATED_WITH')
    .map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`);
}

describe('I/we inside a quotation: the speaker acts', () => {
  it.each([
    ['"We thank Peru for its help," Ana Soto said.', 'SUPPORTED Ana Soto -> Peru asserted'],
    ['"I condemn Peru for this attack," Soto told reporters.', 'ACCUSED Ana Soto -> Peru asserted'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('no actor when the quotation has no known speaker', () => {
    expect(acts('"We thank Peru for its help," a diplomat said.', null)).toEqual([]);
  });

  it('outside a quotation `we` stays unresolved', () => {
    expect(acts('We thank Peru for its help. "Fine," Ana Soto said.')).toEqual([]);
  });
});
