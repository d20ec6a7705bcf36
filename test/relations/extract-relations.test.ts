import { describe, expect, it } from 'vitest';
import { loadRelationLexicon } from '../../src/relations/relation-lexicon.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import { extractQuotes } from '../../src/relations/extract-quotes.js';
import type { Modality } from '../../src/types.js';
import { buildFixture, type FixtureEntity } from './fixture.js';

const lex = loadRelationLexicon();

const ENTITIES: readonly FixtureEntity[] = [
  { name: 'Emmanuel Macron', type: 'Person', forms: ['Emmanuel Macron', 'Macron'], affiliation: 'France', role: 'President' },
  { name: 'Olaf Scholz', type: 'Person', forms: ['Olaf Scholz', 'Scholz'], affiliation: 'Germany', role: 'Chancellor' },
  { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi', 'Wang', '~the minister', '~he'] },
  { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez', 'Lopez'] },
  { name: 'Ahmed Khan', type: 'Person', forms: ['Ahmed Khan', 'Khan'] },
  { name: 'John Kirby', type: 'Person', forms: ['John Kirby', 'Kirby'] },
  { name: 'France', type: 'Country', forms: ['France', 'Paris'] },
  { name: 'Germany', type: 'Country', forms: ['Germany', 'Berlin'] },
  { name: 'China', type: 'Country', forms: ['China', 'Beijing'] },
  { name: 'India', type: 'Country', forms: ['India', 'New Delhi'] },
  { name: 'Pakistan', type: 'Country', forms: ['Pakistan', 'Islamabad'] },
  { name: 'Japan', type: 'Country', forms: ['Japan', 'Tokyo'] },
  { name: 'Taiwan', type: 'Country', forms: ['Taiwan'] },
  { name: 'European Union', type: 'Organisation', forms: ['European Union', 'EU'] },
  { name: 'NATO', type: 'Organisation', forms: ['NATO'] },
];

type Edge = readonly [type: string, source: string, target: string, modality?: Modality];

function edges(text: string, table: readonly FixtureEntity[] = ENTITIES): { list: string[]; all: ReturnType<typeof extractRelations>; name: (i: number | null | undefined) => string | null } {
  const f = buildFixture(text, table);
  // As in the pipeline: the quotes first, so that pronouns inside a quotation know its speaker.
  const quotes = extractQuotes(f.ann, f.mentions, f.entities, lex);
  const all = extractRelations(f.ann, f.mentions, f.entities, lex, quotes);
  const list = all.filter((r) => r.type !== 'AFFILIATED_WITH').map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`);
  return { list, all, name: f.name };
}
const fmt = ([t, s, g, m]: Edge): string => `${t} ${s} -> ${g} ${m ?? 'asserted'}`;

describe('extractRelations: verbs, actors and targets', () => {
  const cases: { title: string; text: string; want: Edge[]; not?: Edge[] }[] = [
    { title: 'active voice, direct object', text: 'China urged Japan to show restraint.', want: [['URGED', 'China', 'Japan']] },
    { title: 'phrasal verb called on', text: 'Macron called on Beijing to release the activists.', want: [['URGED', 'Emmanuel Macron', 'China']] },
    { title: 'spoke with, prepositional target', text: 'Olaf Scholz spoke with Emmanuel Macron on Tuesday.', want: [['SPOKE_WITH', 'Olaf Scholz', 'Emmanuel Macron']] },
    { title: 'met with + named appositive on both sides', text: "In Paris last week, Macron's adviser, Maria Lopez, met with Scholz's envoy, Ahmed Khan.", want: [['SPOKE_WITH', 'Maria Lopez', 'Ahmed Khan']], not: [['SPOKE_WITH', 'Emmanuel Macron', 'Olaf Scholz']] },
    { title: 'passive voice with agent', text: 'Pakistan was accused by India of sheltering militants.', want: [['ACCUSED', 'India', 'Pakistan']], not: [['ACCUSED', 'Pakistan', 'India']] },
    { title: 'coordinated subject gives two edges', text: 'France and Germany rejected the Chinese proposal.', want: [['REJECTED', 'France', 'China'], ['REJECTED', 'Germany', 'China']] },
    { title: 'coordinated targets behind a group noun', text: 'Wang Yi held talks with representatives from France, Germany, and Japan.', want: [['SPOKE_WITH', 'Wang Yi', 'France'], ['SPOKE_WITH', 'Wang Yi', 'Germany'], ['SPOKE_WITH', 'Wang Yi', 'Japan']], not: [['SPOKE_WITH', 'France', 'Germany']] },
    { title: 'reciprocal verb with a coordinated subject', text: 'Scholz and Macron met in Berlin on Monday.', want: [['SPOKE_WITH', 'Olaf Scholz', 'Emmanuel Macron']] },
    { title: 'subject inherited across and', text: 'Wang Yi criticised the sanctions and warned Tokyo against interference.', want: [['WARNED', 'Wang Yi', 'Japan']] },
    { title: 'relative clause: the antecedent is the actor', text: 'It was Macron, who condemned Islamabad for the raid.', want: [['ACCUSED', 'Emmanuel Macron', 'Pakistan']] },
    { title: 'owner of a rejected demand is the target', text: "India dismissed Pakistan's demands for talks.", want: [['REJECTED', 'India', 'Pakistan']] },
    { title: 'warned that: target is the clause subject', text: 'Japan warned that China would face consequences.', want: [['WARNED', 'Japan', 'China']] },
    { title: 'threatened with sanctions', text: 'The European Union threatened Beijing with new sanctions.', want: [['THREATENED', 'European Union', 'China']] },
    { title: 'reassured is support', text: 'Scholz reassured Taiwan that Germany stands with it.', want: [['SUPPORTED', 'Olaf Scholz', 'Taiwan']] },
    { title: 'sent a letter to: PROPOSED', text: 'India sent a letter to Pakistan proposing new talks.', want: [['PROPOSED', 'India', 'Pakistan']] },
    { title: 'sent troops is not PROPOSED', text: 'India sent troops to the valley.', want: [], not: [['PROPOSED', 'India', 'Pakistan']] },
    { title: 'demonym subject and border target (DEPLOYED_NEAR)', text: 'Chinese forces massed near the Taiwanese border.', want: [['DEPLOYED_NEAR', 'China', 'Taiwan']] },
    { title: "possessive deployment noun", text: "Pakistan's deployment of 20,000 troops on the Indian border alarmed diplomats.", want: [['DEPLOYED_NEAR', 'Pakistan', 'India']] },
    { title: 'border with X', text: 'Analysts counted Pakistani units along the border with India.', want: [['DEPLOYED_NEAR', 'Pakistan', 'India']] },
    { title: 'government of a person stands for the state', text: 'The governments of Emmanuel Macron and Olaf Scholz are in negotiations over the budget.', want: [['SPOKE_WITH', 'France', 'Germany']] },
    { title: 'headline title case with control verbs', text: 'France and India Agreed to Continue Discussing', want: [['SPOKE_WITH', 'France', 'India']] },
    { title: 'a verb tagged as a plural noun before an infinitive keeps its subject across and', text: 'India claims to be acting in self-defence and recently submitted two draft treaties to Pakistan.', want: [['PROPOSED', 'India', 'Pakistan']] },
    { title: 'a possessed plural noun before an infinitive is no verb', text: "India's plans to attack Pakistan and urged Japan to help.", want: [], not: [['URGED', 'India', 'Japan']] },
    { title: 'a lower-case head is not an actor', text: 'He said an attack on Taiwan would have consequences and urged China to stop.', want: [], not: [['URGED', 'Taiwan', 'China']] },
  ];
  it.each(cases)('$title', ({ text, want, not }) => {
    const { list } = edges(text);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not ?? []) expect(list).not.toContain(fmt(n));
  });
});

describe('extractRelations: nominal cues', () => {
  const cases: { title: string; text: string; want: Edge[] }[] = [
    { title: 'a phone call between X and Y', text: 'A phone call between Macron and Scholz lasted an hour.', want: [['SPOKE_WITH', 'Emmanuel Macron', 'Olaf Scholz']] },
    { title: "X's conversation with Y", text: "Wang's conversation with Lopez was frank.", want: [['SPOKE_WITH', 'Wang Yi', 'Maria Lopez']] },
    { title: 'the subject of a light verb owns the nominal', text: "Scholz reiterated the European Union's commitment to Taiwan's security.", want: [['SUPPORTED', 'Olaf Scholz', 'Taiwan']] },
    { title: "X's warning to Y", text: "Tokyo's warning to Beijing came on Friday.", want: [['WARNED', 'Japan', 'China']] },
    { title: 'received a response from X', text: 'Germany received the written response from Beijing on Monday.', want: [['PROPOSED', 'China', 'Germany']] },
    { title: 'his meeting with: the main subject', text: 'Before his meeting with Scholz, Wang Yi visited a factory.', want: [['SPOKE_WITH', 'Wang Yi', 'Olaf Scholz']] },
    { title: 'criticism by X of Y', text: 'Markets fell on criticism by Tokyo of Beijing.', want: [['ACCUSED', 'Japan', 'China']] },
    { title: 'a call by X for Y to', text: 'A call by Scholz for Macron to resign went unanswered.', want: [['URGED', 'Olaf Scholz', 'Emmanuel Macron']] },
  ];
  it.each(cases)('$title', ({ text, want }) => {
    const { list } = edges(text);
    for (const w of want) expect(list).toContain(fmt(w));
  });
  it('a `by` party owned by a state is not the state (`demands by India\'s biggest union`)', () => {
    expect(edges("Tokyo answered demands by India's biggest union for tariffs on China.").list.filter((e) => e.startsWith('DEMANDED India'))).toEqual([]);
  });
  it('`in response to` is not a proposal', () => {
    expect(edges('Japan acted in response to China’s military drills.').list.filter((e) => e.startsWith('PROPOSED'))).toEqual([]);
  });
});

