/**
 * Sentences of news in general (none from the sample articles), through the
 * whole per-article pipeline: what they must give and must not give. Guards
 * against rules that only work on the five samples.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';

const lex = loadLexicons();
const run = (text: string) => extractDocument('t', text, lex);
const names = (text: string) => [...new Set(run(text).entities.map((e) => `${e.type}:${e.name}`))].sort();
const edges = (text: string) =>
  run(text)
    .relations.filter((r) => r.type !== 'AFFILIATED_WITH' && r.modality === 'asserted')
    .map((r) => `${r.type}:${r.source}->${r.target}`);

describe('entities in general news', () => {
  it.each([
    ['Russian President Vladimir Putin met Joe Biden in Geneva.', ['Person:Joe Biden', 'Person:Vladimir Putin']],
    ['German Chancellor Olaf Scholz spoke with Chinese President Xi Jinping on Friday.', ['Person:Olaf Scholz', 'Person:Xi Jinping']],
    ['Angela Merkel criticised Boris Johnson over Brexit.', ['Person:Angela Merkel', 'Person:Boris Johnson']],
    ['North Korea fired two missiles into the sea, Japan said.', ['Country:Japan', 'Country:North Korea']],
    ['The International Monetary Fund cut its forecast for Brazil.', ['Country:Brazil', 'Organisation:International Monetary Fund']],
    ['The summit took place in Geneva on Monday.', []],
    // One sense per article: later short references to a person or a company.
    ['Police detained dissident Wang Donghai on Friday. Wang had written a letter, his lawyer said.', ['Person:Wang Donghai']],
    ['Republican challenger Bob Dole said on Monday that taxes were too high. Dole added that he would cut them.', ['Person:Bob Dole']],
    ['Pirelli SpA said first-half profit rose. Pirelli shares gained 3 percent in Milan.', ['Organisation:Pirelli SpA']],
    ['Cambridge United beat Sheffield United 2-1 at the Abbey Stadium.', ['Organisation:Cambridge United', 'Organisation:Sheffield United']],
    ['Crowds gathered in Hong Kong and Tiananmen Square for the World Cup final.', []],
    // A lone surname of exactly one well-known figure stands on its own; an unknown lone word does not.
    ['Obama said the talks would go on.', ['Person:Obama']],
    ['Kowalczyk said the talks would go on.', []],
    // Figures of 1990-2014 are in the public-figure list too.
    ['Yeltsin said the talks would go on.', ['Person:Yeltsin']],
    // A figure's alias never makes a lone common first name a person; one Sharif in the list.
    ['Sam said the talks would go on.', []],
    ['Sharif said the talks would go on.', ['Person:Sharif']],
    // `County` ends place names; only a sports report makes `Notts County` a club.
    ['Police in Fairfax County arrested two men on Monday.', []],
    // Sports tables, company cues and territories (see test/extract/context-organisations.test.ts).
    ['Results on Sunday:\nBurnley 2 Norwich 1\nBurnley moved up to third.', ['Organisation:Burnley', 'Organisation:Norwich']],
    ['Shares of the carmaker Velora rose after Velora CEO Anna Berg spoke.', ['Organisation:Velora', 'Person:Anna Berg']],
    // A demonym before a state's group that acts is the state (GUIDELINES: a demonym acting as an actor).
    ['Israeli troops entered the West Bank and the Gaza Strip.', ['Country:Israel']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('relations in general news', () => {
  it.each([
    ['Russian President Vladimir Putin met Joe Biden in Geneva.', ['SPOKE_WITH:Vladimir Putin->Joe Biden']],
    ['Angela Merkel criticised Boris Johnson over Brexit.', ['ACCUSED:Angela Merkel->Boris Johnson']],
    ['North Korea threatened South Korea with nuclear strikes.', ['THREATENED:North Korea->South Korea']],
    ['Iran rejected the proposal of the European Union.', ['REJECTED:Iran->European Union']],
    // `the alliance` refers back to the alliance named before it.
    ['NATO leaders met in Brussels on Monday. Russia accused the alliance on Tuesday of provoking the conflict.', ['ACCUSED:Russia->NATO']],
    // A warning of consequences without a warning verb; the target is the urged party, not the attacked one.
    ['Japanese Prime Minister Fumio Kishida stressed that any attack on Taiwan would have grave consequences and urged China to show restraint.', ['WARNED:Fumio Kishida->China', 'URGED:Fumio Kishida->China']],
    // A pronoun actor of a hostile act is not the official of the target.
    ['Chinese Foreign Minister Wang Yi met Antony Blinken in Bali. At the meeting, he accused the United States of interfering in Taiwan.', ['SPOKE_WITH:Wang Yi->Antony Blinken', 'ACCUSED:Wang Yi->United States']],
    // CAMEO-style classes: visit (consult), appeal, intent to cooperate, declared refusal, cooperation.
    ['Japanese Prime Minister Fumio Kishida visited India last week.', ['SPOKE_WITH:Fumio Kishida->India']],
    ['Brazil wants Argentina to reopen the border.', ['URGED:Brazil->Argentina']],
    ['Germany offered to help Turkey after the earthquake.', ['PROPOSED:Germany->Türkiye']],
    ['Hungary will not support Ukraine in the vote.', ['REJECTED:Hungary->Ukraine']],
    ['Egypt freed 40 prisoners as a gesture of goodwill toward Sudan.', ['PROPOSED:Egypt->Sudan']],
    // A demonym group of a state named in the article acts for it; the agreement's other party is the target.
    ['Poland and Ukraine are neighbours. Polish lawmakers endorsed a defence pact with Ukraine.', ['SUPPORTED:Poland->Ukraine']],
    ['Turkish President Recep Tayyip Erdogan received Swedish officials in Ankara to discuss the bid of Sweden.', ['SPOKE_WITH:Recep Tayyip Erdogan->Sweden']],
    // Demands named through their answer (CAMEO 10): X's demands answered by Y are demands of Y.
    ['Iran said it was still waiting for a formal reply from the United States to its demands.', ['DEMANDED:Iran->United States']],
    ['Venezuela will decide once it receives an answer from Brazil to its requests.', ['DEMANDED:Venezuela->Brazil']],
    ["Hungary's response to the European Union's demands came on Friday.", ['PROPOSED:Hungary->European Union', 'DEMANDED:European Union->Hungary']],
    // A government named by well-known leaders is their states (the public-figure list gives the states).
    ['France and Germany share a long border. The governments of Emmanuel Macron and Angela Merkel are in talks on the budget.', ['SPOKE_WITH:France->Germany']],
    // An unnamed office holder of a state named in the article acts for it (as its groups do).
    ['The US Secretary of Energy urged Mexico to raise output.', ['URGED:United States->Mexico']],
    ['Talks between Iran and Iraq resumed. The Iranian Minister of Energy wants to help Iraq.', ['SPOKE_WITH:Iran->Iraq', 'PROPOSED:Iran->Iraq']],
    ['Iran made new demands on Monday. These include that Israel must withdraw from the area.', ['DEMANDED:Iran->Israel']],
    ['Serbia is seeking security guarantees from Kosovo.', ['DEMANDED:Serbia->Kosovo']],
    // A state before a person's title is part of the person's phrase: the person is the object, and a coordinated subject.
    ['Iranian President Mohammad Khatami met with UK Foreign Secretary Jack Straw in Tehran on Monday.', ['SPOKE_WITH:Mohammad Khatami->Jack Straw']],
    ['Germany criticised US Secretary of State Antony Blinken on Monday.', ['ACCUSED:Germany->Antony Blinken']],
    ['Canadian Prime Minister Justin Trudeau and French President Emmanuel Macron criticised Iran on Friday.', ['ACCUSED:Justin Trudeau->Iran', 'ACCUSED:Emmanuel Macron->Iran']],
    // The demanded clause's subject names no entity: no later entity becomes the target.
    ["As part of Russia's demands, the alliance must halt its expansion and guarantee that Georgia would never join it.", []],
  ])('%s', (text, expected) => {
    expect(edges(text)).toEqual(expected);
  });

  it.each([
    // A well-known figure's office in a body the article names: that body; else the state.
    ['Dmitry Peskov accused Ukraine of provocations on Monday. The Kremlin said Russia would respond.', ['Dmitry Peskov->Kremlin']],
    ['Dmitry Peskov accused Ukraine of provocations on Monday. Russia said it would respond.', ['Dmitry Peskov->Russia']],
    ['Jen Psaki criticised China on Friday. The White House said talks would go on.', ['Jen Psaki->White House']],
  ])('%s: AFFILIATED_WITH %s', (text, expected) => {
    expect(run(text).relations.filter((r) => r.type === 'AFFILIATED_WITH').map((r) => `${r.source}->${r.target}`)).toEqual(expected);
  });

  it('does not assert a negated act (kept with its modality)', () => {
    const text = 'The White House did not condemn Israel on Monday.';
    expect(edges(text)).toEqual([]);
    expect(run(text).relations.filter((r) => r.type === 'ACCUSED').map((r) => r.modality)).toEqual(['negated']);
  });
});

describe('quotes in general news', () => {
  it.each([
    ['“Roads will stay closed overnight,” Police said.'],
    ['“We are ready for the vote,” Republicans said.'],
  ])('%s: an anonymous or group speaker is null and no entity', (text) => {
    const r = run(text);
    expect(r.quotes.map((q) => q.speaker)).toEqual([null]);
    expect(r.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });
  it('an unnamed spokesman speaks for the organisation named with him, and is no person', () => {
    // An unnamed spokesman is anonymous as a person; what he says is his organisation's statement.
    const r = run('“Talks resume on Monday,” a spokesman for the Ministry of Foreign Affairs said.');
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Ministry of Foreign Affairs']);
    expect(r.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });
  it('a two-word label in a PP of a plain noun is not a quote', () => {
    expect(run('Iran rejected the proposals for a “security guarantee” on Monday.').quotes).toEqual([]);
  });
  it.each([
    ['“We will not back down,” Iranian Foreign Minister Hossein Amir-Abdollahian told reporters.', 'Hossein Amir-Abdollahian', 'We will not back down'],
    ['French President Emmanuel Macron said: “Europe must learn to defend itself.”', 'Emmanuel Macron', 'Europe must learn to defend itself.'],
    // A dash byline; a straight mark closed by a curly one; a title speaker named by a bare appositive.
    ['“We will rebuild every home.” ― Volodymyr Zelensky', 'Volodymyr Zelensky', 'We will rebuild every home.'],
    ['"We are ready to talk,” said German Chancellor Olaf Scholz.', 'Olaf Scholz', 'We are ready to talk,'],
    ['“The talks will resume on Friday,” a Kremlin spokesman confirmed. Dmitry Peskov, citing state media.', 'Dmitry Peskov', 'The talks will resume on Friday,'],
    // Speakers no gazetteer knows, named only by the quotation's frame.
    ['“The market has not priced this in,” said Priya Raman, an economist at a Mumbai bank.', 'Priya Raman', 'The market has not priced this in,'],
    ['“We expected a much closer count,” Oyelaran said on Sunday.', 'Oyelaran', 'We expected a much closer count,'],
    ['Mayor Greta Lindqvist opened the meeting.\n\n“The budget is not negotiable,” Lindqvist said.', 'Greta Lindqvist', 'The budget is not negotiable,'],
    ['Brazilian President Luiz Inacio Lula da Silva visited the plant.\n\n“This factory is the future,” the president said.', 'Luiz Inacio Lula da Silva', 'This factory is the future,'],
  ])('%s', (text, speaker, quote) => {
    const q = run(text).quotes;
    expect(q).toHaveLength(1);
    expect(q[0]!.speaker).toBe(speaker);
    expect(q[0]!.text.replace(/[,.]$/, '')).toBe(quote.replace(/[,.]$/, ''));
  });
});
