import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractQuotes, findQuoteSpans } from '../../src/relations/extract-quotes.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Emmanuel Macron', type: 'Person', forms: ['Emmanuel Macron', 'Macron'] },
  { name: 'Olaf Scholz', type: 'Person', forms: ['Olaf Scholz', 'Scholz'] },
  { name: 'John Kirby', type: 'Person', forms: ['John Kirby', 'Kirby', '~the spokesman', '~he', '~He'] },
  { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez', '~she', '~She'] },
  { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi', 'Wang'] },
  { name: 'China', type: 'Country', forms: ['China', 'Beijing'] },
  { name: 'Japan', type: 'Country', forms: ['Japan', 'Tokyo'] },
  { name: 'Reuters', type: 'Organisation', forms: ['Reuters'] },
];

function quotes(text: string, table: readonly FixtureEntity[] = ENTITIES): { text: string; speaker: string | null; addressee?: string | null; audience?: string }[] {
  const f = buildFixture(text, table);
  return extractQuotes(f.ann, f.mentions, f.entities, lex).map((q) => ({
    text: q.text,
    speaker: f.name(q.speaker),
    ...(q.addressee !== undefined ? { addressee: f.name(q.addressee) } : {}),
    ...(q.audience !== undefined ? { audience: q.audience } : {}),
  }));
}

describe('extractQuotes: attribution patterns', () => {
  const cases: { title: string; text: string; want: [string, string | null][] }[] = [
    { title: '"...," X said', text: '“We will not back down,” Macron said.', want: [['We will not back down,', 'Emmanuel Macron']] },
    { title: '"...," said X', text: '"The talks were useful," said Olaf Scholz on Monday.', want: [['The talks were useful,', 'Olaf Scholz']] },
    { title: '"..." title speaker', text: '“Nothing has been decided yet,” the spokesman added.', want: [['Nothing has been decided yet,', 'John Kirby']] },
    { title: 'X said: "..."', text: 'Wang Yi said: “China will defend its interests.”', want: [['China will defend its interests.', 'Wang Yi']] },
    { title: 'X said that "..."', text: 'Lopez said that “the door remains open to dialogue.”', want: [['the door remains open to dialogue.', 'Maria Lopez']] },
    { title: 'according to X', text: 'According to Kirby, “the exercise is purely defensive in nature.”', want: [['the exercise is purely defensive in nature.', 'John Kirby']] },
    { title: 'pronoun speaker', text: '“We are watching very closely,” she said.', want: [['We are watching very closely,', 'Maria Lopez']] },
    { title: 'split quote around the cue', text: '“This is a first step,” he said, “but much remains to be done.”', want: [['This is a first step,', 'John Kirby'], ['but much remains to be done.', 'John Kirby']] },
    { title: 'short fragment after a speech verb', text: 'Scholz warned of a “swift, united” response.', want: [['swift, united', 'Olaf Scholz']] },
    { title: 'fragment after called', text: 'Macron called the meeting “open and constructive.”', want: [['open and constructive.', 'Emmanuel Macron']] },
    { title: 'one-word fragment after ruled out', text: 'Wang Yi ruled out any “compromise” on the issue.', want: [['compromise', 'Wang Yi']] },
    { title: "speech noun with an owner", text: "Macron's remarks about a “strategic pause” drew criticism in Tokyo.", want: [['strategic pause', 'Emmanuel Macron']] },
    { title: 'quote opening with the verb after its subject', text: 'Kirby “called on both sides to show restraint.”', want: [['called on both sides to show restraint.', 'John Kirby']] },
    { title: 'anonymous speaker -> null', text: '“The deal is close,” a senior official said.', want: [['The deal is close,', null]] },
    { title: 'anonymous source with an agency -> null, not the agency', text: '“We are committed to dialogue,” the government source quoted by Reuters as saying.', want: [['We are committed to dialogue,', null]] },
    { title: 'reported future speech is not attributed to its subject', text: 'A senior official told reporters that Scholz would say they are “ready to talk.”', want: [['ready to talk.', null]] },
  ];
  it.each(cases)('$title', ({ text, want }) => {
    const got = quotes(text).map((q) => [q.text, q.speaker]);
    for (const w of want) expect(got).toContainEqual(w);
  });
});

describe('extractQuotes: addressee and audience', () => {
  it('told Y: entity addressee', () => {
    const q = quotes('“We expect answers,” Wang Yi told Scholz.')[0];
    expect(q && [q.speaker, q.addressee]).toEqual(['Wang Yi', 'Olaf Scholz']);
  });
  it('told reporters: audience', () => {
    const q = quotes('“We expect answers,” Kirby told reporters.')[0];
    expect(q && [q.speaker, q.audience]).toEqual(['John Kirby', 'reporters']);
  });
});

describe('extractQuotes: spans, continuation and exclusions', () => {
  it('a quote spanning paragraphs is one quote per paragraph, all with the frame\'s speaker', () => {
    const text = 'Kirby spoke at length.\n\n“The first point is simple.\n\n“The second point is harder,” Kirby said.';
    expect(quotes(text).map((q) => [q.text, q.speaker])).toEqual([
      ['The first point is simple.', 'John Kirby'],
      ['The second point is harder,', 'John Kirby'],
    ]);
  });
  it('a paragraph-long quotation continues the previous speaker', () => {
    const text = 'Diplomacy is preferred, Lopez said, adding that talks are the better option.\n\n“Any attack on Japan would be met with a firm and united response from all of us.”';
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Maria Lopez']);
  });
  it('a quote opening the next sentence continues the speaker of the previous quote', () => {
    const text = '“The talks are over,” Macron said. “We now wait for an answer from Beijing.”';
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Emmanuel Macron', 'Emmanuel Macron']);
  });
  it.each([
    ['so-called scare quotes', 'Scholz rejected the so-called “security guarantees” outright.'],
    ['a quoted label before a noun', 'Lopez said there was reason to discuss the “security guarantees” issue.'],
    ['a quoted title with no speech act', 'The film “Silent Waters” opened in Tokyo.'],
  ])('%s are not quotes', (_title, text) => {
    expect(quotes(text)).toEqual([]);
  });
  it('a name given with called is no quote; what someone called is their words', () => {
    expect(quotes('Lopez joined a group called “Fresh Start” last year.')).toEqual([]);
    expect(quotes('Kirby attacked what Lopez called “a fresh start” for the city.').map((q) => [q.text, q.speaker])).toEqual([['a fresh start', 'Maria Lopez']]);
  });
  it('apostrophes are not single quote marks; single quotes around speech are', () => {
    const text = 'Japan’s envoy arrived. Kirby said ‘we are still very concerned’ about the drills.';
    const qs = quotes(text);
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([['we are still very concerned', 'John Kirby']]);
  });
  it('the same speaker repeating the same words gives one quote', () => {
    const text = 'Macron pledged “unwavering support for Japan” on Monday.\n\nMacron reiterated his “unwavering support for Japan” (Photo: Reuters).';
    expect(quotes(text)).toHaveLength(1);
  });
  it('offsets point at the quoted words, without the marks', () => {
    const text = 'Then “We will not back down,” Macron said.';
    const f = buildFixture(text, ENTITIES);
    const q = extractQuotes(f.ann, f.mentions, f.entities, lex)[0];
    expect(q && text.slice(q.start, q.end)).toBe('We will not back down,');
  });
});

describe('findQuoteSpans', () => {
  it('an unclosed transcript turn ends where the next turn opens with a speaker label', () => {
    const text = '"KIRBY: Let us start with the news of the day.\n\n"LOPEZ: Well, look, the news is good for us.\n\n"KIRBY: Thank you.';
    const paras: { start: number; end: number }[] = [];
    const re = /[^\n]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) paras.push({ start: m.index, end: m.index + m[0].length });
    expect(findQuoteSpans(text, paras).map((q) => q.text)).toEqual(['KIRBY: Let us start with the news of the day.', 'LOPEZ: Well, look, the news is good for us.', 'KIRBY: Thank you.']);
  });
  it('a straight mark opening the next sentence of a quotation left unclosed starts a new quote, not narrative', () => {
    const text = 'Lopez said: "There has been a lot of spin about this. "The reality is that the law is very clear." Then she left the room.';
    const paras = [{ start: 0, end: text.length }];
    expect(findQuoteSpans(text, paras).map((q) => q.text.trim())).toEqual(['There has been a lot of spin about this.', 'The reality is that the law is very clear.']);
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Maria Lopez', 'Maria Lopez']);
  });
  it('a transcript turn whose label names no one known has no speaker, not the previous one', () => {
    const text = '"KIRBY: Let us start with the news of the day.\n\n"RAMOS: Well, look, the news is good for all of us.';
    expect(quotes(text, [{ name: 'John Kirby', type: 'Person', forms: ['KIRBY'] }]).map((q) => q.speaker)).toEqual(['John Kirby', null]);
  });
  it.each([
    ['curly', 'He said “yes now” today.', ['yes now']],
    ['straight', 'He said "yes now" today.', ['yes now']],
    ['German low-high', 'Er sagte „ja jetzt“ heute.', ['ja jetzt']],
    ['guillemets', 'Il a dit «oui maintenant» hier.', ['oui maintenant']],
    ['unclosed at paragraph end stops there', '“Open quote without end\n\nNext paragraph.', ['Open quote without end']],
    ['a second opening mark closes a run-on quote', '“I do not know where this goes “Lavrov stated this.', ['I do not know where this goes ']],
  ])('%s', (_t, text, want) => {
    const paras: { start: number; end: number }[] = [];
    const re = /[^\n]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) paras.push({ start: m.index, end: m.index + m[0].length });
    expect(findQuoteSpans(text, paras).map((q) => q.text)).toEqual(want);
  });
});

