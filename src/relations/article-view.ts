/**
 * The view of one article the relation and quote producers read: its parse
 * (an ArticleDoc, built once) with what reference resolution says each
 * mention names, and the article's quotations. A view is cheap to make
 * again over the same doc once the quotes are known. Adds the subject of a
 * verb (skipping auxiliaries, appositives, relative clauses; inherited
 * across `and`), read with the entities, to the noun-phrase layer.
 */
import type { AnnotatedText, ArticleEntity, Mention, Modality } from '../types.js';
import { resolveArticleReferences, type ArticleReferences } from '../resolve/article-references.js';
import type { QuotedSpeech } from '../resolve/pronoun-repair.js';
import type { RelationLexicon } from './relation-lexicon.js';
import { articleDoc, type ArticleDoc } from '../parse/article-doc.js';
import { NounPhraseView, type NounPhrase, type Subject } from './noun-phrase-view.js';
import { POSSESSIVE, POSSESSIVE_PRONOUNS, isQuoteMark } from '../parse/words.js';
import { clauseSubjectSlot } from '../parse/subject-slot.js';
import { pairPronoun } from './pair-references.js';

export { isQuoteMark, normKey, type NounPhrase, type Subject } from './noun-phrase-view.js';
export type { QuotedSpeech } from '../resolve/pronoun-repair.js';
export { pronounGender } from '../resolve/pronoun-repair.js';

/**
 * The view of an article after reference resolution (pronouns, organisation anaphors; `quotes`
 * tell which pronouns sit in whose words).
 */
export function articleView(ann: AnnotatedText, mentions: readonly Mention[], entities: readonly ArticleEntity[], lex: RelationLexicon, quotes: readonly QuotedSpeech[] = []): ArticleView {
  const doc = articleDoc(ann, mentions, entities, lex.modality);
  return new ArticleView(doc, mentions, resolveArticleReferences(ann, mentions, entities, lex.orgAnaphors, quotes), entities, lex, quotes);
}

/** Parts of speech a noun phrase is read over. */
const NP_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** The possessive pronouns of an actor phrase inside a clause. */
const CLAUSE_POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our']);

/** How many tokens back a relative or participial aside before a verb may open (see `asideSubject`). */
const ASIDE_MAX = 30;
/** Relative pronouns that open an aside about the named phrase before them (`that` opens restrictive clauses and complements). */
const ASIDE_RELATIVES: ReadonlySet<string> = new Set(['who', 'which', 'whose']);
/** Relative pronouns after a quantifier and `of` (`all of which`, `both of whom`). */
const ASIDE_RELATIVES_OBJECT: ReadonlySet<string> = new Set(['which', 'whom']);

/** Prepositions after which a gerund takes the subject of the clause it hangs from (see `gerundSubject`). */
const GERUND_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'after', 'before', 'while', 'upon', 'without']);

export class ArticleView extends NounPhraseView {
  /** The article's quotations and their speakers (character spans). */
  readonly quotes: readonly QuotedSpeech[];

  constructor(doc: ArticleDoc, mentions: readonly Mention[], refs: ArticleReferences, entities: readonly ArticleEntity[], lex: RelationLexicon, quotes: readonly QuotedSpeech[] = []) {
    super(doc, mentions, refs, entities, lex);
    this.quotes = quotes;
  }

  /** Whether token i is a finite/main verb candidate. */
  isVerb(i: number): boolean {
    return this.doc.isVerb(i);
  }

  /** Start of the auxiliary chain before verb v (see ArticleDoc); `first` is v's sentence's first token. */
  chainStart(v: number, first: number): number {
    return Math.max(first, this.doc.verbGroup(v).chainStart);
  }

