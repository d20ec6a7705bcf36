/**
 * Attributors that read what stands before a quotation's opening mark: a
 * transcript label or a name with a colon, a reporting verb, `according
 * to`, a speech noun with an owner, a subject right before the quotation, a
 * clause ending in a colon, and the subject of the clause that holds a
 * mixed quotation.
 */
import { isQuoteMark, type ArticleView, type Subject } from '../article-view.js';
import {
  addresseeAfter,
  anonymousWords,
  CLAUSE_STOP,
  COLON_CLAUSE_BREAK,
  hasOuterFrame,
  isNominalVerb,
  danglingParticipleSubject,
  describedHolder,
  namedAfter,
  namedBefore,
  participleSpeaker,
  relativeAntecedent,
  personOwning,
  phrasalParticle,
  phraseStart,
  sharedSubject,
  slotSubject,
  speakerNP,
  speakerToken,
  spokespersonSubject,
  statementOwner,
  type Attribution,
} from './speaker-phrase.js';
import { SUBORDINATORS } from '../../text/subordinators.js';

/** A transcript label opening the quotation: `"WALLACE: ..."`. */
export function transcriptLabel(view: ArticleView, o: number): Attribution | undefined {
  const inside = view.mentionAt(o + 1);
  const ie = view.entityAt(o + 1);
  if (inside && ie !== undefined && inside.type === 'Person' && inside.firstToken === o + 1 && view.norm(inside.lastToken + 1) === ':') return { speaker: ie, cue: ':', confidence: 0.8, rule: 'quote.transcript-label' };
  return undefined;
}

/** A name and a colon before the quotation: `Ellis: "..."`, `Said Ellis: "..."`. */
export function nameColon(view: ArticleView, o: number): Attribution | undefined {
  if (view.norm(o - 1) === ':') {
    const m = view.mentionAt(o - 2);
    const e = view.entityAt(o - 2);
    if (m && e !== undefined && m.type !== 'Country') {
      const [first] = view.sentenceBounds(o - 2);
      const before = view.tok(m.firstToken - 1);
      // The name opens its clause (`Ellis:`, `Said Ellis:`, `Limbaugh added:` is a verb frame, handled elsewhere).
      // A verb before the name opens the clause itself (`Said Ellis:`); after a subject it is a frame whose name is its addressee (`Howard told Radio Tees:`).
      const saidName = !!before && view.lex.afterQuoteVerbs.has(before.lemma) && (m.firstToken - 1 === first || view.norm(m.firstToken - 2) === ',');
      if (m.firstToken === first || saidName || (before && isQuoteMark(before.text) && m.firstToken - 1 === first)) return { speaker: e, cue: ':', confidence: 0.75, rule: 'quote.name-colon' };
    }
  }
  return undefined;
}

/**
 * A reporting cue before the opening mark in its sentence: the nearest
 * speech verb (its subject; skipping reported future speech such as
 * `will say`), `according to X`, or a speech noun with an owner
 * (`Biden's remarks`).
 */
export function frameBefore(view: ArticleView, o: number, short: boolean, from?: number): Attribution | undefined {
  const first = from ?? view.sentenceBounds(o)[0];
  // Past a `but` only a reporting verb whose clause the `but` continues may frame the quotation.
  let pastBut = false;
  for (let k = o - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t) break;
    if (CLAUSE_STOP.has(t.normal)) {
      if (pastBut || !continuesReport(view, k, o)) break;
      pastBut = true;
      continue;
    }
    if (pastBut) {
      if (t.pos === 'VERB' && view.lex.afterQuoteVerbs.has(t.lemma)) {
        const found = speechVerbFrame(view, k, o, first, short);
        if (found) return found;
      }
      continue;
    }
    const found = accordingTo(view, k, o) ?? speechVerbFrame(view, k, o, first, short) ?? speechNounOwner(view, k, o, first);
    if (found) return found;
  }
  return undefined;
}

/**
 * `X told reporters that talks were useful, but a deal "is still far off"`: a `but` at token k
 * coordinates a second reported clause whose subject is a thing, not another speaker: no person,
 * organisation, pronoun or anonymous source stands between it and the quotation.
 */
