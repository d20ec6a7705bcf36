import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { createTextGraph, nastyText } from './nasty.js';
import { EDGE_COLUMNS, QUOTE_COLUMNS, neutraliseCell, toEdgesCsv, toQuotesCsv } from '../../src/export/to-flat-csv.js';

const read = (csv: string): Record<string, string>[] => parse(csv, { columns: true, relax_quotes: false }) as Record<string, string>[];

/** How a spreadsheet reads a cell back: a leading apostrophe is shown as nothing. */
const asShown = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);
/** What a file can hold of a JS string: lone surrogates become U+FFFD. */
const wellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('edges.csv and quotes.csv', () => {
  it('match the golden files for the basic graph', async () => {
    await expect(toEdgesCsv(createBasicGraph())).toMatchFileSnapshot('../golden/edges.csv');
    await expect(toQuotesCsv(createBasicGraph())).toMatchFileSnapshot('../golden/quotes.csv');
  });

  it('have names, types, evidence, article, date, confidence and rule columns; one row per act or quotation', () => {
    const g = createBasicGraph();
    const edges = read(toEdgesCsv(g));
    expect(Object.keys(edges[0]!)).toEqual([...EDGE_COLUMNS]);
    const relationEdges = g.filterEdges((_k, e) => !['MENTIONED_IN', 'SAID', 'SAID_TO'].includes(e.type));
    expect(edges).toHaveLength(relationEdges.length);
    expect(edges.find((r) => r.start === '70')).toMatchObject({
      source: 'Antony Blinken', source_type: 'Person', type: 'URGED', target: 'Russia', target_type: 'Country', article: 'a1.txt',
      date: '2026-03-03', date_precision: 'day', date_text: 'on Tuesday', confidence: '0.8', rule: 'verb.urge',
    });
    const quotes = read(toQuotesCsv(g));
    expect(Object.keys(quotes[0]!)).toEqual([...QUOTE_COLUMNS]);
    expect(quotes).toEqual([expect.objectContaining({ speaker: 'Antony Blinken', speaker_type: 'Person', addressee: 'Sergei Lavrov', date: '2026-03-05', article: 'a1.txt', rule: 'quote.speech-verb' })]);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ["'tis", "''tis"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises %j as %j', (value, cell) => {
    expect(neutraliseCell(value)).toBe(cell);
  });

  it('property: any text parses back as one cell that starts with no formula character and reads as the text', () => {
    fc.assert(
      fc.property(nastyText, nastyText, nastyText, (name, quote, evidence) => {
        const g = createTextGraph({ name: name || 'x', aliases: [], quote, evidence, cue: '=cue', file: 'f.txt' });
        const edges = read(toEdgesCsv(g));
        const quotes = read(toQuotesCsv(g));
        expect(edges).toHaveLength(1);
        expect(quotes).toHaveLength(1);
        for (const row of [...edges, ...quotes]) {
          for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        expect(asShown(edges[0]!.source!)).toBe(wellFormed(name || 'x'));
        expect(asShown(edges[0]!.evidence!)).toBe(wellFormed(evidence));
        expect(asShown(quotes[0]!.quote!)).toBe(wellFormed(quote));
        expect(edges[0]!.cue).toBe("'=cue");
      }),
      { numRuns: 300 },
    );
  });
});
