/** A mention in the making, and the list of drafts turned into the article's mentions. */
import type { EntityType, Mention, MentionKind, Token } from '../../types.js';

export interface Draft {
  start: number;
  end: number;
  type: EntityType;
  kind: MentionKind;
  first: number;
  last: number;
  name: string;
  role?: string | undefined;
  affiliation?: string | undefined;
  affiliationType?: EntityType | undefined;
  confidence: number;
}

/** A person's or title's affiliation as a draft takes it. */
export interface Affiliation {
  readonly name: string;
  readonly type: EntityType;
}

/**
 * The draft of a mention over tokens first..last at text offsets start..end; `role` and
 * `affiliation` are set only when given.
 */
export function newDraft(
  start: number,
  end: number,
  first: number,
  last: number,
  type: EntityType,
  kind: MentionKind,
  name: string,
  confidence: number,
  role?: string,
  affiliation?: Affiliation,
): Draft {
  const draft: Draft = { start, end, type, kind, first, last, name, confidence };
  if (role !== undefined) draft.role = role;
  if (affiliation) {
    draft.affiliation = affiliation.name;
    draft.affiliationType = affiliation.type;
  }
  return draft;
}

/** The named drafts as mentions in text order, overlaps dropped (the first one wins). */
export function toMentions(drafts: readonly Draft[], tokens: readonly Token[], text: string): Mention[] {
  const kept = drafts
    .filter((d) => d.name)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((d, k, all) => k === 0 || d.start >= (all[k - 1]?.end ?? 0));
  return kept.map((d) => toMention(d, tokens, text));
}

function toMention(d: Draft, tokens: readonly Token[], text: string): Mention {
  return {
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    type: d.type,
    kind: d.kind,
    sentence: tokens[d.first]?.sentence ?? 0,
    firstToken: d.first,
    lastToken: d.last,
    name: d.name,
    // Undefined fields are left out of the JSON results.
    role: d.role || undefined,
    affiliation: d.affiliation || undefined,
    affiliationType: d.affiliationType || undefined,
    confidence: d.confidence,
  };
}