  /**
   * The subject of the verb at v. Skips the auxiliary chain, relative
   * pronouns (antecedent), appositives (`X's deputy, Kurt Campbell, met`),
   * follows coordination (`The US and NATO rejected`), and inherits the
   * subject of an earlier verb across `and`/`but` (`... and urged Russia`).
   */
  subjectOf(v: number, depth = 0): Subject | undefined {
    const [first] = this.sentenceBounds(v);
    const slot = clauseSubjectSlot(this.ann, this.chainStart(v, first), first);
    switch (slot.kind) {
      case 'none':
        return undefined;
      case 'phrase':
        return this.gerundSubject(v, slot.end, first, depth) ?? this.relativeAntecedent(slot.end, first) ?? this.subjectEndingAt(slot.end, first);
      case 'shared':
        return depth < 3 ? this.inherited(slot.at, first, depth) : this.subjectEndingAt(slot.at, first);
      case 'appositive':
        return this.appositiveSubject(slot.innerStart, slot.innerEnd, slot.outerEnd, first, slot.dashed ?? false);
      case 'comma':
        return this.participleSubject(v, slot.at, first, depth) ?? this.asideSubject(v, slot.at, first);
    }
  }

  /**
   * `Germany responded by accusing Italy`, `left after urging Italy`: a gerund right after a
   * preposition of manner or time has the subject of the clause it hangs from (never after `of`:
   * `accused X of urging` is X's act; nor `in`: `interest in continuing talks` is no act).
   */
  private gerundSubject(v: number, end: number, first: number, depth: number): Subject | undefined {
    const t = this.tokens[v];
    if (!t || t.pos !== 'VERB' || !/ing$/.test(t.normal) || !GERUND_PREPOSITIONS.has(this.norm(end)) || depth >= 3) return undefined;
    return this.inherited(end, first, depth);
  }

  /**
   * `X, <appositive>, verb`: a person named alone in the appositive (`the president's deputy,
   * Kurt Campbell, met`), else the phrase before it when it names an entity, else the appositive's
   * (between dashes, only an appositive that opens with its name).
   */
  private appositiveSubject(innerStart: number, innerEnd: number, outerEnd: number, first: number, dashed: boolean): Subject | undefined {
    const b = this.subjectEndingAt(innerEnd, innerStart);
    const bMention = this.mentionAt(innerEnd);
    if (b && b.entities.length === 1 && bMention && bMention.type === 'Person' && (bMention.kind === 'name' || bMention.kind === 'surname') && b.start === this.skipDeterminers(innerStart, innerEnd)) return b;
    const a = this.subjectEndingAt(outerEnd, first);
    // `Germany, along with France, urged`: both act.
    if (a && a.entities.length && b && b.entities.length && this.addsPartner(innerStart)) return { ...a, entities: [...new Set([...a.entities, ...b.entities])] };
    if (a && a.entities.length) return a;
    // A longer aside between dashes names someone else (`X - then adviser to President Y - said`) unless it opens with the name.
    if (b && b.entities.length && (!dashed || b.start === this.skipDeterminers(innerStart, innerEnd))) return b;
    return a ?? b;
  }

  /** Whether an appositive opening at i adds a partner to the subject (`along with`, `together with`, `as well as`). */
  private addsPartner(i: number): boolean {
    const w = [this.norm(i), this.norm(i + 1), this.norm(i + 2)];
    return ((w[0] === 'along' || w[0] === 'together') && w[1] === 'with') || (w[0] === 'as' && w[1] === 'well' && w[2] === 'as');
  }

