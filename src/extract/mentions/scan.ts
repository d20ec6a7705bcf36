/**
 * The state of one article's mention scan, shared by the detection steps: the tokens, the
 * lexicon, the drafts found so far, the affiliations they offer, and per-token memos (lexicon
 * phrases starting at a token, whether a token may be part of a name).
 */
import type { AnnotatedText, EntityType, Token } from '../../types.js';
import { phraseKey, type EntityLexicon, type PhraseEntry } from '../entity-lexicon.js';
import { isCap, isPossessive } from '../token-tests.js';
import type { Draft } from './draft.js';
import { headlineSentences, skippedTokens } from './page-layout.js';
import { wordNumbers } from '../../nlp/annotate.js';

const HAS_UPPER = /\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const DOTS_AND_SPACES = /[.\s]/g;
const DOTS = /\./g;
const INITIAL = /^\p{Lu}\.$/u;
const ALL_CAPS_WORD = /^[\p{Lu}-]{3,}$/u;
const ANY_LOWER = /\p{Ll}/u;
const ANY_DIGIT = /\d/;
const OPENING_MARK = /^["“‘'(]$/;
/** Month names that are also family names (`Theresa May`, `Lisa March`). */
export const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** POS tags a name token never has. */
const NON_NAME_POS: ReadonlySet<string> = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'AUX', 'NUM', 'SYM']);

/** `LOWER_START` with the regular expression only for a text that starts outside ASCII. */
const startsLowerCase = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(text);
};

export const isAllCapsWord = (t: Token): boolean => ALL_CAPS_WORD.test(t.text);
/** (Performance: the regular expression only for short words that end in a period.) */
export const isInitial = (t: Token): boolean => t.text.length <= 3 && t.text.endsWith('.') && INITIAL.test(t.text);

/** What the per-token memo `nameTokens` knows: not asked yet, no or yes. */
const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** A lexicon phrase over tokens first..last. */
export interface LexMatch {
  first: number;
  last: number;
  entry: PhraseEntry;
}
const NO_MATCHES: readonly LexMatch[] = [];

/** An entity-like phrase (mention or demonym) ending at a token, offered as an affiliation. */
export interface AffiliationAt {
  name: string;
  type: EntityType;
  first: number;
}

/** A metonym named by a person (`the Biden administration`), named once the article is scanned. */
export interface PersonMetonym {
  readonly draft: Draft;
  readonly surname: string;
}

/**
 * The lexicon's phrase keys as a tree of their words (computed once per lexicon): a span of
 * tokens is looked up word by word from the node of the span one token shorter, instead of as the
 * joined key of all its words (a new string per span, hashed whole, and a probe of a table of
 * every phrase prefix).
 */
interface PhraseNode {
  /** The nodes of the keys one word longer, by that word. */
  readonly next: Map<string, PhraseNode>;
  /** The phrases of the key of the words so far, if it is one. */
  entries: readonly PhraseEntry[] | undefined;
}
const phraseTreeCache = new WeakMap<EntityLexicon, PhraseNode>();
function phraseTree(lex: EntityLexicon): PhraseNode {
  let root = phraseTreeCache.get(lex);
  if (!root) {
    // (The root holds the phrases of the empty key, if any: a span of tokens whose keys are all empty.)
    root = { next: new Map(), entries: lex.phrases.get('') };
    for (const [key, entries] of lex.phrases) {
      if (!key) continue;
      let node = root;
      for (const word of key.split(' ')) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map(), entries: undefined }));
        node = child;
      }
      node.entries = entries;
    }
    phraseTreeCache.set(lex, root);
  }
  return root;
}

/** The node of the key `part` (one token's key, words joined by spaces) after `node`'s. */
function phraseStep(node: PhraseNode | undefined, part: string): PhraseNode | undefined {
  if (!part.includes(' ')) return node?.next.get(part);
  for (const word of part.split(' ')) node = node?.next.get(word);
  return node;
}

