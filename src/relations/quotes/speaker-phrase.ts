/**
 * The pieces reporting frames are read with: the speaker phrase after or
 * before a reporting verb (a name, a role and a name, an anonymous source),
 * the subject of a reporting verb behind appositives and participles, the
 * addressee of `told`, and the attribution an attributor returns.
 */
import { isQuoteMark, type ArticleView, type Subject } from '../article-view.js';
import { speakerSlotEnds } from '../../parse/subject-slot.js';

/** Who said a quotation, by which cue, and which attributor found it. */
export interface Attribution {
  speaker: number | null;
  cue: string;
  addressee?: number;
  audience?: string;
  confidence: number;
  /** The id of the attributor (or of its branch) that found the speaker. */
  rule: string;
  /** A token of the frame's words naming the speaker (`He` in `He said he was "..."`), when the attributor read them. */
  speakerAt?: number;
  /** The first and last token of the words describing a speaker who is no entity (`a senior official`, `the ad's narrator`). */
  speakerWords?: { first: number; last: number };
}

/** `speakerWords` for a speaker phrase from token `first` to `last` when the speaker is no entity; nothing otherwise. */
export function anonymousWords(view: ArticleView, speaker: number | null, first: number, last: number): Pick<Attribution, 'speakerWords'> {
  let a = first;
  while (a < last && view.tok(a)?.pos === 'PUNCT') a++;
  let b = last;
  // A subject read up to its verb ends before the verb's auxiliaries and adverbs (`the union has long said`).
  while (b > first && ['AUX', 'ADV', 'PART', 'PUNCT'].includes(view.tok(b)?.pos ?? '')) b--;
  return speaker === null && b >= a && b - a < 20 ? { speakerWords: { first: a, last: b } } : {};
}

const PHRASE_POS = new Set(['NOUN', 'ADJ', 'DET', 'ADP', 'PROPN', 'PART', 'NUM']);

/**
 * The first token of a subject phrase whose nearest noun phrase is the object of a
 * preposition (`a source close to the talks`, `one official familiar with the plan`):
 * back over the preposition to the determiner opening the whole phrase, else `start`.
 */
export function phraseStart(view: ArticleView, start: number): number {
  if (!['ADP', 'ADJ'].includes(view.tok(start - 1)?.pos ?? '')) return start;
  const [first] = view.sentenceBounds(start);
  for (let k = start - 1; k >= first && k > start - 8; k--) {
    const t = view.tok(k);
    if (!t || !PHRASE_POS.has(t.pos)) return start;
    if (t.pos === 'DET' || k === first) return k;
  }
  return start;
}

/** The first token from `from` to before `to` that names entity `speaker`. */
export function speakerToken(view: ArticleView, from: number, to: number, speaker: number | null): number | undefined {
  if (speaker === null) return undefined;
  for (let k = from; k < to; k++) if (view.entityAt(k) === speaker) return k;
  return undefined;
}

export const CLAUSE_STOP = new Set(['but', ';', 'while', 'whereas', 'although']);

/** Words that open the clause a colon frame ends in (`a message ... that read:`, `so upset that I had to change my answer:`). */
export const COLON_CLAUSE_BREAK = new Set(['that', 'who', 'which']);


/** Speaker phrase read from token p: an entity, or an anonymous head (null). */
export function speakerNP(view: ArticleView, p: number, last: number): { speaker: number | null; start: number; end: number } | undefined {
  if (p > last) return undefined;
  const np = view.readNP(p, last);
  if (!np) {
    const e = view.entityAt(p);
    const m = view.mentionAt(p);
    return e !== undefined && m ? { speaker: e, start: m.firstToken, end: m.lastToken } : undefined;
  }
  const ents = view.npEntities(np, false);
  if (ents.length) return { speaker: ents[0] ?? null, start: np.first, end: np.last };
  if (np.owner !== undefined && np.headLemma && view.lex.speechNouns.has(np.headLemma)) return { speaker: np.owner, start: np.first, end: np.last };
  if (np.headLemma && view.lex.anonymousHeads.has(np.headLemma)) return { speaker: namedAfter(view, np.last) ?? describedHolder(view, np.first, np.last) ?? null, start: np.first, end: np.last };
  return namedAfterRole(view, p, last);
}