describe('extractQuotes: attribution rules added for general news', () => {
  const cases: { title: string; text: string; want: [string, string | null][] }[] = [
    { title: 'dash byline after the quotation', text: '“We deserve better than this.” ― Maria Lopez', want: [['We deserve better than this.', 'Maria Lopez']] },
    { title: 'hyphen byline in the next paragraph is not needed: same line', text: '"Great speech, and a great night." -Emmanuel Macron', want: [['Great speech, and a great night.', 'Emmanuel Macron']] },
    { title: 'a party tag between speaker and verb', text: '“It is a dog whistle,” Olaf Scholz (SPD) said on Friday.', want: [['It is a dog whistle,', 'Olaf Scholz']] },
    { title: 'an appositive between speaker and verb', text: '“It is an invasion of our domain,” Olaf Scholz, the German chancellor, said.', want: [['It is an invasion of our domain,', 'Olaf Scholz']] },
    { title: 'straight opening mark closed by a curly one', text: '"Wang has a huge pulpit,” said Olaf Scholz.', want: [['Wang has a huge pulpit,', 'Olaf Scholz']] },
    { title: 'a speech verb without a subject lets the outer frame own the quote', text: 'Lopez says it underscores that Tokyo is “not ready for any compromise.”', want: [['not ready for any compromise.', 'Maria Lopez']] },
    {
      title: 'an unresolved pronoun speaker is the nearest person named before',
      text: 'Macron argued that “the talks are over for now.”\n\nHe said Paris had made clear the risks “not only to Japan but to all of Europe.”',
      want: [['not only to Japan but to all of Europe.', 'Emmanuel Macron']],
    },
    {
      title: 'a title speaker named by the next sentence’s bare appositive',
      text: '“The call is scheduled for Friday,” a government spokesman confirmed. Maria Lopez, citing state agencies.',
      want: [['The call is scheduled for Friday,', 'Maria Lopez']],
    },
    {
      title: 'a name in the next sentence with a verb of its own is not the title speaker',
      text: '“The deal is close,” a senior official said. Maria Lopez, the minister, arrived later.',
      want: [['The deal is close,', null]],
    },
  ];
  it.each(cases)('$title', ({ text, want }) => {
    // No pronoun forms here: a pronoun in these texts is one the entity stage left unresolved.
    const got = quotes(text, ENTITIES.map((e) => ({ ...e, forms: (e.forms ?? [e.name]).filter((f) => !f.startsWith('~')) }))).map((q) => [q.text, q.speaker]);
    for (const w of want) expect(got).toContainEqual(w);
  });
  it.each([
    ['a label in a PP of a plain noun', 'Lopez criticised the proposals for a “security guarantee” on Monday.'],
    ['a label after a preposition and determiner', 'Wang Yi doubted the plans for the “buffer zone” in the south.'],
  ])('%s is not a quote', (_title, text) => {
    expect(quotes(text)).toEqual([]);
  });
});

