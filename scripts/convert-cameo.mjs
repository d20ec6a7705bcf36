#!/usr/bin/env node
// Converts PETRARCH's CAMEO verb-pattern dictionary (../shared/dictionaries/petrarch2/CAMEO.2.0.txt,
// Open Event Data Alliance, MIT) into the rule files data/rules/cameo-<type>.json, one per
// newsgraph relation type. Deterministic: the same dictionary gives the same files.
// Usage: node scripts/convert-cameo.mjs [--dict FILE] [--out DIR] [--check]
//   --check  exit 1 when the files on disk differ from what the dictionary gives (CI: no hand edits)
//
// What is converted (see README, "CAMEO codes and relation types"):
// - a verb of a block whose code maps to one of our types gives a rule for the bare verb, unless
//   data/lexicons/cameo-ambiguous.tsv lists it (its usual news sense is not the CAMEO class);
// - a pattern `* PARTICLE` (`call * (ON)`) gives a phrase rule for the verb it was written for;
// - a pattern `* NOUN` (`condemn * DECISION`) gives an object rule for the verb it was written
//   for when the verb codes the same CAMEO class on its own: the object's head must be the noun, the target is the object's owner (`condemned
//   Russia's decision`), or the entity after the pattern's preposition (`* SUPPORT (FOR +)`);
// - codes of other classes (01, 06-09, 14, 16-20, 055-057, 116) are dropped and counted;
// - a trigger a hand-written rule of data/rules/ already has is left to that rule.
import { readFileSync, readdirSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import { args, opt, root } from './lib/cli.mjs';
import { parseCameo } from './lib/cameo-dictionary.mjs';

const dictFile = path.resolve(opt('--dict', path.join(root, '..', 'shared', 'dictionaries', 'petrarch2', 'CAMEO.2.0.txt')));
const outDir = path.resolve(opt('--out', path.join(root, 'data', 'rules')));
const ambiguousFile = path.join(root, 'data', 'lexicons', 'cameo-ambiguous.tsv');
const COMMAND = 'npm run convert-cameo';

if (!existsSync(dictFile)) {
  console.error(`convert-cameo: ${dictFile} is missing (clone the repo beside ../shared or pass --dict)`);
  process.exit(2);
}

// Warning verbs code CAMEO 13 as WARNED; every other 13 verb as THREATENED.
const WARNING_VERBS = new Set(['warn', 'caution', 'forewarn', 'alert']);
// The particles and prepositions a phrase rule may take (`call on`, `lash out`, `side with`).
const PARTICLES = new Set(['on', 'upon', 'for', 'with', 'to', 'against', 'at', 'out', 'off', 'down', 'up', 'about', 'of', 'into', 'over', 'behind']);
// PLOVER event types (Open Event Data Alliance) by CAMEO root.
const PLOVER = { '02': 'REQUEST', '03': 'AGREE', '04': 'CONSULT', '05': 'SUPPORT', '10': 'REQUEST', '11': 'ACCUSE', '12': 'REJECT', '13': 'THREATEN', '15': 'MOBILIZE' };

/** Our relation type for a CAMEO code and verb, or null (the code is dropped). */
export function typeOf(code, verb) {
  const r = code.slice(0, 2);
  const sub = code.slice(0, 3);
  switch (r) {
    case '02':
      return 'URGED';
    case '03':
      return 'PROPOSED';
    case '04':
      return 'SPOKE_WITH';
    case '05':
      return ['055', '056', '057'].includes(sub) ? null : 'SUPPORTED';
    case '10':
      return 'DEMANDED';
    case '11':
      return sub === '116' ? null : 'ACCUSED';
    case '12':
      return 'REJECTED';
    case '13':
      return WARNING_VERBS.has(verb) ? 'WARNED' : 'THREATENED';
    case '15':
      return 'DEPLOYED_NEAR';
    default:
      return null;
  }
}

// Where a bare verb's target is, and its guards, by type (slot names of data/rules/README.md).
const VERB_SLOTS = {
  URGED: { target: ['object'], guards: ['infinitive-after-object'] },
  PROPOSED: { target: ['pp:to'] },
  SPOKE_WITH: { target: ['object', 'pp:with', 'reciprocal'] },
  SUPPORTED: { target: ['object-or-owner'] },
  DEMANDED: { target: ['pp:from', 'pp:of'] },
  ACCUSED: { target: ['object', 'possessor'] },
  REJECTED: { target: ['object-or-owner'] },
  THREATENED: { target: ['object'] },
  WARNED: { target: ['object'] },
  DEPLOYED_NEAR: { target: [] },
};
// A phrase rule's target is the noun phrase after the particle; `call for X` needs `X to ...`.
const phraseSlots = (type, particle) => ({
  target: ['object'],
  ...(particle === 'for' && ['URGED', 'DEMANDED'].includes(type) ? { guards: ['infinitive-after-object'] } : {}),
});
const CONFIDENCE = { verb: 0.6, phrase: 0.65, object: 0.65 };

/** Verb (or `verb_particle`) -> reason, from data/lexicons/cameo-ambiguous.tsv. */
const readAmbiguous = () =>
  new Map(
    readFileSync(ambiguousFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t').map((c) => c.trim()))
      .map(([verb, reason]) => [verb.toLowerCase(), reason]),
  );
// Light verbs (`expressed anger`, `voiced support`): their object is a nominal act, which the
// noun rules read with its own target; the dictionary's object patterns for them are left out.
const readLightVerbs = () => new Set(JSON.parse(readFileSync(path.join(root, 'data', 'lexicons', 'relation-cues.json'), 'utf8')).lightVerbs ?? []);

/** Triggers of the hand-written rule files (`verb:x`, `phrase:x y`), which the converted rules leave alone. */
function handTriggers() {
  const keys = new Set();
  if (!existsSync(outDir)) return keys;
  for (const f of readdirSync(outDir).filter((f) => f.endsWith('.json') && !f.startsWith('cameo-')).sort()) {
    const data = JSON.parse(readFileSync(path.join(outDir, f), 'utf8'));
    if (data.generated) continue;
    for (const r of data.rules ?? []) {
      const t = r.trigger ?? {};
      if (t.verb) keys.add(`verb:${t.verb}`);
      for (const v of t.verbs ?? []) keys.add(`verb:${v}`);
      if (t.phrase) keys.add(`phrase:${t.phrase.join(' ')}`);
    }
  }
  return keys;
}

/** `DECISIONS` -> [`decisions`, `decision`]: the head as written and a singular lemma. */
function nounForms(word) {
  const w = word.toLowerCase().replace(/_$/, '');
  const out = new Set([w]);
  if (/ies$/.test(w)) out.add(w.replace(/ies$/, 'y'));
  else if (/sses$/.test(w)) out.add(w.replace(/es$/, ''));
  else if (/[^su]s$/.test(w) && w.length > 3) out.add(w.slice(0, -1));
  return [...out];
}

/**
 * The object noun heads and target preposition of a `* NOUN [(PREP +)]` pattern, or null.
 * `&SYN` stands for its synonym set's one-word members; `{A B}` and longer objects are left out.
 */
function objectPattern(tokens, synsets) {
  if (tokens[0] !== '*' || tokens.length < 2) return null;
  const [, obj, ...rest] = tokens;
  let heads;
  if (/^&[A-Z_]+$/.test(obj)) {
    const members = synsets.get(obj.slice(1));
    if (!members) return null;
    heads = members.filter((m) => !m.includes(' ')).flatMap(nounForms);
  } else if (/^[A-Z][A-Z-]*$/.test(obj)) heads = nounForms(obj);
  else return null;
  if (!heads.length) return null;
  // Nothing after the noun, or one prepositional phrase naming the target: `(FOR +)`, `FOR +`.
  const tail = rest.join(' ').replace(/[()]/g, '').trim();
  if (!tail) return { heads, prep: null };
  const m = /^([A-Z]+) \+$/.exec(tail);
  if (m && PARTICLES.has(m[1].toLowerCase())) return { heads, prep: m[1].toLowerCase() };
  return null;
}

/** The particle of a `* PARTICLE [+]` pattern, or null. */
function particlePattern(tokens) {
  if (tokens[0] !== '*') return null;
  const rest = tokens.slice(1).join(' ').replace(/[()]/g, '').trim();
  const m = /^([A-Z]+)( \+)?$/.exec(rest);
  return m && PARTICLES.has(m[1].toLowerCase()) ? m[1].toLowerCase() : null;
}

export function convert(text, { ambiguous, hand, lightVerbs }) {
  const { synsets, blocks } = parseCameo(text);
  const rules = new Map(); // id -> rule
  const taken = new Set(); // trigger keys already given a rule (first block wins)
  const dropped = {}; // CAMEO root -> count of verbs and patterns left out for their class
  const stats = { verbs: 0, patterns: 0, ambiguous: 0, hand: 0, verbRules: 0, phraseRules: 0, objectRules: 0 };
  const drop = (code) => {
    const r = code.slice(0, 2);
    dropped[r] = (dropped[r] ?? 0) + 1;
  };
  const add = (rule, key) => {
    if (hand.has(key)) {
      stats.hand++;
      return;
    }
    if (rules.has(rule.id)) return;
    rules.set(rule.id, rule);
  };

  for (const block of blocks) {
    // The CAMEO root each one-word verb of the block codes on its own.
    const rootOf = new Map(block.verbs.filter((v) => !v.phrase).map((v) => [v.words[0], (v.code ?? block.code ?? '--').slice(0, 2)]));
    for (const v of block.verbs) {
      stats.verbs++;
      const code = v.code ?? block.code;
      if (!code) continue;
      const lemma = v.words.join(' ');
      const type = typeOf(code, v.words[0]);
      if (!type) {
        drop(code);
        continue;
      }
      if (v.fixedForm) continue; // an inflected form (`ANGERED_BY {}`), no lemma to trigger on
      if (ambiguous.has(v.words.join('_'))) {
        stats.ambiguous++;
        continue;
      }
      const key = v.words.length > 1 ? `phrase:${lemma}` : `verb:${lemma}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const slots = v.words.length > 1 ? phraseSlots(type, v.words.at(-1)) : VERB_SLOTS[type];
      add(
        {
          id: `cameo.${code}.${v.words.join('-')}`,
          type,
          trigger: v.words.length > 1 ? { phrase: v.words } : { verb: lemma },
          ...slots,
          confidence: CONFIDENCE.verb,
          cameo: code,
          plover: PLOVER[code.slice(0, 2)],
          note: `CAMEO.2.0.txt line ${v.line}, block ${block.name}`,
        },
        key,
      );
      if (rules.has(`cameo.${code}.${v.words.join('-')}`)) stats.verbRules++;
    }

    for (const p of block.patterns) {
      stats.patterns++;
      const code = p.code;
      if (!code) continue;
      // A pattern is kept only for the verb it was written for, when that verb is in its block.
      const verb = p.verb?.toLowerCase();
      if (!verb || !rootOf.has(verb) || p.tokens.some((t) => t === '$' || t === '%' || t === '^')) continue;
      if (p.tokens[0] !== '*') continue; // words before the verb: a subject pattern, not converted
      const type = typeOf(code, verb);
      if (!type) {
        drop(code);
        continue;
      }
      const particle = particlePattern(p.tokens);
      if (particle) {
        if (ambiguous.has(`${verb}_${particle}`)) {
          stats.ambiguous++;
          continue;
        }
        const key = `phrase:${verb} ${particle}`;
        if (taken.has(key)) continue;
        taken.add(key);
        const id = `cameo.${code}.${verb}-${particle}`;
        add(
          { id, type, trigger: { phrase: [verb, particle] }, ...phraseSlots(type, particle), confidence: CONFIDENCE.phrase, cameo: code, plover: PLOVER[code.slice(0, 2)], note: `CAMEO.2.0.txt line ${p.line}: ${p.tokens.join(' ')}` },
          key,
        );
        if (rules.has(id)) stats.phraseRules++;
        continue;
      }
      const obj = objectPattern(p.tokens, synsets);
      // An object narrows a verb that codes the same class on its own (`condemn * DECISION`); a
      // light verb's object pattern (`express * ANGER`) is the noun's act, left to noun rules.
      // An ambiguous verb gets one only when its reason is that it needs an object. What is asked
      // for (`asked for help`) names no target: URGED is left to the hand-written rules.
      if (!obj || ['DEPLOYED_NEAR', 'SPOKE_WITH', 'URGED'].includes(type) || rootOf.get(verb) !== code.slice(0, 2)) continue;
      if ((ambiguous.has(verb) && ambiguous.get(verb) !== 'needs-object') || lightVerbs.has(verb)) continue;
      // Object rules of one verb, code and target slot are merged into one rule.
      const target = obj.prep ? [`pp:${obj.prep}`] : type === 'URGED' || type === 'PROPOSED' ? ['pp:to'] : ['possessor'];
      const id = `cameo.${code}.${verb}.${obj.prep ? `${obj.prep}-` : ''}object`;
      if (hand.has(`verb:${verb}`)) {
        stats.hand++;
        continue;
      }
      const prev = rules.get(id);
      if (prev) {
        prev.objectHeads = [...new Set([...prev.objectHeads, ...obj.heads])].sort();
        continue;
      }
      rules.set(id, { id, type, trigger: { verb }, target, objectHeads: [...obj.heads].sort(), confidence: CONFIDENCE.object, cameo: code, plover: PLOVER[code.slice(0, 2)], note: `CAMEO.2.0.txt line ${p.line} and the block's other ${verb} patterns of this code` });
      stats.objectRules++;
    }
  }
  return { rules: [...rules.values()], dropped, stats };
}

const { rules, dropped, stats } = convert(readFileSync(dictFile, 'utf8'), { ambiguous: readAmbiguous(), hand: handTriggers(), lightVerbs: readLightVerbs() });
const byType = new Map();
for (const r of rules) {
  if (!byType.has(r.type)) byType.set(r.type, []);
  byType.get(r.type).push(r);
}
const check = args.includes('--check');
let stale = [];
for (const [type, list] of [...byType].sort()) {
  const file = path.join(outDir, `cameo-${type.toLowerCase().replace(/_/g, '-')}.json`);
  const body = `${JSON.stringify(
    {
      _source: `Generated by scripts/convert-cameo.mjs (\`${COMMAND}\`) from the CAMEO verb-pattern dictionary of PETRARCH2 (CAMEO.2.0.txt, Open Event Data Alliance, MIT licence; ../shared/dictionaries/petrarch2). Do not edit by hand: change the converter or data/lexicons/cameo-ambiguous.tsv and run the command again.`,
      generated: true,
      rules: list.sort((a, b) => a.id.localeCompare(b.id)),
    },
    null,
    1,
  )}\n`;
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== body) stale.push(file);
    continue;
  }
  writeFileSync(`${file}.tmp`, body);
  renameSync(`${file}.tmp`, file);
}
if (check && stale.length) {
  console.error(`convert-cameo: out of date (run \`${COMMAND}\`): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(`convert-cameo: ${stats.verbs} verbs, ${stats.patterns} patterns read; rules: ${stats.verbRules} verb, ${stats.phraseRules} phrase, ${stats.objectRules} object (${rules.length} in all, ${[...byType].map(([t, l]) => `${t} ${l.length}`).join(', ')})`);
console.log(`  left out: ${stats.ambiguous} ambiguous bare verbs, ${stats.hand} triggers of hand-written rules; codes of other classes by root: ${Object.entries(dropped).sort().map(([r, n]) => `${r}:${n}`).join(' ')}`);
