/**
 * AFFILIATED_WITH edges: from the mentions' roles and affiliations,
 * appositives (`Blinken's deputy, Kurt Campbell`), possessors (`NATO's Jens
 * Stoltenberg`), the owner of a title (`France's UN envoy X`), leadership
 * (`the council, chaired by X`), public figures of the gazetteer and entity affiliations.
 */
import type { ArticleEntity, Mention } from '../types.js';
import type { FigureEntry } from './relation-lexicon.js';
import { normKey } from './noun-phrase-view.js';
import { ArticleView } from './article-view.js';
import type { Draft } from './drafts.js';
import { roleAppositionAffiliations } from './role-appositions.js';
import { describedOfficeAffiliations } from './office-descriptions.js';
import { countryRoleAppositives, isDiplomatic, leadershipAffiliations, ownedRoleAppositives, titleOwner, titleOwnerAffiliations } from './role-titles.js';

/** AFFILIATED_WITH drafts, at most one per person and organisation. */
class AffiliationDrafts {
  readonly out: Draft[] = [];
  private readonly seen = new Set<string>();

  add(rule: string, person: number, org: number, sentence: number, role: string | undefined, cue: string): void {
    const key = `${person}|${org}`;
    if (person === org || this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push({ type: 'AFFILIATED_WITH', rule, sources: [person], targets: [org], sentence, cue, modality: 'asserted', role, confidence: 0.9 });
  }

  /** Keeps a person from being tied to a body by a later, weaker reading. */
  block(person: number, org: number): void {
    this.seen.add(`${person}|${org}`);
  }
}

/** AFFILIATED_WITH from mention roles/affiliations and `X's deputy, Y`. */
export function affiliationDrafts(view: ArticleView): Draft[] {
  const drafts = new AffiliationDrafts();
  const mentions = view.mentions;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || !m.affiliation) continue;
    const org = view.entityNamed(m.affiliation);
    if (org === undefined || view.entityType(org) === 'Person') continue;
    // `Russian UN envoy X`, `France's UN ambassador X`: a diplomat acts for the state that sent them.
    const state = isDiplomatic(view, m.role) && view.entityType(org) === 'Organisation' ? titleOwner(view, m) : undefined;
    if (state !== undefined && view.entityType(state) === 'Country') {
      drafts.add('affiliation.title-owner', person, state, m.sentence, m.role, m.role ?? '');
      drafts.block(person, org);
    } else drafts.add('affiliation.mention', person, org, m.sentence, m.role, m.role ?? m.affiliation);
  }
  titleOwnerAffiliations(view, (person, org, sentence, role, cue) => drafts.add('affiliation.title-owner', person, org, sentence, role, cue));
  appositiveAffiliations(view, drafts);
  ownedRoleAppositives(view, (person, org, sentence, role, cue) => drafts.add('affiliation.appositive', person, org, sentence, role, cue));
  countryRoleAppositives(view, (person, org, sentence, role, cue) => drafts.add('affiliation.appositive', person, org, sentence, role, cue));
  leadershipAffiliations(view, (person, org, sentence, role, cue) => drafts.add('affiliation.leadership', person, org, sentence, role, cue));
  roleAppositionAffiliations(view, (person, org, sentence, role, cue) => drafts.add('affiliation.role-apposition', person, org, sentence, role, cue));
  describedOfficeAffiliations(view, (person, org, sentence, role) => drafts.add('affiliation.described-office', person, org, sentence, role, role));
  // `Venezuela's Hugo Chavez`, `NATO's Jens Stoltenberg`: a country or organisation owning a person's name.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const ownerEnd = m.firstToken - 2;
    if (ownerEnd < 0 || !view.isPossessiveAfter(ownerEnd) || ownerEnd + 2 !== m.firstToken) continue;
    const org = view.entityAt(ownerEnd);
    if (org === undefined || view.entityType(org) === 'Person' || view.mentionAt(ownerEnd)?.lastToken !== ownerEnd) continue;
    drafts.add('affiliation.possessor', person, org, m.sentence, m.role, m.role ?? view.entities[org]?.name ?? '');
  }
  figureAffiliations(view, drafts);
  officeHolderAffiliations(view, drafts);
  // Entity-level affiliations the mentions did not carry (evidence: the first mention's sentence).
  for (const e of view.entities) {
    if (e.type !== 'Person') continue;
    for (const a of e.affiliations) {
      const org = view.entityNamed(a);
      const first = view.mentions[e.mentions[0] ?? -1];
      if (org === undefined || !first || view.entityType(org) === 'Person') continue;
      drafts.add('affiliation.entity', e.id, org, first.sentence, e.roles[0], e.roles[0] ?? a);
    }
  }
  return drafts.out;
}

