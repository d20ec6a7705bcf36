#!/usr/bin/env node
// Trains the entity span tagger (src/extract/mentions/tagger.ts) on the CoNLL-2003 training split
// with wink-perceptron (averaged perceptron) and writes data/models/entity-tagger.json.
// The tagger is greedy: a token's features hold the two labels before it. Trained only with the
// gold labels there, it learns to trust them too much (one wrong `B-ORG` drags the rest of a run
// along), so training goes in rounds (DAgger): round 1 learns from gold histories; each later
// round learns afresh from the gold-history examples plus the same tokens with the histories
// the previous round's model predicts.
// Deterministic: documents in file order, no shuffling, fixed passes and rounds; features seen
// fewer than --min-count times are left out. The tokens and POS are wink's (as in the pipeline),
// the gold spans are mapped onto them by character offsets.
// testa/testb are never read here (they measure: scripts/conll.mjs).
// Usage: node scripts/train-tagger.mjs [--data FILE] [--passes N] [--rounds N] [--min-count N] [--out FILE]
// Run `npm run build` first (or `npm run train-tagger`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { opt, root } from './lib/cli.mjs';

const require = createRequire(import.meta.url);
const perceptron = require('wink-perceptron');
const winkVersion = require('wink-perceptron/package.json').version;
const { annotate } = await import(path.join(root, 'dist', 'nlp', 'annotate.js'));
const { lineParagraphs } = await import(path.join(root, 'dist', 'pipeline', 'extract-document.js'));
const { loadEntityLexicon } = await import(path.join(root, 'dist', 'extract', 'entity-lexicon.js'));
const { MentionScan } = await import(path.join(root, 'dist', 'extract', 'mentions', 'scan.js'));
const { gazetteerLabels, isCandidate, remember, SentenceShapes, tagSentence, visitFeatures, wordMemory } = await import(path.join(root, 'dist', 'extract', 'mentions', 'tagger.js'));
const { taggerModelFrom } = await import(path.join(root, 'dist', 'extract', 'tagger-model.js'));

const dataFile = path.resolve(opt('--data', path.join(root, '..', 'shared', 'training', 'conll2003', 'conll2003.train.docs.jsonl')));
const passes = Number(opt('--passes', '5'));
const rounds = Number(opt('--rounds', '2'));
const minCount = Number(opt('--min-count', '2'));
const outFile = path.resolve(opt('--out', path.join(root, 'data', 'models', 'entity-tagger.json')));

const lex = loadEntityLexicon();
const docs = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

// Each document annotated once: its scan (for the gazetteer features) and gold label per token.
let tokenCount = 0;
const sentences = [];
for (const doc of docs) {
  const ann = annotate(doc.text, lineParagraphs(doc.text));
  const s = new MentionScan(ann, lex);
  const gold = new Array(ann.tokens.length).fill('O');
  for (const span of doc.spans) {
    let begun = false;
    ann.tokens.forEach((t, k) => {
      if (t.start < span.start || t.end > span.end) return;
      gold[k] = `${begun ? 'I' : 'B'}-${span.type}`;
      begun = true;
    });
  }
  tokenCount += ann.tokens.length;
  for (const { firstToken: first, lastToken: last } of ann.sentences) {
    if (last >= first) sentences.push({ s, first, last, gold, gaz: gazetteerLabels(s, first, last), shapes: new SentenceShapes(ann.tokens, first, last) });
  }
}

/**
 * The examples of every candidate token, each with the labels before it from `history` (called
 * with the sentence and its document's memory, in text order); the word memory of the features
 * is filled from the same labels.
 */
function examplesWith(history) {
  const out = [];
  let doc;
  let historyMemory;
  let memory;
  for (const sen of sentences) {
    const { s, first, last, gaz, shapes, gold } = sen;
    if (s !== doc) {
      doc = s;
      historyMemory = wordMemory(s.tokens);
      memory = wordMemory(s.tokens);
    }
    const labels = history(sen, historyMemory);
    for (let i = first; i <= last; i++) {
      if (!isCandidate(s.tokens, i)) continue;
      const prev = i > first ? labels[i - 1 - first] : '<s>';
      const prev2 = i - 1 > first ? labels[i - 2 - first] : '<s>';
      const features = [];
      visitFeatures(s, i, first, last, gaz, shapes, prev, prev2, memory, {
        one: (template, value) => features.push(`${template}=${value}`),
        two: (template, a, b) => features.push(`${template}=${a} ${b}`),
      });
      remember(memory, s.tokens[i].normal, labels[i - first]);
      out.push([features, gold[i]]);
    }
  }
  return out;
}
const goldHistory = ({ s, first, last, gold }) => {
  const labels = [];
  for (let i = first; i <= last; i++) labels.push(isCandidate(s.tokens, i) ? gold[i] : 'O');
  return labels;
};

/** Trains a fresh perceptron on the examples; returns the model file's content. */
function train(examples) {
  const counts = new Map();
  for (const [features] of examples) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const data = examples.map(([features, label]) => {
    const obj = Object.create(null);
    for (const f of features) if ((counts.get(f) ?? 0) >= minCount) obj[f] = 1;
    return [obj, { label }];
  });
  const p = perceptron();
  p.defineConfig({ shuffleData: false, maxIterations: passes });
  p.learn(data);
  const [avgWts, avgBiases] = JSON.parse(p.exportJSON());
  const labels = Object.keys(avgBiases).sort();
  const weights = {};
  for (const f of Object.keys(avgWts).sort()) {
    const row = labels.map((l) => avgWts[f][l] ?? 0);
    if (row.some((w) => w !== 0)) weights[f] = row;
  }
  return { labels, biases: labels.map((l) => avgBiases[l] ?? 0), weights };
}

const t0 = performance.now();
const goldExamples = examplesWith(goldHistory);
let file = train(goldExamples);
for (let round = 2; round <= rounds; round++) {
  const model = taggerModelFrom(file, 'round model');
  const predicted = examplesWith(({ s, first, last }, memory) => tagSentence(s, model, first, last, memory));
  file = train([...goldExamples, ...predicted]);
}
const out = {
  description: 'Greedy averaged-perceptron tagger of PER/ORG/LOC/MISC spans (BIO) for src/extract/mentions/tagger.ts',
  source:
    'Trained by scripts/train-tagger.mjs with wink-perceptron on the CoNLL-2003 English training split (Tjong Kim Sang and De Meulder 2003), whose texts are Reuters RCV1 news of 1996-97.',
  licence:
    'The weights are statistics of the annotated corpus, not its text. The CoNLL-2003 annotations are free for research; the Reuters RCV1 texts they annotate are licensed by Reuters/NIST for research use only, and whether a model trained on them may be used or redistributed commercially is not settled: check before commercial use, or retrain with this script on data you hold a licence for.',
  training: { documents: docs.length, tokens: tokenCount, examples: goldExamples.length, passes, rounds, minFeatureCount: minCount, library: `wink-perceptron ${winkVersion}` },
  ...file,
};
const tmp = `${outFile}.tmp`;
writeFileSync(tmp, JSON.stringify(out) + '\n');
renameSync(tmp, outFile);
console.log(`train-tagger: ${docs.length} documents, ${tokenCount} tokens, ${goldExamples.length} candidate tokens, ${rounds} rounds of ${passes} passes, ${Object.keys(file.weights).length} features, ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${path.relative(root, outFile)}`);
