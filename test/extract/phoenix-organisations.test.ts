import { describe, expect, it } from 'vitest';
import { phoenixCase, readPhoenixSpellings, readsAsOrganisation, type PhoenixFilter } from '../../src/extract/phoenix-organisations.js';

const filter: PhoenixFilter = {
  orgHeads: new Set(['Council', 'Inc', 'Group', 'Committee']),
  titles: new Map([['Secretary', { kind: 'head' }], ['General', { kind: 'head' }]]),
  givenNames: new Set(['louise', 'jakob']),
  fullNames: new Set(['shoko asahara']),
  keyOf: (t) => t.toLowerCase(),
};

describe('Phoenix organisations', () => {
  it('writes joining words in lower case and fixes the possessive', () => {
    expect(phoenixCase('Committee To Protect Journalists')).toBe('Committee to Protect Journalists');
    expect(phoenixCase("Children'S Place Retail Stores")).toBe("Children's Place Retail Stores");
    expect(phoenixCase('The Hague Group')).toBe('The Hague Group');
  });
  const cases: [string, boolean][] = [
    ['Committee to Protect Journalists', true],
    ['Reporters Without Borders', true], // a plural
    ['Roots of Peace', true], // a joining word
    ['Acme Holdings Inc', true], // a legal form
    ['Honda', false], // one word
    ['Louise Arbour', false], // a given name first
    ['Shoko Asahara', false], // a person named in full
    ['Radda Barnen', false], // nothing marks an institution
    ['Un Secretary General', false], // a title
    ['E Slack', false], // an initial
  ];
  it('gives the spellings that sound like a one-word organisation we list', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/phoenix-');
    const file = `${dir}/orgs.tsv`;
    writeFileSync(file, '# header\nHezbollah\tLBNREB\tHizbollah|Hizballah|Party Of God|Nasrallah\nUnknown Group\tX\tUnknwn\n');
    const ours = (s: string): string | undefined => (s === 'Hezbollah' ? 'Hezbollah' : undefined);
    expect(readPhoenixSpellings(file, ours)).toEqual([
      ['Hezbollah', 'Hizbollah'],
      ['Hezbollah', 'Hizballah'],
    ]);
  });
  it.each(cases)('%s reads as an organisation: %s', (name, expected) => {
    expect(readsAsOrganisation(name, filter)).toBe(expected);
  });
});