describe('extractRelations: modality', () => {
  const cases: { title: string; text: string; want: Edge }[] = [
    { title: 'did not warn -> negated', text: 'Japan did not warn China about the test.', want: ['WARNED', 'Japan', 'China', 'negated'] },
    { title: 'never -> negated', text: 'India has never threatened Pakistan.', want: ['THREATENED', 'India', 'Pakistan', 'negated'] },
    { title: 'refused to meet -> negated meeting', text: 'Macron refused to meet Wang Yi.', want: ['SPOKE_WITH', 'Emmanuel Macron', 'Wang Yi', 'negated'] },
    { title: 'would impose -> hypothetical', text: 'The European Union would threaten China with sanctions.', want: ['THREATENED', 'European Union', 'China', 'hypothetical'] },
    { title: 'if clause -> hypothetical', text: 'If India accuses Pakistan, talks will stop.', want: ['ACCUSED', 'India', 'Pakistan', 'hypothetical'] },
    { title: 'is likely to -> hypothetical', text: 'India is likely to reject Pakistan\'s offer.', want: ['REJECTED', 'India', 'Pakistan', 'hypothetical'] },
    { title: 'will offer -> future', text: 'Scholz will offer Taiwan new support.', want: ['PROPOSED', 'Olaf Scholz', 'Taiwan', 'future'] },
    { title: 'is scheduled to -> future', text: 'Macron is scheduled to meet Scholz on Friday.', want: ['SPOKE_WITH', 'Emmanuel Macron', 'Olaf Scholz', 'future'] },
    { title: 'a planned call -> future', text: 'A planned call between Macron and Scholz was announced.', want: ['SPOKE_WITH', 'Emmanuel Macron', 'Olaf Scholz', 'future'] },
    { title: 'past act -> asserted', text: 'India accused Pakistan of shelling the border.', want: ['ACCUSED', 'India', 'Pakistan', 'asserted'] },
  ];
  it.each(cases)('$title', ({ text, want }) => {
    expect(edges(text).list).toContain(fmt(want));
  });
});

