/**
 * relations stage: typed, directed edges between the entities of one
 * article. At each verb and noun the rule engine (src/rules/) runs the
 * rules of data/rules/ its lemma triggers; the named producers in code read
 * what spans clauses or sentences (frames, demands, deployments, visits)
 * and AFFILIATED_WITH from the persons' roles and affiliations. Every
 * relation names the rule or producer that made it.
 * Input: annotated text, mentions, resolved entities, lexicon.
 * Output: Relation[], each with its evidence sentence, cue and modality.
 */
import type { AnnotatedText, ArticleEntity, Mention, Relation } from '../types.js';
import { nounRuleDrafts, verbRuleDrafts } from '../rules/engine.js';
import { rulesOfMistaggedVerb } from '../rules/match.js';
import { copulaBefore } from '../rules/noun-actors.js';
import { affiliationDrafts } from './affiliations.js';
import { articleView, type ArticleView, type QuotedSpeech } from './article-view.js';
import { isInfinitiveCue } from './clause.js';
import { POSSESSIVE_PRONOUNS } from '../parse/words.js';
import { reportedCriticismDrafts } from './criticism.js';
import { demandContentDrafts, demandObjectDrafts, responseDrafts } from './demands.js';
import { deploymentDrafts } from './deployment.js';
import { type Draft, finish } from './drafts.js';
import { obligationDrafts } from './obligations.js';
import { consequenceDrafts, fillOpenTargets, frameDrafts, loyaltyDrafts, refusalDrafts, venueDrafts } from './frames.js';
import type { RelationLexicon } from './relation-lexicon.js';

export function extractRelations(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  lex: RelationLexicon,
  quotes: readonly QuotedSpeech[] = [],
): Relation[] {
  return relationsOf(articleView(ann, mentions, entities, lex, quotes));
}

/** The relations of the article a view reads. */
export function relationsOf(view: ArticleView): Relation[] {
  const { ann, lex } = view;
  const drafts: Draft[] = [];
  drafts.push(...affiliationDrafts(view));
  for (let i = 0; i < ann.tokens.length; i++) {
    const t = ann.tokens[i];
    if (!t) continue;
    if (t.pos === 'VERB' || isInfinitiveCue(view, i)) {
      const d = verbRuleDrafts(view, i);
      drafts.push(...d);
      if (!d.length) drafts.push(...consequenceDrafts(view, i));
      drafts.push(...venueDrafts(view, i));
      drafts.push(...frameDrafts(view, i));
      drafts.push(...loyaltyDrafts(view, i));
      drafts.push(...demandObjectDrafts(view, i));
    }
    // A past form the tagger took for an adjective or noun in a verb's place (`Hughes branded Howard a liar`).
    else if (rulesOfMistaggedVerb(view, i)) drafts.push(...verbRuleDrafts(view, i));
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || possessedGerund(view, i)) drafts.push(...nounRuleDrafts(view, i), ...responseDrafts(view, i));
    // Adjectives of stance read like nominal acts (`X is critical of Y`).
    else if ((t.pos === 'ADJ' && lex.nominals.has(t.lemma)) || (copularParticiple(view, i) && lex.nominals.has(t.normal))) drafts.push(...stanceDrafts(view, i));
    drafts.push(...deploymentDrafts(view, i));
  }
  drafts.push(...demandContentDrafts(view));
  drafts.push(...reportedCriticismDrafts(view));
  drafts.push(...obligationDrafts(view));
  return finish(view, refusalDrafts(view, fillOpenTargets(drafts, lex.typeClasses.directive)));
}

/** A gerund the tagger took for a verb after a possessive and before a preposition is a noun (`Russia's backing for X`, `its backing of X`). */
function possessedGerund(view: ArticleView, i: number): boolean {
  const t = view.tok(i);
  if (t?.pos !== 'VERB' || !/ing$/.test(t.normal) || view.tok(i + 1)?.pos !== 'ADP') return false;
  const p = view.norm(i - 1);
  return p === "'s" || p === '’s' || POSSESSIVE_PRONOUNS.has(p);
}

/** A participle after a copula reads as an adjective of stance (`remains committed to X`). */
function copularParticiple(view: ArticleView, i: number): boolean {
  return view.tok(i)?.pos === 'VERB' && /ed$/.test(view.norm(i)) && copulaBefore(view, i) !== undefined;
}

/** The act of an adjective of stance at token i, negated by a negator before it (`was not critical of`). */
function stanceDrafts(view: ArticleView, i: number): Draft[] {
  const [first] = view.sentenceBounds(i);
  let negated = false;
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const t = view.tok(k);
    if (!t || (t.pos !== 'ADV' && t.pos !== 'PART' && t.pos !== 'AUX')) break;
    if (view.lex.modality.negation.has(t.normal)) negated = true;
  }
  return nounRuleDrafts(view, i).map((d) => (negated ? { ...d, modality: 'negated' } : d));
}
