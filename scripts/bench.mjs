#!/usr/bin/env node
// Throughput and memory benchmark over ../shared/corpus/news-bulk.
// Prints figures measured in one run, never asserts on time. Besides the figures it prints
// two ceilings the targets meet on this machine: the speed-up of the per-article stages in
// independent processes (what the cores give when nothing is shared), and the store's floor
// (kuzu's cost before the first edge row).
// Last, a full build of the corpus (without every hundredth file) and an append of those files:
// append_ratio. `--only append` runs that part alone.
// Usage: node scripts/bench.mjs [--limit N] [--scale K] [--corpus DIR] [--workers N] [--only append]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, listTexts, readCorpusArticles } from './lib/corpus.mjs';
import { cpuMs, opt, root } from './lib/cli.mjs';
import { runIndependent } from './lib/parallel-ceiling.mjs';
import { measureStoreFloor } from './lib/store-floor.mjs';
import { benchAppend } from './lib/append-bench.mjs';

const ng = await import(path.join(root, 'dist', 'index.js'));
const { writeKuzuStore } = await import(path.join(root, 'dist', 'store', 'kuzu-store.js'));

const corpus = corpusDir();
const limit = Number(opt('--limit', 'Infinity'));
const scaleMax = Number(opt('--scale', '4'));
const workers = Number(opt('--workers', '2'));


