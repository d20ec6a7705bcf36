/**
 * A light clause reader over one annotated article: which entity a token
 * belongs to, noun phrases (heads, owners, coordination, appositives),
 * the subject of a verb (skipping auxiliaries, appositives, relative
 * clauses; inherited across `and`), and the modality of a cue. Shared by
 * the relation and quote extractors. Pure: built from plain data.
 */
import type { AnnotatedText, ArticleEntity, Mention, Modality } from '../types.js';
import { resolveArticleReferences, type ArticleReferences } from '../resolve/article-references.js';
import type { QuotedSpeech } from '../resolve/pronoun-repair.js';
import type { RelationLexicon } from './relation-lexicon.js';
import { NounPhraseView, isQuoteMark, type NounPhrase, type Subject, POSSESSIVE, POSSESSIVE_PRONOUNS, RELATIVE, CLAUSE_BREAK, TEMPORAL } from './noun-phrase-view.js';

export { isQuoteMark, normKey, type NounPhrase, type Subject } from './noun-phrase-view.js';
export type { QuotedSpeech } from '../resolve/pronoun-repair.js';
export { pronounGender } from '../resolve/pronoun-repair.js';

/**
 * The view of an article after reference resolution (pronouns, organisation anaphors; `quotes`
 * tell which pronouns sit in whose words).
 */
export function articleView(ann: AnnotatedText, mentions: readonly Mention[], entities: readonly ArticleEntity[], lex: RelationLexicon, quotes: readonly QuotedSpeech[] = []): ArticleView {
  return new ArticleView(ann, mentions, resolveArticleReferences(ann, mentions, entities, lex.orgAnaphors, quotes), entities, lex, quotes);
}

export class ArticleView extends NounPhraseView {
  /** The article's quotations and their speakers (character spans). */
  readonly quotes: readonly QuotedSpeech[];

  constructor(ann: AnnotatedText, mentions: readonly Mention[], refs: ArticleReferences, entities: readonly ArticleEntity[], lex: RelationLexicon, quotes: readonly QuotedSpeech[] = []) {
    super(ann, mentions, refs, entities, lex);
    this.quotes = quotes;
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
    const t = this.tokens[i];
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
    if (e !== undefined && m) return this.entitySubject(e, m, first);
    return this.commonNounSubject(i, first);
  }

  /** A subject whose head is an entity mention, with its coordinated members to the left. */
  private entitySubject(e: number, m: Mention, first: number): Subject {
    const entities = [e];
    const s = this.coordinatedStart(Math.max(first, m.firstToken), first, entities);
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
    return undefined;
  }

  /** A subject headed by a common noun (`the ministry`, `Netanyahu and other politicians`). */
  private commonNounSubject(i: number, first: number): Subject | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'NUM') return undefined;
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
      if (n === 'no') return 'negated'; // `had no contact with`, `held no talks`
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
