import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { actLines, type FixtureEntity } from '../relations/fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Chile', type: 'Country' },
  { name: 'Peru', type: 'Country' },
  { name: 'Bolivia', type: 'Country' },
  { name: 'Andean Council', type: 'Organisation' },
];

function acts(text: string): string[] {
  return actLines(text, ENTITIES, lex);
}

describe('a participle with a `by` agent and no auxiliary is a passive of the phrase it hangs on', () => {
  it.each([
    ['an accusation set off by commas', 'Peru, accused by Chile of smuggling arms, denied the charge.', ['ACCUSED Chile -> Peru']],
    ['an appeal with its infinitive', 'Peru, urged by Bolivia to reopen the border, refused.', ['URGED Bolivia -> Peru']],
    ['an owned thing stands for its owner', "Peru's plan, rejected by Chile on Monday, was dropped.", ['REJECTED Chile -> Peru']],
    ['a proposal put to the body that debates it', 'The Andean Council debated a resolution introduced by Chile.', ['PROPOSED Chile -> Andean Council']],
    ['a time word between the verb and the proposal', 'The Andean Council discussed Friday a draft submitted by Peru.', ['PROPOSED Peru -> Andean Council']],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });

  it.each([
    ['a proposal no body deliberates on (the welcome is its own act)', 'Bolivia welcomed a resolution introduced by Chile.', ['SUPPORTED Bolivia -> Chile']],
    ['a state, not a body, acting on the proposal', 'Peru debated a resolution introduced by Chile.', []],
    ['an agent that names no one', 'Peru, backed by its neighbours, held firm.', []],
  ])('no edge from the participle: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });
});

describe('a passive `called` is a phone call only when nothing labels its subject', () => {
  it.each([
    ['a call', 'Peru was called by Chile on Friday.', ['SPOKE_WITH Chile -> Peru']],
    ['a label is no call', 'Peru was called a partner by Chile.', []],
  ])('%s: %s', (_what, text, want) => {
    expect(acts(text)).toEqual(want);
  });
});
