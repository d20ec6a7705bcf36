/**
 * Pronoun repair, a reference-resolution step after the entity stage and the
 * quote stage: fixes the pronoun references the relation and quote stages
 * rely on, with rules of English reference (see `repairPronouns`).
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention, Token } from '../types.js';

/** A quotation and its speaker, as the quote stage found it (for pronouns inside quotes). */
export interface QuotedSpeech {
  readonly start: number;
  readonly end: number;
  readonly speaker: number | null;
}

const MALE = new Set(['he', 'him', 'his', 'himself']);

const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

/** The gender a third-person pronoun gives its referent (`he` m, `hers` f), if any. */
export function pronounGender(word: string): 'm' | 'f' | undefined {
  const w = word.toLowerCase();
  return MALE.has(w) ? 'm' : FEMALE.has(w) ? 'f' : undefined;
}

/** Third-person singular pronouns that can stand for a person acting. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him']);

/**
 * Repairs pronoun references the relation and quote stages rely on, with
 * rules of English reference (pure; edits the mention list and the
 * mention -> entity map it is given):
 * - a third-person pronoun inside a direct quotation does not refer to the
 *   quotation's speaker (`"He stressed ...," Price said` is not Price);
 * - the subject of a relative clause opened by `whom` is not the relative's
 *   antecedent (`Zelensky, to whom he reiterated` is not Zelensky);
 * - `he`/`she` left unresolved by the entity stage refer to the nearest
 *   person named in the last few sentences (a synthetic pronoun mention).
 * In the first two cases the pronoun takes the nearest other person named before it.
 */
export function repairPronouns(
  ann: AnnotatedText,
  mentions: Mention[],
  me: Map<number, number>,
  entities: readonly ArticleEntity[],
  quotes: readonly QuotedSpeech[],
  givenNames: ReadonlyMap<string, 'm' | 'f'> = new Map(),
): void {
  const covered = coveredTokens(ann.tokens.length, mentions);
  const named = entityMentions(mentions, me, entities, 'Person', true);
  // The gender the entity stage's own pronouns give each person (he/his vs she/her), where they agree.
  const genderCount = new Map<number, { m: number; f: number }>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const e = me.get(i);
    if (e === undefined || m.kind !== 'pronoun') continue;
    const g = genderCount.get(e) ?? { m: 0, f: 0 };
    const gender = pronounGender(m.text);
    if (gender) g[gender]++;
    genderCount.set(e, g);
  }
  // Where the article's pronouns tell nothing, a person's given name may (`Maria Lopez` f).
  for (const { e } of named) {
    if (genderCount.has(e)) continue;
    const gender = givenNameGender(entities[e]?.name ?? '', givenNames);
    if (gender) genderCount.set(e, { m: gender === 'm' ? 1 : 0, f: gender === 'f' ? 1 : 0 });
  }
  const r = new PronounRepair(ann, mentions, me, quotes, named, genderCount);
  const n = mentions.length;
  for (let i = 0; i < n; i++) {
    const m = mentions[i] as Mention;
    const e = me.get(i);
    if (m.kind !== 'pronoun' || e === undefined) continue;
    const ex = r.exclusions(m.firstToken, m.start);
    if (!ex.has(e)) continue;
    const alt = r.nearest(m.start, m.sentence, ex, pronounGender(m.text));
    if (alt !== undefined) me.set(i, alt);
  }
  const tokens = ann.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (covered[i] || t.pos !== 'PRON' || !PERSON_PRONOUNS.has(t.normal)) continue;
    const alt = r.nearest(t.start, t.sentence, r.exclusions(i, t.start), t.normal === 'she' ? 'f' : 'm');
    if (alt === undefined) continue;
    me.set(mentions.length, alt);
    mentions.push({ start: t.start, end: t.end, text: t.text, type: 'Person', kind: 'pronoun', sentence: t.sentence, firstToken: i, lastToken: i, name: t.normal, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.4 });
  }
}

/** The gender the first word of a person's name tells, when the name has a surname after it and the list knows the word. */
function givenNameGender(name: string, givenNames: ReadonlyMap<string, 'm' | 'f'>): 'm' | 'f' | undefined {
  const space = name.indexOf(' ');
  return space > 0 ? givenNames.get(name.slice(0, space)) : undefined;
}

export interface NamedMention {
  readonly m: Mention;
  readonly e: number;
}

/** Per token (and one past the last), 1 where a mention covers it. */
export function coveredTokens(tokenCount: number, mentions: readonly Mention[]): Uint8Array {
  const covered = new Uint8Array(tokenCount + 1);
  for (const m of mentions) for (let t = m.firstToken; t <= m.lastToken; t++) covered[t] = 1;
  return covered;
}

/** The mentions of entities of `type` with their entity, in text order; without pronouns when `namesOnly`. */
export function entityMentions(mentions: readonly Mention[], me: ReadonlyMap<number, number>, entities: readonly ArticleEntity[], type: EntityType, namesOnly: boolean): NamedMention[] {
  const out: NamedMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const e = me.get(i);
    if (e !== undefined && !(namesOnly && m.kind === 'pronoun') && entities[e]?.type === type) out.push({ m, e });
  }
  return out.sort((a, b) => a.m.start - b.m.start);
}

/** The lookups of repairPronouns over one article. */
class PronounRepair {
  constructor(
    private readonly ann: AnnotatedText,
    private readonly mentions: readonly Mention[],
    private readonly me: ReadonlyMap<number, number>,
    private readonly quotes: readonly QuotedSpeech[],
    /** The people named (not by pronouns), in text order. */
    private readonly named: readonly NamedMention[],
    private readonly genderCount: ReadonlyMap<number, { m: number; f: number }>,
  ) {}

  genderOf(e: number): 'm' | 'f' | undefined {
    const g = this.genderCount.get(e);
    return !g || g.m === g.f ? undefined : g.m > g.f ? 'm' : 'f';
  }

  /** The nearest person named before `offset`, within four sentences, not excluded and not of the other gender. */
  nearest(offset: number, sentence: number, exclude: ReadonlySet<number>, gender: 'm' | 'f' | undefined): number | undefined {
    for (let k = this.named.length - 1; k >= 0; k--) {
      const x = this.named[k];
      if (!x || x.m.start >= offset) continue;
      if (sentence - x.m.sentence > 4) return undefined;
      if (gender && this.genderOf(x.e) && this.genderOf(x.e) !== gender) continue;
      if (!exclude.has(x.e)) return x.e;
    }
    return undefined;
  }

  /** The people a pronoun at token `first` (offset `start`) cannot refer to. */
  exclusions(first: number, start: number): Set<number> {
    const out = new Set<number>();
    for (const q of this.quotes) if (q.speaker !== null && q.start <= start && start < q.end) out.add(q.speaker);
    // `..., to whom he`, `..., with whom she`: the antecedent before `whom`.
    const tokens = this.ann.tokens;
    const w = tokens[first - 1];
    if (w && w.normal === 'whom') {
      let k = first - 2;
      if (tokens[k]?.pos === 'ADP') k--;
      if (tokens[k]?.normal === ',') k--;
      const ante = this.mentions.findIndex((m) => m.firstToken <= k && k <= m.lastToken);
      const e = ante >= 0 ? this.me.get(ante) : undefined;
      if (e !== undefined) out.add(e);
    }
    return out;
  }
}