/** Prepositions and adjectives that attach a complement to a described speaker (`a narrator in the ad`, `one aide familiar with the plan`). */
const DESCRIPTION_LINKS = new Set(['in', 'of', 'with', 'from', 'at', 'for', 'on', 'close', 'familiar', 'near']);

/**
 * A speaker given only by a description, no entity (`a narrator in the new ad`, `one aide familiar
 * with the plan`, `the woman`): a noun phrase opening with a determiner or `one` and headed by a
 * common noun, with up to two complements. The speaker is null; the phrase is its words.
 */
export function describedSpeaker(view: ArticleView, p: number, last: number): { speaker: null; start: number; end: number } | undefined {
  const d = view.tok(p);
  if (!d || !(d.pos === 'DET' || d.normal === 'one') || d.normal === 'that') return undefined;
  let np = view.readNP(p, last);
  if (!np || !np.headLemma || np.heads.length || view.tok(np.last)?.pos !== 'NOUN') return undefined;
  let end = np.last;
  for (let n = 0; n < 2; n++) {
    let k = end + 1;
    if (!DESCRIPTION_LINKS.has(view.norm(k))) break;
    if (view.tok(k)?.pos === 'ADJ') k++;
    if (view.tok(k)?.pos === 'ADP') k++;
    np = view.readNP(k, last);
    if (!np || k === end + 1) break;
    end = np.last;
  }
  return { speaker: null, start: p, end };
}

/**
 * `he` or `she` at p that the entity stage linked to no one: an anonymous speaker for now, with the
 * pronoun as its words, for the quote stage to resolve (see extractQuotes).
 */
export function unlinkedPronoun(view: ArticleView, p: number): { speaker: null; start: number; end: number } | undefined {
  return ['he', 'she'].includes(view.norm(p)) && view.mentionAt(p) === undefined ? { speaker: null, start: p, end: p } : undefined;
}

/** `master of ceremonies Asab Al-Tabchi`, `Democratic strategist Simon Rosenberg`: a role phrase, then the person's name. */
function namedAfterRole(view: ArticleView, p: number, last: number): { speaker: number; start: number; end: number } | undefined {
  for (let k = p; k <= last && k < p + 7; k++) {
    const t = view.tok(k);
    if (!t) return undefined;
    const m = view.mentionAt(k);
    const e = view.entityAt(k);
    if (m && e !== undefined && m.type !== 'Person' && m.firstToken === k && k > p) {
      // An organisation or country modifying the role (`the presumptive GOP presidential nominee`).
      k = m.lastToken;
      continue;
    }
    if (m && e !== undefined) return m.type === 'Person' && (m.kind === 'name' || m.kind === 'surname') ? { speaker: e, start: p, end: m.lastToken } : undefined;
    // The full stop of a title abbreviation (`said the Rev. Peter Wherry`, `Sen.`), where wink may even end a sentence.
    const prev = view.tok(k - 1);
    if (t.text === '.' && k > p && prev && prev.end === t.start && /^\p{Lu}\p{Ll}{1,3}$/u.test(prev.text)) continue;
    // The comma of an appositive name (`the presumptive GOP presidential nominee, Donald Trump,`).
    if (t.text === ',' && k > p && view.mentionAt(k + 1)?.type === 'Person' && view.mentionAt(k + 1)?.firstToken === k + 1) continue;
    if (!['NOUN', 'ADJ', 'PROPN', 'DET', 'ADP'].includes(t.pos) || (t.pos === 'ADP' && t.normal !== 'of')) return undefined;
  }
  return undefined;
}

/**
 * `Trump unleashed a series of tweets early Friday saying that ...`: a reporting
 * participle with no subject of its own belongs to the subject of the sentence's
 * first verb, when that subject is named and opens the sentence.
 */