function continuesReport(view: ArticleView, k: number, o: number): boolean {
  if (view.norm(k) !== 'but' || view.norm(k - 1) !== ',') return false;
  for (let j = k + 1; j < o; j++) {
    const t = view.tok(j);
    if (!t || t.pos === 'PRON' || view.entityAt(j) !== undefined || view.lex.anonymousHeads.has(t.lemma) || view.lex.anonymousHeads.has(t.normal)) return false;
  }
  return true;
}

/** `according to X` at token k, X being a speaker phrase before the quotation. */
function accordingTo(view: ArticleView, k: number, o: number): Attribution | undefined {
  if (view.norm(k) !== 'according' || view.norm(k + 1) !== 'to') return undefined;
  const s = speakerNP(view, k + 2, o - 1);
  return s ? { speaker: s.speaker, cue: 'according to', confidence: 0.85, rule: 'quote.according-to', ...anonymousWords(view, s.speaker, s.start, s.end) } : undefined;
}

/**
 * A speech verb at token k that frames the quotation: its subject is the
 * speaker. None when the verb is embedded (an infinitive, a relative clause)
 * with no named subject, reports future or hypothetical speech, has no subject,
 * or has a subject that names no one while an earlier frame may own the quote.
 */
function speechVerbFrame(view: ArticleView, k: number, o: number, first: number, short: boolean): Attribution | undefined {
  const t = view.tok(k);
  const lex = view.lex;
  if (!t || !isVerbAt(view, k)) return undefined;
  // `made the following comment:` is a noun wink tagged as a verb.
  if (isNominalVerb(view, k) || !reportsQuote(view, k, o, short)) return undefined;
  // An infinitive or a relative clause is not the frame (`used this question to demand`, `Republicans who refused to rule out`).
  const before = view.norm(k - 1) === 'not' || view.tok(k - 1)?.pos === 'ADV' ? view.norm(k - 2) : view.norm(k - 1);
  const embedded = before === 'to' || before === 'who' || before === 'which';
  const agent = passiveAgent(view, k, o);
  if (agent) return { speaker: agent.speaker, cue: t.text, confidence: 0.8, rule: 'quote.frame-before', ...anonymousWords(view, agent.speaker, agent.start, agent.end) };
  const found = participleSpeaker(view, k) ?? relativeAntecedent(view, k) ?? sharedSubject(view, first, k) ?? view.subjectOf(k);
  const subj = personOwning(view, found) ?? (found?.entities.length ? found : (slotSubject(view, k) ?? danglingParticipleSubject(view, first, k) ?? found));
  if (embedded && !subj?.entities.length) return undefined;
  const mod = view.modalityOf(k, subj?.start ?? k);
  if (mod === 'future' || mod === 'hypothetical') return undefined;
  // No subject (`it underscores that ...`, a participle): an earlier frame may still own the quote (`She says it underscores`).
  if (!subj) return undefined;
  const anonymous = !!subj.headLemma && lex.anonymousHeads.has(subj.headLemma);
  // A subject that names no one and is no anonymous source (`the amendment was a gesture intended to`): look further back.
  if (!subj.entities.length && !anonymous && k > first && hasOuterFrame(view, first, k)) return undefined;
  const from = phraseStart(view, subj.start);
  const { speaker, described } = subjectSpeaker(view, subj, from, k, anonymous);
  const [, last] = view.sentenceBounds(k);
  const at = speakerToken(view, subj.start, k, speaker);
  // A subject shared with an earlier verb (`a strategist said ..., saying`) ends before that verb.
  let end = subj.start;
  while (end < k - 1 && !view.isVerb(end + 1)) end++;
  return { speaker, cue: t.text, confidence: short ? 0.7 : 0.85, rule: 'quote.frame-before', ...addresseeAfter(view, k, Math.min(last, o)), ...(at !== undefined ? { speakerAt: at } : {}), ...anonymousWords(view, speaker === described ? null : speaker, from, end) };
}

/** How far after a quotation's closing mark the `by` of a passive frame may stand. */
const AGENT_REACH = 3;

/**
 * The agent of a passive reporting verb at k, the speaker of the quotation opening at o: `was
 * described as a "farce" by the league`, `was branded by X as "..."`. The `by` right after the
 * quotation belongs to it (`as unfair by X and as a "farce" by Y` is Y's); else one between verb and quotation.
 */
