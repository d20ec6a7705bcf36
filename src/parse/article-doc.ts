/**
 * The parse layer: one read-only ArticleDoc per article, built once from the
 * annotated text, the token spans of its named mentions (a plural noun right
 * after a name may be a verb the tagger missed: `Iran plans to build`) and
 * the modality cues. It holds the tokens and sentences and, for every
 * predicate, its clause read in advance: the verb group (auxiliary chain,
 * lemma, voice, negation and modality), where the subject slot ends, the
 * object and the complement clause. Which entity a token names is not here:
 * the views over the doc (src/relations/article-view.ts) add it, after
 * reference resolution, which can change with the quotes.
 */
import type { AnnotatedText, Mention, Modality, Sentence, Token } from '../types.js';
import { CLAUSE_BREAK, NOMINATIVE, TEMPORAL, isQuoteMark } from './words.js';

/** The modality cue words (data/lexicons/relation-cues.json). */
export interface ModalityCues {
  readonly negation: ReadonlySet<string>;
  readonly negatingVerbs: ReadonlySet<string>;
  readonly future: ReadonlySet<string>;
  readonly futureAdjectives: ReadonlySet<string>;
  readonly hypotheticalAdjectives: ReadonlySet<string>;
  readonly hypothetical: ReadonlySet<string>;
  readonly conditional: ReadonlySet<string>;
  /** Verbs (and verb + particle) whose object is asked to act: `urged X to meet Y` reports no meeting. */
  readonly directives: ReadonlySet<string>;
}

/** A predicate and what its own words say about it. */
export interface VerbGroup {
  readonly verb: number;
  readonly lemma: string;
  /** First token of the auxiliary chain before the verb (auxiliaries, negation, adverbs, `decided to`). */
  readonly chainStart: number;
  readonly voice: 'active' | 'passive';
  /** The chain negates the act (`did not`, `refused to`, `denies threatening`). */
  readonly negated: boolean;
  /** Modality of the chain alone: a condition before the subject (`if ...`) is read with the subject (see `modalityOf`). */
  readonly modality: Modality;
}

/** A clause of a sentence, read at its predicate. */
export interface Clause extends VerbGroup {
  readonly sentence: number;
  /** The token right before the verb group, where the subject phrase (or the relative pronoun or comma before the verb) ends; -1 when the clause starts the sentence. */
  readonly subjectEnd: number;
  /** First token of the phrase right after the verb (adverbs and particles skipped), when it is nominal. */
  readonly object: number | undefined;
  /** The token opening a complement clause right after the verb: `that`, `whether`, an infinitive `to`, a subject pronoun. */
  readonly complement: number | undefined;
}

const PASSIVE_PARTICIPLE = /(ed|en|wn|ne|lt|ught)$/;
const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['that', 'whether']);
/** Words of a party complement after a noun (`talks with X`, `between X and Y`). */
const PARTY_WORDS: ReadonlySet<string> = new Set(['with', 'between', 'and']);
const OBJECT_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);

/** The chain cues as the chain's text holds them, padded with spaces (` going to `). */
interface ChainCues {
  readonly negation: readonly string[];
  readonly hypothetical: readonly string[];
  readonly future: readonly string[];
}

const padded = (cues: ReadonlySet<string>): string[] => [...cues].map((w) => ` ${w} `);
const chainCuesOf = new WeakMap<ModalityCues, ChainCues>();
function chainCues(mod: ModalityCues): ChainCues {
  let c = chainCuesOf.get(mod);
  if (!c) chainCuesOf.set(mod, (c = { negation: padded(mod.negation), hypothetical: padded(mod.hypothetical), future: padded(mod.future) }));
  return c;
}

/** Whether a cue stands in a chain's text. */
function chainHas(chain: string, cues: readonly string[]): boolean {
  if (!chain) return false;
  for (const w of cues) if (chain.includes(w)) return true;
  return false;
}

function chainModality(chain: string, cues: ChainCues): Modality {
  if (chainHas(chain, cues.hypothetical)) return 'hypothetical';
  if (chainHas(chain, cues.future)) return 'future';
  return 'asserted';
}

