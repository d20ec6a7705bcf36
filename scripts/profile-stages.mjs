#!/usr/bin/env node
// Per-stage CPU profile of the pipeline in one thread. Runs the per-article stages and
// the cross-article resolution + graph over corpus articles spread evenly over the corpus, under
// the V8 sampling profiler (node:inspector), and prints each stage's share of the profiled time
// (a sample counts for the innermost stage function on its stack; detectMentions is split into its
// steps, `detectMentions: ...`) and the top self-time functions. Run `npm run build` first.
// --alloc: V8's sampling heap profiler instead (collected objects included): bytes allocated per
// stage and the top allocating functions.
// Usage: node scripts/profile-stages.mjs [--limit N] [--top K] [--interval US] [--alloc] [--out FILE] [--corpus DIR]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { corpusDir, listTexts, readCorpusArticles, spreadSample } from './lib/corpus.mjs';
import { args, opt, root } from './lib/cli.mjs';

const ng = await import(path.join(root, 'dist', 'index.js'));

const limit = Number(opt('--limit', '1000'));
const top = Number(opt('--top', '25'));
const out = opt('--out', '');

const all = listTexts(corpusDir());
const files = spreadSample(all, limit);
const lex = ng.loadLexicons();
const articles = await readCorpusArticles(files, corpusDir(), lex.boilerplate);
// Warm-up (model load, JIT) outside the profile.
ng.graphFromResults(articles.slice(0, 100).map((a) => ng.processArticle(a, lex)), lex);

// Stage times without the profiler: the entity stages called one by one (same order and
// arguments as processArticle), each timed, and the whole of processArticle timed on its own;
// the rest of it (speaker names, references, quotes, relations, dates, fingerprint) is the
// difference. Best of 3 passes per stage total.
const dist = (m) => import(path.join(root, 'dist', m));
const { detectMentions } = await dist('extract/detect-mentions.js');
const { resolveArticle } = await dist('resolve/resolve-article.js');
const passes = [];
for (let pass = 0; pass < 3; pass++) {
  const t = { annotate: 0, detectMentions: 0, resolveArticle: 0, processArticle: 0, 'resolution + graph': 0 };
  for (const a of articles) {
    let c = performance.now();
    const lap = (k) => {
      const n = performance.now();
      t[k] += n - c;
      c = n;
    };
    const ann = ng.annotate(a.text, a.paragraphs);
    lap('annotate');
    const found = detectMentions(ann, lex.entities);
    lap('detectMentions');
    resolveArticle(found, ann, lex.entities);
    lap('resolveArticle');
  }
  let c = performance.now();
  const rs = articles.map((a) => ng.processArticle(a, lex));
  t.processArticle = performance.now() - c;
  c = performance.now();
  ng.graphFromResults(rs, lex);
  t['resolution + graph'] = performance.now() - c;
  passes.push(t);
}
const bestOf = (k) => Math.min(...passes.map((p) => p[k]));
const entityStages = ['annotate', 'detectMentions', 'resolveArticle'];
const best = [...entityStages.map((k) => [k, bestOf(k)])];
best.push(['rest of processArticle', Math.max(0, bestOf('processArticle') - entityStages.reduce((s, k) => s + bestOf(k), 0))]);
best.push(['resolution + graph', bestOf('resolution + graph')]);
const sum = best.reduce((s, [, v]) => s + v, 0);
console.log(`stage times without the profiler (best of ${passes.length} passes, ${articles.length} articles):`);
for (const [k, v] of best) console.log(`${((100 * v) / sum).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${k}`);
console.log(`${''.padStart(6)}  ${sum.toFixed(0).padStart(6)} ms  total\n`);

const session = new Session();
session.connect();
const alloc = args.includes('--alloc');
if (alloc) {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
} else {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(opt('--interval', '1000')) });
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const results = articles.map((a) => ng.processArticle(a, lex));
ng.graphFromResults(results, lex);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
let profile;
if (alloc) {
  // The sampling heap profile as a tree of the same shape (nodes with self sizes instead of samples).
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  const nodes = [];
  let nextId = 1;
  const flatten = (h) => {
    const node = { id: nextId++, callFrame: h.callFrame, children: [], bytes: h.selfSize };
    nodes.push(node);
    for (const c of h.children) node.children.push(flatten(c));
    return node.id;
  };
  flatten(heap.head);
  profile = { nodes, samples: nodes.map((n) => n.id), timeDeltas: nodes.map((n) => n.bytes) };
} else profile = (await session.post('Profiler.stop')).profile;
session.disconnect();
if (out) writeFileSync(out, JSON.stringify(profile));