/** What the scan reads of a token text, the same for every token of that text. */
export interface WordFacts {
  readonly text: string;
  /** `phraseKey` of the text. */
  readonly key: string;
  /** Whether a lexicon phrase may start with it (its key is a phrase prefix, or holds a space). */
  readonly startsPhrase: boolean;
  /** Whether its key is a known town or region. */
  readonly place: boolean;
  /** What the learned tagger reads of the text, kept here by it (tagger.ts): no look-up of its own. */
  tagger: unknown;
}
/**
 * Word facts by token text, per lexicon, kept across articles: one look-up per token instead of
 * one per fact (each a probe of a large table: most of the scan's time went to them). Also by
 * the numbers wink gives the texts (`wordNumbers`), read before the map: an array read.
 */
interface WordMemo {
  readonly byText: Map<string, WordFacts>;
  byNumber: (WordFacts | undefined)[];
}
const wordMemos = new WeakMap<EntityLexicon, WordMemo>();
/** Words whose facts are kept before the memo is emptied (about 150 bytes each). */
const MAX_WORDS = 200_000;
function wordMemoOf(lex: EntityLexicon): WordMemo {
  let memo = wordMemos.get(lex);
  if (!memo) wordMemos.set(lex, (memo = { byText: new Map(), byNumber: [] }));
  return memo;
}

export class MentionScan {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly drafts: Draft[] = [];
  /** Last entity-like phrase (mention or demonym) that ended at token index -> used for affiliations. */
  readonly affiliationAt = new Map<number, AffiliationAt>();
  readonly pendingPersonMetonyms: PersonMetonym[] = [];
  /** Title-case sentences (headlines): unknown capitalised runs there are weak evidence. */
  readonly titleCase: Set<number>;
  /** All-capital sentences (headlines, datelines): their capitalised words are no acronyms. */
  readonly allCaps: Set<number>;
  private readonly skip: Uint8Array;
  // Performance: a phrase can only start at a token whose own key is the first word of some lexicon
  // phrase, and the same (start, length) is asked for many times; both are cached per article.
  private readonly phrases: PhraseNode;
  private readonly words: WordMemo;
  private readonly wordNumbers: readonly number[] | undefined;
  private readonly tokenFacts: (WordFacts | undefined)[];
  private readonly nameTokens: Uint8Array;
  // The phrases starting at each token, longest first: found once per token, for every bound the
  // callers ask with (the sentence's end, or a few tokens on).
  private readonly lexMatches: (readonly LexMatch[] | undefined)[];

  constructor(
    readonly ann: AnnotatedText,
    readonly lex: EntityLexicon,
  ) {
    this.tokens = ann.tokens;
    this.text = ann.text;
    this.skip = skippedTokens(ann, lex.skipCues, lex.vesselPrefixes);
    const { titleCase, allCaps } = headlineSentences(ann);
    this.titleCase = titleCase;
    this.allCaps = allCaps;
    this.phrases = phraseTree(lex);
    this.words = wordMemoOf(lex);
    this.wordNumbers = wordNumbers(ann);
    this.tokenFacts = new Array<WordFacts | undefined>(this.tokens.length);
    this.nameTokens = new Uint8Array(this.tokens.length);
    this.lexMatches = new Array<readonly LexMatch[] | undefined>(this.tokens.length);
  }

  private lowerCase: Set<string> | undefined;

  /** Whether the article writes the word (a token's `normal`) in lower case somewhere. */
  writesLowerCase(normal: string): boolean {
    if (!this.lowerCase) {
      const seen = new Set<string>();
      for (const t of this.tokens) if (startsLowerCase(t.text)) seen.add(t.normal);
      this.lowerCase = seen;
    }
    return this.lowerCase.has(normal);
  }

  /** Tokens of boilerplate paragraphs, photo credits and `(Photo: ...)` parentheses. */
  isSkipped(k: number): boolean {
    return this.skip[k] === 1;
  }

  /** `Inc`, `Corp.`, `S.A.`: a legal form, written with or without its periods. */
  isCompanySuffix(word: string): boolean {
    return this.lex.companySuffixes.has(word.replace(DOTS, ''));
  }

