/**
 * A country an article names only by the demonym of a person's title (`Australian Prime Minister
 * Scott Morrison`, Australia named nowhere else) is still an entity of the article: the state the
 * person acts for. This adds it, with the demonym as its one mention (a `metonym`, as the entity
 * stage marks demonyms acting for their state), so the affiliation has its target. Pure.
 */
import type { AnnotatedText, ArticleEntity, Mention } from '../types.js';
import type { RelationLexicon } from './relation-lexicon.js';
import { normKey } from './noun-phrase-view.js';

/** How far (tokens) before a name its title's demonym may stand (`Russian Deputy Foreign Minister X`). */
const MAX_TITLE_TOKENS = 6;

interface Parts {
  readonly mentions: Mention[];
  readonly entities: ArticleEntity[];
}

/** The demonym token of `country` in a person mention's title: inside the mention or right before it. */
function demonymToken(ann: AnnotatedText, m: Mention, country: string, rel: RelationLexicon, covered: Int32Array): number | undefined {
  for (let k = m.lastToken; k >= 0 && m.firstToken - k <= MAX_TITLE_TOKENS; k--) {
    const t = ann.tokens[k];
    if (!t || t.sentence !== m.sentence) return undefined;
    if (k < m.firstToken && covered[k] !== -1) return undefined;
    if (/^\p{Lu}/u.test(t.text) && rel.demonyms.get(t.normal) === country && t.normal !== normKey(country)) return k;
  }
  return undefined;
}

export function addTitleCountries(ann: AnnotatedText, mentions: readonly Mention[], entities: readonly ArticleEntity[], rel: RelationLexicon): Parts {
  const known = new Set(entities.flatMap((e) => [e.name, ...e.aliases].map(normKey)));
  const covered = new Int32Array(ann.tokens.length).fill(-1);
  mentions.forEach((m, i) => covered.fill(i, m.firstToken, Math.min(m.lastToken + 1, ann.tokens.length)));
  const outMentions = [...mentions];
  const outEntities = [...entities];
  const added = new Map<string, ArticleEntity>();
  for (const m of mentions) {
    const country = m.affiliation;
    if (m.type !== 'Person' || m.affiliationType !== 'Country' || !country || known.has(normKey(country))) continue;
    const k = demonymToken(ann, m, country, rel, covered);
    const t = k === undefined ? undefined : ann.tokens[k];
    if (k === undefined || !t) continue;
    const index = outMentions.length;
    outMentions.push({ start: t.start, end: t.end, text: t.text, type: 'Country', kind: 'metonym', sentence: t.sentence, firstToken: k, lastToken: k, name: country, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.6 });
    const prev = added.get(country);
    const entity: ArticleEntity = prev
      ? { ...prev, mentions: [...prev.mentions, index] }
      : { id: outEntities.length, type: 'Country', name: country, aliases: [], mentions: [index], roles: [], affiliations: [], confidence: 0.6 };
    if (prev) outEntities[prev.id] = entity;
    else outEntities.push(entity);
    added.set(country, entity);
  }
  return { mentions: outMentions, entities: outEntities };
}
