/**
 * AFFILIATED_WITH from the words around a titled name or an owned role:
 *   `France's UN envoy Gerard Araud`, `Qatar's Prime Minister X`  (the owner of the title before the name)
 *   `Russia's ambassador to the UN, Vasily Nebenzia`               (an owned role with its complement, then the name)
 *   `his former vice president, Riek Machar`                       (a person's role: that person's body)
 *   `the council, chaired by X` / `X, who heads the agency`        (verbs of leadership, relation-cues.json)
 * A diplomat's title naming both a state and an organisation (`the Russian UN envoy`) ties the
 * person to the state that sent them.
 */
import type { Mention, Token } from '../types.js';
import type { ArticleView } from './article-view.js';
import { POSSESSIVE_PRONOUNS } from './noun-phrase-view.js';
import type { AddAffiliation } from './role-appositions.js';

/** How far (tokens) a title may reach back from the name it precedes. */
const MAX_TITLE_TOKENS = 6;
/** How far (tokens) an owned role may run before the comma and the name. */
const MAX_ROLE_TOKENS = 12;
/** Words after an appositive name that close it (`Russia's envoy, X, said` / `..., X.`). */
const CLOSERS: ReadonlySet<string> = new Set([',', '.', ';', ')', ':']);
const COPULAS: ReadonlySet<string> = new Set(['is', 'was', 'be', 'been', 'being', 'are', 'were']);

const isBody = (view: ArticleView, e: number | undefined): e is number => e !== undefined && (view.entityType(e) === 'Organisation' || view.entityType(e) === 'Country');
const isPossessiveMark = (t: Token | undefined): boolean => t?.text === "'s" || t?.text === '’s';
const isRoleWord = (view: ArticleView, t: Token): boolean => view.lex.affiliationRoles.has(t.lemma) || view.lex.affiliationRoles.has(t.normal);
const isPersonName = (m: Mention | undefined): m is Mention => !!m && m.type === 'Person' && (m.kind === 'name' || m.kind === 'surname');

function text(view: ArticleView, from: number, to: number): string {
  const a = view.tok(from);
  const b = view.tok(to);
  return a && b ? view.text.slice(a.start, b.end) : '';
}

