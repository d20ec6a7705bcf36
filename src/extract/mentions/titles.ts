/** Title words (`Foreign Minister`, `Secretary of State`, `ambassador to the UN`) and the affiliation standing before them. */
import type { Token } from '../../types.js';
import { isCap, isPossessive } from '../token-tests.js';
import { emitLexicon } from './lexicon-mentions.js';
import type { AffiliationAt, MentionScan } from './scan.js';

const ROLE_CONNECTORS = new Set(['of', 'for', 'to']);
const LOWER_CASE_ROLE_WORD = /^(affairs|defen[cs]e|foreign|state|interior|finance|justice)$/i;

/** Title words (as written in the title lexicon) from `i`, with `of State`, `to the UN` tails. */
export function titleRunAt(s: MentionScan, 
  i: number,
  last: number,
): { last: number; role: string; gender: 'm' | 'f' | undefined; honorificOnly: boolean; tailAffiliation: AffiliationAt | undefined } | undefined {
  let j = i;
  let lastHead = -1;
  let gender: 'm' | 'f' | undefined;
  let honorificOnly = true;
  let tailAffiliation: AffiliationAt | undefined;
  while (j <= last) {
    const t = s.tokens[j];
    if (!t) break;
    const tw = s.lex.titles.get(t.text);
    if (tw) {
      if (tw.kind !== 'honorific') honorificOnly = false;
      if (tw.kind === 'head' || tw.kind === 'honorific') lastHead = j;
      gender ??= tw.gender;
      j++;
      continue;
    }
    // `Secretary of State`, `Minister for Foreign Affairs`, `ambassador to the United Nations`.
    if (lastHead === j - 1 && ROLE_CONNECTORS.has(t.normal)) {
      let k = j + 1;
      if (s.tokens[k]?.normal === 'the') k++;
      const lm = s.lexMatchAt(k, last);
      if (lm && lm.entry.type !== 'Person' && (t.normal === 'to' || lm.entry.kind === 'org' || lm.entry.kind === 'country')) {
        emitLexicon(s, lm, last);
        if (t.normal === 'of' && lm.entry.type === 'Country') tailAffiliation ??= { name: lm.entry.name, type: 'Country', first: k };
        lastHead = lm.last;
        j = lm.last + 1;
        continue;
      }
      // `Secretary of State`, `Minister of Foreign Affairs`: capitalised words after the connector.
      let e = k;
      // Also in lower case, as AP style writes a title without a name (`the secretary of state`).
      while (e <= last && s.tokens[e] && ((isCap(s.tokens[e] as Token) && s.lex.titles.has((s.tokens[e] as Token).text)) || LOWER_CASE_ROLE_WORD.test((s.tokens[e] as Token).text))) e++;
      if (e > k && s.tokens[k]?.normal !== 'the') {
        lastHead = e - 1;
        j = e;
        continue;
      }
    }
    break;
  }
  if (lastHead < i) return undefined;
  const span = s.tokenSpan(i, lastHead);
  const role = s.text.slice(span.start, span.end);
  return { last: lastHead, role, gender, honorificOnly, tailAffiliation };
}

/** Affiliation from what stands right before a title: a demonym, country, organisation or `X's`. */
export function affiliationBefore(s: MentionScan, i: number): AffiliationAt | undefined {
  let k = i - 1;
  if (isPossessive(s.tokens[k])) k--;
  const direct = s.affiliationAt.get(k);
  if (direct && direct.type !== 'Person' && s.tokens[k]?.sentence === s.tokens[i]?.sentence) return direct;
  return undefined;
}
