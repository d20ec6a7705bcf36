#!/usr/bin/env node
// Confidence as measured precision. Builds the development articles and the samples with the
// CLI, matches every relation edge and quote of graph.json to the gold the way the shared
// scorer does (entities one-to-one by name, relations as typed tuples, quotes by their first
// words then speaker), groups them by the rule that made them (results.jsonl's `rule`; a
// relation with none by type and cue; a quote with none as `quote.unknown`), and writes
// data/confidence.json: per rule its precision, its count and the precision smoothed toward its
// class by a Beta prior (strength PRIOR: a rule seen 4 times sits halfway between its own
// figure and its class's). Prints the precision by confidence band on the dev set: as built,
// with the new table (in sample), and with a table made from the other half of the dev set
// (held out), which is the figure to trust.
// Usage: node scripts/calibrate.mjs [--eval DIR] [--dry-run]
//   --eval DIR  the shared eval folder (default ../shared/eval beside the repository)
//   --dry-run   print the tables, do not write data/confidence.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { args, opt, root } from './lib/cli.mjs';

const evalDir = path.resolve(opt('--eval', path.join(root, '..', 'shared', 'eval')));
const { norm } = await import(pathToFileURL(path.join(evalDir, 'score.mjs')).href);
const { confidenceOf, quoteKeys, relationKeys, CONFIDENCE_FILE } = await import(path.join(root, 'dist', 'calibration', 'confidence.js'));

const PRIOR = 4;
const ENTITY_TYPES = ['Person', 'Country', 'Organisation'];
const SYMMETRIC = new Set(['SPOKE_WITH']);
const NON_RELATIONS = new Set(['MENTIONED_IN', 'SAID', 'SAID_TO']);
const SETS = [
  { name: 'dev', articles: path.join(evalDir, 'dev', 'articles'), gold: path.join(evalDir, 'dev', 'gold') },
  { name: 'samples', articles: path.join(root, 'data', 'articles'), gold: path.join(evalDir, 'gold') },
];