function passiveAgent(view: ArticleView, k: number, o: number): { speaker: number | null; start: number; end: number } | undefined {
  const t = view.tok(k);
  let a = k - 1;
  while (view.tok(a)?.pos === 'ADV') a--;
  if (!t || t.normal === t.lemma || !/ed$|en$/.test(t.normal) || view.tok(a)?.lemma !== 'be') return undefined;
  const [, last] = view.sentenceBounds(o);
  let c = o + 1;
  while (c <= last && !isQuoteMark(view.tok(c)?.text ?? '')) c++;
  // Coordinated quotations share the agent (`as "rash" and "outrageous" by X`).
  while (['and', 'or', ','].includes(view.norm(c + 1)) && isQuoteMark(view.tok(c + 2)?.text ?? '')) {
    c += 3;
    while (c <= last && !isQuoteMark(view.tok(c)?.text ?? '')) c++;
  }
  for (let j = c + 1; j <= Math.min(last, c + AGENT_REACH); j++) {
    if (view.norm(j) === 'by') return speakerNP(view, j + 1, last);
    if (view.tok(j)?.pos !== 'PUNCT') break;
  }
  for (let j = k + 1; j < o; j++) if (view.norm(j) === 'by') return speakerNP(view, j + 1, o - 1);
  return undefined;
}

/**
 * Who a reporting verb's subject (from token `from`) names: its entity; for an anonymous source, a name
 * beside it or the organisation it speaks for; the person a role description names (`described`); the
 * owner of a statement; else no one (null).
 */
function subjectSpeaker(view: ArticleView, subj: Subject, from: number, k: number, anonymous: boolean): { speaker: number | null; described: number | undefined } {
  if (subj.entities[0] !== undefined) return { speaker: subj.entities[0], described: undefined };
  const source = anonymous ? (namedBefore(view, from) ?? namedAfter(view, k) ?? spokespersonSubject(view, subj, k)) : undefined;
  const described = source === undefined ? describedHolder(view, from, k - 1) : undefined;
  return { speaker: source ?? described ?? statementOwner(view, subj, k) ?? null, described };
}

/** Whether the verb at k reports speech: a speech verb (phrasal too), or a verb that follows quotes leading into this one. */
function reportsQuote(view: ArticleView, k: number, o: number, short: boolean): boolean {
  const lemma = view.tok(k)?.lemma ?? '';
  const particle = phrasalParticle(view, k, view.lex.speechVerbs);
  return view.lex.speechVerbs.has(lemma) || particle !== undefined || (view.lex.afterQuoteVerbs.has(lemma) && leadsInto(view, k, o, short));
}

/** A verb, or a reporting verb the tagger read as a noun (see isVerbTaggedNoun, `Lopez shot back`). */
function isVerbAt(view: ArticleView, k: number): boolean {
  const t = view.tok(k);
  return t?.pos === 'VERB' || isVerbTaggedNoun(view, k) || (t?.pos === 'NOUN' && phrasalParticle(view, k, view.lex.speechVerbs) !== undefined);
}

/**
 * `The Daily Planet reports that`, `The report states that`: a speech verb in -s the tagger read as a
 * plural noun, between a noun phrase and `that`.
 */
function isVerbTaggedNoun(view: ArticleView, k: number): boolean {
  const t = view.tok(k);
  const prev = view.tok(k - 1);
  return !!t && !!prev && t.pos === 'NOUN' && /s$/.test(t.normal) && view.lex.speechVerbs.has(t.lemma) && view.norm(k + 1) === 'that' && (prev.pos === 'PROPN' || prev.pos === 'NOUN');
}

/**
 * `Caddell continued: "..."`, `she went on, "..."`: a verb that follows quotes also leads into one;
 * so does one with only an adverbial phrase before a whole quoted sentence (`quipped at the dinner "..."`).
 */
function leadsInto(view: ArticleView, k: number, o: number, short: boolean): boolean {
  return [':', ','].includes(view.norm(k + 1)) || isQuoteMark(view.tok(k + 1)?.text ?? '') || (!short && adverbialOnly(view, k + 1, o));
}

/** How many words an adverbial phrase between a reporting verb and its quotation may have. */
const ADVERBIAL_MAX = 8;
const ADVERBIAL_POS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV']);

