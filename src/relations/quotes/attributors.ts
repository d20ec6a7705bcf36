/**
 * Quote attribution as an ordered table: each attributor has an id and
 * reads one kind of frame; the first that finds a speaker (or an anonymous
 * one, null) attributes the quotation, and the quote carries its id as
 * `rule` (an attributor with several branches gives each branch an id of
 * its own). Short fragments (`"swift, united"`) are quotes only when a
 * frame in their own sentence claims them: the attributors marked
 * `longOnly` (colon frames, frames later in the sentence, the clause's
 * subject, continuations) do not apply to them.
 */
import type { ArticleView } from '../article-view.js';
import { continuation } from './continuation.js';
import { bylineDash, frameAfter, frameAfterBySlot, frameAfterInverted, frameFinal, frameLater } from './frame-after.js';
import { clauseSubject, colonFrame, frameBefore, nameColon, subjectBefore, transcriptLabel } from './frame-before.js';
import type { Attribution } from './speaker-phrase.js';

/** One quotation as the attributors see it. */
export interface QuoteSite {
  readonly view: ArticleView;
  /** Tokens of the opening and the closing mark (-1 when the quotation is not closed). */
  readonly open: number;
  readonly close: number;
  /** A fragment of at most the lexicon's short-quote length. */
  readonly short: boolean;
  /** The quotation opens with an upper-case speaker label (`"PENCE: Well, ...`). */
  readonly label: boolean;
  /** The speaker of the latest attributed quotation per paragraph and per sentence. */
  readonly byParagraph: ReadonlyMap<number, number>;
  readonly bySentence: ReadonlyMap<number, number>;
}

export interface Attributor {
  readonly id: string;
  readonly longOnly: boolean;
  readonly attribute: (site: QuoteSite) => Attribution | undefined;
}

export const ATTRIBUTORS: readonly Attributor[] = [
  { id: 'quote.transcript-label', longOnly: false, attribute: (s) => transcriptLabel(s.view, s.open) },
  { id: 'quote.name-colon', longOnly: false, attribute: (s) => nameColon(s.view, s.open) },
  // A transcript turn whose label names no one we know is that person's, not the previous speaker's.
  { id: 'quote.transcript-unknown', longOnly: false, attribute: (s) => (s.label ? { speaker: null, cue: ':', confidence: 0.3, rule: 'quote.transcript-unknown' } : undefined) },
  { id: 'quote.frame-after-inverted', longOnly: false, attribute: (s) => frameAfterInverted(s.view, s.close) },
  { id: 'quote.byline-dash', longOnly: false, attribute: (s) => bylineDash(s.view, s.close) },
  { id: 'quote.frame-after', longOnly: false, attribute: (s) => frameAfter(s.view, s.close) },
  { id: 'quote.frame-after-appositive', longOnly: false, attribute: (s) => frameAfterBySlot(s.view, s.close) },
  { id: 'quote.frame-before', longOnly: false, attribute: (s) => frameBefore(s.view, s.open, s.short) },
  { id: 'quote.subject-before', longOnly: false, attribute: (s) => subjectBefore(s.view, s.open) },
  // A fragment's own sentence-final frame; a whole sentence has frame-later below.
  { id: 'quote.frame-final', longOnly: false, attribute: (s) => (s.short ? frameFinal(s.view, s.close) : undefined) },
  { id: 'quote.colon-frame', longOnly: true, attribute: (s) => colonFrame(s.view, s.open) },
  { id: 'quote.frame-later', longOnly: true, attribute: (s) => frameLater(s.view, s.close) },
  { id: 'quote.clause-subject', longOnly: true, attribute: (s) => clauseSubject(s.view, s.open) },
  { id: 'quote.continuation', longOnly: true, attribute: (s) => continuation(s.view, s.open, s.byParagraph, s.bySentence) },
  // A whole sentence in quotation marks that no frame claims: a quote of no one we know.
  { id: 'quote.unattributed', longOnly: true, attribute: () => ({ speaker: null, cue: '', confidence: 0.3, rule: 'quote.unattributed' }) },
];

/** The first attribution the table gives, or none (the quotation is not speech). */
export function attribute(site: QuoteSite, table: readonly Attributor[] = ATTRIBUTORS): Attribution | undefined {
  for (const a of table) {
    if (a.longOnly && site.short) continue;
    const found = a.attribute(site);
    if (found) return found;
  }
  return undefined;
}
