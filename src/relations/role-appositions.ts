/**
 * AFFILIATED_WITH from a role stated next to a person's name, where the name carries no title:
 *   `Nawaf Salam, the president of the court`        (name, role of/at/for/on/with body)
 *   `Anna Berg, a professor of law at Oxford University`
 *   `King and Weeks, both professors at the university` (each of the coordinated names)
 *   `Vicente Fox, Mexico's president from 2000 to 2006` (name, body's role)
 *   `Maria Gomez, of the Green Party`                 (name, of body)
 *   `The leader of Ennahda, Rachid Ghannouchi`        (role of body, name)
 *   `Anna Berg is the president of the court`         (name, copula or verb of taking office, role)
 * The role must have a head of `affiliationRoles` (relation-cues.json): an office, occupation or
 * membership, not a kinship or rivalry (`the son of`, `a critic of`). The body is the first
 * country or organisation mention right after a preposition (or before `'s`) within the role.
 */
import type { Mention, Token } from '../types.js';
import type { ArticleView } from './article-view.js';

/** Where a producer puts an affiliation: person and body entity ids, sentence, role text, cue. */
export type AddAffiliation = (person: number, org: number, sentence: number, role: string | undefined, cue: string) => void;

const ROLE_PREPS: ReadonlySet<string> = new Set(['of', 'at', 'for', 'on', 'with', 'in']);
const ROLE_DETS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'both', 'all', 'its', 'their', 'his', 'her']);
/** How far (tokens) a role may run after the comma before its body is named. */
const MAX_ROLE_TOKENS = 12;

const isBody = (view: ArticleView, e: number | undefined): e is number => e !== undefined && (view.entityType(e) === 'Organisation' || view.entityType(e) === 'Country');

/** Whether token r is in a person's name (not a role word the resolver took for a mention of someone). */
function namedPerson(view: ArticleView, r: number): boolean {
  const m = view.mentionAt(r);
  const e = view.entityAt(r);
  return !!m && (m.kind === 'name' || m.kind === 'surname') && e !== undefined && view.entityType(e) === 'Person';
}

/** A role phrase: its body (and the body that one belongs to, if named), its text and last token. */
interface RolePhrase {
  readonly org: number;
  readonly parent?: number;
  readonly role: string;
  readonly end: number;
}

/** The body named by the mention starting at token `p` (after an optional `the`), and the token after it. */
function bodyAt(view: ArticleView, p: number): { org: number; after: number } | undefined {
  let q = p;
  if (view.norm(q) === 'the') q++;
  const m = view.mentionAt(q);
  const e = view.entityAt(q);
  if (!m) return aliasAt(view, q);
  if (m.firstToken !== q || !isBody(view, e)) return undefined;
  return { org: e, after: m.lastToken + 1 };
}

/**
 * An organisation named by one capitalised word the entity stage left unmarked, by the article's
 * names and aliases (`the ICJ`). Not a city: a capital is an alias of its country but no body of a role.
 */
function aliasAt(view: ArticleView, q: number): { org: number; after: number } | undefined {
  const t = view.tok(q);
  if (!t || !/^\p{Lu}/u.test(t.text)) return undefined;
  const e = view.entityNamed(t.text);
  return e !== undefined && view.entityType(e) === 'Organisation' ? { org: e, after: q + 1 } : undefined;
}

/**
 * The body and role text of a role phrase starting at token `p` (after the comma), or undefined.
 * Stops at a comma (after the body), a verb, a quotation mark or the sentence's end.
 */