  push(d: Draft): Draft {
    this.drafts.push(d);
    return d;
  }

  tokenStart(k: number): number {
    return this.tokens[k]?.start ?? 0;
  }

  tokenEnd(k: number): number {
    return this.tokens[k]?.end ?? 0;
  }

  tokenSpan(first: number, last: number): { start: number; end: number } {
    return { start: this.tokenStart(first), end: this.tokenEnd(last) };
  }

  /** `phraseKey` of token k's text. */
  tokenKey(k: number): string {
    return this.factsAt(k).key;
  }

  /** Whether token k's text is a known town or region (see `EntityLexicon.places`). */
  isPlaceWord(k: number): boolean {
    return this.factsAt(k).place;
  }

  /** The facts of token k's text, looked up once per token. */
  factsAt(k: number): WordFacts {
    let facts = this.tokenFacts[k];
    if (!facts) {
      const text = (this.tokens[k] as Token).text;
      const { words } = this;
      const number = this.wordNumbers?.[k];
      facts = number === undefined ? undefined : words.byNumber[number];
      if (facts?.text !== text) {
        facts = words.byText.get(text);
        if (!facts) {
          const key = phraseKey(text);
          facts = { text, key, startsPhrase: !key || key.includes(' ') || this.phrases.next.has(key), place: this.lex.places.has(key), tagger: undefined };
          if (words.byText.size >= MAX_WORDS) {
            words.byText.clear();
            words.byNumber = [];
          }
          words.byText.set(text, facts);
        }
        if (number !== undefined) {
          // (Grown one slot at a time: an array written far past its end would turn into a hash table.)
          while (words.byNumber.length < number) words.byNumber.push(undefined);
          words.byNumber[number] = facts;
        }
      }
      this.tokenFacts[k] = facts;
    }
    return facts;
  }

  /** The longest lexicon phrase starting at token i and ending at `last` at the latest. */
  lexMatchAt(i: number, last: number): LexMatch | undefined {
    const { tokens, lex } = this;
    const maxLen = Math.min(lex.maxPhraseTokens, last - i + 1);
    if (maxLen < 1 || !tokens[i]) return undefined;
    // A one-word key that is no phrase prefix starts no phrase (the first words are prefixes).
    if (!this.factsAt(i).startsPhrase) return undefined;
    const all = (this.lexMatches[i] ??= this.lexMatchesFrom(i));
    for (const m of all) if (m.last - i < maxLen) return m;
    return undefined;
  }

  private lexMatchesFrom(i: number): readonly LexMatch[] {
    const { tokens, lex, text } = this;
    // Tokens past the end of the text add nothing to a span.
    const size = Math.min(lex.maxPhraseTokens, tokens.length - i);
    // A span needs a capitalised token: spans shorter than the first one's offset have none.
    let firstCap = 0;
    // (`iSrael`, `uKraine`: garbled casing still names the place; any capital letter will do.)
    while (firstCap < size && !HAS_UPPER.test((tokens[i + firstCap] as Token).text)) firstCap++;
    if (firstCap === size) return NO_MATCHES;
    // nodes[len - 1]: the phrase-tree node of the span of length len, whose key is the per-token
    // keys joined (empty keys drop out, as the joined key collapses their spaces). Once a span's
    // key is no phrase prefix, no longer span can match: `reach` is the longest span worth a look.
    const nodes = new Array<PhraseNode | undefined>(size);
    let node: PhraseNode | undefined = this.phrases;
    let reach = size;
    for (let k = 0; k < size; k++) {
      const part = this.tokenKey(i + k);
      if (part) node = phraseStep(node, part);
      nodes[k] = node;
      if (!node) {
        reach = k;
        break;
      }
    }
    let found: LexMatch[] | undefined;
    for (let len = reach; len > firstCap; len--) {
      // Spans never end on a possessive or a connector.
      const tail = tokens[i + len - 1] as Token;
      if (isPossessive(tail)) continue;
      const entries = nodes[len - 1]?.entries;
      if (!entries) continue;
      const surface = text.slice((tokens[i] as Token).start, tail.end);
      // A name does not end in a lower-case word (`Xinhua news agency` is `Xinhua`), unless the
      // lexicon lists it so (`the Western military alliance`).
      const lowerTail = len >= 2 && LOWER_START.test(tail.text);
      const letters = surface.replace(DOTS_AND_SPACES, '');
      const entry = entries.find((e) => (!e.exactCase || letters === letters.toUpperCase()) && (!lowerTail || e.lowerTail));
      if (entry) (found ??= []).push({ first: i, last: i + len - 1, entry });
    }
    return found ?? NO_MATCHES;
  }

