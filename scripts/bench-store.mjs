#!/usr/bin/env node
// Embedded store (Kuzu) bulk load: where the time goes, and the floor kuzu 0.11.3 sets.
// Builds the graph of the corpus once (2 workers), then writes the store --runs times, each time
// printing wall and process CPU time (Kuzu's threads included) and the phases of writeKuzuStore.
// Then measures the fixed costs on the same nodes: DDL, the node COPYs and their commit, and an
// empty COPY into each (type, from, to) pair the graph uses, with its commit.
// Usage: npm run build && node scripts/bench-store.mjs [--limit N] [--runs K] [--graph graph.json] [--dump]
// (--graph: a graphology export, e.g. written by --save graph.json, to skip the pipeline.)
// --dump: instead, write the store once and print a hash of every row it holds (each node table
// by key; each rel table read forwards and backwards, with both end keys): the check that a change
// to the loader leaves the store's content as it was.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, corpusGraph } from './lib/corpus.mjs';
import { formatPhases, measureStoreFloor } from './lib/store-floor.mjs';
import { cpuMs, opt, root } from './lib/cli.mjs';

const dist = (p) => import(path.join(root, 'dist', p));
const { queryKuzu, writeKuzuStore } = await dist('store/kuzu-store.js');
const ks = await dist('store/kuzu-schema.js');
const { edgePropertyTypes, edgeTypes, loadGraphSchema, nodeLabels } = await dist('store/graph-schema.js');

const limit = Number(opt('--limit', 'Infinity'));
const runs = Number(opt('--runs', '3'));
const corpus = corpusDir();
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const graph = await corpusGraph(limit, corpus);
const schema = loadGraphSchema();
console.log(`graph: ${fmt(graph.order)} nodes, ${fmt(graph.size)} edges; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

/** Every row of the store, sorted, hashed per table and in all (see --dump). */
async function dumpStore(file) {
  const q = (name) => ks.kuzuName(name);
  const all = createHash('sha256');
  const lines = [];
  const hashRows = async (what, cypher) => {
    const { rows } = await queryKuzu(file, cypher);
    const text = rows.map((r) => JSON.stringify(r)).join('\n');
    all.update(`${what}\n${text}\n`);
    lines.push(`${what}: ${rows.length} rows ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
  };
  for (const label of nodeLabels(schema)) {
    const props = Object.keys(schema.nodes[label].properties).map((p) => `n.${q(p)} AS ${q(p)}`).join(', ');
    await hashRows(label, `MATCH (n:${q(label)}) RETURN ${props} ORDER BY n.${q(schema.nodes[label].key)}`);
  }
  for (const type of edgeTypes(schema)) {
    const props = Object.keys(edgePropertyTypes(schema, type)).map((p) => `r.${q(p)} AS ${q(p)}`).join(', ');
    const ends = 'label(a) AS fromLabel, a.key AS fromKey, label(b) AS toLabel, b.key AS toKey';
    const order = 'ORDER BY r.key, fromLabel, fromKey, toLabel, toKey';
    await hashRows(`${type} ->`, `MATCH (a)-[r:${q(type)}]->(b) RETURN ${ends}, ${props} ${order}`);
    await hashRows(`${type} <-`, `MATCH (b)<-[r:${q(type)}]-(a) RETURN ${ends}, ${props} ${order}`);
  }
  return { lines, hash: all.digest('hex').slice(0, 16) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-store-'));
if (process.argv.includes('--dump')) {
  try {
    const file = path.join(dir, 'graph.kuzu');
    const s = await writeKuzuStore(graph, file);
    const { lines, hash } = await dumpStore(file);
    if (process.argv.includes('--verbose')) console.log(lines.join('\n'));
    console.log(`store rows: ${fmt(s.nodes)} nodes, ${fmt(s.edges)} edges, dump hash ${hash}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = cpuMs();
    const s = await writeKuzuStore(graph, path.join(dir, 'graph.kuzu'));
    const ms = performance.now() - t;
    const p = s.phases;
    console.log(
      `store run ${i + 1}: ${fmt(s.edges)} edges in ${(ms / 1000).toFixed(2)} s = ${fmt(s.edges / (ms / 1000))} edges/s (CPU ${(cpuMs() - c).toFixed(0)} ms); ` +
        `phases ms: partition ${p.partitionMs}, CSV ${p.csvMs} (overlaps the COPYs), open+DDL ${p.ddlMs}, ${p.copies} COPYs ${p.copyMs}, commit ${p.commitMs}, close ${p.closeMs}, swap ${p.swapMs}`,
    );
  }

  // The floor: the same node tables, then an empty COPY into every pair this graph uses.
  const nodesOnly = await measureStoreFloor(graph, dir, false);
  console.log(`floor, nodes only (wall/CPU ms): ${formatPhases(nodesOnly.phases)}`);
  const floor = await measureStoreFloor(graph, dir, true);
  console.log(`floor, nodes + an empty COPY into each of the ${floor.pairs.length} used rel pairs (wall/CPU ms): ${formatPhases(floor.phases)}`);
  const one = floor.pairs.reduce((a, b) => (b.keys.length > a.keys.length ? b : a));
  console.log(`largest rel pair: ${one.type} ${one.fromLabel}->${one.toLabel}, ${fmt(one.keys.length)} rows (${Object.keys(edgePropertyTypes(schema, one.type)).length} properties)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
