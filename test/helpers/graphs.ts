/**
 * Small hand-built graphs for exporter and store tests (graphology's
 * test/definitions idea): every label, every edge family, lists, modality,
 * reportedBy, and text that needs escaping.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import {
  articleKey,
  entityKey,
  mentionEdgeKey,
  quoteKey,
  relationEdgeKey,
  saidEdgeKey,
  saidToEdgeKey,
} from '../../src/graph/keys.js';

export function createBasicGraph(): NewsGraph {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const file = 'a1.txt';
  const art = articleKey(file);
  const blinken = entityKey('Person', 'Antony Blinken');
  const lavrov = entityKey('Person', 'Sergei Lavrov');
  const russia = entityKey('Country', 'Russia');
  const us = entityKey('Country', 'United States');
  const state = entityKey('Organisation', 'US State Department');
  g.addNode(art, { label: 'Article', file, path: `data/${file}`, title: 'Blinken & Lavrov <talk>', hash: 'abc123', published: '2026-03-05', publishedSource: 'dateline', chars: 420, tokens: 80 });
  g.addNode(blinken, {
    label: 'Person', name: 'Antony Blinken', aliases: ['Antony Blinken', 'Blinken', 'Anthony Blingen'],
    mentions: 3, articles: 1, roles: ['Secretary of State'], affiliations: ['United States'], confidence: 0.95,
  });
  g.addNode(lavrov, {
    label: 'Person', name: 'Sergei Lavrov', aliases: ['Sergei Lavrov', 'Lavrov'],
    mentions: 2, articles: 1, roles: ['Foreign Minister'], affiliations: ['Russia'], confidence: 0.9,
  });
  g.addNode(russia, { label: 'Country', name: 'Russia', aliases: ['Russia', 'Moscow'], mentions: 4, articles: 1, roles: [], affiliations: [], confidence: 1, iso3: 'RUS' });
  g.addNode(us, { label: 'Country', name: 'United States', aliases: ['United States', 'Washington', 'US'], mentions: 2, articles: 1, roles: [], affiliations: [], confidence: 1, iso3: 'USA' });
  g.addNode(state, { label: 'Organisation', name: 'US State Department', aliases: ['State Department'], mentions: 1, articles: 1, roles: [], affiliations: ['United States'], confidence: 0.8 });
  for (const k of [blinken, lavrov, russia, us, state]) {
    g.addDirectedEdgeWithKey(mentionEdgeKey(k, art), k, art, { type: 'MENTIONED_IN', article: file, count: 1, surface: ['x'] });
  }
  const s1 = 'Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.';
  g.addDirectedEdgeWithKey(relationEdgeKey('SPOKE_WITH', blinken, lavrov, file, 0), blinken, lavrov, {
    type: 'SPOKE_WITH', article: file, evidence: s1, start: 0, end: s1.length, cue: 'spoke with', modality: 'asserted', confidence: 0.9, rule: 'verb.speak', cameo: '04', plover: 'CONSULT',
  });
  g.addDirectedEdgeWithKey(relationEdgeKey('AFFILIATED_WITH', lavrov, russia, file, 0), lavrov, russia, {
    type: 'AFFILIATED_WITH', article: file, evidence: s1, start: 0, end: s1.length, cue: 'Russian Foreign Minister', modality: 'asserted', role: 'Foreign Minister', confidence: 0.9, rule: 'affiliation.mention',
  });
  const s2 = 'Price said the secretary urged the "Putin government" to <reduce> pressure & withdraw.';
  g.addDirectedEdgeWithKey(relationEdgeKey('URGED', blinken, russia, file, 70), blinken, russia, {
    type: 'URGED', article: file, evidence: s2, start: 70, end: 70 + s2.length, cue: 'urged', modality: 'asserted', reportedBy: lavrov, confidence: 0.8, rule: 'verb.urge', cameo: '02', plover: 'REQUEST',
    date: '2026-03-03', datePrecision: 'day', dateStart: '2026-03-03', dateEnd: '2026-03-03', dateText: 'on Tuesday',
  });
  // A parallel edge of the same type between the same pair (another sentence).
  const s3 = 'Blinken urged Russia to follow a diplomatic path.';
  g.addDirectedEdgeWithKey(relationEdgeKey('URGED', blinken, russia, file, 200), blinken, russia, {
    type: 'URGED', article: file, evidence: s3, start: 200, end: 200 + s3.length, cue: 'urged', modality: 'asserted', confidence: 0.85, rule: 'phrase.call-on', cameo: '02', plover: 'REQUEST',
    date: '2026-02', datePrecision: 'month', dateStart: '2026-02-01', dateEnd: '2026-02-28', dateText: 'in February',
  });
  const s4 = 'If Russia invades, the United States would impose sanctions.';
  g.addDirectedEdgeWithKey(relationEdgeKey('THREATENED', us, russia, file, 300), us, russia, {
    type: 'THREATENED', article: file, evidence: s4, start: 300, end: 300 + s4.length, cue: 'would impose', modality: 'hypothetical', confidence: 0.5, rule: 'verb.threaten', cameo: '13', plover: 'THREATEN',
  });
  const q = quoteKey(file, 120);
  const qText = 'The secretary emphasized the willingness of the United States — “bilaterally” & <together>';
  g.addNode(q, { label: 'Quote', text: qText, article: file, start: 120, end: 120 + qText.length, speaker: 'Antony Blinken', cue: 'said', evidence: `“${qText},” Blinken said.`, confidence: 0.9, rule: 'quote.speech-verb', date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05' });
  g.addDirectedEdgeWithKey(saidEdgeKey(blinken, q), blinken, q, { type: 'SAID', article: file, evidence: `“${qText},” Blinken said.`, start: 120, end: 120 + qText.length, cue: 'said', confidence: 0.9, rule: 'quote.speech-verb', date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05' });
  g.addDirectedEdgeWithKey(saidToEdgeKey(q, lavrov), q, lavrov, { type: 'SAID_TO', article: file, evidence: 'told Lavrov', start: 120, end: 130, cue: 'told', date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05' });
  return g;
}