  /** The lexicon phrase that ends at token `end`, if any. */
  findLexEndingAt(end: number): LexMatch | undefined {
    for (let s = end; s >= Math.max(0, end - this.lex.maxPhraseTokens + 1); s--) {
      const m = this.lexMatchAt(s, end);
      if (m && m.last === end) return m;
    }
    return undefined;
  }

  /** Whether token `index` (`t`) may be part of a name; asked several times per token, so remembered. */
  isNameToken(t: Token | undefined, index: number): boolean {
    if (!t) return false;
    const known = this.nameTokens[index];
    if (known !== UNKNOWN) return known === YES;
    const is = this.testNameToken(t, index);
    this.nameTokens[index] = is ? YES : NO;
    return is;
  }

  private testNameToken(t: Token, index: number): boolean {
    const { lex, tokens } = this;
    if (this.isSkipped(index)) return false;
    if (isInitial(t)) return true;
    if (!isCap(t) || ANY_DIGIT.test(t.text)) return false;
    if (isAllCapsWord(t) && !ANY_LOWER.test(t.text)) return false;
    if (lex.nonNames.has(t.normal) || lex.nonNames.has(t.text.toLowerCase())) return this.monthAsSurname(t, index);
    if (lex.titles.has(t.text)) return false;
    if (lex.pronouns.has(t.normal) && t.pos === 'PRON') return false;
    if (NON_NAME_POS.has(t.pos)) return false;
    const sentence = this.ann.sentences[t.sentence];
    // A capitalised word inside a sentence that the tagger takes for a verb is a name that is
    // also a verb (`Bob Dole said`), except in title-case headlines (`Talks Resume`).
    if (t.pos === 'VERB' && (sentence?.firstToken === index || this.titleCase.has(t.sentence))) return false;
    // A capitalised word that opens a sentence is a name only if the tagger says so.
    if (sentence && sentence.firstToken === index && t.pos !== 'PROPN') return false;
    if (index > 0 && OPENING_MARK.test(tokens[index - 1]?.text ?? '') && t.pos !== 'PROPN') return false;
    return true;
  }

  /**
   * A month's name is a family name after a given name or an honorific (`Theresa May said`,
   * `Mrs May, who`), unless a day's number follows it (`Friday May 5`); wink reads it as the
   * month or the modal verb.
   */
  private monthAsSurname(t: Token, index: number): boolean {
    if (!MONTH.test(t.text)) return false;
    const prev = this.tokens[index - 1];
    const next = this.tokens[index + 1];
    if (!prev || prev.sentence !== t.sentence || (next && next.sentence === t.sentence && ANY_DIGIT.test(next.text))) return false;
    const { lex } = this;
    if (lex.titles.get(prev.text.replace(/\.$/, ''))?.kind === 'honorific') return true;
    // (The common given names only: the gazetteers' given names hold words like `In` and `York`.)
    // (`New York July`: a given name inside a longer run is no given name.)
    const before = this.tokens[index - 2];
    const runBefore = before !== undefined && before.sentence === t.sentence && isCap(before) && !lex.titles.has(before.text);
    return prev.pos === 'PROPN' && !MONTH.test(prev.text) && lex.givenNames.has(prev.text) && !runBefore;
  }
}
