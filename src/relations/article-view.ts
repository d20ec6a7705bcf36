/**
 * A light clause reader over one annotated article: which entity a token
 * belongs to, noun phrases (heads, owners, coordination, appositives),
 * the subject of a verb (skipping auxiliaries, appositives, relative
 * clauses; inherited across `and`), and the modality of a cue. Shared by
 * the relation and quote extractors. Pure: built from plain data.
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention, Modality, Token } from '../types.js';
import type { FigureEntry, RelationLexicon } from './relation-lexicon.js';
import { resolveArticleReferences } from '../resolve/article-references.js';
import type { QuotedSpeech } from '../resolve/pronoun-repair.js';

export type { QuotedSpeech } from '../resolve/pronoun-repair.js';
export { pronounGender } from '../resolve/pronoun-repair.js';

/** Every noun phrase and subject has all its fields, in one order (one hidden class: issue 7). */
export interface NounPhrase {
  /** Entities heading the phrase (several when coordinated). */
  readonly heads: readonly number[];
  /** Owner of a non-entity head: possessor, demonym or entity modifier (`Russia's demands`, `Russian troops`). */
  readonly owner: number | undefined;
  /** A named appositive after a non-entity head (`Lavrov's deputy, Sergei Ryabkov`). */
  readonly appositive: number | undefined;
  /** Entities in an `of`/`from` complement of a non-entity head (`representatives from Germany and France`). */
  readonly complement: readonly number[];
  /** Lower-case lemma of the non-entity head noun, when there is one. */
  readonly headLemma: string | undefined;
  /** Whether an entity head is a name of a person given only by an anonymous title. */
  readonly first: number;
  readonly last: number;
}

export interface Subject {
  readonly entities: readonly number[];
  /** First token of the subject phrase (for modality and reporting frames). */
  readonly start: number;
  /** The non-entity head, when the subject names no entity (`a senior official`). */
  readonly headLemma: string | undefined;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’', 's']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', '«', '»', '„', "'", '``', "''"]);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
const CLAUSE_BREAK = new Set(['.', ';', ':', '!', '?', 'but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'when', 'after', 'before', 'as', 'where', 'if', 'unless']);
/** Words that open a time adverbial after a name (`met Lavrov last week`), not a noun the name modifies. */
const TIME_DETERMINERS = new Set(['last', 'next', 'this']);
/** Time words that sit between a subject and its verb (`Biden today expressed`). */
const TEMPORAL = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'again', 'also', 'already', 'recently', 'previously', 'once']);

/** Whether a token's text is a quotation mark (all are one or two characters: a length test first spares most set lookups). */
export const isQuoteMark = (t: string): boolean => t.length <= 2 && QUOTE_MARKS.has(t);
/** The lookup key of a name (accents, case, possessive, punctuation and a leading `the` dropped). */
export const normKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();

/**
 * Token index -> index in `all` of the longest mention with an entity covering it (or -1). A
 * mention replaces an earlier one only if that one, looked up in the entity stage's `mentions`,
 * is shorter (the mentions the view added are not in that list).
 */
function tokenMentions(tokenCount: number, mentions: readonly Mention[], all: readonly Mention[], me: ReadonlyMap<number, number>): Int32Array {
  const out = new Int32Array(tokenCount).fill(-1);
  for (let i = 0; i < all.length; i++) {
    const m = all[i] as Mention;
    if (!me.has(i)) continue;
    for (let t = m.firstToken; t <= m.lastToken && t < tokenCount; t++) {
      const prev = out[t] ?? -1;
      const pm = prev >= 0 ? mentions[prev] : undefined;
      if (!pm || pm.end - pm.start < m.end - m.start) out[t] = i;
    }
  }
  return out;
}

/** Normalised name or alias -> the first entity with it. */
function entitiesByName(entities: readonly ArticleEntity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entities) {
    addName(out, e.name, e.id);
    for (const a of e.aliases) addName(out, a, e.id);
  }
  return out;
}

function addName(byName: Map<string, number>, name: string, id: number): void {
  const k = normKey(name);
  if (k && !byName.has(k)) byName.set(k, id);
}

