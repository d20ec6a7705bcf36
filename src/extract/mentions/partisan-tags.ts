/**
 * `Sen. Jane Doe, R-Texas`, `Rep. John Roe (D-Calif.)`: the partisan tag after a legislator's
 * name gives the person's party, besides any country the title gives.
 */
import type { Token } from '../../types.js';
import type { EntityLexicon } from '../entity-lexicon.js';

/** The first token of a state after `R-` (`Texas`, `Calif`, `N.Y.`). */
const STATE_WORD = /^\p{Lu}[\p{L}.]*$/u;

/** The party of the partisan tag right after the name ending at token `last`, if there is one. */
export function partisanTagAfter(tokens: readonly Token[], last: number, lex: EntityLexicon): { readonly party: string; readonly role: string } | undefined {
  const open = tokens[last + 1]?.text;
  if (open !== ',' && open !== '(') return undefined;
  const letter = tokens[last + 2];
  const dash = tokens[last + 3];
  const state = tokens[last + 4];
  const tag = letter ? lex.partyInitials.get(letter.text) : undefined;
  if (!tag || !letter || dash?.text !== '-' || !state || !STATE_WORD.test(state.text)) return undefined;
  // Written together: `R-Texas`, not `R - Texas`.
  return dash.start === letter.end && state.start === dash.end ? tag : undefined;
}
