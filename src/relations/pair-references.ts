/**
 * Plural descriptions that take up two parties named just before: after
 * `Joe Biden and Vladimir Putin spoke`, `the two leaders` are both of them;
 * after `talks between Israel and Hamas`, `both sides` are Israel and Hamas.
 * The nouns are the rows of data/lexicons/org-anaphors.tsv marked `@pair`
 * (`@person`: two people; `@country`: two states, which may be named through
 * their leaders; neither: two people or two states or bodies). Only a pair
 * named as a pair counts (`X and Y`, `between X and Y`, `X met Y`), in the
 * nearest of the last few sentences that names one, and only when that
 * sentence names no other pair: an antecedent that is not sure is left out.
 */
import type { Mention } from '../types.js';
import type { NounPhrase, NounPhraseView } from './noun-phrase-view.js';

/** What a pair noun may stand for. */
type PairKind = 'person' | 'country' | 'any';

/** Marker words of the pair rows in org-anaphors.tsv. */
const PAIR_MARK = '@pair';

/** How many sentences before the description a pair may be named in. */
const WINDOW = 3;

/** Words a pair noun stands after: `the two leaders`, `both sides`, `both the countries`. */
const PAIR_DETERMINERS: readonly (readonly string[])[] = [['the', 'two'], ['both', 'the'], ['both']];

/** The pair nouns of the org-anaphor lexicon (plural forms as written) and what each stands for. */
const kindCache = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, PairKind>>();
function pairNouns(lexicon: ReadonlyMap<string, readonly string[]>): ReadonlyMap<string, PairKind> {
  let out = kindCache.get(lexicon);
  if (out) return out;
  out = new Map();
  for (const [noun, words] of lexicon) {
    if (!words.includes(PAIR_MARK)) continue;
    out.set(noun, words.includes('@person') ? 'person' : words.includes('@country') ? 'country' : 'any');
  }
  kindCache.set(lexicon, out);
  return out;
}

/** The two entities a plain plural phrase (`the two leaders`, `both sides`) takes up, if the article names such a pair just before it. */
export function pairReference(view: NounPhraseView, np: NounPhrase): number[] | undefined {
  if (np.heads.length || np.owner !== undefined || np.appositive !== undefined || np.complement.length) return undefined;
  const kind = pairNouns(view.lex.orgAnaphors).get(view.norm(np.last));
  if (!kind || !opensPair(view, np.first, np.last)) return undefined;
  const start = view.tok(np.first);
  if (!start) return undefined;
  // Parties of the kind named in the sentences between the pair and the description (`Blinken spoke
  // to Zelensky` after `Biden and Putin`) leave it unclear which two are meant; the description's own
  // sentence names the other party of its act (`Gibson urged the two men`).
  const named = new Set<number>();
  for (let s = start.sentence; s >= 0 && start.sentence - s <= WINDOW; s--) {
    const { pairs, after } = namedPairs(view, s, start.start, kind);
    if (s !== start.sentence) after.forEach((e) => named.add(e));
    if (pairs.length === 0) continue;
    const keys = new Set(pairs.map((p) => [...p].sort((a, b) => a - b).join(',')));
    const pair = pairs[pairs.length - 1];
    if (keys.size !== 1 || !pair) return undefined;
    return [...named].every((e) => pair.includes(e)) ? pair : undefined;
  }
  return undefined;
}

/** Whether the words from `first` up to the noun at `last` are a pair determiner, perhaps with lower-case adjectives (`the two Asian neighbours` is not read). */
function opensPair(view: NounPhraseView, first: number, last: number): boolean {
  return PAIR_DETERMINERS.some((det) => {
    if (!det.every((w, k) => view.norm(first + k) === w)) return false;
    for (let k = first + det.length; k < last; k++) {
      const t = view.tok(k);
      if (!t || t.pos !== 'ADJ' || !/^[a-z]/.test(t.text)) return false;
    }
    return true;
  });
}

/**
 * The pairs of entities of the kind named as a pair in sentence `s` before offset `before`, and
 * the parties of the kind (as `fitting` reads them) named after the last pair's start (all of the
 * sentence's when it names no pair).
 */
function namedPairs(view: NounPhraseView, s: number, before: number, kind: PairKind): { pairs: number[][]; after: number[] } {
  const named: { m: Mention; e: number }[] = [];
  view.mentions.forEach((m, k) => {
    const e = view.mentionEntity.get(k);
    if (e !== undefined && m.kind !== 'pronoun' && m.sentence === s && m.end <= before) named.push({ m, e });
  });
  named.sort((a, b) => a.m.start - b.m.start);
  const pairs = pairsIn(view, named, kind);
  const from = pairs.length ? (pairs[pairs.length - 1]?.start ?? 0) : -1;
  const after = named.filter((x) => x.m.start >= from && partyOfKind(view, x.e, kind)).map((x) => stateOf(view, x.e, kind) ?? x.e);
  return { pairs: pairs.map((p) => p.pair), after };
}

/** Whether an entity is a party of the kind (a person for people; a state or body otherwise). */
function partyOfKind(view: NounPhraseView, e: number, kind: PairKind): boolean {
  const t = view.entityType(e);
  return kind === 'person' ? t === 'Person' : kind === 'country' ? t === 'Country' : true;
}

/** For two states, the state a person acts for (see `fitting`). */
function stateOf(view: NounPhraseView, e: number, kind: PairKind): number | undefined {
  return kind === 'country' && view.entityType(e) === 'Person' ? view.affiliationsOf(e).find((x) => view.entityType(x) === 'Country') : undefined;
}

