#!/usr/bin/env node
// Where the wall time of a pooled run goes (issue 7): the per-article stages of the first N corpus
// files on an ArticlePool of W workers (warmed up first), then the cross-article resolution and
// graph on the main thread. Prints the wall time of each part, the process CPU time, and the
// event-loop utilisation of the main thread and of each worker while the articles were extracted
// (a worker at ~100% never waited for work). Run `npm run build` first; add `--cpu-prof` to node
// for a CPU profile of the main thread and of every worker.
// Usage: node scripts/pool-usage.mjs [--limit N] [--workers W] [--corpus DIR]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { corpusDir, listTexts, readCorpusArticles } from './lib/corpus.mjs';
import { opt, root } from './lib/cli.mjs';

const ng = await import(path.join(root, 'dist', 'index.js'));
const corpus = corpusDir();
const files = listTexts(corpus).slice(0, Number(opt('--limit', '2000')));
const lex = ng.loadLexicons();
const articles = await readCorpusArticles(files, corpus, lex.boilerplate);
/** CPU time (ms) of each thread of this process, from /proc (Linux; empty elsewhere). */
function threadCpu() {
  const out = new Map();
  try {
    const tick = 10; // USER_HZ = 100 on Linux
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, { name: tid === String(process.pid) ? 'main thread' : name, ms: (Number(f[11]) + Number(f[12])) * tick });
    }
  } catch {
    // no /proc
  }
  return out;
}
const pool = new ng.ArticlePool(Number(opt('--workers', '2')));
await Promise.all(articles.slice(0, 100).map((a) => pool.process(a)));
// The pool's workers (a private field; read only here, for their event-loop utilisation).
const workers = pool.slots.map((s) => s.worker);
const before = workers.map((w) => w.performance.eventLoopUtilization());
const mainBefore = performance.eventLoopUtilization();
const threadsBefore = threadCpu();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const results = await Promise.all(articles.map((a) => pool.process(a)));
const t1 = performance.now();
const used = workers.map((w, i) => w.performance.eventLoopUtilization(before[i]));
const mainUsed = performance.eventLoopUtilization(mainBefore);
const threadsAfter = threadCpu();
ng.graphFromResults(results, lex);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
await pool.close();
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`${articles.length} articles, ${workers.length} workers: extract ${(t1 - t0).toFixed(0)} ms, resolution + graph ${(t2 - t1).toFixed(0)} ms (serial tail ${pct((t2 - t1) / (t2 - t0))}), process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
console.log(`main thread event-loop utilisation while extracting: ${pct(mainUsed.utilization)}`);
used.forEach((u, i) => console.log(`worker ${i}: event-loop utilisation ${pct(u.utilization)} (idle ${u.idle.toFixed(0)} ms)`));
// CPU of each thread while extracting (Node names every thread `node` but the main one).
const rows = [];
for (const [tid, t] of threadsAfter) {
  const ms = t.ms - (threadsBefore.get(tid)?.ms ?? 0);
  if (ms > 0) rows.push(`${t.name} ${tid}: ${ms} ms`);
}
if (rows.length) console.log(`CPU of each thread while extracting (the busiest are the workers; the others V8's GC and compiler helpers, libuv): ${rows.sort((a, b) => Number(b.split(' ').at(-2)) - Number(a.split(' ').at(-2))).join(', ')}; wall ${(t1 - t0).toFixed(0)} ms`);
