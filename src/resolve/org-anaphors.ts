/**
 * Organisation anaphors, a reference-resolution step: `the alliance`, `the
 * bloc` refer to an organisation the article names (see `resolveOrgAnaphors`).
 */
import type { AnnotatedText, ArticleEntity, Mention, Token } from '../types.js';
import { coveredTokens, entityMentions, type NamedMention } from './pronoun-repair.js';

/**
 * `the alliance`, `the bloc`: a definite description whose head is in the
 * lexicon's organisation anaphors refers to the most recent organisation
 * named before it whose name or aliases contain a fitting word, else the
 * article's only fitting organisation, if there is exactly one (a synthetic
 * title mention). Pure; edits the lists it is given.
 */
export function resolveOrgAnaphors(ann: AnnotatedText, mentions: Mention[], me: Map<number, number>, entities: readonly ArticleEntity[], orgAnaphors: ReadonlyMap<string, readonly string[]>): void {
  if (!orgAnaphors.size) return;
  const tokens = ann.tokens;
  const covered = coveredTokens(tokens.length, mentions);
  const orgs = entityMentions(mentions, me, entities, 'Organisation', false);
  let fits: OrgFits | undefined;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'NOUN' || covered[i]) continue;
    const words = orgAnaphors.get(t.normal);
    if (!words || /^[A-Z]/.test(t.text)) continue;
    // `the alliance`, `the Western alliance`, `the military alliance` (at most two modifiers).
    let d = i - 1;
    while (d >= i - 2 && (tokens[d]?.pos === 'ADJ' || tokens[d]?.pos === 'PROPN') && !covered[d]) d--;
    if (tokens[d]?.normal !== 'the' || tokens[i + 1]?.normal === 'of') continue;
    fits ??= new OrgFits(entities);
    const found = anaphorReferent(orgs, fits, t.start, words);
    const first = tokens[d];
    if (found === undefined || !first) continue;
    me.set(mentions.length, found);
    mentions.push(orgAnaphorMention(ann.text, first, t, d, i, entities[found]?.name ?? t.text));
  }
}

/**
 * The organisation an anaphor at offset `start` refers to: the most recent fitting one named
 * before it, else the article's only fitting one.
 */
function anaphorReferent(orgs: readonly NamedMention[], fits: OrgFits, start: number, words: readonly string[]): number | undefined {
  for (let k = orgs.length - 1; k >= 0; k--) {
    const x = orgs[k];
    if (x && x.m.start < start && fits.test(x.e, words)) return x.e;
  }
  // None named before it: the article's only organisation that fits, wherever it is named
  // (one referent per article: `the alliance` in a text whose only alliance is NATO).
  return fits.only(orgs, words);
}

/** The synthetic title mention of an organisation anaphor over tokens d..i (`first`..`t`). */
function orgAnaphorMention(text: string, first: Token, t: Token, d: number, i: number, name: string): Mention {
  return { start: first.start, end: t.end, text: text.slice(first.start, t.end), type: 'Organisation', kind: 'title', sentence: t.sentence, firstToken: d, lastToken: i, name, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.5 };
}

/**
 * Whether an entity's name or an alias has one of an anaphor's words (`the alliance`: `North
 * Atlantic Alliance`), remembered per entity and word list: an article asks it again for every
 * anaphor noun.
 */
class OrgFits {
  private readonly known = new Map<readonly string[], Map<number, boolean>>();
  private readonly onlyFit = new Map<readonly string[], number | undefined>();

  constructor(private readonly entities: readonly ArticleEntity[]) {}

  test(e: number, words: readonly string[]): boolean {
    let byEntity = this.known.get(words);
    if (!byEntity) this.known.set(words, (byEntity = new Map()));
    let fit = byEntity.get(e);
    if (fit === undefined) {
      const ent = this.entities[e];
      fit = !!ent && (nameFits(ent.name, words) || ent.aliases.some((n) => nameFits(n, words)));
      byEntity.set(e, fit);
    }
    return fit;
  }

  /** The one organisation of `orgs` that fits the words, if exactly one does (the list is the same on every call). */
  only(orgs: readonly NamedMention[], words: readonly string[]): number | undefined {
    if (this.onlyFit.has(words)) return this.onlyFit.get(words);
    const fitting = new Set<number>();
    for (const x of orgs) if (this.test(x.e, words)) fitting.add(x.e);
    const one = fitting.size === 1 ? [...fitting][0] : undefined;
    this.onlyFit.set(words, one);
    return one;
  }
}

function nameFits(name: string, words: readonly string[]): boolean {
  const low = ` ${name.toLowerCase()} `;
  return words.some((w) => low.includes(` ${w} `) || low.includes(` ${w}`));
}
