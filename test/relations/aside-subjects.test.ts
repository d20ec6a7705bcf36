import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Ana Soto', type: 'Person', forms: ['Ana Soto', 'Soto'] },
  { name: 'Andes Mining', type: 'Organisation' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex);
}

describe('subjects set off from their verb by an aside', () => {
  it.each([
    ['a relative clause', 'Ana Soto, who has led the party since 2012, accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    ['a relative clause with a named object', 'Chile, which borders Bolivia, urged Peru to open the border.', ['URGED Chile -> Peru']],
    ['a participial phrase', 'Ana Soto, speaking in Lima on Monday, rejected the proposal from Bolivia.', ['REJECTED Ana Soto -> Bolivia']],
    ['a quantified relative clause (`all of which`)', 'Chile and Bolivia, both of which border Peru, condemned Peru.', ['ACCUSED Bolivia -> Peru', 'ACCUSED Chile -> Peru']],
    ['a past participle phrase', 'Chile, backed by its neighbours, condemned Peru.', ['ACCUSED Chile -> Peru']],
    ['an appositive between dashes', 'Ana Soto — the country’s top diplomat — accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    ['a relative clause between dashes', 'Ana Soto -- who has led the party since 2012 -- accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    ['an appositive and a relative clause', 'Ana Soto, a former judge, who has led the party since 2012, accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    ['a relative clause after an appositive', 'Chile hosted Ana Soto, a former judge, who accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru', 'SPOKE_WITH Chile -> Ana Soto']],
    ['a named person between dashes', 'The country’s top diplomat – Ana Soto – accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    // A person named with the state or body they belong to: the person acts.
    ['a named person `of` a state', 'President Ana Soto of Chile urged Peru to open the border.', ['URGED Ana Soto -> Peru']],
    // A stray comma before `of` splits no phrase: the person, not the body, acts.
    ['a role set off by a stray comma before `of`', 'Ana Soto, managing director, of Andes Mining - a copper firm - accused Peru of fraud.', ['ACCUSED Ana Soto -> Peru']],
    ['a person with a stray comma before `of`', 'Ana Soto, of Andes Mining, urged Peru to lift the ban.', ['URGED Ana Soto -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });

  it('a dashed aside naming someone else after other words gives no actor (`X - then adviser to Y - said`)', () => {
    expect(acts('The envoy - then adviser to Ana Soto - accused Peru of fraud.')).toEqual([]);
  });

  it('a list member with a comma before `of` stays the actor (`Chile, of all places,`)', () => {
    expect(acts('Chile, of all places, urged Peru to open the border.')).toEqual(['URGED Chile -> Peru']);
  });

  it('no named phrase before the aside: no actor', () => {
    expect(acts('The minister, who has led the ministry since 2012, accused Peru of fraud.')).toEqual([]);
  });

  it('an aside holding a quotation is not read over', () => {
    expect(acts('Ana Soto, who called it "a farce", accused Peru of fraud.').filter((a) => a.includes('Soto'))).toEqual([]);
  });
});

describe('a statement as the subject speaks for its author', () => {
  it.each([
    ['a `from` complement', 'A statement from Chile urged Peru to open the border.', ['URGED Chile -> Peru']],
    ['an owner', "Chile's statement urged Peru to open the border.", ['URGED Chile -> Peru']],
    ['an entity modifier', 'The Chile statement urged Peru to open the border.', ['URGED Chile -> Peru']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });

  it('a noun that is no statement does not act (`A delegation from Chile urged ...` names a group)', () => {
    expect(acts('A tariff from Chile urged Peru to open the border.')).toEqual([]);
  });
});

describe('a document named again as the subject acts for the body that issued it', () => {
  it.each([
    ['issued by a verb', 'Chile issued a report on Monday. The report accused Peru of hiding the data.', ['ACCUSED Chile -> Peru']],
    ['a `by` agent', 'A report by Chile came out on Monday. The report urged Peru to open the border.', ['URGED Chile -> Peru']],
    ['an owner', "Chile's ruling came on Monday. The ruling urged Peru to open the border.", ['URGED Chile -> Peru']],
    // A sponsor's draft or resolution states what it proposes: no act of the sponsor.
    ['a resolution: no actor', 'Chile introduced a resolution on Monday. The resolution urged Peru to open the border.', []],
    // A person's name before a report names it after its chair (`the Tower report`), not its author.
    ['a report named after a person: no actor', 'The Soto report came out on Monday. The report accused Peru of hiding the data.', []],
    ['no earlier naming: no actor', 'The report accused Peru of hiding the data.', []],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text).filter((a) => !a.startsWith('AFFILIATED'))).toEqual(want);
  });
});

describe('a relative clause after a document and its topic is about the document', () => {
  it.each([
    ['the owner of the document acts', "Chile backed Bolivia's statement on Peru that urged Peru to hold elections.", ['URGED Bolivia -> Peru']],
    ['the maker of the document acts', 'Bolivia issued a statement on Peru that urged Peru to hold elections.', ['URGED Bolivia -> Peru']],
    ['a document with no author: no actor (never its topic)', 'A statement on Peru that urged Chile to act was read out.', []],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text).filter((a) => !a.startsWith('SUPPORTED'))).toEqual(want);
  });

  it('a topic that is no document keeps the relative clause on the name (`sanctions on Peru, which ...` untouched)', () => {
    expect(acts('Chile met leaders from Peru, which urged Bolivia to act.')).toContain('URGED Peru -> Bolivia');
  });
});
