#!/usr/bin/env node
// Confidence as measured precision. Builds the development articles (../shared/eval/dev) and
// the samples with the CLI, judges every relation edge and quote of graph.json right or wrong
// against the gold the way the shared scorer counts them (scripts/lib/confidence-bands.mjs),
// groups them by the rule that made them (results.jsonl's `rule`; a relation with none by type
// and cue; a quote with none as `quote.unknown`), and writes data/confidence.json: per rule its
// precision, its count and its confidence, the precision smoothed toward its class by a Beta
// prior (strength PRIOR: a rule seen 4 times sits halfway between its own figure and its
// class's; classes are the relation type, then all relations; all quotes).
// Honesty: the table written is fit on all the gold, so measuring it on the same articles
// flatters it (printed, marked "in sample"). The figure to trust is the held-out one: each half
// of the dev set (files by name, the halves scripts/score.mjs reports) gets the confidence of a
// table fit on the samples and the OTHER half only; its precision by band is printed first.
// `npm run score -- --check` holds the bar on both (relation edges with confidence >= 0.8 right
// at least 85 % of the time). Deterministic: the same build gives the same file; rerun after
// changing or adding a rule (`npm run calibrate`).
// Usage: node scripts/calibrate.mjs [--eval DIR] [--dry-run]
//   --eval DIR  the shared eval folder (default ../shared/eval beside the repository)
//   --dry-run   print the tables, do not write data/confidence.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { args, opt, root } from './lib/cli.mjs';
import { PRIOR, bandTable, firstHalfOf, heldOut, judgeGraph, tableOf } from './lib/confidence-bands.mjs';

const evalDir = path.resolve(opt('--eval', path.join(root, '..', 'shared', 'eval')));
const { norm } = await import(pathToFileURL(path.join(evalDir, 'score.mjs')).href);
const { confidenceOf, quoteKeys, relationKeys, CONFIDENCE_FILE } = await import(path.join(root, 'dist', 'calibration', 'confidence.js'));

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

const judge = (set) => judgeGraph({ set: set.name, ...build(set.articles), goldDir: set.gold, norm, keysOf: { relationKeys, quoteKeys } });

const items = SETS.flatMap(judge);
const table = tableOf(items);
const dev = items.filter((x) => x.set === 'dev');
const devHeldOut = heldOut(items, firstHalfOf(SETS[0].gold), confidenceOf);
const withTable = (xs) => xs.map((x) => ({ ...x, confidence: confidenceOf(table, x.keys, 0) }));

console.log(`items: ${items.length} (dev ${dev.length}: ${dev.filter((x) => x.kind === 'quote').length} quotes, ${dev.filter((x) => x.kind === 'relation').length} relations)`);
console.log(`\n${'rule'.padEnd(48)}    n  precision  confidence`);
for (const [k, e] of Object.entries(table.rules)) console.log(`${k.slice(0, 48).padEnd(48)} ${String(e.n).padStart(4)}  ${e.precision.toFixed(3).padStart(9)}  ${e.confidence.toFixed(3).padStart(10)}`);
const kinds = [
  ['relation edges', (x) => x.kind === 'relation'],
  ['quotes', (x) => x.kind === 'quote'],
  ['relation edges and quotes', () => true],
];
for (const [name, keep] of kinds) {
  console.log(`\n== ${name}: precision by confidence band`);
  console.log(bandTable('-- dev, the new table from the samples and the OTHER half of dev (held out: the figure to trust)', devHeldOut.filter(keep)));
  console.log(bandTable('-- dev, the new table from all the gold (in sample: flattered)', withTable(dev.filter(keep))));
  console.log(bandTable('-- samples, the new table (in sample: flattered)', withTable(items.filter((x) => x.set === 'samples' && keep(x)))));
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
