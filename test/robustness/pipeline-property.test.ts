/**
 * The whole pipeline on arbitrary generated text (property, fast-check):
 * ingest (text, Markdown and HTML) -> every per-article stage -> cross-article
 * resolution -> graph never throws, no stage fails quietly (a stage that
 * throws becomes a `pipeline/stage-failed` diagnostic, which is checked
 * for), the graph always satisfies the schema, and every exporter accepts it.
 * The texts mix news sentences (so that entities, relations and quotes are
 * found) with quotation marks, Unicode, control characters, HTML-ish text
 * and very long tokens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import type { InputFormat } from '../../src/ingest/clean-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';
import { graphFromResults } from '../../src/pipeline/run-build.js';
import { validateGraph } from '../../src/graph/validate-graph.js';
import { toJson } from '../../src/export/to-json.js';
import { toGraphml } from '../../src/export/to-graphml.js';
import { toCypherScript } from '../../src/export/to-cypher.js';
import { createNeo4jCsv } from '../../src/export/to-neo4j-csv.js';
import type { ArticleResult } from '../../src/types.js';

const lex = loadLexicons();

const NEWS = fc.constantFrom(
  'Foreign Minister Sergei Lavrov said',
  'Secretary of State Antony Blinken warned Russia',
  'the secretary urged the Putin government to',
  'Kremlin spokesman Dmitry Peskov',
  'He accused NATO of',
  'Moscow rejected',
  'the United States and NATO',
  'said',
  'told reporters',
  'according to the ministry',
  'President Zelenskyy',
  'the Biden administration',
  'Blinkin',
  'Nate Price',
  'U.S.',
  'Mr.',
  'Leave a Reply',
  'See also:',
);

const ODD = fc.constantFrom(
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '`', '``', "''", '"""',
  '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\ufeff', '\ufffe', '\uffff',
  '\ud800', '\udc00', '😀', '🇺🇦', '𝒜', 'e\u0301', '\u200b', '\u202e',
  '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '<p>', '</p>', '<br>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>',
  '# ', '## ', '* ', '> ', '```', '[link](http://x)', '![img](x.png)', '|a|b|',
  '.', '. ', '?', '!', ':', ';', ',', '—', '-', '...', '…', '(', ')', '[', ']', '{', '}', '\\', '/',
  'Лавров', '王毅', 'وزير', 'ÆØÅ', 'İstanbul',
);

const LONG_TOKEN = fc.integer({ min: 50, max: 3000 }).chain((n) => fc.constantFrom('x', 'ab+/', 'Lavrov', '“', '.', 'a.b.', '&amp;').map((u) => u.repeat(Math.ceil(n / u.length))));

const piece = fc.oneof(
  { weight: 4, arbitrary: NEWS },
  { weight: 4, arbitrary: ODD },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: LONG_TOKEN },
);

const text = fc.array(piece, { maxLength: 60 }).chain((parts) => fc.array(fc.constantFrom(' ', '', '\n', ' “', '” '), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + (seps[i] ?? '')).join('')));

const format = fc.constantFrom<InputFormat>('txt', 'md', 'html');

function runPipeline(docs: readonly { text: string; format: InputFormat }[]): ArticleResult[] {
  return docs.map((d, i) => processArticle(articleFromText(`doc-${i}.${d.format}`, d.text, lex.boilerplate, d.format), lex));
}

describe('the whole pipeline on arbitrary text (property)', () => {
  it('never throws, no stage fails, and the graph satisfies the schema and exports', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text, format }), { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, keepUnasserted) => {
        const results = runPipeline(docs);
        for (const r of results) {
          expect(r.diagnostics.filter((d) => d.code.startsWith('pipeline/')), r.article.id).toEqual([]);
          for (const q of r.quotes) expect(q.end).toBeGreaterThanOrEqual(q.start);
        }
        const graph = graphFromResults(results, lex, { keepUnasserted });
        expect(validateGraph(graph)).toEqual([]);
        // Every document is an Article node or listed as a near-duplicate of one (identical generated
        // texts are folded into one story by design).
        const covered = graph.mapNodes((_k, a) => (a.label === 'Article' ? [a.file, ...(a.duplicates ?? [])] : [])).flat();
        expect(new Set(covered).size).toBe(docs.length);
        expect(() => JSON.parse(toJson(graph))).not.toThrow();
        expect(toGraphml(graph)).toMatch(/<\/graphml>\s*$/);
        expect(() => toCypherScript(graph)).not.toThrow();
        expect(() => createNeo4jCsv(graph)).not.toThrow();
      }),
      { numRuns: Number(process.env.NG_PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);

  it('folds two identical generated documents into one Article node that lists the other as its duplicate', () => {
    const text = 'Secretary of State Antony Blinken warned Russia on Monday. The talks in Geneva ended without a deal.';
    const graph = graphFromResults(runPipeline([{ text, format: 'txt' }, { text, format: 'txt' }]), lex);
    const articles = graph.mapNodes((_k, a) => (a.label === 'Article' ? [a.file, a.duplicates] : [])).filter((a) => a.length);
    expect(articles).toEqual([['doc-0.txt', ['doc-1.txt']]]);
  });

  it('finds entities, relations and quotes in the generated news (the property exercises every stage)', () => {
    const results = runPipeline([
      { text: '“We will not accept new demands,” Foreign Minister Sergei Lavrov said. Secretary of State Antony Blinken warned Russia.', format: 'txt' },
    ]);
    expect(results[0]!.entities.length).toBeGreaterThan(1);
    expect(results[0]!.relations.length).toBeGreaterThan(0);
    expect(results[0]!.quotes.length).toBeGreaterThan(0);
  });
});