/** Whether tokens a..b-1 are a short phrase of prepositions, nouns and adverbs (`in an interview on Monday`), opening with a preposition or adverb. */
function adverbialOnly(view: ArticleView, a: number, b: number): boolean {
  if (b - a < 1 || b - a > ADVERBIAL_MAX || !['ADP', 'ADV'].includes(view.tok(a)?.pos ?? '')) return false;
  for (let k = a; k < b; k++) if (!ADVERBIAL_POS.has(view.tok(k)?.pos ?? '') || view.norm(k) === 'that') return false;
  return true;
}

/**
 * A speech noun at token k whose content is the quotation (`Kos's remarks about a "..."`, not
 * words in a clause of its own: `Kos's declaration of the capital helped to "..."`): its owner speaks.
 */
function speechNounOwner(view: ArticleView, k: number, o: number, first: number): Attribution | undefined {
  const t = view.tok(k);
  if (!t || t.pos !== 'NOUN' || !view.lex.speechNouns.has(t.normal) || verbBetween(view, k, o)) return undefined;
  let s = k;
  while (s - 1 >= first && (view.entityAt(s - 1) !== undefined || ["'s", '’s', "'", '’'].includes(view.norm(s - 1)) || view.tok(s - 1)?.pos === 'ADJ')) s--;
  const np = s < k ? view.readNP(s, k) : undefined;
  const owner = np?.owner ?? (np?.heads.length ? np.heads[0] : undefined);
  // `Moore called Obama's remarks "a true wake-up call"`: the words are the reporting verb's subject's, not the remarks' owner's;
  // but what an `of` phrase gives as their content is the owner's (`called Obama's assertion of a "..." troubling`).
  const content = view.norm(k + 1) === 'of';
  if (owner !== undefined && (content || !hasOuterFrame(view, first, s))) return { speaker: owner, cue: t.text, confidence: 0.7, rule: 'quote.speech-noun' };
  return undefined;
}

/** Whether a verb or an auxiliary stands between tokens a and b before any `that` opening a content clause (`remarks ... that allies may be split`). */
function verbBetween(view: ArticleView, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (view.norm(k) === 'that') return false;
    if (view.tok(k)?.pos === 'VERB' || view.tok(k)?.pos === 'AUX') return true;
  }
  return false;
}

/** Whether the mention ending at token `end` is a verb's object (`to demand wealthy Americans "pay ..."`), read back over its modifiers. */
function isObject(view: ArticleView, end: number): boolean {
  let k = (view.mentionAt(end)?.firstToken ?? end) - 1;
  while (k >= 0 && ['ADJ', 'DET'].includes(view.tok(k)?.pos ?? '')) k--;
  return view.tok(k)?.pos === 'VERB';
}

/** `Blinken "called on Russia to ..."`: a subject right before a quote that opens with its verb. */
export function subjectBefore(view: ArticleView, o: number): Attribution | undefined {
  const prev = o - 1;
  const pe = view.entityAt(prev);
  if (pe !== undefined && !view.isPossessiveAfter(prev) && !isObject(view, prev)) {
    const nt = view.tok(o + 1);
    if (nt && nt.pos === 'VERB') return { speaker: pe, cue: nt.text, confidence: 0.8, rule: 'quote.subject-before' };
  }
  return undefined;
}

/**
 * A quotation introduced by a colon: `Caddell continued:` closing the previous
 * paragraph, or a clause whose subject is a named person and whose verb is no
 * reporting verb (`Trump issued the following statement:`, `Clinton has since
 * apologized for what happened:`). The person is the speaker; a subject that is
 * a description (`The timing of ... surprised X:`) gives none.
 */
