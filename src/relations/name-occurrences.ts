/**
 * The other occurrences of the people the speaker-name pass names: a new bare surname's full
 * name given elsewhere, a new person's other mentions, and the bare surname of a person the
 * article names in full. Each extends the pass's mentions in place.
 */
import type { ArticleEntity, EntityType, Mention, Token } from '../types.js';

/** A name run: its first and last token. */
interface Run {
  readonly first: number;
  readonly last: number;
}

/** What these passes read and extend of the speaker-name pass. */
export interface NamePass {
  readonly entities: ArticleEntity[];
  readonly covered: Int32Array;
  nameLike(i: number): boolean;
  /** Whether token i opens its sentence as a capitalised word the tagger took for a verb, with a predicate right after it (`Cook called ...`). */
  verbTaggedOpener(i: number): boolean;
  runStartingAt(start: number): Run | undefined;
  runEndingAt(end: number): Run | undefined;
  textOf(s: Run): string;
  addMention(first: number, last: number, entity: number, kind: Mention['kind'], type: EntityType, name: string): number;
}

/** The entity with a new name, aliases and mention list. */
export function withNames(e: ArticleEntity, name: string, aliases: readonly string[], mentions: readonly number[]): ArticleEntity {
  return { id: e.id, type: e.type, name, aliases, mentions, roles: e.roles, affiliations: e.affiliations, confidence: e.confidence };
}

/**
 * The tokens of each spelling, indexed on first use: the passes below look up each new name's
 * occurrences instead of reading the whole article once per new name.
 */
export function tokensBySpelling(tokens: readonly Token[]): (text: string) => readonly number[] {
  let byText: Map<string, number[]> | undefined;
  return (text) => {
    if (!byText) {
      byText = new Map();
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]?.text ?? '';
        const list = byText.get(t);
        if (list) list.push(i);
        else byText.set(t, [i]);
      }
    }
    return byText.get(text) ?? [];
  };
}

/** A new bare surname takes the full name the article gives elsewhere (`Tom English ... "...," English said`). */
export function fullNamesOfSurnames(pass: NamePass, created: readonly number[], tokensOf: (text: string) => readonly number[]): void {
  for (const id of created) {
    const e = pass.entities[id];
    if (!e || e.type !== 'Person' || e.name.includes(' ')) continue;
    let full: Run | undefined;
    for (const i of tokensOf(e.name)) {
      if (pass.covered[i] !== -1) continue;
      const s = pass.runEndingAt(i);
      if (s && s.first < s.last) {
        full = s;
        break;
      }
    }
    if (!full) continue;
    const name = pass.textOf(full);
    pass.entities[id] = withNames(e, name, [...e.aliases, name], e.mentions);
    pass.addMention(full.first, full.last, id, 'name', 'Person', name);
  }
}

/** The other occurrences of a new person's names (`Cuban demurred.` before `"...," said Cuban`), and of a new one-word company's. */
export function otherOccurrences(pass: NamePass, created: readonly number[], tokensOf: (text: string) => readonly number[]): void {
  for (const id of created) {
    const e = pass.entities[id];
    // A one-word company speaker (`Acme said`) is named so elsewhere too; a person also by the surname.
    const company = e?.type === 'Organisation' && !/\s/.test(e.name);
    if (!e || (e.type !== 'Person' && !company)) continue;
    const forms = new Set([e.name, ...e.aliases].flatMap((n) => (company ? [n] : [n, n.split(/\s+/).pop() ?? ''])).filter((f) => f && !/^\p{Lu}+$/u.test(f)));
    const at = [...new Set([...forms].flatMap(tokensOf))].sort((a, b) => a - b);
    for (const i of at) {
      if (pass.covered[i] !== -1) continue;
      const s = pass.runStartingAt(i) ?? (pass.nameLike(i) ? { first: i, last: i } : undefined);
      if (!s) continue;
      const txt = pass.textOf(s);
      if (!forms.has(txt)) continue;
      if (company) pass.addMention(s.first, s.last, id, 'name', 'Organisation', txt);
      else pass.addMention(s.first, s.last, id, txt.includes(' ') ? 'name' : 'surname', 'Person', txt);
    }
  }
}

/**
 * A person the article names in full is later called by the bare surname (`Dunford took exception.`
 * after `Gen. Mark Milley`), even where the entity stage left the word untyped (a sentence start):
 * each such word standing alone as a name becomes a mention of that person, so pronouns and frames
 * after it find the person. Not for a surname two people of the article share, nor for a word the
 * article also writes in lower case.
 */
export function bareSurnames(pass: NamePass, tokensOf: (text: string) => readonly number[]): void {
  const owners = new Map<string, number[]>();
  for (const e of pass.entities) {
    if (e.type !== 'Person') continue;
    for (const n of [e.name, ...e.aliases]) {
      const ws = n.split(/\s+/);
      const last = ws[ws.length - 1] ?? '';
      if (ws.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(last)) continue;
      const list = owners.get(last) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      owners.set(last, list);
    }
  }
  for (const [surname, ids] of owners) {
    const [id] = ids;
    if (ids.length !== 1 || id === undefined) continue;
    for (const i of tokensOf(surname)) {
      if (pass.covered[i] !== -1) continue;
      // The surname of a person named in full, opening a sentence before its verb, is that person even where the tagger took it for a verb.
      if (pass.verbTaggedOpener(i)) {
        pass.addMention(i, i, id, 'surname', 'Person', surname);
        continue;
      }
      if (!pass.nameLike(i)) continue;
      const s = pass.runStartingAt(i);
      if (!s || s.first !== i || s.last !== i) continue;
      pass.addMention(i, i, id, 'surname', 'Person', surname);
    }
  }
}
