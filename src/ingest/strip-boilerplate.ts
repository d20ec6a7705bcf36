/**
 * Paragraphs -> the article's own paragraphs (pure). Applies the data-driven
 * rules of `data/lexicons/boilerplate.json` (see `boilerplate-rules.ts`) plus
 * a few structural rules that need context:
 * - `duplicate-paragraph`: a paragraph seen before (repeated headline or caption);
 * - `truncated-duplicate`: a paragraph that is a prefix of the next one (broken caption);
 * - `teaser-link`: a link headline right after a teaser marker, or the run of
 *   link headlines after an end marker;
 * - `author-name`, `author-bio`: an author box after an end marker or at the very end;
 * - drop-rest rules (comment forms) drop everything after them as `<rule>-tail`.
 * Every dropped or cut text is recorded with the rule's name.
 */
import type { BoilerplateRule, BoilerplateRules } from './boilerplate-rules.js';

export interface DroppedText {
  readonly text: string;
  readonly rule: string;
}

export interface StrippedParagraphs {
  readonly kept: string[];
  readonly dropped: DroppedText[];
}

const QUOTES = /^["“”„«»'‘’]+|["“”„«»'‘’]+$/g;
const FRAGMENT_END = /(?<=[.!?])\s+/;

/** Key for duplicate detection: case and whitespace folded. */
function foldKey(text: string): string {
  return text.toLowerCase();
}

function ruleApplies(rule: BoilerplateRule, paragraph: string): boolean {
  if (paragraph.length > rule.maxChars && !(rule.action === 'caption' && rule.stripWhenLong)) return false;
  return rule.regex.test(paragraph);
}

/** A short line of 2-4 capitalised words, like an author's name. */
function isNameLine(paragraph: string, rules: BoilerplateRules): boolean {
  const { nameLine, maxNameChars } = rules.authorBio;
  return paragraph.length <= maxNameChars && nameLine.test(paragraph);
}

/** `U.N.`, `U.S.`: a dotted abbreviation ends no fragment. */
const DOTTED_ABBREVIATION = /\b(?:\p{L}\.){2,}/gu;
/** A fragment that reports speech (`UNHCR said more would come.`) is news, not a bio. */
const REPORTING = /\b(?:said|says|told|added|announced)\b/i;

/** A short promotional bio: several very short fragments ("Beer specialist. Bacon ninja. Gamer."). */
function isAuthorBio(paragraph: string, rules: BoilerplateRules): boolean {
  const { bioMaxChars, bioMinFragments, bioMaxFragmentWords } = rules.authorBio;
  if (paragraph.length > bioMaxChars || REPORTING.test(paragraph)) return false;
  const fragments = paragraph.replace(QUOTES, '').replace(DOTTED_ABBREVIATION, 'X').trim().split(FRAGMENT_END).filter((f) => f !== '');
  if (fragments.length < bioMinFragments) return false;
  return fragments.every((f) => f.split(' ').length <= bioMaxFragmentWords);
}

/** A short line that does not end like a sentence: the headline of a teaser link. */
function isLinkHeadline(paragraph: string, rules: BoilerplateRules): boolean {
  return paragraph.length <= rules.teaserLink.maxChars && !rules.teaserLink.sentenceEnd.test(paragraph);
}

/** Removes boilerplate paragraphs; see the module comment for the rules. */
export function stripBoilerplate(paragraphs: readonly string[], rules: BoilerplateRules): StrippedParagraphs {
  const kept: string[] = [];
  const dropped: DroppedText[] = [];
  const seen = new Set<string>();
  const stripRules = rules.rules.filter((r) => r.action === 'strip');
  const paragraphRules = rules.rules.filter((r) => r.action !== 'strip');
  let keptChars = 0;
  let endZone = false;
  // How many link headlines may still follow the last marker: one after a teaser marker,
  // any number after an end marker, until a paragraph that is not a link headline.
  let linkBudget = 0;
  const drop = (text: string, rule: string): void => {
    dropped.push({ text, rule });
  };

  for (let i = 0; i < paragraphs.length; i++) {
    let p = paragraphs[i] ?? '';

    for (const rule of stripRules) {
      if (p.length > rule.maxChars) continue;
      const m = rule.regex.exec(p);
      if (m === null || m[0] === '') continue;
      drop(m[0].trim(), rule.name);
      p = (p.slice(0, m.index) + p.slice(m.index + m[0].length)).trim();
    }
    if (p === '') continue;

    const rule = paragraphRules.find((r) => ruleApplies(r, p));
    if (rule !== undefined) {
      if (rule.action === 'drop-rest') {
        const restChars = paragraphs.slice(i + 1).reduce((n, q) => n + q.length, 0);
        drop(p, rule.name);
        if (keptChars >= rules.dropRest.minCharsBefore || keptChars >= restChars) {
          for (const q of paragraphs.slice(i + 1)) drop(q, `${rule.name}-tail`);
          break;
        }
        continue;
      }
      if (rule.action === 'caption' && p.length > rule.maxChars) {
        // A real paragraph ending with a credit: cut the credit off, keep the text.
        const m = rule.regex.exec(p);
        if (m !== null) {
          drop(m[0].trim(), rule.name);
          p = (p.slice(0, m.index) + p.slice(m.index + m[0].length)).trim();
        }
        if (p === '') continue;
      } else {
        drop(p, rule.name);
        if (rule.action === 'teaser-marker') linkBudget = Math.max(linkBudget, 1);
        if (rule.action === 'end-marker') {
          linkBudget = Number.POSITIVE_INFINITY;
          endZone = true;
        }
        continue;
      }
    }

    if (endZone && isNameLine(p, rules)) {
      drop(p, 'author-name');
      continue;
    }
    if (endZone && isAuthorBio(p, rules)) {
      drop(p, 'author-bio');
      continue;
    }
    if (linkBudget > 0 && isLinkHeadline(p, rules)) {
      drop(p, 'teaser-link');
      linkBudget--;
      continue;
    }
    linkBudget = 0;
    const key = foldKey(p);
    if (seen.has(key)) {
      drop(p, 'duplicate-paragraph');
      continue;
    }
    const next = paragraphs[i + 1];
    if (
      next !== undefined &&
      p.length >= rules.truncatedDuplicate.minChars &&
      next.length > p.length &&
      foldKey(next.slice(0, p.length)) === key
    ) {
      drop(p, 'truncated-duplicate');
      continue;
    }
    kept.push(p);
    seen.add(key);
    keptChars += p.length;
  }

  // An author box at the very end with no marker before it: a bio, and the name line above it.
  const trailing: DroppedText[] = [];
  const last = (): string => kept[kept.length - 1] ?? '';
  if (kept.length > 1 && isAuthorBio(last(), rules)) {
    trailing.unshift({ text: kept.pop() ?? '', rule: 'author-bio' });
    if (kept.length > 1 && isNameLine(last(), rules)) trailing.unshift({ text: kept.pop() ?? '', rule: 'author-name' });
  }
  dropped.push(...trailing);
  return { kept, dropped };
}