export function danglingParticipleSubject(view: ArticleView, first: number, k: number): Subject | undefined {
  return /ing$/.test(view.norm(k)) ? leadSubject(view, first, k) : undefined;
}

/**
 * A reporting verb that shares the sentence's subject: a participle after a comma (`Fiorina
 * backed Sen. Cruz (R-Texas) on Wednesday, saying ...`) or a verb coordinated with the first
 * one (`Clinton stressed her record at a forum and said ...`). Its subject is the named subject
 * opening the sentence, not the nearest noun before it.
 */
export function sharedSubject(view: ArticleView, first: number, k: number): Subject | undefined {
  const prev = view.norm(k - 1);
  const shares = (prev === ',' && /ing$/.test(view.norm(k))) || (prev === 'and' && view.tok(k)?.pos === 'VERB');
  // `X will respond, Lee said Monday, declaring ...`: the participle shares the closing frame's speaker.
  return shares ? (closingFrameSubject(view, first, k) ?? (prev === ',' ? earlierReporter(view, first, k) : undefined) ?? leadSubject(view, first, k)) : undefined;
}

/**
 * The subject of the nearest reporting verb before the participle at k (`..., even a party strategist
 * said Lopez must choose, saying ...`): a named one, an anonymous source, a role or a statement, not the
 * subject of an opening phrase (`Alongside union calls for action, ...`).
 */
function earlierReporter(view: ArticleView, first: number, k: number): Subject | undefined {
  for (let j = k - 2; j >= first; j--) {
    const t = view.tok(j);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    if (t.pos !== 'VERB' || !view.lex.speechVerbs.has(t.lemma) || /ing$/.test(t.normal) || isNominalVerb(view, j)) continue;
    const s = view.subjectOf(j) ?? slotSubject(view, j);
    const head = s?.headLemma ?? '';
    return s && (s.entities.length || view.lex.anonymousHeads.has(head) || view.lex.personRoleNouns.has(head) || view.lex.speechNouns.has(head)) ? s : undefined;
  }
  return undefined;
}

/** The named person subject of a speech verb that closes the clause right before the participle at k (`..., Lee said Monday, declaring`). */
function closingFrameSubject(view: ArticleView, first: number, k: number): Subject | undefined {
  for (let j = k - 2; j >= Math.max(first, k - 5); j--) {
    const t = view.tok(j);
    if (!t || t.normal === ',') return undefined;
    if (t.pos !== 'VERB') continue;
    const s = view.lex.speechVerbs.has(t.lemma) && view.norm(j - 1) !== ',' ? view.subjectOf(j) : undefined;
    return s?.entities.length && view.entityType(s.entities[0] ?? -1) === 'Person' ? s : undefined;
  }
  return undefined;
}

/** The named subject of the sentence's first verb, when it opens the sentence (after an opening adverbial). */
function leadSubject(view: ArticleView, first: number, k: number): Subject | undefined {
  for (let j = first; j < k; j++) {
    const t = view.tok(j);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    // A copula is the first verb too (`Trump was similarly defensive when ..., saying`).
    if (!view.isVerb(j)) continue;
    // Behind an appositive when the nearest phrase names no one (`Dana White, the former mayor, praised`).
    const near = view.subjectOf(j);
    const s = near?.entities.length ? near : (slotSubject(view, j) ?? near);
    // The subject opens the sentence, or follows an opening adverbial (`Later on Sunday, Carson shared ...`).
    const opens = !!s && (s.start <= first + 1 || view.norm(s.start - 1) === ',');
    if (!s?.entities.length || !opens || view.entityType(s.entities[0] ?? -1) === 'Country') return undefined;
    return s;
  }
  return undefined;
}

/** Whether a reporting verb with a named subject stands earlier in the sentence (`Frazier said the amendment was ...`). */
export function hasOuterFrame(view: ArticleView, first: number, k: number): boolean {
  for (let j = k - 1; j >= first; j--) {
    const t = view.tok(j);
    if (!t || CLAUSE_STOP.has(t.normal)) return false;
    if (t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma) && !isNominalVerb(view, j)) {
      const s = view.subjectOf(j) ?? slotSubject(view, j);
      if (s?.entities.length) return true;
    }
  }
  return false;
}

