/**
 * The person a definite role description in a speaker slot refers back to
 * (`... Mayor Ana Ortiz ... "...," the mayor said`). The article-wide facts
 * the choice reads (each mention's entity, the mentions of each sentence,
 * each person's pronoun gender, role words and number of mentions) are
 * indexed once and kept up to date as mentions are added, so an article of
 * many role frames costs one pass, not one pass per frame.
 */
import type { AnnotatedText, ArticleEntity, Mention } from '../../types.js';
import type { RelationLexicon } from '../relation-lexicon.js';
import { pronounGender } from '../article-view.js';

/** How far back (in sentences) a role description looks for its person. */
const WINDOW = 8;

export class RoleAntecedents {
  private readonly entityOf = new Map<number, number>();
  private readonly bySentence: number[][] = [];
  private readonly gender = new Map<number, { m: number; f: number }>();
  private readonly roleWords = new Map<number, Set<string>>();
  private readonly named = new Map<number, number>();

  constructor(
    readonly ann: AnnotatedText,
    readonly mentions: readonly Mention[],
    readonly entities: readonly ArticleEntity[],
    readonly rel: RelationLexicon,
  ) {
    for (const e of entities) for (const m of e.mentions) this.entityOf.set(m, e.id);
    for (const e of entities) {
      const g = { m: 0, f: 0 };
      for (const k of e.mentions) {
        const n = mentions[k];
        if (n?.kind !== 'pronoun') continue;
        const w = pronounGender(n.text);
        if (w) g[w]++;
      }
      this.gender.set(e.id, g);
      const words = new Set<string>();
      for (const r of e.roles) for (const w of r.toLowerCase().split(/\s+/)) words.add(w.replace(/\.$/, ''));
      this.roleWords.set(e.id, words);
    }
    mentions.forEach((_, i) => this.index(i));
  }

  /** Records a mention added after construction (its entity's list already holds it). */
  added(i: number, entity: number): void {
    this.entityOf.set(i, entity);
    this.index(i);
  }

  private index(i: number): void {
    const m = this.mentions[i];
    if (!m) return;
    (this.bySentence[m.sentence] ??= []).push(i);
    const e = this.entityOf.get(i);
    if (e === undefined) return;
    if (m.kind !== 'pronoun') this.named.set(e, (this.named.get(e) ?? 0) + 1);
    // The capitalised words right before a name are its title (`Sen. Maria Lopez`, `Mayor Bill de Blasio`).
    const before = [this.ann.tokens[m.firstToken - 2], this.ann.tokens[m.firstToken - 1]].flatMap((x) => (x && /^\p{Lu}/u.test(x.text) ? [x.text] : []));
    const set = this.roleWords.get(e) ?? new Set<string>();
    for (const r of [m.role ?? '', m.kind === 'title' ? m.text : '', m.kind === 'name' ? m.text : '', ...before]) for (const w of r.toLowerCase().split(/\s+/)) if (w) set.add(w.replace(/\.$/, ''));
    this.roleWords.set(e, set);
  }

  private genderOf(e: number): string | undefined {
    const g = this.gender.get(e);
    if (!g) return undefined;
    return g.m > g.f ? 'm' : g.f > g.m ? 'f' : undefined;
  }

  /** People named (not by pronoun) in the last sentences before token `at`, with the start of their latest mention, in mention order. */
  private recent(at: number): Map<number, number> {
    const t = this.ann.tokens[at];
    const recent = new Map<number, number>();
    if (!t) return recent;
    const ids: number[] = [];
    for (let s = Math.max(0, t.sentence - WINDOW); s <= t.sentence; s++) for (const i of this.bySentence[s] ?? []) ids.push(i);
    ids.sort((a, b) => a - b);
    for (const i of ids) {
      const m = this.mentions[i];
      const e = this.entityOf.get(i);
      if (!m || e === undefined || this.entities[e]?.type !== 'Person') continue;
      if (m.kind === 'pronoun' || m.start >= t.start) continue;
      recent.set(e, Math.max(recent.get(e) ?? -1, m.start));
    }
    return recent;
  }