export class ArticleView {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly ann: AnnotatedText;
  readonly mentions: readonly Mention[];
  readonly entities: readonly ArticleEntity[];
  readonly lex: RelationLexicon;
  /** Token index -> mention index (or -1). */
  readonly tokMention: Int32Array;
  /** Mention index -> entity id. */
  readonly mentionEntity: ReadonlyMap<number, number>;
  private readonly byName: ReadonlyMap<string, number>;

  constructor(ann: AnnotatedText, mentions: readonly Mention[], entities: readonly ArticleEntity[], lex: RelationLexicon, quotes: readonly QuotedSpeech[] = []) {
    this.ann = ann;
    this.text = ann.text;
    this.tokens = ann.tokens;
    this.entities = entities;
    this.lex = lex;
    // Reference resolution is its own step (src/resolve/); the view only reads its result.
    const { mentions: all, mentionEntity: me } = resolveArticleReferences(ann, mentions, entities, lex.orgAnaphors, quotes);
    this.mentions = all;
    this.mentionEntity = me;
    this.tokMention = tokenMentions(ann.tokens.length, mentions, all, me);
    this.byName = entitiesByName(entities);
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  norm(i: number): string {
    return this.tokens[i]?.normal ?? '';
  }

  /** The entity of the mention covering token i, if any. */
  entityAt(i: number): number | undefined {
    const m = this.tokMention[i] ?? -1;
    return m >= 0 ? this.mentionEntity.get(m) : undefined;
  }

  mentionAt(i: number): Mention | undefined {
    const m = this.tokMention[i] ?? -1;
    return m >= 0 ? this.mentions[m] : undefined;
  }

  /** Whether person `p` acts for entity `org` (one of its affiliations names it). */
  isAffiliated(p: number, org: number): boolean {
    return this.actsFor().get(p)?.has(org) ?? false;
  }

  /** Each person's affiliated entities, made on first use: the entity's own and those its mentions carry (`the US diplomat`). */
  private affiliated: Map<number, Set<number>> | undefined;
  private actsFor(): Map<number, Set<number>> {
    if (this.affiliated) return this.affiliated;
    const out = new Map<number, Set<number>>();
    const add = (p: number, name: string | undefined): void => {
      const org = this.entityNamed(name);
      if (org === undefined || this.entities[p]?.type !== 'Person') return;
      const set = out.get(p) ?? new Set<number>();
      set.add(org);
      out.set(p, set);
    };
    this.entities.forEach((e, p) => e.affiliations.forEach((a) => add(p, a)));
    this.mentions.forEach((m, k) => {
      const p = this.mentionEntity.get(k);
      if (p !== undefined && m.affiliation !== undefined) add(p, m.affiliation);
    });
    // A well-known figure with none of these acts for the state the public-figure list gives, when
    // the article names it (the same rule as the AFFILIATED_WITH edges of the relation stage).
    this.entities.forEach((e, p) => {
      if (e.type !== 'Person' || out.has(p)) return;
      const fig = this.figureOf(e);
      if (fig && this.entities[this.entityNamed(fig.country) ?? -1]?.type === 'Country') add(p, fig.country);
    });
    return (this.affiliated = out);
  }

  /** The nearest person named (not by a pronoun) before token i, within four sentences, that `ok` accepts. */
  nearestPersonBefore(i: number, ok: (e: number) => boolean): number | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    let best: Mention | undefined;
    let bestEntity: number | undefined;
    this.mentions.forEach((m, k) => {
      const e = this.mentionEntity.get(k);
      if (e === undefined || m.kind === 'pronoun' || m.start >= t.start || t.sentence - m.sentence > 4 || this.entities[e]?.type !== 'Person' || !ok(e)) return;
      if (!best || m.start > best.start) {
        best = m;
        bestEntity = e;
      }
    });
    return bestEntity;
  }

  /** The public-figure entry (people.tsv) of a person, by its name or any of its aliases. */
  figureOf(e: ArticleEntity): FigureEntry | undefined {
    for (const n of [e.name, ...e.aliases]) {
      const fig = this.lex.figures.get(normKey(n));
      if (fig !== undefined) return fig;
    }
    return undefined;
  }

  /** The article entity with this name or alias (`Russia`), if any. */
  entityNamed(name: string | undefined): number | undefined {
    if (!name) return undefined;
    return this.byName.get(normKey(name));
  }

