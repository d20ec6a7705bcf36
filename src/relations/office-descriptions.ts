/**
 * Offices described, not named, as actors: `the commander of the UN-led mission`, `the head of
 * the UN agency`, `the minister` stand for the person the article names in that office, else
 * (for an office of a body or state) for that body or state. The offices a person holds are read
 * from the entity stage's roles and from the appositions after the person's names (`Anna Weber,
 * the German foreign minister,`).
 */
import type { ArticleEntity } from '../types.js';
import type { ArticleView, NounPhrase, Subject } from './article-view.js';
import { RoleAntecedents } from './quotes/role-antecedent.js';

/** Dashes that end a dateline before the story's first sentence. */
const DASHES: ReadonlySet<string> = new Set(['-', '--', '–', '—']);

/**
 * `The commander of the UN-led mission in Mali rejected ...`, `the head of the UN agency
 * urged ...`: a subject that is an office (a title word) with an `of` complement naming a body or
 * state, the office's own phrase opening the clause. The office stands for its holder when the
 * article names one (see `describedHolder`), else for the body or state it serves.
 */
export function describedOffice(view: ArticleView, s: Subject, v: number): Subject | undefined {
  const d = officeDescription(view, s, v);
  return d ? { entities: [d.holder ?? d.body], start: d.start, headLemma: d.office } : undefined;
}

/** An office described as a subject: its noun, the body or state it serves, the person named in it (if one), where its phrase starts and ends. */
interface OfficeDescription {
  readonly office: string;
  readonly body: number;
  readonly holder: number | undefined;
  readonly start: number;
  readonly end: number;
}

function officeDescription(view: ArticleView, s: Subject, v: number): OfficeDescription | undefined {
  const [first] = view.sentenceBounds(v);
  const end = view.chainStart(v, first) - 1;
  // The office: `of` right after it, the office phrase opening the sentence or a clause.
  let k = s.start - 1;
  while (k > first && view.norm(k) !== 'of') k--;
  const office = k - 1;
  const t = view.tok(office);
  if (view.norm(k) !== 'of' || !t || t.pos !== 'NOUN' || !/^[a-z]/.test(t.text) || !isOfficeNoun(view, t.lemma) || t.normal !== t.lemma) return undefined;
  let start = office - 1;
  while (start >= first && (view.tok(start)?.pos === 'ADJ' || view.tok(start)?.pos === 'DET')) start--;
  // A dateline's dash (`(CNN) -- The commander of ...`) opens the sentence as well.
  if (start >= first && view.norm(start) !== ',' && !DASHES.has(view.norm(start)) && view.tok(start)?.pos !== 'SCONJ') return undefined;
  const complement = view.readNP(k + 1, end);
  if (!complement || !plainPhrases(view, k + 1, end)) return undefined;
  const bodies = complement.heads.length ? complement.heads : complement.owner !== undefined ? [complement.owner] : [];
  const body = bodies.length === 1 ? bodies[0] : undefined;
  if (body === undefined || view.entityType(body) === 'Person') return undefined;
  return { office: t.lemma, body, holder: describedHolder(view, t.lemma, body), start: start + 1, end };
}

/**
 * `The head of the UN mission in Mali rejected ...` where the article names the
 * commander: the holder serves the body the description names, in the office it describes.
 */
export function describedOfficeAffiliations(view: ArticleView, add: (person: number, org: number, sentence: number, role: string) => void): void {
  for (let k = 1; k < view.tokens.length; k++) {
    const t = view.tok(k - 1);
    if (view.norm(k) !== 'of' || !t || t.pos !== 'NOUN' || !isOfficeNoun(view, t.lemma)) continue;
    const [, last] = view.sentenceBounds(k);
    for (let v = k + 1; v <= last && v - k < 20; v++) {
      // `the NATO-led forces`: a participle inside a compound is no predicate.
      if (!view.isVerb(v) || view.norm(v - 1) === '-') continue;
      const s = view.subjectOf(v);
      const d = s ? officeDescription(view, s, v) : undefined;
      if (d?.holder !== undefined && d.holder !== d.body) {
        const a = view.tok(view.tok(d.start)?.pos === 'DET' ? d.start + 1 : d.start);
        const b = view.tok(d.end);
        add(d.holder, d.body, t.sentence, a && b ? view.text.slice(a.start, b.end) : d.office);
      }
      break;
    }
  }
}

/** Whether tokens from..to are noun phrases and prepositions only (`the UN-led mission in Mali`): no verb, comma or pronoun. */
function plainPhrases(view: ArticleView, from: number, to: number): boolean {
  for (let j = from; j <= to; j++) {
    const t = view.tok(j);
    if (!t) return false;
    const compound = t.pos === 'VERB' && view.norm(j - 1) === '-';
    if (!compound && !['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PUNCT'].includes(t.pos)) return false;
    if (t.pos === 'PUNCT' && t.text !== '-') return false;
  }
  return true;
}

/** Title words that head an office (`chief`, `commander`, `envoy`): the lexicon's group nouns and role nouns that are titles. */
export function isOfficeNoun(view: ArticleView, lemma: string): boolean {
  // `head` is a title only with an owner (`the head of the agency`), so no role list has it.
  return lemma === 'head' || view.lex.groupNouns.has(lemma) || (view.lex.personRoleNouns.has(lemma) && view.lex.titleWords.has(lemma));
}

/**
 * The person the article names in an office of a body or state: the one holder of a role with
 * that word who acts for it; else, for a body, the one person with such a role who acts for no
 * state (a body's officer named with another body's title: NATO's commander as ISAF's).
 */