describe('extractRelations: reporting frames and affiliation', () => {
  it('Kirby said the minister urged Japan: URGED Wang -> Japan reported by Kirby', () => {
    const { all, name } = edges('John Kirby said the minister urged Tokyo to resume talks.');
    const urged = all.find((r) => r.type === 'URGED');
    expect(urged && [name(urged.source), name(urged.target), name(urged.reportedBy)]).toEqual(['Wang Yi', 'Japan', 'John Kirby']);
    expect(all.some((r) => r.type === 'URGED' && name(r.source) === 'John Kirby')).toBe(false);
  });
  it('according to X gives reportedBy', () => {
    const { all, name } = edges('According to Kirby, India warned Pakistan on Sunday.');
    const w = all.find((r) => r.type === 'WARNED');
    expect(w && name(w.reportedBy)).toBe('John Kirby');
  });
  it('AFFILIATED_WITH from mention affiliation, once per pair, with role and evidence', () => {
    const { all, name } = edges('French President Emmanuel Macron met Scholz. Later Emmanuel Macron left.');
    const aff = all.filter((r) => r.type === 'AFFILIATED_WITH' && name(r.source) === 'Emmanuel Macron');
    expect(aff).toHaveLength(1);
    expect(aff[0] && [name(aff[0].target), aff[0].role, aff[0].evidence]).toEqual(['France', 'President', 'French President Emmanuel Macron met Scholz.']);
  });
  it("X's deputy, Y: Y is affiliated with X's country", () => {
    const { all, name } = edges("Macron's deputy, Maria Lopez, arrived.");
    expect(all.some((r) => r.type === 'AFFILIATED_WITH' && name(r.source) === 'Maria Lopez' && name(r.target) === 'France')).toBe(true);
  });
  it('evidence is the sentence and offsets point into the text', () => {
    const text = 'Trade resumed. China urged Japan to show restraint.';
    const r = edges(text).all.find((x) => x.type === 'URGED');
    expect(r && [r.evidence, text.slice(r.start, r.end), r.cue]).toEqual(['China urged Japan to show restraint.', 'China urged Japan to show restraint.', 'urged']);
  });
});

describe('extractRelations: references repaired in the relation stage', () => {
  // `~he` on Wang Yi / Macron simulates the entity stage resolving the pronoun (rightly or wrongly).
  const PRONOUN_ON_MACRON: readonly FixtureEntity[] = [
    { name: 'Emmanuel Macron', type: 'Person', forms: ['Emmanuel Macron', 'Macron', '~he'], affiliation: 'France', role: 'President' },
    { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi', 'Wang'] },
    { name: 'France', type: 'Country', forms: ['France'] },
  ];
  const cases: { title: string; text: string; table?: readonly FixtureEntity[]; want: Edge[]; not: Edge[] }[] = [
    {
      title: 'a pronoun inside a quotation is not its speaker',
      text: 'Kirby met the minister on Monday. “He urged Tokyo to resume talks,” Kirby said.',
      want: [['URGED', 'Wang Yi', 'Japan']],
      not: [['URGED', 'John Kirby', 'Japan']],
    },
    {
      title: '`to whom he`: the pronoun is not the antecedent of whom',
      text: 'Macron spoke with Wang Yi, to whom he pledged support for Taiwan.',
      want: [['SUPPORTED', 'Emmanuel Macron', 'Taiwan']],
      not: [['SUPPORTED', 'Wang Yi', 'Taiwan']],
    },
    {
      title: 'an unresolved pronoun takes the nearest person named before it',
      text: 'Olaf Scholz arrived in Tokyo on Monday. He accused China of intimidation.',
      want: [['ACCUSED', 'Olaf Scholz', 'China']],
      not: [],
    },
    {
      title: 'a pronoun actor of a hostile act is not a person acting for the target',
      text: 'Wang Yi met Emmanuel Macron in Paris. Then he accused France of interference.',
      table: PRONOUN_ON_MACRON,
      want: [['ACCUSED', 'Wang Yi', 'France']],
      not: [['ACCUSED', 'Emmanuel Macron', 'France']],
    },
    {
      title: '`the alliance` is the last alliance named before it',
      text: 'NATO met in Brussels on Monday. Pakistan accused the alliance on Tuesday.',
      want: [['ACCUSED', 'Pakistan', 'NATO']],
      not: [],
    },
    {
      title: '`the alliance` with no alliance named gives nothing',
      text: 'India met in Brussels on Monday. Pakistan accused the alliance on Tuesday.',
      want: [],
      not: [['ACCUSED', 'Pakistan', 'India']],
    },
    {
      title: '`the alliance` before a later alliance name in the same sentence (demand noun target)',
      text: 'As part of China’s demands, the alliance must stop its expansion, NATO officials said.',
      want: [['DEMANDED', 'China', 'NATO']],
      not: [],
    },
  ];
  it.each(cases)('$title', ({ text, table, want, not }) => {
    const { list } = edges(text, table);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not) expect(list).not.toContain(fmt(n));
  });
});

