/**
 * The entity layer over an article's parse (src/parse/article-doc.ts): which
 * mention and entity a token belongs to after reference resolution, entity
 * names and affiliations, and noun phrases (heads, owners, coordination,
 * appositives, complements). ArticleView (article-view.ts) adds subjects on
 * top. Pure: built from plain data; a new view over the same doc is cheap.
 */
import type { AnnotatedText, ArticleEntity, Mention, Token } from '../types.js';
import type { FigureEntry, RelationLexicon } from './relation-lexicon.js';
import type { ArticleReferences } from '../resolve/article-references.js';
import type { ArticleDoc } from '../parse/article-doc.js';
import { normKey } from '../text/name-key.js';
import { POSSESSIVE, POSSESSIVE_PRONOUNS, TEMPORAL, isQuoteMark } from '../parse/words.js';
import { pairReference } from './pair-references.js';

export { normKey } from '../text/name-key.js';
export { POSSESSIVE_PRONOUNS, isQuoteMark } from '../parse/words.js';

export interface NounPhrase {
  /** Entities heading the phrase (several when coordinated). */
  readonly heads: readonly number[];
  /** Owner of a non-entity head: possessor, demonym or entity modifier (`Russia's demands`, `Russian troops`). */
  readonly owner: number | undefined;
  /** A named appositive after a non-entity head (`Lavrov's deputy, Sergei Ryabkov`). */
  readonly appositive: number | undefined;
  /** Entities in an `of`/`from` complement of a non-entity head (`representatives from Germany and France`). */
  readonly complement: readonly number[];
  /** Lower-case lemma of the non-entity head noun, when there is one. */
  readonly headLemma: string | undefined;
  /** Whether an entity head is a name of a person given only by an anonymous title. */
  readonly first: number;
  readonly last: number;
}

export interface Subject {
  readonly entities: readonly number[];
  /** First token of the subject phrase (for modality and reporting frames). */
  readonly start: number;
  /** The non-entity head, when the subject names no entity (`a senior official`). */
  readonly headLemma: string | undefined;
}

/** Words that open a time adverbial after a name (`met Lavrov last week`), not a noun the name modifies. */
const TIME_DETERMINERS = new Set(['last', 'next', 'this']);

/**
 * Token index -> index in `all` of the longest mention with an entity covering it (or -1). A
 * mention replaces an earlier one only if that one, looked up in the entity stage's `mentions`,
 * is shorter (the mentions the view added are not in that list).
 */
function tokenMentions(tokenCount: number, mentions: readonly Mention[], all: readonly Mention[], me: ReadonlyMap<number, number>): Int32Array {
  const out = new Int32Array(tokenCount).fill(-1);
  for (let i = 0; i < all.length; i++) {
    const m = all[i] as Mention;
    if (!me.has(i)) continue;
    for (let t = m.firstToken; t <= m.lastToken && t < tokenCount; t++) {
      const prev = out[t] ?? -1;
      const pm = prev >= 0 ? mentions[prev] : undefined;
      if (!pm || pm.end - pm.start < m.end - m.start) out[t] = i;
    }
  }
  return out;
}

/** Normalised name or alias -> the first entity with it. */
function entitiesByName(entities: readonly ArticleEntity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entities) {
    addName(out, e.name, e.id);
    for (const a of e.aliases) addName(out, a, e.id);
  }
  return out;
}

function addName(byName: Map<string, number>, name: string, id: number): void {
  const k = normKey(name);
  if (k && !byName.has(k)) byName.set(k, id);
}

/** Where the noun-phrase reader is: the next token, the owner and the plain head noun found so far, and the tokens read. */
interface NPScan {
  i: number;
  owner: number | undefined;
  headLemma: string | undefined;
  steps: number;
}

/** A noun phrase with a plain head, while its appositive and complement are read. */
interface MutableNounPhrase {
  heads: number[];
  owner: number | undefined;
  appositive: number | undefined;
  complement: number[];
  headLemma: string;
  first: number;
  last: number;
}

