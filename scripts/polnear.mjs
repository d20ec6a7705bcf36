#!/usr/bin/env node
// Quote attribution against PolNeAR (../shared/eval/external-dev/polnear): for
// every annotated direct or mixed quotation, whether we find a quote over its
// quoted words, and whether our speaker is the annotated source: one of our
// speaker's mentions (names, titles, pronouns as our resolver linked them)
// overlaps the annotated source span, or the source span names our speaker
// (a word of its name or aliases), or, when the annotated source is a description
// (`a senior official`, `the ad's narrator`; an indefinite one may hold a capitalised word:
// `one Ohio organizer`), our speaker is anonymous and the
// frame's words describing it overlap that description. Runs the per-article stages in-process from
// dist/ over each text as given (offsets are the corpus's own).
// Measuring only: nothing in the extractor knows about this split.
// Usage: node scripts/polnear.mjs [--file FILE] [--half develop|check] [--limit N] [--misses N] [--errors N] [--json]
//   --half H    only half of the records: sorted by id, the even-numbered ones (develop) or the odd ones
//               (check), so a change made while reading one half's misses is measured on the other
//   --misses N  the first N quotations not found and with a wrong speaker, one line each
//   --errors N  the wrong speakers grouped by cause (what the annotated source is, what we gave),
//               the first N of each group with the text around the quotation
//   --check     exit 1 when found < 0.91 or speakers right < 0.86 (the bar .ci/run holds)
//   --dump FILE one JSON line per annotated quotation found (article, offset, kind, source, our speakers, right),
//               to compare two runs and spot-check the attributions a change moved
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { args, opt, root } from './lib/cli.mjs';

const file = opt('--file', path.resolve(root, '..', 'shared', 'eval', 'external-dev', 'polnear', 'polnear.shared-dev.jsonl'));
const limit = Number(opt('--limit', 'Infinity'));
const showMisses = Number(opt('--misses', '0'));
const showErrors = Number(opt('--errors', '0'));
const dumpFile = opt('--dump', '');
const half = opt('--half', '');
if (half && half !== 'develop' && half !== 'check') {
  console.error(`polnear: --half is develop or check, not ${half}`);
  process.exit(2);
}
const dump = [];
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'his', 'her', 'their', 'him', 'them', 'which', 'who', 'its']);
/** What the annotated source is: a pronoun, a name (a capitalised word), or a description (`the mayor`, `officials`). */
const sourceKind = (s) => {
  const low = s.trim().toLowerCase();
  if (PRONOUNS.has(low)) return 'pronoun';
  if (/^[A-Z]{2,}$/.test(s.trim())) return 'name';
  const ws = s.replace(/^(the|a|an)\s+/i, '').split(/\s+/);
  return ws.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && !/^(The|A|An|Only|One|Another|Other|Several|Many|Some)$/.test(w)) ? 'name' : 'description';
};
/** A source no name identifies: a description, or an indefinite phrase (`one Ohio organizer`, `a narrator in the ad`). */
const isDescription = (s) => sourceKind(s) === 'description' || /^(a|an|one|some|several|two|three|many)\s/i.test(s.trim());
const errorGroups = new Map();

const { processArticle } = await import(path.join(root, 'dist', 'pipeline', 'process-article.js'));
const { lineParagraphs } = await import(path.join(root, 'dist', 'pipeline', 'extract-document.js'));
const { loadLexicons } = await import(path.join(root, 'dist', 'pipeline', 'lexicons.js'));
const lex = loadLexicons();

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'former', 'who', 'he', 'she', 'they', 'it', 'his', 'her', 'said', 'says']);
const words = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w));
const overlaps = (a, b) => a[0] < b[1] && b[0] < a[1];

