/**
 * Which verb rules a token triggers: the rules indexed under its lemma whose
 * phrase words follow it, longest phrase first.
 */
import { type ArticleView, isQuoteMark } from '../relations/article-view.js';
import type { VerbRule } from './rule.js';

/** The rules of the longest verb phrase that matches at token v (several rules may share it), and the token after the phrase. */
export function matchVerbRules(view: ArticleView, v: number): { rules: readonly VerbRule[]; after: number } | undefined {
  const t = view.tok(v);
  if (!t) return undefined;
  const rules = t.pos === 'VERB' || t.pos === 'AUX' ? view.lex.verbs.get(t.lemma) ?? view.lex.verbs.get(t.normal) : view.lex.verbs.get(t.lemma) ?? view.lex.verbs.get(t.normal) ?? rulesOfMistaggedVerb(view, v);
  if (!rules) return undefined;
  let found: VerbRule[] | undefined;
  let after = 0;
  for (const rule of rules) {
    if (found && rule.words.length < (found[0]?.words.length ?? 0)) break;
    const k = phraseEnd(view, v, rule.words);
    if (k < 0) continue;
    if (!found) {
      found = [rule];
      after = k;
    } else if (k === after) found.push(rule);
  }
  return found ? { rules: found, after: afterManner(view, after) } : undefined;
}

/** Heads of a manner phrase that may stand between a verb and its object (`condemned in the strongest terms X's test`). */
const MANNER_HEADS: ReadonlySet<string> = new Set(['terms', 'manner', 'way', 'fashion']);

/** The token after an `in the strongest terms` phrase at k (adjectives, adverbs and a determiner before its head), else k. */
function afterManner(view: ArticleView, k: number): number {
  // `rejected out of hand X's proposal`.
  if (view.norm(k) === 'out' && view.norm(k + 1) === 'of' && view.norm(k + 2) === 'hand') return k + 3;
  if (view.norm(k) !== 'in') return k;
  for (let j = k + 1; j <= k + 5; j++) {
    const t = view.tok(j);
    if (!t) return k;
    if (MANNER_HEADS.has(t.normal)) return view.norm(j + 1) === ',' ? j + 2 : j + 1;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'ADV') return k;
  }
  return k;
}

/** The token after a verb's phrase words (adverbs may stand between them), or -1 when they do not follow. */
function phraseEnd(view: ArticleView, v: number, words: readonly string[]): number {
  let k = v + 1;
  for (let n = 1; n < words.length; n++) {
    const w = words[n] as string;
    while (view.tok(k)?.pos === 'ADV' && view.norm(k) !== w) k++;
    if (view.norm(k) !== w) return -1;
    k++;
  }
  return k;
}

/** Tokens that open a noun phrase, an object a verb may take (`branded the vote`, `accused Kenya`). */
const OBJECT_OPENERS: ReadonlySet<string> = new Set(['DET', 'PROPN', 'PRON', 'NUM', 'ADJ', 'NOUN']);
/** Tokens a finite verb may follow: its subject's last word, an auxiliary or an adverb of its chain. */
const VERB_FOLLOWS: ReadonlySet<string> = new Set(['PROPN', 'PRON', 'NOUN', 'AUX', 'ADV']);

/**
 * The verb lemmas a past form the tagger took for an adjective or noun may stand for
 * (`branded` -> `brand`, `slammed` -> `slam`, `accused` -> `accuse`).
 */
function pastFormLemmas(normal: string): string[] {
  if (!normal.endsWith('ed') || normal.length < 5) return [];
  const stem = normal.slice(0, -2);
  const out = [stem, normal.slice(0, -1)];
  if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  return out;
}

/**
 * The rules of a past form the tagger took for an adjective or a noun where the sentence's
 * shape says verb: it follows a subject, an auxiliary or an adverb (not a determiner:
 * `the accused`, `a branded drink`) and an object phrase or quotation follows it
 * (`Hughes branded Howard "arrogant"`, `Iran accused Washington of ...`).
 */
export function rulesOfMistaggedVerb(view: ArticleView, v: number): readonly VerbRule[] | undefined {
  const t = view.tok(v);
  const prev = view.tok(v - 1);
  const next = view.tok(v + 1);
  if (!t || !prev || !next || (t.pos !== 'ADJ' && t.pos !== 'NOUN')) return undefined;
  // `has long accused`: an adverb the tagger read as an adjective after an auxiliary.
  const chainAdjective = prev.pos === 'ADJ' && view.tok(v - 2)?.pos === 'AUX';
  if (!VERB_FOLLOWS.has(prev.pos) && !chainAdjective && view.entityAt(v - 1) === undefined) return undefined;
  if (!OBJECT_OPENERS.has(next.pos) && !isQuoteMark(next.text)) return undefined;
  for (const lemma of pastFormLemmas(t.normal)) {
    const rules = view.lex.verbs.get(lemma);
    if (rules) return rules;
  }
  return undefined;
}
