/**
 * Reference resolution for the relation and quote stages, as visible steps
 * after the entity stage: pronoun repair, then organisation anaphors. Pure:
 * returns the mentions (the entity stage's, then the synthetic ones the steps
 * add) and the mention -> entity map; the inputs are left as they are.
 */
import type { AnnotatedText, ArticleEntity, Mention } from '../types.js';
import { resolveOrgAnaphors } from './org-anaphors.js';
import { repairPronouns, type QuotedSpeech } from './pronoun-repair.js';

export interface ArticleReferences {
  /** The entity stage's mentions first (same indices), then the mentions the steps added. */
  readonly mentions: readonly Mention[];
  /** Mention index -> entity id. */
  readonly mentionEntity: ReadonlyMap<number, number>;
}

export function resolveArticleReferences(
  ann: AnnotatedText,
  mentions: readonly Mention[],
  entities: readonly ArticleEntity[],
  orgAnaphors: ReadonlyMap<string, readonly string[]>,
  quotes: readonly QuotedSpeech[] = [],
  givenNames: ReadonlyMap<string, 'm' | 'f'> = new Map(),
): ArticleReferences {
  const me = new Map<number, number>();
  for (const e of entities) for (const m of e.mentions) me.set(m, e.id);
  const all = [...mentions];
  repairPronouns(ann, all, me, entities, quotes, givenNames);
  resolveOrgAnaphors(ann, all, me, entities, orgAnaphors);
  return { mentions: all, mentionEntity: me };
}
