#!/usr/bin/env node
// Event-coding agreement with PETRARCH's gold standard records (GSR):
// runs newsgraph's extraction (the `extract` interface, in-process from dist/)
// over ../shared/eval/external-dev/petrarch/petrarch.gsr.dev.jsonl, maps our
// edges to CAMEO root classes and our actors to country codes, and prints how
// many GSR records whose class maps to one of our types we agree with.
// Measuring only: nothing in the extractor knows about this split.
// Usage: node scripts/petrarch.mjs [--file FILE] [--asserted-only] [--json]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const file = opt('--file', path.resolve(root, '..', 'shared', 'eval', 'external-dev', 'petrarch', 'petrarch.gsr.dev.jsonl'));
const assertedOnly = args.includes('--asserted-only');

const { extractDocument } = await import(path.join(root, 'dist', 'pipeline', 'extract-document.js'));
const { loadLexicons } = await import(path.join(root, 'dist', 'pipeline', 'lexicons.js'));
const lex = loadLexicons();

// CAMEO root class (2 digits; 036 intent to meet counts as consult) -> our relation types.
const CAMEO = {
  '02': { name: 'appeal', types: ['URGED'] },
  '03': { name: 'intent to cooperate', types: ['PROPOSED'] },
  '04': { name: 'consult', types: ['SPOKE_WITH'] },
  '05': { name: 'diplomatic cooperation', types: ['SUPPORTED'] },
  '10': { name: 'demand', types: ['DEMANDED'] },
  '11': { name: 'disapprove', types: ['ACCUSED'] },
  '12': { name: 'reject', types: ['REJECTED'] },
  '13': { name: 'threaten', types: ['THREATENED', 'WARNED'] },
  '15': { name: 'force posture', types: ['DEPLOYED_NEAR'] },
};
const rootOf = (code) => (code.startsWith('036') ? '04' : code.slice(0, 2));

// Actors: a country by its ISO-3 code (world-countries); a person by the country of its
// AFFILIATED_WITH edge; an international organisation by its Phoenix IGO code.
const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json');
const iso3 = new Map();
for (const c of countries) for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? [])]) if (!iso3.has(n.toLowerCase())) iso3.set(n.toLowerCase(), c.cca3);
const IGO = new Map([
  ['united nations', 'IGOUNO'],
  ['united nations security council', 'IGOUNO'],
  ['european union', 'IGOEUREEC'],
  ['nato', 'IGOWSTNAT'],
  ['african union', 'IGOAFRAFU'],
  ['arab league', 'IGOARBARL'],
  ['organization of american states', 'IGOWHMOAS'],
  ['world trade organization', 'IGOWTO'],
  ['international monetary fund', 'IGOIMF'],
]);
const goldActor = (code) => (code.startsWith('IGO') ? code.slice(0, 6) : code.slice(0, 3));
function actorCode(name, affiliations) {
  const low = name.toLowerCase();
  if (iso3.has(low)) return iso3.get(low);
  for (const [n, c] of IGO) if (low === n) return c.slice(0, 6);
  for (const a of affiliations.get(name) ?? []) {
    const c = actorCode(a, new Map());
    if (c !== '---') return c;
  }
  return '---';
}

const records = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const rows = [];
for (const rec of records) {
  const ex = extractDocument(rec.id, rec.text, lex);
  const affiliations = new Map();
  for (const r of ex.relations) if (r.type === 'AFFILIATED_WITH') affiliations.set(r.source, [...(affiliations.get(r.source) ?? []), r.target]);
  const ours = ex.relations
    .filter((r) => r.type !== 'AFFILIATED_WITH' && r.modality !== 'negated' && (!assertedOnly || r.modality === 'asserted'))
    .map((r) => ({ type: r.type, source: actorCode(r.source, affiliations), target: actorCode(r.target, affiliations), text: `${r.type} ${r.source}->${r.target}${r.modality === 'asserted' ? '' : ` (${r.modality})`}` }));
  const mapped = rec.events.filter((e) => CAMEO[rootOf(e.code)]);
  let agree = false;
  let typeOnly = false;
  for (const e of mapped) {
    const types = CAMEO[rootOf(e.code)].types;
    const gs = goldActor(e.source);
    const gt = goldActor(e.target);
    for (const o of ours) {
      if (!types.includes(o.type)) continue;
      typeOnly = true;
      const sym = o.type === 'SPOKE_WITH';
      const same = (a, g) => a === g || (g === '---' && a === '---');
      if ((same(o.source, gs) && same(o.target, gt)) || (sym && same(o.source, gt) && same(o.target, gs))) agree = true;
    }
  }
  rows.push({ id: rec.id, noevents: !!rec.noevents, gold: rec.events.map((e) => `${e.code} ${e.source}->${e.target}`).join('; ') || '-', mapped: mapped.length > 0, cls: mapped.map((e) => CAMEO[rootOf(e.code)].name).join(', '), ours: ours.map((o) => `${o.text} [${o.source}->${o.target}]`), agree, typeOnly });
}

const mappedRows = rows.filter((r) => r.mapped);
const agreed = mappedRows.filter((r) => r.agree).length;
const typed = mappedRows.filter((r) => r.typeOnly).length;
const unmappedWithEdges = rows.filter((r) => !r.mapped && r.ours.length).length;
const noEvent = rows.filter((r) => r.noevents);
const noEventClean = noEvent.filter((r) => !r.ours.length).length;
const agreement = mappedRows.length ? agreed / mappedRows.length : 0;

if (args.includes('--json')) {
  console.log(JSON.stringify({ records: rows.length, mapped: mappedRows.length, agreed, agreement, typeAgreement: mappedRows.length ? typed / mappedRows.length : 0, noEvent: noEvent.length, noEventClean, rows }, null, 1));
} else {
  const pad = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  console.log(`PETRARCH GSR records: ${path.relative(process.cwd(), file)}${assertedOnly ? '  (asserted edges only)' : '  (asserted, future and hypothetical edges; negated left out)'}`);
  console.log(`${pad('record', 18)} ${pad('gold CAMEO source->target', 34)} ${pad('class', 22)} ${pad('ours (mapped to actor codes)', 60)} agree`);
  console.log('-'.repeat(142));
  for (const r of rows) {
    const mark = r.mapped ? (r.agree ? 'yes' : r.typeOnly ? 'type' : 'no') : r.noevents ? (r.ours.length ? 'FP' : 'ok') : 'n/a';
    console.log(`${pad(r.id, 18)} ${pad(r.gold, 34)} ${pad(r.cls || (r.noevents ? 'no event' : 'not our types'), 22)} ${pad(r.ours.join('; ') || '-', 60)} ${mark}`);
  }
  console.log('-'.repeat(142));
  console.log(`records ${rows.length}; with a class that maps to our types ${mappedRows.length}`);
  console.log(`agreement (type, source and target country)  ${agreed}/${mappedRows.length} = ${agreement.toFixed(3)}   bar >= 0.55  ${agreement >= 0.55 ? 'ok' : 'BELOW'}`);
  console.log(`type only (right class, any actors)          ${typed}/${mappedRows.length} = ${(mappedRows.length ? typed / mappedRows.length : 0).toFixed(3)}`);
  console.log(`no-event records with no edge of ours         ${noEventClean}/${noEvent.length}`);
  console.log(`records of other classes where we gave edges  ${unmappedWithEdges}`);
}