  private skipDeterminers(i: number, last: number): number {
    while (i < last && (this.tokens[i]?.pos === 'DET' || isQuoteMark(this.tokens[i]?.text ?? ''))) i++;
    return i;
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

  /**
   * `X, who has led the party since 2010, accused ...`, `X, speaking in Geneva, rejected ...`: a
   * finite verb after a relative clause or a participial phrase set off by commas takes the named
   * phrase before the aside. Only an entity phrase right before the aside's opening comma counts.
   */
  private asideSubject(v: number, at: number, first: number): Subject | undefined {
    if (/ing$/.test(this.norm(v))) return undefined;
    let c = at - 1;
    while (c > first && at - c < ASIDE_MAX && this.norm(c) !== ',') {
      const n = this.norm(c);
      if (n === ';' || n === ':' || n === '(' || n === ')' || isQuoteMark(this.tokens[c]?.text ?? '')) return undefined;
      c--;
    }
    if (this.norm(c) !== ',' || c + 1 >= at || !this.opensAside(c + 1)) return undefined;
    // `X, Russia's foreign minister, who ..., urged`: a short appositive may stand between the name and the aside.
    const named = this.entityAt(c - 1) !== undefined ? c - 1 : this.nameBeforeAppositive(c - 1, first);
    if (named === undefined) return undefined;
    const s = this.subjectEndingAt(named, first);
    return s && s.entities.length ? s : undefined;
  }

  /**
   * `X, the US envoy, who urged ...`: a relative pronoun after an appositive that names no entity
   * has the name before the appositive as its antecedent.
   */
  private relativeAntecedent(end: number, first: number): Subject | undefined {
    if (this.norm(end + 1) !== ',' || !ASIDE_RELATIVES.has(this.norm(end + 2)) || this.entityAt(end) !== undefined) return undefined;
    const own = this.subjectEndingAt(end, first);
    if (own?.entities.length) return undefined;
    const named = this.nameBeforeAppositive(end, first);
    const s = named !== undefined ? this.subjectEndingAt(named, first) : undefined;
    return s?.entities.length ? s : undefined;
  }

  /** The last token of a name before a short comma appositive ending at token `end` (`X, Russia's foreign minister`), if any. */
  private nameBeforeAppositive(end: number, first: number): number | undefined {
    for (let k = end; k > first && end - k < 8; k--) {
      const t = this.tokens[k];
      if (!t || t.pos === 'VERB' || t.pos === 'AUX' || isQuoteMark(t.text)) return undefined;
      if (t.normal === ',') return k < end && this.entityAt(k - 1) !== undefined ? k - 1 : undefined;
    }
    return undefined;
  }

  /** Whether token k opens a relative clause (`who`, `which`, `whose`) or a participial phrase (`speaking`, `backed by`). */
  private opensAside(k: number): boolean {
    const t = this.tokens[k];
    if (!t) return false;
    if (ASIDE_RELATIVES.has(t.normal)) return true;
    // `all of which`, `both of whom`, `some of which`
    if ((t.pos === 'DET' || t.pos === 'PRON' || t.pos === 'NUM') && this.norm(k + 1) === 'of' && ASIDE_RELATIVES_OBJECT.has(this.norm(k + 2))) return true;
    return t.pos === 'VERB' && /(ing|ed|en)$/.test(t.normal) && this.entityAt(k) === undefined;
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
    if (e !== undefined && m) return this.entitySubject(e, m, first);
    const pair = pairPronoun(this, i);
    if (pair) return { entities: pair, start: i, headLemma: undefined };
    return this.commonNounSubject(i, first);
  }

  /** A subject whose head is an entity mention, with its coordinated members to the left. */
  private entitySubject(e: number, m: Mention, first: number): Subject {
    const entities = [e];
    const s = this.coordinatedStart(Math.max(first, m.firstToken), first, entities);
    // `Neither X nor Y rejected`: no one did.
    if (this.norm(s - 1) === 'nor' || this.norm(s - 1) === 'neither') return { entities: [], start: s, headLemma: undefined };
    const governed = this.governingHeadSubject(s, first);
    if (governed) return governed;
    let start = s;
    while (start > first && this.tokens[start - 1]?.pos === 'DET') start--;
    return { entities, start, headLemma: undefined };
  }

  /**
   * Coordination to the left, over title words: `The United States and NATO`,
   * `President Joe Biden and Russian President Vladimir Putin`. Adds the
   * members to `entities` (leftmost first) and returns the phrase's start.
   */
  private coordinatedStart(start: number, first: number, entities: number[]): number {
    let s = start;
    let sawCoordinator = false;
    for (;;) {
      const titleStart = this.titleRunStart(s, first);
      const k = this.listSeparatorBefore(titleStart, first, sawCoordinator);
      if (k === undefined) return titleStart;
      if (this.isCoord(k) || this.isCoord(k - 1)) sawCoordinator = true;
      const member = this.listMemberBefore(k, first);
      if (!member) return titleStart;
      if (!entities.includes(member.entity)) entities.unshift(member.entity);
      s = Math.max(first, member.mention.firstToken);
    }
  }

  /** Start of the title words before a mention starting at `s`, with the state or body of a person's title. */
  private titleRunStart(s: number, first: number): number {
    let k = s - 1;
    let titles = 0;
    while (k >= first && titles < 4 && this.entityAt(k) === undefined && this.isTitleWord(k)) {
      k--;
      titles++;
    }
    // The state or body of a person's title (`Russian President Vladimir Putin`) is part of its phrase.
    const am = titles > 0 && k >= first && this.mentionAt(s)?.role !== undefined ? this.mentionAt(k) : undefined;
    if (am && am.type !== 'Person' && am.lastToken === k && am.firstToken >= first && !this.isPossessiveAfter(k)) k = am.firstToken - 1;
    return k + 1;
  }

  /** The coordinator or list comma before a member starting at `titleStart`, if the list goes on. */
  private listSeparatorBefore(titleStart: number, first: number, sawCoordinator: boolean): number | undefined {
    let k = titleStart - 1;
    // `Israel and the Palestinians`: a determiner of the right-hand member.
    if (k > first && this.tokens[k]?.pos === 'DET' && (this.isCoord(k - 1) || (this.norm(k - 1) === ',' && sawCoordinator))) k--;
    // `Germany as well as France`
    if (k - 2 >= first && this.norm(k) === 'as' && this.norm(k - 1) === 'well' && this.norm(k - 2) === 'as') return k - 2;
    // A bare comma continues a list only to the left of its `and` (`Germany, France and Italy`).
    if (k < first || !(this.isCoord(k) || (this.norm(k) === ',' && sawCoordinator))) return undefined;
    return k;
  }

  /** The entity member of a list that ends before the separator at `sep`. */
  private listMemberBefore(sep: number, first: number): { entity: number; mention: Mention } | undefined {
    let k = sep - 1;
    if (this.norm(k) === ',') k--;
    while (k >= first && (this.tokens[k]?.pos === 'DET' || isQuoteMark(this.tokens[k]?.text ?? ''))) k--;
    const entity = this.entityAt(k);
    const mention = this.mentionAt(k);
    if (entity === undefined || !mention || this.isPossessiveAfter(k)) return undefined;
    // A list member after a preposition ends a fronted phrase (`After talks on Ukraine, the
    // United States and Russia`), not the list: the subject starts after its comma.
    let before = mention.firstToken - 1;
    while (before >= first && this.tokens[before]?.pos === 'DET') before--;
    if (this.norm(k + 1) === ',' && before >= first && this.tokens[before]?.pos === 'ADP') return undefined;
    return { entity, mention };
  }

  /** Inside a PP (`the governments of X and Y`, `a member of the delegation`): the head is before it. */
  private governingHeadSubject(s: number, first: number): Subject | undefined {
    const before = this.norm(s - 1);
    if ((before !== 'of' && before !== 'from') || s - 1 <= first) return undefined;
    // The head before `of`; a stray comma between them (`X, managing director, of Y`) splits no phrase.
    const head0 = this.norm(s - 2) === ',' && s - 3 >= first ? s - 3 : s - 2;
    // `President Emmanuel Macron of France`, `Tom Smith of the State Department`: the named person acts.
    const person = this.mentionAt(head0);
    const pe = this.entityAt(head0);
    if (person && pe !== undefined && person.type === 'Person' && (person.kind === 'name' || person.kind === 'surname') && person.lastToken === head0) {
      return { entities: [pe], start: this.titleRunStart(Math.max(first, person.firstToken), first), headLemma: undefined };
    }
    // Past a comma only a person or a lower-case role (`, managing director,`), not a list (`Chile, of all places`).
    if (head0 !== s - 2 && !(this.tokens[head0]?.pos === 'NOUN' && /^[a-z]/.test(this.tokens[head0]?.text ?? ''))) return undefined;
    let h = head0;
    while (h - 1 >= first && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.tokens[h - 1]?.pos ?? '') && this.entityAt(h - 1) === undefined) h--;
    const [, sentLast] = this.sentenceBounds(h);
    const np = this.readNP(h, sentLast);
    const head = np?.headLemma ?? '';
    if (np && (this.lex.governmentNouns.has(head) || this.lex.groupNouns.has(head) || this.lex.militaryNouns.has(head) || head === 'member')) {
      const ents = this.npEntities(np, this.lex.militaryNouns.has(head));
      return { entities: ents, start: np.first, headLemma: head };
    }
    // A lower-case head (`a further invasion of Ukraine`) is not an actor; a title (`Secretary of State X`) is.
    const ht = this.tokens[head0];
    if (np && ht && ht.pos === 'NOUN' && /^[a-z]/.test(ht.text)) {
      // `X, managing director, of Y - a company - told`: the role is X's apposition, and X acts.
      return (head0 !== s - 2 ? this.roleHolder(np.first, head0, first) : undefined) ?? { entities: [], start: np.first, headLemma: head };
    }
    return undefined;
  }

