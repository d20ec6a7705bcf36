#!/usr/bin/env node
// A/B speed of the per-article stages of two builds of newsgraph, measured in one run: the same
// corpus articles go through processArticle of build A (`--base DIR`, another checkout with its own
// dist/, e.g. a detached worktree of main) and of this one, interleaved A B B A chunk by chunk, so
// that load from other processes falls on both alike. Prints each build's rate (tokens per second
// of process CPU time) and the speed-up, in total and as the median of the paired chunks.
// Usage: node scripts/bench-ab.mjs --base DIR [--limit N] [--rounds R] [--chunk C] [--corpus DIR] [--annotate]
//   --annotate  times the nlp stage (annotate) alone instead of processArticle.
import os from 'node:os';
import path from 'node:path';
import { corpusDir, listTexts } from './lib/corpus.mjs';
import { args, cpuMs, opt, root } from './lib/cli.mjs';

const base = opt('--base', '');
if (!base) {
  console.error('bench-ab: --base DIR (a checkout with its own dist/) is required');
  process.exit(2);
}
const limit = Number(opt('--limit', '500'));
const rounds = Number(opt('--rounds', '2'));
const chunk = Number(opt('--chunk', '25'));
const nlpOnly = args.includes('--annotate');
const corpus = corpusDir();
const files = listTexts(corpus).slice(0, limit);

/** A build's entry points, lexicons and the articles as it reads them. */
async function load(dir) {
  // The stages' modules only (the package entry would load a second copy of the native store).
  const dist = (m) => import(path.join(path.resolve(dir), 'dist', m));
  const { loadLexicons } = await dist('pipeline/lexicons.js');
  const { processArticle } = await dist('pipeline/process-article.js');
  const { annotate } = await dist('nlp/annotate.js');
  const { readCorpusArticles } = await import(path.join(path.resolve(dir), 'scripts', 'lib', 'corpus.mjs'));
  const lex = loadLexicons();
  const articles = await readCorpusArticles(files, corpus, lex.boilerplate);
  const one = nlpOnly ? (a) => annotate(a.text, a.paragraphs).tokens.length : (a) => processArticle(a, lex).article.tokens;
  return { articles, one };
}
const a = await load(base);
const b = await load(root);
const run = (build, from, to) => {
  const c0 = cpuMs();
  let tokens = 0;
  for (let i = from; i < to; i++) tokens += build.one(build.articles[i]);
  return { ms: cpuMs() - c0, tokens };
};
// Warm-up of both (JIT) outside the measurements.
run(a, 0, files.length);
run(b, 0, files.length);
let msA = 0;
let msB = 0;
let tokens = 0;
const ratios = [];
for (let r = 0; r < rounds; r++) {
  for (let from = 0; from < files.length; from += chunk) {
    const to = Math.min(files.length, from + chunk);
    const a1 = run(a, from, to);
    const b1 = run(b, from, to);
    const b2 = run(b, from, to);
    const a2 = run(a, from, to);
    msA += a1.ms + a2.ms;
    msB += b1.ms + b2.ms;
    tokens += a1.tokens + a2.tokens;
    ratios.push((a1.ms + a2.ms) / (b1.ms + b2.ms));
  }
}
const median = (xs) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};
/**
 * A 95% interval of the median paired ratio, by resampling the chunks (a fixed seed: the same
 * ratios give the same interval). On a machine shared with other work the chunks scatter widely:
 * a speed-up whose interval holds 1 is not shown by this run.
 */
function medianInterval(xs, draws = 2000) {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const medians = [];
  for (let d = 0; d < draws; d++) medians.push(median(Array.from(xs, () => xs[Math.floor(random() * xs.length)])));
  medians.sort((x, y) => x - y);
  return [medians[Math.floor(0.025 * draws)], medians[Math.floor(0.975 * draws)]];
}
const [low, high] = medianInterval(ratios);
ratios.sort((x, y) => x - y);
const at = (q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))].toFixed(3);
const rate = (ms) => Math.round(tokens / (ms / 1000)).toLocaleString('en-US');
console.log(`${nlpOnly ? 'annotate' : 'processArticle'} over ${files.length} articles, ${rounds} rounds, A B B A by ${chunk}:`);
console.log(`  base ${rate(msA)} tokens/s CPU (${base}); this ${rate(msB)} tokens/s CPU`);
console.log(`  speed-up ${(msA / msB).toFixed(3)}x in total; median of ${ratios.length} paired chunks ${median(ratios).toFixed(3)}x (quartiles ${at(0.25)}-${at(0.75)}; 95% interval of the median ${low.toFixed(3)}-${high.toFixed(3)}x)`);
console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