describe('extractQuotes: frames added for PolNeAR-style political news', () => {
  const cases: { title: string; text: string; want: [string, string | null][]; not?: [string, string | null][] }[] = [
    { title: 'a mixed quotation takes the subject of its clause', text: 'Macron has gone after Scholz as a “reckless gambler with no plan” this week.', want: [['reckless gambler with no plan', 'Emmanuel Macron']] },
    {
      title: 'a noun phrase owner is not the subject of a clause holding a quote',
      text: 'Scholz’s meeting with Macron lasted an hour and was “open and very frank.”',
      want: [],
      not: [['open and very frank.', 'Emmanuel Macron'], ['open and very frank.', 'Olaf Scholz']],
    },
    { title: 'said with a colon, inverted', text: 'Said Kirby: “We are not going anywhere soon.”', want: [['We are not going anywhere soon.', 'John Kirby']] },
    { title: 'a bare name and a colon', text: 'Lopez: “The door remains open to everyone.”', want: [['The door remains open to everyone.', 'Maria Lopez']] },
    { title: 'continued with a colon leads into the quote', text: 'Scholz continued: “The door remains open to all.”', want: [['The door remains open to all.', 'Olaf Scholz']] },
    {
      title: 'continue inside reported speech is not a reporting verb',
      text: 'The spokeswoman said China continues to pursue “intense diplomacy with its partners.”',
      want: [['intense diplomacy with its partners.', null]],
      not: [['intense diplomacy with its partners.', 'China']],
    },
    { title: 'the subject behind an appositive with a relative clause', text: 'Macron, who leads the coalition, said the plan was “a disaster for everyone involved.”', want: [['a disaster for everyone involved.', 'Emmanuel Macron']] },
    { title: 'a name after a role phrase after said', text: '“Nothing is decided,” said foreign minister Wang Yi.', want: [['Nothing is decided,', 'Wang Yi']] },
    { title: 'a title, the name and a state tag between the quote and said', text: '“The veto will be overridden,” Foreign Minister Wang Yi, R-Ky., said Tuesday.', want: [['The veto will be overridden,', 'Wang Yi']] },
    {
      title: 'an appositive with a participle between the name and said',
      text: '“It is an invasion of our domain,” Olaf Scholz, the leader of the coalition, one of the parties suing the state, said.',
      want: [['It is an invasion of our domain,', 'Olaf Scholz']],
    },
    {
      title: 'a frame in the next sentence after a full stop does not own the quote',
      text: 'In a statement, Macron stressed the need for “a commitment to sovereignty and integrity.” After the interview, Scholz said that talks went on.',
      want: [['a commitment to sovereignty and integrity.', 'Emmanuel Macron']],
      not: [['a commitment to sovereignty and integrity.', 'Olaf Scholz']],
    },
  ];
  it.each(cases)('$title', ({ text, want, not }) => {
    const got = quotes(text).map((q) => [q.text, q.speaker]);
    for (const w of want) expect(got).toContainEqual(w);
    for (const w of not ?? []) expect(got).not.toContainEqual(w);
  });
});