function roleAfter(view: ArticleView, p: number, last: number): RolePhrase | undefined {
  const roles = view.lex.affiliationRoles;
  let q = p;
  if (ROLE_DETS.has(view.norm(q))) q++;
  // `Mexico's president`: the body owns the role.
  const owner = bodyAt(view, q);
  if (owner && view.isPossessiveAfter(owner.after - 1)) {
    let r = owner.after + 1; // past `'s`
    const from = r;
    let head = false;
    while (r <= last && r - from < 4 && /^(ADJ|NOUN|PROPN)$/.test(view.tok(r)?.pos ?? '')) {
      // `X, the party's elections chief Jane Roe said`: a role followed by a name is that name's.
      if (namedPerson(view, r)) return undefined;
      if (roles.has(view.tok(r)?.lemma ?? '') || roles.has(view.norm(r))) head = true;
      r++;
    }
    if (head) return { org: owner.org, role: text(view, from, r - 1), end: r - 1 };
    return undefined;
  }
  // `of the Green Party`: membership with no role word (not `of Australia's Liberal Party`).
  if (q === p && view.norm(q) === 'of') {
    const b = bodyAt(view, q + 1);
    return b && !view.isPossessiveAfter(b.after - 1) ? { org: b.org, role: 'member', end: b.after - 1 } : undefined;
  }
  // Several people share a plural role (`both professors at`); without `both` or `all`, a plural
  // after a name starts a list (`Mr Finnie, representatives of X and Y`).
  return roleWithBody(view, p, q, last);
}

/**
 * The role from token q (after `Name,`): its head (affiliationRoles), then a body after a
 * preposition (`president of the court`). With no such body, a country qualifying the role
 * before its head is the body (`the Russian deputy foreign minister`, `the Kenyan ambassador to
 * the UN`), unless the role is private (`a Russian lawyer` says nothing of the state).
 */
function roleWithBody(view: ArticleView, p: number, q: number, last: number): RolePhrase | undefined {
  const roles = view.lex.affiliationRoles;
  // Several people share a plural role (`both professors at`); without `both` or `all`, a plural
  // after a name starts a list (`Mr Finnie, representatives of X and Y`).
  const shared = /^(both|all)$/.test(view.norm(p));
  let head: Token | undefined;
  let country: number | undefined;
  for (let r = q; r <= last && r - p < MAX_ROLE_TOKENS; r++) {
    const t = view.tok(r);
    if (!t) return undefined;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'CCONJ') {
      const ok = head && country !== undefined && !view.lex.privateRoles.has(head.lemma) && !view.lex.privateRoles.has(head.normal);
      return ok && country !== undefined ? { org: country, role: text(view, q, r - 1), end: r - 1 } : undefined;
    }
    if (ROLE_PREPS.has(t.normal) && head) {
      const b = bodyAt(view, r + 1);
      // `a fellow at the Belfer Center at Harvard University`: the body the first belongs to.
      const parent = b && /^(at|of)$/.test(view.norm(b.after)) ? bodyAt(view, b.after + 1) : undefined;
      if (b) return { org: b.org, role: text(view, q, r - 1), end: b.after - 1, ...(parent && parent.org !== b.org ? { parent: parent.org } : {}) };
      continue;
    }
    // A country may qualify the role (`Kenya country director for Oxfam`); any other entity
    // before the role's head means this is no role phrase.
    const e = view.entityAt(r) ?? (head ? undefined : view.demonymEntity(r));
    // `X, elections chief Jane Roe of the party`: the role is the later name's.
    if (head && namedPerson(view, r)) return undefined;
    if (e !== undefined && !head && view.entityType(e) !== 'Country') return undefined;
    if (e !== undefined && !head) country ??= e;
    if (!head && (roles.has(t.lemma) || roles.has(t.normal))) {
      if (t.normal !== t.lemma && t.normal.endsWith('s') && !shared) return undefined;
      head = t;
    }
  }
  return undefined;
}

function text(view: ArticleView, from: number, to: number): string {
  const a = view.tok(from);
  const b = view.tok(to);
  return a && b ? view.text.slice(a.start, b.end) : '';
}

/** Where a role after `Name,` starts: past `who is`, `who became`, `who serves as` (`X, who is the president of Y`). */
function roleStart(view: ArticleView, p: number): number {
  if (view.norm(p) !== 'who') return p;
  if (/^(serves|served)$/.test(view.norm(p + 1)) && view.norm(p + 2) === 'as') return p + 3;
  const after = copulaEnd(view, p + 1);
  return after > p + 1 ? after : p;
}

