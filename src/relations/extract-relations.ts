/**
 * relations stage: typed, directed edges between the entities of one
 * article, from the cue lexicon (verbs, phrasal verbs, nouns) and the
 * clause structure around each cue (subject, object, prepositional
 * target, passive agent, coordination, appositives, reporting frames),
 * plus AFFILIATED_WITH from the persons' roles and affiliations.
 * Input: annotated text, mentions, resolved entities, lexicon.
 * Output: Relation[], each with its evidence sentence, cue and modality.
 */
import { roleAppositionAffiliations } from './role-appositions.js';
import type { AnnotatedText, ArticleEntity, Mention, Modality, Relation, RelationType } from '../types.js';
import { ArticleView, isQuoteMark, type NounPhrase, type QuotedSpeech, type Subject } from './article-view.js';
import type { NominalCue, RelationLexicon, TargetSlot, VerbCue } from './relation-lexicon.js';

interface Draft {
  type: RelationType;
  sources: readonly number[];
  targets: readonly number[];
  sentence: number;
  cue: string;
  modality: Modality;
  reportedBy?: number | undefined;
  role?: string | undefined;
  confidence: number;
  reciprocal?: boolean | undefined;
  /** A warning whose target the clause does not name: taken from the speaker's other directive acts in the sentence. */
  openTarget?: boolean | undefined;
  /** The verb whose auxiliary chain carries the act's modality (the cue verb, or a nominal cue's governing verb). */
  chainAt?: number | undefined;
}

/**
 * `d` with every field, in one order (performance, issue 7): the draft builders make objects of a
 * dozen shapes, and each shape new to an optimised reader of the draft list deoptimised it.
 */
function uniformDraft(d: Draft): Draft {
  return {
    type: d.type,
    sources: d.sources,
    targets: d.targets,
    sentence: d.sentence,
    cue: d.cue,
    modality: d.modality,
    reportedBy: d.reportedBy,
    role: d.role,
    confidence: d.confidence,
    reciprocal: d.reciprocal,
    openTarget: d.openTarget,
    chainAt: d.chainAt,
  };
}

/**
 * The empty result of the per-token draft finders (performance, issue 7: most tokens are no cue,
 * and a new empty array for each of them was a sizeable share of this stage's garbage).
 */
const NO_DRAFTS: readonly Draft[] = [];

/** Acts whose target a target-less warning in the same sentence shares (`stressed ... consequences and urged Russia`). */
const DIRECTIVE: ReadonlySet<RelationType> = new Set(['URGED', 'DEMANDED', 'WARNED', 'THREATENED']);
/** Words that put the consequences in the future or a condition (`would have`, `will face`). */
const PROSPECTIVE = new Set(['will', 'would', 'could', "'ll", '’ll', 'shall', 'can', 'might']);

const BE = new Set(['be']);
const NOMINATIVE = new Set(['he', 'she', 'they', 'we', 'i']);
/** Verbs of wishing: `X wants Y to act` is an appeal, `X wants Y to be ...` is not. */
const WISH = new Set(['want', 'wish']);