/** graph.json and results.jsonl of a CLI build of `dir` (in a temporary folder, removed after). */
function build(dir) {
  const out = mkdtempSync(path.join(tmpdir(), 'newsgraph-calibrate-'));
  try {
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), 'build', dir, '--out', out, '--quiet', '--no-store'], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`calibrate: the build of ${dir} failed (exit ${r.status}): ${r.stderr}`);
    const graph = JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8'));
    const results = readFileSync(path.join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    return { graph, results };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const words = (s) => norm(s).split(' ').filter(Boolean);
/** The scorer's quote match: the first six words of one inside the other. */
function quoteMatches(sysText, goldText) {
  const s = words(sysText);
  const g = words(goldText);
  if (!s.length || !g.length) return false;
  return s.join(' ').includes(g.slice(0, 6).join(' ')) || g.join(' ').includes(s.slice(0, 6).join(' '));
}

/** The scorer's one-to-one typed entity matching of one article: system node key -> gold id. */
function matchEntities(gold, sysKeys, nodes) {
  const cands = [];
  for (const ge of gold.entities) {
    const names = new Set([ge.name, ...(ge.aliases ?? [])].map(norm).filter(Boolean));
    for (const k of sysKeys) {
      const a = nodes.get(k);
      if (a.label !== ge.type) continue;
      let score = 0;
      if (names.has(norm(a.name))) score += 10;
      if (norm(a.name) === norm(ge.name)) score += 5;
      for (const s of [a.name, ...(a.aliases ?? [])].map(norm).filter(Boolean)) if (names.has(s)) score += 1;
      if (score > 0) cands.push({ g: ge.id, k, score });
    }
  }
  cands.sort((x, y) => y.score - x.score);
  const g2s = new Map();
  const s2g = new Map();
  for (const c of cands) {
    if (g2s.has(c.g) || s2g.has(c.k)) continue;
    g2s.set(c.g, c.k);
    s2g.set(c.k, c.g);
  }
  return s2g;
}

/** Every relation edge and quote of one built set, with its keys, its confidence as built and whether the gold has it. */
function judge(set) {
  const { graph, results } = build(set.articles);
  const nodes = new Map(graph.nodes.map((n) => [String(n.key), n.attributes ?? {}]));
  const edges = graph.edges.map((e) => ({ source: String(e.source), target: String(e.target), ...(e.attributes ?? {}) }));
  const resultOf = new Map(results.map((r) => [r.article.id, r]));
  const mentioned = new Map();
  const said = new Map();
  for (const e of edges) {
    if (e.type === 'MENTIONED_IN') (mentioned.get(nodes.get(e.target)?.file) ?? mentioned.set(nodes.get(e.target)?.file, new Set()).get(nodes.get(e.target)?.file)).add(e.source);
    if (e.type === 'SAID') said.set(e.target, e.source);
  }
  const items = [];
  for (const f of readdirSync(set.gold).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(path.join(set.gold, f), 'utf8'));
    const file = path.basename(gold.article);
    const result = resultOf.get(file);
    const sysKeys = [...(mentioned.get(file) ?? [])].filter((k) => ENTITY_TYPES.includes(nodes.get(k)?.label));
    const s2g = matchEntities(gold, sysKeys, nodes);
    const tuple = (type, s, t) => (SYMMETRIC.has(type) && s > t ? `${type}|${t}|${s}` : `${type}|${s}|${t}`);
    const goldRel = new Set(gold.relations.map((r) => tuple(r.type, r.source, r.target)));
    const altOf = new Map();
    for (const r of gold.relations) for (const t of r.alt_types ?? []) altOf.set(tuple(t, r.source, r.target), tuple(r.type, r.source, r.target));
    for (const e of edges) {
      if (NON_RELATIONS.has(e.type) || !e.type || path.basename(String(e.article ?? '')) !== file) continue;
      if (!ENTITY_TYPES.includes(nodes.get(e.source)?.label) || !ENTITY_TYPES.includes(nodes.get(e.target)?.label)) continue;
      const key = tuple(e.type, s2g.get(e.source) ?? `?${e.source}`, s2g.get(e.target) ?? `?${e.target}`);
      const rel = result?.relations.find((r) => r.type === e.type && r.start === e.start && r.cue === e.cue) ?? { type: e.type, cue: e.cue ?? '', rule: e.rule };
      items.push({ set: set.name, file, kind: 'relation', keys: relationKeys(rel), confidence: e.confidence, right: goldRel.has(key) || goldRel.has(altOf.get(key)) });
    }
    const sysQuotes = [];
    for (const [k, a] of nodes) {
      if (a.label !== 'Quote' || path.basename(String(a.article)) !== file) continue;
      const q = result?.quotes.find((x) => x.start === a.start) ?? { rule: a.rule };
      sysQuotes.push({ text: a.text ?? '', speaker: s2g.get(said.get(k)) ?? null, keys: quoteKeys(q), confidence: a.confidence, right: false });
    }
    const used = new Set();
    for (const gq of gold.quotes ?? []) {
      const i = sysQuotes.findIndex((q, j) => !used.has(j) && quoteMatches(q.text, gq.text));
      if (i < 0) continue;
      used.add(i);
      const q = sysQuotes[i];
      q.right = q.speaker === gq.speaker || (gq.alt_speakers ?? []).includes(q.speaker);
    }
    for (const q of sysQuotes) items.push({ set: set.name, file, kind: 'quote', keys: q.keys, confidence: q.confidence, right: q.right });
  }
  return items;
}

const count = (xs) => ({ n: xs.length, right: xs.filter((x) => x.right).length });
const round = (x) => Math.round(x * 1000) / 1000;
const entry = (c, prior) => ({ precision: round(c.n ? c.right / c.n : prior), n: c.n, confidence: round((c.right + PRIOR * prior) / (c.n + PRIOR)) });