export function colonFrame(view: ArticleView, o: number): Attribution | undefined {
  const colon = o - 1;
  const ct = view.tok(colon);
  const ot = view.tok(o);
  if (!ct || !ot || ct.text !== ':') return undefined;
  const [first] = view.sentenceBounds(colon);
  // The frame in an earlier sentence: only when it ends that sentence's paragraph or sentence right before the quotation.
  if (ct.sentence !== ot.sentence) {
    const viaBefore = frameBefore(view, o, false, first) ?? subjectBefore(view, o);
    if (viaBefore) return { ...viaBefore, rule: 'quote.colon-frame' };
  }
  // The clause that ends in the colon: after the last clause break (`but he gave ...:`, `..., that I had to change my answer:`).
  let start = first;
  for (let k = colon - 1; k > first; k--) {
    const t = view.tok(k);
    if (!t || isQuoteMark(t.text)) return undefined;
    if (CLAUSE_STOP.has(t.normal) || COLON_CLAUSE_BREAK.has(t.normal) || (t.pos === 'CCONJ' && view.tok(k + 1)?.pos === 'PRON')) {
      start = k + 1;
      break;
    }
  }
  // An opening adverbial clause (`When Wallace died in 1998, President Clinton released ...:`) is not the frame.
  if (SUBORDINATORS.has(view.norm(start))) {
    let k = start + 1;
    while (k < colon && view.norm(k) !== ',') k++;
    start = k + 1;
  }
  for (let k = start; k < colon; k++) {
    const t = view.tok(k);
    if (!t) return undefined;
    if (t.pos !== 'VERB' || isNominalVerb(view, k)) continue;
    const subj = view.subjectOf(k) ?? slotSubject(view, k);
    const e = subj?.entities[0];
    if (e === undefined || !subj || subj.headLemma !== undefined || view.entityType(e) !== 'Person') return undefined;
    // The subject opens the clause (after an opening adverbial such as `On July 6, 2015,`).
    const pre = view.tok(subj.start - 1);
    if (subj.start > first && pre && pre.text !== ',' && !COLON_CLAUSE_BREAK.has(pre.normal) && pre.pos !== 'CCONJ') return undefined;
    if (view.modalityOf(k, subj.start) !== 'asserted') return undefined;
    return { speaker: e, cue: ':', confidence: 0.6, rule: 'quote.colon-frame' };
  }
  return undefined;
}

/**
 * A mixed quotation with no reporting verb: the quoted words belong to the
 * subject of the clause that holds them (`Reid has gone after Trump as a
 * "human leech who will bleed the country"`, `Trump vowed to punish "those who ..."`).
 */
export function clauseSubject(view: ArticleView, o: number): Attribution | undefined {
  const [first] = view.sentenceBounds(o);
  for (let k = o - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t || CLAUSE_STOP.has(t.normal)) return undefined;
    // wink tags some progressives as adjectives (`is promising`).
    const progressive = /ing$/.test(t.normal) && view.tok(k - 1)?.pos === 'AUX';
    if ((t.pos !== 'VERB' && !progressive) || isNominalVerb(view, k)) continue;
    const found = view.subjectOf(k) ?? slotSubject(view, k);
    if (!found) {
      // An unresolved pronoun subject (`that I had to change`) is a subject that names no one.
      const before = view.tok(view.chainStart(k, first) - 1);
      if (before?.pos === 'PRON' && !['who', 'which', 'that', 'what'].includes(before.normal)) return undefined;
      // A verb with no subject of its own (`for helping develop "..."`, an infinitive): the clause above it may have one.
      continue;
    }
    const owned = personOwning(view, found) ?? found;
    // A role description names its holder (`The Republican nominee vowed to punish "..."`).
    const holder = owned.entities.length ? undefined : describedHolder(view, phraseStart(view, owned.start), k - 1);
    const subj = holder !== undefined && view.entityType(holder) === 'Person' ? { entities: [holder], start: owned.start, headLemma: undefined } : owned;
    const e = subj.entities[0];
    // The clause's own actor: `Reid has gone after`, not the owner of a noun (`Blinken's conversation with Lavrov lasted`).
    if (e === undefined || subj.headLemma !== undefined || view.entityType(e) === 'Country') return undefined;
    // The subject opens its clause (not `... with Lavrov lasted`).
    const pre = view.tok(subj.start - 1);
    if (subj.start > first && pre && !['PUNCT', 'CCONJ', 'SCONJ'].includes(pre.pos) && pre.normal !== 'that') return undefined;
    const mod = view.modalityOf(k, subj.start);
    if (mod !== 'asserted') return undefined;
    const at = speakerToken(view, subj.start, k, e);
    const words = holder !== undefined ? anonymousWords(view, null, phraseStart(view, owned.start), k - 1) : {};
    return { speaker: e, cue: t.text, confidence: 0.55, rule: 'quote.clause-subject', ...(at !== undefined ? { speakerAt: at } : {}), ...words };
  }
  return undefined;
}

