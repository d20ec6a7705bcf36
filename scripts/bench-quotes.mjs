#!/usr/bin/env node
// Growth of the quote stages with the number of attributed quotations: builds an
// article of N lines `"Statement number i," Lavrov said.` (and one of 2N), runs
// the speaker-name and quote stages over each and prints the time ratio measured
// in this run. Linear stages give about 2; a scan over every earlier quote gives 4.
// Usage: node scripts/bench-quotes.mjs [--lines N]
import path from 'node:path';
import { opt, root } from './lib/cli.mjs';

const dist = (p) => import(path.join(root, 'dist', p));
const { annotate } = await dist('nlp/annotate.js');
const { detectMentions } = await dist('extract/detect-mentions.js');
const { resolveArticle } = await dist('resolve/resolve-article.js');
const { addSpeakerNames } = await dist('relations/speaker-names.js');
const { extractQuotes } = await dist('relations/extract-quotes.js');
const { loadLexicons } = await dist('pipeline/lexicons.js');

const lex = loadLexicons();
const n = Number(opt('--lines', '10000'));
/** The reporting frame after each quotation (`--frame "the minister said"` tries a role description). */
const frame = opt("--frame", "Lavrov said");

/** The article: one paragraph per quotation. */
function article(lines) {
  const paras = [];
  for (let i = 0; i < lines; i++) paras.push(`"We discussed the matter number ${i} at length," ${frame}.`);
  const text = paras.join('\n\n');
  const paragraphs = [];
  let at = 0;
  for (const p of paras) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { text, paragraphs };
}

function run(lines) {
  const { text, paragraphs } = article(lines);
  const ann = annotate(text, paragraphs);
  const resolved = resolveArticle(detectMentions(ann, lex.entities), ann, lex.entities);
  const t0 = performance.now();
  const sp = addSpeakerNames(ann, resolved.mentions, resolved.entities, lex.relations, lex.entities);
  const t1 = performance.now();
  const quotes = extractQuotes(ann, sp.mentions, sp.entities, lex.relations);
  const t2 = performance.now();
  return { speakers: t1 - t0, quotes: t2 - t1, n: quotes.length };
}

run(200); // warm-up
const a = run(n);
const b = run(2 * n);
const f = (x) => x.toFixed(0).padStart(7);
console.log(`lines ${n}: speaker names ${f(a.speakers)} ms, quotes ${f(a.quotes)} ms (${a.n} quotes)`);
console.log(`lines ${2 * n}: speaker names ${f(b.speakers)} ms, quotes ${f(b.quotes)} ms (${b.n} quotes)`);
console.log(`growth for twice the lines: speaker names ${(b.speakers / a.speakers).toFixed(2)}, quotes ${(b.quotes / a.quotes).toFixed(2)} (linear: 2, quadratic: 4)`);