export function extractRelations(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  lex: RelationLexicon,
  quotes: readonly QuotedSpeech[] = [],
): Relation[] {
  const view = new ArticleView(ann, mentions, entities, lex, quotes);
  const drafts: Draft[] = [];
  drafts.push(...affiliationDrafts(view));
  for (let i = 0; i < ann.tokens.length; i++) {
    const t = ann.tokens[i];
    if (!t) continue;
    if (t.pos === 'VERB' || isInfinitiveCue(view, i)) {
      const d = verbDrafts(view, i);
      drafts.push(...d);
      if (!d.length) drafts.push(...consequenceDrafts(view, i));
      drafts.push(...venueDrafts(view, i));
      drafts.push(...frameDrafts(view, i));
      drafts.push(...demandObjectDrafts(view, i));
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') drafts.push(...nominalDrafts(view, i), ...responseDrafts(view, i));
    drafts.push(...deploymentDrafts(view, i));
  }
  drafts.push(...demandContentDrafts(view));
  return finish(view, refusalDrafts(view, fillOpenTargets(Array.from(drafts, uniformDraft))));
}

/**
 * Entities a noun phrase stands for as an actor or target: `npEntities`,
 * else the state or body owning a group of its people (`Ukrainian
 * lawmakers`, `Russia's diplomats`, `NATO members`, `the US ambassador`).
 * Only here: the quote stage keeps such groups anonymous speakers.
 */
function actorsOf(view: ArticleView, np: NounPhrase | undefined, owner: boolean): number[] {
  const found = view.npEntities(np, owner);
  if (found.length || !np || np.heads.length || np.owner === undefined) return found;
  if (np.headLemma && view.lex.groupNouns.has(np.headLemma) && view.entityType(np.owner) !== 'Person') return officeHolder(view, np, np.owner);
  return [];
}

/**
 * An unnamed office of a state or body (`the US ambassador`, `the Russian
 * foreign minister`) acts for it, like a group of its people; but when the
 * article names exactly one person holding that office for it, the office is
 * that person (several: none).
 */
function officeHolder(view: ArticleView, np: NounPhrase, owner: number): number[] {
  const head = view.tok(np.last);
  const office = np.headLemma ?? '';
  // A plural group (`Russia's diplomats`) is the state's people, never one of them.
  if (!head || head.normal !== office) return [owner];
  const holders = view.entities.filter((e) => e.type === 'Person' && view.isAffiliated(e.id, owner) && e.roles.some((r) => r.toLowerCase().split(/\s+/).includes(office)));
  if (!holders.length) return [owner];
  return holders.length === 1 && holders[0] ? [holders[0].id] : [];
}

/**
 * `The US Secretary of State wants ...`, `the Russian Minister of Defence
 * said ...`: a title with an `of` complement as the subject; the phrase up to
 * the office word is read as the actor (see `officeHolder`).
 */
function titledSubject(view: ArticleView, s: Subject): number[] {
  const office = s.start - 2;
  const t = view.tok(office);
  if (view.norm(s.start - 1) !== 'of' || !t || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || !view.lex.groupNouns.has(t.lemma)) return [];
  // The complement is an office's department (`of State`, `of Defence`), never a name (`of State George Shultz`).
  const [, last] = view.sentenceBounds(office);
  for (let k = s.start; k <= last && view.tok(k)?.pos !== 'VERB' && view.tok(k)?.pos !== 'AUX'; k++) {
    const w = view.tok(k);
    if (w && !view.lex.titleWords.has(w.normal) && !(w.pos === 'NOUN' && /^[a-z]/.test(w.text)) && w.normal !== 'the') return [];
  }
  const [first] = view.sentenceBounds(office);
  const start = phraseStart(view, office, first, 5);
  return start < office ? actorsOf(view, view.readNP(start, office), false) : [];
}

/** The subject of verb v, a group of a state's people standing for that state (see `actorsOf`). */
function subjectActors(view: ArticleView, v: number): Subject | undefined {
  const s = view.subjectOf(v);
  if (!s || !s.entities.length) {
    const reported = reportingSubject(view, v);
    if (reported) return reported;
  }
  if (s && !s.entities.length) {
    const titled = titledSubject(view, s);
    // Not `{ ...s }`: a spread copy gets a hidden class of its own (issue 7).
    if (titled.length) return { entities: titled, start: s.start, headLemma: s.headLemma };
  }
  if (!s || s.entities.length || !s.headLemma || !view.lex.groupNouns.has(s.headLemma)) return s;
  // The subject phrase ends before the relative pronoun, auxiliary or verb that follows it.
  let end = s.start;
  while (end + 1 < v && !['PRON', 'VERB', 'AUX', 'ADP', 'SCONJ', 'PUNCT'].includes(view.tok(end + 1)?.pos ?? '')) end++;
  const entities = actorsOf(view, view.readNP(s.start, end), false);
  return entities.length ? { entities, start: s.start, headLemma: s.headLemma } : s;
}

/**
 * `Iran said it was ready to ...`, `The allies announced they would ...`:
 * `it`/`they` opening the clause reported by a state or organisation is
 * that reporter (a person says `he`/`she`, which the entity stage resolves);
 * `it` opening an adverbial clause is the main clause's subject (see
 * `mainClauseSubject`).
 */
function reportingSubject(view: ArticleView, v: number): Subject | undefined {
  const [first] = view.sentenceBounds(v);
  const p = view.chainStart(v, first) - 1;
  const pron = view.norm(p);
  if ((pron !== 'it' && pron !== 'they') || view.tok(p)?.pos !== 'PRON' || view.entityAt(p) !== undefined) return undefined;
  if (pron === 'it' && SUBORDINATORS.has(view.norm(p - 1))) return mainClauseSubject(view, p, first);
  let k = p - 1;
  if (view.norm(k) === 'that') k--;
  const verb = view.tok(k);
  if (!verb || verb.pos !== 'VERB' || !view.lex.speechVerbs.has(verb.lemma)) return undefined;
  const reporter = view.subjectOf(k);
  const ents = reporter?.entities ?? [];
  if (!ents.length || ents.some((e) => view.entityType(e) === 'Person') || (pron === 'it' && ents.length > 1)) return undefined;
  return { entities: ents, start: p, headLemma: undefined };
}

/** Words opening an adverbial clause after the main clause (`Moscow will know once it receives ...`). */
const SUBORDINATORS = new Set(['once', 'when', 'until', 'after', 'before', 'because', 'since', 'as', 'while', 'unless']);

/**
 * `Moscow would know ... once it receives an answer`: `it` opening an
 * adverbial clause is the main clause's subject, when that is one country or
 * organisation and no other entity stands between them to compete.
 */
function mainClauseSubject(view: ArticleView, p: number, first: number): Subject | undefined {
  for (let k = p - 2; k >= first; k--) {
    if (view.entityAt(k) !== undefined) {
      // The nearest entity before the pronoun must be the main clause's subject itself.
      for (let v = k + 1; v < p - 1; v++) {
        if (view.tok(v)?.pos !== 'VERB') continue;
        const s = view.subjectOf(v);
        const e = s?.entities;
        if (!e || e.length !== 1 || e[0] !== view.entityAt(k) || view.entityType(e[0] ?? -1) === 'Person') return undefined;
        return { entities: e, start: p, headLemma: undefined };
      }
      return undefined;
    }
  }
  return undefined;
}

/** A cue verb the tagger missed after an infinitive `to` (`refused to back Beijing`: `back` as ADV). */
function isInfinitiveCue(view: ArticleView, i: number): boolean {
  const t = view.tok(i);
  const p = view.tok(i - 1);
  return !!t && !!p && t.pos !== 'NOUN' && t.pos !== 'PROPN' && p.normal === 'to' && p.pos === 'PART' && view.lex.verbs.has(t.normal);
}

/** Whether an infinitive (`to` + verb) follows in the clause, within a few words (`was asked by Y to leave`). */
function hasInfinitive(view: ArticleView, from: number, end: number): boolean {
  for (let k = from; k <= Math.min(end, from + 10); k++) {
    if (view.norm(k) === ',' || view.tok(k)?.pos === 'PRON') return false;
    if (view.norm(k) === 'to' && (view.tok(k + 1)?.pos === 'VERB' || view.tok(k + 1)?.pos === 'AUX')) return true;
  }
  return false;
}

/** Cooperative acts whose declared refusal is a rejection. */
const COOPERATIVE: ReadonlySet<RelationType> = new Set(['SUPPORTED', 'PROPOSED', 'SPOKE_WITH']);

/**
 * A declared refusal (CAMEO 12): a negated cooperative act under a future or
 * conditional modal (`will not support Taiwan`, `would not provide support
 * to Israel`) or after a refusing verb (`refused to back`, `declined to
 * meet`) also gives an asserted REJECTED edge. A past negation (`did not
 * support`) states no act and gives none.
 */
function refusalDrafts(view: ArticleView, drafts: readonly Draft[]): Draft[] {
  const out = [...drafts];
  for (const d of drafts) {
    if (!COOPERATIVE.has(d.type) || d.modality !== 'negated' || d.chainAt === undefined || d.reciprocal) continue;
    const [first] = view.sentenceBounds(d.chainAt);
    const cs = view.chainStart(d.chainAt, first);
    let refusal = false;
    for (let k = cs; k < d.chainAt && !refusal; k++) {
      const tk = view.tok(k);
      if (!tk) continue;
      if (view.lex.refusalModals.has(tk.normal) && tk.pos === 'AUX') refusal = true;
      if (tk.pos === 'VERB' && view.lex.refusalVerbs.has(tk.lemma)) refusal = true;
    }
    if (!refusal) continue;
    // The refusal itself is asserted unless a condition governs it (`if talks fail, Russia would not meet`).
    let conditional = false;
    for (let k = first; k < cs; k++) if (view.lex.modality.conditional.has(view.norm(k)) && view.norm(k) !== 'whether') conditional = true;
    if (conditional) continue;
    out.push(uniformDraft({ ...d, type: 'REJECTED', modality: 'asserted', reciprocal: false, confidence: Math.min(d.confidence, 0.6) }));
  }
  return out;
}

/**
 * Attending a meeting held in a country is a visit (CAMEO 042):
 * `Macron will attend a summit in Japan` is SPOKE_WITH Macron -> Japan. The
 * country must be named as a country (a capital there names a place).
 */
function venueDrafts(view: ArticleView, v: number): readonly Draft[] {
  const t = view.tok(v);
  if (!t) return NO_DRAFTS;
  const travel = view.lex.travelVerbs.get(t.lemma);
  if (travel) return travelDrafts(view, v, travel);
  if (!view.lex.venueVerbs.has(t.lemma)) return NO_DRAFTS;
  const end = view.clauseEnd(v);
  let noun = -1;
  for (let k = v + 1; k <= Math.min(end, v + 5); k++) {
    const n = view.tok(k);
    if (!n || n.pos === 'VERB' || n.pos === 'ADP') break;
    if ((n.pos === 'NOUN' || n.pos === 'PROPN') && (view.lex.venueNouns.has(n.normal) || view.lex.venueNouns.has(n.lemma))) noun = k;
  }
  if (noun < 0 || view.norm(noun + 1) !== 'in') return NO_DRAFTS;
  const m = view.mentionAt(noun + 2);
  const place = view.entityAt(noun + 2);
  if (place === undefined || !m || m.kind !== 'name' || view.entityType(place) !== 'Country') return NO_DRAFTS;
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return NO_DRAFTS;
  const clauseStart = subject?.start ?? v;
  return [
    clauseDraft(view, v, clauseStart, {
      type: 'SPOKE_WITH',
      sources,
      targets: [place],
      sentence: t.sentence,
      cue: cueText(view, v, noun + 1),
      confidence: 0.6,
      chainAt: v,
    }),
  ];
}

/** A person's trip to a country is a visit: `Lopez arrived in Kenya`, `Scholz flew to Beijing`. */
function travelDrafts(view: ArticleView, v: number, prep: string): Draft[] {
  const t = view.tok(v);
  if (!t || isPassive(view, v)) return [];
  let k = v + 1;
  // `arrived back in`, `flew home to`: a return home is no visit.
  while (view.tok(k)?.pos === 'ADV') if (['back', 'home'].includes(view.norm(k++))) return [];
  if (view.norm(k) !== prep) return [];
  const m = view.mentionAt(k + 1);
  const place = view.entityAt(k + 1);
  if (place === undefined || !m || m.kind === 'pronoun' || view.entityType(place) !== 'Country') return [];
  const subject = subjectActors(view, v);
  const sources = (subject?.entities ?? []).filter((e) => view.entityType(e) === 'Person' && !view.isAffiliated(e, place));
  if (!sources.length || sources.length !== subject?.entities.length) return [];
  const clauseStart = subject.start;
  return [
    clauseDraft(view, v, clauseStart, {
      type: 'SPOKE_WITH',
      sources,
      targets: [place],
      sentence: t.sentence,
      cue: cueText(view, v, k),
      confidence: 0.5,
    }),
  ];
}

/**
 * Acts named only through the frame before them: a vowed hostile act is a
 * threat (`vowed to retaliate against X`, THREATENED), an offered gift an
 * offer (`offered to send aid to X`, PROPOSED). The act on its own gives
 * no edge of these types.
 */
function frameDrafts(view: ArticleView, v: number): readonly Draft[] {
  const t = view.tok(v);
  if (!t || view.norm(v - 1) !== 'to') return NO_DRAFTS;
  let type: RelationType | undefined;
  let slots: readonly TargetSlot[] = [];
  let frame: number | undefined;
  const threatSlot = view.lex.threatActs.get(t.lemma);
  if (threatSlot) {
    let k = v - 2;
    while (view.tok(k)?.pos === 'ADV') k--;
    if (view.tok(k)?.pos === 'VERB' && view.lex.threatVerbs.has(view.tok(k)?.lemma ?? '')) {
      type = 'THREATENED';
      slots = [threatSlot];
      frame = k;
    }
  } else if (view.lex.intentGiving.has(t.lemma)) {
    frame = intentFrame(view, v, true);
    if (frame !== undefined) {
      type = 'PROPOSED';
      slots = ['pp:to', 'dobj'];
    }
  }
  if (!type || frame === undefined) return NO_DRAFTS;
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return NO_DRAFTS;
  const end = view.clauseEnd(v);
  let targets: number[] = [];
  for (const slot of slots) {
    targets = slotTargets(view, slot, v + 1, end, false, sources).filter((e) => !sources.includes(e));
    if (targets.length) break;
  }
  if (!targets.length) return NO_DRAFTS;
  const clauseStart = subject?.start ?? frame;
  return [
    clauseDraft(view, v, clauseStart, {
      type,
      sources,
      targets,
      sentence: t.sentence,
      cue: cueText(view, frame, v),
      confidence: 0.6,
      chainAt: frame,
    }, frame),
  ];
}

/**
 * The verb or adjective of an intent frame right before the infinitive at v
 * (`offered to help`, `is ready to assist`), if any.
 */
function intentFrame(view: ArticleView, v: number, giving = false): number | undefined {
  if (view.norm(v - 1) !== 'to') return undefined;
  let k = v - 2;
  while (view.tok(k)?.pos === 'ADV') k--;
  const t = view.tok(k);
  if (!t) return undefined;
  if (t.pos === 'VERB' && (view.lex.intentVerbs.has(t.lemma) || (giving && view.lex.givingVerbs.has(t.lemma)))) return k;
  if (t.pos === 'ADJ' && view.lex.intentAdjectives.has(t.normal)) return k;
  return undefined;
}

/**
 * WARNED from a reporting verb whose clause says an act would bring
 * consequences: `He stressed that a further invasion of Ukraine would have
 * severe consequences`. The target is the first entity of the clause that
 * is not the patient of an act (`invasion of Ukraine`), else left open for
 * `fillOpenTargets`.
 */
function consequenceDrafts(view: ArticleView, v: number): readonly Draft[] {
  const t = view.tok(v);
  if (!t || !view.lex.warningVerbs.has(t.lemma) || matchVerbCue(view, v)) return NO_DRAFTS;
  const [, last] = view.sentenceBounds(v);
  let noun = -1;
  let prospective = false;
  for (let k = v + 1; k <= last && k < v + 30; k++) {
    const n = view.tok(k);
    if (!n || n.normal === ';') break;
    if (PROSPECTIVE.has(n.normal)) prospective = true;
    if (n.pos === 'NOUN' && view.lex.consequenceNouns.has(n.normal)) {
      noun = k;
      break;
    }
  }
  if (noun < 0 || !prospective) return NO_DRAFTS;
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  if (!sources.length) return NO_DRAFTS;
  const targets: number[] = [];
  for (let k = v + 1; k < noun && !targets.length; k++) {
    const e = view.entityAt(k);
    const m = view.mentionAt(k);
    if (e === undefined || !m || sources.includes(e) || view.entityType(e) === 'Person' && m.kind === 'pronoun') continue;
    if (['of', 'against', 'on', 'for', 'to'].includes(view.norm(m.firstToken - 1))) continue;
    targets.push(e);
  }
  const clauseStart = subject?.start ?? v;
  return [
    clauseDraft(view, v, clauseStart, {
      type: 'WARNED',
      sources,
      targets,
      sentence: t.sentence,
      cue: `${t.text} … ${view.tok(noun)?.text ?? ''}`,
      confidence: 0.6,
      openTarget: !targets.length,
    }),
  ];
}

/** Gives an open-target warning the targets of its speaker's directive acts in the same sentence; drops it otherwise. */
function fillOpenTargets(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    if (!d.openTarget) {
      out.push(d);
      continue;
    }
    const other = drafts.find((o) => o !== d && !o.openTarget && o.sentence === d.sentence && DIRECTIVE.has(o.type) && o.targets.length && o.sources.some((s) => d.sources.includes(s)));
    if (other) out.push(uniformDraft({ ...d, targets: other.targets, openTarget: false }));
  }
  return out;
}