export class NounPhraseView {
  /** The article's parse, shared by every view of it. */
  readonly doc: ArticleDoc;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly ann: AnnotatedText;
  readonly mentions: readonly Mention[];
  readonly entities: readonly ArticleEntity[];
  readonly lex: RelationLexicon;
  /** Token index -> mention index (or -1). */
  readonly tokMention: Int32Array;
  /** Mention index -> entity id. */
  readonly mentionEntity: ReadonlyMap<number, number>;
  private readonly byName: ReadonlyMap<string, number>;

  /** `mentions`: the entity stage's; `refs`: those with the mentions and entities reference resolution (src/resolve/) gave. */
  constructor(doc: ArticleDoc, mentions: readonly Mention[], refs: ArticleReferences, entities: readonly ArticleEntity[], lex: RelationLexicon) {
    const ann = doc.ann;
    this.doc = doc;
    this.ann = ann;
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.entities = entities;
    this.lex = lex;
    this.mentions = refs.mentions;
    this.mentionEntity = refs.mentionEntity;
    this.tokMention = tokenMentions(ann.tokens.length, mentions, refs.mentions, refs.mentionEntity);
    this.byName = entitiesByName(entities);
  }

  tok(i: number): Token | undefined {
    return this.doc.tok(i);
  }

  norm(i: number): string {
    return this.doc.norm(i);
  }

  /** The entity of the mention covering token i, if any. */
  entityAt(i: number): number | undefined {
    const m = this.tokMention[i] ?? -1;
    return m >= 0 ? this.mentionEntity.get(m) : undefined;
  }

  mentionAt(i: number): Mention | undefined {
    const m = this.tokMention[i] ?? -1;
    return m >= 0 ? this.mentions[m] : undefined;
  }

  /** Whether person `p` acts for entity `org` (one of its affiliations names it). */
  isAffiliated(p: number, org: number): boolean {
    return this.actsFor().get(p)?.has(org) ?? false;
  }

  /** The entities person `p` acts for (see `isAffiliated`), its own affiliations first. */
  affiliationsOf(p: number): number[] {
    return [...(this.actsFor().get(p) ?? [])];
  }

  /** Each person's affiliated entities, made on first use: the entity's own and those its mentions carry (`the US diplomat`). */
  private affiliated: Map<number, Set<number>> | undefined;
  private actsFor(): Map<number, Set<number>> {
    if (this.affiliated) return this.affiliated;
    const out = new Map<number, Set<number>>();
    const add = (p: number, name: string | undefined): void => {
      const org = this.entityNamed(name);
      if (org === undefined || this.entities[p]?.type !== 'Person') return;
      const set = out.get(p) ?? new Set<number>();
      set.add(org);
      out.set(p, set);
    };
    this.entities.forEach((e, p) => e.affiliations.forEach((a) => add(p, a)));
    this.mentions.forEach((m, k) => {
      const p = this.mentionEntity.get(k);
      if (p !== undefined && m.affiliation !== undefined) add(p, m.affiliation);
    });
    // A well-known figure with none of these acts for the state the public-figure list gives, when
    // the article names it (the same rule as the AFFILIATED_WITH edges of the relation stage).
    this.entities.forEach((e, p) => {
      if (e.type !== 'Person' || out.has(p)) return;
      const fig = this.figureOf(e);
      if (fig && this.entities[this.entityNamed(fig.country) ?? -1]?.type === 'Country') add(p, fig.country);
    });
    return (this.affiliated = out);
  }

