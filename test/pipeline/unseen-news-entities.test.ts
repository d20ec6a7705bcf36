/**
 * Entities of news text as an analyst reads it: places are not actors, names with hyphens and
 * particles stay whole, one node per person, ships and dateline agencies are no entities.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';

const lex = loadLexicons();

function entitiesOf(body: string): string[] {
  const article = articleFromText('t.txt', `Headline of the day\n\n${body}\n`, lex.boilerplate);
  return processArticle(article, lex).entities.map((e) => `${e.type}: ${e.name}`);
}

describe('countries named only as places', () => {
  const cases: [string, string[], string[]][] = [
    ['Refugees crossed the border into Chad on Monday. France urged calm.', ['Country: France'], ['Country: Chad']],
    ['Tourists from Peru, Chile and Japan were hurt. Brazil condemned the attack.', ['Country: Brazil'], ['Country: Peru', 'Country: Chile', 'Country: Japan']],
    ['The wounded were flown to Lima, Peru, for surgery. Spain sent doctors.', ['Country: Spain'], ['Country: Peru']],
    ['The talks were held in neighbouring Austria.', [], ['Country: Austria']],
    // A country in an act is kept, wherever it stands.
    ['Germany accused Poland of stalling the talks.', ['Country: Germany', 'Country: Poland'], []],
    // `from` after a noun names a source: an actor.
    ['The warning from Norway came late. In October, Norway and Sweden signed a deal.', ['Country: Norway', 'Country: Sweden'], []],
    // A possessive is no place.
    ['Officials met in Kenya’s capital.', ['Country: Kenya'], []],
    // `from` after a verb of parting names the other party.
    ['Eritrea split from Ethiopia in 1993 after a long war.', ['Country: Eritrea', 'Country: Ethiopia'], []],
    ['The province broke away from Moldova in 1992.', ['Country: Moldova'], []],
    ['Troops withdrew from Syria on Monday.', [], ['Country: Syria']],
    // Universities, schools and hospitals named only as where something happened are places too.
    ['Protesters inside the Riverside Polytechnic University refused to leave.', [], ['Organisation: Riverside Polytechnic University']],
    ['The Riverside Polytechnic University said classes were cancelled.', ['Organisation: Riverside Polytechnic University'], []],
  ];
  it.each(cases)('%s', (text, present, absent) => {
    const got = entitiesOf(text);
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });
});

describe('names with hyphens, particles and titles', () => {
  const cases: [string, string][] = [
    ['Defence minister Park Dae-young resigned on Tuesday.', 'Person: Park Dae-young'],
    ['The envoy met Karim el-Masri in Cairo.', 'Person: Karim el-Masri'],
    ['Ahmed Hassan al-Rashid said the vote was fair. Later al-Rashid left.', 'Person: Ahmed Hassan al-Rashid'],
    ['The report was written by Agence France-Presse reporters.', 'Organisation: Agence France-Presse'],
    ['Students at the American University of Kabul went home.', 'Organisation: American University of Kabul'],
    ['The blast was reported by the official Korean Central News Agency.', 'Organisation: Korean Central News Agency'],
    ['The commander of the NATO mission spoke on Monday.', 'Organisation: NATO'],
    ['American Kevin Prince and Briton Jane Doe were freed. Kevin King was freed too.', 'Person: Kevin King'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });

  it('a title modifier before a title head is no organisation (White House Press Secretary)', () => {
    const got = entitiesOf('“We are glad,” said White House Press Secretary Jane Roe.');
    expect(got).toContain('Organisation: White House');
    expect(got).not.toContain('Organisation: White House Press');
    expect(got).toContain('Person: Jane Roe');
  });

  it('al-Rashid and Rashid are the person named in full', () => {
    const got = entitiesOf('Ahmed Hassan al-Rashid spoke. Rashid said he would return.');
    expect(got.filter((e) => e.startsWith('Person'))).toEqual(['Person: Ahmed Hassan al-Rashid']);
  });
});

describe('one node per person', () => {
  it('a double surname with or without an honorific joins the full name', () => {
    const got = entitiesOf('President Luis García Ortega met the press. Later Mr. García Ortega left, and García Ortega returned.');
    expect(got.filter((e) => e.startsWith('Person'))).toEqual(['Person: Luis García Ortega']);
  });

  it('a descriptor before a surname is not part of the name', () => {
    const got = entitiesOf('President Paul Kagame spoke. Strongman Kagame has ruled for years.');
    expect(got.filter((e) => e.startsWith('Person'))).toEqual(['Person: Paul Kagame']);
  });
});

describe('ships and datelines', () => {
  it('a ship named after its prefix is no person or organisation', () => {
    const got = entitiesOf('The aircraft carrier USS Abraham Lincoln sailed on Monday. HMS Queen Elizabeth followed.');
    expect(got).toEqual([]);
  });

  it('an agency between slashes in a dateline is no entity', () => {
    const article = articleFromText('t.txt', 'Headline of the day\n\nOSLO, May 5. /NTB/. Norway said it would help the refugees who arrived on Monday, officials said.\n\nThe aid will arrive soon.\n', lex.boilerplate);
    const got = processArticle(article, lex).entities.map((e) => e.name);
    expect(got).not.toContain('NTB');
    expect(got).toContain('Norway');
  });
});

describe('state bodies', () => {
  it("another state's possessive makes a state-bound body that state's", () => {
    const got = entitiesOf("Pakistan's National Security Council accused India of meddling.");
    expect(got).toContain('Organisation: Pakistani National Security Council');
    expect(got).not.toContain('Organisation: US National Security Council');
  });

  it("a headline's bare ministry is the country's ministry named later", () => {
    const article = articleFromText('t.txt', 'Sanctions block the payment — Foreign Ministry\n\nThe payment was blocked, the Chinese Foreign Ministry said in a statement on Monday.\n', lex.boilerplate);
    const got = processArticle(article, lex).entities.map((e) => e.name);
    expect(got).toContain('Chinese Foreign Ministry');
    expect(got).not.toContain('Foreign Ministry');
  });
});

describe('places, plans and movements are not people', () => {
  it.each([
    ['Settlers moved into the Occupied Northern Territory last year.', 'Occupied Northern Territory'],
    ['The Green Recovery Plan was launched in March.', 'Green Recovery Plan'],
  ])('%s', (text, name) => {
    expect(entitiesOf(text)).not.toContain(`Person: ${name}`);
  });

  it('a brotherhood is an organisation', () => {
    expect(entitiesOf('A movement similar to the Coptic Brotherhood won seats.')).toContain('Organisation: Coptic Brotherhood');
  });
});

describe('page furniture', () => {
  it('a native spelling that is an English head word names no country (Jeju Island)', () => {
    expect(entitiesOf('Ferries left Jeju Island on Sunday after the storm.')).not.toContain('Country: Iceland');
  });

  it('a photo credit ending in DB or Photo is no organisation', () => {
    const got = entitiesOf('Leaders shake hands in Hanoi. (Daily Star DB) The summit ended on Friday, and Vietnam said it was a success.');
    expect(got).not.toContain('Organisation: Daily Star');
    expect(got).toContain('Country: Vietnam');
  });

  it('a page title with the site name after a bar is dropped', () => {
    const article = articleFromText('t.txt', 'Storm hits coast\n\nStorm hits coast | Chile news - #Daily\n\nFloods hit the coast on Monday, and Argentina sent help to the towns.\n', lex.boilerplate);
    expect(article.text).not.toContain('#Daily');
  });

  it('a tagged name does not end in a lower-case word', () => {
    expect(entitiesOf('Timeline of Events and the Context of the Crisis').some((e) => e.endsWith(' of'))).toBe(false);
  });
});

describe('a lone surname of a public figure', () => {
  it('after a verb it is the figure', () => {
    expect(entitiesOf('Lawmakers are asking Obama to act on the bill.')).toContain('Person: Obama');
  });

  it('after an article and a modifier it is a common noun (an occupying Power)', () => {
    expect(entitiesOf('The court said Israel had abused its position as an occupying Power in the area.').some((e) => e.startsWith('Person'))).toBe(false);
  });
});

describe('organisations named in full, then by a short form; organisations of the Phoenix dictionaries', () => {
  const cases: [string, string[], string[]][] = [
    ['The watchdog Observatorio de Derechos Humanos counted 40 arrests. A week after Observatorio’s count, police freed ten people.', ['Organisation: Observatorio de Derechos Humanos'], ['Person: Observatorio']],
    ['The charity Fundación de la Esperanza said it fed 200 families.', ['Organisation: Fundación de la Esperanza'], ['Organisation: Fundación']],
    // Organisations of the dictionaries, as the text spells them.
    ['The Committee to Protect Journalists condemned the arrest of the two reporters.', ['Organisation: Committee to Protect Journalists'], []],
    ['Reporters Without Borders said the editor was held for a week.', ['Organisation: Reporters Without Borders'], []],
    ['The group Human Rights in China said the activist was detained.', ['Organisation: Human Rights in China'], []],
    // A spelling the dictionaries give for an organisation we list is that organisation.
    ['Hizbollah fighters fired rockets on Sunday.', ['Organisation: Hezbollah'], []],
    // Office holders listed among the dictionaries' organisations stay people.
    ['Louise Arbour said the report was fair.', ['Person: Louise Arbour'], ['Organisation: Louise Arbour']],
  ];
  it.each(cases)('%s', (text, present, absent) => {
    const got = entitiesOf(text);
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });
});

describe('parties, bodies named `... International`, bills and papers, titles of officers', () => {
  const cases: [string, string[], string[]][] = [
    ['The Tories criticised the Lib Dems on Monday.', ['Organisation: Conservative Party', 'Organisation: Liberal Democrats'], ['Person: Tories', 'Person: Lib Dems']],
    ['Lib Dem spokesman Tom Ash said the figure was too high.', ['Person: Tom Ash'], ['Person: Lib Dem', 'Person: Lib Dem spokesman Tom Ash']],
    ['Conservative MP Anna Fell said the plan was wrong.', ['Person: Anna Fell'], ['Person: Conservative MP Anna Fell']],
    ['Republican Sen. Tom Ash blocked the bill on Tuesday.', ['Person: Tom Ash'], ['Person: Republican Sen. Tom Ash']],
    ['The Democratic Republic of Congo accused Rwanda of arming the rebels.', ['Country: DR Congo'], ['Organisation: Democratic Party']],
    ['Conservative estimates put the cost at £2bn.', [], ['Organisation: Conservative Party']],
    ['A report by anti-corruption body Transparency International found graft in 40 ministries.', ['Organisation: Transparency International'], ['Person: Transparency International']],
    ['The Gambling Bill was published on Monday, and the Green Paper followed.', [], ['Person: Gambling Bill', 'Organisation: Green Paper', 'Person: Green Paper']],
    ['Pensions officer Tom Ashcrofts said the plan was unfair.', ['Person: Tom Ashcrofts'], ['Organisation: Tom Ashcrofts']],
  ];
  it.each(cases)('%s', (text, present, absent) => {
    const got = entitiesOf(text);
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });
});

describe('organisations named by a head noun and a `for` tail', () => {
  const cases: [string, string][] = [
    ['A report by the Centre for Strategic Studies found the same.', 'Organisation: Centre for Strategic Studies'],
    ['The Union for Progress and Reform rejected the budget.', 'Organisation: Union for Progress and Reform'],
    ['A statement came on Friday from the Alliance for Dialogue in Democracy.', 'Organisation: Alliance for Dialogue in Democracy'],
    // A place after `in` is where the body is, not part of its name.
    ['The Council for Trade Relations in Washington said so.', 'Organisation: Council for Trade Relations'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(entitiesOf(text)).toContain(expected);
  });
});