/** How many words the object between a verb and `as` may have (`praised French Foreign Minister Anne Roy as`). */
const AS_OBJECT_MAX = 6;
const OBJECT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'PART', 'NUM']);

/**
 * A fragment that characterises the object of the clause's verb (`Ortiz has long cast the mayor as a
 * "lame duck"`, `Lee hails Kim as a "true partner"`): the words are the named subject's. The
 * object must name someone; a label for a thing (`classed the drug as a "..."`) is left alone.
 */
export function describedAs(view: ArticleView, o: number): Attribution | undefined {
  let k = o - 1;
  while (view.tok(k)?.pos === 'DET') k--;
  if (view.norm(k) !== 'as' || view.entityAt(k - 1) === undefined) return undefined;
  let v = k - 1;
  while (v > k - 1 - AS_OBJECT_MAX && (OBJECT_POS.has(view.tok(v)?.pos ?? '') || view.entityAt(v) !== undefined)) v--;
  while (view.tok(v)?.pos === 'ADV') v--;
  const vt = view.tok(v);
  if (!vt || vt.pos !== 'VERB' || isNominalVerb(view, v)) return undefined;
  const found = view.subjectOf(v) ?? slotSubject(view, v);
  const subj = personOwning(view, found) ?? found;
  const e = subj?.entities[0];
  if (!subj || e === undefined || subj.headLemma !== undefined || e === view.entityAt(k - 1) || view.modalityOf(v, subj.start) !== 'asserted') return undefined;
  const at = speakerToken(view, subj.start, v, e);
  return { speaker: e, cue: vt.text, confidence: 0.6, rule: 'quote.described-as', ...(at !== undefined ? { speakerAt: at } : {}) };
}

/**
 * An upper-case transcript label that names a person of the article by surname (`"HALE: We will ..."`
 * for Tom Hale), when exactly one person has that surname.
 */
export function transcriptSurname(view: ArticleView, o: number): Attribution | undefined {
  const w = view.tok(o + 1);
  if (!w || view.norm(o + 2) !== ':' || !/^\p{Lu}{2,}$/u.test(w.text)) return undefined;
  const label = w.text.toLowerCase();
  let found: number | undefined;
  for (const e of view.entities) {
    if (e.type !== 'Person' || e.name.split(/\s+/).pop()?.toLowerCase() !== label) continue;
    if (found !== undefined) return undefined;
    found = e.id;
  }
  return found === undefined ? undefined : { speaker: found, cue: ':', confidence: 0.7, rule: 'quote.transcript-surname' };
}

/**
 * A quotation that opens a sentence right after one, in the same paragraph, in which a named
 * person or organisation makes a statement: a verb whose object is a speech noun (`The league
 * issued a statement on Monday.`, `Hale tweeted a warning.`) or a speech verb with only an
 * adverbial after it (`Hale wrote on Facebook.`). The quotation is that statement.
 */
export function statementBefore(view: ArticleView, o: number): Attribution | undefined {
  const ot = view.tok(o);
  const sent = ot ? view.ann.sentences[ot.sentence] : undefined;
  const prev = ot ? view.ann.sentences[ot.sentence - 1] : undefined;
  if (!sent || !prev || sent.firstToken !== o || prev.paragraph !== sent.paragraph) return undefined;
  let end = prev.lastToken;
  while (end > prev.firstToken && view.tok(end)?.pos === 'PUNCT') end--;
  for (let k = prev.firstToken; k <= end; k++) {
    const t = view.tok(k);
    if (!t || isQuoteMark(t.text)) return undefined;
    if (t.pos !== 'VERB' || isNominalVerb(view, k)) continue;
    const np = view.readNP(k + 1, end);
    const states = np ? !!np.headLemma && view.lex.speechNouns.has(np.headLemma) && np.heads.length === 0 : view.lex.speechVerbs.has(t.lemma) && (k === end || adverbialOnly(view, k + 1, end + 1));
    if (!states) continue;
    const found = view.subjectOf(k) ?? slotSubject(view, k);
    const subj = personOwning(view, found) ?? found;
    const e = subj?.entities[0];
    if (!subj || e === undefined || subj.headLemma !== undefined || view.modalityOf(k, subj.start) !== 'asserted') return undefined;
    return { speaker: e, cue: t.text, confidence: 0.6, rule: 'quote.statement-before' };
  }
  return undefined;
}
