/**
 * What cross-article resolution reads of an article entity: its names,
 * roles and affiliations, how often it is mentioned, and (for people) the
 * cleaned surface forms of its name and surname mentions, which name a
 * cluster. A record is small and plain, so a build can keep the records of
 * its articles (`append-index.json`) and an append can resolve new entities
 * against them without reading the old articles' results again. Pure.
 */
import type { ArticleEntity, ArticleResult, EntityType } from '../types.js';

export interface EntityRecord {
  /** Position of its article in the order resolution sees the articles. */
  readonly article: number;
  /** The entity's id in its article. */
  readonly id: number;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly roles: readonly string[];
  readonly affiliations: readonly string[];
  /** Number of mentions. */
  readonly mentions: number;
  readonly confidence: number;
  /** Cleaned person-name forms of its name and surname mentions with their counts, in the order first seen. */
  readonly forms: readonly (readonly [string, number])[];
}

/** A name without middle initials and with single spaces (`George W. Bush` -> `George Bush`). */
export const cleanName = (name: string): string => name.replace(/\s+\p{Lu}\.(?=\s)/gu, '').replace(/\s+/g, ' ').trim();

/** The records of one article's entities, in entity order. `clean` is `cleanName`, possibly memoised. */
export function entityRecords(result: ArticleResult, article: number, clean: (name: string) => string = cleanName): EntityRecord[] {
  return result.entities.map((e) => entityRecord(e, result, article, clean));
}

function entityRecord(e: ArticleEntity, result: ArticleResult, article: number, clean: (name: string) => string): EntityRecord {
  const counts = new Map<string, number>();
  for (const k of e.mentions) {
    const m = result.mentions[k];
    if (!m || m.type !== 'Person' || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const form = clean(m.name);
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return {
    article,
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    roles: e.roles,
    affiliations: e.affiliations,
    mentions: e.mentions.length,
    confidence: e.confidence,
    forms: [...counts],
  };
}
