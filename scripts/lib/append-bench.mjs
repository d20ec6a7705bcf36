// The append benchmark: a full build of the corpus without every hundredth file, then
// `build --append` of those files, each in a fresh process as `newsgraph build` runs; prints
// both times and append_ratio (append time / full build time), and the same ratio of CPU times.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { root } from './cli.mjs';

/** Runs runBuild in a fresh process; its wall time includes loading the code and the lexicons. */
function timedBuild(options) {
  const child = `
    const t = performance.now();
    const { runBuild } = await import(${JSON.stringify(path.join(root, 'dist', 'pipeline', 'run-build.js'))});
    const importMs = performance.now() - t;
    const r = await runBuild(${JSON.stringify(options)});
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ ms: performance.now() - t, startMs: t, importMs, cpuMs: (cpu.user + cpu.system) / 1000, timings: r.timings, articles: r.articles, incremental: !!r.incremental, fatal: r.diagnostics.filter((d) => d.fatal).length }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', maxBuffer: 1 << 24 });
  try {
    return JSON.parse(run.stdout.trim().split('\n').pop());
  } catch {
    throw new Error(`build failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/**
 * `files` (below `corpus`) are copied into two folders with their relative paths, so both builds
 * give them the ids a build of the corpus folder gives: every `1 / share`-th file is new.
 */
export function benchAppend(files, corpus, { workers = 2, share = 0.01 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-append-'));
  try {
    const step = Math.round(1 / share);
    let added = 0;
    files.forEach((f, i) => {
      const to = path.join(dir, i % step === step - 1 ? 'new' : 'base', path.relative(corpus, f));
      if (i % step === step - 1) added++;
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(f, to);
    });
    const out = path.join(dir, 'out');
    const full = timedBuild({ inputs: [path.join(dir, 'base')], outDir: out, workers });
    console.log(`full build (${workers} workers, every output): ${(full.ms / 1000).toFixed(1)} s (${(full.cpuMs / 1000).toFixed(1)} s CPU) for ${full.articles} articles`);
    const append = timedBuild({ inputs: [path.join(dir, 'new')], outDir: out, append: true });
    console.log(
      `append of ${added} new files (${(share * 100).toFixed(0)} %, 1 thread, ${append.incremental ? 'incremental' : 'resolved and written in full'}): ${(append.ms / 1000).toFixed(1)} s (${(append.cpuMs / 1000).toFixed(1)} s CPU); ` +
        `extract ${(append.timings.extractMs / 1000).toFixed(1)} s, resolve + graph ${(append.timings.graphMs / 1000).toFixed(1)} s, write ${(append.timings.writeMs / 1000).toFixed(1)} s; ${append.articles} articles${append.fatal ? `; ${append.fatal} output(s) failed` : ''}`,
    );
    const phases = Object.entries(append.timings.phases ?? {}).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`);
    console.log(`append phases (s): node start ${(append.startMs / 1000).toFixed(2)}, code load ${(append.importMs / 1000).toFixed(2)}, ${phases.join(', ')}`);
    // The CPU ratio moves less than the wall-time one when other jobs share the machine.
    console.log(`append_ratio=${(append.ms / full.ms).toFixed(3)} append_cpu_ratio=${(append.cpuMs / full.cpuMs).toFixed(3)}`);
    return append.ms / full.ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
