/**
 * The author of a thing named again by a definite description: after `the
 * court's ruling` or `a plan put forward by Egypt`, `condemned the ruling`
 * and `welcomed the plan` are acts on the court and on Egypt. The nouns that
 * can be taken up so are the act nouns of `lexicons/relation-cues.json`
 * (`authoredNouns`: rulings, plans, proposals, claims); their makers are
 * named by owner, `by` agent or the subject of a making verb (`authoringVerbs`).
 */
// Defined with the clause readers it uses, which also take it up for a document as a subject (`the report urged`).
export { antecedentOwner } from '../relations/clause.js';
