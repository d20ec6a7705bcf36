/**
 * Subordinating conjunctions that open an adverbial clause (`When the talks
 * ended, ...`, `Although it lost, ...`): English grammar's time, cause,
 * condition and concession subordinators.
 */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'after', 'before', 'as', 'while', 'since', 'if', 'although', 'though', 'because', 'once', 'until']);
