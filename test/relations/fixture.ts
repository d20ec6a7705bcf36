/**
 * Builds relation/quote stage inputs from a text and a hand-made entity
 * table: every surface form is found by substring (word-bounded), so the
 * tests do not depend on the entity stage. Paragraphs are split on blank
 * lines, and the real nlp stage annotates the text.
 */
import { annotate } from '../../src/nlp/annotate.js';
import { extractRelations } from '../../src/relations/extract-relations.js';
import type { RelationLexicon } from '../../src/relations/relation-lexicon.js';
import type { AnnotatedText, ArticleEntity, EntityType, Mention, MentionKind } from '../../src/types.js';

export interface FixtureEntity {
  readonly name: string;
  readonly type: EntityType;
  /** Surface forms (default: the name). A form `~he` marks a pronoun mention, `~the secretary` a title mention. */
  readonly forms?: readonly string[];
  readonly affiliation?: string;
  readonly role?: string;
}

export interface Fixture {
  readonly ann: AnnotatedText;
  readonly mentions: Mention[];
  readonly entities: ArticleEntity[];
  /** Entity id by name. */
  readonly id: (name: string) => number;
  readonly name: (id: number | null | undefined) => string | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildFixture(text: string, table: readonly FixtureEntity[]): Fixture {
  const paragraphs: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  const ann = annotate(text, paragraphs);
  const found: { s: number; e: number; ent: number; kind: MentionKind }[] = [];
  table.forEach((ent, i) => {
    for (const raw of ent.forms ?? [ent.name]) {
      const marked = raw.startsWith('~');
      const form = marked ? raw.slice(1) : raw;
      const kind: MentionKind = marked ? (form.includes(' ') ? 'title' : 'pronoun') : form === ent.name ? 'name' : 'surname';
      const r = new RegExp(`(?<![\\p{L}])${escape(form)}(?![\\p{L}])`, 'gu');
      let x: RegExpExecArray | null;
      while ((x = r.exec(text))) found.push({ s: x.index, e: x.index + form.length, ent: i, kind });
    }
  });
  found.sort((a, b) => a.s - b.s || b.e - a.e);
  const kept: typeof found = [];
  for (const f of found) if (!kept.length || f.s >= (kept[kept.length - 1]?.e ?? 0)) kept.push(f);
  const mentions: Mention[] = [];
  const byEntity: number[][] = table.map(() => []);
  for (const f of kept) {
    const first = ann.tokens.findIndex((t) => t.end > f.s);
    if (first < 0) continue;
    let last = first;
    while ((ann.tokens[last + 1]?.start ?? Infinity) < f.e) last++;
    const ent = table[f.ent];
    if (!ent) continue;
    byEntity[f.ent]?.push(mentions.length);
    mentions.push({
      start: f.s,
      end: f.e,
      text: text.slice(f.s, f.e),
      type: ent.type,
      kind: f.kind,
      sentence: ann.tokens[first]?.sentence ?? 0,
      firstToken: first,
      lastToken: last,
      name: ent.name,
      ...(ent.role !== undefined && f.kind === 'name' ? { role: ent.role } : {}),
      ...(ent.affiliation !== undefined && f.kind === 'name' ? { affiliation: ent.affiliation } : {}),
      confidence: 1,
    });
  }
  const entities: ArticleEntity[] = table.map((ent, i) => ({
    id: i,
    type: ent.type,
    name: ent.name,
    aliases: (ent.forms ?? [ent.name]).filter((f) => !f.startsWith('~')),
    mentions: byEntity[i] ?? [],
    roles: ent.role ? [ent.role] : [],
    affiliations: ent.affiliation ? [ent.affiliation] : [],
    confidence: 1,
  }));
  const id = (name: string): number => {
    const i = table.findIndex((e) => e.name === name);
    if (i < 0) throw new Error(`fixture: no entity ${name}`);
    return i;
  };
  const name = (i: number | null | undefined): string | null => (i === null || i === undefined ? null : (table[i]?.name ?? null));
  return { ann, mentions, entities, id, name };
}

/** The AFFILIATED_WITH edges `text` gives with the table's entities, as `source -> target [rule]`, sorted. */
export function affiliationLines(text: string, table: readonly FixtureEntity[], lex: RelationLexicon): string[] {
  const f = buildFixture(text, table);
  return extractRelations(f.ann, f.mentions, f.entities, lex)
    .filter((r) => r.type === 'AFFILIATED_WITH')
    .map((r) => `${f.name(r.source)} -> ${f.name(r.target)} [${r.rule}]`)
    .sort();
}

/**
 * The acts (every edge but AFFILIATED_WITH) `text` gives with the table's entities, as
 * `TYPE source -> target`, sorted; with `modality`, in the extractor's order with the modality after.
 */
export function actLines(text: string, table: readonly FixtureEntity[], lex: RelationLexicon, options: { modality?: boolean } = {}): string[] {
  const f = buildFixture(text, table);
  const acts = extractRelations(f.ann, f.mentions, f.entities, lex).filter((r) => r.type !== 'AFFILIATED_WITH');
  return options.modality
    ? acts.map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)} ${r.modality}`)
    : acts.map((r) => `${r.type} ${f.name(r.source)} -> ${f.name(r.target)}`).sort();
}