  /** The nearest person named (not by a pronoun) before token i, within four sentences, that `ok` accepts. */
  nearestPersonBefore(i: number, ok: (e: number) => boolean): number | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    let best: Mention | undefined;
    let bestEntity: number | undefined;
    this.mentions.forEach((m, k) => {
      const e = this.mentionEntity.get(k);
      if (e === undefined || m.kind === 'pronoun' || m.start >= t.start || t.sentence - m.sentence > 4 || this.entities[e]?.type !== 'Person' || !ok(e)) return;
      if (!best || m.start > best.start) {
        best = m;
        bestEntity = e;
      }
    });
    return bestEntity;
  }

  /** The public-figure entry (people.tsv) of a person, by its name or any of its aliases. */
  figureOf(e: ArticleEntity): FigureEntry | undefined {
    for (const n of [e.name, ...e.aliases]) {
      const fig = this.lex.figures.get(normKey(n));
      if (fig !== undefined) return fig;
    }
    return undefined;
  }

  /** The article entity with this name or alias (`Russia`), if any. */
  entityNamed(name: string | undefined): number | undefined {
    if (!name) return undefined;
    return this.byName.get(normKey(name));
  }

  /** The article entity of the country a demonym or country word names (`Ukrainian`). */
  demonymEntity(i: number): number | undefined {
    const t = this.tokens[i];
    if (!t || !/^[A-Z]/.test(t.text)) return undefined;
    const country = this.lex.demonyms.get(t.normal);
    return country ? this.entityNamed(country) : undefined;
  }

  entityType(id: number): string | undefined {
    return this.entities[id]?.type;
  }

  sentenceBounds(i: number): [number, number] {
    return this.doc.sentenceBounds(i);
  }

  isPossessiveAfter(i: number): boolean {
    return this.doc.isPossessiveAfter(i);
  }

  /** Entity named by a possessive pronoun token (when the entity stage resolved it). */
  private possessivePronoun(i: number): number | undefined {
    return POSSESSIVE_PRONOUNS.has(this.norm(i)) ? this.entityAt(i) : undefined;
  }

  /**
   * Reads the noun phrase starting at token p (not beyond token `last`):
   * its entity heads (with coordination), or its non-entity head and the
   * owner, appositive and complement entities of that head.
   */
  readNP(p: number, last: number, depth = 0): NounPhrase | undefined {
    const scan: NPScan = { i: p, owner: undefined, headLemma: undefined, steps: 0 };
    while (scan.i <= last && scan.steps++ < 16) {
      const t = this.tokens[scan.i];
      if (!t) break;
      const e = this.entityAt(scan.i);
      const m = this.mentionAt(scan.i);
      if (e !== undefined && m) {
        const end = Math.min(m.lastToken, last);
        const next = this.entityOwnerNext(scan, e, m, t, end, last);
        if (next !== undefined) {
          scan.i = next;
          continue;
        }
        return this.coordinatedHeads(e, end, p, last, depth, scan.owner);
      }
      const step = this.wordStep(scan, t, p, last);
      if (step === 'fail') return undefined;
      if (step === 'stop') break;
    }
    return this.finishNP(scan, p, last, depth);
  }

  /**
   * When the entity at the scan position owns what follows (`Russia's`, `his`, `US support`,
   * `UK Foreign Secretary Jack Straw`), records it as owner and gives the token to read next.
   */
  private entityOwnerNext(scan: NPScan, e: number, m: Mention, t: Token, end: number, last: number): number | undefined {
    const possessive = this.isPossessiveAfter(end);
    if (possessive || (m.kind === 'pronoun' && POSSESSIVE_PRONOUNS.has(t.normal))) {
      scan.owner = e;
      scan.headLemma = undefined;
      return possessive ? end + 2 : end + 1;
    }
    // An entity directly modifying a noun (`US support`, `Russian proposals`) is an owner.
    if (this.modifiesNounAfter(end)) {
      scan.owner = e;
      return end + 1;
    }
    // A state or body before a person's title (`UK Foreign Secretary Jack Straw`) owns it: the person is the head.
    const person = this.personAfterTitle(end + 1, last);
    if (person !== undefined) scan.owner = e;
    return person;
  }

  /** Whether the words after an entity ending at `end` are a noun it modifies (not a time adverbial or a coordination). */
  private modifiesNounAfter(end: number): boolean {
    const next = this.tokens[end + 1];
    if (!next || TEMPORAL.has(next.normal) || TIME_DETERMINERS.has(next.normal)) return false;
    const nominal = next.pos === 'NOUN' || (next.pos === 'ADJ' && this.tokens[end + 2]?.pos === 'NOUN');
    return nominal && this.entityAt(end + 1) === undefined && !this.isCoord(end + 1);
  }

  /** The phrase headed by the entity ending at `end` and the entities coordinated with it (`Germany, France, and the United Kingdom`). */
  private coordinatedHeads(e: number, end: number, p: number, last: number, depth: number, owner: number | undefined): NounPhrase {
    const heads = [e];
    let j = end + 1;
    while (j <= last) {
      let k = j;
      if (this.norm(k) === ',') k++;
      if (this.isCoord(k)) k++;
      // `Russia as well as China`
      else if (this.norm(k) === 'as' && this.norm(k + 1) === 'well' && this.norm(k + 2) === 'as') k += 3;
      // A verb after the coordinator opens a verb phrase (`rejected X and accused Y`), not a member.
      if (k === j || k > last || this.tokens[k]?.pos === 'VERB') break;
      const more = depth < 4 ? this.readNP(k, last, depth + 1) : undefined;
      if (!more || more.heads.length === 0) break;
      for (const h of more.heads) if (!heads.includes(h)) heads.push(h);
      j = more.last + 1;
    }
    return { heads, owner, appositive: undefined, complement: [], headLemma: undefined, first: p, last: j - 1 };
  }

  /**
   * One word of the phrase that is no entity: a possessive pronoun, a quotation mark, a
   * modifier or head noun, or a comma or `and` before another plain noun. `next` moves the scan
   * on; `stop` ends the phrase before the word; `fail` means no noun phrase starts at p.
   */
  private wordStep(scan: NPScan, t: Token, p: number, last: number): 'next' | 'stop' | 'fail' {
    const i = scan.i;
    // A pronoun after the phrase's words opens a clause (`China's claims that it ...`): the phrase ends there.
    if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.normal)) return i > p ? 'stop' : 'fail';
    if (POSSESSIVE_PRONOUNS.has(t.normal)) {
      const pe = this.possessivePronoun(i);
      if (pe !== undefined) scan.owner = pe;
    } else if (isQuoteMark(t.text) || t.text === '-' || t.text === '(' || t.text === ')') {
      // Quotation marks, dashes and brackets inside a phrase are skipped.
    } else if ((TEMPORAL.has(t.normal) && i > p) || (t.pos === 'DET' && scan.headLemma !== undefined)) {
      // A determiner after the head opens another phrase (`called the attack a crime`).
      return 'stop';
    } else if (this.isPhraseWord(t, i, scan)) {
      this.readPhraseWord(scan, t, i);
    } else if (!this.continuesHead(scan, t, i, last)) {
      return 'stop';
    }
    scan.i++;
    return 'next';
  }

  /** Whether a token can stand in a noun phrase before or as its head (determiner, number, adjective, noun, participle). */
  private isPhraseWord(t: Token, i: number, scan: NPScan): boolean {
    if (t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NOUN') return true;
    if (t.pos === 'ADV') return scan.steps === 1;
    return t.pos === 'VERB' && scan.headLemma === undefined && /ed$|ing$/.test(t.normal) && this.isNominalNext(i);
  }

  /** A demonym makes its country the owner (`Russian troops`); a noun is the head so far. */
  private readPhraseWord(scan: NPScan, t: Token, i: number): void {
    if (t.pos === 'ADJ' || t.pos === 'PROPN') {
      const d = this.demonymEntity(i);
      if (d !== undefined) scan.owner = d;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') scan.headLemma = t.lemma;
  }

  /** Whether a head noun goes on past this token: a comma or `and` before another plain noun, or a possessive mark. */
  private continuesHead(scan: NPScan, t: Token, i: number, last: number): boolean {
    if (!scan.headLemma) return false;
    if ((t.text === ',' || this.isCoord(i)) && this.entityAt(i + 1) === undefined && this.coordinatedNoun(i + 1, last)) return true;
    return POSSESSIVE.has(t.text);
  }

  /** The phrase after its plain head: parties coordinated with it, a named appositive or an `of`/`from`/`with` complement. */
  private finishNP(scan: NPScan, p: number, last: number, depth: number): NounPhrase | undefined {
    const { i, owner, headLemma } = scan;
    if (headLemma === undefined) return owner === undefined ? undefined : { heads: [], owner, appositive: undefined, complement: [], headLemma: undefined, first: p, last: i - 1 };
    // `all states and the UN`: a plain plural coordinated with named parties; the parties are its entities.
    if (owner === undefined && this.isCoord(i) && depth < 4 && this.tokens[i - 1]?.pos === 'NOUN' && this.tokens[i - 1]?.normal !== headLemma) {
      const more = this.readNP(i + 1, last, depth + 1);
      if (more && more.heads.length) return { heads: [...more.heads], owner: undefined, appositive: undefined, complement: [], headLemma: undefined, first: p, last: more.last };
    }
    const members = this.namedMembers(i, last, depth, headLemma);
    if (members) return members;
    const np: MutableNounPhrase = { heads: [], owner, appositive: undefined, complement: [], headLemma, first: p, last: i - 1 };
    const appositive = this.appositiveName(i, last);
    if (appositive) {
      np.appositive = appositive.entity;
      np.last = appositive.last;
      return np;
    }
    this.readComplement(np, i, last, depth);
    return np;
  }

  /**
   * `its allies, including France and Italy`, `countries such as Chile and Peru`: the named members
   * of a plural group stand for it (the phrase reads on to the last member).
   */
  private namedMembers(i: number, last: number, depth: number, headLemma: string): NounPhrase | undefined {
    if (this.tokens[i - 1]?.normal === headLemma || depth >= 4) return undefined;
    let k = this.norm(i) === ',' ? i + 1 : i;
    if (this.norm(k) === 'including') k++;
    else if (this.norm(k) === 'such' && this.norm(k + 1) === 'as') k += 2;
    else return undefined;
    const more = k <= last ? this.readNP(k, last, depth + 1) : undefined;
    if (!more?.heads.length) return undefined;
    const closes = this.norm(more.last + 1);
    // The list ends the phrase (a comma, a clause's end or what comes after the group).
    if (this.norm(i) === ',' && closes !== ',' && closes !== '.' && more.last < last) return undefined;
    return { heads: [...more.heads], owner: undefined, appositive: undefined, complement: [], headLemma: undefined, first: this.tokens[i - 1] ? i - 1 : i, last: this.norm(i) === ',' && closes === ',' ? more.last + 1 : more.last };
  }

  /** A person's name in apposition after a comma at token i (`Lavrov's deputy, Sergei Ryabkov`). */
  private appositiveName(i: number, last: number): { entity: number; last: number } | undefined {
    if (this.norm(i) !== ',' || i + 1 > last) return undefined;
    const m = this.mentionAt(i + 1);
    const e = this.entityAt(i + 1);
    if (!m || e === undefined || (m.kind !== 'name' && m.kind !== 'surname') || m.type !== 'Person') return undefined;
    const after = this.tokens[m.lastToken + 1];
    const ends = !after || [',', '.', ';', ')'].includes(after.text) || after.pos === 'VERB' || after.pos === 'AUX' || m.lastToken >= last;
    return ends ? { entity: e, last: m.lastToken } : undefined;
  }

  /** Complement: `representatives from Germany`, `the governments of X and Y`, `the independence of Ukraine`. */
  private readComplement(np: MutableNounPhrase, i: number, last: number, depth: number): void {
    const prep = this.norm(i);
    if ((prep !== 'of' && prep !== 'from' && prep !== 'with') || depth >= 4) return;
    const sub = this.readNP(i + 1, last, depth + 1);
    if (!sub) return;
    const ents = sub.heads.length ? sub.heads : sub.appositive !== undefined ? [sub.appositive] : sub.owner !== undefined ? [sub.owner] : sub.complement;
    if (prep !== 'with' || this.lex.borderNouns.has(np.headLemma)) np.complement.push(...ents);
    np.last = sub.last;
  }

  /** Whether a plain noun phrase (no entity, no verb) starts at i and ends in a noun within 3 tokens. */
  private coordinatedNoun(i: number, last: number): boolean {
    for (let k = i; k <= Math.min(last, i + 3); k++) {
      const t = this.tokens[k];
      if (!t || this.entityAt(k) !== undefined) return false;
      if (this.isCoord(k) && k === i) continue;
      if (t.pos === 'NOUN') return true;
      if (t.pos !== 'ADJ' && t.pos !== 'DET') return false;
    }
    return false;
  }

  private isNominalNext(i: number): boolean {
    const n = this.tokens[i + 1];
    return !!n && (n.pos === 'NOUN' || n.pos === 'ADJ' || n.pos === 'PROPN');
  }

  isCoord(i: number): boolean {
    return this.doc.isCoord(i);
  }

  /**
   * Entities an NP stands for: its heads; else the pair a plural description takes up (`the two
   * leaders`, see pair-references.ts); else the named appositive; else
   * for a government-like head `of` a person, that person's country; else
   * for a group noun (`representatives from X`) the complement; else,
   * when `owner` allows it, the owner / complement.
   */
  npEntities(np: NounPhrase | undefined, owner: boolean): number[] {
    if (!np) return [];
    if (np.heads.length) return [...np.heads];
    const pair = pairReference(this, np);
    if (pair) return pair;
    if (np.appositive !== undefined) return [np.appositive];
    const head = np.headLemma ?? '';
    if (this.lex.governmentNouns.has(head) || this.lex.governmentNouns.has(`${head}s`)) {
      const out: number[] = [];
      for (const c of [...np.complement, ...(np.owner !== undefined ? [np.owner] : [])]) {
        const ent = this.entities[c];
        if (!ent) continue;
        if (ent.type !== 'Person') out.push(c);
        else {
          // What the person acts for: its own affiliations first, then those its mentions carry (`President Joe Biden` named with `US` elsewhere).
          const aff = [...(this.actsFor().get(c) ?? [])].find((x) => this.entities[x]?.type === 'Country');
          if (aff !== undefined) out.push(aff);
        }
      }
      if (out.length) return [...new Set(out)];
    }
    if (this.lex.groupNouns.has(head) && np.complement.length) return [...np.complement];
    if (owner) {
      if (np.owner !== undefined) return [np.owner];
      if (np.complement.length) return [...np.complement];
    }
    return [];
  }

  /** First token of a titled person's mention after title words from k on (`Foreign Secretary Jack Straw`). */
  private personAfterTitle(k: number, last: number): number | undefined {
    let j = k;
    // `Secretary of State`, `Minister for Foreign Affairs`: a connector between title words.
    const connects = (x: number): boolean => x > k && (this.norm(x) === 'of' || this.norm(x) === 'for') && this.isTitleWord(x + 1);
    while (j <= last && j - k < 6 && this.entityAt(j) === undefined && (this.isTitleWord(j) || connects(j))) j++;
    const m = this.mentionAt(j);
    return j <= last && m && m.type === 'Person' && m.role !== undefined && m.firstToken === j ? j : undefined;
  }

  /** A title word before a name (`Russian`, `President`, `Foreign`, `Minister`). */
  protected isTitleWord(k: number): boolean {
    const t = this.tokens[k];
    return !!t && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ') && !TEMPORAL.has(t.normal);
  }
}