describe('extractRelations: warnings of consequences', () => {
  const cases: { title: string; text: string; want: Edge[]; not: Edge[] }[] = [
    { title: 'stressed that X would face consequences', text: 'Macron stressed that Germany would face consequences.', want: [['WARNED', 'Emmanuel Macron', 'Germany']], not: [] },
    {
      title: 'the patient of an act is not the target; the urged party is',
      text: 'Japan stressed that an attack on Taiwan would have severe consequences and urged China to stop the drills.',
      want: [['WARNED', 'Japan', 'China'], ['URGED', 'Japan', 'China']],
      not: [['WARNED', 'Japan', 'Taiwan']],
    },
    { title: 'past consequences are not a warning', text: 'Macron said the sanctions had consequences for Germany.', want: [], not: [['WARNED', 'Emmanuel Macron', 'Germany']] },
    { title: 'no target anywhere: no edge', text: 'Scholz said any invasion would have serious consequences.', want: [], not: [['WARNED', 'Olaf Scholz', 'Germany']] },
  ];
  it.each(cases)('$title', ({ text, want, not }) => {
    const { list } = edges(text);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not) expect(list).not.toContain(fmt(n));
    if (!want.length) expect(list.filter((e) => e.startsWith('WARNED'))).toEqual([]);
  });
});