/** AFFILIATED_WITH drafts, at most one per person and organisation (a method, not a closure per article: issue 7). */
class AffiliationDrafts {
  readonly out: Draft[] = [];
  private readonly seen = new Set<string>();

  add(person: number, org: number, sentence: number, role: string | undefined, cue: string): void {
    const key = `${person}|${org}`;
    if (person === org || this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push({ type: 'AFFILIATED_WITH', sources: [person], targets: [org], sentence, cue, modality: 'asserted', role, confidence: 0.9 });
  }
}

/** AFFILIATED_WITH from mention roles/affiliations and `X's deputy, Y`. */
function affiliationDrafts(view: ArticleView): Draft[] {
  const drafts = new AffiliationDrafts();
  const mentions = view.mentions;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || !m.affiliation) continue;
    const org = view.entityNamed(m.affiliation);
    if (org === undefined || view.entityType(org) === 'Person') continue;
    drafts.add(person, org, m.sentence, m.role, m.role ?? m.affiliation);
  }
  appositiveAffiliations(view, drafts);
  roleAppositionAffiliations(view, (person, org, sentence, role, cue) => drafts.add(person, org, sentence, role, cue));
  // `Venezuela's Hugo Chavez`, `NATO's Jens Stoltenberg`: a country or organisation owning a person's name.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const ownerEnd = m.firstToken - 2;
    if (ownerEnd < 0 || !view.isPossessiveAfter(ownerEnd) || ownerEnd + 2 !== m.firstToken) continue;
    const org = view.entityAt(ownerEnd);
    if (org === undefined || view.entityType(org) === 'Person' || view.mentionAt(ownerEnd)?.lastToken !== ownerEnd) continue;
    drafts.add(person, org, m.sentence, m.role, m.role ?? view.entities[org]?.name ?? '');
  }
  figureAffiliations(view, drafts);
  // Entity-level affiliations the mentions did not carry (evidence: the first mention's sentence).
  for (const e of view.entities) {
    if (e.type !== 'Person') continue;
    for (const a of e.affiliations) {
      const org = view.entityNamed(a);
      const first = view.mentions[e.mentions[0] ?? -1];
      if (org === undefined || !first || view.entityType(org) === 'Person') continue;
      drafts.add(e.id, org, first.sentence, e.roles[0], e.roles[0] ?? a);
    }
  }
  return drafts.out;
}