/** The table of `items`: classes smoothed toward their parent class, rules toward their first class. */
function tableOf(items) {
  const classes = {};
  const group = (key) => {
    const m = new Map();
    for (const x of items) for (const k of key(x)) (m.get(k) ?? m.set(k, []).get(k)).push(x);
    return [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  };
  // Top classes (all quotes, all relations) toward one half: no figure of their own is assumed.
  for (const [k, xs] of group((x) => [x.keys.classes.at(-1)])) classes[k] = entry(count(xs), 0.5);
  for (const [k, xs] of group((x) => x.keys.classes.slice(0, -1))) {
    const parent = items.find((x) => x.keys.classes.includes(k))?.keys.classes.at(-1);
    classes[k] = entry(count(xs), classes[parent]?.confidence ?? 0.5);
  }
  const rules = {};
  for (const [k, xs] of group((x) => [x.keys.rule])) rules[k] = entry(count(xs), classes[xs[0].keys.classes[0]]?.confidence ?? 0.5);
  return { classes, rules };
}

const BANDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9];
function bandTable(title, scored) {
  const lines = [title, 'band          n  right  precision'];
  BANDS.forEach((lo, i) => {
    const hi = BANDS[i + 1] ?? 1.0001;
    const c = count(scored.filter((x) => x.c >= lo && x.c < hi));
    lines.push(`[${lo.toFixed(1)}, ${hi > 1 ? '1.0]' : `${hi.toFixed(1)})`}  ${String(c.n).padStart(5)}  ${String(c.right).padStart(5)}  ${c.n ? (c.right / c.n).toFixed(3) : '   - '}`);
  });
  const hiConf = count(scored.filter((x) => x.c >= 0.8));
  lines.push(`confidence >= 0.8: ${hiConf.right}/${hiConf.n} right = ${hiConf.n ? (hiConf.right / hiConf.n).toFixed(3) : '-'}`);
  return lines.join('\n');
}

const items = SETS.flatMap(judge);
const table = tableOf(items);
const dev = items.filter((x) => x.set === 'dev');
const devFiles = [...new Set(dev.map((x) => x.file))].sort();
const firstHalf = new Set(devFiles.slice(0, Math.ceil(devFiles.length / 2)));
const heldOut = (x) => {
  // A table from the samples and the other half of the dev set.
  const other = items.filter((y) => y.set !== 'dev' || firstHalf.has(y.file) !== firstHalf.has(x.file));
  return other;
};
const tableA = tableOf(heldOut({ file: devFiles.at(-1) }));
const tableB = tableOf(heldOut({ file: devFiles[0] }));

console.log(`items: ${items.length} (dev ${dev.length}: ${dev.filter((x) => x.kind === 'quote').length} quotes, ${dev.filter((x) => x.kind === 'relation').length} relations)`);
console.log(`\n${'rule'.padEnd(48)}    n  precision  confidence`);
for (const [k, e] of Object.entries(table.rules)) console.log(`${k.slice(0, 48).padEnd(48)} ${String(e.n).padStart(4)}  ${e.precision.toFixed(3).padStart(9)}  ${e.confidence.toFixed(3).padStart(10)}`);
for (const kind of ['quote', 'relation', 'all']) {
  const xs = dev.filter((x) => kind === 'all' || x.kind === kind);
  console.log(`\n== dev set, ${kind === 'all' ? 'quotes and relation edges' : `${kind}s`}`);
  console.log(bandTable('-- confidence as built', xs.map((x) => ({ c: x.confidence ?? 0, right: x.right }))));
  console.log(bandTable('-- calibrated on all the gold (in sample)', xs.map((x) => ({ c: confidenceOf(table, x.keys, 0), right: x.right }))));
  console.log(bandTable('-- calibrated on the samples and the other half of dev (held out)', xs.map((x) => ({ c: confidenceOf(firstHalf.has(x.file) ? tableA : tableB, x.keys, 0), right: x.right }))));
}

if (!args.includes('--dry-run')) {
  const out = {
    _source: `Made by scripts/calibrate.mjs: each rule's precision on the development gold (../shared/eval/dev and the samples' gold, scored as ../shared/eval/score.mjs scores), over ${items.length} relation edges and quotes. confidence = (right + ${PRIOR} * class confidence) / (n + ${PRIOR}), a Beta prior toward the class (relation type, then all relations; all quotes). Relations with no rule id are keyed relation:TYPE:cue. Rerun the script after changing a rule.`,
    prior: PRIOR,
    classes: table.classes,
    rules: table.rules,
  };
  const file = path.join(root, 'data', CONFIDENCE_FILE);
  // One entry a line, so a rerun's diff shows which rules moved.
  const section = (o) => `{\n${Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n }`;
  const text = `{\n "_source": ${JSON.stringify(out._source)},\n "prior": ${PRIOR},\n "classes": ${section(out.classes)},\n "rules": ${section(out.rules)}\n}\n`;
  JSON.parse(text);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  console.log(`\nwrote ${path.relative(root, file)} (${Object.keys(table.rules).length} rules, ${Object.keys(table.classes).length} classes)`);
}