describe('extractRelations: CAMEO-style cues (consult, appeal, intent, reject, cooperate)', () => {
  const TABLE: readonly FixtureEntity[] = [...ENTITIES, { name: 'Kenya', type: 'Country', forms: ['Kenya', 'Nairobi'] }];
  const cases: { title: string; text: string; want: Edge[]; not?: Edge[] }[] = [
    // 04 consult: visits, hosting, attending a meeting held in a country.
    { title: 'visited a country', text: 'Scholz visited Japan last week.', want: [['SPOKE_WITH', 'Olaf Scholz', 'Japan']] },
    { title: 'visited a place in a country is no visit of its state', text: 'Scholz visited a car factory in Japan.', want: [], not: [['SPOKE_WITH', 'Olaf Scholz', 'Japan']] },
    { title: "X's visit to Y", text: "Macron's visit to India ended on Monday.", want: [['SPOKE_WITH', 'Emmanuel Macron', 'India']] },
    { title: 'received a person: hosting', text: 'Wang Yi received Lopez in his office on Friday.', want: [['SPOKE_WITH', 'Wang Yi', 'Maria Lopez']] },
    { title: 'received a reply is no meeting', text: 'India received the written reply from Pakistan.', want: [['PROPOSED', 'Pakistan', 'India']], not: [['SPOKE_WITH', 'India', 'Pakistan']] },
    { title: 'attend a conference in a country (future)', text: 'Macron will attend a conference in Kenya next month.', want: [['SPOKE_WITH', 'Emmanuel Macron', 'Kenya', 'future']] },
    { title: 'a conference in a capital names a place', text: 'Macron attended a conference in Nairobi.', want: [], not: [['SPOKE_WITH', 'Emmanuel Macron', 'Kenya']] },
    { title: 'a person arriving in a country: a visit', text: 'Wang Yi arrived in Kenya on Sunday for talks.', want: [['SPOKE_WITH', 'Wang Yi', 'Kenya']] },
    { title: 'a person travelling to a country named by its capital: a visit', text: 'Lopez travelled to Nairobi last week.', want: [['SPOKE_WITH', 'Maria Lopez', 'Kenya']] },
    { title: 'a return home is no visit', text: 'Lopez arrived back in Kenya by air.', want: [], not: [['SPOKE_WITH', 'Maria Lopez', 'Kenya']] },
    { title: 'a trip not made is no refusal', text: 'Wang Yi will not travel to Kenya.', want: [['SPOKE_WITH', 'Wang Yi', 'Kenya', 'negated']], not: [['REJECTED', 'Wang Yi', 'Kenya']] },
    { title: 'receiving an award is no meeting', text: 'Lopez received the Kenya Prize in May.', want: [], not: [['SPOKE_WITH', 'Maria Lopez', 'Kenya']] },
    { title: 'troops arriving in a country are no visit', text: 'Chinese troops arrived in Kenya.', want: [], not: [['SPOKE_WITH', 'China', 'Kenya']] },
    { title: 'a visit needs its owner, not any subject nearby', text: 'Travellers from Japan are limited to one visit to China a year.', want: [], not: [['SPOKE_WITH', 'Japan', 'China']] },
    // Talks named by a noun: the governing verb says whether they were held.
    { title: 'called for talks with Y: future', text: 'India called for talks with Pakistan.', want: [['SPOKE_WITH', 'India', 'Pakistan', 'future']], not: [['SPOKE_WITH', 'India', 'Pakistan', 'asserted']] },
    { title: 'offered talks with Y: future', text: 'Japan offered talks with China on Monday.', want: [['SPOKE_WITH', 'Japan', 'China', 'future']] },
    { title: 'rejected talks with Y: negated, and a refusal', text: 'China rejected talks with Taiwan.', want: [['SPOKE_WITH', 'China', 'Taiwan', 'negated'], ['REJECTED', 'China', 'Taiwan']] },
    { title: 'called off talks: negated, no refusal edge', text: 'India called off talks with Pakistan.', want: [['SPOKE_WITH', 'India', 'Pakistan', 'negated']], not: [['REJECTED', 'India', 'Pakistan']] },
    { title: 'a meeting that was postponed', text: 'The meeting between Macron and Scholz was postponed.', want: [['SPOKE_WITH', 'Emmanuel Macron', 'Olaf Scholz', 'negated']] },
    { title: 'held talks: asserted', text: 'Wang Yi held talks with Lopez.', want: [['SPOKE_WITH', 'Wang Yi', 'Maria Lopez', 'asserted']] },
    { title: 'sentence-initial Talks tagged as a name', text: 'Talks between India and Pakistan ended without agreement.', want: [['SPOKE_WITH', 'India', 'Pakistan', 'asserted']] },
    // 02 appeal.
    { title: 'passive appeal keeps its infinitive', text: 'Lopez was asked by Wang Yi to lead the mission.', want: [['URGED', 'Wang Yi', 'Maria Lopez']] },
    { title: 'an invitation without an infinitive is no appeal', text: 'Lopez was invited by Wang Yi, whose father used to teach there.', want: [], not: [['URGED', 'Wang Yi', 'Maria Lopez']] },
    { title: 'X wants Y to act', text: 'Japan wants China to release the fishermen.', want: [['URGED', 'Japan', 'China']] },
    { title: 'wanting Y to be something is no appeal', text: 'Japan wants China to be a partner.', want: [], not: [['URGED', 'Japan', 'China']] },
    { title: 'wanting closer ties is no appeal', text: 'Japan wants closer ties with China.', want: [], not: [['URGED', 'Japan', 'China']] },
    { title: 'called for Y to act', text: 'India called for Pakistan to hand over the suspects.', want: [['URGED', 'India', 'Pakistan']] },
    { title: 'called for calm is no appeal to a target', text: 'India called for calm after the clashes in Pakistan.', want: [], not: [['URGED', 'India', 'Pakistan']] },
    // 03 intent to cooperate.
    { title: 'offered to help: an offer', text: 'France offered to help Kenya after the floods.', want: [['PROPOSED', 'France', 'Kenya']], not: [['SUPPORTED', 'France', 'Kenya']] },
    { title: 'ready to assist: an offer', text: 'India is ready to assist Japan with the rescue.', want: [['PROPOSED', 'India', 'Japan']] },
    { title: 'pledged to support stays a commitment', text: 'Germany pledged to support Taiwan.', want: [['SUPPORTED', 'Germany', 'Taiwan']], not: [['PROPOSED', 'Germany', 'Taiwan']] },
    { title: 'seeking to reassure stays a reassurance', text: 'Scholz will seek to reassure Taiwan on Monday.', want: [['SUPPORTED', 'Olaf Scholz', 'Taiwan', 'future']], not: [['PROPOSED', 'Olaf Scholz', 'Taiwan', 'future']] },
    { title: 'a promise with a clause has no pronoun object', text: 'Germany promised they would not be a threat to the security of Japan.', want: [], not: [['PROPOSED', 'Germany', 'Japan']] },
    { title: 'as a goodwill gesture to Y', text: 'India released 20 fishermen as a goodwill gesture to Pakistan.', want: [['PROPOSED', 'India', 'Pakistan']] },
    { title: 'promised aid to Y', text: 'The European Union promised aid to Kenya.', want: [['PROPOSED', 'European Union', 'Kenya']] },
    { title: 'offered to send aid to Y', text: 'India offered to send aid to Japan after the earthquake.', want: [['PROPOSED', 'India', 'Japan']] },
    { title: 'pledged to provide assistance to Y', text: 'China has pledged to provide assistance to Pakistan.', want: [['PROPOSED', 'China', 'Pakistan']] },
    { title: 'sending aid is no offer', text: 'India sent aid to Japan after the earthquake.', want: [], not: [['PROPOSED', 'India', 'Japan']] },
    { title: 'it after a state reporter is that state', text: 'Pakistan said it was ready to hold talks with India.', want: [['SPOKE_WITH', 'Pakistan', 'India', 'future']] },
    { title: 'it after a person reporter is not the person', text: 'Macron said it was ready to hold talks with India.', want: [], not: [['SPOKE_WITH', 'Emmanuel Macron', 'India', 'future']] },
    { title: 'coordinated subject with a determiner on the right', text: 'India and the European Union agreed to resume negotiations.', want: [['SPOKE_WITH', 'India', 'European Union']] },
    // 13 threaten: a vowed hostile act.
    { title: 'vowed to retaliate against Y', text: 'Pakistan vowed to retaliate against India.', want: [['THREATENED', 'Pakistan', 'India']] },
    { title: 'retaliating is no threat', text: 'Pakistan retaliated against India.', want: [], not: [['THREATENED', 'Pakistan', 'India']] },
    { title: 'threatened to punish Y', text: 'China threatened to punish Taiwan.', want: [['THREATENED', 'China', 'Taiwan']] },
    { title: 'pledged to blockade Y', text: 'China pledged to blockade Taiwan.', want: [['THREATENED', 'China', 'Taiwan']] },
    // A bare verb of criticism or refusal takes the phrase after its preposition as its object.
    { title: 'scoffed at Y', text: 'India scoffed at Pakistan.', want: [['ACCUSED', 'India', 'Pakistan']] },
    { title: "scoffed at Y's offer: a rejection", text: "India scoffed at Pakistan's offer.", want: [['REJECTED', 'India', 'Pakistan']], not: [['ACCUSED', 'India', 'Pakistan']] },
    { title: "objected to Y's plan", text: "Japan objected to China's plan.", want: [['REJECTED', 'Japan', 'China']] },
    { title: 'a meeting place is no prepositional object', text: 'France met at the NATO summit with Germany.', want: [['SPOKE_WITH', 'France', 'Germany']], not: [['SPOKE_WITH', 'France', 'NATO']] },
    { title: 'vowed to occupy Y', text: 'India vowed to occupy Pakistan.', want: [['THREATENED', 'India', 'Pakistan']] },
    // 12 reject: declared refusals.
    { title: 'will not support: refusal', text: 'Japan will not support the Chinese plan.', want: [['REJECTED', 'Japan', 'China'], ['SUPPORTED', 'Japan', 'China', 'negated']] },
    { title: 'would not provide support to: refusal', text: 'Scholz said Germany would not provide support to Pakistan.', want: [['REJECTED', 'Germany', 'Pakistan']] },
    { title: 'refused to back (tagged as an adverb)', text: 'Tokyo refused to back Beijing in the dispute.', want: [['REJECTED', 'Japan', 'China']] },
    { title: 'declined to meet: refusal', text: 'Macron declined to meet Wang Yi.', want: [['REJECTED', 'Emmanuel Macron', 'Wang Yi']] },
    { title: 'a past negation is no refusal', text: 'India did not support Pakistan in the vote.', want: [], not: [['REJECTED', 'India', 'Pakistan']] },
    { title: 'a conditional refusal is not asserted', text: 'If talks fail, Japan would not support China.', want: [], not: [['REJECTED', 'Japan', 'China']] },
    { title: "would not accept Y's offer: the receiver refuses the sender", text: "China made an offer. Japan would not accept China's offer.", want: [['REJECTED', 'Japan', 'China']], not: [['REJECTED', 'China', 'Japan']] },
    { title: 'refused to accept the offer from Y', text: 'Japan refused to accept the offer from China.', want: [['REJECTED', 'Japan', 'China']], not: [['REJECTED', 'China', 'Japan']] },
    // 11 disapprove: the possessor of a criticised act, never its victim.
    { title: "deplored Y's act", text: "India deplored Pakistan's support for the militants.", want: [['ACCUSED', 'India', 'Pakistan']] },
    { title: 'condemned the Chinese decision', text: 'Japan condemned the Chinese decision.', want: [['ACCUSED', 'Japan', 'China']] },
    { title: 'the victim of a condemned act is not accused', text: 'Japan condemned the killing of Chinese fishermen.', want: [], not: [['ACCUSED', 'Japan', 'China']] },
    { title: 'snubbed Y', text: 'Wang Yi snubbed Lopez at the summit.', want: [['REJECTED', 'Wang Yi', 'Maria Lopez']] },
    { title: 'welcomed a person: hosting', text: 'Macron welcomed Wang Yi in Paris.', want: [['SPOKE_WITH', 'Emmanuel Macron', 'Wang Yi']] },
    { title: 'welcoming a decision is no meeting', text: "Germany welcomed Japan's decision.", want: [], not: [['SPOKE_WITH', 'Germany', 'Japan']] },
    // 05 diplomatic cooperation.
    { title: "praised Y's ...", text: "Scholz praised Taiwan's response to the storm.", want: [['SUPPORTED', 'Olaf Scholz', 'Taiwan']] },
    { title: 'endorsed an agreement with Y', text: 'Germany endorsed a trade agreement with Japan.', want: [['SUPPORTED', 'Germany', 'Japan']] },
    { title: 'endorsed a plan is no support of a target', text: 'Germany endorsed the new climate plan.', want: [], not: [['SUPPORTED', 'Germany', 'Japan']] },
    // A state's group acts for it; a non-state group does not.
    { title: 'demonym + group noun as actor and target', text: 'German lawmakers endorsed a trade agreement with Japan.', want: [['SUPPORTED', 'Germany', 'Japan']] },
    { title: 'officials of a state meet its counterpart', text: 'Chinese officials met Japanese diplomats on Friday.', want: [['SPOKE_WITH', 'China', 'Japan']] },
    { title: "a state's unnamed ambassador stands for it as a target", text: 'Kenya accused the Chinese ambassador of spying.', want: [['ACCUSED', 'Kenya', 'China']] },
    { title: 'signed a pact with Y', text: 'Japan signed a defence pact with India on Friday.', want: [['SUPPORTED', 'Japan', 'India']] },
    { title: 'signing a bill is no support of a target', text: 'Japan signed the Indian bill.', want: [], not: [['SUPPORTED', 'Japan', 'India']] },
    { title: 'a state group heading a relative clause', text: 'Talks stalled, to the anger of many Japanese diplomats who blame China for the delay.', want: [['ACCUSED', 'Japan', 'China']] },
    { title: 'protesters are not the state', text: 'Chinese protesters criticised Japan.', want: [], not: [['ACCUSED', 'China', 'Japan']] },
  ];
  it.each(cases)('$title', ({ text, want, not }) => {
    const { list } = edges(text, TABLE);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not ?? []) expect(list).not.toContain(fmt(n));
  });
});