  /** `a spokeswoman ... the spokeswoman said`: the role word introduced before with an indefinite article names an unnamed person. */
  private introducedUnnamed(at: number, head: string): boolean {
    const t = this.ann.tokens[at];
    if (!t) return false;
    for (let k = at - 1; k >= 0; k--) {
      const w = this.ann.tokens[k];
      if (!w || t.sentence - w.sentence > WINDOW) break;
      if (w.normal !== head) continue;
      for (let d = k - 1; d >= Math.max(0, k - 4); d--) {
        const n = this.ann.tokens[d]?.normal ?? '';
        if (n === 'a' || n === 'an' || n === 'one' || n === 'another') return true;
        if (n === 'the' || !['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.ann.tokens[d]?.pos ?? '')) break;
      }
    }
    return false;
  }

  /**
   * The person the description from token `at` to its role noun at `headAt` refers back to:
   * among the people named in the last eight sentences whose gender (from their pronouns)
   * fits the role word, the one whose titles carry the role word (the most recent if
   * several), else the only one; none when it stays ambiguous. With `fitOnly` (an act's
   * subject, where no speech frame vouches for a person), only the one person whose titles
   * or modifiers fit the description.
   */
  find(at: number, headAt: number, fitOnly = false): number | undefined {
    const tokens = this.ann.tokens;
    const head = tokens[headAt]?.normal;
    if (!tokens[at] || !head) return undefined;
    const recent = this.recent(at);
    if (!recent.size || this.introducedUnnamed(at, head)) return undefined;
    const gender = this.rel.personRoleGender.get(head);
    const candidates = [...recent.keys()].filter((e) => {
      const g = gender ? this.genderOf(e) : undefined;
      return !g || g === gender;
    });
    // `Sen.` is a senator, `Gov.` a governor, `Rep.` a representative.
    const fits = (w: string): boolean => w === head || (w.length >= 3 && head.startsWith(w) && /^(sen|gov|rep|sec|gen|adm|lt|col|supt|prof)$/.test(w));
    const byRole = candidates.filter((e) => [...(this.roleWords.get(e) ?? [])].some(fits));
    // Only a person the role fits, or the only person named lately: a guess between several is worse than no speaker.
    if (byRole.length === 1) return byRole[0];
    if (byRole.length > 1) return fitOnly ? undefined : byRole.sort((a, b) => (recent.get(b) ?? 0) - (recent.get(a) ?? 0))[0];
    if (candidates.length <= 1 && !fitOnly) return candidates[0];
    // `the Vermont senator`, `the New Jersey governor`: a capitalised modifier that the article gives only one candidate (`Vermont Sen. Bernie Sanders`).
    const modifiers = tokens.slice(at + 1, headAt).flatMap((w) => (/^\p{Lu}/u.test(w.text) ? [w.normal.replace(/\.$/, '')] : []));
    const byModifier = candidates.filter((e) => modifiers.some((w) => this.roleWords.get(e)?.has(w)));
    if (byModifier.length === 1) return byModifier[0];
    if (fitOnly) return undefined;
    // The person the article is about: a description (`the New York businessman`) that fits no one by its words
    // refers to the candidate named far more often than any other in the article.
    // Not for a compound role (`the band leader`, `the business mogul`): a lower-case noun before the head names another kind of person.
    if (tokens.slice(at + 1, headAt).some((w) => w.pos === 'NOUN' && /^\p{Ll}/u.test(w.text))) return undefined;
    // Nor for a role news leaves unnamed as often as not (`the spokesman`, `the minister`), nor one a phrase
    // after it makes another person's (`the chairman of the select committee, Barry Sheerman`).
    if (this.rel.anonymousHeads.has(head) || ['of', 'for', 'at', 'from', ','].includes(tokens[headAt + 1]?.normal ?? '')) return undefined;
    const [top, second] = candidates.map((e) => [e, this.named.get(e) ?? 0] as const).sort((a, b) => b[1] - a[1]);
    return top && top[1] >= 3 && top[1] >= 2 * (second?.[1] ?? 0) ? top[0] : undefined;
  }
}