// Stage of a frame: the innermost of these functions on the stack decides.
const STAGES = [
  ['readDoc', 'wink readDoc'],
  ['resetNlpHistory', 'per-article reset'],
  ['blankLongRuns', 'blankLongRuns'],
  ['annotate', 'annotate (conversion)'],
  ['typeContextOrganisations', 'context organisations'],
  ['detectMentions', 'detectMentions'],
  ['applyTagger', 'learned tagger'],
  ['resolveArticle', 'resolveArticle'],
  ['addSpeakerNames', 'speaker names'],
  ['resolveArticleReferences', 'reference resolution'],
  ['ArticleView', 'article view'],
  ['quotesOf', 'quotes'],
  ['relationsOf', 'relations'],
  ['dropPlaceOnlyCountries', 'place-only countries'],
  ['calibrated', 'confidence'],
  ['dateEvents', 'event dates'],
  ['fingerprintText', 'fingerprint'],
  ['graphFromResults', 'resolution + graph'],
];
const stageOf = new Map(STAGES);
// detectMentions' own steps (learned tagger and context organisations are stages above), split the
// same way inside that stage only (the tagger's lexicon look-ups stay the tagger's).
const MENTION_STEPS = [
  ['MentionScan', 'scan set-up (skipped tokens, headlines)'],
  ['metonymAt', 'metonyms'],
  ['namePersonMetonyms', 'metonyms'],
  ['lexMatchAt', 'lexicon phrases'],
  ['findLexEndingAt', 'lexicon phrases'],
  ['emitLexicon', 'lexicon phrases'],
  ['orgHeadRunAt', 'organisation heads'],
  ['emitHeadOrg', 'organisation heads'],
  ['personAt', 'titles, names and capitalised runs'],
  ['acronymAt', 'acronyms'],
  ['lowerCaseMinistries', 'context typing'],
  ['qualifyMinistries', 'context typing'],
  ['propagateCompanyNames', 'context typing'],
  ['propagateBracketAcronyms', 'context typing'],
  ['propagateSurnames', 'context typing'],
  ['toMentions', 'drafts to mentions'],
];
const stepOf = new Map(MENTION_STEPS.map(([f, step]) => [f, `detectMentions: ${step}`]));
const inMentions = (stage) => stage === 'detectMentions' || stage.startsWith('detectMentions:');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const stageTime = new Map();
const fnTime = new Map();
const otherTime = new Map();
let total = 0;
const walk = (node, stage) => {
  const name = node.callFrame.functionName;
  const s = name === '(garbage collector)' ? 'garbage collector' : (stageOf.get(name) ?? (inMentions(stage) ? stepOf.get(name) : undefined) ?? stage);
  const t = self.get(node.id) ?? 0;
  // `dispatch` is the inspector answering Profiler.stop (the profiler's own cost).
  if (t && name !== '(idle)' && name !== '(program)' && name !== 'dispatch') {
    total += t;
    stageTime.set(s, (stageTime.get(s) ?? 0) + t);
    const key = `${name || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    fnTime.set(key, (fnTime.get(key) ?? 0) + t);
    if (s === 'other') otherTime.set(key, (otherTime.get(key) ?? 0) + t);
  }
  for (const c of node.children ?? []) walk(byId.get(c), s);
};
walk(profile.nodes[0], 'other');
const pct = (t) => `${((100 * t) / total).toFixed(1)}%`.padStart(6);
const unit = alloc ? (t) => `${(t / 1e6).toFixed(0).padStart(6)} MB` : (t) => `${(t / 1000).toFixed(0).padStart(6)} ms`;
console.log(`${articles.length} articles: wall ${wallMs.toFixed(0)} ms, process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ${alloc ? 'allocated' : 'profiled JS+GC'} ${unit(total).trim()}`);
for (const [s, t] of [...stageTime].sort((a, b) => b[1] - a[1])) console.log(`${pct(t)}  ${unit(t)}  ${s}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [f, t] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${f}`);
console.log(`\ntop functions outside every stage:`);
for (const [f, t] of [...otherTime].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${pct(t)}  ${f}`);
