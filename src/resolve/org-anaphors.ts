/**
 * Organisation and country anaphors, a reference-resolution step: `the
 * alliance`, `the bloc` refer to an organisation the article names, `the
 * kingdom`, `the North` to a country (see `resolveOrgAnaphors`).
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention, Token } from '../types.js';
import { POSSESSIVE } from '../parse/words.js';
import { coveredTokens, entityMentions, type NamedMention } from './pronoun-repair.js';

/** Marker words of a lexicon row (see data/lexicons/org-anaphors.tsv). */
const COUNTRY_MARK = '@country';
const CAPITAL_MARK = '@capitalised';

/** One lexicon row read for resolution: the words a name must contain, the kind of its referent, its case. */
interface AnaphorRow {
  readonly words: readonly string[];
  readonly type: EntityType;
  readonly capitalised: boolean;
}

/** The rows of the lexicon with their markers read (remembered per lexicon map). */
const rowCache = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, AnaphorRow>>();
function anaphorRows(lexicon: ReadonlyMap<string, readonly string[]>): Map<string, AnaphorRow> {
  let rows = rowCache.get(lexicon);
  if (rows) return rows;
  rows = new Map();
  for (const [head, all] of lexicon) {
    // Pair rows (`the two leaders`) take up two parties: the relation stage reads them (src/relations/pair-references.ts).
    if (all.includes('@pair')) continue;
    const words = all.filter((w) => !w.startsWith('@'));
    rows.set(head, { words, type: all.includes(COUNTRY_MARK) ? 'Country' : 'Organisation', capitalised: all.includes(CAPITAL_MARK) });
  }
  rowCache.set(lexicon, rows);
  return rows;
}

/**
 * `the alliance`, `the bloc`, `the world body`, `the kingdom`, `the North`: a
 * definite description whose head (one word, or two: `world body`) is in the
 * lexicon refers to the most recent organisation (or, for rows marked
 * `@country`, country) named before it whose name or aliases contain a
 * fitting word, else the article's only fitting one, if there is exactly
 * one (a synthetic title mention). Pure; edits the lists it is given.
 */
export function resolveOrgAnaphors(ann: AnnotatedText, mentions: Mention[], me: Map<number, number>, entities: readonly ArticleEntity[], orgAnaphors: ReadonlyMap<string, readonly string[]>): void {
  if (!orgAnaphors.size) return;
  const rows = anaphorRows(orgAnaphors);
  const tokens = ann.tokens;
  const covered = coveredTokens(tokens.length, mentions);
  const named = { Organisation: entityMentions(mentions, me, entities, 'Organisation', false), Country: entityMentions(mentions, me, entities, 'Country', true) } as const;
  let fits: OrgFits | undefined;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (covered[i] || !DESCRIPTION_HEAD.has(t.pos)) continue;
    const found = descriptionAt(tokens, covered, rows, i);
    if (!found) continue;
    fits ??= new OrgFits(entities);
    const pool = found.row.type === 'Country' ? named.Country : named.Organisation;
    const referent = anaphorReferent(pool, fits, t.start, found.row.words);
    const first = tokens[found.first];
    if (referent === undefined || !first) continue;
    me.set(mentions.length, referent);
    mentions.push(orgAnaphorMention(ann.text, first, t, found.first, i, entities[referent]?.name ?? t.text, found.row.type));
  }
}

/**
 * Whether the `of` at token k opens what a description is charged with (`accused the group of
 * staging`, `accused the kingdom of war crimes`) rather than a complement of its head (`the
 * alliance of farmers`): an `-ing` form, or a plain lower-case phrase after the object of a verb
 * whose object takes an `of` complement of its own.
 */
function chargeAfter(tokens: readonly Token[], k: number): boolean {
  const w = tokens[k + 1];
  if (!w) return false;
  if (w.pos === 'VERB' && /ing$/.test(w.normal)) return true;
  if (!/^[a-z]/.test(w.text) || (w.pos !== 'NOUN' && w.pos !== 'ADJ')) return false;
  for (let j = k - 1; j >= Math.max(0, k - 5) && tokens[j]?.sentence === w.sentence; j--) {
    const t = tokens[j];
    if (t?.pos === 'VERB' || t?.pos === 'AUX') return OF_OBJECT_VERBS.has(t.lemma);
  }
  return false;
}

/** Verbs whose object takes an `of` complement (`accused X of fraud`, `suspected X of`, `warned X of`). */
const OF_OBJECT_VERBS: ReadonlySet<string> = new Set(['accuse', 'suspect', 'convict', 'warn', 'remind', 'inform', 'clear', 'acquit']);

/** Parts of speech a description's head may have (`North` in `the North` is a proper noun to the tagger). */
const DESCRIPTION_HEAD: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/**
 * The lexicon row and first token of a description whose head is token i: `the` (at most two
 * modifiers before the head: `the Western alliance`), or a two-word head standing bare (`said
 * world body must`); none before an `of` complement, nor a capitalised one inside a longer
 * name (`the North Koreans`).
 */
function descriptionAt(tokens: readonly Token[], covered: Uint8Array, rows: ReadonlyMap<string, AnaphorRow>, i: number): { row: AnaphorRow; first: number } | undefined {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const pair = prev && !covered[i - 1] ? rows.get(`${prev.normal} ${t.normal}`) : undefined;
  const row = pair ?? rows.get(t.normal);
  if (!row || /^[A-Z]/.test(t.text) !== row.capitalised) return undefined;
  const next = tokens[i + 1];
  if ((next?.normal === 'of' && !chargeAfter(tokens, i + 1)) || (row.capitalised && next && /^[A-Z]/.test(next.text) && (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'ADJ'))) return undefined;
  const headStart = pair ? i - 1 : i;
  let d = headStart - 1;
  while (d >= headStart - 2 && (tokens[d]?.pos === 'ADJ' || tokens[d]?.pos === 'PROPN') && !covered[d]) d--;
  if (tokens[d]?.normal === 'the') return { row, first: d };
  // A two-word description with no article (`world body`), where no other determiner stands.
  const before = tokens[headStart - 1];
  return pair && d === headStart - 1 && before?.pos !== 'DET' && before?.pos !== 'PRON' && !POSSESSIVE.has(before?.text ?? '') ? { row, first: headStart } : undefined;
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
function orgAnaphorMention(text: string, first: Token, t: Token, d: number, i: number, name: string, type: EntityType): Mention {
  return { start: first.start, end: t.end, text: text.slice(first.start, t.end), type, kind: 'title', sentence: t.sentence, firstToken: d, lastToken: i, name, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.5 };
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
  // `=united nations`: the whole name (the world body is the UN, not its Security Council).
  return words.some((w) => (w.startsWith('=') ? low === ` ${w.slice(1)} ` : low.includes(` ${w} `) || low.includes(` ${w}`)));
}