const idOf = (l) => JSON.parse(l).id;
const allLines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const sorted = half ? allLines.map((l) => [idOf(l), l]).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, l]) => l) : allLines;
const lines = half ? sorted.filter((_, i) => i % 2 === (half === 'develop' ? 0 : 1)) : allLines;
const totals = { direct: { n: 0, found: 0, withSpeaker: 0, right: 0, nullSpeaker: 0 }, mixed: { n: 0, found: 0, withSpeaker: 0, right: 0, nullSpeaker: 0 } };
const misses = { notFound: [], wrongSpeaker: [] };
let articles = 0;
let ourQuotes = 0;
let ourMatched = 0;
const t0 = Date.now();
for (const line of lines.slice(0, limit)) {
  const rec = JSON.parse(line);
  articles++;
  const text = rec.text;
  const article = { id: rec.id, path: rec.id, title: '', text, paragraphs: lineParagraphs(text), hash: createHash('sha256').update(text).digest('hex') };
  const r = processArticle(article, lex);
  const mentionsOf = (id) => (r.entities[id]?.mentions ?? []).map((m) => r.mentions[m]).filter(Boolean);
  const used = new Set();
  for (const q of rec.quotes) {
    if (q.kind !== 'direct' && q.kind !== 'mixed') continue;
    const t = totals[q.kind];
    t.n++;
    const frags = q.content_fragments ?? [q.content_span];
    const hit = r.quotes.findIndex((o) => frags.some((f) => overlaps([o.start, o.end], f)));
    if (hit < 0) {
      misses.notFound.push(`${rec.id}: ${q.kind} ${q.speaker ?? '(no source)'} | ${q.content.slice(0, 110).replace(/\s+/g, ' ')}`);
      continue;
    }
    t.found++;
    // Every one of our quotes inside the annotated content counts as matched (split quotes).
    r.quotes.forEach((o, k) => {
      if (frags.some((f) => overlaps([o.start, o.end], f))) used.add(k);
    });
    if (!q.speaker_span || q.no_source) continue;
    t.withSpeaker++;
    const ours = r.quotes.filter((o) => frags.some((f) => overlaps([o.start, o.end], f)));
    const byEntity = ours.some((o) => {
      if (o.speaker === null) return false;
      if (mentionsOf(o.speaker).some((m) => overlaps([m.start, m.end], q.speaker_span))) return true;
      const ent = r.entities[o.speaker];
      const names = new Set([ent.name, ...ent.aliases].flatMap(words));
      return words(q.speaker).some((w) => names.has(w));
    });
    // The frame's words naming our (non-null) speaker are the annotated source (`she said`, where the
    // pronoun was resolved by the quote stage rather than by the entity stage's mention list).
    const byPhrase = !byEntity && ours.some((o) => o.speaker !== null && o.speakerSpan && overlaps([o.speakerSpan.start, o.speakerSpan.end], q.speaker_span));
    // An anonymous speaker (null) is right when the source is a description (`a senior official`) and
    // our frame's words describing the speaker are that description.
    const byDescription = !byEntity && !byPhrase && isDescription(q.speaker) && ours.some((o) => o.speaker === null && o.speakerSpan && overlaps([o.speakerSpan.start, o.speakerSpan.end], q.speaker_span));
    const right = byEntity || byPhrase || byDescription;
    if (dumpFile) {
      const names = ours.map((o) => (o.speaker === null ? null : r.entities[o.speaker]?.name ?? null));
      dump.push(JSON.stringify({ id: rec.id, at: frags[0][0], kind: q.kind, source: q.speaker, ours: names, cues: ours.map((o) => o.cue), right, content: q.content.slice(0, 80) }));
    }
    if (byPhrase) t.rightByPhrase = (t.rightByPhrase ?? 0) + 1;
    if (byDescription) t.rightByDescription = (t.rightByDescription ?? 0) + 1;
    if (right) t.right++;
    else {
      if (ours.every((o) => o.speaker === null)) t.nullSpeaker++;
      const got = ours.map((o) => (o.speaker === null ? 'null' : r.entities[o.speaker]?.name)).join('/');
      misses.wrongSpeaker.push(`${rec.id}: gold ${q.speaker} | ours ${got} [${ours.map((o) => `${o.cue} ${o.rule ?? ''}`.trim()).join('/')}] | ${q.content.slice(0, 90).replace(/\s+/g, ' ')}`);
      const ourKind = ours.every((o) => o.speaker === null) ? (ours.some((o) => o.cue) ? 'null speaker, cue found' : 'null speaker, no cue') : 'other entity';
      const group = `${q.kind} | source is a ${sourceKind(q.speaker)} | ours: ${ourKind}`;
      const lo = Math.min(q.speaker_span[0], frags[0][0]);
      const hi = Math.max(q.speaker_span[1], frags[frags.length - 1][1]);
      const ctx = `${text.slice(Math.max(0, lo - 60), lo)}[${text.slice(lo, Math.min(hi, lo + 260))}${hi > lo + 260 ? ' ...' : ''}]${text.slice(hi, hi + 40)}`.replace(/\s+/g, ' ');
      if (!errorGroups.has(group)) errorGroups.set(group, []);
      errorGroups.get(group).push(`${rec.id}\n      source: ${q.speaker} | ours: ${got} [${ours.map((o) => `${o.cue} ${o.rule ?? ''}`.trim()).join('/')}]\n      ${ctx}`);
    }
  }
  ourQuotes += r.quotes.length;
  ourMatched += used.size;
}
const secs = (Date.now() - t0) / 1000;
if (dumpFile) writeFileSync(dumpFile, dump.join('\n') + '\n');
const sum = (k) => totals.direct[k] + totals.mixed[k];
const ratio = (a, b) => (b ? a / b : 0);
const all = { n: sum('n'), found: sum('found'), withSpeaker: sum('withSpeaker'), right: sum('right'), nullSpeaker: sum('nullSpeaker') };
const foundRate = ratio(all.found, all.n);
const rightRate = ratio(all.right, all.withSpeaker);