/** Whether a role's head word is a diplomat's (`UN Envoy`, `ambassador`, `permanent representative`). */
export function isDiplomatic(view: ArticleView, role: string | undefined): boolean {
  const words = (role ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  return last !== undefined && (view.lex.diplomaticRoles.has(last) || view.lex.diplomaticRoles.has(words.slice(-2).join(' ')));
}

/**
 * The country or body owning the title right before a person's name: a possessor (`France's UN
 * envoy X`), a country named or given by its demonym in front (`Russian UN envoy X`, `US
 * Defense Secretary X`). An organisation inside the title (`UN`) is read past; a title word
 * must stand between the owner and the name. With no country in front, the organisation right
 * before the title owns it (`NATO Secretary-General X`).
 */
export function titleOwner(view: ArticleView, m: Mention): number | undefined {
  const [first] = view.sentenceBounds(m.firstToken);
  let titled = false;
  let body: number | undefined;
  for (let k = m.firstToken - 1; k >= first && m.firstToken - k <= MAX_TITLE_TOKENS; k--) {
    const t = view.tok(k);
    if (!t) break;
    if (isPossessiveMark(t)) {
      const owner = view.entityAt(k - 1);
      return titled && isBody(view, owner) && view.isPossessiveAfter(k - 1) ? owner : body;
    }
    const e = view.entityAt(k) ?? view.demonymEntity(k);
    // `its UK chief executive X`: the country only qualifies an office of the body `its` stands for.
    if (e !== undefined && view.entityType(e) === 'Country') return titled && !POSSESSIVE_PRONOUNS.has(view.norm(k - 1)) ? e : body;
    if (e !== undefined && view.entityType(e) !== 'Organisation') break;
    if (e !== undefined && titled) body ??= e;
    // The hyphen of a compound title (`Secretary-General`).
    if (e === undefined && t.text === '-') continue;
    if (e === undefined && !/^(PROPN|NOUN|ADJ)$/.test(t.pos)) break;
    if (isRoleWord(view, t) || view.lex.titleWords.has(t.normal)) titled = true;
  }
  return body;
}

/** Adds the owner of a titled name's title when the name's title gave it no body (`Qatar's Prime Minister X`). */
export function titleOwnerAffiliations(view: ArticleView, add: AddAffiliation): void {
  view.mentions.forEach((m, i) => {
    const person = view.mentionEntity.get(i);
    if (person === undefined || view.entityType(person) !== 'Person' || !isPersonName(m)) return;
    const own = view.entityNamed(m.affiliation);
    if (own !== undefined && view.entityType(own) !== 'Person') return;
    const owner = titleOwner(view, m);
    if (owner !== undefined && owner !== person) add(person, owner, m.sentence, m.role, m.role ?? view.entities[owner]?.name ?? '');
  });
}

/** Nouns standing for a state named before (`the country's`). */
const STATE_NOUNS: ReadonlySet<string> = new Set(['country', 'nation']);
/** How many sentences back `the country` may look for the country it stands for. */
const MAX_STATE_ANAPHOR_SENTENCES = 2;

/** The country whose mention comes last before token i, within two sentences. */
function nearestCountryBefore(view: ArticleView, i: number): number | undefined {
  const t = view.tok(i);
  let best: number | undefined;
  let bestStart = -1;
  view.mentions.forEach((m, k) => {
    const e = view.mentionEntity.get(k);
    if (!t || e === undefined || view.entityType(e) !== 'Country' || m.start >= t.start || t.sentence - m.sentence > MAX_STATE_ANAPHOR_SENTENCES) return;
    if (m.start > bestStart) {
      best = e;
      bestStart = m.start;
    }
  });
  return best;
}

/** The owner (entity) of a possessive at token i and the token its role starts at: `Russia's`, `his`. */
function possessiveOwner(view: ArticleView, i: number): { owner: number; roleStart: number } | undefined {
  const w = view.norm(i);
  // `the country's defence minister, X`: the country named last before.
  if (STATE_NOUNS.has(w) && view.norm(i - 1) === 'the' && view.entityAt(i) === undefined && isPossessiveMark(view.tok(i + 1))) {
    const owner = nearestCountryBefore(view, i);
    return owner === undefined ? undefined : { owner, roleStart: i + 2 };
  }
  // `his`/`her` the entity stage left unresolved: the nearest person named before.
  const owner = view.entityAt(i) ?? (w === 'his' || w === 'her' ? view.nearestPersonBefore(i, () => true) : undefined);
  if (owner === undefined) return undefined;
  if (POSSESSIVE_PRONOUNS.has(w)) return { owner, roleStart: i + 1 };
  const m = view.mentionAt(i);
  return m && m.lastToken === i && view.isPossessiveAfter(i) ? { owner, roleStart: i + 2 } : undefined;
}

/**
 * An owned role from token p up to a comma: modifiers, a role head (affiliationRoles) before any
 * preposition, and the head's complement (`ambassador to the UN`). The role's head and last token.
 */
function ownedRole(view: ArticleView, p: number, last: number): { head: Token; end: number } | undefined {
  let head: Token | undefined;
  for (let r = p; r <= last && r - p < MAX_ROLE_TOKENS; r++) {
    const t = view.tok(r);
    if (!t) return undefined;
    if (t.text === ',') return head && r > p ? { head, end: r - 1 } : undefined;
    if (t.pos === 'ADP' && !head) return undefined;
    if (!/^(ADJ|NOUN|PROPN|DET|ADP|NUM)$/.test(t.pos) && t.text !== '-') return undefined;
    const e = view.entityAt(r);
    // A country may qualify the role before its head (`Kenya country director`); nothing else named may.
    if (!head && e !== undefined && view.entityType(e) !== 'Country') return undefined;
    if (!head && isRoleWord(view, t)) head = t;
  }
  return undefined;
}

/** The person named in apposition at token k (`..., Vasily Nebenzia, said`), when the name closes the phrase. */
function appositiveName(view: ArticleView, k: number, last: number): number | undefined {
  const m = view.mentionAt(k);
  const e = view.entityAt(k);
  if (!isPersonName(m) || m.firstToken !== k || e === undefined) return undefined;
  const after = view.tok(m.lastToken + 1);
  return m.lastToken >= last || !after || CLOSERS.has(after.text) || after.pos === 'VERB' || after.pos === 'AUX' ? e : undefined;
}

/**
 * `Russia's ambassador to the UN, Vasily Nebenzia`, `his former vice president, Riek Machar`: the
 * named holder of an owned role acts for the owner, or for the owner's body when the owner is a
 * person (not for a private role: `Trump's lawyer`).
 */
export function ownedRoleAppositives(view: ArticleView, add: AddAffiliation): void {
  for (let i = 0; i < view.tokens.length; i++) {
    const own = possessiveOwner(view, i);
    if (!own) continue;
    const [, last] = view.sentenceBounds(i);
    const role = ownedRole(view, own.roleStart, last);
    if (!role) continue;
    const person = appositiveName(view, role.end + 2, last);
    if (person === undefined || person === own.owner) continue;
    let org: number | undefined = own.owner;
    if (view.entityType(own.owner) === 'Person') {
      if (view.lex.privateRoles.has(role.head.lemma) || view.lex.privateRoles.has(role.head.normal)) continue;
      org = view.affiliationsOf(own.owner).find((x) => isBody(view, x));
    }
    if (!isBody(view, org)) continue;
    const roleText = text(view, own.roleStart, role.end);
    add(person, org, view.tok(i)?.sentence ?? 0, roleText, roleText);
  }
}

/**
 * `A Kenyan government spokesman, Peter Mwangi, said`, `The Russian deputy foreign minister, X,`: a
 * role headed by an office word right before the comma, qualified by a country, opening the
 * phrase (after a determiner or at the sentence start). Private roles (`a Russian lawyer`) give none.
 */
export function countryRoleAppositives(view: ArticleView, add: AddAffiliation): void {
  view.mentions.forEach((m, i) => {
    const person = view.mentionEntity.get(i);
    const headAt = m.firstToken - 2;
    const head = view.tok(headAt);
    if (person === undefined || !isPersonName(m) || view.norm(m.firstToken - 1) !== ',' || !head || !isRoleWord(view, head)) return;
    if (view.lex.privateRoles.has(head.lemma) || view.lex.privateRoles.has(head.normal)) return;
    const [first, last] = view.sentenceBounds(m.firstToken);
    if (appositiveName(view, m.firstToken, last) === undefined) return;
    let country: number | undefined;
    let k = headAt;
    while (k >= first && headAt - k < MAX_TITLE_TOKENS && /^(ADJ|NOUN|PROPN)$/.test(view.tok(k)?.pos ?? '')) {
      const e = view.entityAt(k) ?? view.demonymEntity(k);
      if (e !== undefined && view.entityType(e) !== 'Country') return;
      country ??= e;
      k--;
    }
    if (country === undefined || (k >= first && view.tok(k)?.pos !== 'DET')) return;
    add(person, country, m.sentence, text(view, k + 1, headAt), text(view, k + 1, headAt));
  });
}

/** The body mention ending right before a leadership participle (`the council, (which is) chaired by`). */
function bodyBefore(view: ArticleView, k: number, first: number): number | undefined {
  let j = k - 1;
  if (COPULAS.has(view.norm(j))) j--;
  if (view.norm(j) === 'which' || view.norm(j) === 'that') j--;
  if (view.norm(j) === ',') j--;
  const m = view.mentionAt(j);
  const e = view.entityAt(j);
  return j >= first && m && m.lastToken === j && isBody(view, e) ? e : undefined;
}

/** The body mention after a leadership verb (`who heads (the) X`). */
function bodyAfter(view: ArticleView, k: number): number | undefined {
  const q = view.norm(k) === 'the' ? k + 1 : k;
  const m = view.mentionAt(q);
  const e = view.entityAt(q);
  return m && m.firstToken === q && isBody(view, e) && !view.isPossessiveAfter(m.lastToken) ? e : undefined;
}

/** `the council, chaired by X` and `X, who (has) headed the agency`: the leader acts for the body. */
export function leadershipAffiliations(view: ArticleView, add: AddAffiliation): void {
  const verbs = view.lex.leadershipVerbs;
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tok(k);
    const role = t && (t.pos === 'VERB' || t.pos === 'AUX') ? verbs.get(t.lemma) : undefined;
    if (!t || role === undefined) continue;
    const [first] = view.sentenceBounds(k);
    if (view.norm(k + 1) === 'by') {
      const person = view.entityAt(k + 2);
      const org = bodyBefore(view, k, first);
      if (isPersonName(view.mentionAt(k + 2)) && person !== undefined && org !== undefined) add(person, org, t.sentence, role, role);
      continue;
    }
    let w = k - 1;
    if (view.norm(w) === 'has' || view.norm(w) === 'had') w--;
    if (view.norm(w) !== 'who' || view.norm(w - 1) !== ',') continue;
    const m = view.mentionAt(w - 2);
    const person = view.entityAt(w - 2);
    const org = bodyAfter(view, k + 1);
    if (isPersonName(m) && m.lastToken === w - 2 && person !== undefined && org !== undefined) add(person, org, t.sentence, role, role);
  }
}
