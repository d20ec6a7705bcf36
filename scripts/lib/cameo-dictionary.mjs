// Reads PETRARCH's CAMEO verb-pattern dictionary (CAMEO.2.0.txt, Open Event Data Alliance, MIT)
// into plain data: synonym sets, and verb blocks with their verbs and patterns.
// Format (PETRARCH docs, dictionaries.rst): `&NAME` opens a synonym set whose `+WORD` lines
// follow; `--- NAME [code] ---` opens a verb block; a verb line is `WORD {FORMS} [code]` or
// `+MULTI_WORD {FORMS} [code]`; a pattern line is `- words [code] # VERB`, `*` standing for the
// verb, `+` for the target, `$` for the source, `^` for a skipped phrase, `%` for a compound
// actor, `&NAME` for a synonym set, `{A B}` for consecutive words, `(...)` for a prepositional
// phrase. A pattern applies to every verb of its block. A code is 2-4 digits, `---` for none;
// `[a:b]` codes a different event when the verb's subject is the one acted upon (`b`).
// convert() turns the parsed dictionary into newsgraph rules (data/rules/README.md).

/** Removes `#` and `<!-- -->` comments. */
const stripComment = (line) => line.replace(/<!--.*?-->/g, '').replace(/#.*$/, '');

/** `[112]` -> { code: '112', passive: null }; `[036:036]` -> both; `[:020]` -> { code: null, passive: '020' }. */
export function parseCode(text) {
  const m = /\[([^\]]*)\]/.exec(text);
  if (!m) return null;
  const [a, b] = m[1].trim().split(':');
  const clean = (c) => (c && /^\d{2,4}$/.test(c.trim()) ? c.trim() : null);
  return { code: clean(a), passive: b === undefined ? null : clean(b) };
}

/**
 * Parses the dictionary text.
 * @returns {{ synsets: Map<string, string[]>, blocks: Array<{ name: string, code: string|null, line: number,
 *   verbs: Array<{ words: string[], forms: string[], code: string|null, line: number }>,
 *   patterns: Array<{ tokens: string[], code: string|null, passive: string|null, verb: string|null, line: number }> }> }}
 */
export function parseCameo(text) {
  const synsets = new Map();
  const blocks = [];
  let synset = null;
  let block = null;
  let section = 'header';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^#+\s*VERB PATTERNS/.test(raw)) section = 'verbs';
    else if (/^#+\s*SYNONYM SETS/.test(raw)) section = 'synsets';
    else if (/^#+\s*TRANSFORMATIONS/.test(raw)) section = 'transformations';
    if (section === 'transformations') continue;
    const comment = (/#\s*(.*)$/.exec(raw)?.[1] ?? '').trim();
    const line = stripComment(raw).trim();
    if (!line) {
      synset = null;
      continue;
    }
    const head = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (head) {
      block = { name: head[1], code: parseCode(`[${head[2]}]`)?.code ?? null, line: i + 1, verbs: [], patterns: [] };
      blocks.push(block);
      synset = null;
      continue;
    }
    if (line.startsWith('&') && !block) {
      synset = line.slice(1).trim();
      synsets.set(synset, []);
      continue;
    }
    if (synset && line.startsWith('+')) {
      synsets.get(synset).push(line.slice(1).replace(/_/g, ' ').trim());
      continue;
    }
    if (!block || section !== 'verbs') continue;
    if (line.startsWith('-')) {
      const body = line.slice(1).replace(/\[[^\]]*\].*$/, '').trim();
      const code = parseCode(line);
      block.patterns.push({
        tokens: body.split(/\s+/).filter(Boolean),
        code: code?.code ?? null,
        passive: code?.passive ?? null,
        verb: comment.split(/\s+/)[0] || null,
        line: i + 1,
      });
      continue;
    }
    const verb = /^(\+?)([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line);
    if (verb) {
      const forms = verb[3] ? verb[3].slice(1, -1).trim().split(/\s+/).filter(Boolean) : [];
      block.verbs.push({
        words: verb[2].split('_').filter(Boolean).map((w) => w.toLowerCase()),
        phrase: verb[1] === '+',
        forms: forms.map((f) => f.replace(/^\+/, '').toLowerCase()),
        fixedForm: verb[3] !== undefined && forms.length === 0,
        code: verb[4] ? (parseCode(verb[4])?.code ?? null) : null,
        line: i + 1,
      });
    }
  }
  return { synsets, blocks };
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
// Codes whose target stands elsewhere than their type's: a complaint names its target after
// `about` or `of` (its that-clause often opens with a pronoun, and the first entity after it is
// then a place or a bystander: left out).
const CODE_SLOTS = { 114: { target: ['pp:about', 'pp:of'] } };
const verbSlots = (type, code) => CODE_SLOTS[code] ?? VERB_SLOTS[type];
// A phrase rule's target is the noun phrase after the particle; `call for X` needs `X to ...`.
const phraseSlots = (type, particle) => ({
  target: ['object'],
  ...(particle === 'for' && ['URGED', 'DEMANDED'].includes(type) ? { guards: ['infinitive-after-object'] } : {}),
});
const CONFIDENCE = { verb: 0.6, phrase: 0.65, object: 0.65 };

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
      const slots = v.words.length > 1 ? phraseSlots(type, v.words.at(-1)) : verbSlots(type, code);
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

