/**
 * `The government demanded ...`, `the administration urged ...`: a bare definite
 * government noun as a clause subject stands for a state the article has just
 * tied it to. News uses it for the state whose side the preceding sentences
 * tell: the subject of the nearest earlier clause names that state, acts for
 * it (a minister of it) or is owned by it (`Ukraine's foreign ministry`).
 */
import type { ArticleView, Subject } from './article-view.js';
import { phraseKey } from '../extract/entity-lexicon.js';

/** Heads of a body that stands for the whole state (`the government`, `the authorities`); not `side` or `leadership`, which a party or army has too. */
const STATE_BODIES: ReadonlySet<string> = new Set(['government', 'administration', 'regime', 'authorities', 'cabinet']);

/**
 * A ministry unnamed (`the foreign ministry said`): a named one is an organisation of its own,
 * which the org anaphors take up first; one the article does not name acts for its state.
 */
const MINISTRIES: ReadonlySet<string> = new Set(['ministry']);

/** `the government`, and `its`/`his`/`her`/`their government`, whose owner the same clause subjects before name. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'its', 'his', 'her', 'their']);

/** Descriptions of the state itself as a possessor (`the country's government`). */
const STATE_WORDS: ReadonlySet<string> = new Set(['country', 'nation']);
const POSSESSIVE_S: ReadonlySet<string> = new Set(["'s", '’s']);

/** How many sentences before the subject's own are read for the state. */
const LOOKBACK_SENTENCES = 2;

/**
 * The state a bare `the government` subject (head `STATE_BODIES`, only `the` or a possessive
 * pronoun, or `the country's`, and lower-case adjectives before it: `the new government`, `its
 * government`, `the nation's authorities`) stands for: the one country the nearest earlier
 * clause subject names or acts for, in the sentence or the two before it; none when that subject
 * ties it to two countries or to none that the article names as an entity.
 */
export function bodyOfState(view: ArticleView, s: Subject, v: number): number[] {
  if (s.entities.length || !DETERMINERS.has(view.norm(s.start))) return [];
  const [first] = view.sentenceBounds(v);
  const chain = view.chainStart(v, first);
  // `the country's government`, `the nation's authorities`: the same state, named by a description.
  const described = STATE_WORDS.has(view.norm(s.start + 1)) && POSSESSIVE_S.has(view.norm(s.start + 2)) && view.norm(s.start) === 'the';
  const head = view.tok(chain - 1);
  // The plural `authorities` only: `the authority` is a named body's short form (`the port authority`).
  if (!head || !(STATE_BODIES.has(head.normal) || MINISTRIES.has(head.normal)) || view.entityAt(chain - 1) !== undefined) return [];
  for (let k = described ? s.start + 3 : s.start + 1; k < chain - 1; k++) {
    const t = view.tok(k);
    // A ministry's field may be a noun (`the defence ministry`, `the finance ministry`).
    const modifier = t?.pos === 'ADJ' || (t?.pos === 'NOUN' && MINISTRIES.has(head.normal));
    if (!t || !modifier || !/^[a-z]/.test(t.text)) return [];
  }
  const sentence = view.tok(v)?.sentence ?? 0;
  for (let k = s.start - 1; k >= 0; k--) {
    const t = view.tok(k);
    if (!t || sentence - t.sentence > LOOKBACK_SENTENCES) break;
    // A copula is a clause's verb too (`Washington is angry. The administration ...`).
    const copula = t.pos === 'AUX' && t.lemma === 'be' && !['VERB', 'AUX'].includes(view.tok(k + 1)?.pos ?? '');
    if (t.pos !== 'VERB' && !copula) continue;
    const states = subjectStates(view, k);
    // A subject naming two states leaves it open; one naming no state leaves the dateline's.
    if (states?.length === 1) return states;
    if (states?.length) return [];
    if (states) break;
  }
  const dateline = datelineState(view);
  return dateline && dateline.end <= (view.tok(s.start)?.start ?? 0) ? [dateline.state] : [];
}

/** How far into the text a dateline is looked for (a headline and a byline may come first). */
const DATELINE_HEAD_CHARS = 600;
const PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?:[ \t]\p{Lu}[\p{L}.'’-]*){0,3}`;
/** `MOSCOW (Reuters) -`, `SEOUL, March 3 (Yonhap) --`, `Seoul, South Korea, Jan. 5 —`, `KABUL —`: a line's opening place, a date or region, an agency, a dash. */
const DATELINE = new RegExp(String.raw`^[ \t]*(${PLACE})(?:,[ \t]+[^\n()–—-]{1,40}?)?[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:--|[-–—])[ \t]`, 'mu');

const datelines = new WeakMap<ArticleView, { state: number; end: number } | null>();

/**
 * The state of the article's dateline place (a capital, or a populous city only one state has),
 * when the article names that state as an entity, and where the dateline ends; wire copy's
 * `the government` is the host state's when no sentence before names one.
 */
function datelineState(view: ArticleView): { state: number; end: number } | null {
  const known = datelines.get(view);
  if (known !== undefined) return known;
  const m = DATELINE.exec(view.text.slice(0, DATELINE_HEAD_CHARS));
  const country = m?.[1] ? view.lex.datelinePlaces.get(phraseKey(m[1])) : undefined;
  const state = view.entityNamed(country);
  const found = m && state !== undefined && view.entityType(state) === 'Country' ? { state, end: m.index + m[0].length } : null;
  datelines.set(view, found);
  return found;
}

/**
 * The countries the subject of verb k names or acts for: its country entities, the countries its
 * people act for, and the countries and demonyms in its phrase (`Afghanistan's security council`,
 * `the Ukrainian foreign ministry`, `President X of Ukraine`); undefined when the subject names
 * neither an entity nor a country.
 */
function subjectStates(view: ArticleView, k: number): number[] | undefined {
  const subject = view.subjectOf(k);
  if (!subject) return undefined;
  const [first] = view.sentenceBounds(k);
  const end = view.chainStart(k, first) - 1;
  const out = new Set<number>();
  for (const e of subject.entities) {
    const type = view.entityType(e);
    if (type === 'Country') out.add(e);
    else if (type === 'Person') for (const a of view.affiliationsOf(e)) if (view.entityType(a) === 'Country') out.add(a);
  }
  // The subject may start after its possessor (`Afghanistan's National Security Council` read from `National`).
  const from = view.isPossessiveAfter(subject.start - 2) ? subject.start - 2 : subject.start;
  // Only the subject's own phrase: an inherited subject (`X accused Y of torturing and murdering`) lies far before the verb.
  let last = view.readNP(subject.start, end)?.last ?? subject.start;
  // `President X of Ukraine`: a person's `of` complement names the state.
  if (view.norm(last + 1) === 'of') last = view.readNP(last + 2, end)?.last ?? last;
  for (let j = from; j <= last; j++) {
    // A country word inside a body's name (`Afghanistan's National Security Council` as one name) counts too.
    for (const e of [view.entityAt(j), view.demonymEntity(j), /^[A-Z]/.test(view.tok(j)?.text ?? '') ? view.entityNamed(view.tok(j)?.text) : undefined]) {
      if (e !== undefined && view.entityType(e) === 'Country') out.add(e);
    }
  }
  return out.size || subject.entities.length ? [...out] : undefined;
}
