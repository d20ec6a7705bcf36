import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractQuotes } from '../../src/relations/extract-quotes.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Ruritanian Foreign Ministry', type: 'Organisation', forms: ['Foreign Ministry'] },
  { name: 'Tomas Varga', type: 'Person', forms: ['Tomas Varga', 'Varga', '~he', '~He', '~his'] },
  { name: 'Irena Kos', type: 'Person', forms: ['Irena Kos', 'Kos', '~she', '~She', '~her'] },
  { name: 'Pavel Novak', type: 'Person', forms: ['Pavel Novak', 'Novak'] },
  { name: 'Ruritania', type: 'Country', forms: ['Ruritania'] },
];

function quotes(text: string, table: readonly FixtureEntity[] = ENTITIES): { text: string; speaker: string | null }[] {
  const f = buildFixture(text, table);
  return extractQuotes(f.ann, f.mentions, f.entities, lex).map((q) => ({ text: q.text, speaker: f.name(q.speaker) }));
}

describe('names and titles in quotation marks are not speech', () => {
  it.each([
    ['a programme title', 'Varga said on the "Morning Hour with Ana" show that he would run again.', 'Morning Hour with Ana'],
    ['a title-case name', 'Varga told the "State Television Weekly" programme little about his plans.', 'State Television Weekly'],
    ['a name modifying a noun', 'Ruritania said it had tested a "Falcon-9B" rocket near the border.', 'Falcon-9B'],
    ['a policy name before its noun', 'Varga said he backed the "one market, two currencies" approach.', 'one market, two currencies'],
  ])('%s', (_, text, name) => {
    expect(quotes(text).map((q) => q.text)).not.toContain(name);
  });

  it.each([
    ['an evaluation before its noun stays', 'Kos warned of a "swift and painful" response.', 'swift and painful'],
    ['a capitalised sentence with a frame stays', '"Never Again," Kos said.', 'Never Again,'],
    ['a quoted sentence stays', 'Varga said: "The Border Will Stay Open."', 'The Border Will Stay Open.'],
  ])('%s', (_, text, quote) => {
    expect(quotes(text).map((q) => q.text)).toContain(quote);
  });
});

describe('words a speaker puts on something (`described X as "..."`) are the speaker\'s', () => {
  it.each([
    ['described the plan as', 'Varga described the plan as "deeply flawed" on Monday.', 'deeply flawed', 'Tomas Varga'],
    ['referred to X as', 'Kos has referred to the border deal as a "dead end".', 'dead end', 'Irena Kos'],
    ['characterised X as', 'Novak characterised the vote as "a farce".', 'a farce', 'Pavel Novak'],
  ])('%s', (_, text, quote, speaker) => {
    expect(quotes(text)).toContainEqual({ text: quote, speaker });
  });

  it('a label in a plain noun\'s phrase with no speech verb stays a label', () => {
    expect(quotes('Ruritania sent money to the fund as a "border grant" last year.')).toEqual([]);
  });
});

describe('a pronoun in the frame is not the person named inside the quotation', () => {
  // The resolver linked `he` to the nearest name, the one inside the quotation.
  const misresolved: readonly FixtureEntity[] = [
    { name: 'Tomas Varga', type: 'Person', forms: ['Tomas Varga', 'Varga'] },
    { name: 'Pavel Novak', type: 'Person', forms: ['Pavel Novak', 'Novak', '~he'] },
  ];
  it('"...Novak...," he said: the man named before the quotation', () => {
    const text = 'Varga rejected the report on Monday.\n\n"Pavel Novak has never told me any such thing," he said.';
    expect(quotes(text, misresolved)).toContainEqual({ text: 'Pavel Novak has never told me any such thing,', speaker: 'Tomas Varga' });
  });
  it('a frame pronoun inside a sentence that opens with a named subject is that subject, not a person named after it', () => {
    const text = 'Varga accused Novak of lying and mocked what he called the "border tax" on Monday.';
    expect(quotes(text, misresolved)).toContainEqual({ text: 'border tax', speaker: 'Tomas Varga' });
  });
  it('a frame pronoun of another sentence keeps the resolver\'s person', () => {
    const text = 'Varga accused Novak of lying on Monday. He said the plan was "a border tax".';
    expect(quotes(text, misresolved)).toContainEqual({ text: 'a border tax', speaker: 'Pavel Novak' });
  });
  it('a pronoun that already names someone outside the quotation keeps its person', () => {
    const text = 'Kos met Varga on Monday.\n\n"We agreed on the timetable," she said.';
    expect(quotes(text)).toContainEqual({ text: 'We agreed on the timetable,', speaker: 'Irena Kos' });
  });
});

