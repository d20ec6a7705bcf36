import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { loadEntityLexicon } from '../../src/extract/entity-lexicon.js';
import { detectMentions } from '../../src/extract/detect-mentions.js';
import type { Mention } from '../../src/types.js';

const lex = loadEntityLexicon();

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}
function detect(text: string): Mention[] {
  return detectMentions(annotate(text, paragraphs(text)), lex);
}
const names = (ms: Mention[]): string[] => ms.filter((m) => m.kind !== 'pronoun' && m.kind !== 'title').map((m) => `${m.type}:${m.name}`);

describe('detectMentions: entities a sentence must give (type, name, surface)', () => {
  const cases: [string, string, [string, string, string][]][] = [
    ['title words stripped, demonym gives no country', 'Russian Foreign Minister Sergei Lavrov spoke to reporters.', [['Person', 'Sergei Lavrov', 'Sergei Lavrov']]],
    ['org then title then name', 'State Department spokesman Ned Price said the talks were useful.', [['Organisation', 'US State Department', 'State Department'], ['Person', 'Ned Price', 'Ned Price']]],
    ['capital acting as subject', 'Lavrov said that Washington now had the initiative.', [['Person', 'Lavrov', 'Lavrov'], ['Country', 'United States', 'Washington']]],
    ['administration metonym by demonym', 'The talks continued while the Russian administration kept silent.', [['Country', 'Russia', 'the Russian administration']]],
    ['administration metonym by a known leader', 'Critics said the Macron government had waited too long.', [['Country', 'France', 'the Macron government']]],
    ['the US side', 'Officials said the US side had agreed to meet again.', [['Country', 'United States', 'US'], ['Country', 'United States', 'the US side']].slice(1) as [string, string, string][]],
    ['outlet named after a capital is an organisation', 'The report was first published by The Washington Post on Monday.', [['Organisation', 'The Washington Post', 'The Washington Post']]],
    ['White House alone is an organisation (the determiner is not part of the mention)', 'The White House said it was monitoring the situation.', [['Organisation', 'White House', 'White House']]],
    ['acronym after its expansion', 'The Associated Press (AP) reported the move.', [['Organisation', 'Associated Press', 'Associated Press'], ['Organisation', 'Associated Press', 'AP']]],
    ['head-noun organisation', 'The Ukrainian Interior Ministry said three people were hurt.', [['Organisation', 'Ukrainian Interior Ministry', 'Ukrainian Interior Ministry']]],
    ['possessive country qualifies a bare ministry', 'In a statement released by China’s Foreign Ministry, officials spoke of calm.', [['Organisation', 'Chinese Foreign Ministry', 'China’s Foreign Ministry']]],
    ['ISO code and official name', 'The U.S. and the Russian Federation signed the treaty.', [['Country', 'United States', 'U.S.'], ['Country', 'Russia', 'Russian Federation']]],
    ['plural demonym as the state', 'If the Russians agree, talks could resume.', [['Country', 'Russia', 'Russians']]],
    ['hyphenated surname', 'US Ambassador to the UN Linda Thomas-Greenfield spoke first.', [['Country', 'United States', 'US'], ['Organisation', 'United Nations', 'UN'], ['Person', 'Linda Thomas-Greenfield', 'Linda Thomas-Greenfield']]],
    ['no period tail', 'Kenya has applied to join NATO.', [['Country', 'Kenya', 'Kenya'], ['Organisation', 'NATO', 'NATO']]],
    ['hyphenated organisation with a head noun', 'Officers from the National Hi-Tech Crime Unit made arrests.', [['Organisation', 'National Hi-Tech Crime Unit', 'National Hi-Tech Crime Unit']]],
    ['police title stripped', 'Detective Chief Superintendent Mick Deats said more arrests were likely.', [['Person', 'Mick Deats', 'Mick Deats']]],
    ['possessive tail removed', 'Merkel’s successor, Olaf Scholz, visited.', [['Person', 'Olaf Scholz', 'Olaf Scholz']]],
    ['initial and surname', 'On Friday, S. Waugh made 50 before lunch.', [['Person', 'S. Waugh', 'S. Waugh']]],
    ['a name the tagger takes for a verb, and its surname later', 'Republican challenger Bob Dole said on Monday that taxes were too high. Dole added that he would cut them.', [['Person', 'Bob Dole', 'Bob Dole'], ['Person', 'Dole', 'Dole']]],
    ['surname in an all-capital headline', 'DURAN WINS AGAIN\nThe boxer Roberto Duran won on points.', [['Person', 'Roberto Duran', 'Roberto Duran'], ['Person', 'DURAN', 'DURAN']]],
    ['club: a town and a club word', 'Cambridge United beat Sheffield United 2-1 on Saturday.', [['Organisation', 'Cambridge United', 'Cambridge United'], ['Organisation', 'Sheffield United', 'Sheffield United']]],
    ['club: a club word and a capital', 'Real Madrid signed a new coach on Friday.', [['Organisation', 'Real Madrid', 'Real Madrid']]],
    ['team: a big town and a plural', 'The Seattle Mariners beat the Texas Rangers on Sunday.', [['Organisation', 'Seattle Mariners', 'Seattle Mariners'], ['Organisation', 'Texas Rangers', 'Texas Rangers']]],
    ['company with a legal-form suffix', 'Shares in Mercantile Bancorp Inc rose after the bid.', [['Organisation', 'Mercantile Bancorp Inc', 'Mercantile Bancorp Inc']]],
    ['unknown acronym in running text', 'Officials of the FOMC met on Tuesday to discuss rates.', [['Organisation', 'FOMC', 'FOMC']]],
    ['determiner outside an acronym organisation', 'The U.N. said the aid would arrive.', [['Organisation', 'United Nations', 'U.N.']]],
    ['a demonym before a state group that acts is the state', 'Ukrainian lawmakers on Tuesday endorsed the agreement, and Russian troops quickly massed near the border.', [['Country', 'Ukraine', 'Ukrainian'], ['Country', 'Russia', 'Russian']]],
    ['garbled casing still names a country', 'Officials said uKraine and iSrael had agreed.', [['Country', 'Ukraine', 'uKraine'], ['Country', 'Israel', 'iSrael']]],
    ['two particles inside a name', 'Captain Joost van der Westhuizen and Fernando de la Rua met.', [['Person', 'Joost van der Westhuizen', 'Joost van der Westhuizen'], ['Person', 'Fernando de la Rua', 'Fernando de la Rua']]],
    ['Korean given names with a lower-case part', 'Seoul asked for the return of Kim In-so and Li Song-ho.', [['Person', 'Kim In-so', 'Kim In-so'], ['Person', 'Li Song-ho', 'Li Song-ho']]],
    ['names joined by lower-case particles', 'The bowlers were Wasim Akram and Ata-ur-Rehman.', [['Person', 'Ata-ur-Rehman', 'Ata-ur-Rehman']]],
    ['a quoted nickname inside a name, and the surname later', 'Veteran boxer Hector " Macho " Camacho won again. Camacho , 40 , said he felt young.', [['Person', 'Hector " Macho " Camacho', 'Hector " Macho " Camacho'], ['Person', 'Camacho', 'Camacho']]],
    ['British and American spellings match one lexicon entry', 'Monitors from the Organisation for Security and Cooperation in Europe arrived.', [['Organisation', 'Organization for Security and Co-operation in Europe', 'Organisation for Security and Cooperation in Europe']]],
    ['a longer phrase after `the` wins over one with it', 'The U.N. Security Council met on Monday.', [['Organisation', 'United Nations Security Council', 'U.N. Security Council']]],
    ['a lexicon name does not end in a lower-case word', 'Officials told the Yonhap news agency that talks would resume.', [['Organisation', 'Yonhap', 'Yonhap']]],
    ['unless the lexicon lists it in lower case', 'He said the Western military alliance should stop expanding.', [['Organisation', 'NATO', 'Western military alliance']]],
    ['a person of a company: the company is what follows `of`', 'Economist Maria Lopez of First Union said rates would rise.', [['Person', 'Maria Lopez', 'Maria Lopez'], ['Organisation', 'First Union', 'First Union']]],
    ['a common noun before `of` is not part of the company', 'Shares of Harbor & Lane Co rose 4 percent.', [['Organisation', 'Harbor & Lane Co', 'Harbor & Lane Co']]],
    ['two companies joined by `and`', 'Acme Controls Inc and Lear Corp signed the deal.', [['Organisation', 'Acme Controls Inc', 'Acme Controls Inc'], ['Organisation', 'Lear Corp', 'Lear Corp']]],
    ['a head noun, `of`, and a name', 'The Bank of England and the Department of Trade and Industry agreed.', [['Organisation', 'Bank of England', 'Bank of England'], ['Organisation', 'Department of Trade and Industry', 'Department of Trade and Industry']]],
    ['`and` before another head-of name or a country ends the name', 'The University of Michigan and Bank of America backed the Ministry of Defence and Russia.', [['Organisation', 'University of Michigan', 'University of Michigan'], ['Organisation', 'Bank of America', 'Bank of America'], ['Organisation', 'Ministry of Defence', 'Ministry of Defence'], ['Country', 'Russia', 'Russia']]],
  ];
  for (const [label, text, expected] of cases) {
    it(label, () => {
      const ms = detect(text).filter((m) => m.kind !== 'pronoun' && m.kind !== 'title');
      for (const [type, name, surface] of expected) {
        expect(ms.some((m) => m.type === type && m.name === name && m.text === surface), `${type} ${name} "${surface}" in ${JSON.stringify(ms.map((m) => [m.type, m.name, m.text]))}`).toBe(true);
      }
      for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }
});

describe('detectMentions: what a sentence must NOT give', () => {
  const cases: [string, string, string[]][] = [
    ['city used as a place', 'The ministers met in Geneva last week.', ['Geneva']],
    ['capital as a place', 'Blinken arrived in Berlin on Thursday.', ['Germany', 'Berlin']],
    ['capital in a newspaper name', 'The Washington Post reported it first.', ['United States']],
    ['capital as a noun modifier', 'The call ended late at night (Moscow time).', ['Russia']],
    ['months and weekdays', 'On Tuesday, January talks ended.', ['Tuesday', 'January']],
    ['generic groups', 'Western nations and the West rejected the plan.', ['Western', 'West']],
    ['demonym before a title', 'The Russian Foreign Minister was absent.', ['Russia']],
    ['photo credit', 'Photo: JOHN SMITH / AFP / Getty Images', ['Agence France-Presse', 'JOHN SMITH', 'Getty Images']],
    ['boilerplate', 'Related Posts\n\nLeave a Reply', ['Related Posts', 'Reply']],
    ['a state name inside a longer place name', 'The suspects were arrested in New Jersey on Friday.', ['Jersey']],
    ['dependencies are not states', 'The bank moved its office to Jersey.', ['Jersey']],
    ['an event is not a person', 'Australia won the World Cup and the Hong Kong Open in the same year.', ['World Cup', 'Hong Kong Open']],
    ['a multi-word place is not a person', 'Crowds gathered in Hong Kong and San Diego on Sunday.', ['Hong Kong', 'San Diego']],
    ['a landmark is not a person', 'Students marched on Tiananmen Square and Wall Street.', ['Tiananmen Square', 'Wall Street']],
    ['units, time zones and treaties are not organisations', 'The GDP figures came out at 10 GMT, the CEO said of the New START talks.', ['GDP', 'GMT', 'CEO', 'START']],
    ['an all-capital headline gives no acronym organisations', 'TENNIS - RESULTS AT HAMBURG OPEN', ['TENNIS', 'RESULTS', 'HAMBURG', 'OPEN']],
    ['a demonym before a title, a name or a group that does not act is no country', 'Russian Foreign Minister Sergei Lavrov met Russian officials in the Russian troops’ barracks.', ['Country:Russia']],
    ['a known surname, or a noun after the country, keeps the country apart', 'Secretary Blinken Ukraine talks resumed, and Sen. Tom Chad talks too.', ['Blinken Ukraine', 'Tom Chad']],
    ['a hyphenated compound after a name is no name', 'Soviet-era tanks and Smith-like tactics met Kremlin-backed forces.', ['Smith-like', 'Soviet-era']],
    ['a territory ending in a head word is no organisation', 'Troops moved into the West Bank and the Gaza Strip overnight.', ['West Bank', 'Gaza Strip']],
    ['a territory is no person', 'Lebed flew to Chechnya on Monday. Chechnya was calm.', ['Person:Chechnya']],
  ];
  for (const [label, text, banned] of cases) {
    it(label, () => {
      const got = names(detect(text).filter((m) => m.confidence >= 0.5));
      for (const b of banned) expect(got.some((g) => g.endsWith(`:${b}`) || g.includes(b)), `${b} in ${got.join(', ')}`).toBe(false);
    });
  }
});

describe('detectMentions: roles and affiliations', () => {
  const cases: [string, string, string, string | undefined, string | undefined][] = [
    ['Russian Foreign Minister Sergei Lavrov arrived.', 'Sergei Lavrov', 'Foreign Minister', 'Russia', 'Country'],
    ['State Department spokesman Ned Price spoke.', 'Ned Price', 'spokesman', 'US State Department', 'Organisation'],
    ['Russia’s ambassador to the United Nations, Vasily Nebenzia, objected.', 'Vasily Nebenzia', 'ambassador to the United Nations', 'Russia', 'Country'],
    ['US Ambassador to the UN Linda Thomas-Greenfield objected.', 'Linda Thomas-Greenfield', 'Ambassador to the UN', 'United States', 'Country'],
    ['U.S. Secretary of State Antony Blinken warned Moscow.', 'Antony Blinken', 'Secretary of State', 'United States', 'Country'],
    ['Secretary Blinken spoke with him.', 'Blinken', 'Secretary', undefined, undefined],
    ['French President Emmanuel Macron called.', 'Emmanuel Macron', 'President', 'France', 'Country'],
    ['Gov. Chris Christie spoke first.', 'Chris Christie', 'Gov.', undefined, undefined],
    ['Councillor Greta Lindqvist objected.', 'Greta Lindqvist', 'Councillor', undefined, undefined],
    // After a title, a given name and a country's name are one person.
    ['Rep. Jim Jordan said the vote would wait.', 'Jim Jordan', 'Rep.', undefined, undefined],
    // AP style writes the title's tail in lower case.
    ['US Secretary of state Antony Blinken warned Moscow.', 'Antony Blinken', 'Secretary of state', 'United States', 'Country'],
  ];
  for (const [text, name, role, aff, affType] of cases) {
    it(text, () => {
      const m = detect(text).find((x) => x.type === 'Person' && x.name === name);
      expect(m).toBeDefined();
      expect(m?.role).toBe(role);
      expect(m?.affiliation).toBe(aff);
      expect(m?.affiliationType).toBe(affType);
    });
  }
});

describe('detectMentions: titles and pronouns for the resolver', () => {
  it('gives bare titles with their affiliation, and subject/object pronouns', () => {
    const ms = detect('The secretary urged restraint. The Russian minister said he would reply to her. She left.');
    const titles = ms.filter((m) => m.kind === 'title');
    expect(titles.map((m) => [m.text, m.affiliation])).toEqual([
      ['The secretary', undefined],
      ['The Russian minister', 'Russia'],
    ]);
    expect(ms.filter((m) => m.kind === 'pronoun').map((m) => m.text)).toEqual(['he', 'her', 'She']);
  });
  it('keeps an organisation named before a title as its own mention', () => {
    const ms = detect('The National Security Council spokeswoman said the talks went well.');
    expect(ms.map((m) => [m.kind, m.text, m.name])).toEqual([
      ['name', 'National Security Council', 'US National Security Council'],
      ['title', 'spokeswoman', 'spokeswoman'],
    ]);
    expect(ms[1]?.affiliation).toBe('US National Security Council');
  });
  it('does not take a possessive her or an indefinite title', () => {
    const ms = detect('A Kremlin spokesman praised her courage.');
    expect(ms.filter((m) => m.kind === 'pronoun' || m.kind === 'title')).toEqual([]);
  });
  it('returns mentions sorted and non-overlapping', () => {
    const ms = detect('US President Joe Biden told the Kremlin that Washington and NATO stand with Ukraine, the White House said.');
    for (let k = 1; k < ms.length; k++) expect((ms[k] as Mention).start).toBeGreaterThanOrEqual((ms[k - 1] as Mention).end);
  });
});

describe('detectMentions: memos kept per token and per lexicon change no output', () => {
  const texts = [
    'US Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva. Blinken said the Biden administration would respond.',
    'The Organization for Security and Co-operation in Europe said the European Union and NATO backed the Ukrainian Interior Ministry.',
    'Surrey beat Kent by five wickets. Surrey captain Chris Lewis took four wickets, and the Mets lost at home.\nPohang 3 Ulsan 2\nLeeds v Chelsea',
    'Shares of Magna rose after the airline El Al took a stake in Rabobank. Pirelli SpA and NationsBank Corp. gained; Pirelli led.',
    'KENYA TALKS RESUME\nKenyan President Daniel Arap Moi spoke. The Moi government and the Smith administration denied it.\n(Photo: Reuters)',
  ];
  it('gives each text the same mentions alone, after the others and in reverse order', () => {
    const alone = texts.map((t) => JSON.stringify(detect(t)));
    for (const order of [[0, 1, 2, 3, 4, 0, 2], [4, 3, 2, 1, 0, 3, 4]]) {
      for (const k of order) expect(JSON.stringify(detect(texts[k] as string))).toBe(alone[k]);
    }
  });
  it('matches no lexicon phrase across a sentence end, though the phrases from that token were found without a bound', () => {
    const ms = detect('Fans in the city cheered for United. Nations across Europe agreed on the plan.');
    expect(names(ms)).not.toContain('Organisation:United Nations');
  });
  it('finds a long lexicon phrase whole after other scans asked for it within shorter bounds', () => {
    // The metonym scan asks for a phrase within four tokens, the lexicon scan within the sentence.
    const ms = detect('The Organization for Security and Co-operation in Europe government and the US government met.');
    expect(names(ms)).toContain('Organisation:Organization for Security and Co-operation in Europe');
  });
});

describe('detectMentions: a metonym named by a person (`the Moi government`) is named once the article is scanned', () => {
  const metonyms = (text: string): string[] => detect(text).filter((m) => m.kind === 'metonym').map((m) => `${m.name} <- ${m.text}`);
  const cases: [string, string, string[]][] = [
    ['the country of the person the article names', 'Kenyan President Daniel Arap Moi spoke. The Moi government denied it.', ['Kenya <- The Moi government']],
    ['the person named only after the metonym', 'The Moi government denied it. Kenyan President Daniel Arap Moi spoke.', ['Kenya <- The Moi government']],
    ['an unknown person names no state', 'Critics said the Smith administration had waited too long.', []],
  ];
  it.each(cases)('%s', (_title, text, expected) => {
    expect(metonyms(text)).toEqual(expected);
  });
});
