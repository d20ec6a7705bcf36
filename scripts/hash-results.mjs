#!/usr/bin/env node
// Output fingerprint for performance work: hashes every per-article
// annotation and result and the graph over corpus articles spread evenly over
// ../shared/corpus/news-bulk, so that a change meant to be perf-only can be
// checked to change no output. Run before and after, compare the printed lines.
// Usage: node scripts/hash-results.mjs [--limit N] [--corpus DIR] [--dump FILE] [--reverse]
//   --reverse processes the articles in reverse order (the printed hashes must not change: every
//   article's output depends on that article only).
//   --dump FILE writes one line per article (id, annotation hash, result hash) to diff.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir, listTexts, readCorpusArticles, spreadSample } from './lib/corpus.mjs';
import { args, opt, root } from './lib/cli.mjs';

const ng = await import(path.join(root, 'dist', 'index.js'));

const corpus = corpusDir();
const limit = Number(opt('--limit', '2000'));
const dump = opt('--dump', '');


const all = listTexts(corpus);
const files = spreadSample(all, limit);
const lex = ng.loadLexicons();
const articles = await readCorpusArticles(files, corpus, lex.boilerplate);

const sha = (s) => createHash('sha256').update(s).digest('hex');
const annAll = createHash('sha256');
const resAll = createHash('sha256');
const perArticle = [];
const t = performance.now();
for (const a of args.includes('--reverse') ? [...articles].reverse() : articles) {
  const ann = ng.annotate(a.text, a.paragraphs);
  const annHash = sha(JSON.stringify([ann.tokens, ann.sentences]));
  const r = ng.processArticle(a, lex);
  const resHash = sha(JSON.stringify(r));
  perArticle.push({ id: a.id, annHash, resHash, r });
}
if (args.includes('--reverse')) perArticle.reverse();
const results = perArticle.map((x) => x.r);
const lines = perArticle.map((x) => `${x.id}\t${x.annHash}\t${x.resHash}`);
for (const x of perArticle) {
  annAll.update(x.annHash);
  resAll.update(x.resHash);
}
const ms = performance.now() - t;
const graphHash = sha(ng.toJson(ng.graphFromResults(results, lex)));
if (dump) writeFileSync(dump, lines.join('\n') + '\n');
console.log(`articles=${articles.length} (${(ms / 1000).toFixed(1)} s)`);
console.log(`annotations=${annAll.digest('hex').slice(0, 16)} results=${resAll.digest('hex').slice(0, 16)} graph=${graphHash.slice(0, 16)}`);