/** The pairs named in one sentence's mentions (text order), each with the offset it starts at. */
function pairsIn(view: NounPhraseView, named: readonly { m: Mention; e: number }[], kind: PairKind): { pair: number[]; start: number }[] {
  const out: { pair: number[]; start: number }[] = [];
  for (let a = 0; a < named.length; a++) {
    for (let b = a + 1; b < named.length; b++) {
      const x = named[a];
      const y = named[b];
      if (!x || !y || x.e === y.e) continue;
      if (!joinedAsPair(view, x.m.lastToken, y.m.firstToken)) continue;
      const pair = fitting(view, x.e, y.e, kind);
      if (pair && !inLongerList(view, x.m.firstToken, y.m.lastToken)) out.push({ pair, start: x.m.start });
    }
  }
  return out;
}

/** The two entities as the kind wants them: people as such; for states, people by the state they act for. */
function fitting(view: NounPhraseView, a: number, b: number, kind: PairKind): number[] | undefined {
  const ta = view.entityType(a);
  const tb = view.entityType(b);
  if (kind === 'person') return ta === 'Person' && tb === 'Person' ? [a, b] : undefined;
  if (kind === 'any') return (ta === 'Person') === (tb === 'Person') ? [a, b] : undefined;
  const state = (e: number, t: string | undefined): number | undefined => (t === 'Country' ? e : t === 'Person' ? view.affiliationsOf(e).find((x) => view.entityType(x) === 'Country') : undefined);
  const sa = state(a, ta);
  const sb = state(b, tb);
  return sa !== undefined && sb !== undefined && sa !== sb && (ta === 'Person') === (tb === 'Person') ? [sa, sb] : undefined;
}

/**
 * Whether the words between two names join them as a pair: one `and` with title words and
 * names of states or bodies around it (`Joe Biden and Russian President Vladimir Putin`), or a
 * meeting verb (`Biden met Putin`, `Biden spoke with Putin`, `Biden hosted Putin`).
 */
function joinedAsPair(view: NounPhraseView, aLast: number, bFirst: number): boolean {
  if (bFirst - aLast > 8) return false;
  let coordinators = 0;
  let meeting = 0;
  for (let k = aLast + 1; k < bFirst; k++) {
    const t = view.tok(k);
    if (!t) return false;
    if (view.isCoord(k) && t.normal === 'and') coordinators++;
    else if (t.pos === 'VERB' && meetingVerb(view, t.lemma)) meeting++;
    else if (!(titleWord(view, k) || ((t.pos === 'AUX' || t.pos === 'ADV') && meeting === 0) || (meeting > 0 && (t.normal === 'with' || t.normal === 'to')))) return false;
  }
  return coordinators + meeting === 1;
}

/** A word that may stand between a pair's names: a determiner, a capitalised title word, or part of a state's or body's name. */
function titleWord(view: NounPhraseView, k: number): boolean {
  const t = view.tok(k);
  if (!t) return false;
  if (t.pos === 'DET') return true;
  if (view.entityAt(k) !== undefined) return view.entityType(view.entityAt(k) ?? -1) !== 'Person';
  return /^[A-Z]/.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ');
}

/** Whether a verb lemma is the trigger of a meeting rule (`meet`, `host`, `phone`). */
function meetingVerb(view: NounPhraseView, lemma: string): boolean {
  return view.lex.verbs.get(lemma)?.some((r) => r.type === 'SPOKE_WITH' && r.words.length === 1) ?? false;
}

/** Whether the pair from `first` to `last` is part of a longer list (`X, Y and Z`; `X and Y and Z`). */
function inLongerList(view: NounPhraseView, first: number, last: number): boolean {
  let k = first - 1;
  while (k >= 0 && view.entityAt(k) === undefined && titleWord(view, k)) k--;
  if ((view.norm(k) === ',' || view.norm(k) === 'and') && view.entityAt(k - 1) !== undefined) return true;
  const sep = view.norm(last + 1);
  if (sep !== ',' && sep !== 'and') return false;
  for (let j = last + 2; j <= last + 5; j++) {
    if (view.entityAt(j) !== undefined) return true;
    if (!titleWord(view, j)) return false;
  }
  return false;
}

/**
 * `Germany and France signed a deal. They urged Russia to withdraw.`: `they` opening a sentence
 * right after one whose subject is a named pair (`X and Y`, `X met Y` at its start) is that pair.
 */
export function pairPronoun(view: NounPhraseView, i: number): number[] | undefined {
  const t = view.tok(i);
  if (!t || t.normal !== 'they' || view.entityAt(i) !== undefined) return undefined;
  const [first] = view.sentenceBounds(i);
  if (first !== i || i === 0) return undefined;
  const [prevFirst] = view.sentenceBounds(i - 1);
  const prev = view.tok(prevFirst);
  if (!prev || prev.sentence !== t.sentence - 1) return undefined;
  const named: { m: Mention; e: number }[] = [];
  view.mentions.forEach((m, k) => {
    const e = view.mentionEntity.get(k);
    if (e !== undefined && m.kind !== 'pronoun' && m.sentence === prev.sentence) named.push({ m, e });
  });
  named.sort((a, b) => a.m.start - b.m.start);
  const pairs = pairsIn(view, named, 'any');
  const pair = pairs[0];
  if (pairs.length !== 1 || !pair) return undefined;
  // The pair opens the sentence (over a determiner and title words): it is its subject.
  let k = named.find((x) => x.m.start === pair.start)?.m.firstToken ?? -1;
  while (k > prevFirst && titleWord(view, k - 1) && view.entityAt(k - 1) === undefined) k--;
  return k === prevFirst ? pair.pair : undefined;
}
