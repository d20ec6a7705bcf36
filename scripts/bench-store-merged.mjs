#!/usr/bin/env node
// Experiment for issue 7's store target: the embedded store's load rate with the schema of issue 5
// (five node labels, so 89 (type, from, to) rel pairs on the corpus graph) against a merged
// schema that puts Person, Country and Organisation in one Actor table (one pair per relationship
// type and end kind). Same rows, same loader (writeKuzuStore given the schema), runs alternating.
// The merged schema is not newsgraph's: `(:Person)` patterns would not work on it. It only tells
// how much of the load time the number of pairs costs.
// Usage: npm run build && node scripts/bench-store.mjs --runs 1 --save graph.json
//        && node scripts/bench-store-merged.mjs graph.json [--runs 3]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import graphology from 'graphology';
import { args, cpuMs, opt, root } from './lib/cli.mjs';

const { writeKuzuStore } = await import(path.join(root, 'dist', 'store', 'kuzu-store.js'));
const { GRAPH_SCHEMA_PATH, parseGraphSchema, partitionGraph } = await import(path.join(root, 'dist', 'store', 'graph-schema.js'));

const file = args.find((a) => !a.startsWith('--') && a.endsWith('.json'));
if (!file) {
  console.error('usage: node scripts/bench-store-merged.mjs GRAPH_JSON [--runs N] (a graphology export, e.g. from bench-store.mjs --save)');
  process.exit(2);
}
const runs = Number(opt('--runs', '3'));
const raw = JSON.parse(readFileSync(file, 'utf8'));
const ACTORS = new Set(['Person', 'Country', 'Organisation']);
const toActor = (label) => (ACTORS.has(label) ? 'Actor' : label);

const real = new graphology.MultiDirectedGraph();
real.import(raw);
const merged = new graphology.MultiDirectedGraph();
merged.import(raw);
merged.updateEachNodeAttributes((_, a) => ({ ...a, label: toActor(a.label) }));

const json = JSON.parse(readFileSync(GRAPH_SCHEMA_PATH, 'utf8'));
const mergedJson = structuredClone(json);
// Country's properties are Person's and Organisation's plus iso3.
mergedJson.nodes = { Actor: json.nodes.Country, Article: json.nodes.Article, Quote: json.nodes.Quote };
for (const e of Object.values(mergedJson.edges)) {
  e.from = [...new Set(e.from.map(toActor))];
  e.to = [...new Set(e.to.map(toActor))];
}
const variants = {
  'issue 5 schema': { graph: real, schema: parseGraphSchema(json) },
  'merged actors': { graph: merged, schema: parseGraphSchema(mergedJson) },
};
for (const [name, v] of Object.entries(variants)) {
  console.log(`${name}: ${partitionGraph(v.graph, v.schema).edges.filter((t) => t.keys.length > 0).length} rel pairs used`);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-merged-'));
try {
  for (let r = 0; r < runs; r++) {
    const names = Object.keys(variants);
    for (const name of r % 2 ? names.reverse() : names) {
      const { graph, schema } = variants[name];
      const t = performance.now();
      const cpu0 = cpuMs();
      const s = await writeKuzuStore(graph, path.join(dir, `${r}-${name.replace(/\W+/g, '-')}.kuzu`), schema);
      const ms = performance.now() - t;
      console.log(
        `${name}: ${s.edges.toLocaleString('en-US')} edges in ${(ms / 1000).toFixed(2)} s = ${Math.round(s.edges / (ms / 1000)).toLocaleString('en-US')} edges/s ` +
          `(CPU ${(cpuMs() - cpu0).toFixed(0)} ms); ${s.phases.copies} COPYs ${s.phases.copyMs} ms, commit ${s.phases.commitMs} ms`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