/** `Blinken's deputy, Wendy Sherman,` / `Russia's ambassador to the UN, Vasily Nebenzia,`. */
function appositiveAffiliations(view: ArticleView, drafts: AffiliationDrafts): void {
  const tokens = view.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const owner = view.entityAt(i);
    if (owner === undefined) continue;
    const m = view.mentionAt(i);
    if (!m || m.lastToken !== i || !view.isPossessiveAfter(i)) continue;
    const [, last] = view.sentenceBounds(i);
    const np = view.readNP(i, last);
    if (!np || np.appositive === undefined || !np.headLemma) continue;
    let org: number | undefined = owner;
    if (view.entityType(owner) === 'Person') {
      const ent = view.entities[owner];
      org = ent?.affiliations.map((a) => view.entityNamed(a)).find((x) => x !== undefined && view.entityType(x) !== 'Person');
    }
    if (org === undefined) continue;
    const roleFrom = tokens[i + 2]?.start ?? 0;
    let roleTo = i + 2;
    while (roleTo < tokens.length && tokens[roleTo]?.text !== ',') roleTo++;
    const role = roleTo < tokens.length ? view.text.slice(roleFrom, tokens[roleTo - 1]?.end ?? roleFrom) : np.headLemma;
    drafts.add(np.appositive, org, tokens[i]?.sentence ?? 0, role, role);
  }
}

/**
 * A well-known public figure named in full acts for the state the gazetteer gives, when the article
 * names it and gives the person no other affiliation (a spokesman of the Kremlin acts for the Kremlin).
 */
function figureAffiliations(view: ArticleView, drafts: AffiliationDrafts): void {
  const affiliated = new Set(drafts.out.map((d) => d.sources[0]));
  for (const e of view.entities) {
    if (e.type !== 'Person' || affiliated.has(e.id) || e.affiliations.some((a) => view.entityNamed(a) !== undefined)) continue;
    const fig = view.figureOf(e);
    const first = view.mentions[e.mentions[0] ?? -1];
    if (!fig || !first) continue;
    const role = e.roles[0] ?? fig.role;
    // An office of a body the article names (`Kremlin spokesman`, `State Department spokesman`): that body.
    const body = bodyOfRole(view, role);
    if (body !== undefined) {
      drafts.add(e.id, body, first.sentence, role, role ?? '');
      continue;
    }
    const org = view.entityNamed(fig.country);
    if (org === undefined || view.entityType(org) !== 'Country') continue;
    drafts.add(e.id, org, first.sentence, role, role ?? fig.country);
  }
}

/** The organisation of the article a role's leading words name (`Kremlin spokesman` -> Kremlin), if any. */
function bodyOfRole(view: ArticleView, role: string | undefined): number | undefined {
  const words = (role ?? '').split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const e = view.entityNamed(words.slice(0, n).join(' '));
    if (e !== undefined && view.entityType(e) === 'Organisation') return e;
  }
  return undefined;
}

/** Acts a person does not direct at the state or body they act for. */
const HOSTILE: ReadonlySet<RelationType> = new Set(['ACCUSED', 'WARNED', 'THREATENED', 'DEMANDED', 'REJECTED']);

/**
 * A pronoun actor that the entity stage resolved to a person acting for the
 * target (`he accused the United States` resolved to a US official) is
 * re-resolved to the nearest earlier person who does not act for it.
 */
function rehomePronounActor(view: ArticleView, subjectStart: number, sources: number[], targets: readonly number[]): number[] {
  if (sources.length !== 1 || !targets.length) return sources;
  let p = subjectStart;
  while (view.tok(p)?.pos === 'DET') p++;
  const m = view.mentionAt(p);
  const src = sources[0];
  if (!m || m.kind !== 'pronoun' || src === undefined || !targets.some((t) => view.isAffiliated(src, t))) return sources;
  const alt = view.nearestPersonBefore(p, (e) => e !== src && !targets.some((t) => view.isAffiliated(e, t)));
  return alt === undefined ? sources : [alt];
}

function matchVerbCue(view: ArticleView, v: number): { cue: VerbCue; after: number } | undefined {
  const t = view.tok(v);
  if (!t) return undefined;
  const cues = view.lex.verbs.get(t.lemma) ?? view.lex.verbs.get(t.normal);
  if (!cues) return undefined;
  for (const cue of cues) {
    let k = v + 1;
    let ok = true;
    for (let n = 1; n < cue.words.length; n++) {
      const w = cue.words[n] as string;
      while (view.tok(k)?.pos === 'ADV' && view.norm(k) !== w) k++;
      if (view.norm(k) !== w) {
        ok = false;
        break;
      }
      k++;
    }
    if (ok) return { cue, after: k };
  }
  return undefined;
}

function isPassive(view: ArticleView, v: number): boolean {
  const [first] = view.sentenceBounds(v);
  const cs = view.chainStart(v, first);
  const t = view.tok(v);
  if (!t || !/(ed|en|wn|ne|lt|ught)$/.test(t.normal)) return false;
  for (let k = cs; k < v; k++) if (BE.has(view.tok(k)?.lemma ?? '') && view.tok(k)?.pos === 'AUX') return true;
  return false;
}

/** The agent NP after `by` in a passive clause. */
function passiveAgent(view: ArticleView, v: number): number[] {
  const end = Math.min(view.clauseEnd(v), v + 10);
  for (let k = v + 1; k <= end; k++) {
    if (view.norm(k) === 'by') return actorsOf(view, view.readNP(k + 1, end), false);
    if (view.tok(k)?.pos === 'VERB') break;
  }
  return [];
}

/** Entities found by one target slot of a cue, from token p on. */
function slotTargets(view: ArticleView, slot: string, p: number, end: number, owner: boolean, exclude: readonly number[]): number[] {
  let s = p;
  while (s <= end && (view.tok(s)?.pos === 'ADV' || (view.tok(s)?.pos === 'PART' && view.norm(s) !== 'to'))) s++;
  // A nominative pronoun opens a clause (`promised he would ...`): no object, no phrase of the cue after it.
  if (slot === 'dobj') {
    if (NOMINATIVE.has(view.norm(s))) return [];
    const np = view.readNP(s, end);
    const found = actorsOf(view, np, owner);
    // `endorsed an association agreement with the EU`: the agreement's other party.
    if (!found.length && owner && np?.headLemma && view.lex.agreementNouns.has(np.headLemma)) {
      for (let k = np.first; k <= np.last; k++) if (view.norm(k) === 'with' || view.norm(k) === 'between') return actorsOf(view, view.readNP(k + 1, end), false).filter((e) => !exclude.includes(e));
    }
    return found;
  }
  if (slot.startsWith('pp:')) {
    const prep = slot.slice(3);
    for (let k = s; k <= end && k < s + 14; k++) {
      const t = view.tok(k);
      if (!t) break;
      if (t.normal === prep && (t.pos === 'ADP' || t.pos === 'PART' || t.pos === 'SCONJ') && view.tok(k + 1)?.pos !== 'VERB') {
        return actorsOf(view, view.readNP(k + 1, end), owner || prep !== 'with');
      }
      if ((t.pos === 'VERB' || t.pos === 'AUX' || NOMINATIVE.has(t.normal)) && k > s) break;
    }
    return [];
  }
  if (slot === 'comp') {
    for (let k = s; k <= end && k < s + 16; k++) {
      // The clause's subject is a definite description naming no entity (`the alliance must ...`,
      // `the company should ...`): the act is aimed at it, so no later entity is the target.
      if (isUnresolvedSubject(view, k, end)) return [];
      const e = view.entityAt(k);
      if (e !== undefined && !exclude.includes(e)) return [e];
      const d = view.demonymEntity(k);
      if (d !== undefined && !exclude.includes(d) && view.tok(k)?.pos !== 'NOUN') return [d];
    }
  }
  return [];
}

