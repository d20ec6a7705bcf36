/**
 * Mention detection: annotated text -> mentions of people, countries and
 * organisations (names, surnames, acronyms, metonyms), plus actor-like
 * titles (`the secretary`) and personal pronouns for the resolver.
 *
 * Sources, in order of precedence at each token: state metonyms (`the Biden
 * administration`), organisation head-noun phrases (`... Ministry`), the
 * lexicon (countries, capitals, demonyms, organisations), title + name
 * sequences (`Russian Foreign Minister Sergei Lavrov`), bare title phrases and
 * pronouns. Capitals count as the state only when they act (subject,
 * possessive, object of an act); demonyms only give affiliations.
 * Pure: the lexicon is passed in.
 */
import type { AnnotatedText, EntityType, Mention, MentionKind, Sentence, Token } from '../types.js';
import { phraseKey, type EntityLexicon, type PhraseEntry } from './entity-lexicon.js';
import { typeContextOrganisations } from './context-organisations.js';
import { isCap, isPossessive, letterCase, NO_LETTER, NO_LOWER, PLACE_PREPOSITIONS } from './token-tests.js';

const METONYM_HEADS = new Set(['administration', 'government', 'side', 'authorities', 'leadership', 'regime', 'cabinet']);
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'ben', 'abu']);
const ROLE_CONNECTORS = new Set(['of', 'for', 'to']);
/** Verbs after which a capital is a place, not an actor (`visit Moscow`). */
const PLACE_VERBS = new Set(['visit', 'arrive', 'travel', 'fly', 'go', 'return', 'come', 'reach', 'leave', 'move', 'head', 'live', 'stay', 'base', 'locate', 'hold', 'host', 'meet', 'land']);
/** Prepositions after which a capital is an actor (`a letter from Washington`, `against Moscow`). */
const ACTOR_PREPOSITIONS = new Set(['from', 'against', 'with', 'by', 'to', 'toward', 'towards', 'between', 'accuse', 'urge']);
/** Prepositions that put a lone name in a place (`in Chechnya`), not a person. */
const PRESSURE_NOUNS = new Set(['pressure', 'sanctions', 'sanction', 'demands', 'demand', 'call', 'calls', 'attack', 'attacks']);

// Regular expressions of the hot token tests, made once (a literal is a new object per evaluation).
const ALL_CAPS_WORD = /^[\p{Lu}-]{3,}$/u;
const INITIAL = /^\p{Lu}\.$/u;
const HAS_UPPER = /\p{Lu}/u;
const DAY_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/;
const ANY_LOWER = /\p{Ll}/u;
const ANY_DIGIT = /\d/;
const OPENING_MARK = /^["“‘'(]$/;
const LOWER_START = /^\p{Ll}/u;
/** A short lower-case part of a hyphenated name (`In-so`, `Inzamam-ul-Haq`). */
const SHORT_LOWER = /^\p{Ll}{1,4}$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
const ROMAN_NUMERAL = /^[IVXLC]+$/;
/** ` / ` between names of agencies or photographers (`EFE / EPA`). */
const SLASH_SEPARATOR = /\s\/\s/g;
const BYLINE = /^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}\s*$/u;
const CREDIT = /^\s*(photo|image|picture|source|credit)s?\b/i;
const ALL_UPPER = /^\p{Lu}+$/u;
const DOTS = /\./g;
// Regular expressions of the rarer tests, also made once.
const PLACE_NAME_START = /^(north|south|east|west|central|eastern|western|northern|southern|new|los|las|fort|port|lake|mount)$/;
const LEADING_THE = /^the\s+/i;
const SPACE_OR_DOT = /[\s.]/;
/** `U.S.`: the period ends an abbreviation, not the sentence. */
const DOTTED_ABBREVIATION_END = /(?:^|[^\p{L}])(?:\p{L}\.){2,}$/u;
const NON_LETTERS = /[^\p{L}]/gu;
const LOWER_CASE_ROLE_WORD = /^(affairs|defen[cs]e|foreign|state|interior|finance|justice)$/i;
const APPOSITIVE_OPEN = /^[,(]$/;
const APPOSITIVE_CLOSE = /^[,.;]$/;
const SPACES = /\s+/g;
const TWO_LETTERS = /\p{L}{2,}/u;
const INDEFINITE = /^(a|an|one|another|some|any)$/;
/** A plural not in `-ss` (`Mariners`, not `Swiss`). */
const PLURAL_WORD = /\p{Ll}[^s]s$/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;
/** `Russia's `, `Russian `: a word that qualifies the name after it. */
const LEADING_QUALIFIER = /^[\p{Lu}][\p{L}]+(?:'s|’s)?\s+/u;
const UNQUALIFIED_MINISTRY = /^(Foreign|Defen[cs]e|Interior|Finance|Justice|Economy|Health)\s+Ministry$|^Ministry of /;
const DOTS_AND_SPACES = /[.\s]/g;
const NICKNAME_OPEN = /^["“‘']$/;
const NICKNAME_CLOSE = /^["”’']$/;
/** POS tags a name token never has. */
const NON_NAME_POS: ReadonlySet<string> = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'AUX', 'NUM', 'SYM']);
/** A lexicon match of an organisation or a country. */
const namesOrgOrCountry = (m: LexMatch | undefined): boolean => m?.entry.kind === 'org' || m?.entry.kind === 'country';
const isAllCapsWord = (t: Token): boolean => ALL_CAPS_WORD.test(t.text);
/**
 * Token k is a short lower-case part glued after a hyphen (`so` in `In-so`, `ul` in `Inzamam-ul-Haq`),
 * not a compound suffix (`-like`, `-era`).
 */
function isHyphenPart(tokens: readonly Token[], k: number, compoundSuffixes: ReadonlySet<string>): boolean {
  const t = tokens[k];
  const dash = tokens[k - 1];
  return !!t && dash?.text === '-' && t.start === dash.end && SHORT_LOWER.test(t.text) && !compoundSuffixes.has(t.text);
}
/** (Performance: the regular expression only for short words that end in a period.) */
const isInitial = (t: Token): boolean => t.text.length <= 3 && t.text.endsWith('.') && INITIAL.test(t.text);

interface Draft {
  start: number;
  end: number;
  type: EntityType;
  kind: MentionKind;
  first: number;
  last: number;
  name: string;
  role?: string | undefined;
  affiliation?: string | undefined;
  affiliationType?: EntityType | undefined;
  confidence: number;
}

/** A person's or title's affiliation as a draft takes it. */
interface Affiliation {
  readonly name: string;
  readonly type: EntityType;
}

/**
 * The draft of a mention over tokens first..last at text offsets start..end, every field set in
 * one order. Performance (issue 7): one hidden class, and no object spread at the call sites
 * (spreading differently shaped literals cost about a tenth of detection).
 */
function newDraft(
  start: number,
  end: number,
  first: number,
  last: number,
  type: EntityType,
  kind: MentionKind,
  name: string,
  confidence: number,
  role?: string,
  affiliation?: Affiliation,
): Draft {
  return { start, end, type, kind, first, last, name, role, affiliation: affiliation?.name, affiliationType: affiliation?.type, confidence };
}

/** What the per-token memos know: not asked yet, no, maybe (`startsPhrase`) or yes (`nameTokens`). */
const UNKNOWN = 0;
const NO = 1;
const MAYBE = 2;
const YES = 2;

interface LexMatch {
  first: number;
  last: number;
  entry: PhraseEntry;
}
const NO_MATCHES: readonly LexMatch[] = [];

/**
 * Every prefix of the lexicon's phrase keys that ends before a space, and the keys themselves
 * (computed once per lexicon): a span whose key is not in it starts no phrase.
 */
const phrasePrefixCache = new WeakMap<EntityLexicon, ReadonlySet<string>>();
function phrasePrefixes(lex: EntityLexicon): ReadonlySet<string> {
  let set = phrasePrefixCache.get(lex);
  if (!set) {
    const made = new Set<string>();
    for (const key of lex.phrases.keys()) {
      made.add(key);
      for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) made.add(key.slice(0, at));
    }
    phrasePrefixCache.set(lex, (set = made));
  }
  return set;
}

/**
 * Title-case sentences (headlines: unknown capitalised runs there are weak evidence) and
 * all-capital ones (headlines, datelines: their capitalised words are no acronyms), by index.
 */
function headlineSentences(ann: AnnotatedText): { titleCase: Set<number>; allCaps: Set<number> } {
  const { tokens, sentences } = ann;
  const titleCase = new Set<number>();
  const allCaps = new Set<number>();
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as Sentence;
    // Capitalised words the tagger does not take for names (`Agreed`, `Will`, `With`), past the first.
    let capitalisedCommon = 0;
    let words = 0;
    let capitals = 0;
    for (let i = s.firstToken; i <= s.lastToken && i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (i > s.firstToken && isCap(t) && t.pos !== 'PROPN' && t.pos !== 'PUNCT' && t.text !== 'I') capitalisedCommon++;
      const letters = letterCase(t.text);
      if (letters === NO_LETTER) continue;
      words++;
      if (letters === NO_LOWER) capitals++;
    }
    if (capitalisedCommon >= 2) titleCase.add(k);
    if (capitals * 2 > words) allCaps.add(k);
  }
  return { titleCase, allCaps };
}