describe('extractQuotes: mixed quotations and pronoun gender', () => {
  it.each([
    ['a progressive wink tags as an adjective', 'Macron is promising lower taxes and “jobs, jobs, jobs,” this year.', 'jobs, jobs, jobs,', 'Emmanuel Macron'],
    ['the second quote of a clause', 'Scholz routinely describes himself as a “change maker” who “saved the whole company.”', 'saved the whole company.', 'Olaf Scholz'],
    ['a reporting verb in a relative clause is not the frame', 'On Monday, Scholz insisted that voters who refused to rule out a draft were “nuts and very wrong.”', 'nuts and very wrong.', 'Olaf Scholz'],
    ['an unnamed subject of a later verb leaves the quote to the outer frame', 'Lopez said the amendment was a gesture intended to highlight “the hypocrisy of the opposition” on this.', 'the hypocrisy of the opposition', 'Maria Lopez'],
    ['an appositive holding a place between the speaker and said', 'Macron, during a town hall meeting in Lyon, France, said he was “going to put a lot of miners out of work.”', 'going to put a lot of miners out of work.', 'Emmanuel Macron'],
    ['the object of a reporting verb is not the owner of the words', 'Lopez called Macron’s remarks on Saturday “a true wake-up call for everyone.”', 'a true wake-up call for everyone.', 'Maria Lopez'],
    ['a reporting participle without a subject belongs to the sentence subject', 'Macron posted a series of messages early Friday saying that Scholz had shown bad judgment in choosing “a path of pure weakness.”', 'a path of pure weakness.', 'Emmanuel Macron'],
    ['a speech noun tagged as a verb before a colon', 'On July 6, Macron made the following comment: “For young people, the unemployment rate is far too high.”', 'For young people, the unemployment rate is far too high.', 'Emmanuel Macron'],
  ])('%s', (_t, text, quote, speaker) => {
    expect(quotes(text).map((q) => [q.text, q.speaker])).toContainEqual([quote, speaker]);
  });
  it('an unresolved she skips the nearest man for the nearest woman', () => {
    const table: FixtureEntity[] = [
      { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', '~She'] },
      { name: 'John Kirby', type: 'Person', forms: ['John Kirby', '~he'] },
    ];
    const text = 'Maria Lopez arrived early. She waved. John Kirby spoke, and then he smiled.\n\n“Are you winning tonight?” she asked.';
    expect(quotes(text, table).map((q) => [q.text, q.speaker])).toContainEqual(['Are you winning tonight?', 'Maria Lopez']);
  });
});

describe('extractQuotes: colon frames, lead sentences and sentence-closing quotes', () => {
  const cases: { title: string; text: string; want: [string, string | null][]; not?: [string, string | null][] }[] = [
    {
      title: 'a colon frame ending the previous paragraph',
      text: 'Kirby continued:\n\n“The health issue is a partisan issue, but that does not explain the numbers.”',
      want: [['The health issue is a partisan issue, but that does not explain the numbers.', 'John Kirby']],
    },
    {
      title: 'a named subject of a non-reporting clause ending in a colon, after an opening adverbial clause',
      text: 'When the treaty lapsed in 1998, Macron released the following statement: “We offer our condolences to the families of the victims.”',
      want: [['We offer our condolences to the families of the victims.', 'Emmanuel Macron']],
    },
    {
      title: 'has since apologized ...: the subject before the adverb',
      text: 'Lopez has since apologized for what happened: “I should have used two accounts, one for work and one for home.”',
      want: [['I should have used two accounts, one for work and one for home.', 'Maria Lopez']],
    },
    {
      title: 'a description subject before the colon names no speaker',
      text: 'The timing of the surge does not surprise Scholz: “Lesser-known candidates often rise early in the race.”',
      want: [['Lesser-known candidates often rise early in the race.', null]],
      not: [['Lesser-known candidates often rise early in the race.', 'Olaf Scholz']],
    },
    {
      title: 'the clause the colon ends, not the first clause of the sentence',
      text: 'Lopez grew so upset that I had to change my answer: “Of course I believe in the plan, I was only joking.”',
      want: [],
      not: [['Of course I believe in the plan, I was only joking.', 'Maria Lopez']],
    },
    {
      title: 'a frameless quotation after a sentence about a named person',
      text: 'Lopez touted her record as a co-sponsor of the bill. “We need to find ways to support workers who want a union.”',
      want: [['We need to find ways to support workers who want a union.', 'Maria Lopez']],
    },
    {
      title: 'a quotation paragraph after a one-sentence paragraph about a person',
      text: 'Macron continued his scathing remarks.\n\n“Eight years ago the choice was clear to everyone in the country.”',
      want: [['Eight years ago the choice was clear to everyone in the country.', 'Emmanuel Macron']],
    },
    {
      title: 'a frameless quotation after a sentence about a person opening with a conjunction',
      text: 'The report was published on Monday. But Lopez said the health service also needed to change. “We do need a consistent approach across the whole country.”',
      want: [['We do need a consistent approach across the whole country.', 'Maria Lopez']],
    },
    {
      title: 'a frameless quotation after a sentence with an unnamed subject has no speaker',
      text: 'The committee met on Monday. “We need to find ways to support workers who want a union.”',
      want: [['We need to find ways to support workers who want a union.', null]],
    },
    {
      title: 'an inverted frame naming a document gives no speaker, not the person quoted before',
      text: 'Scholz was criticised at home.\n\n“There are jellyfish that have shown more spine than this man,” reads an editorial in the local daily.',
      want: [['There are jellyfish that have shown more spine than this man,', null]],
      not: [['There are jellyfish that have shown more spine than this man,', 'Olaf Scholz']],
    },
    {
      title: 'a quotation closed by a full stop takes no frame from the next sentence',
      text: 'Kirby said the plan would fail, and called it “the worst idea for the region in years.” Foreign Minister Wang Yi called the program a scam.',
      want: [['the worst idea for the region in years.', 'John Kirby']],
      not: [['the worst idea for the region in years.', 'Wang Yi']],
    },
    {
      title: 'a coordinated said after a full-stop quotation keeps its own subject',
      text: 'Lopez said on Friday that she thinks the video should be released but said “the question is the timing.” Scholz said it would be improper to comment.',
      want: [['the question is the timing.', 'Maria Lopez']],
      not: [['the question is the timing.', 'Olaf Scholz']],
    },
    {
      title: 'a person before of-phrases ending in a place is the subject, not the place',
      text: 'As Archbishop Maria Lopez of the Patriarchate of Tokyo told reporters, “We have suffered the same fate as others before us.”',
      want: [['We have suffered the same fate as others before us.', 'Maria Lopez']],
      not: [['We have suffered the same fate as others before us.', 'Japan']],
    },
    {
      title: 'a role with an organisation in it and an appositive name before the verb',
      text: '“Is the minister going to resign at last?” the presumptive Reuters chief correspondent, Maria Lopez, tweeted on Sunday.',
      want: [['Is the minister going to resign at last?', 'Maria Lopez']],
    },
    {
      title: 'a speech noun with an owner: claim',
      text: 'The fact-checkers examined Kirby’s claim that there have been “thousands of attacks” in the city this year.',
      want: [['thousands of attacks', 'John Kirby']],
    },
    {
      title: 'a question closed before a new sentence opening with a determiner takes no frame from it',
      text: 'Kirby asked: “Would it not be ironic if the smokers became the criminals?” The party’s health spokeswoman, Maria Lopez, said she was pleased.',
      want: [['Would it not be ironic if the smokers became the criminals?', 'John Kirby']],
      not: [['Would it not be ironic if the smokers became the criminals?', 'Maria Lopez']],
    },
    {
      title: 'a day after on between the subject and its verb',
      text: 'Maria Lopez on Thursday ratcheted up her attacks on Scholz, saying he is “weak on immigration, you know that.”',
      want: [['weak on immigration, you know that.', 'Maria Lopez']],
    },
    {
      title: 'a participle after an object and a day belongs to the sentence subject, not the object',
      text: 'Maria Lopez wrote to Scholz on Tuesday accusing him of an error and calling for him to apologise for his “ill-judged and careless comment.”',
      want: [['ill-judged and careless comment.', 'Maria Lopez']],
      not: [['ill-judged and careless comment.', 'Olaf Scholz']],
    },
    {
      title: 'the subject behind a prepositional adjunct that wink tags a verb in',
      text: 'Maria Lopez, at a press briefing later, said, “I have been briefed about the attacks in the capital.”',
      want: [['I have been briefed about the attacks in the capital.', 'Maria Lopez']],
    },
  ];
  it.each(cases)('$title', ({ text, want, not }) => {
    const got = quotes(text, ENTITIES.map((e) => ({ ...e, forms: (e.forms ?? [e.name]).filter((f) => !f.startsWith('~')) }))).map((q) => [q.text, q.speaker]);
    for (const w of want) expect(got).toContainEqual(w);
    for (const w of not ?? []) expect(got).not.toContainEqual(w);
  });
});
