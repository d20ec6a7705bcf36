/**
 * Closed-class English words the parse layer and the readers over it test
 * tokens against: possessive marks and pronouns, quotation marks, relative
 * pronouns, clause breaks, time words.
 */

/** Possessive marks as wink splits them off (`Russia's` -> `'s`; `allies'` -> `'`). */
export const POSSESSIVE: ReadonlySet<string> = new Set(["'s", '’s', "'", '’', 's']);
export const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”', '‘', '’', '«', '»', '„', "'", '``', "''"]);
export const RELATIVE: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whom']);
/** Words and marks a clause does not run across. */
export const CLAUSE_BREAK: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?', 'but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'when', 'after', 'before', 'as', 'where', 'if', 'unless']);
/** Time words that sit between a subject and its verb (`Biden today expressed`). */
export const TEMPORAL: ReadonlySet<string> = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'again', 'also', 'already', 'recently', 'previously', 'once']);
/** Subject pronouns: one opens a clause of its own (`promised he would ...`). */
export const NOMINATIVE: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i']);

/** Whether a token's text is a quotation mark (all are one or two characters: a length test first spares most set lookups). */
export const isQuoteMark = (t: string): boolean => t.length <= 2 && QUOTE_MARKS.has(t);
