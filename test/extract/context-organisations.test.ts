import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { loadEntityLexicon } from '../../src/extract/entity-lexicon.js';
import { detectMentions } from '../../src/extract/detect-mentions.js';
import type { Mention } from '../../src/types.js';

const lex = loadEntityLexicon();

function paragraphs(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}
const detect = (text: string): Mention[] => detectMentions(annotate(text, paragraphs(text)), lex);
const typed = (ms: Mention[]): string[] => ms.filter((m) => m.kind !== 'pronoun' && m.kind !== 'title').map((m) => `${m.type}:${m.text}`);

describe('typeContextOrganisations: names in results, standings and price rows are organisations', () => {
  const cases: [string, string, string[], string[]][] = [
    // [what, text, must contain, must not contain]
    ['results row: both sides are teams, even when they are towns', 'Football results on Saturday:\nLeeds 2 Sheffield 1\nWigan 0 Bolton 0', ['Organisation:Leeds', 'Organisation:Sheffield', 'Organisation:Wigan', 'Organisation:Bolton'], []],
    ['results row with a note in parentheses', 'Results of the cup ties:\nMaribor 3 Celje 1 ( halftime 2-0 )', ['Organisation:Maribor', 'Organisation:Celje'], []],
    ['standings row: a name then numbers', 'Standings after the weekend:\nP W D L Pts\nDenver 10 7 2 1 23\nSAN ANTONIO 10 6 1 3 19', ['Organisation:Denver', 'Organisation:SAN ANTONIO'], []],
    ['price row: a company then prices', 'Closing prices in rupees:\nTata Motors 412.50 415.00\nInfosys 1,502 1,498', ['Organisation:Tata Motors', 'Organisation:Infosys'], ['Person:Tata Motors']],
    ['fixtures: home v away', 'Fixtures for Saturday:\nLeeds v Chelsea\nDENVER AT PHOENIX', ['Organisation:Leeds', 'Organisation:Chelsea', 'Organisation:DENVER', 'Organisation:PHOENIX'], []],
    ['a country in a table stays a country', 'Medal table:\nKenya 5 3 2\nEthiopia 4 4 1', ['Country:Kenya', 'Country:Ethiopia'], ['Organisation:Kenya', 'Organisation:Ethiopia']],
    ['an athlete with a country in parentheses is not a team', 'Leading scores:\n201 Anna Lindqvist ( Sweden ) 66 67 68', ['Country:Sweden'], ['Organisation:Anna Lindqvist']],
    ['a dateline is not a table row', 'DENVER 2021-03-04\nThe mayor of Denver opened the new library on Thursday.', [], ['Organisation:DENVER', 'Organisation:Denver']],
    ['prose with numbers is not a table row', 'Denver grew by 4 percent in 12 months, the census said.', [], ['Organisation:Denver']],
    ['one sense per article: a team of the table is a team in the prose', 'Results:\nWigan 3 Bolton 1\nWigan moved up to fourth place after the win.', ['Organisation:Wigan'], []],
    ['after a place preposition the town stays a place', 'Results:\nWigan 3 Bolton 1\nThe match was played in Wigan before 8,000 fans.', [], ['Organisation:Wigan before']],
  ];
  for (const [what, text, must, mustNot] of cases) {
    it(what, () => {
      const got = typed(detect(text));
      for (const m of must) expect(got, what).toContain(m);
      for (const m of mustNot) expect(got, what).not.toContain(m);
    });
  }
  it('the town after a place preposition is not typed an organisation', () => {
    const text = 'Results:\nWigan 3 Bolton 1\nThe match was played in Wigan before 8,000 fans.';
    const ms = detect(text);
    const second = text.lastIndexOf('Wigan');
    expect(ms.find((m) => m.start === second)?.type).not.toBe('Organisation');
  });
});

