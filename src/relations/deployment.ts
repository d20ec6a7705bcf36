/**
 * DEPLOYED_NEAR: a deployment verb or a military noun, its owner, and a
 * country or border after a location preposition.
 */
import type { Modality } from '../types.js';
import { ArticleView, isQuoteMark } from './article-view.js';
import { matchVerbRules } from '../rules/match.js';
import { type Draft } from './drafts.js';
import type { NounPhrase } from './noun-phrase-view.js';

/** Prepositions of nearness: a country after them is a place near which forces stand (`near Taiwan`), not their destination (`to Ukraine`). */
const NEAR: ReadonlySet<string> = new Set(['near', 'along', 'around', 'close', 'by']);

/**
 * The countries a noun phrase of a place names: its countries, or those owning a border or coast
 * (`the coasts of China and Japan`). With `countriesCount` false, only a border's owner counts.
 */
function placeCountries(view: ArticleView, np: NounPhrase, countriesCount: boolean): number[] {
  const countries = countriesCount ? np.heads.filter((h) => view.entityType(h) === 'Country') : [];
  if (countries.length || !np.headLemma || !view.lex.borderNouns.has(np.headLemma)) return countries;
  if (np.owner !== undefined) return view.entityType(np.owner) === 'Country' ? [np.owner] : [];
  return np.complement.filter((x) => view.entityType(x) === 'Country');
}

/**
 * The countries a location phrase after token p names: a country, or a border owned by one. Forces
 * sent (`nearOnly`) stand near a country only at its border or after `near` (`sent tanks to
 * Ukraine` is a delivery, `sent warships near Taiwan` a deployment).
 */
function locationTargets(view: ArticleView, p: number, end: number, nearOnly: boolean): number[] {
  for (let k = p; k <= Math.min(end, p + 9); k++) {
    const tk = view.tok(k);
    if (!tk) break;
    const n = tk.normal;
    if (view.lex.locationPreps.has(n) && (tk.pos === 'ADP' || tk.pos === 'ADV' || tk.pos === 'ADJ' || tk.pos === 'PART' || tk.pos === 'SCONJ')) {
      let q = k + 1;
      if (n === 'close' && view.norm(q) === 'to') q++;
      const np = view.readNP(q, end);
      if (!np) continue;
      const countries = placeCountries(view, np, !nearOnly || NEAR.has(n));
      if (countries.length) return countries;
      continue;
    }
    if ((tk.pos === 'VERB' && !/ed$/.test(n)) || n === ';' || n === 'but') break;
  }
  return [];
}

/** DEPLOYED_NEAR: `Russian forces massed near the Ukrainian border`, `Russia's deployment of troops on ...`. */
export function deploymentDrafts(view: ArticleView, i: number): Draft[] {
  const t = view.tok(i);
  if (!t) return [];
  const verbRule = t.pos === 'VERB' ? matchVerbRules(view, i)?.rules.find((r) => r.type === 'DEPLOYED_NEAR') : undefined;
  const deployedVerb = verbRule !== undefined;
  // Most tokens are neither cue: they leave here.
  if (!deployedVerb && !(t.pos === 'NOUN' && (view.lex.militaryNouns.has(t.normal) || view.lex.militaryNouns.has(t.lemma)))) return [];
  const actors = deployedVerb ? verbActors(view, i) : militaryNounActors(view, i);
  if (!actors) return [];
  const [first, last] = view.sentenceBounds(i);
  // Performance: the clause end (a scan to the end of the sentence) only for a cue, not at every token.
  const end = Math.min(view.clauseEnd(i), last);
  const located = locationTargets(view, i + 1, end, actors.rule === MOVER);
  const where = located.length ? undefined : whereBorderTarget(view, i, first);
  const targets = where === undefined ? located : [where];
  if (!targets.length) return [];
  // `a destroyer will join Germany's forces near the coast of Taiwan`: forces named where they stand are there,
  // whatever the clause around them does (unless negated).
  const standing = !deployedVerb && actors.rule === 'producer.deployment' && NEAR.has(view.norm(i + 1)) && actors.modality !== 'negated';
  const modality = standing ? 'asserted' : actors.modality;
  return [{ type: 'DEPLOYED_NEAR', rule: verbRule?.id ?? actors.rule, cameo: verbRule?.cameo, plover: verbRule?.plover, sources: actors.sources, targets, sentence: t.sentence, cue: t.text, modality, confidence: 0.7 }];
}

/** The producer id of forces a verb moves (`sent troops to the border`). */
const MOVER = 'producer.deployment-mover';

interface DeploymentActors {
  sources: number[];
  modality: Modality;
  /** The producer id: the military noun's owner, or the subject of a verb moving the forces. */
  rule: string;
}

/** The subject of a deployment verb. */
function verbActors(view: ArticleView, i: number): DeploymentActors | undefined {
  const s = view.subjectOf(i);
  const sources = [...(s?.entities ?? [])];
  // `... the Ukrainian border, where 100,000 Russian troops are stationed` is found through the noun.
  if (!sources.length) return undefined;
  return { sources, modality: view.modalityOf(i, s?.start ?? i), rule: 'producer.deployment' };
}

/**
 * The owner of a military noun (`Russian troops`, `Russia's forces`), or the subject of a verb
 * moving the forces (`Russia moved tanks to the border`, deploymentVerbs); never a person.
 */
function militaryNounActors(view: ArticleView, i: number): DeploymentActors | undefined {
  const [first] = view.sentenceBounds(i);
  let s = i;
  while (s - 1 >= first && s > i - 6) {
    const p = view.tok(s - 1);
    if (!p) break;
    if (!(p.pos === 'DET' || p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s' || isQuoteMark(p.text) || view.entityAt(s - 1) !== undefined)) break;
    s--;
  }
  const np = s < i ? view.readNP(s, i) : undefined;
  const owner = np?.owner ?? (np && np.heads.length && np.last < i ? np.heads[0] : undefined);
  if (owner === undefined) return moverActors(view, s - 1);
  if (view.entityType(owner) === 'Person') return undefined;
  return { sources: [owner], modality: view.nominalModality(i, view.governingVerb(s), s), rule: 'producer.deployment' };
}

/** The subject of a verb moving military forces at token v (`sent`, `moved`), when it names an actor. */
function moverActors(view: ArticleView, v: number): DeploymentActors | undefined {
  const t = view.tok(v);
  if (!t || t.pos !== 'VERB' || !view.lex.deploymentVerbs.has(t.lemma)) return undefined;
  const s = view.subjectOf(v);
  const sources = [...(s?.entities ?? [])];
  if (!sources.length) return undefined;
  return { sources, modality: view.modalityOf(v, s?.start ?? v), rule: MOVER };
}

/** `the Ukrainian border, where 100,000 Russian troops are stationed`: the border's country. */
function whereBorderTarget(view: ArticleView, i: number, first: number): number | undefined {
  for (let k = i - 1; k >= first && k > i - 10; k--) {
    if (view.norm(k) !== 'where') continue;
    let e = k - 1;
    if (view.norm(e) === ',') e--;
    let s = e;
    while (s - 1 >= first && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(view.tok(s - 1)?.pos ?? '')) s--;
    const np = view.readNP(s, e);
    return np?.headLemma && view.lex.borderNouns.has(np.headLemma) ? (np.owner ?? np.complement[0]) : undefined;
  }
  return undefined;
}
