import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractQuotes } from '../../src/relations/extract-quotes.js';
import { ATTRIBUTORS } from '../../src/relations/quotes/attributors.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Emmanuel Macron', type: 'Person', forms: ['Emmanuel Macron', 'Macron'] },
  { name: 'Olaf Scholz', type: 'Person', forms: ['Olaf Scholz', 'Scholz'] },
  { name: 'John Kirby', type: 'Person', forms: ['John Kirby', 'Kirby', '~he', '~He'] },
  { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez'] },
  { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi', 'Wang'] },
  { name: 'Japan', type: 'Country', forms: ['Japan', 'Tokyo'] },
  { name: 'Interior Ministry', type: 'Organisation', forms: ['Interior Ministry'] },
];

function attributed(text: string): { text: string; speaker: string | null; rule: string | undefined }[] {
  const f = buildFixture(text, ENTITIES);
  return extractQuotes(f.ann, f.mentions, f.entities, lex).map((q) => ({ text: q.text, speaker: f.name(q.speaker), rule: q.rule }));
}

describe('quote attributors: each quote says which attributor found its speaker', () => {
  const cases: { text: string; quote: string; speaker: string | null; rule: string }[] = [
    { text: '"We will not back down," Macron said.', quote: 'We will not back down,', speaker: 'Emmanuel Macron', rule: 'quote.frame-after' },
    { text: '"The talks were useful," said Olaf Scholz on Monday.', quote: 'The talks were useful,', speaker: 'Olaf Scholz', rule: 'quote.frame-after-inverted' },
    { text: 'Wang Yi said: "Our position on the matter has not changed."', quote: 'Our position on the matter has not changed.', speaker: 'Wang Yi', rule: 'quote.frame-before' },
    { text: 'According to Kirby, "the exercise is purely defensive in nature."', quote: 'the exercise is purely defensive in nature.', speaker: 'John Kirby', rule: 'quote.according-to' },
    { text: "Macron's remarks about a \"strategic pause\" drew criticism in Tokyo.", quote: 'strategic pause', speaker: 'Emmanuel Macron', rule: 'quote.speech-noun' },
    { text: 'Kirby "called on both sides to show restraint."', quote: 'called on both sides to show restraint.', speaker: 'John Kirby', rule: 'quote.subject-before' },
    { text: 'Lopez: "We have made our position clear to everyone involved."', quote: 'We have made our position clear to everyone involved.', speaker: 'Maria Lopez', rule: 'quote.name-colon' },
    { text: 'Said Maria Lopez: "We have made our position clear to everyone involved."', quote: 'We have made our position clear to everyone involved.', speaker: 'Maria Lopez', rule: 'quote.name-colon' },
    { text: 'As Maria Lopez put it: "We have made our position clear to everyone."', quote: 'We have made our position clear to everyone.', speaker: 'Maria Lopez', rule: 'quote.frame-before' },
    // A role appositive whose closing comma is left out: the name before it speaks.
    { text: 'Maria Lopez, union health spokeswoman said: "We have made our position clear to everyone."', quote: 'We have made our position clear to everyone.', speaker: 'Maria Lopez', rule: 'quote.frame-before' },
    // The name after `told` and before the colon is the addressee: the subject before it speaks.
    { text: 'Kirby told Wang Yi: "We have made our position clear to everyone."', quote: 'We have made our position clear to everyone.', speaker: 'John Kirby', rule: 'quote.frame-before' },
    { text: '"This is only the first step," Macron said. "Much remains to be done before the summit."', quote: 'Much remains to be done before the summit.', speaker: 'Emmanuel Macron', rule: 'quote.continuation' },
    { text: 'Macron issued a short statement on Monday:\n\n"We will keep working with our partners in Europe."', quote: 'We will keep working with our partners in Europe.', speaker: 'Emmanuel Macron', rule: 'quote.colon-frame' },
    { text: 'Only a deal would bring "calm" to the region, Macron said on Monday.', quote: 'calm', speaker: 'Emmanuel Macron', rule: 'quote.frame-final' },
    { text: 'Macron has often portrayed Scholz as a "lame duck" in private.', quote: 'lame duck', speaker: 'Emmanuel Macron', rule: 'quote.described-as' },
    { text: '"The border will reopen at dawn," the Interior Ministry said.\n\n"Checks at every crossing stay in place," it added.', quote: 'Checks at every crossing stay in place,', speaker: 'Interior Ministry', rule: 'quote.frame-after-pronoun' },
    // The fragment's own clause has a reporting verb too (`respond`): the parenthetical frame after the comma names the speaker.
    { text: 'Japan will "strongly" react to any provocation, Macron said on Monday, adding that talks go on.', quote: 'strongly', speaker: 'Emmanuel Macron', rule: 'quote.frame-final' },
    { text: 'The crowd went quiet.\n\n"Nothing lasts forever in politics or in life."', quote: 'Nothing lasts forever in politics or in life.', speaker: null, rule: 'quote.unattributed' },
    { text: 'The hearing went on past midnight.\n\n"LOPEZ: We have heard enough from the committee for one day."', quote: 'LOPEZ: We have heard enough from the committee for one day.', speaker: 'Maria Lopez', rule: 'quote.transcript-surname' },
    { text: 'Maria Lopez, who has led the union for a decade, tweeted a warning. "The strike will go ahead unless the offer improves."', quote: 'The strike will go ahead unless the offer improves.', speaker: 'Maria Lopez', rule: 'quote.statement-before' },
    { text: 'Kirby, who was in Tokyo for the talks, said in a statement on Friday. "The exercise is purely defensive in nature."', quote: 'The exercise is purely defensive in nature.', speaker: 'John Kirby', rule: 'quote.statement-before' },
  ];
  it.each(cases)('$rule: $text', ({ text, quote, speaker, rule }) => {
    expect(attributed(text)).toContainEqual({ text: quote, speaker, rule });
  });

  // A participle after a comma, or a verb coordinated with the first, shares the sentence's subject,
  // not the nearest name before it.
  const shared: { text: string; quote: string; speaker: string }[] = [
    { text: 'Maria Lopez backed Olaf Scholz (SPD) on Tuesday, saying it is time for "a steady hand in the chancellery."', quote: 'a steady hand in the chancellery.', speaker: 'Maria Lopez' },
    { text: 'Macron praised Scholz for his patience, adding that the two men share "a common purpose."', quote: 'a common purpose.', speaker: 'Emmanuel Macron' },
    { text: 'Kirby met Wang Yi in Tokyo and said the talks had been "frank but useful in every respect."', quote: 'frank but useful in every respect.', speaker: 'John Kirby' },
  ];
  it.each(shared)('shared subject: $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker).toBe(speaker);
  });

  // What follows a quotation is its frame only when it is one: not a subordinate clause with a
  // reporting verb of its own, not a new sentence whose verb reports another statement.
  const notAfter: { text: string; quote: string; speaker: string }[] = [
    { text: 'Scholz said Macron was "absolutely right" when he said on Monday that the deal was done.', quote: 'absolutely right', speaker: 'Olaf Scholz' },
    { text: 'Scholz wrote to Maria Lopez, telling her, "you are a fine mayor!" Lopez replied to him that it was an honour.', quote: 'you are a fine mayor!', speaker: 'Olaf Scholz' },
  ];
  // wink reads a reporting verb in -s after a noun phrase as a plural noun (`Reuters reports that`).
  it('a reporting verb the tagger reads as a noun before `that` frames the quotation', () => {
    expect(attributed('The Interior Ministry reports that the border was "quiet for the first time in weeks."')).toContainEqual({ text: 'quiet for the first time in weeks.', speaker: 'Interior Ministry', rule: 'quote.frame-before' });
  });
  // A phrasal reporting verb (`shot back`, `chimed in`) frames a quotation before or after it.
  it.each([
    ['Scholz attacked her plan, and Lopez shot back, "I chose to fight for this city."', 'I chose to fight for this city.'],
    ['"That is simply false," Lopez fired back.', 'That is simply false,'],
    ['"And the budget too," Lopez chimed in at the end.', 'And the budget too,'],
  ])('phrasal verb: %s', (text, quote) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker).toBe('Maria Lopez');
  });
  it('a participle after a quotation opens no inverted frame', () => {
    expect(attributed('Kirby rebuked critics who call the strikers "radical anarchists," saying a new name will do nothing.').find((q) => q.text === 'radical anarchists,')?.rule).not.toBe('quote.source-after');
  });
  it.each(notAfter)('no frame after: $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker).toBe(speaker);
  });

  // A frameless quotation after a sentence about an organisation is its words only when that sentence announces speech.
  const orgLead: { text: string; quote: string; speaker: string | null }[] = [
    { text: 'The Interior Ministry issued a statement on Monday. "The border crossings will reopen at dawn for all travellers."', quote: 'The border crossings will reopen at dawn for all travellers.', speaker: 'Interior Ministry' },
    { text: 'The Interior Ministry closed the border crossings on Monday. "Nobody in the queue knew what would happen next."', quote: 'Nobody in the queue knew what would happen next.', speaker: null },
  ];
  it.each(orgLead)('organisation lead sentence: $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker ?? null).toBe(speaker);
  });

  // A reporting verb that usually follows quotes leads into one across a short adverbial phrase;
  // a verb with an infinitive after the quote (`if she continues to lose`) is no frame.
  it('quipped at a dinner "..." is the subject\'s', () => {
    expect(attributed('Scholz quipped at the dinner on Friday "nobody in this room expected the vote to go that way."')).toContainEqual({ text: 'nobody in this room expected the vote to go that way.', speaker: 'Olaf Scholz', rule: 'quote.frame-before' });
  });
  it('continues to ... after a quotation is no frame', () => {
    expect(attributed('The deal is "a very bad idea for the country" if Kirby continues to push it.').map((q) => q.speaker)).not.toContain('John Kirby');
  });
  it('a short fragment after a noun phrase is not led in by a verb that follows quotes', () => {
    expect(attributed('Scholz added fuel to the "fire" during the debate.')).toEqual([]);
  });

  // A statement announced for later, or a sentence that announces no statement, does not claim the quotation after it.
  const noStatement: string[] = [
    'Kirby, who was in Tokyo for the talks, will issue a statement on Monday. "The exercise is purely defensive in nature."',
    'Scholz, who chairs the committee, closed the hearing early. "Nobody in the room knew what would happen next."',
  ];
  it.each(noStatement)('no statement frame: %s', (text) => {
    expect(attributed(text).map((q) => q.rule)).not.toContain('quote.statement-before');
  });
  it('a transcript label that is the surname of two people names no one', () => {
    const text = 'Olaf Scholz and Anna Scholz spoke.\n\n"SCHOLZ: We have heard enough from the committee for one day."';
    const f = buildFixture(text, [...ENTITIES, { name: 'Anna Scholz', type: 'Person', forms: ['Anna Scholz'] }]);
    expect(extractQuotes(f.ann, f.mentions, f.entities, lex).map((q) => q.rule)).toEqual(['quote.transcript-unknown']);
  });
  // The owner of a letter or statement that is the reporting verb's subject speaks through it.
  const owned: { text: string; quote: string; rule: string }[] = [
    { text: 'The vote was close. Maria Lopez’s letter said the plan was "a betrayal of every worker in the state."', quote: 'a betrayal of every worker in the state.', rule: 'quote.frame-before' },
    { text: '"The plan is a betrayal of every worker in the state," Maria Lopez’s letter said.', quote: 'The plan is a betrayal of every worker in the state,', rule: 'quote.frame-after' },
  ];
  it.each(owned)('statement owner: $text', ({ text, quote, rule }) => {
    expect(attributed(text)).toContainEqual({ text: quote, speaker: 'Maria Lopez', rule });
  });
  it('the owner of a subject that is no speech noun does not speak', () => {
    expect(attributed('The vote was close. Maria Lopez’s brother said the plan was "a betrayal of every worker in the state."').map((q) => q.speaker)).not.toContain('Maria Lopez');
  });

  it('the frame\'s own words name the speaker, not a nearer mention of the same person', () => {
    const f = buildFixture('Kirby spoke on Monday. He said he was being pushed aside because he was "a real threat to the old guard."', ENTITIES);
    const [q] = extractQuotes(f.ann, f.mentions, f.entities, lex);
    expect(q && q.speakerSpan ? f.ann.text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined).toBe('He');
    expect(q?.speakerSpan?.start).toBe(f.ann.text.indexOf('He said'));
  });

  it('an emphatic pronoun after the subject is no subject of its own', () => {
    expect(attributed('Kirby himself said "the exercise is purely defensive in nature."')).toContainEqual({ text: 'the exercise is purely defensive in nature.', speaker: 'John Kirby', rule: 'quote.frame-before' });
  });

  it('a verb\'s object right before a quotation is not its speaker', () => {
    expect(attributed('Kirby used the meeting to demand Japan "take a firmer stand in the region at once."').map((q) => q.speaker)).not.toContain('Japan');
  });

  // Frames whose subject stands away from the reporting verb: the antecedent of `who`, a person
  // before `of` and a place no one typed, the reporter of a clause that a `but` continues.
  const distant: { text: string; quote: string; speaker: string | null }[] = [
    { text: 'The plan drew a sharp reply from Maria Lopez, who said that the levy "will hurt every family in the county."', quote: 'will hurt every family in the county.', speaker: 'Maria Lopez' },
    { text: 'The idea came from Olaf Scholz, who proclaimed last spring that the tax "cannot survive another winter."', quote: 'cannot survive another winter.', speaker: 'Olaf Scholz' },
    { text: 'In May, Mayor Maria Lopez of Springfield praised the firm for helping develop "bold and practical ideas."', quote: 'bold and practical ideas.', speaker: 'Maria Lopez' },
    { text: 'Kirby told reporters that the allies were consulting, but renewed talks "will not close the budget gap."', quote: 'will not close the budget gap.', speaker: 'John Kirby' },
    // Another speaker after the `but` owns the words, or no one we know.
    { text: 'Kirby told reporters that the allies were consulting, but critics "doubt that it will work."', quote: 'doubt that it will work.', speaker: null },
    { text: 'Kirby praised the deal, but the plan "leaves too many gaps" in the law.', quote: 'leaves too many gaps', speaker: null },
  ];
  it.each(distant)('distant subject: $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker ?? null).toBe(speaker);
  });

  // A role description names the one person whose titles hold its role and capitalised words, also
  // one named later (news leads name the office first); an envoy with no name speaks for the state.
  const described: { text: string; quote: string; speaker: string | null }[] = [
    { text: 'Japan’s envoy to Kenya warned that Tokyo "would not wait much longer" for a reply.\n\nJapan’s envoy to Kenya Wang Yi spoke again on Monday.', quote: 'would not wait much longer', speaker: 'Wang Yi' },
    { text: 'The talks ended late. Japan’s ambassador said the draft "goes much too far" for the region.', quote: 'goes much too far', speaker: 'Japan' },
    { text: 'Tokyo sent a note. The Japanese ambassador to the UN said the draft "goes much too far" for the region.', quote: 'goes much too far', speaker: 'Japan' },
    { text: 'Republican Senator Maria Lopez spoke first. A Republican senator said the bill "is dead on arrival" in the chamber.', quote: 'is dead on arrival', speaker: null },
    { text: 'Senator Maria Lopez stayed at home. Lopez’s spokesman said the bill "is dead on arrival" in the chamber.', quote: 'is dead on arrival', speaker: null },
  ];
  it.each(described)('described speaker: $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker ?? null).toBe(speaker);
  });

  // A passive reporting verb: the agent after `by` speaks, not the thing described.
  const passive: { text: string; quote: string; speaker: string | null }[] = [
    { text: 'The ballot was described as unfair by Maria Lopez and then as a "sham" by the Interior Ministry.', quote: 'sham', speaker: 'Interior Ministry' },
    { text: 'The plan was described as "rash" and "reckless" by Olaf Scholz on Monday.', quote: 'rash', speaker: 'Olaf Scholz' },
    { text: 'The plan was described as "rash" and "reckless" by Olaf Scholz on Monday.', quote: 'reckless', speaker: 'Olaf Scholz' },
  ];
  it.each(passive)('passive frame: $quote in $text', ({ text, quote, speaker }) => {
    expect(attributed(text).find((q) => q.text === quote)?.speaker ?? null).toBe(speaker);
  });

  it('a participle shares the subject of the reporting verb before it, even an anonymous one', () => {
    const text = 'Alongside union calls for action, a senior party strategist said Lopez must choose, saying, "At some point she will have to say where she stands."';
    const f = buildFixture(text, ENTITIES);
    const [q] = extractQuotes(f.ann, f.mentions, f.entities, lex);
    expect(q?.speaker).toBeNull();
    expect(q && q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined).toBe('a senior party strategist');
  });
  it('what an of phrase gives as the content of a speech noun is its owner\'s, inside another frame too', () => {
    expect(attributed('Kirby called Lopez’s accusation of "open treason" against the council absurd.')).toContainEqual({ text: 'open treason', speaker: 'Maria Lopez', rule: 'quote.speech-noun' });
  });

  it('a fragment after as that labels a thing is no one\'s characterisation', () => {
    expect(attributed('The Interior Ministry classed the drug as a "controlled substance" last year.').map((q) => q.rule)).not.toContain('quote.described-as');
  });

  it('a role description as the subject of a mixed quotation names its holder, and its words are the speaker span', () => {
    const text = 'Labour leader Maria Lopez spoke in Tokyo. The Labour leader also outlined her plan and vowed to punish "those who break the strike rules."';
    const f = buildFixture(text, ENTITIES);
    const q = extractQuotes(f.ann, f.mentions, f.entities, lex).find((x) => x.text === 'those who break the strike rules.');
    expect(f.name(q?.speaker ?? null)).toBe('Maria Lopez');
    expect(q?.rule).toBe('quote.clause-subject');
    expect(q && q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined).toBe('The Labour leader');
  });

  it('an it frame does not continue a person', () => {
    expect(attributed('"The plan works," Lopez said. "It costs little," it added.').map((q) => q.rule)).not.toContain('quote.frame-after-pronoun');
  });

  it('every attributor in the table has an id of its own', () => {
    const ids = ATTRIBUTORS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^quote\.[a-z-]+$/);
  });
});