/** Determiners of a definite description (`the alliance`, `this bloc`). */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/**
 * Whether a definite description that names no entity starts at token k and is
 * the subject of a finite verb right after it (`the alliance must`, `the bloc
 * would`): its head is a plain noun, and it has no entity head, owner,
 * demonym or complement.
 */
function isUnresolvedSubject(view: ArticleView, k: number, end: number): boolean {
  const t = view.tok(k);
  if (!t || !DEFINITE.has(t.normal) || t.pos !== 'DET' || view.entityAt(k) !== undefined) return false;
  const np = view.readNP(k, end);
  if (!np?.headLemma || np.heads.length || np.owner !== undefined || np.appositive !== undefined || np.complement.length) return false;
  for (let j = k; j <= np.last; j++) if (view.entityAt(j) !== undefined || view.demonymEntity(j) !== undefined) return false;
  const head = view.tok(np.last);
  const next = view.tok(np.last + 1);
  return head?.pos === 'NOUN' && (next?.pos === 'AUX' || next?.pos === 'VERB');
}

/**
 * A draft of an act whose cue verb is `v` in the clause that starts at
 * `clauseStart`: its modality is read from the auxiliary chain of `modalAt`
 * (the cue verb, or the frame verb that governs it), and its reporter from the
 * frame around the clause.
 */
function clauseDraft(view: ArticleView, v: number, clauseStart: number, draft: Omit<Draft, 'modality' | 'reportedBy'>, modalAt = v): Draft {
  return { ...draft, modality: view.modalityOf(modalAt, clauseStart), reportedBy: reporterOf(view, v, clauseStart, draft.sources) };
}

/** The reporter of a cue inside a reporting frame: `Price said the secretary urged ...`, `according to X, ...`. */
function reporterOf(view: ArticleView, v: number, subjectStart: number, actors: readonly number[]): number | undefined {
  const [first, last] = view.sentenceBounds(v);
  for (let k = first; k <= last; k++) {
    const n = view.norm(k);
    if (n === 'according' && view.norm(k + 1) === 'to') {
      const e = view.npEntities(view.readNP(k + 2, last), false)[0];
      if (e !== undefined && !actors.includes(e)) return e;
    }
  }
  for (let k = subjectStart - 1; k >= first; k--) {
    const t = view.tok(k);
    if (!t || t.pos !== 'VERB' || !view.lex.speechVerbs.has(t.lemma)) continue;
    const s = view.subjectOf(k);
    const e = s?.entities[0];
    if (e !== undefined && !actors.includes(e)) return e;
  }
  return undefined;
}

function cueText(view: ArticleView, from: number, to: number): string {
  const a = view.tok(from);
  const b = view.tok(to);
  return a && b ? view.text.slice(a.start, b.end) : '';
}

function verbDrafts(view: ArticleView, v: number): readonly Draft[] {
  const match = matchVerbCue(view, v);
  if (!match || match.cue.type === 'DEPLOYED_NEAR') return NO_DRAFTS;
  const { cue, after } = match;
  const t = view.tok(v);
  if (!t) return NO_DRAFTS;
  const end = view.clauseEnd(v);
  // The object phrase right after the cue, read once for every check below.
  const np = view.readNP(after, end);
  if (cue.agreementObject) {
    if (!np?.headLemma || !view.lex.agreementNouns.has(np.headLemma)) return NO_DRAFTS;
  }
  if (cue.objectNouns) {
    let found = false;
    for (let k = after; k <= Math.min(end, after + 7); k++) if (view.lex.proposalNouns.has(view.tok(k)?.lemma ?? '') || view.lex.proposalNouns.has(view.norm(k))) found = true;
    if (!found) return NO_DRAFTS;
  }
  let sources: number[] = [];
  let targets: number[] = [];
  const subject = subjectActors(view, v);
  const passive = isPassive(view, v);
  if (passive) {
    sources = passiveAgent(view, v);
    targets = [...(subject?.entities ?? [])];
    // `X was asked by Y to ...`: the infinitive is still needed.
    if (cue.needsTo && !hasInfinitive(view, after, end)) targets = [];
  } else {
    sources = [...(subject?.entities ?? [])];
    for (const slot of cue.slots) {
      if (slot === 'reciprocal') continue;
      targets = slotTargets(view, slot, after, end, cue.owner, sources);
      if (slot === 'dobj' && cue.needsTo && targets.length) {
        const nxt = np ? view.norm(np.last + 1) : '';
        if (nxt !== 'to' && nxt !== 'for') targets = [];
        // `wanted Sundance to be a platform`: a wish about the object's state, not an appeal to it.
        if (WISH.has(t.lemma) && np && view.tok(np.last + 2)?.lemma === 'be') targets = [];
      }
      // `condemned Russia's invasion`, `condemned the Russian invasion`: the possessor, never the `of` complement.
      if (slot === 'dobj' && cue.possessor && !targets.length) {
        if (np && !np.heads.length && np.owner !== undefined && !sources.includes(np.owner)) targets = [np.owner];
      }
      // `received Lopez`, `received ministers from X`: hosting people, not receiving a thing (`received an award`).
      if (slot === 'dobj' && cue.people && targets.length) {
        const people = np && (np.heads.some((h) => view.entityType(h) === 'Person') || view.lex.groupNouns.has(np.headLemma ?? ''));
        if (!people) targets = [];
      }
      if (targets.length) break;
    }
  }
  if (!sources.length) return NO_DRAFTS;
  if (!passive && subject && HOSTILE.has(cue.type)) sources = rehomePronounActor(view, subject.start, sources, targets);
  const reciprocal = !targets.length && cue.slots.includes('reciprocal') && sources.length > 1;
  if (!targets.length && !reciprocal) return NO_DRAFTS;
  const clauseStart = subject?.start ?? v;
  const reportedBy = reporterOf(view, v, clauseStart, sources);
  // Intent to cooperate: `offered to help Kenya` is an offer (PROPOSED), asserted as the offer is.
  const intent = cue.type === 'SUPPORTED' && !passive && view.lex.intentActs.has(t.lemma) ? intentFrame(view, v) : undefined;
  return [
    {
      type: intent !== undefined ? 'PROPOSED' : cue.type,
      sources,
      targets: reciprocal ? sources : targets,
      sentence: t.sentence,
      cue: intent !== undefined ? cueText(view, intent, after - 1) : cueText(view, v, after - 1),
      modality: view.modalityOf(intent ?? v, clauseStart),
      reportedBy,
      confidence: passive ? 0.7 : 0.8,
      reciprocal,
      chainAt: v,
    },
  ];
}

function matchNominal(view: ArticleView, i: number): NominalCue | undefined {
  const t = view.tok(i);
  if (!t) return undefined;
  // A sentence-initial plural the tagger took for a name (`Talks between ...`) still counts.
  const cues = view.lex.nominals.get(t.lemma) ?? view.lex.nominals.get(t.normal) ?? (t.pos === 'PROPN' && /s$/.test(t.normal) ? view.lex.nominals.get(t.normal.slice(0, -1)) : undefined);
  if (!cues) return undefined;
  for (const c of cues) {
    // A two-word cue (`peace talks`) needs its first word before the noun.
    const space = c.lemma.indexOf(' ');
    if (space >= 0 && view.norm(i - 1) !== c.lemma.slice(0, space)) continue;
    return c;
  }
  return undefined;
}

