/**
 * The layout of an article's page as mention detection reads it: title-case and all-capital
 * sentences (headlines, datelines), and tokens to skip (boilerplate paragraphs, bylines, photo
 * credits).
 */
import type { AnnotatedText, Sentence, Token } from '../../types.js';
import { isCap, letterCase, NO_LETTER, NO_LOWER, SOME_LOWER } from '../token-tests.js';

const SLASH_SEPARATOR = /\s\/\s/g;
const BYLINE = /^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}\s*$/u;
const CREDIT = /^\s*(photo|image|picture|source|credit)s?\b/i;
/** `(Yonhap DB)`, `(AP Photo)`, `(Reuters file photo)`: a photo credit ending a caption. */
const CREDIT_END = /\b(?:DB|photos?|file)\s*$/i;

/**
 * Title-case sentences (headlines: unknown capitalised runs there are weak evidence) and
 * all-capital ones (headlines, datelines: their capitalised words are no acronyms), by index.
 */
export function headlineSentences(ann: AnnotatedText): { titleCase: Set<number>; allCaps: Set<number> } {
  const { tokens, sentences } = ann;
  const titleCase = new Set<number>();
  const allCaps = new Set<number>();
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as Sentence;
    // Capitalised words the tagger does not take for names (`Agreed`, `Will`, `With`), past the first.
    let capitalisedCommon = 0;
    let words = 0;
    let capitals = 0;
    for (let i = s.firstToken; i <= s.lastToken && i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (i > s.firstToken && isCap(t) && t.pos !== 'PROPN' && t.pos !== 'PUNCT' && t.text !== 'I') capitalisedCommon++;
      const letters = letterCase(t.text);
      if (letters === NO_LETTER) continue;
      words++;
      if (letters === NO_LOWER) capitals++;
    }
    if (capitalisedCommon >= 2) titleCase.add(k);
    if (capitals * 2 > words) allCaps.add(k);
  }
  return { titleCase, allCaps };
}

/**
 * Tokens of boilerplate paragraphs, photo credits and `(Photo: ...)` parentheses, an agency's
 * name between slashes in a dateline (`MOSCOW, May 5. /TASS/.`), and ships' names (`USS Enterprise`).
 */
export function skippedTokens(a: AnnotatedText, cues: readonly RegExp[], vesselPrefixes: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(a.tokens.length);
  // Each paragraph's first line, tested once (from its first sentence to the line's end).
  const skipPara = new Map<number, boolean>();
  for (const s of a.sentences) {
    if (skipPara.has(s.paragraph)) continue;
    const lineEnd = a.text.indexOf('\n', s.start);
    const line = a.text.slice(s.start, lineEnd < 0 ? a.text.length : lineEnd);
    // A byline: a paragraph that is only a short capitalised name.
    skipPara.set(s.paragraph, cues.some((re) => re.test(line)) || (line.match(SLASH_SEPARATOR)?.length ?? 0) >= 2 || BYLINE.test(line));
  }
  for (const s of a.sentences) {
    if (!skipPara.get(s.paragraph)) continue;
    for (let k = s.firstToken; k <= s.lastToken && k < out.length; k++) out[k] = 1;
  }
  // `(Photo: Reuters)`, `(EFE / EPA)`.
  for (let k = 0; k < a.tokens.length; k++) {
    const t = a.tokens[k] as Token;
    if (t.text !== '(') continue;
    let e = k + 1;
    while (e < a.tokens.length && a.tokens[e]?.text !== ')' && e - k < 30) e++;
    const inner = a.text.slice(t.end, a.tokens[e]?.start ?? t.end);
    if (CREDIT.test(inner) || CREDIT_END.test(inner) || (inner.match(SLASH_SEPARATOR)?.length ?? 0) >= 1) out.fill(1, k, Math.min(e, out.length - 1) + 1);
  }
  skipDatelineAgencies(a, out);
  skipDatelineParentheses(a, out);
  skipVessels(a, vesselPrefixes, out);
  return out;
}

/** `/TASS/`, `/ITAR-TASS/`: an all-capital agency name between slashes, right after a dateline. */
function skipDatelineAgencies(a: AnnotatedText, out: Uint8Array): void {
  const first = a.sentences[0]?.firstToken ?? 0;
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.tokens[k]?.text !== '/') continue;
    let e = k + 1;
    while (e < a.tokens.length && e - k <= 4 && a.tokens[e]?.text !== '/') e++;
    const inner = a.tokens.slice(k + 1, e);
    if (a.tokens[e]?.text !== '/' || !inner.some((t) => letterCase(t.text) === NO_LOWER) || inner.some((t) => letterCase(t.text) === SOME_LOWER)) continue;
    // Only near a paragraph's start (a dateline), not a slash in running text.
    const sentence = a.sentences[(a.tokens[k] as Token).sentence];
    if (sentence && k - sentence.firstToken <= 8 && k >= first) out.fill(1, k, e + 1);
    k = e;
  }
}

const DASH = /^[-–—]+$/;

/**
 * `(CNN) --`, `LONDON (Reuters) -`: an outlet's name in parentheses before a dash near a
 * paragraph's start is the dateline's credit, not a mention.
 */
function skipDatelineParentheses(a: AnnotatedText, out: Uint8Array): void {
  for (const s of a.sentences) {
    const end = Math.min(s.lastToken, s.firstToken + 8);
    for (let k = s.firstToken; k < end; k++) {
      if (a.tokens[k]?.text !== '(') continue;
      let e = k + 1;
      while (e <= end && e - k <= 4 && a.tokens[e]?.text !== ')') e++;
      const inner = a.tokens.slice(k + 1, e);
      if (a.tokens[e]?.text === ')' && inner.length && inner.every((t) => isCap(t)) && DASH.test(a.tokens[e + 1]?.text ?? '')) out.fill(1, k, e + 1);
      break;
    }
  }
}

/** The capitalised words after a ship prefix, and the prefix. */
function skipVessels(a: AnnotatedText, prefixes: ReadonlySet<string>, out: Uint8Array): void {
  for (let k = 0; k < a.tokens.length; k++) {
    if (!prefixes.has((a.tokens[k] as Token).text)) continue;
    let e = k + 1;
    while (e < a.tokens.length && isCap(a.tokens[e] as Token) && (a.tokens[e] as Token).sentence === (a.tokens[k] as Token).sentence) e++;
    if (e > k + 1) out.fill(1, k, e);
    k = e - 1;
  }
}
