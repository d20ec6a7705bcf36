#!/usr/bin/env node
// Builds the graph of data/articles and scores it against the gold annotations
// in ../shared/eval (the scorer and gold are not part of this repository).
// Usage: node scripts/score.mjs [--details] [--json] [--check] [--gold DIR] [--out DIR]
//   --check  exit 1 when a score is below the bar in BARS, or a relation type with at least
//            three gold examples is below TYPE_BAR (used by .ci/run)
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { args, opt, root } from './lib/cli.mjs';

const evalDir = path.resolve(root, '..', 'shared', 'eval');
const gold = opt('--gold', path.join(evalDir, 'gold'));
const out = opt('--out', path.join(root, 'out'));
const scorerPath = path.join(evalDir, 'score.mjs');

// The bars CI holds the gold scores to: issue 2's bar was overall 0.60, entities 0.80,
// relations 0.40, quotes 0.60; these sit a little under what the pipeline reaches now, so a
// regression fails CI. Raise them as quality rises; never lower them to make a change pass.
const BARS = { overall: 0.9, entities: 0.95, relations: 0.9, quotes: 0.9 };
// Issue 4: no relation type below 0.50 F1 where the gold has at least three examples.
const TYPE_BAR = 0.5;
const TYPE_MIN_GOLD = 3;

if (!existsSync(scorerPath) || !existsSync(gold)) {
  console.error(`score: the scorer or gold folder is missing (${scorerPath}, ${gold}); clone the repo beside ../shared`);
  process.exit(2);
}
// The scorer only runs when started by its real path (it compares import.meta.url with argv[1]),
// so resolve symbolic links in the way to it.
const scorer = realpathSync(scorerPath);
const build = spawnSync(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), 'build', path.join(root, 'data', 'articles'), '--out', out, '--quiet', '--no-store'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`score: the build failed (exit ${build.status})`);
  process.exit(2);
}
const graph = path.join(out, 'graph.json');
const passthrough = args.filter((a) => a === '--details' || a === '--json');
const table = spawnSync(process.execPath, [scorer, '--graph', graph, '--gold', gold, ...passthrough], { stdio: 'inherit' });
if (table.status !== 0) process.exit(table.status ?? 2);

if (args.includes('--check')) {
  const res = spawnSync(process.execPath, [scorer, '--graph', graph, '--gold', gold, '--json'], { encoding: 'utf8' });
  if (res.status !== 0 || !res.stdout.trim()) {
    console.error(`score: the scorer gave no result (exit ${res.status}): ${res.stderr}`);
    process.exit(2);
  }
  const r = JSON.parse(res.stdout);
  const got = { overall: r.overall, entities: r.entities.f1, relations: r.relations.f1, quotes: r.quotes.f1 };
  for (const [type, t] of Object.entries(r.relationsByType ?? {})) {
    if (t.tp + t.fn < TYPE_MIN_GOLD) continue;
    BARS[type] = TYPE_BAR;
    got[type] = t.f1;
  }
  const below = Object.entries(BARS).filter(([k, bar]) => !(got[k] >= bar));
  for (const [k, bar] of Object.entries(BARS)) console.log(`bar ${k.padEnd(15)} ${got[k].toFixed(3)} >= ${bar}  ${got[k] >= bar ? 'ok' : 'BELOW'}`);
  if (below.length) {
    console.error(`score: below the bar: ${below.map(([k]) => k).join(', ')}`);
    process.exit(1);
  }
}

