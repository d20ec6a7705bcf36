/**
 * speaker names: the people the entity stage left untyped but whom a
 * reporting frame names as a speaker. News names sources in fixed slots:
 * `Wasserman said`, `"...," said David Wasserman, House editor ...`,
 * `Reyes told CBS`, `according to Smith`, a transcript label `WALLACE:`.
 * A capitalised name in such a slot is a speaker even when no gazetteer
 * or title cue knows it; a definite role description in the slot (`the
 * mayor said`, `the New York businessman said`) refers back to a person
 * named before. This pass adds those as mentions (new Person entities, or
 * mentions of the person with the same surname), plus the other
 * occurrences of a new name in the article and the bare surnames of people
 * named in full (./name-occurrences), so the quote stage and the pronoun
 * repair can use them. Pure: returns extended copies.
 * Input: annotated text, mentions, entities, both lexicons. Output: { mentions, entities }.
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention, Token } from '../types.js';
import { phraseKey, type EntityLexicon } from '../extract/entity-lexicon.js';
import type { RelationLexicon } from './relation-lexicon.js';
import { isQuoteMark } from './article-view.js';
import { RoleAntecedents } from './quotes/role-antecedent.js';
import { bareSurnames, fullNamesOfSurnames, otherOccurrences, tokensBySpelling, withNames } from './name-occurrences.js';
import { NAME_PARTICLES } from '../text/name-particles.js';
import { speakerSlotEnds } from '../parse/subject-slot.js';

export interface SpeakerNames {
  readonly mentions: Mention[];
  readonly entities: ArticleEntity[];
}

const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM']);
const QUANTIFIERS = new Set(['other', 'others', 'some', 'many', 'several', 'most', 'both', 'all', 'few', 'another', 'each', 'every', 'such', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'no', 'any']);
const CLOSED_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'INTJ']);

interface Slot {
  /** First and last token of the name run. */
  readonly first: number;
  readonly last: number;
}

/** A short capitalised word and the full stop wink split off it (`Rev` `.`). */
function isSplitAbbreviation(a: Token | undefined, dot: Token | undefined): boolean {
  return !!a && !!dot && dot.text === '.' && a.end === dot.start && /^\p{Lu}\p{Ll}{1,3}$/u.test(a.text);
}

/** A definite role description in a speaker slot (`the mayor`); `head` is its role noun. */
interface RoleSlot {
  readonly first: number;
  readonly last: number;
  readonly head: number;
}

/**
 * The speaker-name pass over one article: reads name runs and role descriptions in speaker slots and
 * extends its own copies of the mention and entity lists.
 */
class SpeakerPass {
  /** Words the article writes in lower case, made on first use (most articles never ask; a scan of the whole text). */
  private lowerWords: ReadonlySet<string> | undefined = undefined;
  /** Per word, whether the article writes it after a capitalised given name; a scan of the whole text, once per word. */
  private readonly surnames = new Map<string, boolean>();

  constructor(
    readonly ann: AnnotatedText,
    readonly tokens: readonly Token[],
    /** Token -> index of the mention covering it, or -1 (extended as mentions are added). */
    readonly covered: Int32Array,
    readonly rel: RelationLexicon,
    readonly ent: EntityLexicon,
    /** This pass's own copies, extended in place. */
    readonly mentions: Mention[],
    readonly entities: ArticleEntity[],
  ) {}

