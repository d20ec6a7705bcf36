import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';

const lex = loadLexicons();

function run(text: string): { countries: string[]; affiliations: string[] } {
  const x = extractDocument('t', text, lex);
  return {
    countries: [...new Set(x.entities.filter((e) => e.type === 'Country').map((e) => e.name))].sort(),
    affiliations: x.relations.filter((r) => r.type === 'AFFILIATED_WITH').map((r) => `${r.source} -> ${r.target}`).sort(),
  };
}

describe('a country named only by the demonym of a title is an entity of the article', () => {
  it.each([
    [
      'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.',
      { countries: ['France', 'Germany'], affiliations: ['Emmanuel Macron -> France', 'Olaf Scholz -> Germany'] },
    ],
    // The country named elsewhere: the existing entity, no second one.
    [
      'Australian Prime Minister Scott Morrison praised Australia on Monday.',
      { countries: ['Australia'], affiliations: ['Scott Morrison -> Australia'] },
    ],
    // A demonym of a private occupation makes no affiliation and no country.
    ['The Australian lawyer Jane Smithers said the court erred.', { countries: [], affiliations: [] }],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});
