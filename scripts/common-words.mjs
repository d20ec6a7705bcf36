#!/usr/bin/env node
// Writes data/lexicons/common-words.txt: the words the CoNLL-2003 training split (Reuters news,
// 1996-97) writes in lower case more often than capitalised inside a sentence, at least
// --min-count times. A capitalised run made only of such words (`Band Aid`, `General Election`)
// reads as a phrase of common words rather than a person's name (src/extract/mentions).
// Deterministic: counts over the whole file, words sorted. testa/testb are never read here.
// Usage: node scripts/common-words.mjs [--data FILE] [--min-count N] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { opt, root } from './lib/cli.mjs';

const dataFile = path.resolve(opt('--data', path.join(root, '..', 'shared', 'training', 'conll2003', 'conll2003.train.docs.jsonl')));
const minCount = Number(opt('--min-count', '3'));
const outFile = path.resolve(opt('--out', path.join(root, 'data', 'lexicons', 'common-words.txt')));

const WORD = /^\p{L}[\p{Ll}'-]*$/u;
const lower = new Map();
const capital = new Map();
for (const line of readFileSync(dataFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line);
  for (const sentence of text.split('\n')) {
    const words = sentence.split(' ');
    // (Title-case and all-capital lines are headlines: their capitals tell nothing.)
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (caps * 2 > words.length) continue;
    words.forEach((w, k) => {
      if (!WORD.test(w)) return;
      const key = w.toLowerCase();
      if (/^\p{Ll}/u.test(w)) lower.set(key, (lower.get(key) ?? 0) + 1);
      else if (k > 0) capital.set(key, (capital.get(key) ?? 0) + 1);
    });
  }
}
const words = [...lower].filter(([w, n]) => w.length >= 2 && n >= minCount && n > (capital.get(w) ?? 0)).map(([w]) => w);
words.sort();
const header = [
  '# Common English words: those the CoNLL-2003 training split (Reuters news, 1996-97; ../shared/training/conll2003)',
  `# writes in lower case at least ${minCount} times and more often than capitalised inside a sentence (headline lines left out).`,
  '# Written by scripts/common-words.mjs; do not edit by hand. One lower-case word per line.',
];
writeFileSync(outFile, `${[...header, ...words].join('\n')}\n`);
console.log(`${words.length} words -> ${path.relative(root, outFile)}`);
