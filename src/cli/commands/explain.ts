/**
 * `newsgraph explain <edge key>`: why an edge (or a quote) is in the graph:
 * its rule with the rule's trigger, slots and guards (or the named producer),
 * the slots it filled, its cue, evidence and confidence.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EdgeAttributes, NewsGraph } from '../../graph/attributes.js';
import { errorMessage } from '../../errors.js';
import { articleFromText } from '../../ingest/article-from-text.js';
import { formatOfFile } from '../../ingest/clean-text.js';
import { loadLexicons } from '../../pipeline/lexicons.js';
import { processArticle } from '../../pipeline/process-article.js';
import { loadRules } from '../../rules/load-rules.js';
import { PRODUCERS } from '../../rules/producers.js';
import type { Rule } from '../../rules/rule.js';
import type { Relation } from '../../types.js';
import { EXIT, type Command } from '../command.js';
import { readGraphJson } from './view.js';
import { ensureGraphJson } from '../../pipeline/file-exports.js';

const usage = `Usage: newsgraph explain <edge or quote key> [--graph FILE]

Prints why an edge is in the graph: the rule that made it (its trigger,
target slots, guards and file, or the named producer in code), the slots it
filled (where the actor and the target were found: re-read from the
article when its file is still there), the cue, the sentence, the modality,
the confidence, and the CAMEO code and PLOVER type. A quote key
(quote:<article>:<offset>) prints the quote's attribution rule.

Options:
  --graph FILE   the graph JSON written by \`newsgraph build\` (default: out/graph.json)
  -h, --help     this help

Exit codes: 0 printed; 2 bad usage or no such edge; 3 the graph could not be read.

Example:
  newsgraph explain 'URGED:person:antony-blinken->country:russia@001.txt:0'`;

function describeRule(id: string | undefined): string[] {
  if (!id) return ['rule        (none recorded)'];
  const rule: Rule | undefined = loadRules().byId.get(id);
  if (!rule) return [`rule        ${id}: ${PRODUCERS[id] ?? 'not a rule of data/rules/ nor a known producer'}`];
  const trigger = rule.kind === 'verb' ? `verb ${rule.words.join(' ')}` : `noun ${rule.lemma}`;
  const target = rule.kind === 'verb' ? rule.target : [...rule.preps.map((p) => `pp:${p}`), ...(rule.clause ? ['clause'] : [])];
  return [
    `rule        ${id} (data/rules/${path.basename(rule.file)})`,
    `  trigger   ${trigger}`,
    `  target    ${target.join(', ') || '(found by the deployment producer)'}`,
    ...(rule.kind === 'verb' && rule.guards.length ? [`  guards    ${rule.guards.join(', ')}`] : []),
    `  confidence ${rule.confidence}`,
  ];
}

/** The relation of the edge, re-read from its article (when the file is still there), for the slots it filled. */
async function relationOf(graph: NewsGraph, key: string, a: EdgeAttributes): Promise<Relation | undefined> {
  const articleKey = `article:${a.article ?? ''}`;
  if (!graph.hasNode(articleKey)) return undefined;
  const file = (graph.getNodeAttributes(articleKey) as { path?: string }).path;
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const lex = loadLexicons();
  const result = processArticle(articleFromText(path.basename(file), text, lex.boilerplate, formatOfFile(file), { path: file }), lex);
  const names = [graph.source(key), graph.target(key)].map((n) => (graph.getNodeAttributes(n) as { name?: string }).name);
  const name = (i: number): string | undefined => result.entities[i]?.name;
  const same = result.relations.filter((r) => r.type === a.type && r.start === a.start && r.rule === a.rule);
  return same.find((r) => name(r.source) === names[0] && name(r.target) === names[1]) ?? (same.length === 1 ? same[0] : undefined);
}

async function explainEdge(graph: NewsGraph, key: string): Promise<string[]> {
  const a = graph.getEdgeAttributes(key);
  const name = (n: string): string => (graph.getNodeAttributes(n) as { name?: string; text?: string }).name ?? n;
  const lines = [`${a.type}  ${name(graph.source(key))} -> ${name(graph.target(key))}`, ...describeRule(a.rule)];
  const r = a.rule && loadRules().byId.has(a.rule) ? await relationOf(graph, key, a) : undefined;
  if (r?.slots) lines.push(`slots       actor from ${r.slots.actor}, target from ${r.slots.target}`);
  else if (a.rule && loadRules().byId.has(a.rule)) lines.push('slots       (the article file could not be re-read)');
  if (a.cameo || a.plover) lines.push(`codes       CAMEO ${a.cameo ?? '-'}, PLOVER ${a.plover ?? '-'}`);
  lines.push(
    `cue         ${a.cue ?? ''}`,
    `modality    ${a.modality ?? 'asserted'}`,
    `confidence  ${a.confidence ?? '-'}`,
    `article     ${a.article ?? ''} (offset ${a.start ?? '-'})`,
    `sentence    ${a.evidence ?? ''}`,
  );
  return lines;
}

function explainQuote(graph: NewsGraph, key: string): string[] {
  const a = graph.getNodeAttributes(key) as { text?: string; speaker?: string; cue?: string; confidence?: number; rule?: string; evidence?: string; article?: string };
  return [`Quote  “${a.text ?? ''}”  by ${a.speaker ?? '(unknown)'}`, ...describeRule(a.rule), `cue         ${a.cue ?? ''}`, `confidence  ${a.confidence ?? '-'}`, `article     ${a.article ?? ''}`, `sentence    ${a.evidence ?? ''}`];
}

export const command: Command = {
  name: 'explain',
  summary: 'print the rule, slots and confidence behind an edge of the graph',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { graph: { type: 'string', default: path.join('out', 'graph.json') }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    const key = positionals[0];
    if (!key || positionals.length > 1) {
      console.error('newsgraph explain: name one edge key (see newsgraph explain --help)');
      return EXIT.USAGE;
    }
    let graph: NewsGraph;
    try {
      await ensureGraphJson(values.graph);
      graph = await readGraphJson(values.graph);
    } catch (e) {
      console.error(`newsgraph explain: cannot read ${values.graph}: ${errorMessage(e)} (run \`newsgraph build\` first?)`);
      return EXIT.FATAL;
    }
    if (graph.hasEdge(key)) console.log((await explainEdge(graph, key)).join('\n'));
    else if (graph.hasNode(key) && (graph.getNodeAttributes(key) as { label?: string }).label === 'Quote') console.log(explainQuote(graph, key).join('\n'));
    else {
      console.error(`newsgraph explain: no edge or quote "${key}" in ${values.graph}`);
      return EXIT.USAGE;
    }
    return EXIT.OK;
  },
};
