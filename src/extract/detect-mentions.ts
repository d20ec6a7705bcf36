/**
 * Mention detection: annotated text -> mentions of people, countries and
 * organisations (names, surnames, acronyms, metonyms), plus actor-like
 * titles (`the secretary`) and personal pronouns for the resolver.
 *
 * Steps, in order of precedence at each token (each in its own module under `mentions/`): state
 * metonyms (`the Biden administration`), organisation head-noun phrases (`... Ministry`), the
 * lexicon (countries, capitals, demonyms, organisations), title + name sequences (`Russian
 * Foreign Minister Sergei Lavrov`) and capitalised runs, bare title phrases, acronyms and
 * pronouns; then the learned tagger judges the untitled capitalised runs and adds the names the
 * rules missed, and passes over the whole article type what is left by context.
 * Pure: the lexicon is passed in.
 */
import type { AnnotatedText, Mention, Token } from '../types.js';
import type { EntityLexicon } from './entity-lexicon.js';
import { typeContextOrganisations } from './context-organisations.js';
import { isCap } from './token-tests.js';
import { acronymAt } from './mentions/acronyms.js';
import { propagateBracketAcronyms } from './mentions/bracket-acronyms.js';
import { lowerCaseMinistries, propagateCompanyNames, propagateSurnames, qualifyMinistries } from './mentions/context-typing.js';
import { newDraft, toMentions } from './mentions/draft.js';
import { emitLexicon } from './mentions/lexicon-mentions.js';
import { metonymAt, namePersonMetonyms } from './mentions/metonyms.js';
import { emitHeadOrg, orgHeadRunAt } from './mentions/org-heads.js';
import { MentionScan } from './mentions/scan.js';
import { applyTagger } from './mentions/tagged-spans.js';
import { personAt } from './mentions/title-and-name.js';

export function detectMentions(ann: AnnotatedText, lex: EntityLexicon): Mention[] {
  const s = new MentionScan(ann, lex);
  const { tokens } = ann;
  for (const sentence of ann.sentences) {
    const last = sentence.lastToken;
    let i = sentence.firstToken;
    while (i <= last) {
      const tok = tokens[i];
      if (!tok) break;
      i = s.isSkipped(i) ? i + 1 : scanToken(s, i, tok, last);
    }
  }
  if (lex.tagger) applyTagger(s, lex.tagger);
  namePersonMetonyms(s.drafts, s.pendingPersonMetonyms, lex);
  lowerCaseMinistries(s);
  qualifyMinistries(s);
  propagateCompanyNames(s);
  propagateBracketAcronyms(s);
  propagateSurnames(s);
  const mentions = toMentions(s.drafts, tokens, ann.text);
  return typeContextOrganisations(ann, mentions, lex);
}

/** The mention starting at token i (`tok`), if any; returns the index to go on from. */
function scanToken(s: MentionScan, i: number, tok: Token, last: number): number {
  // Metonyms and head-noun organisations start at `the` or a capitalised word (most tokens are
  // neither: the test spares two calls per token).
  const theOrCap = tok.normal === 'the' || isCap(tok);

  // 1. State metonyms: `the Biden administration`, `the US side`, `the Kremlin government`.
  const meto = theOrCap ? metonymAt(s, i, last) : undefined;
  if (meto) {
    return meto;
  }

  // 2. Organisation by head noun vs lexicon phrase: the longer wins.
  // `The U.N. Security Council`: a phrase after `the` may reach further than one with it (`the UN`).
  const withThe = s.lexMatchAt(i, last);
  const afterThe = tok.normal === 'the' ? s.lexMatchAt(i + 1, last) : undefined;
  const lm = withThe && (!afterThe || withThe.last >= afterThe.last) ? withThe : afterThe;
  const head = theOrCap ? orgHeadRunAt(s, i, last) : undefined;
  if (head && (!lm || head.last > lm.last)) {
    return emitHeadOrg(s, head.first, head.last);
  }
  if (lm && tok.normal === 'the' && s.lex.titles.has(s.tokens[lm.last + 1]?.text ?? '')) {
    // `the Russian minister`, `the US Secretary of State`: a title phrase.
    const person = personAt(s, i, last);
    if (person) {
      return person;
    }
  }
  if (lm) {
    const next = s.tokens[lm.last + 1];
    const nameFollows = next && lm.first === lm.last && (lm.entry.kind === 'country' || lm.entry.kind === 'capital') && next.start === tok.end + 1 && s.isNameToken(next, lm.last + 1) && !s.lexMatchAt(lm.last + 1, last) && !s.lex.titles.has(next.text);
    if (!nameFollows) {
      return emitLexicon(s, lm, last);
    }
  }

  // 3. Titles and names (a lower-case word other than `the` starts one only as a title word).
  const person = theOrCap || s.lex.titles.has(tok.text) ? personAt(s, i, last) : undefined;
  if (person) {
    return person;
  }

  // 4. Unknown acronyms of organisations.
  if (acronymAt(s, i)) {
    s.push(newDraft(tok.start, tok.end, i, i, 'Organisation', 'acronym', tok.text, 0.6));
    s.affiliationAt.set(i, { name: tok.text, type: 'Organisation', first: i });
    return i + 1;
  }

  // 5. Pronouns.
  if ((tok.pos === 'PRON' || tok.pos === 'PROPN') && s.lex.pronouns.has(tok.normal) && tok.text.toLowerCase() === tok.normal && tok.text !== 'US') {
    const next = s.tokens[i + 1];
    const possessive = tok.normal === 'her' && next && next.sentence === tok.sentence && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(next.pos);
    if (!possessive) {
      s.push(newDraft(tok.start, tok.end, i, i, 'Person', 'pronoun', tok.normal, 0.5));
    }
  }
  return i + 1;
}