/** A metonym named by a person (`the Biden administration`), named once the article is scanned. */
interface PersonMetonym {
  readonly draft: Draft;
  readonly surname: string;
}

/** Metonyms named by a person (`the Biden administration`): the state that person serves. */
function namePersonMetonyms(drafts: readonly Draft[], pending: readonly PersonMetonym[], lex: EntityLexicon): void {
  for (let k = 0; k < pending.length; k++) {
    const { draft, surname } = pending[k] as PersonMetonym;
    const country =
      drafts.find((d) => d.type === 'Person' && d.affiliationType === 'Country' && d.affiliation && lastWord(d.name) === surname)?.affiliation ??
      lex.figuresBySurname.get(phraseKey(surname))?.find((f) => f.country)?.country;
    if (country) draft.name = country;
    else draft.name = '';
  }
}

/** An organisation's name qualified by its country (`Russian Foreign Ministry`), as the lexicon spells it if it has it. */
function countryQualified(name: string, country: string, lex: EntityLexicon): string {
  const demonym = lex.countryByName.get(country)?.demonym;
  const q = demonym ? `${demonym} ${name}` : `${country} ${name}`;
  return lex.phrases.get(phraseKey(q))?.find((e) => e.type === 'Organisation')?.name ?? q;
}

/** The named drafts as mentions in text order, overlaps dropped (the first one wins). */
function toMentions(drafts: readonly Draft[], tokens: readonly Token[], text: string): Mention[] {
  const kept = drafts
    .filter((d) => d.name)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((d, k, all) => k === 0 || d.start >= (all[k - 1]?.end ?? 0));
  // Array.from, not map: a map that TurboFan inlines returns a holey array, another elements kind
  // for the readers of the list to deopt on (issue 7).
  return Array.from(kept, (d) => toMention(d, tokens, text));
}

function toMention(d: Draft, tokens: readonly Token[], text: string): Mention {
  return {
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    type: d.type,
    kind: d.kind,
    sentence: tokens[d.first]?.sentence ?? 0,
    firstToken: d.first,
    lastToken: d.last,
    name: d.name,
    // Performance (issue 7): always the same fields (one hidden class for every mention);
    // undefined fields are left out of the JSON results.
    role: d.role || undefined,
    affiliation: d.affiliation || undefined,
    affiliationType: d.affiliationType || undefined,
    confidence: d.confidence,
  };
}

