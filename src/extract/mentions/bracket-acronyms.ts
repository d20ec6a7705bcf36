/**
 * `the Palestinian Authority (PA) ... the PA said`: an acronym the article defines in brackets
 * right after an organisation's name names that organisation wherever the article uses it, whatever
 * its letters (`Kurdistan Workers' Party (PKK)`) and whatever the lexicon or the tagger made of
 * the word on its own.
 */
import { newDraft, type Draft } from './draft.js';
import type { MentionScan } from './scan.js';

/**
 * A short word with at least two capitals that starts and ends with one or a digit (`PA`, `CPJ`,
 * `MoD`, `G20`; not a plural such as `GDRs`).
 */
const BRACKETED_ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})\p{Lu}[\p{L}\d&]{0,6}[\p{Lu}\d]$/u;

/** Whether every capital of the acronym starts some word of the name (`PKK`: Kurdistan Workers' Party). */
function lettersFromName(acronym: string, name: string): boolean {
  const initials = new Set(name.split(/[\s-]+/).map((w) => w.charAt(0).toUpperCase()));
  return [...acronym].every((c) => c.toLowerCase() === c || initials.has(c));
}

/** The organisation names the article defines acronyms for, by acronym ('' when two names claim one). */
function definedAcronyms(s: MentionScan): Map<string, string> {
  const defined = new Map<string, string>();
  for (const d of s.drafts) {
    if (d.type !== 'Organisation' || d.kind === 'acronym' || d.last <= d.first) continue;
    const acronym = s.tokens[d.last + 2];
    if (s.tokens[d.last + 1]?.text !== '(' || s.tokens[d.last + 3]?.text !== ')' || !acronym) continue;
    if (!BRACKETED_ACRONYM.test(acronym.text) || !lettersFromName(acronym.text, d.name) || s.isSkipped(d.last + 2)) continue;
    const before = defined.get(acronym.text);
    defined.set(acronym.text, before === undefined || before === d.name ? d.name : '');
  }
  return defined;
}

export function propagateBracketAcronyms(s: MentionScan): void {
  const defined = definedAcronyms(s);
  if (!defined.size) return;
  const covering = new Map<number, Draft>();
  for (const d of s.drafts) for (let k = d.first; k <= d.last; k++) covering.set(k, d);
  s.tokens.forEach((t, k) => {
    const name = defined.get(t.text);
    if (!name || s.isSkipped(k)) return;
    const d = covering.get(k);
    if (!d) {
      s.push(newDraft(t.start, t.end, k, k, 'Organisation', 'name', name, 0.8));
      return;
    }
    // Part of a longer name (`PA Consulting`) is that name's business.
    if (d.first !== k || d.last !== k) return;
    d.type = 'Organisation';
    d.kind = 'name';
    d.name = name;
    d.role = undefined;
    d.affiliation = undefined;
    d.affiliationType = undefined;
    d.confidence = Math.max(d.confidence, 0.8);
  });
}