/**
 * The token after a copula or a verb of taking office at `k` (`is`, `became`, `has been`, `was
 * appointed`, `was named`), or `k` when there is none: what follows states a role
 * (`X was appointed head of the bank`).
 */
function copulaEnd(view: ArticleView, k: number): number {
  let j = k;
  if (/^(has|have|had)$/.test(view.norm(j)) && view.norm(j + 1) === 'been') j += 2;
  else if (/^(is|was|became|becomes|remains|remained)$/.test(view.norm(j))) j++;
  else return k;
  if (/^(appointed|named|elected|made)$/.test(view.norm(j))) j++;
  return j;
}

/** Persons coordinated before a name (`King and Weeks`, `Kevin King and Australian Timothy Weeks`). */
function coordinatedBefore(view: ArticleView, m: Mention): number[] {
  const out: number[] = [];
  let p = m.firstToken - 1;
  // A demonym or title word may stand between `and` and the name.
  while (p >= 0 && p > m.firstToken - 3 && view.norm(p) !== 'and' && (view.entityAt(p) === undefined || view.entityType(view.entityAt(p) as number) === 'Country')) p--;
  if (view.norm(p) !== 'and') return out;
  const prev = view.mentionAt(p - 1);
  const e = view.entityAt(p - 1);
  if (prev && e !== undefined && view.entityType(e) === 'Person') out.push(e);
  return out;
}

/** Adds the affiliations the role appositions of the article state. */
export function roleAppositionAffiliations(view: ArticleView, add: AddAffiliation): void {
  const mentions = view.mentions;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const [first, last] = view.sentenceBounds(m.firstToken);
    // Name, role.
    if (view.norm(m.lastToken + 1) === ',') {
      const r = roleAfter(view, roleStart(view, m.lastToken + 2), last);
      if (r && r.org !== person) {
        add(person, r.org, m.sentence, r.role, r.role);
        if (r.parent !== undefined && r.parent !== person) add(person, r.parent, m.sentence, `${r.role} at ${view.entities[r.org]?.name ?? ''}`, r.role);
        if (/^(both|all)$/.test(view.norm(m.lastToken + 2))) for (const p of coordinatedBefore(view, m)) add(p, r.org, m.sentence, r.role, r.role);
      }
    }
    // Name is role (`X is the president of Y`, `X was appointed head of Y`).
    const copula = copulaEnd(view, m.lastToken + 1);
    if (copula > m.lastToken + 1) {
      const r = roleAfter(view, copula, last);
      if (r && r.org !== person && view.norm(copula) !== 'of') add(person, r.org, m.sentence, r.role, r.role);
    }
    // Role of body, name.
    if (m.firstToken - 2 >= first && view.norm(m.firstToken - 1) === ',') {
      const bodyMention = view.mentionAt(m.firstToken - 2);
      const org = view.entityAt(m.firstToken - 2);
      if (!bodyMention || !isBody(view, org)) continue;
      let p = bodyMention.firstToken - 1;
      if (view.norm(p) === 'the') p--;
      if (!ROLE_PREPS.has(view.norm(p)) || p - 1 < first) continue;
      const roleEnd = p - 1;
      const t = view.tok(roleEnd);
      if (!t || !(view.lex.affiliationRoles.has(t.lemma) || view.lex.affiliationRoles.has(t.normal))) continue;
      let roleStart = roleEnd;
      while (roleStart - 1 >= first && /^(ADJ|NOUN|PROPN)$/.test(view.tok(roleStart - 1)?.pos ?? '') && view.entityAt(roleStart - 1) === undefined) roleStart--;
      add(person, org, m.sentence, text(view, roleStart, roleEnd), text(view, roleStart, roleEnd));
    }
  }
}
