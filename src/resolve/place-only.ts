/**
 * Countries named only as places: `fled across the border into Uganda`, `the embassies in Kenya
 * and Tanzania`, `flown to Lima, Peru`. Such a country is where something happened, not an
 * actor of the article, so it is left out of the article's entities unless an act, a quote or a
 * person's affiliation uses it; so are universities, colleges, schools and hospitals named only
 * as places (`students barricaded inside the Polytechnic University`). Runs after relations and
 * quotes; renumbers what it keeps. Pure.
 */
import type { AnnotatedText, ArticleEntity, Mention, Quote, Relation, Token } from '../types.js';
import type { EntityLexicon } from '../extract/entity-lexicon.js';

interface ArticleParts {
  readonly mentions: Mention[];
  readonly entities: ArticleEntity[];
  readonly relations: Relation[];
  readonly quotes: Quote[];
}

/**
 * Words that may stand between a place preposition and the country (`in neighboring`, `to the
 * newly independent`); other countries of a list (`from Italy, Poland and Spain`) may too.
 */
const BETWEEN_POS = new Set(['ADJ', 'DET', 'ADV', 'CCONJ']);
const MAX_BACK = 8;
/** Institutions that are also buildings and grounds: named only as where something happened (`protesters inside the Polytechnic University`), they are places. */
const PLACE_INSTITUTIONS = /\b(?:University|College|School|Hospital|Campus)$/;
/** Verbs of parting after which `from` names the other party, not a place (`split from Sudan`, `broke away from Georgia`). */
const PARTING_VERBS = new Set(['split', 'secede', 'separate', 'break', 'breakaway']);

export function dropPlaceOnlyCountries(ann: AnnotatedText, parts: ArticleParts, lex: EntityLexicon): ArticleParts {
  const { mentions, entities } = parts;
  const used = usedEntities(parts);
  const inCountry = new Uint8Array(ann.tokens.length);
  for (const m of mentions) if (m.type === 'Country') inCountry.fill(1, m.firstToken, m.lastToken + 1);
  const drop = new Set<number>();
  for (const e of entities) {
    if (!(e.type === 'Country' || (e.type === 'Organisation' && PLACE_INSTITUTIONS.test(e.name))) || used.has(e.id)) continue;
    if (e.mentions.every((i) => isPlaceMention(ann, mentions[i], inCountry, lex))) drop.add(e.id);
  }
  if (!drop.size) return parts;
  return renumber(parts, drop);
}

/** Entity ids an edge, a quote or an affiliation refers to. */
function usedEntities({ entities, relations, quotes }: ArticleParts): Set<number> {
  const used = new Set<number>();
  for (const r of relations) {
    used.add(r.source).add(r.target);
    if (r.reportedBy !== undefined) used.add(r.reportedBy);
  }
  for (const q of quotes) {
    if (q.speaker !== null) used.add(q.speaker);
    if (q.addressee !== undefined) used.add(q.addressee);
  }
  const affiliated = new Set(entities.flatMap((e) => e.affiliations));
  for (const e of entities) if (affiliated.has(e.name)) used.add(e.id);
  return used;
}

/**
 * A name or metonym of a country after a place preposition, or after a town and a comma. `from`
 * after a noun gives a source, not a place (`an accusation from Israel`).
 */
function isPlaceMention(ann: AnnotatedText, m: Mention | undefined, inCountry: Uint8Array, lex: EntityLexicon): boolean {
  if (!m || (m.kind !== 'name' && m.kind !== 'metonym')) return false;
  const { tokens } = ann;
  const next = tokens[m.lastToken + 1];
  if (next && next.sentence === m.sentence && (next.normal === "'s" || next.normal === '’s')) return false;
  if (townBefore(tokens, m)) return true;
  for (let k = m.firstToken - 1, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    const t = tokens[k] as Token;
    if (t.sentence !== m.sentence) return false;
    if (lex.placePrepositions.has(t.normal)) return t.normal !== 'from' || !fromNamesParty(tokens, k);
    if (!inCountry[k] && !BETWEEN_POS.has(t.pos) && t.text !== ',') return false;
  }
  return false;
}

/** `from` (token k) after a noun gives a source (`an accusation from Israel`), after a verb of parting the other party. */
function fromNamesParty(tokens: readonly Token[], k: number): boolean {
  let v = k - 1;
  if (tokens[v]?.normal === 'away') v--;
  const verb = tokens[v];
  return verb?.pos === 'NOUN' || PARTING_VERBS.has(verb?.lemma ?? '') || PARTING_VERBS.has(verb?.normal ?? '');
}

/** `Doha, Qatar`: a capitalised word and a comma right before the country. */
function townBefore(tokens: readonly Token[], m: Mention): boolean {
  const comma = tokens[m.firstToken - 1];
  const town = tokens[m.firstToken - 2];
  if (!comma || !town || comma.text !== ',' || town.sentence !== m.sentence) return false;
  return town.pos === 'PROPN' && /^\p{Lu}/u.test(town.text);
}

function renumber({ mentions, entities, relations, quotes }: ArticleParts, drop: ReadonlySet<number>): ArticleParts {
  const dropMention = new Set<number>();
  for (const id of drop) for (const i of entities[id]?.mentions ?? []) dropMention.add(i);
  const mentionIndex = new Int32Array(mentions.length).fill(-1);
  const keptMentions: Mention[] = [];
  mentions.forEach((m, i) => {
    if (dropMention.has(i)) return;
    mentionIndex[i] = keptMentions.length;
    keptMentions.push(m);
  });
  const entityIndex = new Int32Array(entities.length).fill(-1);
  const keptEntities: ArticleEntity[] = [];
  for (const e of entities) {
    if (drop.has(e.id)) continue;
    entityIndex[e.id] = keptEntities.length;
    keptEntities.push({ ...e, id: keptEntities.length, mentions: e.mentions.map((i) => mentionIndex[i] as number).filter((i) => i >= 0) });
  }
  const idOf = (id: number): number => entityIndex[id] as number;
  return {
    mentions: keptMentions,
    entities: keptEntities,
    relations: relations.map((r) => ({ ...r, source: idOf(r.source), target: idOf(r.target), ...(r.reportedBy === undefined ? {} : { reportedBy: idOf(r.reportedBy) }) })),
    quotes: quotes.map((q) => ({ ...q, speaker: q.speaker === null ? null : idOf(q.speaker), ...(q.addressee === undefined ? {} : { addressee: idOf(q.addressee) }) })),
  };
}
