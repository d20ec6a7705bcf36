/**
 * DEPLOYED_NEAR: a deployment verb or a military noun, its owner, and a
 * country or border after a location preposition.
 */
import type { Modality } from '../types.js';
import { ArticleView, isQuoteMark } from './article-view.js';
import { matchVerbRules } from '../rules/match.js';
import { type Draft } from './drafts.js';

/** The country a location phrase after token p names: a country, or a border owned by one. */
function locationTarget(view: ArticleView, p: number, end: number): number | undefined {
  for (let k = p; k <= Math.min(end, p + 9); k++) {
    const tk = view.tok(k);
    if (!tk) break;
    const n = tk.normal;
    if (view.lex.locationPreps.has(n) && (tk.pos === 'ADP' || tk.pos === 'ADV' || tk.pos === 'ADJ' || tk.pos === 'PART' || tk.pos === 'SCONJ')) {
      let q = k + 1;
      if (n === 'close' && view.norm(q) === 'to') q++;
      const np = view.readNP(q, end);
      if (!np) continue;
      const country = np.heads.find((h) => view.entityType(h) === 'Country');
      if (country !== undefined) return country;
      if (np.headLemma && view.lex.borderNouns.has(np.headLemma)) {
        const c = np.owner ?? np.complement.find((x) => view.entityType(x) === 'Country');
        if (c !== undefined) return c;
      }
      continue;
    }
    if ((tk.pos === 'VERB' && !/ed$/.test(n)) || n === ';' || n === 'but') break;
  }
  return undefined;
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
  const target = locationTarget(view, i + 1, end) ?? whereBorderTarget(view, i, first);
  if (target === undefined) return [];
  return [{ type: 'DEPLOYED_NEAR', rule: verbRule?.id ?? 'producer.deployment', cameo: verbRule?.cameo, plover: verbRule?.plover, sources: actors.sources, targets: [target], sentence: t.sentence, cue: t.text, modality: actors.modality, confidence: 0.7 }];
}

interface DeploymentActors {
  sources: number[];
  modality: Modality;
}

/** The subject of a deployment verb. */
function verbActors(view: ArticleView, i: number): DeploymentActors | undefined {
  const s = view.subjectOf(i);
  const sources = [...(s?.entities ?? [])];
  // `... the Ukrainian border, where 100,000 Russian troops are stationed` is found through the noun.
  if (!sources.length) return undefined;
  return { sources, modality: view.modalityOf(i, s?.start ?? i) };
}

/** The owner of a military noun (`Russian troops`, `Russia's forces`); never a person. */
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
  if (owner === undefined || view.entityType(owner) === 'Person') return undefined;
  return { sources: [owner], modality: view.nominalModality(i, view.governingVerb(s), s) };
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
