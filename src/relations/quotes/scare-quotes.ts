/**
 * Quoted words used as a label rather than as speech: `so-called "..."`,
 * `the "security guarantees" issue`, `proposals for a "security guarantee"`.
 */
import type { ArticleView } from '../article-view.js';

/** One or two words used as a label: `so-called "..."`, `the "security guarantees" issue`. */
export function isScare(view: ArticleView, o: number, c: number): boolean {
  const before = `${view.norm(o - 2)} ${view.norm(o - 1)}`.trim();
  for (const p of view.lex.scarePrefixes) if (before.endsWith(p) || view.norm(o - 1) === p) return true;
  const after = view.tok(c + 1);
  const lastWord = view.tok(c - 1);
  const nounContent = !!lastWord && (lastWord.pos === 'NOUN' || lastWord.pos === 'PROPN');
  if (c >= 0 && after && nounContent && (after.pos === 'NOUN' || after.pos === 'PROPN') && view.entityAt(c + 1) === undefined) return true;
  // A label in a prepositional phrase of a plain noun (`proposals for a "security guarantee"`); a speech noun
  // (`remarks about a "small incursion"`) or a verb (`warned of a "swift" response`) keeps it a quote.
  let k = o - 1;
  while (view.tok(k)?.pos === 'DET') k--;
  const prep = view.tok(k);
  const head = view.tok(k - 1);
  if (prep?.pos === 'ADP' && head?.pos === 'NOUN' && !view.lex.speechNouns.has(head.normal) && view.entityAt(k - 1) === undefined) return true;
  return false;
}