describe('a speech noun owns only the quotation that is its content', () => {
  it('its own complement: the owner is the speaker', () => {
    expect(quotes("Varga's remarks about a \"quiet agreement\" surprised Ruritania.")).toContainEqual({ text: 'quiet agreement', speaker: 'Tomas Varga' });
  });
  it('a content clause of the noun: the owner is the speaker', () => {
    expect(quotes("Varga's statement that the talks had reached a \"dead end for now\" angered Ruritania.")).toContainEqual({ text: 'dead end for now', speaker: 'Tomas Varga' });
  });
  it('a quotation in a clause of its own is not the noun owner\'s words', () => {
    const got = quotes("Varga's declaration of the new capital helped to \"lock in the gains of the war\" for the regime.");
    expect(got.filter((q) => q.speaker === 'Tomas Varga')).toEqual([]);
  });
});

describe('continuation quotes keep the speaker', () => {
  it('after a quotation of several sentences and its frame', () => {
    const text = '"We are not leaving. We are here to stay," Kos said in a statement. "To anyone who doubts it, our answer is clear."';
    expect(quotes(text)).toContainEqual({ text: 'To anyone who doubts it, our answer is clear.', speaker: 'Irena Kos' });
  });
  it('after "...," he added.', () => {
    const text = 'Varga spoke after the vote.\n\n"The result is final," he added. "There will be no second count."';
    expect(quotes(text)).toContainEqual({ text: 'There will be no second count.', speaker: 'Tomas Varga' });
  });
});

describe("an unnamed spokesperson speaks for the organisation or state named", () => {
  it('the organisation in the phrase', () => {
    expect(quotes('"The border stays closed," a Foreign Ministry spokeswoman said.')).toContainEqual({ text: 'The border stays closed,', speaker: 'Ruritanian Foreign Ministry' });
  });
  it('a bare "the spokeswoman" refers back to the phrase that named it', () => {
    const text = 'A Foreign Ministry spokeswoman spoke on Monday.\n\n"Nothing has changed since the summer," said the spokeswoman, who declined to be named.';
    expect(quotes(text)).toContainEqual({ text: 'Nothing has changed since the summer,', speaker: 'Ruritanian Foreign Ministry' });
  });
  it('a spokesman of no named body stays anonymous', () => {
    expect(quotes('"We are looking into it," a spokesman said.')).toContainEqual({ text: 'We are looking into it,', speaker: null });
  });
});

describe('a fragment with no frame of its own is not claimed by a later clause that is no frame', () => {
  it('a reporting verb with a clause after it is not a sentence-final frame', () => {
    const got = quotes('The plan would bring "calm" to the region, and Varga said the vote would go ahead.');
    expect(got.filter((q) => q.text === 'calm')).toEqual([]);
  });
});

describe('a quotation running over paragraphs', () => {
  it('is one quote per paragraph, all the speaker\'s', () => {
    const text = 'Kos said: "The first part of the plan is ready.\n\n"The second part will follow in the spring."';
    expect(quotes(text)).toEqual([
      { text: 'The first part of the plan is ready.', speaker: 'Irena Kos' },
      { text: 'The second part will follow in the spring.', speaker: 'Irena Kos' },
    ]);
  });
});
