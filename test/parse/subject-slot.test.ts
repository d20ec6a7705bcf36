import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { clauseSubjectSlot, speakerSlotEnds, type SubjectSlot } from '../../src/parse/subject-slot.js';
import type { AnnotatedText } from '../../src/types.js';

const parse = (text: string): AnnotatedText => annotate(text, [{ start: 0, end: text.length }]);
const at = (ann: AnnotatedText, word: string): number => ann.tokens.map((t) => t.text).lastIndexOf(word);
const words = (ann: AnnotatedText, ks: readonly number[]): (string | undefined)[] => ks.map((k) => ann.tokens[k]?.text);

/** The slot of `verb` with its tokens as words, reading the chain as starting right before the verb's adverbs. */
function slot(text: string, verb: string, chainStart: (ann: AnnotatedText, v: number) => number = (_a, v) => v): Record<string, unknown> {
  const ann = parse(text);
  const v = at(ann, verb);
  const s: SubjectSlot = clauseSubjectSlot(ann, chainStart(ann, v), ann.sentences[ann.tokens[v]?.sentence ?? 0]?.firstToken ?? 0);
  const w = (k: number): string | undefined => ann.tokens[k]?.text;
  switch (s.kind) {
    case 'none':
      return { kind: s.kind };
    case 'phrase':
      return { kind: s.kind, end: w(s.end) };
    case 'shared':
    case 'comma':
      return { kind: s.kind, at: w(s.at) };
    case 'appositive':
      return { kind: s.kind, inner: [w(s.innerStart), w(s.innerEnd)], outer: w(s.outerEnd) };
  }
}

describe('clauseSubjectSlot', () => {
  it.each([
    ['the phrase before the verb', 'The old council rejected the plan.', 'rejected', { kind: 'phrase', end: 'council' }],
    ['the antecedent of a relative pronoun', 'The mayor, who rejected the plan, left.', 'rejected', { kind: 'phrase', end: 'mayor' }],
    ['a short appositive', 'The minister’s deputy, Anna Berg, visited the port.', 'visited', { kind: 'appositive', inner: ['Anna', 'Berg'], outer: 'deputy' }],
    ['a coordinated verb', 'The union met the owners and rejected the offer.', 'rejected', { kind: 'shared', at: 'and' }],
    ['a participle after a comma', 'The plan is dead, the mayor said, adding that talks would go on.', 'adding', { kind: 'comma', at: ',' }],
    ['an emphatic pronoun after the subject', 'The mayor herself rejected the plan.', 'rejected', { kind: 'phrase', end: 'mayor' }],
    ['a sentence-initial verb', 'Rejected by the council, the plan died.', 'Rejected', { kind: 'none' }],
    ['an appositive between dashes', 'The mayor — a former judge — rejected the plan.', 'rejected', { kind: 'appositive', inner: ['a', 'judge'], outer: 'mayor' }],
    ['a relative clause between dashes', 'The mayor -- who took office in May -- rejected the plan.', 'rejected', { kind: 'phrase', end: 'mayor' }],
    ['a clause between dashes is no aside', 'The mayor – the council met on Monday – rejected the plan.', 'rejected', { kind: 'phrase', end: '–' }],
    ['a dash after a clause', 'The talks failed – the mayor rejected the plan.', 'rejected', { kind: 'phrase', end: 'mayor' }],
  ])('%s', (_t, text, verb, want) => {
    expect(slot(text, verb)).toEqual(want);
  });
});

describe('speakerSlotEnds', () => {
  it('gives the token before the verb, before a party tag and before appositives', () => {
    const ann = parse('Rita Haas (D), the chair, who leads the panel, said it.');
    expect(words(ann, speakerSlotEnds(ann, at(ann, 'said')))).toEqual([',', 'chair', ')', 'Haas']);
  });
  it('skips the adverbs of a frame', () => {
    const ann = parse('Tom Reyes also told reporters the vote was close.');
    expect(words(ann, speakerSlotEnds(ann, at(ann, 'told')))).toEqual(['Reyes']);
  });
  it('skips an emphatic pronoun after the name', () => {
    const ann = parse('Tom Reyes himself said the vote was close.');
    expect(words(ann, speakerSlotEnds(ann, at(ann, 'said')))).toEqual(['Reyes']);
  });
  it('an apostrophe opening a quotation still ends an aside', () => {
    const ann = parse("Haley, who said 'never again', said no.");
    const v = at(ann, 'said');
    // The aside holds a quotation mark: the slot ends before the comma only.
    expect(speakerSlotEnds(ann, v)).toEqual([v - 1]);
  });
});
