/**
 * `X called on Y to ... in a joint statement released by Z`: the body that issued the
 * statement an act was made in (a speech noun after `in`, a participle, `by` and its agent)
 * made the act too.
 */
import type { ArticleView } from '../relations/article-view.js';
import { actorsOf } from '../relations/clause.js';

/** Participles of issuing a text (`released`, `issued`, `published`, `signed`, `put out`). */
const ISSUING: ReadonlySet<string> = new Set(['release', 'issue', 'publish', 'sign', 'put', 'distribute', 'post']);

/** The issuers of a statement the act at verb v was made in, later in its sentence. */
export function statementIssuers(view: ArticleView, v: number): number[] {
  const [, last] = view.sentenceBounds(v);
  for (let k = v + 1; k < last; k++) {
    if (view.norm(k) !== 'in' || view.tok(k)?.pos !== 'ADP') continue;
    const np = view.readNP(k + 1, last);
    if (!np?.headLemma || np.heads.length || !view.lex.speechNouns.has(np.headLemma)) continue;
    let p = np.last + 1;
    if (!ISSUING.has(view.tok(p)?.lemma ?? '') || view.tok(p)?.pos !== 'VERB') return [];
    p++;
    // `released Wednesday by`, `issued late on Monday by`: a few words of time before the agent.
    for (let n = 0; n < 3 && view.norm(p) !== 'by' && ['PROPN', 'NOUN', 'ADV', 'ADP', 'NUM'].includes(view.tok(p)?.pos ?? ''); n++) p++;
    return view.norm(p) === 'by' ? actorsOf(view, view.readNP(p + 1, last), false) : [];
  }
  return [];
}
