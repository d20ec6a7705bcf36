// Reads PETRARCH's CAMEO verb-pattern dictionary (CAMEO.2.0.txt, Open Event Data Alliance, MIT)
// into plain data: synonym sets, and verb blocks with their verbs and patterns.
// Format (PETRARCH docs, dictionaries.rst): `&NAME` opens a synonym set whose `+WORD` lines
// follow; `--- NAME [code] ---` opens a verb block; a verb line is `WORD {FORMS} [code]` or
// `+MULTI_WORD {FORMS} [code]`; a pattern line is `- words [code] # VERB`, `*` standing for the
// verb, `+` for the target, `$` for the source, `^` for a skipped phrase, `%` for a compound
// actor, `&NAME` for a synonym set, `{A B}` for consecutive words, `(...)` for a prepositional
// phrase. A pattern applies to every verb of its block. A code is 2-4 digits, `---` for none;
// `[a:b]` codes a different event when the verb's subject is the one acted upon (`b`).

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
