import { describe, expect, it } from 'vitest';
import { resolveArticleReferences } from '../../src/resolve/article-references.js';
import { buildFixture, type FixtureEntity } from '../relations/fixture.js';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';

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

describe('resolveArticleReferences: pronoun gender from given names', () => {
  const GIVEN = new Map<string, 'm' | 'f'>([['Ahmed', 'm'], ['Maria', 'f'], ['John', 'm']]);
  const people = (...names: string[]): FixtureEntity[] => names.map((name) => ({ name, type: 'Person' }));
  const cases: { text: string; table: FixtureEntity[]; surface: string; want: string[] }[] = [
    // No pronoun in the article tells Maria Lopez's gender; her given name does.
    { text: 'Ahmed Khan met Maria Lopez in Lahore. Later he met the press.', table: people('Ahmed Khan', 'Maria Lopez'), surface: 'he', want: ['Ahmed Khan'] },
    { text: 'Maria Lopez met Ahmed Khan in Lahore. Later she met the press.', table: people('Maria Lopez', 'Ahmed Khan'), surface: 'she', want: ['Maria Lopez'] },
    { text: 'Maria Lopez met John Reed in Lahore. Later he met the press.', table: people('Maria Lopez', 'John Reed'), surface: 'he', want: ['John Reed'] },
    // A given name the list does not know tells nothing: the nearest person.
    { text: 'Ahmed Khan met Dana Lopez in Lahore. Later he met the press.', table: people('Ahmed Khan', 'Dana Lopez'), surface: 'he', want: ['Dana Lopez'] },
    // Only a woman named: `he` is left unresolved rather than given to her.
    { text: 'Maria Lopez flew to Lahore. Later he met the press.', table: people('Maria Lopez'), surface: 'he', want: [] },
  ];
  for (const c of cases) {
    it(`${c.text} -> ${c.surface} = ${c.want.join(', ') || 'none'}`, () => {
      const f = buildFixture(c.text, c.table);
      const r = resolveArticleReferences(f.ann, f.mentions, f.entities, ALLIANCE, [], GIVEN);
      expect(r.mentions.flatMap((m, i) => (m.text === c.surface ? [f.name(r.mentionEntity.get(i))] : []))).toEqual(c.want);
    });
  }

  it('without the list the nearest person is taken whatever the name', () => {
    expect(referents('Ahmed Khan met Maria Lopez in Lahore. Later he met the press.', people('Ahmed Khan', 'Maria Lopez'), 'he')).toEqual(['Maria Lopez']);
  });

  it("the article's own pronouns outweigh the list", () => {
    // The entity stage linked a `his` to Maria Lopez: the article calls this Maria `he`.
    const table: FixtureEntity[] = [{ name: 'Ahmed Khan', type: 'Person' }, { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', '~his'] }];
    const text = 'Ahmed Khan met Maria Lopez at his office. Later he met the press.';
    const f = buildFixture(text, table);
    const r = resolveArticleReferences(f.ann, f.mentions, f.entities, ALLIANCE, [], GIVEN);
    expect(r.mentions.flatMap((m, i) => (m.text === 'he' ? [f.name(r.mentionEntity.get(i))] : []))).toEqual(['Maria Lopez']);
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

describe('resolveArticleReferences: descriptions from the lexicon (data/lexicons/org-anaphors.tsv)', () => {
  const lexicon = loadRelationLexicon().orgAnaphors;
  const table: FixtureEntity[] = [
    { name: 'United Nations', type: 'Organisation' },
    { name: 'United Nations Security Council', type: 'Organisation' },
    { name: 'Hezbollah', type: 'Organisation' },
    { name: 'Jordan', type: 'Country' },
    { name: 'Fiji', type: 'Country' },
    { name: 'Chile', type: 'Country' },
    { name: 'North Korea', type: 'Country' },
    { name: 'South Sudan', type: 'Country' },
    { name: 'Labour Party', type: 'Organisation' },
    { name: 'International Atomic Energy Agency', type: 'Organisation' },
    { name: 'Qatar', type: 'Country' },
  ];
  function resolved(text: string, surface: string): (string | null)[] {
    const f = buildFixture(text, table);
    const r = resolveArticleReferences(f.ann, f.mentions, f.entities, lexicon);
    return r.mentions.flatMap((m, i) => (m.text === surface ? [f.name(r.mentionEntity.get(i))] : []));
  }

  it.each([
    ['a two-word description takes the whole name, not a longer one', 'The United Nations met. The United Nations Security Council voted. Chile urged the world body to act.', 'the world body', 'United Nations'],
    ['a two-word description may stand without `the`', 'The United Nations met. Chile said world body must act.', 'world body', 'United Nations'],
    ['an armed group by the names of armed groups', 'Hezbollah fired rockets. Chile condemned the militant group.', 'the militant group', 'Hezbollah'],
    ['a country by kind: the kingdom', 'Chile and Jordan met. The kingdom said it was ready.', 'The kingdom', 'Jordan'],
    ['a country by kind: the island nation, the most recent that fits', 'Fiji met Chile. Jordan met Chile. The island nation said no.', 'The island nation', 'Fiji'],
    ['a capitalised compass word for the country named with it', 'North Korea fired shells. The North said it was ready.', 'The North', 'North Korea'],
    ['a party by its name', 'The Labour Party met. Chile praised the party.', 'the party', 'Labour Party'],
    ['the opposition party', 'The Labour Party met. Chile praised the opposition party.', 'the opposition party', 'Labour Party'],
    ['the nuclear watchdog', 'The International Atomic Energy Agency met. Chile urged the nuclear watchdog to act.', 'the nuclear watchdog', 'International Atomic Energy Agency'],
    ['a Gulf state', 'Chile met Qatar and Jordan. The Gulf state said no.', 'The Gulf state', 'Qatar'],
    ['charged with an act: `accused the kingdom of ...`', 'Jordan met Chile. Chile accused the kingdom of lying.', 'the kingdom', 'Jordan'],
  ])('%s', (_what, text, surface, want) => {
    expect(resolved(text, surface)).toEqual([want]);
  });

  it.each([
    ['a lower-case compass word is a region', 'South Sudan held talks. Fighting in the south went on.', 'the south'],
    ['a capitalised compass word in a longer name', 'North Korea fired shells. The North Koreans said no.', 'The North'],
    ['a country description with no country of its kind', 'Chile met Jordan. The island nation said no.', 'The island nation'],
    ['an armed-group description with no armed group named', 'The United Nations met. The militant group said no.', 'The militant group'],
    ['a description with a complement of its own', 'Jordan met Chile. The kingdom of heaven is near.', 'The kingdom'],
    ['a party description with no party named', 'The United Nations met. The party said no.', 'The party'],
    ['a Gulf state description with no Gulf state named', 'Chile met Jordan. The Gulf state said no.', 'The Gulf state'],
  ])('no referent: %s', (_what, text, surface) => {
    expect(resolved(text, surface)).toEqual([]);
  });
});