if (args.includes('--json')) {
  console.log(JSON.stringify({ articles, totals, all, found: foundRate, speakers: rightRate, ourQuotes, ourMatched }, null, 1));
} else {
  console.log(`PolNeAR: ${path.relative(process.cwd(), file)}  (${articles} articles, ${secs.toFixed(1)} s)`);
  console.log('kind     quotations  found            speaker right (of found with a source)  ours null');
  for (const [k, t] of [...Object.entries(totals), ['all', all]]) {
    console.log(`${k.padEnd(8)} ${String(t.n).padStart(10)}  ${String(t.found).padStart(5)} = ${ratio(t.found, t.n).toFixed(3)}    ${String(t.right).padStart(5)}/${String(t.withSpeaker).padEnd(5)} = ${ratio(t.right, t.withSpeaker).toFixed(3)}                   ${t.nullSpeaker}`);
  }
  console.log(`speaker right by the frame's speaker phrase only (not by a mention of the entity stage): ${(totals.direct.rightByPhrase ?? 0) + (totals.mixed.rightByPhrase ?? 0)}`);
  const byDescription = (totals.direct.rightByDescription ?? 0) + (totals.mixed.rightByDescription ?? 0);
  console.log(`speaker right as an anonymous speaker whose description is the annotated source: ${byDescription} (without them: ${ratio(all.right - byDescription, all.withSpeaker).toFixed(3)})`);
  console.log(`found    ${foundRate.toFixed(3)}  bar >= 0.91  ${foundRate >= 0.91 ? 'ok' : 'BELOW'}`);
  console.log(`speakers ${rightRate.toFixed(3)}  bar >= 0.86  ${rightRate >= 0.86 ? 'ok' : 'BELOW'}`);
  console.log(`our quotes ${ourQuotes}, of which inside an annotated direct/mixed quotation ${ourMatched} (the rest: quotes PolNeAR files as indirect, scare quotes, titles)`);
  if (showMisses) {
    console.log(`\nnot found (first ${showMisses} of ${misses.notFound.length}):`);
    for (const m of misses.notFound.slice(0, showMisses)) console.log(`  ${m}`);
    console.log(`\nwrong speaker (first ${showMisses} of ${misses.wrongSpeaker.length}):`);
    for (const m of misses.wrongSpeaker.slice(0, showMisses)) console.log(`  ${m}`);
  }
  if (showErrors) {
    const groups = [...errorGroups].sort((a, b) => b[1].length - a[1].length);
    console.log(`\nwrong speakers by cause (${misses.wrongSpeaker.length}):`);
    for (const [g, list] of groups) console.log(`  ${String(list.length).padStart(4)}  ${g}`);
    for (const [g, list] of groups) {
      console.log(`\n== ${g} (${list.length}; first ${Math.min(showErrors, list.length)})`);
      for (const m of list.slice(0, showErrors)) console.log(`  ${m}`);
    }
  }
}
if (args.includes('--check') && !(foundRate >= 0.91 && rightRate >= 0.86)) {
  console.error(`polnear: below the bar (found ${foundRate.toFixed(3)} >= 0.91, speakers ${rightRate.toFixed(3)} >= 0.86)`);
  process.exit(1);
}