  /** The article entity of the country a demonym or country word names (`Ukrainian`). */
  demonymEntity(i: number): number | undefined {
    const t = this.tokens[i];
    if (!t || !/^[A-Z]/.test(t.text)) return undefined;
    const country = this.lex.demonyms.get(t.normal);
    return country ? this.entityNamed(country) : undefined;
  }

  entityType(id: number): string | undefined {
    return this.entities[id]?.type;
  }

  sentenceBounds(i: number): [number, number] {
    const t = this.tokens[i];
    const s = t ? this.ann.sentences[t.sentence] : undefined;
    return s ? [s.firstToken, s.lastToken] : [i, i];
  }

  isPossessiveAfter(i: number): boolean {
    const n = this.tokens[i + 1];
    if (!n) return false;
    if (n.text === "'s" || n.text === '’s') return true;
    return (n.text === "'" || n.text === '’') && n.start === (this.tokens[i]?.end ?? -1) && !/^[a-z]/i.test(this.tokens[i + 2]?.text ?? '');
  }

  /** Entity named by a possessive pronoun token (when the entity stage resolved it). */
  private possessivePronoun(i: number): number | undefined {
    return POSSESSIVE_PRONOUNS.has(this.norm(i)) ? this.entityAt(i) : undefined;
  }

  /**
   * Reads the noun phrase starting at token p (not beyond token `last`):
   * its entity heads (with coordination), or its non-entity head and the
   * owner, appositive and complement entities of that head.
   */
  readNP(p: number, last: number, depth = 0): NounPhrase | undefined {
    let i = p;
    let owner: number | undefined;
    let headLemma: string | undefined;
    let steps = 0;
    while (i <= last && steps++ < 16) {
      const t = this.tokens[i];
      if (!t) break;
      const e = this.entityAt(i);
      const m = this.mentionAt(i);
      if (e !== undefined && m) {
        const end = Math.min(m.lastToken, last);
        if (this.isPossessiveAfter(end) || m.kind === 'pronoun' && POSSESSIVE_PRONOUNS.has(t.normal)) {
          owner = e;
          i = this.isPossessiveAfter(end) ? end + 2 : end + 1;
          headLemma = undefined;
          continue;
        }
        // An entity directly modifying a noun (`US support`, `Russian proposals`) is an owner.
        const next = this.tokens[end + 1];
        if (next && !TEMPORAL.has(next.normal) && !TIME_DETERMINERS.has(next.normal) && (next.pos === 'NOUN' || (next.pos === 'ADJ' && this.tokens[end + 2]?.pos === 'NOUN')) && this.entityAt(end + 1) === undefined && !this.isCoord(end + 1)) {
          owner = e;
          i = end + 1;
          continue;
        }
        // A state or body before a person's title (`UK Foreign Secretary Jack Straw`) owns it: the person is the head.
        const person = this.personAfterTitle(end + 1, last);
        if (person !== undefined) {
          owner = e;
          i = person;
          continue;
        }
        const heads = [e];
        let j = end + 1;
        // Coordination: `Germany, France, and the United Kingdom`.
        while (j <= last) {
          let k = j;
          if (this.norm(k) === ',') k++;
          if (this.isCoord(k)) k++;
          if (k === j || k > last) break;
          const more = depth < 4 ? this.readNP(k, last, depth + 1) : undefined;
          if (!more || more.heads.length === 0) break;
          for (const h of more.heads) if (!heads.includes(h)) heads.push(h);
          j = more.last + 1;
        }
        return { heads, owner, appositive: undefined, complement: [], headLemma: undefined, first: p, last: j - 1 };
      }
      if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.normal)) return undefined;
      if (POSSESSIVE_PRONOUNS.has(t.normal)) {
        const pe = this.possessivePronoun(i);
        if (pe !== undefined) owner = pe;
        i++;
        continue;
      }
      if (isQuoteMark(t.text) || t.text === '-' || t.text === '(' || t.text === ')') {
        i++;
        continue;
      }
      if (TEMPORAL.has(t.normal) && i > p) break;
      if (t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'ADV' && steps === 1) || (t.pos === 'VERB' && headLemma === undefined && /ed$|ing$/.test(t.normal) && this.isNominalNext(i))) {
        if (t.pos === 'ADJ' || t.pos === 'PROPN') {
          const d = this.demonymEntity(i);
          if (d !== undefined) owner = d;
        }
        if (t.pos === 'NOUN' || t.pos === 'PROPN') headLemma = t.lemma;
        if ((t.normal === "'s" || t.normal === '’s') && headLemma) {
          i++;
          continue;
        }
        i++;
        continue;
      }
      if (headLemma && (t.text === ',' || this.isCoord(i)) && this.entityAt(i + 1) === undefined && this.coordinatedNoun(i + 1, last)) {
        i++;
        continue;
      }
      if (POSSESSIVE.has(t.text) && headLemma) {
        i++;
        continue;
      }
      break;
    }
    if (headLemma === undefined) return owner === undefined ? undefined : { heads: [], owner, appositive: undefined, complement: [], headLemma: undefined, first: p, last: i - 1 };
    // `all states and the UN`: a plain plural coordinated with named parties; the parties are its entities.
    if (owner === undefined && this.isCoord(i) && depth < 4 && this.tokens[i - 1]?.pos === 'NOUN' && this.tokens[i - 1]?.normal !== headLemma) {
      const more = this.readNP(i + 1, last, depth + 1);
      if (more && more.heads.length) return { heads: [...more.heads], owner: undefined, appositive: undefined, complement: [], headLemma: undefined, first: p, last: more.last };
    }
    const np: { heads: number[]; owner: number | undefined; appositive: number | undefined; complement: number[]; headLemma: string; first: number; last: number } = {
      heads: [],
      owner,
      appositive: undefined,
      complement: [],
      headLemma,
      first: p,
      last: i - 1,
    };
    // Appositive name: `Lavrov's deputy, Sergei Ryabkov`.
    if (this.norm(i) === ',' && i + 1 <= last) {
      const m = this.mentionAt(i + 1);
      const e = this.entityAt(i + 1);
      if (m && e !== undefined && (m.kind === 'name' || m.kind === 'surname') && m.type === 'Person') {
        const after = this.tokens[m.lastToken + 1];
        if (!after || [',', '.', ';', ')'].includes(after.text) || after.pos === 'VERB' || after.pos === 'AUX' || m.lastToken >= last) {
          np.appositive = e;
          np.last = m.lastToken;
          return np;
        }
      }
    }
    // Complement: `representatives from Germany`, `the governments of X and Y`, `the independence of Ukraine`.
    const prep = this.norm(i);
    if ((prep === 'of' || prep === 'from' || prep === 'with') && depth < 4) {
      const sub = this.readNP(i + 1, last, depth + 1);
      if (sub) {
        const ents = sub.heads.length ? sub.heads : sub.appositive !== undefined ? [sub.appositive] : sub.owner !== undefined ? [sub.owner] : sub.complement;
        if (prep !== 'with' || this.lex.borderNouns.has(headLemma)) np.complement.push(...ents);
        np.last = sub.last;
      }
    }
    return np;
  }

  /** Whether a plain noun phrase (no entity, no verb) starts at i and ends in a noun within 3 tokens. */
  private coordinatedNoun(i: number, last: number): boolean {
    for (let k = i; k <= Math.min(last, i + 3); k++) {
      const t = this.tokens[k];
      if (!t || this.entityAt(k) !== undefined) return false;
      if (this.isCoord(k) && k === i) continue;
      if (t.pos === 'NOUN') return true;
      if (t.pos !== 'ADJ' && t.pos !== 'DET') return false;
    }
    return false;
  }

  private isNominalNext(i: number): boolean {
    const n = this.tokens[i + 1];
    return !!n && (n.pos === 'NOUN' || n.pos === 'ADJ' || n.pos === 'PROPN');
  }

  isCoord(i: number): boolean {
    const n = this.norm(i);
    return n === 'and' || n === 'or' || n === '&';
  }

  /**
   * Entities an NP stands for: its heads; else the named appositive; else
   * for a government-like head `of` a person, that person's country; else
   * for a group noun (`representatives from X`) the complement; else,
   * when `owner` allows it, the owner / complement.
   */
  npEntities(np: NounPhrase | undefined, owner: boolean): number[] {
    if (!np) return [];
    if (np.heads.length) return [...np.heads];
    if (np.appositive !== undefined) return [np.appositive];
    const head = np.headLemma ?? '';
    if (this.lex.governmentNouns.has(head) || this.lex.governmentNouns.has(`${head}s`)) {
      const out: number[] = [];
      for (const c of [...np.complement, ...(np.owner !== undefined ? [np.owner] : [])]) {
        const ent = this.entities[c];
        if (!ent) continue;
        if (ent.type !== 'Person') out.push(c);
        else {
          // What the person acts for: its own affiliations first, then those its mentions carry (`President Joe Biden` named with `US` elsewhere).
          const aff = [...(this.actsFor().get(c) ?? [])].find((x) => this.entities[x]?.type === 'Country');
          if (aff !== undefined) out.push(aff);
        }
      }
      if (out.length) return [...new Set(out)];
    }
    if (this.lex.groupNouns.has(head) && np.complement.length) return [...np.complement];
    if (owner) {
      if (np.owner !== undefined) return [np.owner];
      if (np.complement.length) return [...np.complement];
    }
    return [];
  }

  /** First token of a titled person's mention after title words from k on (`Foreign Secretary Jack Straw`). */
  private personAfterTitle(k: number, last: number): number | undefined {
    let j = k;
    // `Secretary of State`, `Minister for Foreign Affairs`: a connector between title words.
    const connects = (x: number): boolean => x > k && (this.norm(x) === 'of' || this.norm(x) === 'for') && this.isTitleWord(x + 1);
    while (j <= last && j - k < 6 && this.entityAt(j) === undefined && (this.isTitleWord(j) || connects(j))) j++;
    const m = this.mentionAt(j);
    return j <= last && m && m.type === 'Person' && m.role !== undefined && m.firstToken === j ? j : undefined;
  }

  /** A title word before a name (`Russian`, `President`, `Foreign`, `Minister`). */
  private isTitleWord(k: number): boolean {
    const t = this.tokens[k];
    return !!t && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ') && !TEMPORAL.has(t.normal);
  }

  /** Whether token i is a finite/main verb candidate. */
  isVerb(i: number): boolean {
    const t = this.tokens[i];
    return !!t && (t.pos === 'VERB' || (t.pos === 'AUX' && !this.isAuxBeforeVerb(i)));
  }

  private isAuxBeforeVerb(i: number): boolean {
    for (let j = i + 1; j < Math.min(i + 4, this.tokens.length); j++) {
      const t = this.tokens[j];
      if (!t) return false;
      if (t.pos === 'VERB') return true;
      if (t.pos !== 'ADV' && t.pos !== 'PART' && t.pos !== 'AUX') return false;
    }
    return false;
  }

  /**
   * A present-tense verb the tagger took for a plural noun between a named
   * subject and an infinitive (`Russia claims to be acting`, `Iran plans to
   * build`); never after a possessive (`Russia's plans to build`).
   */
  private isMistaggedVerb(i: number): boolean {
    const t = this.tokens[i];
    const after = this.tokens[i + 2]?.pos;
    return !!t && t.pos === 'NOUN' && /[^s]s$/.test(t.normal) && this.entityAt(i - 1) !== undefined && this.entityAt(i) === undefined && this.norm(i + 1) === 'to' && (after === 'VERB' || after === 'AUX');
  }

  /**
   * Start of the auxiliary chain before verb v: auxiliaries, negation,
   * adverbs and `to`-infinitive chains of control verbs (`agreed to
   * continue`), so that the subject and the modality cues sit before it.
   */
  chainStart(v: number, first: number): number {
    let i = v - 1;
    while (i >= first) {
      const t = this.tokens[i];
      if (!t) break;
      if (t.pos === 'AUX' || t.pos === 'ADV' || TEMPORAL.has(t.normal) || (t.pos === 'PART' && t.normal !== "'s" && t.normal !== '’s')) {
        i--;
        continue;
      }
      // `Trump on Thursday ratcheted up`: a day after `on` between the subject and its finite verb
      // (a participle after it has no subject there: `wrote to McConnell on Tuesday accusing him`).
      if (t.normal === 'on' && TEMPORAL.has(this.norm(i + 1)) && i + 1 < v && !/ing$/.test(this.norm(v))) {
        i--;
        continue;
      }
      // `continue discussing`: a verb right before a gerund shares the subject.
      if (t.pos === 'VERB' && i + 1 <= v && /ing$/.test(this.norm(i + 1)) && this.tokens[i + 1]?.pos === 'VERB') {
        i--;
        continue;
      }
      // `decided to continue`: a verb right before `to` shares the subject.
      if ((t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'PROPN' || this.isMistaggedVerb(i)) && this.norm(i + 1) === 'to' && i + 1 < v) {
        i--;
        continue;
      }
      break;
    }
    return i + 1;
  }

  /**
   * The subject of the verb at v. Skips the auxiliary chain, relative
   * pronouns (antecedent), appositives (`X's deputy, Wendy Sherman, met`),
   * follows coordination (`The US and NATO rejected`), and inherits the
   * subject of an earlier verb across `and`/`but` (`... and urged Russia`).
   */
  subjectOf(v: number, depth = 0): Subject | undefined {
    const [first] = this.sentenceBounds(v);
    const cs = this.chainStart(v, first);
    let i = cs - 1;
    if (i < first) return undefined;
    let t = this.tokens[i];
    if (!t) return undefined;
    // Passive-participle adjuncts and parentheses: `Blinken, in a statement, said` is rare; keep simple.
    if (RELATIVE.has(t.normal) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
      i--;
      if (this.norm(i) === ',') i--;
      return this.subjectEndingAt(i, first);
    }
    if ((this.isCoord(i) || t.normal === 'but' || t.normal === 'then') && depth < 3) return this.inherited(i, first, depth);
    if (t.text === ',') {
      // `X, <appositive>, verb` or `..., adding`.
      const prevComma = this.prevIndex(i - 1, first, (k) => this.norm(k) === ',' || this.norm(k) === '(' , 12);
      if (prevComma !== undefined) {
        const b = this.subjectEndingAt(i - 1, prevComma + 1);
        const bMention = this.mentionAt(i - 1);
        if (b && b.entities.length === 1 && bMention && bMention.type === 'Person' && (bMention.kind === 'name' || bMention.kind === 'surname') && b.start === this.skipDeterminers(prevComma + 1, i - 1)) return b;
        const a = this.subjectEndingAt(prevComma - 1, first);
        if (a && a.entities.length) return a;
        if (b && b.entities.length) return b;
        return a ?? b;
      }
      return this.participleSubject(v, i, first, depth);
    }
    // Participial clause `..., citing`: inherit.
    return this.subjectEndingAt(i, first);
  }

  private skipDeterminers(i: number, last: number): number {
    while (i < last && (this.tokens[i]?.pos === 'DET' || isQuoteMark(this.tokens[i]?.text ?? ''))) i++;
    return i;
  }

  private prevIndex(from: number, first: number, pred: (k: number) => boolean, max: number): number | undefined {
    for (let k = from; k >= first && from - k < max; k--) {
      if (pred(k)) return k;
      const t = this.tokens[k];
      if (t && (t.pos === 'VERB' || CLAUSE_BREAK.has(t.normal))) return undefined;
    }
    return undefined;
  }

  /**
   * `Diplomacy is preferred, Blinken said, adding that ...`: a participle
   * after a comma takes the subject of the earliest reporting verb before
   * it (the main clause), else of the closest verb with an entity subject.
   */
  private participleSubject(v: number, i: number, first: number, depth: number): Subject | undefined {
    const vt = this.tokens[v];
    if (!vt || !/ing$/.test(vt.normal) || depth >= 3) return undefined;
    for (let k = first; k < i; k++) {
      const t = this.tokens[k];
      if (!t || t.pos !== 'VERB' || !this.lex.speechVerbs.has(t.lemma)) continue;
      const s = this.subjectOf(k, depth + 1);
      if (s) return s;
    }
    return this.inherited(i, first, depth);
  }

  /** The subject of the closest earlier verb in the sentence that has an entity subject. */
  private inherited(i: number, first: number, depth: number): Subject | undefined {
    for (let k = i - 1; k >= first; k--) {
      const t = this.tokens[k];
      if (!t || t.pos !== 'VERB') continue;
      const s = this.subjectOf(k, depth + 1);
      if (s && s.entities.length) return s;
    }
    return undefined;
  }

  /** The subject noun phrase ending at token `end` (its head at `end`). */
  subjectEndingAt(end: number, first: number): Subject | undefined {
    let i = end;
    while (i >= first && isQuoteMark(this.tokens[i]?.text ?? '')) i--;
    if (i < first) return undefined;
    const e = this.entityAt(i);
    const m = this.mentionAt(i);
    if (e !== undefined && m) {
      const start = Math.max(first, m.firstToken);
      const entities = [e];
      let s = start;
      // Coordination to the left, over title words: `The United States and NATO`,
      // `President Joe Biden and Russian President Vladimir Putin`.
      let sawCoordinator = false;
      for (;;) {
        let k = s - 1;
        let titles = 0;
        while (k >= first && titles < 4 && this.entityAt(k) === undefined && this.isTitleWord(k)) {
          k--;
          titles++;
        }
        // The state or body of a person's title (`Russian President Vladimir Putin`) is part of its phrase.
        const am = titles > 0 && k >= first && this.mentionAt(s)?.role !== undefined ? this.mentionAt(k) : undefined;
        if (am && am.type !== 'Person' && am.lastToken === k && am.firstToken >= first && !this.isPossessiveAfter(k)) k = am.firstToken - 1;
        const titleStart = k + 1;
        // `Israel and the Palestinians`: a determiner of the right-hand member.
        if (k > first && this.tokens[k]?.pos === 'DET' && (this.isCoord(k - 1) || (this.norm(k - 1) === ',' && sawCoordinator))) k--;
        // A bare comma continues a list only to the left of its `and` (`Germany, France and Italy`).
        if (k < first || !(this.isCoord(k) || (this.norm(k) === ',' && sawCoordinator))) {
          s = titleStart;
          break;
        }
        if (this.isCoord(k) || this.isCoord(k - 1)) sawCoordinator = true;
        k--;
        if (this.norm(k) === ',') k--;
        while (k >= first && (this.tokens[k]?.pos === 'DET' || isQuoteMark(this.tokens[k]?.text ?? ''))) k--;
        const pe = this.entityAt(k);
        const pm = this.mentionAt(k);
        if (pe === undefined || !pm || this.isPossessiveAfter(k)) {
          s = titleStart;
          break;
        }
        // A list member after a preposition ends a fronted phrase (`After talks on Ukraine, the
        // United States and Russia`), not the list: the subject starts after its comma.
        let before = pm.firstToken - 1;
        while (before >= first && this.tokens[before]?.pos === 'DET') before--;
        if (this.norm(k + 1) === ',' && before >= first && this.tokens[before]?.pos === 'ADP') {
          s = titleStart;
          break;
        }
        if (!entities.includes(pe)) entities.unshift(pe);
        s = Math.max(first, pm.firstToken);
      }
      // Inside a PP (`the governments of X and Y`, `a member of the delegation`): the head is before it.
      const before = this.norm(s - 1);
      if ((before === 'of' || before === 'from') && s - 1 > first) {
        let h = s - 2;
        while (h - 1 >= first && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.tokens[h - 1]?.pos ?? '') && this.entityAt(h - 1) === undefined) h--;
        const [, sentLast] = this.sentenceBounds(h);
        const np = this.readNP(h, sentLast);
        const head = np?.headLemma ?? '';
        if (np && (this.lex.governmentNouns.has(head) || this.lex.groupNouns.has(head) || this.lex.militaryNouns.has(head) || head === 'member')) {
          const ents = this.npEntities(np, this.lex.militaryNouns.has(head));
          return { entities: ents, start: np.first, headLemma: head };
        }
        // A lower-case head (`a further invasion of Ukraine`) is not an actor; a title (`Secretary of State X`) is.
        const ht = this.tokens[s - 2];
        if (np && ht && ht.pos === 'NOUN' && /^[a-z]/.test(ht.text)) return { entities: [], start: np.first, headLemma: head };
      }
      while (s > first && this.tokens[s - 1]?.pos === 'DET') s--;
      return { entities, start: s, headLemma: undefined };
    }
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') {
      const np = this.npStartingBefore(i, first);
      if (!np) return undefined;
      // `Netanyahu and other politicians`: the named member of the group is the actor.
      if (np.heads.length === 0 && this.norm(np.first) === 'other' && this.isCoord(np.first - 1) && np.first - 2 >= first) {
        const named = this.subjectEndingAt(np.first - 2, first);
        if (named?.entities.length) return named;
      }
      const owner = this.lex.militaryNouns.has(np.headLemma ?? '') || this.lex.governmentNouns.has(np.headLemma ?? '');
      return { entities: this.npEntities(np, owner), start: np.first, headLemma: np.headLemma || undefined };
    }
    return undefined;
  }

  /** Reads the NP whose last token is `end`, by walking left to its first token. */
  private npStartingBefore(end: number, first: number): NounPhrase | undefined {
    let s = end;
    while (s - 1 >= first) {
      const t = this.tokens[s - 1];
      if (!t) break;
      const ok = t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || POSSESSIVE.has(t.text) || POSSESSIVE_PRONOUNS.has(t.normal) || isQuoteMark(t.text) || this.entityAt(s - 1) !== undefined;
      if (!ok) break;
      s--;
    }
    const np = this.readNP(s, end);
    return np;
  }

  /**
   * Modality of a cue at token `cue` whose clause starts at `clauseStart`:
   * negators and modals in the auxiliary chain, `if`/`unless` before the
   * subject, `denies`/`refused to` before the cue.
   */
  modalityOf(cue: number, clauseStart: number): Modality {
    const mod = this.lex.modality;
    const [first] = this.sentenceBounds(cue);
    const cs = this.chainStart(cue, first);
    const chain: string[] = [];
    for (let k = cs; k < cue; k++) chain.push(this.norm(k));
    const chainText = ` ${chain.join(' ')} `;
    const has = (set: ReadonlySet<string>): boolean => [...set].some((w) => chainText.includes(` ${w} `));
    // `refused to meet`, `denies threatening`: the act itself is negated.
    for (let k = cs; k < cue; k++) if (mod.negatingVerbs.has(this.tokens[k]?.lemma ?? '') && this.tokens[k]?.pos === 'VERB') return 'negated';
    const prev = this.tokens[cs - 1];
    if (prev && mod.negatingVerbs.has(prev.lemma) && prev.pos === 'VERB' && cs - 1 >= first && /ing$/.test(this.norm(cue))) return 'negated';
    if (has(mod.negation)) return 'negated';
    // Conditional clause: `if Russia invades`.
    for (let k = Math.min(clauseStart, cs) - 1; k >= Math.max(first, Math.min(clauseStart, cs) - 3); k--) {
      const n = this.norm(k);
      if (mod.conditional.has(n)) return 'hypothetical';
      if (n === ',' || n === ';') break;
    }
    if (has(mod.hypothetical)) return 'hypothetical';
    if (has(mod.future)) return 'future';
    return 'asserted';
  }

  /** Modality of a nominal cue: the adjectives before it and its governing verb. */
  nominalModality(noun: number, governor: number | undefined, clauseStart: number): Modality {
    const mod = this.lex.modality;
    const [first] = this.sentenceBounds(noun);
    for (let k = noun - 1; k >= Math.max(first, noun - 4); k--) {
      const n = this.norm(k);
      if (mod.hypotheticalAdjectives.has(n)) return 'hypothetical';
      if (mod.futureAdjectives.has(n)) return 'future';
      if (this.tokens[k]?.pos === 'VERB' || this.tokens[k]?.pos === 'ADP') break;
    }
    // `a call scheduled for Thursday`
    const after = this.norm(noun + 1);
    if (mod.futureAdjectives.has(after)) return 'future';
    if (governor !== undefined) return this.modalityOf(governor, clauseStart);
    return 'asserted';
  }

  /** The nearest verb before token i in the same clause (not crossing a clause break). */
  governingVerb(i: number): number | undefined {
    const [first] = this.sentenceBounds(i);
    for (let k = i - 1; k >= first && i - k < 14; k--) {
      const t = this.tokens[k];
      if (!t) break;
      if (this.isVerb(k)) return k;
      if (CLAUSE_BREAK.has(t.normal) || t.text === ',') return undefined;
    }
    return undefined;
  }

  /** Last token of the clause that starts after token i (stops at breaks and new predicates after a coordinator). */
  clauseEnd(i: number): number {
    const [, last] = this.sentenceBounds(i);
    for (let k = i + 1; k <= last; k++) {
      const n = this.norm(k);
      if (n === '.' || n === ';' || n === ':' || n === 'but' || n === 'while' || n === 'whereas' || n === 'although') return k - 1;
    }
    return last;
  }

  sentenceText(sentence: number): { text: string; start: number; end: number } {
    const s = this.ann.sentences[sentence];
    if (!s) return { text: '', start: 0, end: 0 };
    return { text: this.text.slice(s.start, s.end), start: s.start, end: s.end };
  }
}
