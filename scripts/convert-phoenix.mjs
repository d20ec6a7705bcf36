#!/usr/bin/env node
// Converts the Phoenix actor dictionaries of PETRARCH2 (Open Event Data Alliance, MIT; TABARI
// format: `NAME_` entries, `+ALIAS_` lines, `[CODE dates]` roles) into gazetteer files:
//   data/gazetteers/phoenix-people.tsv         people: name, ISO3 country, role code, from, to (one row per dated role)
//   data/gazetteers/phoenix-organisations.tsv  international organisations and armed groups: name, code, aliases
//   data/gazetteers/phoenix-agents.txt         agent nouns (role words: `minister`, `rebel`, `spokesman`)
// Usage: node scripts/convert-phoenix.mjs [--dir DIR] [--out DIR]
// Deterministic: rows in the dictionaries' order, duplicates dropped.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { opt, root } from './lib/cli.mjs';

const dir = path.resolve(opt('--dir', path.join(root, '..', 'shared', 'dictionaries', 'petrarch2')));
const out = path.resolve(opt('--out', path.join(root, 'data', 'gazetteers')));

const HEADER = (what) =>
  [
    `# ${what}`,
    '# Source: the Phoenix actor dictionaries of PETRARCH2 (Open Event Data Alliance, https://github.com/openeventdata/petrarch2),',
    '# MIT licence (Copyright (c) 2014 Open Event Data Alliance); converted by scripts/convert-phoenix.mjs. Do not edit by hand.',
  ].join('\n');

/** `DENNIS_C._BLAIR_` -> `Dennis C. Blair`; `MCCAIN` -> `McCain`. */
function displayName(raw) {
  return raw
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((w) =>
      w
        .toLowerCase()
        .replace(/(^|[-'.])(\p{L})/gu, (_, sep, c) => sep + c.toUpperCase())
        .replace(/^Mc(\p{L})/u, (_, c) => `Mc${c.toUpperCase()}`),
    )
    .join(' ');
}

/** The entries of a TABARI actor file: name, aliases, and role lines `[CODE dates]`. */
function readEntries(file) {
  const entries = [];
  let cur;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const text = line.replace(/#.*$/, '').trimEnd();
    if (!text.trim()) continue;
    if (/^\s*\[/.test(text)) {
      const m = text.match(/\[([A-Z0-9]+)\s*([^\]]*)\]/);
      if (cur && m) cur.roles.push({ code: m[1], dates: m[2].trim() });
      continue;
    }
    if (text.startsWith('+')) {
      if (cur) cur.aliases.push(text.slice(1).trim());
      continue;
    }
    const m = text.match(/^([^\s[]+)\s*(?:\[([A-Z0-9]+)[^\]]*\])?/);
    if (!m) continue;
    cur = { name: m[1], aliases: [], roles: m[2] ? [{ code: m[2], dates: '' }] : [] };
    entries.push(cur);
  }
  return entries;
}

/** `030101-041231` -> ['2003-01-01', '2004-12-31']; `>100201` -> ['2010-02-01', '']; `<900823` -> ['', '1990-08-23']. */
function dateRange(dates) {
  const day = (d) => {
    if (!/^\d{6}(\d{2})?$/.test(d)) return '';
    const full = d.length === 8 ? d : `${Number(d.slice(0, 2)) > 30 ? '19' : '20'}${d}`;
    return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
  };
  if (dates.startsWith('>')) return [day(dates.slice(1)), ''];
  if (dates.startsWith('<')) return ['', day(dates.slice(1))];
  const [a = '', b = ''] = dates.split('-');
  return [day(a), day(b)];
}

const writeAtomic = (file, text) => {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
};

// People: entries of the country file with a dated role (country entries have none) and two words or more.
const people = [];
const seenPeople = new Set();
for (const e of readEntries(path.join(dir, 'Phoenix.Countries.actors.txt'))) {
  const name = displayName(e.name);
  if (name.split(' ').length < 2 || !e.roles.some((r) => /\d/.test(r.dates))) continue;
  for (const r of e.roles) {
    if (!/\d/.test(r.dates) || r.code.length < 3) continue;
    const [from, to] = dateRange(r.dates);
    const row = [name, r.code.slice(0, 3), r.code.slice(3), from, to].join('\t');
    if (seenPeople.has(row)) continue;
    seenPeople.add(row);
    people.push(row);
  }
}
writeAtomic(
  path.join(out, 'phoenix-people.tsv'),
  `${HEADER('Office holders and other public people by country, with dated roles (CAMEO codes: GOV government, ELI elite, MIL military, OPP opposition, REB rebels, JUD judiciary, LEG legislature, ... after the ISO3 country).')}\n# name\tcountry (ISO3 or CAMEO region)\trole code\tfrom\tto\n${people.join('\n')}\n`,
);

// Organisations: the international file (IGOs, NGOs, companies) and the armed non-state groups.
const orgs = [];
const seenOrgs = new Set();
for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
  for (const e of readEntries(path.join(dir, file))) {
    const code = e.roles[0]?.code ?? '';
    const name = displayName(e.name);
    // Person entries of the international file (`KOFI_ANNAN_`) carry dated roles; organisations do not.
    if (!code || e.roles.some((r) => /\d/.test(r.dates)) || seenOrgs.has(name)) continue;
    seenOrgs.add(name);
    orgs.push([name, code, e.aliases.map(displayName).join('|')].join('\t'));
  }
}
writeAtomic(
  path.join(out, 'phoenix-organisations.tsv'),
  `${HEADER('International organisations, NGOs, companies and armed non-state groups, with their CAMEO codes (IGO intergovernmental, NGO, MNC company, IMG/insurgents ...).')}\n# name\tCAMEO code\taliases (|)\n${orgs.join('\n')}\n`,
);

// Agents: the nouns of the agents file (role words), lower-case, without the stems' trailing `_`.
const agents = new Set();
for (const line of readFileSync(path.join(dir, 'Phoenix.agents.txt'), 'utf8').split('\n')) {
  const text = line.replace(/#.*$/, '').trim();
  const m = text.match(/^([A-Z][A-Z_'-]*?)_?\s*\[/) ?? text.match(/^\+?([A-Z][A-Z'-]*(?:_[A-Z'-]+)*)_?\s*$/);
  if (!m) continue;
  agents.add(m[1].replace(/_/g, ' ').toLowerCase());
}
writeAtomic(path.join(out, 'phoenix-agents.txt'), `${HEADER('Agent nouns: words for roles and groups of actors (minister, rebel, spokesman, ...), lower-case, one per line.')}\n${[...agents].join('\n')}\n`);

console.log(`convert-phoenix: ${people.length} dated roles of ${new Set(people.map((r) => r.split('\t')[0])).size} people, ${orgs.length} organisations, ${agents.size} agent nouns -> ${path.relative(root, out)}`);
