// One process of parallel-ceiling.mjs: reads its share of the articles (every k-th, from i), warms
// up on the warm-up files, says "ready", and on "go" runs processArticle over its share, then
// sends its wall and CPU time (ms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCorpusArticles } from './corpus.mjs';
import { cpuMs, root } from './cli.mjs';

const [listFile, i, k] = process.argv.slice(2);
const { files, warm, corpus } = JSON.parse(readFileSync(listFile, 'utf8'));
const ng = await import(path.join(root, 'dist', 'index.js'));
const lex = ng.loadLexicons();
const mine = await readCorpusArticles(files.filter((_, j) => j % Number(k) === Number(i)), corpus, lex.boilerplate);
for (const a of await readCorpusArticles(warm, corpus, lex.boilerplate)) ng.processArticle(a, lex);
process.send('ready');
process.once('message', () => {
  const start = performance.now();
  const cpu0 = cpuMs();
  for (const a of mine) ng.processArticle(a, lex);
  process.send({ ms: performance.now() - start, cpuMs: cpuMs() - cpu0 }, () => process.exit(0));
});
