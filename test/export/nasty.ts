/**
 * Test helpers: strings that are hard to escape, the control-character policy
 * of src/export/escape-xml.ts written out independently, and a small graph
 * carrying such strings in every kind of attribute (names, lists, quote text,
 * evidence, cues, file names inside keys).
 */
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { articleKey, entityKey, mentionEdgeKey, quoteKey, relationEdgeKey, saidEdgeKey } from '../../src/graph/keys.js';

const awkward = fc.constantFrom(
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '&#1;', '<!--', '-->', '\n', '\r', '\r\n', '\t', ' ', '  ',
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u00A0', '\u2028',
  '\uFFFE', '\uFFFF', '\uFFFD', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
  '😀', '👍🏽', '𝒜', '🇺🇦', '“', '”', '—', 'é', 'e\u0301', 'Лавров', '王毅',
);

/** Strings built from awkward pieces and arbitrary code points (empty included). */
export const nastyText: fc.Arbitrary<string> = fc
  .array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 10 })
  .map((parts) => parts.join(''));

/** The documented policy: each code point XML 1.0 forbids becomes U+FFFD. */
export function expectedAfterPolicy(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const forbidden =
      (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff;
    out += forbidden ? '\uFFFD' : ch;
  }
  return out;
}

export interface TextFields {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly quote: string;
  readonly evidence: string;
  readonly cue: string;
  readonly file: string;
}

export function createTextGraph(t: TextFields): NewsGraph {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const art = articleKey(t.file);
  const person = entityKey('Person', t.name);
  const country = entityKey('Country', 'Russia');
  const q = quoteKey(t.file, 0);
  g.addNode(art, { label: 'Article', file: t.file, path: `data/${t.file}`, title: t.name, hash: 'h', chars: 1, tokens: 1 });
  g.addNode(person, {
    label: 'Person', name: t.name, aliases: [...t.aliases], mentions: 1, articles: 1, roles: [t.cue], affiliations: [], confidence: 0.5,
  });
  g.addNode(country, { label: 'Country', name: 'Russia', aliases: ['Russia'], mentions: 1, articles: 1, roles: [], affiliations: [], confidence: 1 });
  g.addNode(q, { label: 'Quote', text: t.quote, article: t.file, start: 0, end: t.quote.length, speaker: t.name, cue: t.cue, evidence: t.evidence });
  g.addDirectedEdgeWithKey(mentionEdgeKey(person, art), person, art, { type: 'MENTIONED_IN', article: t.file, count: 2, surface: [...t.aliases] });
  g.addDirectedEdgeWithKey(saidEdgeKey(person, q), person, q, { type: 'SAID', article: t.file, evidence: t.evidence, start: 0, end: 1, cue: t.cue, confidence: 0.25 });
  g.addDirectedEdgeWithKey(relationEdgeKey('URGED', person, country, t.file, 5), person, country, {
    type: 'URGED', article: t.file, evidence: t.evidence, start: 5, end: 9, cue: t.cue, modality: 'asserted', reportedBy: person, confidence: 1e-7,
  });
  return g;
}