function describedHolder(view: ArticleView, office: string, body: number): number | undefined {
  const holders = view.entities.filter((e) => e.type === 'Person' && holdsOffice(view, e, office, undefined));
  const serving = holders.filter((e) => view.isAffiliated(e.id, body));
  if (serving.length) return serving.length === 1 ? serving[0]?.id : undefined;
  if (view.entityType(body) !== 'Organisation' || holders.length !== 1) return undefined;
  const only = holders[0];
  return only && !view.affiliationsOf(only.id).some((a) => view.entityType(a) === 'Country') ? only.id : undefined;
}

/**
 * Whether person `e` holds an office with the word `office`: by a role of the entity stage or an
 * apposition after its name; for an `owner`, one that names the owner (`the German foreign
 * minister` for Germany) or held by a person acting for it.
 */
export function holdsOffice(view: ArticleView, e: ArticleEntity, office: string, owner: number | undefined): boolean {
  const byRole = e.roles.some((r) => r.toLowerCase().split(/\s+/).includes(office));
  const owners = appositiveOffices(view, e.id).get(office);
  if (owner === undefined) return byRole || owners !== undefined;
  return ((byRole || owners !== undefined) && view.isAffiliated(e.id, owner)) || (owners?.has(owner) ?? false);
}

/** How far back (sentences) `the minister` looks for the person named in that office. */
const OFFICE_WINDOW = 6;

/**
 * `The minister rejected ...`, `the German minister said ...` after `Anna Weber, the German
 * foreign minister,`: a definite singular office with no body named in it (or only a state by its
 * demonym) stands for the one person named before it, within a few sentences, in that office.
 */
export function definiteOffice(view: ArticleView, np: NounPhrase): number[] {
  const office = np.headLemma ?? '';
  const head = view.tok(np.last);
  if (!head || head.normal !== office || view.norm(np.first) !== 'the' || np.complement.length || !view.lex.personRoleNouns.has(office)) return [];
  const owner = np.owner;
  if (owner !== undefined && view.entityType(owner) !== 'Country') return [];
  const found = new Set<number>();
  view.mentions.forEach((m, i) => {
    const e = view.mentionEntity.get(i);
    const ent = e === undefined ? undefined : view.entities[e];
    if (!ent || ent.type !== 'Person' || m.kind === 'pronoun' || m.start >= head.start || head.sentence - m.sentence > OFFICE_WINDOW) return;
    if (holdsOffice(view, ent, office, owner)) found.add(ent.id);
  });
  return found.size === 1 ? [...found] : [];
}

/** Nouns that, possessed (`the country's`), refer back to a state. */
const STATE_NOUNS: ReadonlySet<string> = new Set(['country', 'nation']);

/**
 * `Its prime minister accused ...`, `the country's foreign minister said ...`: the state (or, for
 * `its`, the body) such a possessor refers back to, when the sentence before and this one up to
 * the phrase name exactly one state or body (more than one: none, the reference is open).
 */
export function possessiveReferent(view: ArticleView, np: NounPhrase): number | undefined {
  const its = view.norm(np.first) === 'its';
  const stateNoun = view.norm(np.first) === 'the' && STATE_NOUNS.has(view.norm(np.first + 1)) && view.isPossessiveAfter(np.first + 1);
  if ((!its && !stateNoun) || np.owner !== undefined || np.heads.length) return undefined;
  const sentence = view.tok(np.first)?.sentence ?? 0;
  const found = new Set<number>();
  for (let k = np.first - 1; k >= 0; k--) {
    const t = view.tok(k);
    if (!t || sentence - t.sentence > 1) break;
    const e = view.entityAt(k);
    const type = e === undefined ? undefined : view.entityType(e);
    if (e !== undefined && view.mentionAt(k)?.kind !== 'pronoun' && (type === 'Country' || (its && type === 'Organisation'))) found.add(e);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Each article's role-antecedent index, made on first use: the quote stage's, for acts as for speakers. */
const roleIndex = new WeakMap<ArticleView, RoleAntecedents>();

/**
 * `The Vermont senator accused ...` after `Vermont Sen. Bernie Sanders`: a definite role description
 * as an act's subject is the person it refers back to as a speaker would be (`"...," the Vermont
 * senator said`; see `RoleAntecedents`): the one recent person whose titles, abbreviated or not,
 * or modifiers fit it.
 */
export function roleAntecedent(view: ArticleView, np: NounPhrase): number[] {
  const head = view.tok(np.last);
  if (!head || view.norm(np.first) !== 'the' || np.complement.length || np.owner !== undefined || np.heads.length || !view.lex.personRoleNouns.has(head.normal)) return [];
  let roles = roleIndex.get(view);
  if (!roles) roleIndex.set(view, (roles = new RoleAntecedents(view.ann, view.mentions, view.entities, view.lex)));
  const found = roles.find(np.first, np.last, true);
  return found === undefined ? [] : [found];
}

/** The office nouns of the appositions after a person's names, with the states and bodies they name (`X, Germany's foreign minister,`: minister -> Germany). */
function appositiveOffices(view: ArticleView, person: number): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  view.mentions.forEach((m, i) => {
    if (view.mentionEntity.get(i) !== person || (m.kind !== 'name' && m.kind !== 'surname') || view.norm(m.lastToken + 1) !== ',') return;
    const owners = new Set<number>();
    for (let k = m.lastToken + 2; k <= m.lastToken + 8; k++) {
      const t = view.tok(k);
      if (!t) break;
      const e = view.entityAt(k) ?? view.demonymEntity(k);
      if (e !== undefined && view.entityType(e) !== 'Person') owners.add(e);
      else if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'PART'].includes(t.pos)) break;
      if (t.pos === 'NOUN' && e === undefined) out.set(t.lemma, new Set([...(out.get(t.lemma) ?? []), ...owners]));
    }
  });
  return out;
}