const files = listTexts(corpus).slice(0, limit);
if (opt('--only', '') === 'append') {
  console.log(`corpus: ${files.length} files (${corpus}); load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  benchAppend(files, corpus, { workers });
  process.exit(0);
}
const lex = ng.loadLexicons();
// The cleaned articles (ingest is measured once here, then reused); copy k gets ids "k/<file>".
const t0 = performance.now();
// The real ingest stage (decode + boilerplate removal + paragraphs), not a stand-in.
const base = await readCorpusArticles(files, corpus, lex.boilerplate);
const ingestMs = performance.now() - t0;
const copies = (k) => Array.from({ length: k }, (_, c) => base.map((a) => ({ ...a, id: `${c}/${a.id}` }))).flat();

const nlp = ng.getNlp();
const tokensPerSec = (tokens, ms) => tokens / (ms / 1000);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// 1. bare wink-nlp readDoc over the same texts (after a warm-up read of the first 100).
const warm = base.slice(0, Math.min(100, base.length));
for (const a of warm) nlp.readDoc(a.text);
let bareTokens = 0;
let t = performance.now();
for (const a of base) bareTokens += nlp.readDoc(a.text).tokens().length();
const bareMs = performance.now() - t;
const bare = tokensPerSec(bareTokens, bareMs);
console.log(`corpus: ${base.length} articles, ${fmt(bareTokens)} tokens (${corpus})`);
console.log(`bare readDoc:            ${fmt(bare)} tokens/s  (${(bareMs / 1000).toFixed(1)} s)`);
// 1b. the nlp stage as the pipeline runs it (readDoc per paragraph, history reset, our tokens).
t = performance.now();
let annTokens = 0;
for (const a of base) annTokens += ng.annotate(a.text, a.paragraphs).tokens.length;
const annMs = performance.now() - t;
console.log(`annotate (nlp stage):    ${fmt(tokensPerSec(annTokens, annMs))} tokens/s  (${(annMs / 1000).toFixed(1)} s)`);

// 2. full pipeline, one thread (per-article stages + cross-article resolution + graph; no export).
function pipeline(articles) {
  const start = performance.now();
  const cpu0 = cpuMs();
  const results = articles.map((a) => ng.processArticle(a, lex));
  const graph = ng.graphFromResults(results, lex);
  const ms = performance.now() - start;
  const tokens = results.reduce((s, r) => s + r.article.tokens, 0);
  return { ms, cpu: cpuMs() - cpu0, tokens, graph };
}
// Warm-up outside the measurements (JIT of every stage), the same for both modes.
pipeline(warm);
const one = pipeline(base);
const oneRate = tokensPerSec(one.tokens, one.ms);
console.log(`pipeline, 1 thread:      ${fmt(oneRate)} tokens/s, ${(base.length / (one.ms / 1000)).toFixed(1)} articles/s, ratio to readDoc ${(oneRate / bare).toFixed(2)}`);
// What the nlp stage leaves: its share of the one-thread time, and the rate of every other stage together.
console.log(`  nlp stage ${((100 * annMs) / one.ms).toFixed(0)}% of it; the other stages alone: ${fmt(tokensPerSec(one.tokens, one.ms - annMs))} tokens/s`);

// 3. the same with a worker pool (started and warmed up first: workers load the model once).
const pool = new ng.ArticlePool(workers);
// Each worker gets about as much warm-up as the one-thread run had (the warm-up set once per worker).
await Promise.all(Array.from({ length: workers }, () => warm.map((a) => pool.process(a))).flat());
async function pooled(articles) {
  const start = performance.now();
  const cpu0 = cpuMs();
  const results = await Promise.all(articles.map((a) => pool.process(a)));
  const graph = ng.graphFromResults(results, lex);
  const ms = performance.now() - start;
  return { ms, cpu: cpuMs() - cpu0, graph };
}
const two = await pooled(base);
await pool.close();
const speedup = one.ms / two.ms;
const sameGraph = ng.toJson(two.graph) === ng.toJson(one.graph);
two.graph = null;
console.log(`pipeline, ${workers} workers:     ${fmt(tokensPerSec(one.tokens, two.ms))} tokens/s, speed-up ${speedup.toFixed(2)}x (same graph: ${sameGraph})`);
// Where the cores went: the one-thread run's JIT and GC helper threads use the otherwise idle
// core for free; with the pool every worker compiles its own code on the same cores.
const cores = (r) => `${(r.cpu / 1000).toFixed(1)} s CPU in ${(r.ms / 1000).toFixed(1)} s (${(r.cpu / r.ms).toFixed(2)} cores)`;
console.log(`cpu: 1 thread ${cores(one)}; ${workers} workers ${cores(two)}`);
// What this machine allows that speed-up to be: the per-article stages in independent processes
// (no pool, no messages, no serial tail), one process against `workers` of them, warmed alike.
if (workers > 1) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-ceiling-'));
  try {
    const list = path.join(scratch, 'files.json');
    const warmFiles = files.slice(0, warm.length);
    const solo = await runIndependent(files, warmFiles, 1, corpus, list);
    const many = await runIndependent(files, warmFiles, workers, corpus, list);
    const perCpu = (r) => r.each.map((e) => (e.cpuMs / 1000).toFixed(1)).join(' + ');
    console.log(
      `ceiling, per-article stages in independent processes (no pool, no serial tail): 1 process ${(solo.ms / 1000).toFixed(1)} s (${perCpu(solo)} s CPU), ` +
        `${workers} processes ${(many.ms / 1000).toFixed(1)} s (${perCpu(many)} s CPU): speed-up ${(solo.ms / many.ms).toFixed(2)}x at most on this machine`,
    );
  } catch (e) {
    console.log(`ceiling, per-article stages in independent processes: failed (${e instanceof Error ? e.message : e})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Peak RSS so far: the whole corpus (1x) through the pipeline, in one thread and on the pool.
const rssCorpusMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS so far (1x in one thread and on the pool, texts held): ${rssCorpusMb.toFixed(0)} MB`);

// 4. growth: time per token at 1x, 2x, 4x.
const perToken = {};
for (const k of [1, 2, 4].filter((k) => k <= scaleMax)) {
  const r = k === 1 ? one : pipeline(copies(k));
  perToken[k] = (r.ms * 1e6) / r.tokens;
  console.log(`scale ${k}x: ${(r.ms / 1000).toFixed(1)} s, ${perToken[k].toFixed(1)} ns/token, graph ${fmt(r.graph.order)} nodes ${fmt(r.graph.size)} edges`);
}
const growth = perToken[4] && perToken[1] ? perToken[4] / perToken[1] : perToken[2] / perToken[1];

// 5. writing the store and the exports (of the 1x graph).
const { toCypherScript } = await import(path.join(root, 'dist', 'export', 'to-cypher.js'));
const { writeNeo4jCsv } = await import(path.join(root, 'dist', 'export', 'to-neo4j-csv.js'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-'));
t = performance.now();
const store = await writeKuzuStore(one.graph, path.join(dir, 'graph.kuzu'));
const storeMs = performance.now() - t;
t = performance.now();
const json = ng.toJson(one.graph);
const graphml = ng.toGraphml(one.graph);
const cypher = toCypherScript(one.graph);
await writeNeo4jCsv(one.graph, path.join(dir, 'neo4j'));
const exportMs = performance.now() - t;
rmSync(dir, { recursive: true, force: true });
const loadEps = store.edges / (storeMs / 1000);
console.log(`embedded store: ${fmt(store.nodes)} nodes, ${fmt(store.edges)} edges in ${(storeMs / 1000).toFixed(2)} s (${fmt(loadEps)} edges/s)`);
// The part of that kuzu takes before the first edge row (see docs/scaling.md): the rate it leaves.
const floorDir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-floor-'));
try {
  const floor = await measureStoreFloor(one.graph, floorDir);
  console.log(
    `store floor, no edge row (DDL, node COPYs, an empty COPY into each of the ${floor.pairs.length} rel pairs, commit): ${(floor.wallMs / 1000).toFixed(2)} s ` +
      `(${(floor.cpuMs / 1000).toFixed(2)} s CPU): at most ${fmt(store.edges / (floor.wallMs / 1000))} edges/s for this graph even if edge rows cost nothing`,
  );
} catch (e) {
  console.log(`store floor: failed (${e instanceof Error ? e.message : e})`);
} finally {
  rmSync(floorDir, { recursive: true, force: true });
}
console.log(`export files (JSON, GraphML, Cypher, neo4j-admin CSV): ${(exportMs / 1000).toFixed(2)} s (${((json.length + graphml.length + cypher.length) / 1e6).toFixed(1)} MB without the CSVs)`);
console.log(`ingest (read + clean): ${(ingestMs / 1000).toFixed(1)} s`);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS of this benchmark process (everything above, up to ${scaleMax}x): ${rssMb.toFixed(0)} MB`);

// 6. A real build of the same files in a fresh process (streaming ingest, worker pool, every output
// written): its peak RSS is the memory figure of the corpus, and its write time the output cost.
const buildOut = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-build-'));
const listFile = path.join(buildOut, 'inputs.json');
writeFileSync(listFile, JSON.stringify(files));
const child = `
  const { runBuild } = await import(${JSON.stringify(path.join(root, 'dist', 'pipeline', 'run-build.js'))});
  const inputs = JSON.parse(await (await import('node:fs/promises')).readFile(${JSON.stringify(listFile)}, 'utf8'));
  const t = performance.now();
  const r = await runBuild({ inputs, outDir: ${JSON.stringify(path.join(buildOut, 'out'))}, workers: ${workers} });
  console.log(JSON.stringify({ ms: performance.now() - t, timings: r.timings, articles: r.results.length, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
const run = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', maxBuffer: 1 << 24 });
rmSync(buildOut, { recursive: true, force: true });
let buildRss = NaN;
try {
  const b = JSON.parse(run.stdout.trim().split('\n').pop());
  buildRss = b.rssMb;
  console.log(`build of the corpus (${workers} workers, all outputs): ${(b.ms / 1000).toFixed(1)} s for ${fmt(b.articles)} articles; extract ${(b.timings.extractMs / 1000).toFixed(1)} s, resolve + graph ${(b.timings.graphMs / 1000).toFixed(1)} s, write store and files ${(b.timings.writeMs / 1000).toFixed(1)} s; peak RSS ${buildRss.toFixed(0)} MB`);
} catch {
  console.log(`build of the corpus failed (exit ${run.status}, signal ${run.signal}): ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`);
}
console.log(`ratio=${(oneRate / bare).toFixed(3)} speedup2=${speedup.toFixed(3)} rss_mb=${Number.isNaN(buildRss) ? rssCorpusMb.toFixed(0) : buildRss.toFixed(0)} growth4x=${(growth ?? NaN).toFixed(3)} load_eps=${Math.round(loadEps)}`);
benchAppend(files, corpus, { workers });
console.log(`load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min)`);