function nominalDrafts(view: ArticleView, i: number): readonly Draft[] {
  const cue = matchNominal(view, i);
  if (!cue) return NO_DRAFTS;
  // Idioms, not acts: `in response to`, `in support of`.
  if (view.norm(i - 1) === 'in' && ['to', 'of'].includes(view.norm(i + 1))) return NO_DRAFTS;
  const t = view.tok(i);
  if (!t) return NO_DRAFTS;
  const [first, last] = view.sentenceBounds(i);
  const end = view.clauseEnd(i);
  // The phrase the noun heads: owner before it, governing verb before that.
  let npStart = i;
  while (npStart - 1 >= first) {
    const p = view.tok(npStart - 1);
    if (!p) break;
    const ok = p.pos === 'DET' || p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s' || isQuoteMark(p.text) || view.entityAt(npStart - 1) !== undefined || ['his', 'her', 'their', 'its', 'our'].includes(p.normal);
    if (!ok || i - npStart > 6) break;
    npStart--;
  }
  const pre = npStart < i ? view.readNP(npStart, i) : undefined;
  let owner = pre?.owner;
  if (owner === undefined && pre?.heads.length && pre.last < i) owner = pre.heads[0];
  const possessivePronoun = [...Array(i - npStart).keys()].some((k) => ['his', 'her', 'their'].includes(view.norm(npStart + k)));
  const governor = view.governingVerb(npStart);
  const govLemma = governor !== undefined ? (view.tok(governor)?.lemma ?? '') : '';
  const govSubject = governor !== undefined ? subjectActors(view, governor) : undefined;

  // Target: the cue's preposition after the noun.
  let targets: number[] = [];
  let between = false;
  let from: number[] = [];
  for (let k = i + 1; k <= Math.min(end, i + 7); k++) {
    const n = view.norm(k);
    const tk = view.tok(k);
    if (!tk) break;
    if (n === 'from' && cue.type === 'PROPOSED') from = actorsOf(view, view.readNP(k + 1, end), true);
    if (cue.preps.includes(n) && (tk.pos === 'ADP' || tk.pos === 'PART' || tk.pos === 'SCONJ') && view.tok(k + 1)?.pos !== 'VERB') {
      const np = view.readNP(k + 1, end);
      targets = actorsOf(view, np, cue.type !== 'SPOKE_WITH');
      between = n === 'between';
      break;
    }
    if (tk.pos === 'VERB' || tk.pos === 'AUX' || n === ',' ) break;
  }
  if (between) {
    if (cue.type !== 'SPOKE_WITH' || targets.length < 2) return NO_DRAFTS;
    const framed = meetingFrame(view, i, governor, view.nominalModality(i, governor, npStart));
    return [{ type: cue.type, sources: targets, targets, sentence: t.sentence, cue: cueText(view, i, i), modality: framed.modality, confidence: 0.8, reciprocal: true }];
  }
  // Actor: the subject of a light/reporting verb (`Blinken reiterated the US commitment to`), else the owner,
  // else the governing verb's subject, else (for `his meeting`) the main subject of the sentence.
  let sources: number[] = [];
  let receiver = false;
  if (cue.type === 'PROPOSED' && view.lex.receiveVerbs.has(govLemma) && govSubject?.entities.length) {
    receiver = true;
    sources = from.length ? from : owner !== undefined ? [owner] : [];
    targets = [...govSubject.entities];
  } else if (govSubject?.entities.length && (view.lex.lightVerbs.has(govLemma) || (owner === undefined && !cue.ownedOnly))) {
    sources = [...govSubject.entities];
  } else if (owner !== undefined) {
    sources = [owner];
  } else if (possessivePronoun) {
    for (let k = i + 1; k <= last; k++) {
      if (view.tok(k)?.pos !== 'VERB') continue;
      const s = subjectActors(view, k);
      if (s?.entities.length) {
        sources = [...s.entities];
        break;
      }
    }
  }
  // `..., as a goodwill gesture to Y`: an `as` adjunct's act is the clause's, its actor the clause's subject.
  let actingVerb = governor;
  if (!sources.length && owner === undefined && !cue.ownedOnly && view.norm(npStart - 1) === 'as') {
    for (let k = npStart - 2; k >= first; k--) {
      if (view.tok(k)?.pos !== 'VERB') continue;
      const s = subjectActors(view, k);
      if (s?.entities.length) {
        sources = [...s.entities];
        actingVerb = k;
        break;
      }
    }
  }
  if (!sources.length) return NO_DRAFTS;
  if (!targets.length && cue.comp) targets = slotTargets(view, 'comp', i + 1, end, true, sources);
  const reciprocal = !targets.length && cue.type === 'SPOKE_WITH' && sources.length > 1;
  if (!targets.length && !reciprocal) return NO_DRAFTS;
  void receiver;
  const base = view.nominalModality(i, actingVerb, govSubject?.start ?? npStart);
  const framed = cue.type === 'SPOKE_WITH' ? meetingFrame(view, i, governor, base) : { modality: base, refused: false };
  const draft: Draft = {
    type: cue.type,
    sources,
    targets: reciprocal ? sources : targets,
    sentence: t.sentence,
    cue: cueText(view, cue.lemma.includes(' ') ? i - 1 : i, i),
    modality: framed.modality,
    reportedBy: reporterOf(view, i, govSubject?.start ?? npStart, sources),
    confidence: 0.7,
    reciprocal,
    chainAt: actingVerb,
  };
  // `China rejected talks with Taiwan`: the refusal is asserted (when the verb itself is).
  const refusal: Draft[] = framed.refused && !reciprocal && governor !== undefined && view.modalityOf(governor, govSubject?.start ?? npStart) === 'asserted' ? [{ ...draft, type: 'REJECTED', modality: 'asserted', cue: cueText(view, governor, i), confidence: 0.6 }] : [];
  return [draft, ...refusal];
}

/** First token of the noun phrase ending at token `end` (determiners, modifiers, possessors, entities), at most `max` tokens back. */
function phraseStart(view: ArticleView, end: number, first: number, max: number): number {
  let s = end;
  while (s - 1 >= first && end - s < max) {
    const p = view.tok(s - 1);
    if (!p) break;
    const ok = ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(p.pos) || p.normal === "'s" || p.normal === '’s' || ['its', 'their', 'his', 'her', 'our'].includes(p.normal) || view.entityAt(s - 1) !== undefined;
    if (!ok) break;
    s--;
  }
  return s;
}

/**
 * A demand named through its answer (CAMEO 10): `a formal answer from Y to
 * X's demands`, `Y's response to X's requests`, `Y replied to X's demands`
 * give DEMANDED X -> Y, asserted: the demands are presupposed whatever the
 * answer's own modality. X is the demands' owner, else (for `its`/`their`,
 * or none) the one receiving or awaiting the answer (`once it receives an
 * answer from Y to its requests`); Y is the `from` party, else the answer's
 * owner, else the subject of a responding verb or of a verb giving the answer.
 */
