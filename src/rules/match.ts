/**
 * Which verb rules a token triggers: the rules indexed under its lemma whose
 * phrase words follow it, longest phrase first.
 */
import type { ArticleView } from '../relations/article-view.js';
import type { VerbRule } from './rule.js';

/** The rules of the longest verb phrase that matches at token v (several rules may share it), and the token after the phrase. */
export function matchVerbRules(view: ArticleView, v: number): { rules: readonly VerbRule[]; after: number } | undefined {
  const t = view.tok(v);
  if (!t) return undefined;
  const rules = view.lex.verbs.get(t.lemma) ?? view.lex.verbs.get(t.normal);
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
  return found ? { rules: found, after } : undefined;
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

