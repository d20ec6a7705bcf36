#!/usr/bin/env node
// Scores newsgraph's entities on the CoNLL-2003 development split: runs
// `newsgraph extract` over the documents (JSON lines in, JSON lines out) and compares the
// entity spans with the annotated ones by exact character span.
//   PER  <-> Person          (precision, recall, F1)
//   ORG  <-> Organisation    (precision, recall, F1)
//   LOC  <-  Country         (precision only: CoNLL's LOC also holds cities and regions)
// The split is for measuring only: nothing in newsgraph is tuned to it.
// Usage: node scripts/conll.mjs [--data FILE] [--limit N] [--errors N] [--json] [--check]
//   --errors N  print up to N missed and N spurious spans per type (for reading, not tuning)
//   --check     exit 1 when PER F1 < 0.91 or ORG F1 < 0.785 (a little under what the pipeline reaches on testa)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { args, opt, root } from './lib/cli.mjs';

const dataFile = path.resolve(opt('--data', path.join(root, '..', 'shared', 'eval', 'external-dev', 'conll2003', 'conll2003.testa.docs.jsonl')));
const limit = Number(opt('--limit', 'Infinity'));
const showErrors = Number(opt('--errors', '0'));
const BARS = { PER: 0.92, ORG: 0.81 };

if (!existsSync(dataFile)) {
  console.error(`conll: ${dataFile} is missing; clone the repo beside ../shared`);
  process.exit(2);
}
const docs = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .slice(0, limit);

// One `newsgraph extract` process over all documents.
const input = docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n';
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), 'extract', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
if (run.status !== 0 && run.status !== 1) {
  console.error(`conll: newsgraph extract failed (exit ${run.status}): ${run.stderr}`);
  process.exit(2);
}
const extracted = new Map(
  run.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((x) => [x.id, x]),
);

const OURS = { PER: 'Person', ORG: 'Organisation', LOC: 'Country' };
const counts = Object.fromEntries(Object.keys(OURS).map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
const errors = Object.fromEntries(Object.keys(OURS).map((k) => [k, { missed: [], spurious: [] }]));
for (const doc of docs) {
  const got = extracted.get(doc.id);
  if (!got) {
    console.error(`conll: no output for ${doc.id}`);
    process.exit(2);
  }
  for (const [conllType, ourType] of Object.entries(OURS)) {
    const key = (s) => `${s.start}:${s.end}`;
    const gold = new Set(doc.spans.filter((s) => s.type === conllType).map(key));
    const mine = new Set(got.entities.filter((e) => e.type === ourType).map(key));
    const c = counts[conllType];
    for (const k of mine) {
      if (gold.has(k)) c.tp++;
      else {
        c.fp++;
        if (errors[conllType].spurious.length < showErrors) {
          const [s, e] = k.split(':').map(Number);
          const other = doc.spans.find((g) => g.start === s && g.end === e);
          errors[conllType].spurious.push(`${doc.id} "${doc.text.slice(s, e)}"${other ? ` (gold ${other.type})` : ''}`);
        }
      }
    }
    for (const k of gold) {
      if (mine.has(k)) continue;
      c.fn++;
      if (errors[conllType].missed.length < showErrors) {
        const [s, e] = k.split(':').map(Number);
        errors[conllType].missed.push(`${doc.id} "${doc.text.slice(s, e)}"`);
      }
    }
  }
}

const prf = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};
const result = Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, prf(c)]));
if (args.includes('--json')) {
  console.log(JSON.stringify({ documents: docs.length, ...result }));
} else {
  const pct = (x) => (100 * x).toFixed(1).padStart(5);
  console.log(`CoNLL-2003 dev (testa): ${docs.length} documents, exact spans`);
  for (const [k, r] of Object.entries(result)) {
    const label = k === 'LOC' ? 'Country vs LOC' : `${k} (${OURS[k]})`;
    const rest = k === 'LOC' ? `precision ${pct(r.p)}  (tp ${r.tp}, fp ${r.fp}; recall not meaningful: LOC includes cities)` : `P ${pct(r.p)}  R ${pct(r.r)}  F1 ${pct(r.f1)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`;
    console.log(`${label.padEnd(20)} ${rest}`);
  }
  for (const [k, e] of Object.entries(errors)) {
    if (!showErrors) break;
    if (e.missed.length && k !== 'LOC') console.log(`\n${k} missed:\n  ${e.missed.join('\n  ')}`);
    if (e.spurious.length) console.log(`\n${k} spurious:\n  ${e.spurious.join('\n  ')}`);
  }
}
if (args.includes('--check')) {
  const below = Object.entries(BARS).filter(([k, bar]) => !(result[k].f1 >= bar));
  for (const [k, bar] of Object.entries(BARS)) console.log(`bar ${k} F1 ${result[k].f1.toFixed(3)} >= ${bar}  ${result[k].f1 >= bar ? 'ok' : 'BELOW'}`);
  if (below.length) process.exit(1);
}