describe('typeContextOrganisations: in a sports report a town or region named as an actor is a team', () => {
  const report =
    'Durham beat Somerset by six wickets on Friday to stay top of the championship table.\n' +
    'Somerset captain Tom Abell, bowled for 12 in the second innings, said the pitch had been hard for batsmen.\n' +
    'The match was played at Taunton, and the next one is in Durham.';
  it('teams as subject, object and before a role word; places after prepositions stay places', () => {
    const ms = detect(report);
    const at = (surface: string, from = 0): Mention | undefined => ms.find((m) => m.start === report.indexOf(surface, from));
    expect(at('Durham')?.type).toBe('Organisation');
    expect(at('Somerset')?.type).toBe('Organisation');
    expect(at('Somerset captain')?.type).toBe('Organisation');
    expect(ms.find((m) => m.text === 'Tom Abell')?.type).toBe('Person');
    expect(at('Taunton')?.type).not.toBe('Organisation');
    expect(at('Durham', report.indexOf('is in'))?.type).not.toBe('Organisation');
  });
  it('a town with a club word that also ends place names is a club only in a sports report', () => {
    const sports = 'Derby County beat Walsall 2-1 after a halftime goal, and the striker said the standings were tight.';
    expect(typed(detect(sports))).toContain('Organisation:Derby County');
    expect(typed(detect('Police in Fairfax County arrested two men.')).filter((m) => m.startsWith('Organisation:'))).toEqual([]);
  });
  it('the same sentence outside a sports report gives no organisation', () => {
    const text = 'Durham voted on Friday to keep the old bus routes, and Somerset is expected to follow.';
    expect(detect(text).filter((m) => m.type === 'Organisation')).toEqual([]);
  });
  it('a surname of a person named in full stays the person', () => {
    const text = 'Juan Ferguson hit two homers as the pitchers struggled in the playoff game.\nFerguson said the standings did not matter yet.';
    const ms = detect(text);
    expect(ms.filter((m) => m.text === 'Ferguson').map((m) => m.type)).toEqual(['Person']);
  });
});

describe('typeContextOrganisations: companies by the words around them', () => {
  const cases: [string, string, string[], string[]][] = [
    ['a business noun before the name', 'Shares of the packaging company Verolux S.A. fell, and the airline Sky Atlas cut fares.', ['Organisation:Verolux S.A.', 'Organisation:Sky Atlas'], ['Person:Sky Atlas']],
    ['shares or a chief executive after the name', 'Brenntag shares rose 3 percent. Velora CEO Anna Berg said demand was strong.', ['Organisation:Brenntag', 'Organisation:Velora', 'Person:Anna Berg'], []],
    ['the object of a stake or a takeover', 'The fund bought a stake in Norvik and later a takeover of Halden & Moss was agreed.', ['Organisation:Norvik', 'Organisation:Halden & Moss'], []],
    ['a country inside a company name is part of it', 'Air Baltica shares fell after the strike.', ['Organisation:Air Baltica'], []],
    ['one sense per article: the bare name later is the company', 'Marvik shares rose on Monday. Marvik expects a better second half.', ['Organisation:Marvik'], ['Person:Marvik']],
    ['a cue word next to a known country or a person with a title changes nothing', 'Russia shares its border with Norway. Prime Minister Tom Harlow chairman of the panel spoke.', ['Country:Russia', 'Person:Tom Harlow'], ['Organisation:Russia', 'Organisation:Tom Harlow']],
    ['a sentence-opening common word is not part of the name', 'Analysts expect Norvik shares to rise.', ['Organisation:Norvik'], ['Organisation:Analysts expect Norvik']],
    ['a paper named before newspaper or daily, an agency after agency', 'The Tageslicht newspaper said the talks failed, the state news agency Norpress reported.', ['Organisation:Tageslicht', 'Organisation:Norpress'], []],
    ['a paper with of the in its name; an adjective before newspapers or daily is none', 'A survey for the Voice of the North newspaper came out. Two Scottish newspapers and a 20 Ecu daily fee were cited.', ['Organisation:Voice of the North'], ['Organisation:Scottish', 'Organisation:Ecu', 'Organisation:North']],
    ['a person\'s newspaper is no company, and a weekday after agency is no name', 'Hana Dorsey\'s newspaper was shut, the agency Saturday said.', ['Person:Hana Dorsey'], ['Organisation:Hana Dorsey', 'Organisation:Saturday']],
  ];
  for (const [what, text, must, mustNot] of cases) {
    it(what, () => {
      const got = typed(detect(text));
      for (const m of must) expect(got, what).toContain(m);
      for (const m of mustNot) expect(got, what).not.toContain(m);
    });
  }
});

