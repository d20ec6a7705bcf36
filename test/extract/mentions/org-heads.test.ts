import { describe, expect, it } from 'vitest';
import { emitHeadOrg, orgHeadRunAt } from '../../../src/extract/mentions/org-heads.js';
import { scanOf, spanText } from './scan-helper.js';

describe('orgHeadRunAt: a capitalised run ending in a head noun', () => {
  const cases: [string, string, string | undefined][] = [
    ['Members of the National Security Council met.', 'National', 'National Security Council'],
    ['A letter from the Ministry of Foreign Affairs came.', 'Ministry', 'Ministry of Foreign Affairs'],
    ['Analysts at the Bank of England warned.', 'Bank', 'Bank of England'],
    ['Farmers in the West Bank protested.', 'West', undefined],
    ['Economist Joel Naroff of First Union said so.', 'Economist', undefined],
    ['The U.N. Office for the Coordination of Humanitarian Affairs estimates the toll.', 'U.N.', 'U.N. Office for the Coordination of Humanitarian Affairs'],
    ['The EU Council agreed on Monday.', 'EU', 'EU Council'],
    ['TALKS COUNCIL MEETS', 'TALKS', undefined],
    ["The Overseas Writers' Club of Lisbon said so.", 'Overseas', "Overseas Writers' Club of Lisbon"],
    ["Delegates of the Workers' Party met.", 'Workers', "Workers' Party"],
    ['The U.N. Mission in Liberia said it sheltered civilians.', 'U.N.', 'U.N. Mission in Liberia'],
    ['The EU Mission in Geneva said so.', 'EU', 'EU Mission'],
    ['The Interior Ministry in Russia said so.', 'Interior', 'Interior Ministry'],
    ['The Civic Platform named its candidate.', 'Civic', 'Civic Platform'],
    ['But Home Office officials said no.', 'But', undefined],
    ['However Labour Party members spoke.', 'Labour', 'Labour Party'],
    ['A spokesman for the International Stabilisation Force said so.', 'International', 'International Stabilisation Force'],
    ['Bank of Utopia Governor Jane Doe said rates would rise.', 'Bank', 'Bank of Utopia'],
    ['-- Ann Vale , Lagos Newsroom +234 1 555 0100', 'Lagos', 'Lagos Newsroom'],
    ['Reporting by the Chicago Metals Desk.', 'Chicago', 'Chicago Metals Desk'],
  ];
  it.each(cases)('%s', (sentence, first, org) => {
    const { s, at, last } = scanOf(sentence);
    const run = orgHeadRunAt(s, at(first), last);
    expect(run && spanText(s, run.first, run.last)).toBe(org);
  });
  it('a possessive country before the run qualifies the organisation', () => {
    const { s, at, last } = scanOf("China's Foreign Ministry issued a statement.");
    const run = orgHeadRunAt(s, at('Foreign'), last);
    emitHeadOrg(s, run?.first ?? 0, run?.last ?? 0);
    expect(s.drafts.map((d) => [d.name, d.affiliation])).toEqual([['Foreign Ministry', 'China']]);
  });
});