/** The particle token of a phrasal reporting verb at k in `set` (`shot back`, `cut in`, `put it`), or undefined. */
export function phrasalParticle(view: ArticleView, k: number, set: ReadonlySet<string>): number | undefined {
  const t = view.tok(k);
  const p = view.tok(k + 1);
  // `put it` (`as one analyst put it: "..."`) takes a pronoun as its particle.
  return t && p && (p.pos === 'ADP' || p.pos === 'ADV' || p.pos === 'PART' || p.normal === 'it') && (set.has(`${t.lemma} ${p.normal}`) || set.has(`${t.normal} ${p.normal}`)) ? k + 1 : undefined;
}

/** A noun wink tagged as a verb: `made the following comment:`, `a brief statement`. */
export function isNominalVerb(view: ArticleView, k: number): boolean {
  const p = view.tok(k - 1);
  if (!p) return false;
  if ((p.pos === 'DET' || p.pos === 'ADJ') && p.normal !== 'that') return true;
  return view.tok(k - 2)?.pos === 'DET' && /ing$/.test(p.normal);
}

/**
 * `Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told`: a subject
 * that ends in a place or organisation inside `of` phrases after a person is the person's.
 */
export function personOwning(view: ArticleView, subj: Subject | undefined): Subject | undefined {
  const e = subj?.entities[0];
  // A place the entity stage did not type (`Gov. Ann Lee of West Virginia said`) names no one either.
  if (!subj || subj.entities.length > 1 || (e !== undefined && view.entityType(e) === 'Person')) return undefined;
  const m = view.mentionAt(subj.start);
  let k = (m ? m.firstToken : subj.start) - 1;
  for (let n = 0; n < 12 && k >= 0; n++, k--) {
    const t = view.tok(k);
    if (!t) return undefined;
    if (t.normal === 'of') {
      const pm = view.mentionAt(k - 1);
      const pe = view.entityAt(k - 1);
      if (pm && pe !== undefined && pm.type === 'Person' && pm.kind !== 'pronoun' && pm.lastToken === k - 1) return { entities: [pe], start: pm.firstToken, headLemma: undefined };
      continue;
    }
    // Only the words of a name or title phrase may stand between (`the Armenian Patriarchate`).
    if (!['DET', 'PROPN', 'NOUN', 'ADJ'].includes(t.pos) && view.entityAt(k) === undefined) return undefined;
  }
  return undefined;
}

/** `footage of Clinton asking, "..."`, `Trump saying during the debate, "..."`: a person right before a reporting participle. */
export function participleSpeaker(view: ArticleView, v: number): Subject | undefined {
  if (!/ing$/.test(view.norm(v))) return undefined;
  const m = view.mentionAt(v - 1);
  const e = view.entityAt(v - 1);
  if (!m || e === undefined || m.type !== 'Person' || m.lastToken !== v - 1 || view.isPossessiveAfter(v - 1)) return undefined;
  return { entities: [e], start: m.firstToken, headLemma: undefined };
}

const TITLE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'ADP', 'PART', 'NUM']);

/** How many words before a name may be its title (`Peru's envoy to Chile Ana Ruiz`). */
const TITLE_REACH = 6;