  speechLemma(t: Token | undefined, v: number): boolean {
    if (!t || !(this.rel.afterQuoteVerbs.has(t.lemma) || this.rel.speechVerbs.has(t.lemma))) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    // `"...," Bozek points out`: wink tags the verb a noun after a name that follows the quotation.
    return t.pos === 'NOUN' && this.tokens[v - 1]?.pos === 'PROPN' && isQuoteMark(this.tokens[v - 2]?.text ?? '');
  }
  isTitle(t: Token): boolean {
    return this.ent.titles.has(t.text) || this.ent.titles.has(t.normal) || this.ent.titles.has(t.text.replace(/\.$/, ''));
  }
  // `Mr. King`, `Ms. West`: after an honorific a capitalised word is a surname, even a title or a common word.
  afterHonorific(i: number): boolean {
    return this.ent.titles.get(this.tokens[i - 1]?.text ?? '')?.kind === 'honorific';
  }
  nameLike(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.covered[i] !== -1) return false;
    if (!/^\p{Lu}/u.test(t.text) || /^I(?:[’'].*)?$/u.test(t.text)) return false;
    if (this.afterHonorific(i) && /^\p{Lu}\p{Ll}/u.test(t.text) && !isQuoteMark(t.text)) return true;
    // wink tags some given names as verbs (`Josh`): inside a sentence a capital is enough, at its start it is not.
    const sentenceStart = this.ann.sentences[t.sentence]?.firstToken === i || isQuoteMark(this.tokens[i - 1]?.text ?? '') && this.ann.sentences[t.sentence]?.firstToken === i - 1;
    // At a sentence start, a given name wink calls a verb (`Ted Cruz spoke`) is a name when a proper noun follows it.
    // Inside a sentence, a given name wink calls an auxiliary (`said Will Doyle`) likewise.
    const givenName = (sentenceStart ? t.pos === 'VERB' : t.pos === 'AUX') && /^\p{Lu}\p{Ll}+$/u.test(t.text) && this.tokens[i + 1]?.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(this.tokens[i + 1]?.text ?? '') && !this.rel.speechVerbs.has(t.lemma) && !this.rel.afterQuoteVerbs.has(t.lemma);
    if (!NAME_POS.has(t.pos) && !/^\p{Lu}\.$/u.test(t.text) && !givenName && (sentenceStart || CLOSED_POS.has(t.pos))) return false;
    if (this.isTitle(t) || this.ent.nonNames.has(t.normal)) return false;
    if (isQuoteMark(t.text)) return false;
    return true;
  }
  /**
   * A word the lexicon says is never a name (a month: `May`, `March`) as the family name after a
   * given name (`Theresa May said`): the given name is a capitalised word the tagger calls a proper noun.
   */
  surnameAfterGivenName(i: number): boolean {
    const t = this.tokens[i];
    const given = this.tokens[i - 1];
    if (!t || !given || this.covered[i] !== -1 || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || !this.ent.nonNames.has(t.normal)) return false;
    return given.pos === 'PROPN' && given.sentence === t.sentence && /^\p{Lu}\p{Ll}+$/u.test(given.text) && this.nameLike(i - 1) && !this.ent.nonNames.has(given.normal);
  }
  verbTaggedOpener(i: number): boolean {
    const t = this.tokens[i];
    const next = this.tokens[i + 1];
    const opens = !!t && (this.ann.sentences[t.sentence]?.firstToken === i || (isQuoteMark(this.tokens[i - 1]?.text ?? '') && this.ann.sentences[t.sentence]?.firstToken === i - 1));
    return opens && !!t && !!next && t.pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && (next.pos === 'VERB' || next.pos === 'AUX') && next.sentence === t.sentence;
  }
  joinerAt(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    if (NAME_PARTICLES.has(t.text)) return true;
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    // `Al-Tabchi`, `Ki-moon`: a hyphen with no space on either side.
    return t.text === '-' && !!prev && !!next && prev.end === t.start && t.end === next.start;
  }
  /** The name run ending at token `end` (walking left), if the tokens there form a name. */
  runEndingAt(end: number): Slot | undefined {
    let i = end;
    while (i >= 0 && SUFFIXES.has(this.tokens[i]?.normal ?? '') && this.tokens[i - 1]?.text === ',') i -= 2;
    if (!this.nameLike(i) && !this.surnameAfterGivenName(i)) return undefined;
    let first = i;
    const sentence = this.tokens[i]?.sentence;
    for (let k = i - 1; k >= 0 && i - k < 6 && this.tokens[k]?.sentence === sentence; k--) {
      if (this.nameLike(k)) first = k;
      else if (this.joinerAt(k) && this.nameLike(k - 1)) continue;
      else break;
    }
    return this.checkRun(first, end);
  }
  /** The name run starting at token `start` (walking right). */
  runStartingAt(start: number): Slot | undefined {
    if (!this.nameLike(start)) return undefined;
    let last = start;
    const sentence = this.tokens[start]?.sentence;
    for (let k = start + 1; k < this.tokens.length && k - start < 6 && this.tokens[k]?.sentence === sentence; k++) {
      if (this.nameLike(k) || this.surnameAfterGivenName(k)) last = k;
      else if (this.joinerAt(k) && this.nameLike(k + 1)) continue;
      else break;
    }
    return this.checkRun(start, last);
  }
  /** The run first..last as a speaker's name, or none when it is part of another phrase or names no one. */
  checkRun(start: number, last: number): Slot | undefined {
    const first = this.nameStart(start, last);
    if (!this.tokens[first] || this.inLongerPhrase(first, last)) return undefined;
    const words = this.tokens.slice(first, last + 1).filter((t) => /\p{L}/u.test(t.text));
    if (!words.length || !this.couldNameSomeone(words)) return undefined;
    const [w] = words;
    if (words.length === 1 && w && !this.afterHonorific(first) && !this.partOfPersonName(w) && this.isCommonWord(w, first, last)) return undefined;
    return { first, last };
  }

  /**
   * Whether a capitalised word is the first or last word of a person the article names in full: a
   * short family name (`Liu` of `Liu Wei`, `Cox` of `Ann Cox`), unless the article also writes it as a common word.
   */
  private partOfPersonName(w: Token): boolean {
    if (!/^\p{Lu}\p{Ll}+$/u.test(w.text) || this.lowerCase().has(w.normal)) return false;
    return this.entities.some((e) => {
      if (e.type !== 'Person') return false;
      const ws = e.name.split(/\s+/);
      return ws.length > 1 && (ws[0] === w.text || ws[ws.length - 1] === w.text);
    });
  }

  /** Where the name in start..last starts: after a title abbreviation inside the run (`Wisconsin Gov. Jim Doyle`). */
  private nameStart(start: number, last: number): number {
    let first = start;
    for (let k = start; k < last; k++) if (/^\p{Lu}\p{Ll}{1,3}\.$/u.test(this.tokens[k]?.text ?? '')) first = k + 1;
    return first;
  }

  /**
   * Whether first..last sits inside a prepositional phrase or an office name (`a spokesman for the
   * Ministry of Foreign Affairs said`; `according to` excepted), or is part of a longer name the
   * entity stage typed (`Jim` of `Rep. Jim Jordan`).
   */
  private inLongerPhrase(first: number, last: number): boolean {
    const before = this.tokens[this.coordinationStart(first) - 1];
    if (before && (before.pos === 'ADP' && before.normal !== 'according' || this.ent.titles.get(before.text)?.kind === 'modifier')) {
      if (!(before.normal === 'to' && this.tokens[first - 2]?.normal === 'according')) return true;
    }
    const after = this.tokens[last + 1];
    return !!after && this.covered[last + 1] !== -1 && /^\p{Lu}/u.test(after.text) && after.start === (this.tokens[last]?.end ?? 0) + 1;
  }

  /**
   * The first token of the capitalised words coordinated before `first` (`Sleaford and North Hykeham`):
   * the run is inside whatever phrase holds the first conjunct (`the MP for Sleaford and North Hykeham said`).
   */
  private coordinationStart(first: number): number {
    const sentence = this.tokens[first]?.sentence;
    const capitalised = (i: number): boolean => /^\p{Lu}/u.test(this.tokens[i]?.text ?? '') && this.tokens[i]?.sentence === sentence;
    let start = first;
    let k = first;
    for (;;) {
      while (capitalised(k - 1)) k--;
      if (!['and', 'or'].includes(this.tokens[k - 1]?.normal ?? '') || !capitalised(k - 2)) return start;
      k -= 2;
      while (capitalised(k - 1)) k--;
      start = k;
    }
  }

  /** Whether the words could be a name of someone: no quantifier, reporting verb, place, demonym or group noun. */
  private couldNameSomeone(words: readonly Token[]): boolean {
    const low = words.map((t) => t.normal).join(' ');
    const firstWord = words[0];
    // Quantifiers (`Other Republicans`), a demonym before more words (`Greek Orthodox`), a reporting verb inside (`Says ...`).
    if (!firstWord || QUANTIFIERS.has(firstWord.normal) || (words.length > 1 && this.rel.demonyms.has(firstWord.normal) && !this.countryAsGivenName(words))) return false;
    if (words.some((t) => this.rel.speechVerbs.has(t.lemma) || this.rel.afterQuoteVerbs.has(t.lemma))) return false;
    // Places (`Berkeley`, `Virgin Islands`) and countries are not speakers by name.
    const key = phraseKey(words.map((t) => t.text).join(' '));
    if (this.ent.bigPlaces.has(key) || this.ent.phrases.get(key)?.some((e) => e.kind === 'country' || e.kind === 'capital')) return false;
    // A demonym names a person only as the surname of a full name the article gives (`Tom English ... English said`).
    if (this.rel.demonyms.has(low) && !(words.length === 1 && this.givenAsSurname(words[0]?.text ?? ''))) return false;
    return !(this.rel.anonymousHeads.has(low) || this.ent.nonEntityHeads.has(low) || this.rel.groupNouns.has(low));
  }

  /** Whether a single capitalised word w (token first, last of the run) is a common word, an abbreviation or a label rather than a name. */
  private isCommonWord(w: Token, first: number, last: number): boolean {
    // A single capitalised word that the article also writes in lower case is a common word (`Police`, `Critics`).
    if (this.lowerCase().has(w.normal)) return true;
    if (/^\p{Lu}+$/u.test(w.text) && w.text.length <= 4) return true;
    if (w.pos === 'ADJ') return true;
    // Abbreviations (`Md.`, `Rev`) and headline labels (`Correction:`).
    if (/\.$/.test(w.text) || w.text.length <= 3) return true;
    if (this.tokens[last + 1]?.text === ':' && this.ann.sentences[w.sentence]?.firstToken === first) return true;
    const sent = this.ann.sentences[w.sentence];
    if (sent && sent.firstToken === first && w.pos !== 'PROPN') return true;
    // A plural (`Critics`), but not a surname in -ss (`Cross`, `Hess`).
    return /[^s]s$/.test(w.normal) && w.pos !== 'PROPN';
  }

  /** Words the article writes in lower case (made on first use: a scan of the whole text). */
  lowerCase(): ReadonlySet<string> {
    this.lowerWords ??= new Set((this.ann.text.match(/\b[a-z][a-z'’-]+\b/g) ?? []).map((x) => x.toLowerCase()));
    return this.lowerWords;
  }

  /**
   * A country's name used as a given name before a surname (`Israel Katz`, `Jordan Ellis`): two words, the
   * first a country in the gazetteer, the second a capitalised word the article never writes in lower case.
   */
  countryAsGivenName(words: readonly Token[]): boolean {
    const [given, surname] = words;
    if (words.length !== 2 || !given || !surname || !/^\p{Lu}\p{Ll}+$/u.test(surname.text)) return false;
    if (!this.ent.phrases.get(phraseKey(given.text))?.some((e) => e.kind === 'country')) return false;
    return !this.lowerCase().has(surname.normal) && !this.ent.orgHeads.has(surname.text);
  }

  /** Whether the article gives `word` as the surname of a full name (`Tom English`). */
  givenAsSurname(word: string): boolean {
    let known = this.surnames.get(word);
    if (known === undefined) {
      known = new RegExp(`\\p{Lu}\\p{Ll}+ ${word}\\b`, 'u').test(this.ann.text);
      this.surnames.set(word, known);
    }
    return known;
  }

  /** A definite role description ending at token `end`: `the mayor`, `the New York businessman`. */
  roleEndingAt(end: number): { first: number; last: number; head: number } | undefined {
    const h = this.tokens[end];
    if (!h || this.covered[end] !== -1 || !this.rel.personRoleNouns.has(h.normal)) return undefined;
    let k = end - 1;
    while (k >= 0 && end - k < 6 && this.covered[k] === -1 && (this.tokens[k]?.pos === 'ADJ' || this.tokens[k]?.pos === 'PROPN' || this.tokens[k]?.pos === 'NOUN' || this.tokens[k]?.pos === 'NUM' || this.tokens[k]?.text === '-')) k--;
    if (this.tokens[k]?.normal !== 'the') return undefined;
    return { first: k, last: end, head: end };
  }
  roleStartingAt(start: number): { first: number; last: number; head: number } | undefined {
    if (this.tokens[start]?.normal !== 'the') return undefined;
    let k = start + 1;
    while (k < this.tokens.length && k - start < 7 && this.covered[k] === -1 && (this.tokens[k]?.pos === 'ADJ' || this.tokens[k]?.pos === 'PROPN' || this.tokens[k]?.pos === 'NOUN' || this.tokens[k]?.pos === 'NUM' || this.tokens[k]?.text === '-')) {
      const t = this.tokens[k];
      const n = this.tokens[k + 1];
      if (t && this.rel.personRoleNouns.has(t.normal) && !(n && (n.pos === 'NOUN' || n.pos === 'PROPN') && this.covered[k + 1] === -1)) return { first: start, last: k, head: k };
      k++;
    }
    return undefined;
  }

  /** The name slots, transcript labels and role descriptions of the reporting frames around direct quotations. */
  findSlots(): { slots: Slot[]; labelSlots: Slot[]; roleSlots: RoleSlot[] } {
    const slots: Slot[] = [];
    const labelSlots: Slot[] = [];
    const roleSlots: RoleSlot[] = [];
    // Only the frames of direct quotations name new speakers: an unknown word before `said` elsewhere is left to the entity stage.
    // (wink may close the quotation's sentence at `!”` or `?”` and start the frame's own: `“... offensive!” Cruz said.`)
    const quoteSentences = new Set<number>();
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (!isQuoteMark(t.text)) continue;
      const para = this.ann.sentences[t.sentence]?.paragraph;
      for (const n of [tokens[i - 1], t, tokens[i + 1]]) if (n && this.ann.sentences[n.sentence]?.paragraph === para) quoteSentences.add(n.sentence);
    }
    for (let v = 0; v < tokens.length; v++) {
      const t = tokens[v] as Token;
      if (!quoteSentences.has(t.sentence)) continue;
      if (this.speechLemma(t, v)) this.speechSlots(t, v, slots, roleSlots);
      if (t.normal === 'according' && tokens[v + 1]?.normal === 'to') {
        const s = this.accordingSlot(v);
        if (s) slots.push(s);
      }
      if (this.isLabel(t, v)) labelSlots.push({ first: v, last: v });
    }
    return { slots, labelSlots, roleSlots };
  }

  /** The name or role slots of the reporting verb at v: its subject, and after it in an inverted frame. */
  private speechSlots(t: Token, v: number, slots: Slot[], roleSlots: RoleSlot[]): void {
    // Subject slot before the verb.
    for (const e of speakerSlotEnds(this.ann, v)) {
      const s = this.runEndingAt(e);
      if (s) {
        slots.push(s);
        break;
      }
      const r = this.roleEndingAt(e);
      if (r) {
        roleSlots.push(r);
        break;
      }
      if (this.covered[e] !== -1) break;
    }
    // Inverted frame after a quote or a comma: `"...," said David Wasserman`, `said the mayor`.
    const before = this.tokens[v - 1];
    const sentStart = this.ann.sentences[t.sentence]?.firstToken === v;
    if (before && (isQuoteMark(before.text) || before.text === ',') || sentStart) {
      let k = v + 1;
      const r = this.roleStartingAt(k);
      if (r) roleSlots.push(r);
      else {
        // `said master of ceremonies Asab Al-Tabchi`, `explained Democratic strategist Simon Rosenberg`
        for (let n = 0; n < 6 && k < this.tokens.length; n++) {
          const w = this.tokens[k];
          if (!w) break;
          const s = this.runStartingAt(k);
          // `said Acme chief executive Jane Roe`: a name before a lower-case noun qualifies it; the speaker's name comes later.
          if (s && this.qualifiesNoun(s.last)) {
            k = s.last + 1;
            while (k < this.tokens.length && /^[a-z]/.test(this.tokens[k]?.text ?? '') && ['NOUN', 'ADJ', 'VERB'].includes(this.tokens[k]?.pos ?? '') && !this.speechLemma(this.tokens[k], k)) k++;
            continue;
          }
          if (s) {
            slots.push(s);
            break;
          }
          // The full stop of a title abbreviation split off by wink (`said the Rev. Peter Wherry`).
          const prevW = this.tokens[k - 1];
          const nextW = this.tokens[k + 1];
          const titleStop = isSplitAbbreviation(w, nextW) || isSplitAbbreviation(prevW, w);
          const skippable = this.isTitle(w) || titleStop || (/^[a-z]/.test(w.text) && (w.pos === 'NOUN' || w.pos === 'ADJ' || w.normal === 'of')) || w.normal === 'the' || this.covered[k] !== -1;
          if (!skippable) break;
          k++;
        }
      }
    }
  }

  /** `according to Smith`: the name run after `according to` and title words (not `according to Acme's lawyers`). */
  private accordingSlot(v: number): Slot | undefined {
    const tokens = this.tokens;
    let k = v + 2;
    while (k < tokens.length && k - v < 6 && tokens[k] && this.isTitle(tokens[k] as Token)) k++;
    const s = this.runStartingAt(k);
    return s && !this.qualifiesNoun(s.last) ? s : undefined;
  }

  /** Whether the name run ending at `last` qualifies a lower-case noun after it (`Acme's lawyers`, `Acme chief executive`). */
  private qualifiesNoun(last: number): boolean {
    let k = last + 1;
    if (/^[’']s?$/.test(this.tokens[k]?.text ?? '')) k++;
    const next = this.tokens[k];
    return !!next && next.sentence === this.tokens[last]?.sentence && /^[a-z]/.test(next.text) && (next.pos === 'NOUN' || this.isTitle(next) || ((next.pos === 'ADJ' || (next.pos === 'VERB' && next.text.endsWith('ing'))) && this.tokens[k + 1]?.pos === 'NOUN')) && !this.speechLemma(next, k);
  }

  /** Whether token v is a transcript label at the start of a paragraph (or of a quotation opening it): `WALLACE: ...`. */
  private isLabel(t: Token, v: number): boolean {
    const tokens = this.tokens;
    const sent = this.ann.sentences[t.sentence];
    const prevT = tokens[v - 1];
    const paraStart = sent && sent.firstToken === v && (t.sentence === 0 || this.ann.sentences[t.sentence - 1]?.paragraph !== sent.paragraph);
    const afterOpening = prevT && isQuoteMark(prevT.text) && sent && sent.firstToken === v - 1;
    return !!(paraStart || afterOpening) && /^\p{Lu}{2,}$/u.test(t.text) && tokens[v + 1]?.text === ':' && this.covered[v] === -1 && !this.ent.nonNames.has(t.normal) && !this.ent.nonOrgAcronyms.has(t.text);
  }

  /** Adds a mention of `entity` over tokens first..last unless a mention covers one of them. */
  addMention(first: number, last: number, entity: number, kind: Mention['kind'], type: EntityType, name: string): number {
    const a = this.tokens[first];
    const b = this.tokens[last];
    if (!a || !b) return -1;
    for (let t = first; t <= last; t++) if (this.covered[t] !== -1) return -1;
    const idx = this.mentions.length;
    this.mentions.push({ start: a.start, end: b.end, text: this.ann.text.slice(a.start, b.end), type, kind, sentence: a.sentence, firstToken: first, lastToken: last, name, role: undefined, affiliation: undefined, affiliationType: undefined, confidence: 0.6 });
    for (let t = first; t <= last; t++) this.covered[t] = idx;
    const e = this.entities[entity];
    if (!e) return idx;
    // The entities and their lists are this stage's own copies (made above): extend them in place.
    (e.mentions as number[]).push(idx);
    if (kind !== 'title' && !e.aliases.includes(name)) (e.aliases as string[]).push(name);
    return idx;
  }
  newEntity(name: string, type: EntityType): number {
    const id = this.entities.length;
    this.entities.push({ id, type, name, aliases: [], mentions: [], roles: [], affiliations: [], confidence: 0.6 });
    return id;
  }
  textOf(s: Slot): string {
    const a = this.tokens[s.first];
    const b = this.tokens[s.last];
    return a && b ? this.ann.text.slice(a.start, b.end) : '';
  }
  /** `said the Kansas Republican`: a party's adjective after `the` describes a member, it names no one. */
  partyMember(s: Slot): boolean {
    if (this.tokens[s.first - 1]?.normal !== 'the') return false;
    const last = this.tokens[s.last];
    return !!last && (this.ent.phrases.get(phraseKey(last.text))?.some((e) => e.kind === 'demonym' && e.type === 'Organisation') ?? false);
  }
  /** `the Dutch market said`: a country's adjective alone names no speaker. */
  nationality(s: Slot): boolean {
    const word = this.textOf(s);
    if (s.first !== s.last || !(this.ent.phrases.get(phraseKey(word))?.some((e) => e.kind === 'demonym' && e.type === 'Country') ?? false)) return false;
    // (`Mark Cuban ... Cuban said`: the surname of a full name.)
    for (const m of this.ann.text.matchAll(new RegExp(`(\\p{Lu}\\p{Ll}+) ${word}\\b`, 'gu'))) if (this.ent.givenNames.has(m[1] ?? '')) return false;
    return true;
  }
  typeOf(s: Slot): EntityType {
    if (s.first === s.last && (this.organisationWord(this.tokens[s.first]) || this.companyWord(this.tokens[s.first]))) return 'Organisation';
    if (this.companyNameStart(this.textOf(s))) return 'Organisation';
    return this.tokens.slice(s.first, s.last + 1).some((t) => this.ent.orgHeads.has(t.text) || this.ent.orgHeads.has(t.normal)) && s.last > s.first ? 'Organisation' : 'Person';
  }
  /**
   * `Microsoft said`, `Oxfam told`: a lone word the Phoenix dictionaries list as an organisation's
   * name and no list as a given name speaks for the organisation (the word alone is too often a
   * surname to be read so anywhere else).
   */
  /**
   * `Acme said`, where the article writes `Acme Inc`, `Acme <ACM>`, `Acme shares`, `Acme's
   * profits` or `Acme said its`: a lone word the article shows as a company speaks for it, not as
   * a person of that surname.
   */
  companyWord(t: Token | undefined): boolean {
    if (!t || !/^\p{Lu}/u.test(t.text)) return false;
    // (Also in an all-capital headline: `ACME <ACM> CUTS JOBS`.)
    const word = t.text.replace(/[’']s?$/, '').toLowerCase();
    const { tokens } = this;
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]?.text ?? '';
      if (!/^\p{Lu}/u.test(w) || w.replace(/[’']s?$/, '').toLowerCase() !== word) continue;
      let n = k + 1;
      if (tokens[n]?.text === ',') n++;
      const next = tokens[n];
      if (!next) continue;
      if (this.ent.companySuffixes.has(next.text.replace(/\./g, '')) || (next.text === '<' && n === k + 1)) return true;
      const possessive = /^[’']s?$/.test(next.text) || /[’']s?$/.test(tokens[k]?.text ?? '');
      const noun = /^[’']s?$/.test(next.text) ? tokens[n + 1] : tokens[k + 1];
      if (noun && (possessive || n === k + 1) && this.ent.companyNouns.has(noun.text)) return true;
      const verb = tokens[k + 1];
      if (verb && this.rel.speechVerbs.has(verb.lemma) && tokens[k + 2]?.normal === 'its') return true;
    }
    return false;
  }
  /** `Acme said` or `Acme-Bell said` after `Acme Lehman Inc`, `Acme-Bell Corp`: the start of a company named with its legal form. */
  companyNameStart(text: string): boolean {
    if (!text || /\s/.test(text)) return false;
    return this.mentions.some((m) => {
      if (m.type !== 'Organisation') return false;
      const words = m.name.split(/\s+/);
      return words.length > 1 && words[0] === text && this.ent.companySuffixes.has((words[words.length - 1] ?? '').replace(/\./g, ''));
    });
  }
  organisationWord(t: Token | undefined): boolean {
    if (!t || this.ent.givenNames.has(t.text)) return false;
    return this.ent.oneWordOrganisations.has(t.text.replace(/[’']s$/, '').toLowerCase());
  }
}

/** Finds the speaker slots of every reporting frame and extends the mention and entity lists. */
export function addSpeakerNames(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  rel: RelationLexicon,
  ent: EntityLexicon,
): SpeakerNames {
  const tokens = ann.tokens;
  const outMentions = [...mentions];
  const outEntities = entities.map((e) => withNames(e, e.name, [...e.aliases], [...e.mentions]));
  const covered = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, i) => {
    for (let t = m.firstToken; t <= m.lastToken && t < tokens.length; t++) covered[t] = i;
  });
  const pass = new SpeakerPass(ann, tokens, covered, rel, ent, outMentions, outEntities);
  const { slots, labelSlots, roleSlots } = pass.findSlots();
  const created = nameSlots(pass, slots, labelSlots);
  const occurrences = tokensBySpelling(tokens);
  fullNamesOfSurnames(pass, created, occurrences);
  otherOccurrences(pass, created, occurrences);
  bareSurnames(pass, occurrences);
  roleMentions(pass, roleSlots);
  return { mentions: outMentions, entities: outEntities };
}

/** The last word of each of a person's names, lower case, without a possessive `'s`. */
function surnameKeys(e: ArticleEntity): string[] {
  return [e.name, ...e.aliases].flatMap((n) => {
    const ws = n.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const last = ws[ws.length - 1];
    return last ? [last.toLowerCase().replace(/[’']s$/, '')] : [];
  });
}

/**
 * Links each name slot to an entity: a person with the same surname (or, for one word, the same
 * first name), else a new entity per surname. Longest runs first, so a full name names the entity
 * its bare surname joins. Returns the new entities' ids.
 */
function nameSlots(pass: SpeakerPass, slots: readonly Slot[], labelSlots: readonly Slot[]): number[] {
  const bySurname = new Map<string, number>();
  for (const e of pass.entities) if (e.type === 'Person') for (const k of surnameKeys(e)) if (!bySurname.has(k)) bySurname.set(k, e.id);
  const firstNames = new Map<string, number>();
  for (const e of pass.entities) {
    if (e.type !== 'Person') continue;
    const f = e.name.split(/\s+/)[0]?.toLowerCase();
    if (f && e.name.includes(' ') && !firstNames.has(f)) firstNames.set(f, e.id);
  }
  const all = [...slots.map((s) => ({ s, label: false })), ...labelSlots.map((s) => ({ s, label: true }))].sort((a, b) => b.s.last - b.s.first - (a.s.last - a.s.first) || a.s.first - b.s.first);
  const created: number[] = [];
  for (const { s, label } of all) {
    const text = pass.textOf(s);
    if (!text || pass.partyMember(s)) continue;
    const type = pass.typeOf(s);
    const words = text.split(/\s+/);
    const surname = (words[words.length - 1] ?? '').toLowerCase().replace(/[’']s$/, '');
    let id = type === 'Person' ? bySurname.get(surname) : undefined;
    // A full name with another given name is another person of the same family name (`Brian May` after `Theresa May`).
    const known = id !== undefined ? pass.entities[id]?.name.split(/\s+/) : undefined;
    if (words.length > 1 && known && known.length > 1 && known[0]?.toLowerCase() !== words[0]?.toLowerCase()) id = undefined;
    if (id === undefined && type === 'Person' && words.length === 1) id = firstNames.get(surname);
    const name = label ? text.charAt(0) + text.slice(1).toLowerCase() : text;
    if (id === undefined) {
      if (pass.nationality(s)) continue;
      id = pass.newEntity(name, type);
      created.push(id);
      if (type === 'Person') bySurname.set(surname, id);
    }
    pass.addMention(s.first, s.last, id, words.length === 1 && (pass.entities[id]?.name.includes(' ') ?? false) ? 'surname' : 'name', type, name);
  }
  return created;
}


/** Definite role descriptions in speaker slots: a mention of the person they refer back to. */
function roleMentions(pass: SpeakerPass, roleSlots: readonly RoleSlot[]): void {
  if (!roleSlots.length) return;
  const { tokens } = pass;
  const roles = new RoleAntecedents(pass.ann, pass.mentions, pass.entities, pass.rel);
  for (const r of roleSlots) {
    if (!tokens[r.head]) continue;
    const antecedent = roles.find(r.first, r.head);
    if (antecedent === undefined) continue;
    if (!tokens[r.first] || !tokens[r.last]) continue;
    const added = pass.addMention(r.first, r.last, antecedent, 'title', 'Person', pass.entities[antecedent]?.name ?? '');
    if (added >= 0) roles.added(added, antecedent);
  }
}