function responseDrafts(view: ArticleView, i: number): readonly Draft[] {
  const rf = view.lex.responseFrames;
  const t = view.tok(i);
  if (!t || t.pos !== 'NOUN' || !rf.demandNouns.has(t.lemma)) return NO_DRAFTS;
  const [first] = view.sentenceBounds(i);
  const s = phraseStart(view, i, first, 6);
  if (view.norm(s - 1) !== 'to') return NO_DRAFTS;
  const demands = view.readNP(s, i);
  const pronounOwner = ['its', 'their'].includes(view.norm(s));
  const owners = demands?.owner !== undefined && !pronounOwner ? [demands.owner] : [];
  // `an answer from Y to ...`: the `from` party stands between the answer and `to`.
  let q = s - 2;
  let responders: number[] = [];
  const fromStart = phraseStart(view, q, first, 6);
  if (fromStart <= q && view.norm(fromStart - 1) === 'from') {
    responders = actorsOf(view, view.readNP(fromStart, q), false);
    q = fromStart - 2;
  }
  const a = view.tok(q);
  if (!a) return NO_DRAFTS;
  let receivers: number[] = [];
  let clauseStart = q;
  if (a.pos === 'VERB' && rf.verbs.has(a.lemma) && !isPassive(view, q)) {
    const subject = subjectActors(view, q);
    if (!responders.length) responders = [...(subject?.entities ?? [])];
    clauseStart = subject?.start ?? q;
  } else if (a.pos === 'NOUN' && rf.nouns.has(a.lemma)) {
    const ns = phraseStart(view, q, first, 6);
    const own = ns < q ? view.readNP(ns, q) : undefined;
    if (!responders.length && own?.owner !== undefined) responders = [own.owner];
    const gov = view.governingVerb(ns);
    const govLemma = gov !== undefined ? (view.tok(gov)?.lemma ?? '') : '';
    const subject = gov !== undefined ? subjectActors(view, gov) : undefined;
    if (gov !== undefined && rf.receivers.has(govLemma)) receivers = [...(subject?.entities ?? [])];
    else if (!responders.length && gov !== undefined && rf.givers.has(govLemma)) responders = [...(subject?.entities ?? [])];
    clauseStart = subject?.start ?? ns;
  } else return [];
  const requesters = (owners.length ? owners : receivers).filter((e) => !responders.includes(e));
  if (!requesters.length || !responders.length) return NO_DRAFTS;
  // `Ukraine's request for arms from Germany`: the demands name their own addressee.
  const end = view.clauseEnd(i);
  for (let k = i + 1; k <= Math.min(end, i + 6); k++) {
    const tk = view.tok(k);
    if (!tk || tk.pos === 'VERB' || tk.pos === 'AUX' || tk.normal === ',') break;
    if (!['from', 'on', 'of', 'to'].includes(tk.normal) || tk.pos !== 'ADP') continue;
    const named = actorsOf(view, view.readNP(k + 1, end), true);
    if (named.some((e) => !responders.includes(e))) return NO_DRAFTS;
  }
  return [
    {
      type: 'DEMANDED',
      sources: requesters,
      targets: responders,
      sentence: t.sentence,
      cue: cueText(view, q, i),
      modality: view.nominalModality(i, undefined, s),
      reportedBy: reporterOf(view, q, clauseStart, requesters),
      confidence: 0.6,
    },
  ];
}

/**
 * Demanding a thing of someone (CAMEO 10): `X wants guarantees from Y`,
 * `X is seeking security assurances from Y`, `X asked for an apology from
 * Y` give DEMANDED X -> Y. The object's head must be a demanded thing
 * (`demandObjectFrames` in relation-cues.json) and the `from` party follow it.
 */
function demandObjectDrafts(view: ArticleView, v: number): readonly Draft[] {
  const t = view.tok(v);
  if (!t) return NO_DRAFTS;
  // The lexicon test first: it is cheap, and fails at nearly every verb.
  const phrase = verbPhrase(view, v, view.lex.demandObjectVerbs);
  if (!phrase || isPassive(view, v)) return NO_DRAFTS;
  const objStart = phrase.includes(' ') ? v + 2 : v + 1;
  const end = view.clauseEnd(v);
  const obj = view.readNP(objStart, end);
  if (!obj?.headLemma || obj.heads.length || !view.lex.demandObjectNouns.has(obj.headLemma)) return NO_DRAFTS;
  // `from` right after the object's head (the phrase may already hold it as a complement).
  let from = objStart;
  while (from <= obj.last + 1 && view.norm(from) !== 'from') from++;
  if (view.norm(from) !== 'from') return NO_DRAFTS;
  const subject = subjectActors(view, v);
  const sources = [...(subject?.entities ?? [])];
  // The `from` party ends at a comma that starts no list of entities (`from Bosch, the carmaker's chief executive said`).
  let partyEnd = from + 1;
  while (partyEnd < end && !(view.norm(partyEnd + 1) === ',' && view.entityAt(partyEnd + 2) === undefined)) partyEnd++;
  const targets = actorsOf(view, view.readNP(from + 1, partyEnd), false).filter((e) => !sources.includes(e));
  if (!sources.length || !targets.length) return NO_DRAFTS;
  const clauseStart = subject?.start ?? v;
  return [
    clauseDraft(view, v, clauseStart, {
      type: 'DEMANDED',
      sources,
      targets,
      sentence: t.sentence,
      cue: cueText(view, v, from),
      confidence: 0.6,
      chainAt: v,
    }),
  ];
}

/** Subjects that refer back to demands just named (`This ...`, `These demands ...`). */
const DEMAND_ANAPHORS = new Set(['this', 'these', 'they']);

/**
 * Demands whose content follows in the next sentence of the paragraph:
 * `X announced the demands in December. This goes with ensuring that Y does
 * not expand ...` / `These demands include that Y must ...` give DEMANDED
 * X -> Y. The next sentence must open with a subject referring back to the
 * demands (`This`, `These`, `They`, `The/These demands`), and its first
 * `that` clause must have an entity subject and a verb, with no verb of
 * speech and no other entity-led clause before it (`This came as Z said
 * that Y ...` is someone else's statement).
 */
function demandContentDrafts(view: ArticleView): Draft[] {
  const out: Draft[] = [];
  const sentences = view.ann.sentences;
  for (let si = 1; si < sentences.length; si++) {
    const sent = sentences[si];
    const prev = sentences[si - 1];
    if (!sent || !prev || sent.paragraph !== prev.paragraph) continue;
    // The sentence opens with a subject referring back to demands (checked first: it rejects nearly every sentence).
    const f = sent.firstToken;
    const open = view.tok(f);
    if (!open) continue;
    const next = view.tok(f + 1)?.pos ?? '';
    const anaphor = DEMAND_ANAPHORS.has(open.normal) && (open.pos === 'PRON' || (open.pos === 'DET' && (next === 'VERB' || next === 'AUX')));
    const named = ['the', 'these', 'this', 'such'].includes(open.normal) && view.lex.responseFrames.demandNouns.has(view.tok(f + 1)?.lemma ?? '');
    if (!anaphor && !named) continue;
    // The demands and who made them, in the previous sentence (the last demand noun with an actor).
    let requesters: number[] = [];
    let demand = -1;
    let chainAt: number | undefined;
    let clauseStart = prev.firstToken;
    for (let k = prev.firstToken; k <= prev.lastToken; k++) {
      const t = view.tok(k);
      if (!t || t.pos !== 'NOUN' || !view.lex.responseFrames.demandNouns.has(t.lemma)) continue;
      const start = phraseStart(view, k, prev.firstToken, 6);
      const np = start < k ? view.readNP(start, k) : undefined;
      const gov = view.governingVerb(start);
      const subject = gov !== undefined ? subjectActors(view, gov) : undefined;
      const actors = np?.owner !== undefined ? [np.owner] : (subject?.entities ?? []);
      if (!actors.length) continue;
      requesters = [...actors];
      demand = k;
      chainAt = gov;
      clauseStart = subject?.start ?? start;
    }
    if (!requesters.length) continue;
    // Its first `that` clause: `that Y does not expand`, `that Y must withdraw`.
    for (let k = f + 1; k <= sent.lastToken; k++) {
      const t = view.tok(k);
      if (!t) break;
      if (t.pos === 'VERB' && view.lex.speechVerbs.has(t.lemma) && t.lemma !== 'demand') break;
      if (view.entityAt(k) !== undefined) break;
      if (t.normal !== 'that' || (t.pos !== 'SCONJ' && t.pos !== 'PRON' && t.pos !== 'DET')) continue;
      const np = view.readNP(k + 1, sent.lastToken);
      const targets = (np?.heads.length ? np.heads : np?.owner !== undefined && view.lex.militaryNouns.has(np.headLemma ?? '') ? [np.owner] : []).filter((e) => !requesters.includes(e));
      const after = np ? view.tok(np.last + 1) : undefined;
      if (targets.length && after && (after.pos === 'AUX' || after.pos === 'VERB')) {
        out.push({
          type: 'DEMANDED',
          sources: requesters,
          targets,
          sentence: t.sentence,
          cue: `${view.tok(demand)?.text ?? ''} … ${t.text}`,
          modality: view.nominalModality(demand, chainAt, clauseStart),
          confidence: 0.5,
        });
      }
      break;
    }
  }
  return out;
}