export function detectMentions(ann: AnnotatedText, lex: EntityLexicon): Mention[] {
  const { tokens, text } = ann;
  const drafts: Draft[] = [];
  const skip = skippedTokens(ann);
  const isSkipped = (k: number): boolean => skip[k] === 1;
  const { titleCase, allCaps } = headlineSentences(ann);
  /** `Inc`, `Corp.`, `S.A.`: a legal form, written with or without its periods. */
  const isCompanySuffix = (word: string): boolean => lex.companySuffixes.has(word.replace(DOTS, ''));
  /** Last entity-like phrase (mention or demonym) that ended at token index -> used for affiliations. */
  const affiliationAt = new Map<number, { name: string; type: EntityType; first: number }>();
  const pendingPersonMetonyms: PersonMetonym[] = [];

  // Performance: a phrase can only start at a token whose own key is the first word of some lexicon
  // phrase, and the same (start, length) is asked for many times; both are cached per article.
  const prefixes = phrasePrefixes(lex);
  const tokenKeys: (string | undefined)[] = [];
  const startsPhrase = new Uint8Array(tokens.length);
  const nameTokens = new Uint8Array(tokens.length);
  // The phrases starting at each token, longest first: found once per token, for every bound the
  // callers ask with (the sentence's end, or a few tokens on).
  const lexMatches: (readonly LexMatch[] | undefined)[] = new Array<readonly LexMatch[] | undefined>(tokens.length);
  const lexMatchAt = (i: number, last: number): LexMatch | undefined => {
    const maxLen = Math.min(lex.maxPhraseTokens, last - i + 1);
    if (maxLen < 1 || !tokens[i]) return undefined;
    // A one-word key that is no phrase prefix starts no phrase (the first words are prefixes);
    // asked once per token (lexMatchAt is asked several times at most tokens).
    let starts = startsPhrase[i];
    if (starts === UNKNOWN) {
      const k0 = (tokenKeys[i] ??= phraseKey(tokens[i].text));
      starts = startsPhrase[i] = k0 && !k0.includes(' ') && !prefixes.has(k0) ? NO : MAYBE;
    }
    if (starts === NO) return undefined;
    const all = (lexMatches[i] ??= lexMatchesFrom(i));
    for (const m of all) if (m.last - i < maxLen) return m;
    return undefined;
  };
  const lexMatchesFrom = (i: number): readonly LexMatch[] => {
    // Tokens past the end of the text add nothing to a span.
    const size = Math.min(lex.maxPhraseTokens, tokens.length - i);
    // A span needs a capitalised token: spans shorter than the first one's offset have none.
    let firstCap = 0;
    // (`iSrael`, `uKraine`: garbled casing still names the place; any capital letter will do.)
    while (firstCap < size && !HAS_UPPER.test((tokens[i + firstCap] as Token).text)) firstCap++;
    if (firstCap === size) return NO_MATCHES;
    // keys[len - 1]: phraseKey of the joined texts of the span of length len, composed from the
    // per-token keys (empty keys drop out, as the joined key collapses their spaces). A longer
    // span's key extends a shorter one's after a space, so once a key is no phrase prefix, no
    // longer span can match: `reach` is the longest span worth a look-up.
    const keys: string[] = new Array<string>(size);
    let key = '';
    let reach = size;
    for (let k = 0; k < size; k++) {
      const part = (tokenKeys[i + k] ??= phraseKey((tokens[i + k] as Token).text));
      if (part) key = key ? `${key} ${part}` : part;
      keys[k] = key;
      if (key && !prefixes.has(key)) {
        reach = k;
        break;
      }
    }
    let found: LexMatch[] | undefined;
    for (let len = reach; len > firstCap; len--) {
      // Spans never end on a possessive or a connector.
      const tail = tokens[i + len - 1] as Token;
      if (isPossessive(tail)) continue;
      const entries = lex.phrases.get(keys[len - 1] as string);
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
  };

  const push = (d: Draft): Draft => {
    drafts.push(d);
    return d;
  };
  const tokenStart = (k: number): number => tokens[k]?.start ?? 0;
  const tokenEnd = (k: number): number => tokens[k]?.end ?? 0;
  const tokenSpan = (first: number, last: number): { start: number; end: number } => ({ start: tokenStart(first), end: tokenEnd(last) });

  // Performance (issue 7): the scan calls one function per token (scanToken): a deoptimisation
  // on a branch first taken late recompiles that function, not the whole of detectMentions (which
  // was recompiled six times, ~1 s of TurboFan time per worker thread).
  for (const sentence of ann.sentences) {
    const last = sentence.lastToken;
    let i = sentence.firstToken;
    while (i <= last) {
      const tok = tokens[i];
      if (!tok) break;
      i = isSkipped(i) ? i + 1 : scanToken(i, tok, last);
    }
  }

  // Performance (issue 7): rare passes and branches are called only when they have work, so that
  // TurboFan does not inline their bodies into this function before they ever ran: the first
  // article that ran one deoptimised the whole of detectMentions once per operation in it.
  if (pendingPersonMetonyms.length) namePersonMetonyms(drafts, pendingPersonMetonyms, lex);
  qualifyMinistries();
  propagateCompanyNames();
  propagateSurnames();
  const mentions = toMentions(drafts, tokens, text);
  return typeContextOrganisations(ann, mentions, lex);

  // ---- helpers (closures over the article) ----

  /** The mention starting at token i (`tok`), if any; returns the index to go on from. */
  function scanToken(i: number, tok: Token, last: number): number {
    // Metonyms and head-noun organisations start at `the` or a capitalised word (most tokens are
    // neither: the test spares two calls per token).
    const theOrCap = tok.normal === 'the' || isCap(tok);

    // 1. State metonyms: `the Biden administration`, `the US side`, `the Kremlin government`.
    const meto = theOrCap ? metonymAt(i, last) : undefined;
    if (meto) {
      return meto;
    }

    // 2. Organisation by head noun vs lexicon phrase: the longer wins.
    // `The U.N. Security Council`: a phrase after `the` may reach further than one with it (`the UN`).
    const withThe = lexMatchAt(i, last);
    const afterThe = tok.normal === 'the' ? lexMatchAt(i + 1, last) : undefined;
    const lm = withThe && (!afterThe || withThe.last >= afterThe.last) ? withThe : afterThe;
    const head = theOrCap ? orgHeadRunAt(i, last) : undefined;
    if (head && (!lm || head.last > lm.last)) {
      return emitHeadOrg(head.first, head.last);
    }
    if (lm && tok.normal === 'the' && lex.titles.has(tokens[lm.last + 1]?.text ?? '')) {
      // `the Russian minister`, `the US Secretary of State`: a title phrase.
      const person = personAt(i, last);
      if (person) {
        return person;
      }
    }
    if (lm) {
      const next = tokens[lm.last + 1];
      const nameFollows = next && lm.first === lm.last && (lm.entry.kind === 'country' || lm.entry.kind === 'capital') && next.start === tok.end + 1 && isNameToken(next, lm.last + 1) && !lexMatchAt(lm.last + 1, last) && !lex.titles.has(next.text);
      if (!nameFollows) {
        return emitLexicon(lm, last);
      }
    }

    // 3. Titles and names (a lower-case word other than `the` starts one only as a title word).
    const person = theOrCap || lex.titles.has(tok.text) ? personAt(i, last) : undefined;
    if (person) {
      return person;
    }

    // 4. Unknown acronyms of organisations.
    if (acronymAt(i)) {
      push(newDraft(tok.start, tok.end, i, i, 'Organisation', 'acronym', tok.text, 0.6));
      affiliationAt.set(i, { name: tok.text, type: 'Organisation', first: i });
      return i + 1;
    }

    // 5. Pronouns.
    if ((tok.pos === 'PRON' || tok.pos === 'PROPN') && lex.pronouns.has(tok.normal) && tok.text.toLowerCase() === tok.normal && tok.text !== 'US') {
      const next = tokens[i + 1];
      const possessive = tok.normal === 'her' && next && next.sentence === tok.sentence && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(next.pos);
      if (!possessive) {
        push(newDraft(tok.start, tok.end, i, i, 'Person', 'pronoun', tok.normal, 0.5));
      }
    }
    return i + 1;
  }

  /** Whether token `index` (`t`) may be part of a name; asked several times per token, so remembered. */
  function isNameToken(t: Token | undefined, index: number): boolean {
    if (!t) return false;
    const known = nameTokens[index];
    if (known !== UNKNOWN) return known === YES;
    const is = testNameToken(t, index);
    nameTokens[index] = is ? YES : NO;
    return is;
  }

  function testNameToken(t: Token, index: number): boolean {
    if (isSkipped(index)) return false;
    if (isInitial(t)) return true;
    if (!isCap(t) || ANY_DIGIT.test(t.text)) return false;
    if (isAllCapsWord(t) && !ANY_LOWER.test(t.text)) return false;
    if (lex.nonNames.has(t.normal) || lex.nonNames.has(t.text.toLowerCase())) return false;
    if (lex.titles.has(t.text)) return false;
    if (lex.pronouns.has(t.normal) && t.pos === 'PRON') return false;
    if (NON_NAME_POS.has(t.pos)) return false;
    const sentence = ann.sentences[t.sentence];
    // A capitalised word inside a sentence that the tagger takes for a verb is a name that is
    // also a verb (`Bob Dole said`), except in title-case headlines (`Talks Resume`).
    if (t.pos === 'VERB' && (sentence?.firstToken === index || titleCase.has(t.sentence))) return false;
    // A capitalised word that opens a sentence is a name only if the tagger says so.
    if (sentence && sentence.firstToken === index && t.pos !== 'PROPN') return false;
    if (index > 0 && OPENING_MARK.test(tokens[index - 1]?.text ?? '') && t.pos !== 'PROPN') return false;
    return true;
  }

  /** Extends a name from `first` (a name token): particles, initials, hyphen joins. */
  function nameRunFrom(first: number, last: number): number {
    let j = first;
    while (j + 1 <= last) {
      const n = tokens[j + 1];
      const cur = tokens[j];
      if (!n || !cur) break;
      if (n.text === '-' && n.start === cur.end && isNameToken(tokens[j + 2], j + 2) && tokens[j + 2]?.start === n.end) {
        j += 2;
        continue;
      }
      // `Kim In-so`, `Inzamam-ul-Haq`: a short lower-case part glued by hyphens inside a name.
      const lower = tokens[j + 2];
      if (n.start === cur.end && lower && isHyphenPart(tokens, j + 2, lex.compoundSuffixes) && lower.pos !== 'VERB' && isCap(cur)) {
        const after = tokens[j + 3];
        const gluedOn = after?.text === '-' && after.start === lower.end && tokens[j + 4]?.start === after.end && isCap(tokens[j + 4] as Token);
        if (gluedOn) {
          j += 4;
          continue;
        }
        if (after?.text !== '-' || after.start > lower.end) {
          j += 2;
          continue;
        }
      }
      // `Roberto "Hands of Stone" Duran`: a quoted nickname between given name and surname.
      if (NICKNAME_OPEN.test(n.text)) {
        let k = j + 2;
        while (k <= last && k - j <= 6 && tokens[k] && (isCap(tokens[k] as Token) || tokens[k]?.normal === 'of' || tokens[k]?.normal === 'the')) k++;
        if (k > j + 2 && NICKNAME_CLOSE.test(tokens[k]?.text ?? '') && isNameToken(tokens[k + 1], k + 1) && !lexMatchAt(k + 1, Math.min(last, k + 3))) {
          j = k + 1;
          continue;
        }
      }
      // `Kim In-so`: a capitalised first part of such a compound after the given name.
      if (isCap(n) && !lexMatchAt(j + 1, last) && tokens[j + 2]?.start === n.end && isHyphenPart(tokens, j + 3, lex.compoundSuffixes) && !(tokens[j + 4]?.text === '-' && tokens[j + 4]?.start === tokens[j + 3]?.end)) {
        j += 3;
        continue;
      }
      // `van Gogh`, `Joost van der Westhuizen`, `de la Rua`: one or two particles, then a name.
      if (NAME_PARTICLES.has(n.text)) {
        const k = NAME_PARTICLES.has(tokens[j + 2]?.text ?? '') ? j + 3 : j + 2;
        if (isNameToken(tokens[k], k)) {
          j = k;
          continue;
        }
      }
      if (isNameToken(n, j + 1) && !namesOrgOrCountry(lexMatchAt(j + 1, Math.min(last, j + 3)))) {
        j++;
        continue;
      }
      break;
    }
    return j;
  }

  function metonymAt(i: number, last: number): number | undefined {
    let j = i;
    if (tokens[j]?.normal === 'the') j++;
    const mod = tokens[j];
    if (!mod || !isCap(mod)) return undefined;
    const lm = lexMatchAt(j, Math.min(last, j + 3));
    let modLast = j;
    let country: string | undefined;
    let surname: string | undefined;
    if (lm && (lm.entry.type === 'Country' || lm.entry.category === 'seat') && lm.entry.kind !== 'capital') {
      modLast = lm.last;
      country = lm.entry.type === 'Country' ? lm.entry.name : lm.entry.country;
    } else if (!lm && isNameToken(mod, j) && mod.pos === 'PROPN') {
      surname = mod.text;
    } else return undefined;
    const headTok = tokens[modLast + 1];
    if (!headTok || !METONYM_HEADS.has(headTok.normal) || modLast + 1 > last) return undefined;
    // `US government officials`: the phrase modifies a noun, it does not act.
    const after = tokens[modLast + 2];
    if (after && after.sentence === headTok.sentence && (after.pos === 'NOUN' || after.pos === 'PROPN') && !isPossessive(after)) return undefined;
    const d = push(newDraft(tokenStart(i), tokenEnd(modLast + 1), i, modLast + 1, 'Country', 'metonym', country ?? '', country ? 0.85 : 0.7));
    if (surname) pendingPersonMetonyms.push({ draft: d, surname });
    return modLast + 2;
  }

  /** A capitalised run ending in an organisation head noun: `National Security Council`. */
  function orgHeadRunAt(i: number, last: number): { first: number; last: number } | undefined {
    let first = i;
    if (tokens[first]?.normal === 'the') first++;
    const t0 = tokens[first];
    if (!t0 || !isCap(t0) || lex.nonNames.has(t0.normal) && !PLACE_NAME_START.test(t0.normal)) return undefined;
    if (lex.titles.get(t0.text)?.kind === 'honorific') return undefined;
    let j = first;
    let bestLast = -1;
    while (j <= last) {
      const t = tokens[j];
      if (!t) break;
      if (isCap(t) && (j > first || !ALL_UPPER.test(t.text.replace(DOTS, '')))) {
        if ((lex.orgHeads.has(t.text) || isCompanySuffix(t.text)) && j > first) bestLast = j;
        // `Ministry of Foreign Affairs`: keep going through `of` + capitalised words.
        j++;
        continue;
      }
      const glued = t.text === '-' && tokens[j - 1]?.end === t.start && tokens[j + 1]?.start === t.end;
      // `Johnson Controls Inc and Lear Corp`: two organisations, not one.
      if (t.normal === 'and' && (bestLast === j - 1 || (lex.orgHeads.has(tokens[j + 1]?.text ?? '') && tokens[j + 2]?.normal === 'of'))) break;
      if ((glued || t.normal === 'of' || t.normal === 'for' || t.normal === 'and' || t.text === '&') && tokens[j + 1] && isCap(tokens[j + 1] as Token)) {
        j++;
        continue;
      }
      if (t.normal === 'the' && tokens[j - 1]?.normal === 'of' && tokens[j + 1] && isCap(tokens[j + 1] as Token)) {
        j++;
        continue;
      }
      break;
    }
    const startsWithHead = lex.orgHeads.has(t0.text);
    // `Bank of England`, `Department of Trade and Industry`: the head alone, then `of`.
    if (bestLast < 0 && startsWithHead && tokens[first + 1]?.normal === 'of' && tokens[first + 2] && isCap(tokens[first + 2] as Token)) bestLast = first;
    if (bestLast < 0) return undefined;
    // `Ministry of Foreign Affairs`: a run that starts with the head keeps its `of` tail.
    let runLast = bestLast;
    if (startsWithHead && tokens[bestLast + 1]?.normal === 'of') {
      let k = bestLast + 2;
      // `and` joins two words of one name (`Trade and Industry`), not two names (`Defence and Russia`,
      // `Michigan and Bank of America`).
      const joins = (x: number): boolean => (tokens[x]?.normal === 'and' || tokens[x]?.text === '&') && !!tokens[x + 1] && isCap(tokens[x + 1] as Token) && !lex.orgHeads.has(tokens[x + 1]?.text ?? '') && !lexMatchAt(x + 1, last) && tokens[x + 2]?.normal !== 'of';
      while (k <= last && tokens[k] && (isCap(tokens[k] as Token) || joins(k))) k++;
      if (k - 1 >= bestLast + 2) runLast = k - 1;
    }
    if (startsWithHead && runLast === first) return undefined;
    // `Economist Joel Naroff of First Union`, `Shares of Douglas & Lomason Co`: when no head stands
    // before the last `of`, the organisation is what follows it (`Bank of England` keeps its `of`).
    for (let k = bestLast - 1; k > first; k--) {
      if (tokens[k]?.normal !== 'of') continue;
      const before = tokens.slice(first, k);
      // The words before `of` are left to the other rules, and the organisation after it is
      // found when the scan reaches it.
      if (!before.some((w) => lex.orgHeads.has(w.text) || isCompanySuffix(w.text))) return undefined;
      break;
    }
    // A place that ends in a head word (`West Bank`) is no organisation.
    if (lex.places.has(phraseKey(text.slice(tokens[first]?.start ?? 0, tokens[runLast]?.end ?? 0)))) return undefined;
    // A person's title is not an organisation: `Foreign Minister` has no head noun, but
    // `Security Council` does. Reject runs whose tokens are all title words or non-names.
    const words = tokens.slice(first, runLast + 1);
    if (words.every((w) => lex.titles.has(w.text) || lex.orgHeads.has(w.text) || ROLE_CONNECTORS.has(w.normal))) {
      if (words.length < 2) return undefined;
    }
    return { first, last: runLast };
  }

  function emitHeadOrg(first: number, last: number): number {
    const span = tokenSpan(first, last);
    let name = text.slice(span.start, span.end).replace(LEADING_THE, '');
    let start = span.start;
    let firstTok = first;
    if (tokens[first]?.normal === 'the') {
      firstTok = first + 1;
      start = tokens[first + 1]?.start ?? start;
    }
    // A known organisation under another wording (`Russia's Foreign Ministry`).
    const known = lex.phrases.get(phraseKey(name))?.find((e) => e.type === 'Organisation');
    if (known) name = known.name;
    // A possessive country just before: `Russia's Foreign Ministry` -> `Russian Foreign Ministry`.
    let affiliationCountry: string | undefined;
    const before = firstTok - 1;
    if (isPossessive(tokens[before])) {
      const lm = findLexEndingAt(before - 1);
      if (lm?.entry.type === 'Country') affiliationCountry = lm.entry.name;
    }
    const affiliation: Affiliation | undefined = affiliationCountry ? { name: affiliationCountry, type: 'Country' } : undefined;
    push(newDraft(start, span.end, firstTok, last, 'Organisation', 'name', name, known ? 0.9 : 0.75, undefined, affiliation));
    affiliationAt.set(last, { name, type: 'Organisation', first: firstTok });
    return last + 1;
  }

  function findLexEndingAt(end: number): LexMatch | undefined {
    for (let s = end; s >= Math.max(0, end - lex.maxPhraseTokens + 1); s--) {
      const m = lexMatchAt(s, end);
      if (m && m.last === end) return m;
    }
    return undefined;
  }

  function emitLexicon(m: LexMatch, last: number): number {
    const { entry } = m;
    let first = m.first;
    if (tokens[first]?.normal === 'the' && !LEADING_THE.test(entry.name)) first++;
    const span = tokenSpan(first, m.last);
    // `NATO.` at the end of a sentence: the period is not part of the name (but keep `U.S.`).
    while (span.end > span.start && SPACE_OR_DOT.test(text[span.end - 1] ?? '') && !DOTTED_ABBREVIATION_END.test(text.slice(span.start, span.end))) span.end--;
    const surface = text.slice(span.start, span.end);
    affiliationAt.set(m.last, { name: entry.name, type: entry.type, first });
    if (entry.kind === 'demonym') {
      // `Ukrainian lawmakers endorsed ...`: a demonym before a state's group that acts is the state.
      const group = tokens[m.last + 1];
      let v = m.last + 2;
      // Adverbs and a day between the group and its verb (`lawmakers on Tuesday endorsed`).
      while (v <= last && (tokens[v]?.pos === 'ADV' || DAY_WORDS.test(tokens[v]?.normal ?? '') || (tokens[v]?.normal === 'on' && DAY_WORDS.test(tokens[v + 1]?.normal ?? '')))) v++;
      const verb = tokens[v];
      if (group && lex.stateGroups.has(group.normal) && m.last + 1 <= last && verb && v <= last && (verb.pos === 'VERB' || verb.pos === 'AUX')) {
        push(newDraft(span.start, span.end, first, m.last, 'Country', 'metonym', entry.name, 0.7));
      }
      return m.last + 1;
    }
    // `New Jersey`, `New Mexico`: a country name glued to a preceding proper noun is another place.
    const prev = tokens[m.first - 1];
    if (entry.type === 'Country' && prev && prev.sentence === tokens[m.first]?.sentence && prev.pos === 'PROPN' && isCap(prev) && prev.end + 1 === tokens[m.first]?.start && !affiliationAt.has(m.first - 1) && !lex.titles.has(prev.text)) {
      return m.last + 1;
    }
    if (entry.kind === 'capital' && !capitalActs(m.first, m.last, last)) return m.last + 1;
    const letters = surface.replace(NON_LETTERS, '');
    const kind: MentionKind =
      entry.kind === 'capital' || entry.kind === 'plural'
        ? 'metonym'
        : letters.length <= 6 && letters === letters.toUpperCase() && phraseKey(surface) !== phraseKey(entry.name)
          ? 'acronym'
          : 'name';
    push(newDraft(span.start, span.end, first, m.last, entry.type, kind, entry.name, entry.kind === 'capital' ? 0.75 : 0.95));
    return m.last + 1;
  }

  /** A capital stands for its state when it acts: subject of a verb, possessive, object of an act. */
  function capitalActs(first: number, lastTok: number, sentenceLast: number): boolean {
    let n = lastTok + 1;
    while (n <= sentenceLast && tokens[n]?.pos === 'ADV') n++;
    const next = tokens[n];
    if (next && n <= sentenceLast) {
      if (isPossessive(next)) return true;
      if (next.pos === 'VERB' || next.pos === 'AUX') return true;
    }
    const prev = tokens[first - 1];
    if (!prev || prev.sentence !== tokens[first]?.sentence) return false;
    if (prev.pos === 'VERB' && !PLACE_VERBS.has(prev.lemma)) return true;
    if (ACTOR_PREPOSITIONS.has(prev.normal)) {
      for (let k = first - 2; k >= Math.max(0, first - 4); k--) if (PLACE_VERBS.has(tokens[k]?.lemma ?? '')) return false;
      return true;
    }
    if (prev.normal === 'on' && PRESSURE_NOUNS.has(tokens[first - 2]?.normal ?? '')) return true;
    return false;
  }

  /** Title words (as written in the title lexicon) from `i`, with `of State`, `to the UN` tails. */
  function titleRunAt(
    i: number,
    last: number,
  ): { last: number; role: string; gender: 'm' | 'f' | undefined; honorificOnly: boolean; tailAffiliation: { name: string; type: EntityType; first: number } | undefined } | undefined {
    let j = i;
    let lastHead = -1;
    let gender: 'm' | 'f' | undefined;
    let honorificOnly = true;
    let tailAffiliation: { name: string; type: EntityType; first: number } | undefined;
    while (j <= last) {
      const t = tokens[j];
      if (!t) break;
      const tw = lex.titles.get(t.text);
      if (tw) {
        if (tw.kind !== 'honorific') honorificOnly = false;
        if (tw.kind === 'head' || tw.kind === 'honorific') lastHead = j;
        gender ??= tw.gender;
        j++;
        continue;
      }
      // `Secretary of State`, `Minister for Foreign Affairs`, `ambassador to the United Nations`.
      if (lastHead === j - 1 && ROLE_CONNECTORS.has(t.normal)) {
        let k = j + 1;
        if (tokens[k]?.normal === 'the') k++;
        const lm = lexMatchAt(k, last);
        if (lm && lm.entry.type !== 'Person' && (t.normal === 'to' || lm.entry.kind === 'org' || lm.entry.kind === 'country')) {
          emitLexicon(lm, last);
          if (t.normal === 'of' && lm.entry.type === 'Country') tailAffiliation ??= { name: lm.entry.name, type: 'Country', first: k };
          lastHead = lm.last;
          j = lm.last + 1;
          continue;
        }
        // `Secretary of State`, `Minister of Foreign Affairs`: capitalised words after the connector.
        let e = k;
        // Also in lower case, as AP style writes a title without a name (`the secretary of state`).
        while (e <= last && tokens[e] && ((isCap(tokens[e] as Token) && lex.titles.has((tokens[e] as Token).text)) || LOWER_CASE_ROLE_WORD.test((tokens[e] as Token).text))) e++;
        if (e > k && tokens[k]?.normal !== 'the') {
          lastHead = e - 1;
          j = e;
          continue;
        }
      }
      break;
    }
    if (lastHead < i) return undefined;
    const span = tokenSpan(i, lastHead);
    const role = text.slice(span.start, span.end);
    return { last: lastHead, role, gender, honorificOnly, tailAffiliation };
  }

  /** Affiliation from what stands right before a title: a demonym, country, organisation or `X's`. */
  function affiliationBefore(i: number): { name: string; type: EntityType; first: number } | undefined {
    let k = i - 1;
    if (isPossessive(tokens[k])) k--;
    const direct = affiliationAt.get(k);
    if (direct && direct.type !== 'Person' && tokens[k]?.sentence === tokens[i]?.sentence) return direct;
    return undefined;
  }

  function personAt(i: number, last: number): number | undefined {
    const tok = tokens[i];
    if (!tok) return undefined;
    const the = tok.normal === 'the' ? 1 : 0;
    const t0 = i + the;
    // Titles may be preceded by a demonym or an organisation (`the Russian minister`).
    let titleStart = t0;
    let viaAffiliation: { name: string; type: EntityType; first: number } | undefined;
    if (the) {
      const lm = lexMatchAt(t0, last);
      if (lm && (lm.entry.kind === 'demonym' || lm.entry.kind === 'country' || lm.entry.kind === 'org') && lex.titles.has(tokens[lm.last + 1]?.text ?? '')) {
        titleStart = lm.last + 1;
        viaAffiliation = { name: lm.entry.name, type: lm.entry.type, first: t0 };
        if (lm.entry.kind !== 'demonym') emitLexicon(lm, last);
      }
    }
    const title = lex.titles.has(tokens[titleStart]?.text ?? '') ? titleRunAt(titleStart, last) : undefined;
    // Lower-case title words start a mention only after `the` or an affiliation (`the secretary`,
    // `State Department spokesman Ned Price`).
    if (title && !isCap(tokens[titleStart] as Token) && !the && !affiliationBefore(titleStart)) {
      const nameAfter = tokens[title.last + 1];
      if (!isNameToken(nameAfter, title.last + 1)) return undefined;
    }
    const affiliation = viaAffiliation ?? (title ? (affiliationBefore(titleStart) ?? title.tailAffiliation) : undefined);
    let nameStart = title ? title.last + 1 : t0;
    // Appositive: `Russia's ambassador to the United Nations, Vasily Nebensia,`; parenthesis: `(Blingen)`.
    let appositive = false;
    if (title && APPOSITIVE_OPEN.test(tokens[nameStart]?.text ?? '') && isNameToken(tokens[nameStart + 1], nameStart + 1)) {
      const end = nameRunFrom(nameStart + 1, last);
      const closes = tokens[end + 1];
      if (tokens[nameStart]?.text === '(' ? closes?.text === ')' : !closes || APPOSITIVE_CLOSE.test(closes.text) || closes.pos === 'VERB' || closes.pos === 'AUX') {
        nameStart++;
        appositive = true;
      }
    }
    if (nameStart <= last && isNameToken(tokens[nameStart], nameStart) && !lexMatchAt(nameStart, last)) {
      let nameEnd = nameRunFrom(nameStart, last);
      // `Rep. Jim Jordan`: after a title, one given name and a country's name make one person.
      if (title && nameEnd === nameStart && countryEndsName(nameEnd, last)) nameEnd++;
      const nameTokens = tokens.slice(nameStart, nameEnd + 1);
      const span = tokenSpan(nameStart, nameEnd);
      const name = text.slice(span.start, span.end).replace(SPACES, ' ');
      const words = nameTokens.filter((t) => TWO_LETTERS.test(t.text) && t.text !== '-');
      // A single unknown capitalised word is a person only with a title; otherwise it is weak
      // and the resolver keeps it only if it matches a person named in full. Initials make a
      // full name (`S. Waugh`, `J.R. Smith`).
      const multi = words.length >= 2 || (words.length === 1 && nameTokens.some(isInitial));
      if (!multi && !title) {
        if (tok.pos !== 'PROPN' || isAllCapsWord(tok)) return nameEnd + 1;
      }
      if (multi && !title) {
        // Without a title, a capitalised run may be a place, an event or a club, not a person.
        const kind = classifyRun(nameStart, nameEnd);
        if (kind === 'none') return nameEnd + 1;
        if (kind === 'org') {
          push(newDraft(span.start, span.end, nameStart, nameEnd, 'Organisation', 'name', name, 0.7));
          affiliationAt.set(nameEnd, { name, type: 'Organisation', first: nameStart });
          return nameEnd + 1;
        }
      }
      const role = title && !title.honorificOnly ? title.role : undefined;
      const confidence = multi ? (title ? 0.95 : titleCase.has(tok.sentence) ? 0.45 : 0.8) : title ? 0.85 : 0.4;
      push(newDraft(span.start, span.end, nameStart, nameEnd, 'Person', multi ? 'name' : 'surname', name, confidence, role || undefined, affiliation));
      affiliationAt.set(nameEnd, { name, type: 'Person', first: nameStart });
      return nameEnd + 1 + (appositive && tokens[nameEnd + 1]?.text === ')' ? 1 : 0);
    }
    if (title && !title.honorificOnly) {
      // A bare title standing for a person: `the secretary`, `the Russian president`.
      const next = tokens[title.last + 1];
      const plural = next && next.pos === 'NOUN' && next.sentence === tok.sentence;
      const aff = viaAffiliation ?? affiliationBefore(titleStart);
      const indefinite = !the && aff && INDEFINITE.test(tokens[aff.first - 1]?.normal ?? '');
      if ((the || aff) && !plural && !indefinite) {
        // The span covers `the` and a demonym, but not an organisation or country named before the
        // title (that one is a mention of its own).
        const emittedBefore = viaAffiliation && drafts.some((d) => d.first === viaAffiliation?.first);
        const first = the && !emittedBefore ? i : titleStart;
        const span = tokenSpan(first, title.last);
        push(newDraft(span.start, span.end, first, title.last, 'Person', 'title', title.role, 0.6, title.role, affiliation));
      }
      return title.last + 1;
    }
    if (title) return title.last + 1;
    return undefined;
  }

  /**
   * Whether the one-word country name glued after the given name at token k is the person's
   * surname (`Rep. Jim Jordan`). Performance (issue 7): a function of its own, as this rare case
   * first met late deoptimised personAt.
   */
  function countryEndsName(k: number, last: number): boolean {
    const tail = tokens[k + 1];
    if (!tail || tail.pos !== 'PROPN' || tail.start !== (tokens[k] as Token).end + 1) return false;
    const lm = lexMatchAt(k + 1, last);
    const after = tokens[k + 2];
    // Not a known figure's surname before a country (`Secretary Blinken Ukraine talks`).
    const known = lex.figuresBySurname.has(phraseKey((tokens[k] as Token).text));
    const nounAfter = after && after.sentence === tail.sentence && (after.pos === 'NOUN' || (isCap(after) && !isPossessive(after)));
    return !!lm && lm.first === lm.last && lm.entry.kind === 'country' && !known && !nounAfter;
  }

  /**
   * What an unknown capitalised run without a title names: an event or landmark (`World Cup`,
   * `Tiananmen Square`) or a place (`Tunbridge Wells`) is none of our types; a place with a
   * club word (`Notts County`, `Real Madrid`) or a big town with a plural (`Seattle Mariners`)
   * is a club; anything else is taken for a person.
   */
  function classifyRun(first: number, lastTok: number): 'person' | 'org' | 'none' {
    const runTokens = tokens.slice(first, lastTok + 1);
    const head = runTokens[runTokens.length - 1];
    const lead = runTokens[0];
    if (!head || !lead) return 'person';
    if (lex.nonEntityHeads.has(head.text)) return 'none';
    // `Arab-Israeli`, `Franco-German`: joined demonyms or countries name no person.
    if (runTokens.some((t, k) => (runTokens[k - 1]?.text === '-' || runTokens[k + 1]?.text === '-') && lex.phrases.get(phraseKey(t.text))?.some((e) => e.type === 'Country'))) return 'none';
    const keyOf = (from: number, to: number): string => phraseKey(text.slice(tokens[from]?.start ?? 0, tokens[to]?.end ?? 0));
    const isPlace = (from: number, to: number): boolean => {
      if (from > to) return false;
      const key = keyOf(from, to);
      return lex.places.has(key) || !!lex.phrases.get(key)?.some((e) => e.kind === 'country' || e.kind === 'capital');
    };
    if (runTokens.length >= 2) {
      if (lex.clubAfter.has(head.text) && isPlace(first, lastTok - 1)) return 'org';
      // `Fairfax County`, `Salt Lake City`: a place; in a sports report a club (context-organisations).
      if (lex.clubAfterSports.has(head.text) && isPlace(first, lastTok - 1)) return 'none';
      if (lex.clubBefore.has(lead.text) && isPlace(first + 1, lastTok)) return 'org';
      const rest = keyOf(first, lastTok - 1);
      if (PLURAL_WORD.test(head.text) && (lex.bigPlaces.has(rest) || lex.phrases.get(rest)?.some((e) => e.kind === 'capital'))) return 'org';
    }
    if (isPlace(first, lastTok)) return 'none';
    return 'person';
  }

  /**
   * An all-capital word the lexicon does not know, in running (not all-capital) text: an
   * organisation's acronym (`FIFA`, `LIFFE`), unless it is a unit, title or common abbreviation.
   */
  function acronymAt(i: number): boolean {
    const t = tokens[i];
    if (!t || !isCap(t) || !ACRONYM.test(t.text) || ROMAN_NUMERAL.test(t.text)) return false;
    if (lex.nonOrgAcronyms.has(t.text) || lex.titles.has(t.text) || lex.nonNames.has(t.normal) || lex.pronouns.has(t.normal)) return false;
    // Not in an all-capital headline or dateline.
    return !allCaps.has(t.sentence);
  }

  /**
   * A company named with its legal form (`Pirelli SpA`, `NationsBank Corp.`) is named again
   * without it (`Pirelli`): those words are mentions of the company wherever they stand.
   */
  function propagateCompanyNames(): void {
    const short = new Map<string, string>();
    for (const d of drafts) {
      if (d.type !== 'Organisation' || d.last <= d.first) continue;
      let e = d.last;
      while (e > d.first && isCompanySuffix(tokens[e]?.text ?? '')) e--;
      if (e === d.last || e < d.first) continue;
      short.set(phraseKey(text.slice(tokens[d.first]?.start ?? 0, tokens[e]?.end ?? 0)), d.name);
    }
    if (!short.size) return;
    const covered = new Map<number, Draft>();
    for (const d of drafts) for (let k = d.first; k <= d.last; k++) covered.set(k, d);
    tokens.forEach((t, k) => {
      if (isSkipped(k) || !isCap(t) || !short.has(phraseKey(t.text))) return;
      const d = covered.get(k);
      // A weak one-word person or a bare run made of the short name becomes the company.
      if (d && !(d.type === 'Person' && d.kind !== 'title' && d.kind !== 'pronoun' && short.has(phraseKey(d.name)))) return;
      const company = short.get(phraseKey(t.text)) ?? t.text;
      if (d) {
        d.type = 'Organisation';
        d.kind = 'name';
        d.name = company;
        d.confidence = Math.max(d.confidence, 0.7);
        return;
      }
      push(newDraft(t.start, t.end, k, k, 'Organisation', 'name', company, 0.7));
    });
  }

  /**
   * One sense per article: a surname of a person named in full is a mention of that person
   * wherever it stands, also where the tagger took it for a verb or a sentence opener
   * (`Dole added`), and in an all-capital headline (`DURAN`).
   */
  function propagateSurnames(): void {
    // Both ends of the name: the family name comes first in Chinese, Korean or Hungarian names
    // (`Wang Donghai` ... `Wang`), and news also refers to people by their given name.
    const surnames = new Map<string, string>();
    for (const d of drafts) {
      if (d.type !== 'Person' || d.kind !== 'name' || d.confidence < 0.8) continue;
      for (const word of [tokens[d.last]?.text ?? '', tokens[d.first]?.text ?? '']) {
        // Not a word that also names a big town or region (`Lebed Chechnya peace plan`, a misread
        // headline, must not make every `Chechnya` a person).
        if (word.length < 3 || !CAPITALISED_WORD.test(word) || lex.nonNames.has(word.toLowerCase()) || lex.titles.has(word) || lex.phrases.has(phraseKey(word)) || lex.bigPlaces.has(phraseKey(word))) continue;
        surnames.set(word, d.name);
        surnames.set(word.toUpperCase(), d.name);
      }
    }
    if (!surnames.size) return;
    const covered = new Uint8Array(tokens.length);
    for (const d of drafts) covered.fill(1, d.first, d.last + 1);
    // A weak lone word (`said Wang 's arrest`) that is part of such a name is a sure mention.
    for (const d of drafts) {
      if (d.type !== 'Person' || d.kind !== 'surname' || d.first !== d.last || !surnames.has(d.name)) continue;
      if (PLACE_PREPOSITIONS.has(tokens[d.first - 1]?.normal ?? '')) continue;
      d.confidence = Math.max(d.confidence, 0.7);
    }
    tokens.forEach((t, k) => {
      // (Every such word is capitalised: the cheap test first.)
      if (!isCap(t) || covered[k] === 1 || isSkipped(k) || !surnames.has(t.text)) return;
      // Part of a longer capitalised run (another person's name): not this one.
      const prev = tokens[k - 1];
      const next = tokens[k + 1];
      const inRun = (n: Token | undefined, index: number): boolean => !!n && n.sentence === t.sentence && isNameToken(n, index);
      if (inRun(prev, k - 1) || inRun(next, k + 1)) return;
      // `in Chechnya`, `near Grozny`: after a place preposition the word is a place.
      if (prev && PLACE_PREPOSITIONS.has(prev.normal)) return;
      push(newDraft(t.start, t.end, k, k, 'Person', 'surname', t.text, 0.7));
    });
  }

  /** `Foreign Ministry` without a country: the country of the same phrase named earlier, if any. */
  function qualifyMinistries(): void {
    const qualified = new Map<string, string>();
    for (const d of drafts) {
      if (d.type !== 'Organisation') continue;
      const bare = d.name.replace(LEADING_QUALIFIER, '');
      if (d.affiliation && d.affiliationType === 'Country' && bare === d.name) {
        d.name = countryQualified(d.name, d.affiliation, lex);
        qualified.set(bare, d.name);
        continue;
      }
      if (UNQUALIFIED_MINISTRY.test(d.name)) {
        const q = qualified.get(d.name);
        if (q) d.name = q;
      } else if (bare !== d.name) qualified.set(bare, d.name);
    }
  }

  /** Tokens of boilerplate paragraphs, photo credits and `(Photo: ...)` parentheses. */
  function skippedTokens(a: AnnotatedText): Uint8Array {
    const out = new Uint8Array(a.tokens.length);
    const cues = lex.skipCues;
    // Each paragraph's first line, tested once (from its first sentence to the line's end).
    const skipPara = new Map<number, boolean>();
    for (const s of a.sentences) {
      if (skipPara.has(s.paragraph)) continue;
      const lineEnd = a.text.indexOf('\n', s.start);
      const line = a.text.slice(s.start, lineEnd < 0 ? a.text.length : lineEnd);
      // A byline: a paragraph that is only a short capitalised name.
      skipPara.set(s.paragraph, cues.some((re) => re.test(line)) || (line.match(SLASH_SEPARATOR)?.length ?? 0) >= 2 || BYLINE.test(line));
    }
    for (const s of a.sentences) {
      if (!skipPara.get(s.paragraph)) continue;
      for (let k = s.firstToken; k <= s.lastToken && k < out.length; k++) out[k] = 1;
    }
    // `(Photo: Reuters)`, `(EFE / EPA)`.
    for (let k = 0; k < a.tokens.length; k++) {
      const t = a.tokens[k] as Token;
      if (t.text !== '(') continue;
      let e = k + 1;
      while (e < a.tokens.length && a.tokens[e]?.text !== ')' && e - k < 30) e++;
      const inner = a.text.slice(t.end, a.tokens[e]?.start ?? t.end);
      if (CREDIT.test(inner) || (inner.match(SLASH_SEPARATOR)?.length ?? 0) >= 1) out.fill(1, k, Math.min(e, out.length - 1) + 1);
    }
    return out;
  }
}

const lastWord = (name: string): string => name.split(/\s+/).pop() ?? name;
