import { describe, expect, it } from 'vitest';
import { resolveArticleReferences } from '../../src/resolve/article-references.js';
import { buildFixture, type FixtureEntity } from '../relations/fixture.js';

const ALLIANCE = new Map<string, readonly string[]>([['alliance', ['alliance', 'nato', 'pact']]]);

/** The entity (by name) each mention with the given surface text refers to after resolution. */
function referents(text: string, table: readonly FixtureEntity[], surface: string, quotes: (f: ReturnType<typeof buildFixture>) => { start: number; end: number; speaker: number | null }[] = () => []): (string | null)[] {
  const f = buildFixture(text, table);
  const before = f.mentions.map((m) => ({ ...m }));
  const r = resolveArticleReferences(f.ann, f.mentions, f.entities, ALLIANCE, quotes(f));
  // A pure step: the entity stage's mentions are left as they were.
  expect(f.mentions).toEqual(before);
  return r.mentions.flatMap((m, i) => (m.text === surface ? [f.name(r.mentionEntity.get(i))] : []));
}

describe('resolveArticleReferences: pronoun repair', () => {
  it('an unresolved he refers to the nearest person named before it', () => {
    const table: FixtureEntity[] = [{ name: 'Ahmed Khan', type: 'Person' }, { name: 'Pakistan', type: 'Country' }];
    expect(referents('Ahmed Khan flew to Pakistan. Later he met the press.', table, 'he')).toEqual(['Ahmed Khan']);
  });

  it('no person named in the last sentences: the pronoun stays unresolved', () => {
    const table: FixtureEntity[] = [{ name: 'Pakistan', type: 'Country' }];
    expect(referents('Pakistan held elections. Later he met the press.', table, 'he')).toEqual([]);
  });

  it('the subject of a clause opened by whom is not the antecedent of whom', () => {
    const table: FixtureEntity[] = [
      { name: 'Ahmed Khan', type: 'Person' },
      { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', '~he'] },
    ];
    expect(referents('Ahmed Khan thanked Maria Lopez, to whom he handed a letter.', table, 'he')).toEqual(['Ahmed Khan']);
  });

  it('a pronoun inside a quotation is not its speaker', () => {
    const table: FixtureEntity[] = [
      { name: 'Ahmed Khan', type: 'Person' },
      { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', '~He'] },
    ];
    const text = 'Ahmed Khan left early. "He wanted to go," Maria Lopez said.';
    const quote = (f: ReturnType<typeof buildFixture>) => [{ start: text.indexOf('He'), end: text.indexOf(',"'), speaker: f.id('Maria Lopez') }];
    expect(referents(text, table, 'He', quote)).toEqual(['Ahmed Khan']);
  });
});

describe('resolveArticleReferences: organisation anaphors', () => {
  const table: FixtureEntity[] = [
    { name: 'NATO', type: 'Organisation' },
    { name: 'European Union', type: 'Organisation' },
  ];

  it('the alliance refers to the organisation named before it whose name fits', () => {
    expect(referents('The European Union and NATO met. The alliance said it was ready.', table, 'The alliance')).toEqual(['NATO']);
  });

  it('an anaphor no organisation fits stays unresolved', () => {
    expect(referents('The European Union met. The alliance said it was ready.', [{ name: 'European Union', type: 'Organisation' }], 'The alliance')).toEqual([]);
  });

  it('a noun with an of-complement is no anaphor', () => {
    expect(referents('NATO met. The alliance of farmers said no.', table, 'The alliance')).toEqual([]);
  });
});