/** `Blinken's deputy, Kurt Campbell,` / `Russia's ambassador to the UN, Vasily Nebenzia,`. */
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
    // An office, occupation or membership (`deputy`, `envoy`), not a kinship or praise noun (`son`, `hero`).
    if (!view.lex.affiliationRoles.has(np.headLemma)) continue;
    let org: number | undefined = owner;
    if (view.entityType(owner) === 'Person') {
      // A private role of a person (`Trump's lawyer`) makes no agent of that person's state.
      if (view.lex.privateRoles.has(np.headLemma)) continue;
      const ent = view.entities[owner];
      org = ent?.affiliations.map((a) => view.entityNamed(a)).find((x) => x !== undefined && view.entityType(x) !== 'Person');
    }
    if (org === undefined) continue;
    const roleFrom = tokens[i + 2]?.start ?? 0;
    let roleTo = i + 2;
    while (roleTo < tokens.length && tokens[roleTo]?.text !== ',') roleTo++;
    const role = roleTo < tokens.length ? view.text.slice(roleFrom, tokens[roleTo - 1]?.end ?? roleFrom) : np.headLemma;
    drafts.add('affiliation.appositive', np.appositive, org, tokens[i]?.sentence ?? 0, role, role);
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
    const fig = view.figureOf(e) ?? figureBySurname(view, e);
    const first = view.mentions[e.mentions[0] ?? -1];
    if (!fig || !first) continue;
    const role = e.roles[0] ?? fig.role;
    // An office of a body the article names (`Kremlin spokesman`, `State Department spokesman`,
    // the gazetteer's `UN Secretary-General`): that body.
    const body = bodyOfRole(view, role) ?? bodyOfRole(view, fig.role);
    if (body !== undefined) {
      drafts.add('affiliation.figure', e.id, body, first.sentence, role, role ?? '');
      continue;
    }
    const org = view.entityNamed(fig.country);
    if (org === undefined || view.entityType(org) !== 'Country') continue;
    drafts.add('affiliation.figure', e.id, org, first.sentence, role, role ?? fig.country);
  }
}

/**
 * A government office holder of the actor dictionaries named in full acts for the state of their
 * office, when the article names that state and gives the person no other affiliation
 * (`In 1995, President Bill Clinton restored ties with Vietnam` -> United States).
 */
function officeHolderAffiliations(view: ArticleView, drafts: AffiliationDrafts): void {
  const affiliated = new Set(drafts.out.map((d) => d.sources[0]));
  for (const e of view.entities) {
    if (e.type !== 'Person' || affiliated.has(e.id) || e.affiliations.some((a) => view.entityNamed(a) !== undefined)) continue;
    const state = view.entityNamed(view.lex.officeHolders.get(normKey(e.name)));
    const first = view.mentions[e.mentions[0] ?? -1];
    if (state === undefined || !first || view.entityType(state) !== 'Country') continue;
    drafts.add('affiliation.office-holder', e.id, state, first.sentence, e.roles[0], e.roles[0] ?? view.entities[state]?.name ?? '');
  }
}

/**
 * The one public figure whose name ends in a person's single-word name and whose office the
 * person's title names (`President Obama` -> Barack Obama, President), if exactly one fits.
 */
function figureBySurname(view: ArticleView, e: ArticleEntity): FigureEntry | undefined {
  const surname = normKey(e.name);
  const titles = e.roles.map((r) => r.toLowerCase());
  if (surname.includes(' ') || !surname || !titles.length) return undefined;
  // By state and office: a figure's spellings are separate entries of the same person.
  const found = new Map<string, FigureEntry>();
  for (const [key, fig] of view.lex.figures) {
    const role = fig.role?.toLowerCase() ?? '';
    if (key.endsWith(` ${surname}`) && fig.country && titles.some((t) => role === t || role.endsWith(` ${t}`))) found.set(`${fig.country}|${role}`, fig);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** The organisation of the article a role's leading words name (`Kremlin spokesman` -> Kremlin), if any. */
function bodyOfRole(view: ArticleView, role: string | undefined): number | undefined {
  const words = (role ?? '').split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const form = words.slice(0, n).join(' ');
    const e = view.entityNamed(form) ?? view.entityNamed(view.lex.canonicalBody(form));
    if (e !== undefined && view.entityType(e) === 'Organisation') return e;
  }
  return undefined;
}