describe('extractRelations: affiliations a person acts for', () => {
  const aff = (text: string, table: readonly FixtureEntity[]): string[] => {
    const f = buildFixture(text, table);
    return extractRelations(f.ann, f.mentions, f.entities, lex).filter((r) => r.type === 'AFFILIATED_WITH').map((r) => `${f.name(r.source)} -> ${f.name(r.target)}`);
  };
  const bare: readonly FixtureEntity[] = [
    { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi', 'Wang'] },
    { name: 'Olaf Scholz', type: 'Person', forms: ['Olaf Scholz', 'Scholz'] },
    { name: 'Maria Lopez', type: 'Person', forms: ['Maria Lopez'] },
    { name: 'China', type: 'Country', forms: ['China', 'Beijing'] },
    { name: 'Germany', type: 'Country', forms: ['Germany'] },
    { name: 'Kenya', type: 'Country', forms: ['Kenya'] },
    { name: 'World Bank', type: 'Organisation', forms: ['World Bank'] },
  ];
  it.each([
    // A public figure of the gazetteer acts for its state when the article names that state.
    { text: 'Wang Yi spoke about trade. China wants calm.', want: ['Wang Yi -> China'], not: [] },
    { text: 'Olaf Scholz arrived on Monday. China and Kenya signed a deal.', want: [], not: ['Olaf Scholz -> China', 'Olaf Scholz -> Kenya'] },
    // `Country's Person` and `Organisation's Person`.
    { text: "Kenya's Maria Lopez chaired the session.", want: ['Maria Lopez -> Kenya'], not: [] },
    { text: "The World Bank's Maria Lopez spoke to Wang Yi.", want: ['Maria Lopez -> World Bank'], not: [] },
    { text: "Wang Yi's Maria Lopez spoke first.", want: [], not: ['Maria Lopez -> Wang Yi'] },
  ])('$text', ({ text, want, not }) => {
    const got = aff(text, bare);
    for (const w of want) expect(got).toContain(w);
    for (const n of not) expect(got).not.toContain(n);
  });
  it('a figure already acting for a named body gets no second state from the gazetteer', () => {
    const table: readonly FixtureEntity[] = [
      { name: 'Wang Yi', type: 'Person', forms: ['Wang Yi'], affiliation: 'World Bank' },
      ...bare.filter((e) => e.name !== 'Wang Yi'),
    ];
    const got = aff('World Bank envoy Wang Yi visited China.', table);
    expect(got).toContain('Wang Yi -> World Bank');
    expect(got).not.toContain('Wang Yi -> China');
  });
});

describe('extractRelations: a state group acts for the state, but stays an anonymous speaker', () => {
  it('Chinese officials warned Japan: WARNED China -> Japan, and their quote has no speaker', () => {
    const text = 'Chinese officials warned Japan on Friday. "We will respond to any provocation," Chinese officials said.';
    const f = buildFixture(text, ENTITIES);
    const quotes = extractQuotes(f.ann, f.mentions, f.entities, lex);
    const rels = extractRelations(f.ann, f.mentions, f.entities, lex, quotes);
    expect(rels.some((r) => r.type === 'WARNED' && f.name(r.source) === 'China' && f.name(r.target) === 'Japan')).toBe(true);
    expect(quotes.map((q) => q.speaker)).toEqual([null]);
  });
});

describe('extractRelations: demands (CAMEO 10)', () => {
  const cases: { title: string; text: string; table?: readonly FixtureEntity[]; want: Edge[]; not?: Edge[] }[] = [
    // Demands named through their answer: the answering party is the one the demands were made of.
    { title: 'Y replied to X’s demands', text: "India replied to Pakistan's demands on Tuesday.", want: [['DEMANDED', 'Pakistan', 'India']], not: [['DEMANDED', 'India', 'Pakistan']] },
    { title: 'Y’s response to X’s demands', text: "Berlin's response to Beijing's demands came on Friday.", want: [['DEMANDED', 'China', 'Germany']] },
    { title: 'an answer from Y to its requests, awaited by X', text: 'Japan said it was still waiting for a reply from China to its requests.', want: [['DEMANDED', 'Japan', 'China']] },
    { title: '`it` of an adverbial clause is the main clause’s subject', text: 'Tokyo will decide on the next step once it receives an answer from Beijing to its requests.', want: [['DEMANDED', 'Japan', 'China']] },
    { title: 'Y sent its answer to X’s demands', text: "Pakistan sent its answer to India's demands on Monday.", want: [['DEMANDED', 'India', 'Pakistan'], ['PROPOSED', 'Pakistan', 'India']] },
    { title: 'demands that name another addressee', text: "India replied to Pakistan's request for aid from China.", want: [], not: [['DEMANDED', 'Pakistan', 'India'], ['DEMANDED', 'Pakistan', 'China']] },
    { title: 'a reaction is no answer', text: "Germany reacted to France's demands.", want: [], not: [['DEMANDED', 'France', 'Germany']] },
    { title: 'an answer with no demands', text: 'India received a reply from Pakistan to the letter.', want: [], not: [['DEMANDED', 'India', 'Pakistan']] },
    // A clause subject that names no entity takes the demand: no later entity is its target.
    { title: 'unresolved definite subject of the demanded clause', text: "As part of China's demands, the alliance must halt its expansion and guarantee that Taiwan would never join it.", want: [], not: [['DEMANDED', 'China', 'Taiwan']] },
    { title: 'insisted that the company ...: no target', text: 'Pakistan insisted that the company must pay compensation to India.', want: [], not: [['DEMANDED', 'Pakistan', 'India']] },
    { title: 'insisted that Y ...: Y', text: 'Pakistan insisted that India must withdraw its troops.', want: [['DEMANDED', 'Pakistan', 'India']] },
    { title: 'X’s demand that Y ...', text: "Japan's demand that China release the crew was ignored.", want: [['DEMANDED', 'Japan', 'China']] },
    { title: 'X’s demands on Y', text: "France's demands on Germany grew on Monday.", want: [['DEMANDED', 'France', 'Germany']] },
    // Demanding a thing of someone: a wanting or seeking verb, a demanded thing, a `from` party.
    { title: 'X wants guarantees from Y', text: 'Japan wants guarantees from China.', want: [['DEMANDED', 'Japan', 'China']] },
    { title: 'X is seeking assurances from Y, Z and W', text: 'India is seeking security assurances from France, Germany and Japan.', want: [['DEMANDED', 'India', 'France'], ['DEMANDED', 'India', 'Germany'], ['DEMANDED', 'India', 'Japan']] },
    { title: 'X asked for an apology from Y', text: 'Pakistan asked for an apology from India.', want: [['DEMANDED', 'Pakistan', 'India']] },
    { title: 'negated: did not seek guarantees', text: 'Japan did not seek guarantees from China.', want: [['DEMANDED', 'Japan', 'China', 'negated']], not: [['DEMANDED', 'Japan', 'China']] },
    { title: 'wanting goods from Y is no demand', text: 'Japan wants gas from China.', want: [], not: [['DEMANDED', 'Japan', 'China']] },
    { title: 'receiving guarantees is no demand', text: 'Japan received guarantees from China.', want: [], not: [['DEMANDED', 'Japan', 'China']] },
    { title: 'the `from` party ends at an apposition', text: "Asked if Japan was seeking compensation from China, the ministry's spokesman Kirby said no.", want: [['DEMANDED', 'Japan', 'China', 'hypothetical']], not: [['DEMANDED', 'Japan', 'John Kirby']] },
    // The demands' content in the next sentence of the paragraph, opened by a reference back to them.
    { title: 'X made demands. These include that Y must ...', text: 'India made new demands on Monday. These include that Pakistan must close the camps.', want: [['DEMANDED', 'India', 'Pakistan']] },
    { title: 'X announced the demands. This goes with ensuring that Y does not ...', text: 'China announced the demands in May. This goes with ensuring that Japan does not deploy missiles.', want: [['DEMANDED', 'China', 'Japan']] },
    { title: 'The demands mean that Y will not ...', text: "France's demands came on Friday. The demands mean that Germany will not build the pipeline.", want: [['DEMANDED', 'France', 'Germany']] },
    { title: 'a that clause of someone else’s speech is not the content', text: 'China announced the demands in May. This came as Taiwan said that Japan would help.', want: [], not: [['DEMANDED', 'China', 'Japan']] },
    { title: 'a new paragraph is not the content', text: 'China announced the demands in May.\n\nThis means that Japan must act.', want: [], not: [['DEMANDED', 'China', 'Japan']] },
    { title: 'a sentence not opened by a reference to the demands', text: 'China announced the demands in May. Officials expect that Japan will act.', want: [], not: [['DEMANDED', 'China', 'Japan']] },
    // `the alliance` with no alliance named before it: the article's only alliance, never one of two.
    { title: '`the alliance` is the article’s only alliance, named later', text: "As part of China's demands, the alliance must halt its expansion. NATO members met on Friday.", want: [['DEMANDED', 'China', 'NATO']] },
    {
      title: '`the alliance` with two alliances named later stays unresolved',
      text: "As part of China's demands, the alliance must halt its expansion and guarantee that Taiwan would never join it. NATO and the Collective Security Treaty Organization met.",
      table: [...ENTITIES, { name: 'Collective Security Treaty Organization', type: 'Organisation' }],
      want: [],
      not: [['DEMANDED', 'China', 'NATO'], ['DEMANDED', 'China', 'Taiwan']],
    },
    { title: 'an `it` with a rival antecedent stays unresolved', text: 'NATO warned China that it would respond if it attacked Taiwan.', want: [['WARNED', 'NATO', 'China']], not: [['WARNED', 'NATO', 'Taiwan'], ['THREATENED', 'China', 'Taiwan']] },
  ];
  it.each(cases)('$title', ({ text, table, want, not }) => {
    const { list } = edges(text, table);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not ?? []) expect(list).not.toContain(fmt(n));
    if (!want.length) expect(list.filter((e) => e.startsWith('DEMANDED'))).toEqual([]);
  });
});