describe('typeContextOrganisations: in a sports report a name beside a sports cue is a team', () => {
  const cases: [string, string, string[], string[]][] = [
    // [what, text, must contain, must not contain]
    ['subject and object of beat', 'Valdora beat Kestrel 3-1 after a halftime goal from their striker kept them top of the standings.', ['Organisation:Valdora', 'Organisation:Kestrel'], []],
    ['the object of a win over and of joined', 'The midfielder, who joined Brenfold last season, scored twice in the 2-0 win over Castamar as the standings tightened after halftime.', ['Organisation:Brenfold', 'Organisation:Castamar'], []],
    ['a name before coach or its possessive before striker', 'Ostrava coach Lena Holm praised the goalkeeper after the halftime break. Marlowe\'s striker missed a penalty in the playoff.', ['Organisation:Ostrava', 'Organisation:Marlowe'], []],
    ['an all-capital headline', 'SOCCER - VALDORA BEAT KESTREL IN SEMIFINAL .\nValdora scored twice before halftime, and the goalkeeper made three saves in the playoff.', ['Organisation:VALDORA', 'Organisation:KESTREL'], []],
    ['a nation with its own side stays a nation', 'England beat Moldova 2-0 before halftime in the qualifier, and the striker said the standings were tight.', [], ['Organisation:England', 'Organisation:Moldova']],
    ['a player named in full stays a person', 'Tom Rydell beat the goalkeeper at the near post before halftime, and the playoff standings changed.', ['Person:Tom Rydell'], ['Organisation:Tom Rydell']],
    ['a tennis player named in full, a leading opener and an age group are no teams', 'Dario Velk beat Tom Arno 6-3 6-4 in the semifinal before the doubles. Former captain Ian Roe said the Under-18 side was unbeaten in the playoff standings.', ['Person:Dario Velk'], ['Organisation:Dario Velk', 'Organisation:Tom Arno', 'Organisation:Former', 'Organisation:Under-18']],
    ['fixture list: a name beside v', 'Tour itinerary for the cricket season:\nMay 17 v Hallam\nPostponed : Brixley v Norcott , Amberfield v', ['Organisation:Hallam', 'Organisation:Brixley', 'Organisation:Norcott', 'Organisation:Amberfield'], []],
    ['a league before a noun is no team', 'Hartvale have drawn with the Premiership leaders and face a playoff after the halftime standings.', [], ['Organisation:Premiership']],
    ['a capital V in a line of names is an initial', 'Teams for the rugby semifinal after halftime in the playoff:\nS Ardo ( NZ ) , V Kemble ( SA ) , J Tarn ( Aus )', [], ['Organisation:S Ardo', 'Organisation:Kemble']],
    ['a results row with countries in parentheses', 'Basketball results on Saturday:\nAlder ( Germany ) 75 Partica ( Greece ) 70', ['Organisation:Alder', 'Organisation:Partica', 'Country:Germany'], []],
  ];
  for (const [what, text, must, mustNot] of cases) {
    it(what, () => {
      const got = typed(detect(text));
      for (const m of must) expect(got, what).toContain(m);
      for (const m of mustNot) expect(got, what).not.toContain(m);
    });
  }
  it('outside a sports report the cues change nothing', () => {
    const text = 'Valdora beat Kestrel in the race for the regional grant, the council said.';
    expect(detect(text).filter((m) => m.type === 'Organisation')).toEqual([]);
  });
});

describe('typeContextOrganisations: team nicknames in a sports report', () => {
  it('a capitalised plural in a sports report is a team, outside one it is not', () => {
    const sports = 'The Hornets beat the Comets 98-91 in the playoff opener, and the halftime standings favoured the Hornets.';
    expect(typed(detect(sports))).toContain('Organisation:Hornets');
    expect(typed(detect(sports))).toContain('Organisation:Comets');
    const politics = 'The Hornets and the Comets are two veterans groups that met the mayor on Monday.';
    expect(typed(detect(politics)).filter((m) => m.startsWith('Organisation:'))).toEqual([]);
  });
  it('demonym plurals and places stay what they are', () => {
    const text = 'The Russians beat the Canadians in the semifinal after the halftime break, said the referee in Helsinki.';
    const got = typed(detect(text));
    expect(got.filter((m) => m.startsWith('Organisation:'))).toEqual([]);
  });
});

describe('typeContextOrganisations: groups named by the words around them', () => {
  const cases: [string, string, string[], string[]][] = [
    // [what, text, must contain, must not contain]
    ['an apposition headed by an organisation noun', 'Police blamed Jund al-Nasr, an Islamist-linked organization, for the blast.', ['Organisation:Jund al-Nasr'], ['Person:Jund al-Nasr']],
    ['an apposition headed by a group noun', 'The attack was claimed by Ansar Beit, a militant group based in the north.', ['Organisation:Ansar Beit'], ['Person:Ansar Beit']],
    ['an apposition about a person stays a person', 'The talks were led by Maria Ortega, a lawyer from Madrid.', ['Person:Maria Ortega'], ['Organisation:Maria Ortega']],
    ['a non-governmental organisation after its cue, with its joining words', 'Rights NGO Centro de Justicia said 40 people were held.', ['Organisation:Centro de Justicia'], []],
    ['a party named with its lower-case head, and again alone', 'Voters chose the Nidaa party in the spring. Nidaa then formed a coalition.', ['Organisation:Nidaa'], ['Person:Nidaa']],
  ];
  for (const [what, text, must, mustNot] of cases) {
    it(what, () => {
      const got = typed(detect(text));
      for (const m of must) expect(got, what).toContain(m);
      for (const m of mustNot) expect(got, what).not.toContain(m);
    });
  }
});
