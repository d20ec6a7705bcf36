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
import { bylineDash, frameAfter, frameAfterBySlot, frameAfterInverted, frameFinal, frameLater, pronounFrameAfter } from './frame-after.js';
import { clauseSubject, colonFrame, describedAs, frameBefore, nameColon, statementBefore, subjectBefore, transcriptLabel, transcriptSurname } from './frame-before.js';
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
  /** What the attributor looks for, as `explain` prints it. */
  readonly describe: string;
  readonly longOnly: boolean;
  readonly attribute: (site: QuoteSite) => Attribution | undefined;
}

/** Ids an attributor gives for a particular form it recognises, beside its own. */
export const ATTRIBUTION_FORMS: Readonly<Record<string, string>> = {
  'quote.according-to': '`according to X` before the quotation (found by quote.frame-before)',
  'quote.speech-noun': "a speech noun with an owner before the quotation (`Biden's remarks`; found by quote.frame-before)",
  'quote.source-after': 'a document, not a person, after the quotation (`"...," reads an editorial`): no speaker (found by quote.frame-after-inverted)',
};

export const ATTRIBUTORS: readonly Attributor[] = [
  { id: 'quote.transcript-label', describe: 'a transcript label opening the quotation (`"WALLACE: ..."`)', longOnly: false, attribute: (s) => transcriptLabel(s.view, s.open) },
  { id: 'quote.name-colon', describe: 'a name and a colon before the quotation (`Ellis: "..."`)', longOnly: false, attribute: (s) => nameColon(s.view, s.open) },
  { id: 'quote.transcript-surname', describe: 'a transcript label in capitals that is the surname of one person of the article (`"HALE: ..."`)', longOnly: false, attribute: (s) => (s.label ? transcriptSurname(s.view, s.open) : undefined) },
  // A transcript turn whose label names no one we know is that person's, not the previous speaker's.
  { id: 'quote.transcript-unknown', describe: 'a transcript label that names no one known: the speaker is left unknown', longOnly: false, attribute: (s) => (s.label ? { speaker: null, cue: ':', confidence: 0.3, rule: 'quote.transcript-unknown' } : undefined) },
  { id: 'quote.frame-after-inverted', describe: 'an inverted frame after the quotation (`"...," said Price`)', longOnly: false, attribute: (s) => frameAfterInverted(s.view, s.close) },
  { id: 'quote.byline-dash', describe: 'a dash and a name after the quotation (`"..." - Carla Sanchez`)', longOnly: false, attribute: (s) => bylineDash(s.view, s.close) },
  { id: 'quote.frame-after', describe: 'a frame after the quotation (`"...," Price said`, `"...," he told reporters`)', longOnly: false, attribute: (s) => frameAfter(s.view, s.close) },
  { id: 'quote.frame-after-appositive', describe: 'a frame after the quotation whose subject stands behind appositives (`"...," Senate leader X, R-Ky., said`)', longOnly: false, attribute: (s) => frameAfterBySlot(s.view, s.close) },
  { id: 'quote.frame-after-pronoun', describe: 'a frame after the quotation whose subject is an `it` or `they` linked to no one (`"...," it added`): the organisation or state that spoke last', longOnly: false, attribute: (s) => pronounFrameAfter(s.view, s.close, s.byParagraph) },
  { id: 'quote.frame-before', describe: 'a frame before the quotation (`X said: "..."`, `according to X`, `Biden\'s remarks`)', longOnly: false, attribute: (s) => frameBefore(s.view, s.open, s.short) },
  { id: 'quote.subject-before', describe: 'a subject right before a quotation that opens with its verb (`Blinken "called on Russia ..."`)', longOnly: false, attribute: (s) => subjectBefore(s.view, s.open) },
  // A fragment's own sentence-final frame; a whole sentence has frame-later below.
  { id: 'quote.frame-final', describe: 'a fragment whose sentence ends in a frame (`... "calm" to the region, Varga said.`)', longOnly: false, attribute: (s) => (s.short ? frameFinal(s.view, s.close) : undefined) },
  { id: 'quote.described-as', describe: 'a fragment after `as` that characterises a named object of the clause\'s verb (`Lee cast Kim as a "lame duck"`): the subject\'s words', longOnly: false, attribute: (s) => (s.short ? describedAs(s.view, s.open) : undefined) },
  { id: 'quote.colon-frame', describe: 'a sentence ending in a colon names the speaker of the quotation after it', longOnly: true, attribute: (s) => colonFrame(s.view, s.open) },
  { id: 'quote.frame-later', describe: 'a speech verb later in the same sentence (`... "seriously concerned" ..., an official said`)', longOnly: true, attribute: (s) => frameLater(s.view, s.close) },
  { id: 'quote.clause-subject', describe: 'a quoted phrase inside a clause takes the clause\'s subject (`Trump vowed to punish "those who ..."`)', longOnly: true, attribute: (s) => clauseSubject(s.view, s.open) },
  { id: 'quote.statement-before', describe: 'a quotation opening the sentence after one in which a named speaker makes a statement (`The league issued a statement. "..."`)', longOnly: true, attribute: (s) => statementBefore(s.view, s.open) },
  { id: 'quote.continuation', describe: 'a quotation with no frame continues the previous speaker of the paragraph', longOnly: true, attribute: (s) => continuation(s.view, s.open, s.byParagraph, s.bySentence) },
  // A whole sentence in quotation marks that no frame claims: a quote of no one we know.
  { id: 'quote.unattributed', describe: 'a whole sentence in quotation marks that no frame claims: no speaker', longOnly: true, attribute: () => ({ speaker: null, cue: '', confidence: 0.3, rule: 'quote.unattributed' }) },
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