/** A verb lemma with its particle (`call for`, `rule out`), as the meeting frames list them. */
function verbPhrase(view: ArticleView, v: number, set: ReadonlySet<string>): string | undefined {
  const lemma = view.tok(v)?.lemma ?? '';
  const two = `${lemma} ${view.norm(v + 1)}`;
  if (set.has(two)) return two;
  return set.has(lemma) ? lemma : undefined;
}

/**
 * Talks named by a noun that its verb puts in the future (`called for talks
 * with`) or cancels (`rejected talks with`, `the meeting was postponed`).
 */
function meetingFrame(view: ArticleView, noun: number, governor: number | undefined, base: Modality): { modality: Modality; refused: boolean } {
  if (base === 'negated' || base === 'hypothetical') return { modality: base, refused: false };
  if (governor !== undefined) {
    const cancel = verbPhrase(view, governor, view.lex.meetingCancelling);
    if (cancel) return { modality: 'negated', refused: view.lex.refusalVerbs.has(cancel.split(' ')[0] ?? '') };
    if (verbPhrase(view, governor, view.lex.meetingProspective)) return { modality: 'future', refused: false };
  }
  // The noun as subject: `The meeting between X and Y was cancelled`.
  const end = view.clauseEnd(noun);
  for (let k = noun + 1; k <= Math.min(end, noun + 10); k++) {
    const tk = view.tok(k);
    if (!tk || tk.normal === ',') break;
    if (tk.pos !== 'VERB') continue;
    if (verbPhrase(view, k, view.lex.meetingCancelling)) return { modality: 'negated', refused: false };
    break;
  }
  return { modality: base, refused: false };
}

/** The country a location phrase after token p names: a country, or a border owned by one. */
function locationTarget(view: ArticleView, p: number, end: number): number | undefined {
  for (let k = p; k <= Math.min(end, p + 9); k++) {
    const tk = view.tok(k);
    if (!tk) break;
    const n = tk.normal;
    if (view.lex.locationPreps.has(n) && (tk.pos === 'ADP' || tk.pos === 'ADV' || tk.pos === 'ADJ' || tk.pos === 'PART' || tk.pos === 'SCONJ')) {
      let q = k + 1;
      if (n === 'close' && view.norm(q) === 'to') q++;
      const np = view.readNP(q, end);
      if (!np) continue;
      const country = np.heads.find((h) => view.entityType(h) === 'Country');
      if (country !== undefined) return country;
      if (np.headLemma && view.lex.borderNouns.has(np.headLemma)) {
        const c = np.owner ?? np.complement.find((x) => view.entityType(x) === 'Country');
        if (c !== undefined) return c;
      }
      continue;
    }
    if ((tk.pos === 'VERB' && !/ed$/.test(n)) || n === ';' || n === 'but') break;
  }
  return undefined;
}

/** DEPLOYED_NEAR: `Russian forces massed near the Ukrainian border`, `Russia's deployment of troops on ...`. */
function deploymentDrafts(view: ArticleView, i: number): readonly Draft[] {
  const t = view.tok(i);
  if (!t) return NO_DRAFTS;
  const verbCue = t.pos === 'VERB' ? matchVerbCue(view, i) : undefined;
  const deployedVerb = verbCue?.cue.type === 'DEPLOYED_NEAR';
  // Performance (issue 7): most tokens are neither cue; they leave before anything is allocated.
  if (!deployedVerb && !(t.pos === 'NOUN' && (view.lex.militaryNouns.has(t.normal) || view.lex.militaryNouns.has(t.lemma)))) return NO_DRAFTS;
  const [first, last] = view.sentenceBounds(i);
  let sources: number[] = [];
  let modality: Modality = 'asserted';
  if (deployedVerb) {
    const s = view.subjectOf(i);
    sources = [...(s?.entities ?? [])];
    if (!sources.length) {
      // `... the Ukrainian border, where 100,000 Russian troops are stationed` handled below through the noun.
      return NO_DRAFTS;
    }
    modality = view.modalityOf(i, s?.start ?? i);
  } else {
    // A military noun (`troops`, `forces`).
    let s = i;
    while (s - 1 >= first && s > i - 6) {
      const p = view.tok(s - 1);
      if (!p) break;
      if (!(p.pos === 'DET' || p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s' || isQuoteMark(p.text) || view.entityAt(s - 1) !== undefined)) break;
      s--;
    }
    const np = s < i ? view.readNP(s, i) : undefined;
    const owner = np?.owner ?? (np && np.heads.length && np.last < i ? np.heads[0] : undefined);
    if (owner === undefined || view.entityType(owner) === 'Person') return NO_DRAFTS;
    sources = [owner];
    modality = view.nominalModality(i, view.governingVerb(s), s);
  }
  // Performance: the clause end (a scan to the end of the sentence) only for a cue, not at every token.
  const end = Math.min(view.clauseEnd(i), last);
  let target = locationTarget(view, i + 1, end);
  if (target === undefined) {
    // `the Ukrainian border, where 100,000 Russian troops are stationed`
    for (let k = i - 1; k >= first && k > i - 10; k--) {
      if (view.norm(k) !== 'where') continue;
      let e = k - 1;
      if (view.norm(e) === ',') e--;
      let s = e;
      while (s - 1 >= first && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(view.tok(s - 1)?.pos ?? '')) s--;
      const np = view.readNP(s, e);
      if (np?.headLemma && view.lex.borderNouns.has(np.headLemma)) target = np.owner ?? np.complement[0];
      break;
    }
  }
  if (target === undefined) return NO_DRAFTS;
  return [{ type: 'DEPLOYED_NEAR', sources, targets: [target], sentence: t.sentence, cue: t.text, modality, confidence: 0.7 }];
}

function finish(view: ArticleView, drafts: readonly Draft[]): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const sent = view.sentenceText(d.sentence);
    const pairs: [number, number][] = [];
    if (d.reciprocal) {
      for (let a = 0; a < d.sources.length; a++) for (let b = a + 1; b < d.sources.length; b++) pairs.push([d.sources[a] ?? -1, d.sources[b] ?? -1]);
    } else for (const s of d.sources) for (const t of d.targets) pairs.push([s, t]);
    for (const [s, t] of pairs) {
      if (s < 0 || t < 0 || s === t) continue;
      const [a, b] = d.type === 'SPOKE_WITH' && s > t ? [t, s] : [s, t];
      const key = `${d.type}|${a}|${b}|${d.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        type: d.type,
        source: s,
        target: t,
        sentence: d.sentence,
        evidence: sent.text,
        start: sent.start,
        end: sent.end,
        cue: d.cue,
        modality: d.modality,
        // Performance (issue 7): always the same fields (one hidden class); undefined ones are
        // left out of the JSON results.
        reportedBy: d.reportedBy !== s ? d.reportedBy : undefined,
        role: d.role,
        confidence: d.confidence,
      });
    }
  }
  return out;
}