/** The capitalised words of tokens a..b other than `skip`, as lower-case words and as `#entity` keys. */
function capitalWords(view: ArticleView, a: number, b: number, skip: number): string[] {
  const out: string[] = [];
  for (let k = a; k <= b; k++) {
    const t = view.tok(k);
    if (!t || k === skip || t.pos === 'DET' || !/^\p{Lu}/u.test(t.text)) continue;
    const e = view.entityAt(k);
    out.push(e !== undefined ? `#${e}` : t.normal.replace(/[’']s$/, ''));
  }
  return out;
}

/** Each article's title words per person, made once: an article may hold many role frames. */
const titleCache = new WeakMap<ArticleView, Map<number, Set<string>>>();

/** The words of a person's titles: their roles, and the words before (and, behind a comma, after) each mention of their name. */
function titleWords(view: ArticleView, entity: number): Set<string> {
  let cache = titleCache.get(view);
  if (!cache) titleCache.set(view, (cache = new Map()));
  const known = cache.get(entity);
  if (known) return known;
  const words = new Set<string>();
  cache.set(entity, words);
  const e = view.entities[entity];
  for (const r of e?.roles ?? []) for (const w of r.toLowerCase().split(/\s+/)) words.add(w);
  for (const i of e?.mentions ?? []) {
    const m = view.mentions[i];
    if (!m || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const [first, last] = view.sentenceBounds(m.firstToken);
    // The title right before the name: nouns, adjectives, names and their particles, no verb.
    let before = m.firstToken;
    while (before > Math.max(first, m.firstToken - TITLE_REACH) && TITLE_POS.has(view.tok(before - 1)?.pos ?? '')) before--;
    const after = view.norm(m.lastToken + 1) === ',' ? Math.min(last, m.lastToken + 1 + TITLE_REACH) : m.lastToken;
    for (const k of [...range(before, m.firstToken - 1), ...range(m.lastToken + 2, after)]) {
      const e2 = view.entityAt(k);
      words.add(e2 !== undefined ? `#${e2}` : view.norm(k).replace(/[’']s$/, ''));
    }
  }
  return words;
}

const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'two', 'three']);

const range = (a: number, b: number): number[] => (b < a ? [] : Array.from({ length: b - a + 1 }, (_, i) => a + i));

/**
 * The person a role description names (tokens first..last, `Peru's envoy to Chile`, `the
 * Irish minister`): the one person of the article whose titles hold its role noun and every
 * capitalised word of it, however far before or after (news leads often name the office first:
 * `Peru's envoy to Chile warned ...`, then `Peru's envoy to Chile Ana Ruiz said`).
 * Failing that, an envoy or spokesperson speaks for the state or organisation the phrase names.
 */
export function describedHolder(view: ArticleView, first: number, last: number): number | undefined {
  let head = -1;
  for (let k = first; k <= last; k++) if (head < 0 && view.lex.personRoleNouns.has(view.norm(k))) head = k;
  if (head < 0) return undefined;
  const role = view.norm(head);
  const words = capitalWords(view, first, last, head);
  let found: number | undefined;
  // `a Republican senator` is someone left unnamed, not the one the article names; `Mr Lee's spokesman` is not Lee.
  const ownedByPerson = range(first, last).some((k) => view.entityType(view.entityAt(k) ?? -1) === 'Person');
  if (words.length && !INDEFINITE.has(view.norm(first)) && !ownedByPerson) {
    for (const e of view.entities) {
      if (e.type !== 'Person') continue;
      const titles = titleWords(view, e.id);
      if (!titles.has(role) || !words.every((w) => titles.has(w))) continue;
      if (found !== undefined) return undefined;
      found = e.id;
    }
  }
  return found ?? spokespersonFor(view, first, head) ?? demonymState(view, first, head);
}

/** `the Russian ambassador`: the state of a demonym before an envoy's or spokesperson's role noun at `head`, when the article names it. */
function demonymState(view: ArticleView, first: number, head: number): number | undefined {
  if (!view.lex.spokespersonHeads.has(view.norm(head))) return undefined;
  for (let k = first; k < head; k++) {
    const country = view.lex.demonyms.get(view.norm(k));
    if (!country || !/^\p{Lu}/u.test(view.tok(k)?.text ?? '')) continue;
    return view.entities.find((e) => e.type === 'Country' && e.name === country)?.id;
  }
  return undefined;
}

/**
 * `Mark Jensen, who said that ...`: a reporting verb opening a relative clause speaks for the person
 * named right before the clause's comma (the parse may take a noun before the name, `a reply from X, who said`).
 */
export function relativeAntecedent(view: ArticleView, v: number): Subject | undefined {
  let k = v - 1;
  while (k > 0 && ['ADV', 'AUX', 'PART'].includes(view.tok(k)?.pos ?? '')) k--;
  if (view.norm(k) !== 'who' || view.norm(k - 1) !== ',') return undefined;
  const m = view.mentionAt(k - 2);
  const e = view.entityAt(k - 2);
  if (!m || e === undefined || m.type !== 'Person' || m.kind === 'pronoun' || m.lastToken !== k - 2) return undefined;
  return { entities: [e], start: m.firstToken, headLemma: undefined };
}

/** The named subject of a reporting verb behind appositives and relative clauses (`Sanders, who sits at zero, said`). */
export function slotSubject(view: ArticleView, v: number): Subject | undefined {
  const ends = speakerSlotEnds(view.ann, v);
  // A person first: in `Ruiz, president of the National Nurses Association, said` the organisation is the appositive's.
  for (const person of [true, false]) {
    for (const e of ends) {
      const m = view.mentionAt(e);
      const id = view.entityAt(e);
      if (m && id !== undefined && m.lastToken === e && (person ? m.type === 'Person' : m.type === 'Organisation') && !view.isPossessiveAfter(e)) {
        const [first] = view.sentenceBounds(e);
        return { entities: [id], start: Math.max(first, m.firstToken), headLemma: undefined };
      }
    }
  }
  return undefined;
}

/**
 * A title speaker whose name the next sentence gives as a bare appositive, the
 * way machine translation splits `a Kremlin spokesman, Dmitry Peskov, said`:
 * `... a Kremlin spokesman confirmed. Dmitry Peskov, citing Russian agencies.`
 */
export function namedAfter(view: ArticleView, end: number): number | undefined {
  const t = view.tok(end);
  if (!t) return undefined;
  const sent = view.ann.sentences[t.sentence];
  const next = view.ann.sentences[t.sentence + 1];
  if (!sent || !next || next.paragraph !== sent.paragraph) return undefined;
  const m = view.mentionAt(next.firstToken);
  const e = view.entityAt(next.firstToken);
  if (!m || e === undefined || m.type !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname') || view.tok(m.lastToken + 1)?.text !== ',') return undefined;
  // A fragment: no finite verb of its own (`Dmitry Peskov, citing Russian agencies.`), else it is a new statement.
  for (let k = m.lastToken + 2; k <= next.lastToken; k++) {
    const n = view.tok(k);
    if (n && n.pos === 'VERB' && !/ing$/.test(n.normal)) return undefined;
  }
  return e;
}

/**
 * The person named right before a role subject, as its appositive with the closing comma left out
 * (`John Smith, Labour health spokesman said`): a person's name ending at the comma before `start`
 * and opening its clause.
 */
export function namedBefore(view: ArticleView, start: number): number | undefined {
  if (view.norm(start - 1) !== ',') return undefined;
  const m = view.mentionAt(start - 2);
  const e = view.entityAt(start - 2);
  if (!m || e === undefined || m.type !== 'Person' || m.lastToken !== start - 2 || (m.kind !== 'name' && m.kind !== 'surname')) return undefined;
  const [first] = view.sentenceBounds(start);
  const before = view.tok(m.firstToken - 1);
  return m.firstToken === first || (before && (before.pos === 'CCONJ' || before.text === ',')) ? e : undefined;
}

export function addresseeAfter(view: ArticleView, v: number, last: number): Pick<Attribution, 'addressee' | 'audience'> {
  if (view.tok(v)?.lemma !== 'tell') return {};
  const np = view.readNP(v + 1, last);
  if (!np) return {};
  const e = view.npEntities(np, false)[0];
  if (e !== undefined) return { addressee: e };
  const a = view.tok(np.first);
  const b = view.tok(np.last);
  const phrase = a && b ? view.text.slice(a.start, b.end) : '';
  return phrase && view.lex.audienceNouns.has(phrase.toLowerCase()) ? { audience: phrase } : np.headLemma && view.lex.audienceNouns.has(np.headLemma) ? { audience: phrase } : {};
}

export const DASHES = new Set(['―', '—', '–', '-', '--']);

/**
 * Skips what may sit between a speaker and the reporting verb: a party tag
 * `(D-Wis.)` and up to two comma-delimited appositives (`Dana Cole, the
 * attorney general of Utah, said`). Returns the next token.
 */
export function skipAsides(view: ArticleView, p: number, last: number): number {
  let v = p;
  for (let round = 0; round < 3 && v <= last; round++) {
    if (view.norm(v) === '(') {
      let k = v + 1;
      while (k <= last && k < v + 8 && view.norm(k) !== ')') k++;
      if (view.norm(k) !== ')') return v;
      v = k + 1;
      continue;
    }
    if (view.norm(v) === ',') {
      let k = v + 1;
      while (k <= last && k < v + 16 && view.norm(k) !== ',' && !isQuoteMark(view.tok(k)?.text ?? '') && view.tok(k)?.pos !== 'VERB') k++;
      if (view.norm(k) !== ',') return v;
      v = k + 1;
      continue;
    }
    break;
  }
  return v;
}

/** The organisation or state named by a mention ending between tokens a and b, reading back over a noun phrase's modifiers. */
function orgModifier(view: ArticleView, a: number, b: number): number | undefined {
  for (let k = b; k >= a; k--) {
    const m = view.mentionAt(k);
    const e = view.entityAt(k);
    if (m && e !== undefined && m.kind !== 'pronoun') return m.type === 'Organisation' || m.type === 'Country' ? e : undefined;
    const t = view.tok(k);
    if (!t || !['DET', 'ADJ', 'NOUN', 'PROPN', 'PART'].includes(t.pos)) return undefined;
  }
  return undefined;
}

/**
 * The organisation or state an unnamed spokesperson (the phrase from `first` to its head at `head`)
 * speaks for: the one the phrase names (`a Kremlin spokesman`, `the State Department's spokeswoman`),
 * else, for a bare `the spokeswoman`, the one named with the same head in the last few sentences.
 */
function spokespersonFor(view: ArticleView, first: number, head: number): number | undefined {
  const h = view.tok(head);
  if (!h || !view.lex.spokespersonHeads.has(h.normal)) return undefined;
  const own = orgModifier(view, first, head - 1);
  if (own !== undefined || view.norm(first) !== 'the' || head !== first + 1) return own;
  for (let k = first - 1; k >= 0; k--) {
    const t = view.tok(k);
    if (!t || h.sentence - t.sentence > 8) return undefined;
    if (t.normal === h.normal) {
      const earlier = orgModifier(view, Math.max(0, k - 5), k - 1);
      if (earlier !== undefined) return earlier;
    }
  }
  return undefined;
}

/** `spokespersonFor` for a subject phrase: its head is the first token from `start` with the subject's head lemma. */
export function spokespersonSubject(view: ArticleView, subj: Subject, verb: number): number | undefined {
  if (!subj.headLemma || !view.lex.spokespersonHeads.has(subj.headLemma)) return undefined;
  for (let k = subj.start; k < verb; k++) if (view.tok(k)?.lemma === subj.headLemma || view.norm(k) === subj.headLemma) return spokespersonFor(view, subj.start, k);
  return undefined;
}

/**
 * The owner of a speech noun that is a reporting verb's subject (`Lopez's letter said`, `the
 * ministry's statement read`): the owner speaks through it.
 */
export function statementOwner(view: ArticleView, subj: Subject, verb: number): number | undefined {
  if (!subj.headLemma || !view.lex.speechNouns.has(subj.headLemma)) return undefined;
  for (let k = subj.start; k < verb; k++) if (view.tok(k)?.lemma === subj.headLemma || view.norm(k) === subj.headLemma) return view.readNP(subj.start, k)?.owner;
  return undefined;
}
