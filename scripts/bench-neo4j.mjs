#!/usr/bin/env node
// Neo4j load rates, measured in one run on one graph: the graph of the corpus
// (../shared/corpus/news-bulk, 8,337 articles; built with 2 workers) is pushed
// into a fresh Neo4j 5.26 (scripts/neo4j-server), then read by
// apoc.import.graphml into another fresh one, then bulk-loaded into Kùzu.
// Prints edges/s for each.
// Usage: npm run bench:neo4j [-- --corpus DIR] [--limit N] [--graph graph.json] [--save graph.json] [--batch-size N]
// (--graph: a graphology export, e.g. out/graph.json or one written by --save, to skip the pipeline.)
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { corpusGraph } from './lib/corpus.mjs';
import { opt, root } from './lib/cli.mjs';
import { javaAndMaven, startNeo4jServer } from './neo4j-server/server.mjs';

const dist = (p) => import(path.join(root, 'dist', p));
const { pushToNeo4j } = await dist('store/neo4j-store.js');
const { writeKuzuStore } = await dist('store/kuzu-store.js');
const { graphmlLines } = await dist('export/to-graphml.js');

const tools = javaAndMaven();
if (!tools.ok) {
  console.error(`bench:neo4j: ${tools.reason}`);
  process.exit(2);
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** CPU seconds a process has used so far (Linux /proc; user + system, at 100 ticks/s), or NaN. */
const procCpu = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};
const ownCpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const limit = Number(opt('--limit', 'Infinity'));
const batchSize = Number(opt('--batch-size', '1000'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-neo4j-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const t0 = performance.now();
const graph = await corpusGraph(limit);
const articles = graph.filterNodes((_k, a) => a.label === 'Article').length;
const seconds = opt('--graph', '') ? 0 : (performance.now() - t0) / 1000;
console.log(`graph: ${fmt(articles)} articles -> ${fmt(graph.order)} nodes, ${fmt(graph.size)} edges${seconds ? ` (built in ${seconds.toFixed(0)} s)` : ''}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

const password = 'bench-neo4j-password';
const serverOptions = { password, importDir: tmp, heap: '2g' };

// 1. push into a fresh server; each batch timed by the statement kind it runs.
let server = await startNeo4jServer(serverOptions);
try {
  const conn = { uri: server.uri, user: 'neo4j', password };
  const serverCpu0 = procCpu(server.pid);
  const clientCpu0 = ownCpu();
  const t0 = performance.now();
  let firstBatchAt = 0;
  let batchesDone = 0;
  const stats = await pushToNeo4j(graph, conn, {
    batchSize,
    onProgress: () => {
      if (batchesDone++ === 0) firstBatchAt = performance.now();
    },
  });
  const s = (performance.now() - t0) / 1000;
  const batchMs = performance.now() - firstBatchAt;
  const serverCpu = procCpu(server.pid) - serverCpu0;
  const clientCpu = ownCpu() - clientCpu0;
  console.log(
    `push: ${fmt(stats.edges)} edges and ${fmt(stats.nodes)} nodes in ${stats.batches} batches of ${batchSize} in ${s.toFixed(1)} s = ${fmt(stats.edges / s)} edges/s ` +
      `(${fmt((stats.edges + stats.nodes) / s)} rows/s; target 20,000 edges/s: ${stats.edges / s >= 20_000 ? 'met' : 'NOT met'}; batches after the first ${(batchMs / 1000).toFixed(1)} s; connect, constraints and first batch ${(s - batchMs / 1000).toFixed(1)} s)`,
  );
  // Where the wall time went: the server's CPU, this process's CPU, and neither (waiting for a core, or I/O).
  console.log(
    `push time: server CPU ${serverCpu.toFixed(1)} s, client CPU ${clientCpu.toFixed(1)} s, wall ${s.toFixed(1)} s on ${os.cpus().length} cores ` +
      `(server CPU per 1,000 edges ${((serverCpu / stats.edges) * 1000).toFixed(2)} s)`,
  );
} finally {
  await server.stop();
}

// 2. apoc.import.graphml into a fresh server.
const graphml = path.join(tmp, 'graph.graphml');
const stream = createWriteStream(graphml);
for (const line of graphmlLines(graph)) if (!stream.write(`${line}\n`)) await once(stream, 'drain');
stream.end();
await once(stream, 'close');
server = await startNeo4jServer(serverOptions);
try {
  const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', password));
  const session = driver.session();
  const t0 = performance.now();
  const result = await session.run("CALL apoc.import.graphml('graph.graphml', {readLabels: true, storeNodeIds: false, batchSize: 10000}) YIELD nodes, relationships RETURN nodes, relationships");
  const s = (performance.now() - t0) / 1000;
  const rels = result.records[0].get('relationships').toNumber();
  await session.close();
  await driver.close();
  console.log(`apoc.import.graphml: ${fmt(rels)} edges in ${s.toFixed(1)} s = ${fmt(rels / s)} edges/s (no key constraints, creates without MERGE)`);
} finally {
  await server.stop();
}

// 3. the Kùzu bulk load of the same graph.
{
  const t0 = performance.now();
  await writeKuzuStore(graph, path.join(tmp, 'graph.kuzu'));
  const s = (performance.now() - t0) / 1000;
  console.log(`kuzu bulk load: ${fmt(graph.size)} edges in ${s.toFixed(1)} s = ${fmt(graph.size / s)} edges/s`);
}