/** Token index -> whether a mention with an entity covers it. */
function namedTokens(tokenCount: number, mentions: readonly Mention[], named: ReadonlySet<number>): Uint8Array {
  const out = new Uint8Array(tokenCount);
  for (const k of named) {
    const m = mentions[k];
    if (!m) continue;
    for (let t = m.firstToken; t <= m.lastToken && t < tokenCount; t++) out[t] = 1;
  }
  return out;
}

export class ArticleDoc {
  readonly ann: AnnotatedText;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** The clauses of each sentence, in token order. */
  readonly clauses: readonly (readonly Clause[])[];
  private readonly mod: ModalityCues;
  private readonly cues: ChainCues;
  private readonly named: Uint8Array;
  /** Token index -> its clause (predicates only). */
  private readonly clauseAt: ReadonlyMap<number, Clause>;

  /** `named`: indices into `mentions` of those that name an entity (the entity stage's). */
  constructor(ann: AnnotatedText, mentions: readonly Mention[], named: ReadonlySet<number>, modality: ModalityCues) {
    this.ann = ann;
    this.text = ann.text;
    this.tokens = ann.tokens;
    this.sentences = ann.sentences;
    this.mod = modality;
    this.cues = chainCues(modality);
    this.named = namedTokens(ann.tokens.length, mentions, named);
    const clauseAt = new Map<number, Clause>();
    this.clauses = Object.freeze(
      ann.sentences.map((s, si) => {
        const out: Clause[] = [];
        for (let i = s.firstToken; i <= s.lastToken; i++) {
          if (!this.isVerb(i)) continue;
          const c = this.readClause(i, si, s.firstToken, s.lastToken);
          out.push(c);
          clauseAt.set(i, c);
        }
        return Object.freeze(out);
      }),
    );
    this.clauseAt = clauseAt;
    Object.freeze(this);
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  norm(i: number): string {
    return this.tokens[i]?.normal ?? '';
  }

  isCoord(i: number): boolean {
    const n = this.norm(i);
    return n === 'and' || n === 'or' || n === '&';
  }

  sentenceBounds(i: number): [number, number] {
    const t = this.tokens[i];
    const s = t ? this.sentences[t.sentence] : undefined;
    return s ? [s.firstToken, s.lastToken] : [i, i];
  }

  sentenceText(sentence: number): { text: string; start: number; end: number } {
    const s = this.sentences[sentence];
    if (!s) return { text: '', start: 0, end: 0 };
    return { text: this.text.slice(s.start, s.end), start: s.start, end: s.end };
  }

  /**
   * Whether a possessive mark follows token i (`Russia's`, `the allies'`, `Goldman Sachs' chief`,
   * `the Philippines' foreign minister`). A bare apostrophe before a word is possessive only after
   * a word ending in s and when no single quotation opened before it in the sentence (`called
   * them 'useless' and left` closes a quotation).
   */
  isPossessiveAfter(i: number): boolean {
    const n = this.tokens[i + 1];
    const t = this.tokens[i];
    if (!n || !t) return false;
    if (n.text === "'s" || n.text === '’s') return true;
    if ((n.text !== "'" && n.text !== '’') || n.start !== t.end) return false;
    if (!/^[a-z]/i.test(this.tokens[i + 2]?.text ?? '')) return true;
    return /s$/i.test(t.text) && !this.opensSingleQuoteBefore(i);
  }

  /** Whether the last single quotation mark before token i in its sentence opens a quotation (`'` or `‘` before a word, after a space). */
  private opensSingleQuoteBefore(i: number): boolean {
    const [first] = this.sentenceBounds(i);
    for (let k = i; k >= first; k--) {
      const q = this.tokens[k];
      if (!q || (q.text !== "'" && q.text !== '‘' && q.text !== '’')) continue;
      if (q.text === '‘') return true;
      const prev = this.tokens[k - 1];
      return k === first || !prev || prev.end < q.start;
    }
    return false;
  }

  /** Whether token i is a finite/main verb candidate. */
  isVerb(i: number): boolean {
    const t = this.tokens[i];
    return !!t && (t.pos === 'VERB' || (t.pos === 'AUX' && !this.isAuxBeforeVerb(i)));
  }

  /** The clause whose predicate is token v, if v is a predicate. */
  clause(v: number): Clause | undefined {
    return this.clauseAt.get(v);
  }

  /** The verb group at token v: its clause's, or read on the spot for a word the tagger did not take for a predicate. */
  verbGroup(v: number): VerbGroup {
    return this.clauseAt.get(v) ?? this.readGroup(v, this.sentenceBounds(v)[0]);
  }

  /**
   * Modality of a cue at token `cue` whose clause starts at `clauseStart`:
   * negators and modals in the auxiliary chain, `if`/`unless` before the
   * subject, `denies`/`refused to` before the cue.
   */
  modalityOf(cue: number, clauseStart: number): Modality {
    const g = this.verbGroup(cue);
    if (g.negated) return 'negated';
    // Conditional clause: `if Russia invades`.
    const [first] = this.sentenceBounds(cue);
    const from = Math.min(clauseStart, g.chainStart);
    for (let k = from - 1; k >= Math.max(first, from - 3); k--) {
      const n = this.norm(k);
      if (this.mod.conditional.has(n)) return 'hypothetical';
      if (n === ',' || n === ';') break;
    }
    if (g.modality === 'asserted' && this.directedInfinitive(cue, first)) return 'hypothetical';
    return g.modality;
  }

  /** `urged X to meet Y`, `invited X to visit Y`: the cue is the infinitive a directive verb asks of its object. */
  private directedInfinitive(cue: number, first: number): boolean {
    if (this.norm(cue - 1) !== 'to') return false;
    for (let k = cue - 2; k >= Math.max(first, cue - 10); k--) {
      const t = this.tokens[k];
      if (!t || CLAUSE_BREAK.has(t.normal) || t.text === ',') return false;
      if (this.isVerb(k)) return this.mod.directives.has(t.lemma) || this.mod.directives.has(`${t.lemma} ${this.norm(k + 1)}`);
    }
    return false;
  }

  /** Modality of a nominal cue: the adjectives before it and its governing verb. */
  nominalModality(noun: number, governor: number | undefined, clauseStart: number): Modality {
    const [first] = this.sentenceBounds(noun);
    for (let k = noun - 1; k >= Math.max(first, noun - 4); k--) {
      const n = this.norm(k);
      if (this.mod.hypotheticalAdjectives.has(n)) return 'hypothetical';
      if (this.mod.futureAdjectives.has(n)) return 'future';
      if (n === 'no') return 'negated'; // `had no contact with`, `held no talks`
      if (this.tokens[k]?.pos === 'VERB' || this.tokens[k]?.pos === 'ADP') break;
    }
    // `a call scheduled for Thursday`, `talks between Russia and the US scheduled for Monday`
    for (let k = noun + 1; k <= noun + 10; k++) {
      if (this.mod.futureAdjectives.has(this.norm(k))) return 'future';
      const t = this.tokens[k];
      if (!t || !(PARTY_WORDS.has(t.normal) || ['DET', 'NUM', 'NOUN', 'PROPN'].includes(t.pos) || (/^[A-Z]/.test(t.text) && t.pos !== 'PUNCT'))) break;
    }
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

  private readClause(v: number, sentence: number, first: number, last: number): Clause {
    const g = this.readGroup(v, first);
    let s = v + 1;
    while (s <= last && (this.tokens[s]?.pos === 'ADV' || (this.tokens[s]?.pos === 'PART' && this.norm(s) !== 'to'))) s++;
    const t = s <= last ? this.tokens[s] : undefined;
    const opensClause = !!t && (COMPLEMENTIZERS.has(t.normal) || NOMINATIVE.has(t.normal) || (t.normal === 'to' && this.tokens[s + 1]?.pos === 'VERB'));
    const object = t && !opensClause && OBJECT_POS.has(t.pos) ? s : undefined;
    const { lemma, chainStart, voice, negated, modality } = g;
    return Object.freeze({ verb: v, lemma, chainStart, voice, negated, modality, sentence, subjectEnd: chainStart > first ? chainStart - 1 : -1, object, complement: opensClause ? s : undefined });
  }

  private readGroup(v: number, first: number): VerbGroup {
    const t = this.tokens[v];
    const chainStart = this.chainStart(v, first);
    const chain = this.chainText(v, chainStart);
    const negated = this.chainNegates(v, chainStart, first, chain);
    return { verb: v, lemma: t?.lemma ?? '', chainStart, voice: this.isPassive(v, chainStart) ? 'passive' : 'active', negated, modality: negated ? 'negated' : chainModality(chain, this.cues) };
  }

  /** The words of the chain before v, space-separated and padded (` did not `), for cues of one word or several (`going to`). */
  private chainText(v: number, cs: number): string {
    if (cs >= v) return '';
    const words: string[] = [];
    for (let k = cs; k < v; k++) words.push(this.norm(k));
    return ` ${words.join(' ')} `;
  }

  /** `refused to meet`, `denies threatening`, `did not meet`: the act itself is negated. */
  private chainNegates(v: number, cs: number, first: number, chain: string): boolean {
    const mod = this.mod;
    for (let k = cs; k < v; k++) if (mod.negatingVerbs.has(this.tokens[k]?.lemma ?? '') && this.tokens[k]?.pos === 'VERB') return true;
    const prev = this.tokens[cs - 1];
    if (prev && mod.negatingVerbs.has(prev.lemma) && prev.pos === 'VERB' && cs - 1 >= first && /ing$/.test(this.norm(v))) return true;
    return chainHas(chain, this.cues.negation);
  }

  private isPassive(v: number, cs: number): boolean {
    const t = this.tokens[v];
    if (!t || !PASSIVE_PARTICIPLE.test(t.normal)) return false;
    for (let k = cs; k < v; k++) if (this.tokens[k]?.lemma === 'be' && this.tokens[k]?.pos === 'AUX') return true;
    return false;
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
    return !!t && t.pos === 'NOUN' && /[^s]s$/.test(t.normal) && this.named[i - 1] === 1 && this.named[i] !== 1 && this.norm(i + 1) === 'to' && (after === 'VERB' || after === 'AUX');
  }

  /**
   * Start of the auxiliary chain before verb v: auxiliaries, negation,
   * adverbs and `to`-infinitive chains of control verbs (`agreed to
   * continue`), so that the subject and the modality cues sit before it.
   */
  private chainStart(v: number, first: number): number {
    let i = v - 1;
    while (i >= first) {
      const t = this.tokens[i];
      if (!t || !this.inChain(t, i, v)) break;
      i--;
    }
    return i + 1;
  }

  /** Whether an adverb at `a` is closed off by a quote mark at `q` (`"firmly"`). */
  private quotedAdverbAt(a: number, q: number): boolean {
    return this.tokens[a]?.pos === 'ADV' && isQuoteMark(this.norm(q));
  }

  /** Whether token i (before verb v) belongs to v's auxiliary chain. */
  private inChain(t: Token, i: number, v: number): boolean {
    if (t.pos === 'AUX' || t.pos === 'ADV' || TEMPORAL.has(t.normal) || (t.pos === 'PART' && t.normal !== "'s" && t.normal !== '’s')) return true;
    // `will "firmly" respond`: the quote marks around a quoted adverb stay in the chain.
    if (isQuoteMark(t.normal) && (this.quotedAdverbAt(i + 1, i + 2) || this.quotedAdverbAt(i - 1, i - 2))) return true;
    // `has long accused`: an adverb the tagger read as an adjective, between an auxiliary and the verb.
    if (t.pos === 'ADJ' && i + 1 === v && this.tokens[i - 1]?.pos === 'AUX') return true;
    // `Trump on Thursday ratcheted up`: a day after `on` between the subject and its finite verb
    // (a participle after it has no subject there: `wrote to McConnell on Tuesday accusing him`).
    if (t.normal === 'on' && TEMPORAL.has(this.norm(i + 1)) && i + 1 < v && !/ing$/.test(this.norm(v))) return true;
    // `continue discussing`: a verb right before a gerund shares the subject.
    if (t.pos === 'VERB' && i + 1 <= v && /ing$/.test(this.norm(i + 1)) && this.tokens[i + 1]?.pos === 'VERB') return true;
    // `decided to continue`: a verb right before `to` shares the subject.
    return (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'PROPN' || this.isMistaggedVerb(i)) && this.norm(i + 1) === 'to' && i + 1 < v;
  }
}

/** The doc of an article: `mentions` are the entity stage's, `entities` tell which of them name one. */
export function articleDoc(ann: AnnotatedText, mentions: readonly Mention[], entities: readonly { readonly mentions: readonly number[] }[], modality: ModalityCues): ArticleDoc {
  const named = new Set<number>();
  for (const e of entities) for (const m of e.mentions) named.add(m);
  return new ArticleDoc(ann, mentions, named, modality);
}