  /** The person named before a role set off by commas (`X, managing director, of Y`), the role's words from `from` to `head`. */
  private roleHolder(from: number, head: number, first: number): Subject | undefined {
    // The role's words may be tagged a verb (`managing director`): the apposition opens after the comma.
    let c = from;
    while (c - 1 > first && head - c < 4 && /^[a-z]/.test(this.tokens[c - 1]?.text ?? '')) c--;
    const named = this.norm(c - 1) === ',' ? this.mentionAt(c - 2) : undefined;
    const holder = named && named.type === 'Person' && named.lastToken === c - 2 ? this.entityAt(c - 2) : undefined;
    return named && holder !== undefined ? { entities: [holder], start: this.titleRunStart(Math.max(first, named.firstToken), first), headLemma: undefined } : undefined;
  }

  /** A subject headed by a common noun (`the ministry`, `Merkel and other leaders`). */
  private commonNounSubject(i: number, first: number): Subject | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'NUM') return undefined;
    const np = this.npStartingBefore(i, first);
    if (!np) return undefined;
    // `Merkel and other leaders`: the named member of the group is the actor.
    if (np.heads.length === 0 && this.norm(np.first) === 'other' && this.isCoord(np.first - 1) && np.first - 2 >= first) {
      const named = this.subjectEndingAt(np.first - 2, first);
      if (named?.entities.length) return named;
    }
    const owner = this.lex.militaryNouns.has(np.headLemma ?? '') || this.lex.governmentNouns.has(np.headLemma ?? '');
    return { entities: this.npEntities(np, owner), start: np.first, headLemma: np.headLemma || undefined };
  }

  /** Reads the NP whose last token is `end`, by walking left to its first token. */
  private npStartingBefore(end: number, first: number): NounPhrase | undefined {
    return this.readNP(this.phraseStartBefore(end, first), end);
  }

  /**
   * First token of the noun phrase whose last token is `end`: determiners, modifiers, possessors
   * and entities, at most `max` tokens back. A subject's phrase reads over quotation marks and
   * every possessive mark and pronoun (`the allies' "red lines"`); with `marks: 'possessive-s'` only
   * over `'s` and `its`/`their`/`his`/`her`/`our` (an actor phrase inside a clause, which a bare
   * apostrophe or a quotation mark ends).
   */
  phraseStartBefore(end: number, first: number, { max = Infinity, marks = 'all' }: { max?: number; marks?: 'all' | 'possessive-s' } = {}): number {
    let s = end;
    while (s - 1 >= first && end - s < max) {
      const t = this.tokens[s - 1];
      if (!t) break;
      const mark = marks === 'all' ? POSSESSIVE.has(t.text) || POSSESSIVE_PRONOUNS.has(t.normal) || isQuoteMark(t.text) : t.normal === "'s" || t.normal === '’s' || CLAUSE_POSSESSIVES.has(t.normal);
      if (!(NP_POS.has(t.pos) || mark || this.entityAt(s - 1) !== undefined)) break;
      s--;
    }
    return s;
  }

  /** Modality of a cue at token `cue` whose clause starts at `clauseStart` (see ArticleDoc). */
  modalityOf(cue: number, clauseStart: number): Modality {
    return this.doc.modalityOf(cue, clauseStart);
  }

  /** Modality of a nominal cue: the adjectives before it and its governing verb. */
  nominalModality(noun: number, governor: number | undefined, clauseStart: number): Modality {
    return this.doc.nominalModality(noun, governor, clauseStart);
  }

  /** The nearest verb before token i in the same clause (see ArticleDoc). */
  governingVerb(i: number): number | undefined {
    return this.doc.governingVerb(i);
  }

  /** Last token of the clause that starts after token i (see ArticleDoc). */
  clauseEnd(i: number): number {
    return this.doc.clauseEnd(i);
  }

  sentenceText(sentence: number): { text: string; start: number; end: number } {
    return this.doc.sentenceText(sentence);
  }
}
