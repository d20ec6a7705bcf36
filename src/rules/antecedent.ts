/**
 * The author of a thing named again by a definite description: after `the
 * court's ruling` or `a plan put forward by Egypt`, `condemned the ruling`
 * and `welcomed the plan` are acts on the court and on Egypt. The nouns that
 * can be taken up so are the act nouns of `lexicons/relation-cues.json`
 * (`authoredNouns`: rulings, plans, proposals, claims); their makers are
 * named by owner, `by` agent or the subject of a making verb (`authoringVerbs`).
 */
import type { ArticleView, NounPhrase } from '../relations/article-view.js';
import { actorsOf, isPassive, participleAgent, subjectActors } from '../relations/clause.js';
import { phraseStart } from '../relations/drafts.js';

/** Determiners of a description that names a thing already spoken of. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'such']);

/** How far back (in sentences) a description looks for the thing's first naming. */
const WINDOW = 6;

/**
 * The owner of the thing a definite object phrase takes up (`the ruling` after `the ICJ
 * ruling`): the possessor, demonym, entity modifier or `by` agent of the nearest earlier
 * phrase with the same head noun, within a few sentences. None when the phrase is no
 * description of an authored thing, or the earlier phrase names no author.
 */
export function antecedentOwner(view: ArticleView, object: NounPhrase | undefined): number[] {
  const head = object?.headLemma;
  if (!object || !head || object.heads.length || object.owner !== undefined || !view.lex.authoredNouns.has(head)) return [];
  if (!DEFINITE.has(view.norm(object.first))) return [];
  const sentence = view.tok(object.first)?.sentence ?? 0;
  for (let k = object.first - 1; k >= 0; k--) {
    const t = view.tok(k);
    if (!t || sentence - t.sentence > WINDOW) break;
    if (t.pos !== 'NOUN' || t.lemma !== head) continue;
    const [first, last] = view.sentenceBounds(k);
    const start = phraseStart(view, k, first, 6);
    const np = view.readNP(start, k);
    let owner = np?.owner;
    if (owner === undefined && np?.heads.length && np.last < k) owner = np.heads[0];
    if (owner !== undefined) return [owner];
    if (np) {
      // `a report by Amnesty`, `a plan drawn up by Egypt`.
      const agent = view.norm(k + 1) === 'by' ? actorsOf(view, view.readNP(k + 2, last), false) : participleAgent(view, { ...np, last: k }, last);
      if (agent.length) return agent;
    }
    // `Egypt put forward a plan`: the subject of the verb that made it.
    const verb = view.governingVerb(start);
    if (verb !== undefined && view.lex.authoringVerbs.has(view.tok(verb)?.lemma ?? '') && !isPassive(view, verb)) {
      const s = subjectActors(view, verb);
      if (s?.entities.length) return [...s.entities];
    }
  }
  return [];
}