describe('extractRelations: an unnamed office holder acts for the state', () => {
  const AMBASSADOR: FixtureEntity = { name: 'Kenji Sato', type: 'Person', forms: ['Kenji Sato', 'Sato'], affiliation: 'Japan', role: 'Ambassador' };
  const cases: { title: string; text: string; table?: readonly FixtureEntity[]; want: Edge[]; not?: Edge[] }[] = [
    { title: 'the Japanese ambassador, no person named: the state', text: 'The Japanese ambassador urged China to release the crew.', want: [['URGED', 'Japan', 'China']] },
    { title: 'a title with an `of` complement: the state', text: 'The French Minister of Defence warned Germany on Monday.', want: [['WARNED', 'France', 'Germany']] },
    { title: 'an intent frame under such a title', text: 'The Indian Secretary of State wants to help Taiwan.', want: [['PROPOSED', 'India', 'Taiwan']] },
    { title: 'a title running into a name no entity covers is that person, not the state', text: 'The French Minister of Defence Paul Girard warned Germany on Monday.', want: [], not: [['WARNED', 'France', 'Germany']] },
    {
      title: 'the office held by a person the article names: that person',
      text: 'Sato arrived on Monday. The Japanese ambassador urged China to release the crew.',
      table: [...ENTITIES, AMBASSADOR],
      want: [['URGED', 'Kenji Sato', 'China']],
      not: [['URGED', 'Japan', 'China']],
    },
    {
      title: 'two holders of the office: neither, and not the state',
      text: 'Sato and Ito arrived on Monday. The Japanese ambassador urged China to release the crew.',
      table: [...ENTITIES, AMBASSADOR, { name: 'Aiko Ito', type: 'Person', forms: ['Aiko Ito', 'Ito'], affiliation: 'Japan', role: 'Ambassador' }],
      want: [],
      not: [['URGED', 'Japan', 'China'], ['URGED', 'Kenji Sato', 'China']],
    },
    { title: 'a plural group is the state, not one of its people', text: 'Sato arrived on Monday. Japanese ambassadors urged China to release the crew.', table: [...ENTITIES, AMBASSADOR], want: [['URGED', 'Japan', 'China']] },
  ];
  it.each(cases)('$title', ({ text, table, want, not }) => {
    const { list } = edges(text, table);
    for (const w of want) expect(list).toContain(fmt(w));
    for (const n of not ?? []) expect(list).not.toContain(fmt(n));
    if (!want.length) expect(list.filter((e) => e.startsWith('URGED') || e.startsWith('WARNED'))).toEqual([]);
  });
});
