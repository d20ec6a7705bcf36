import { annotate } from '../../../src/nlp/annotate.js';
import { loadEntityLexicon } from '../../../src/extract/entity-lexicon.js';
import { MentionScan } from '../../../src/extract/mentions/scan.js';

export const lex = loadEntityLexicon();

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}

/** A fresh scan of the text, and the index of the first token spelt `word` (after `from`). */
export function scanOf(text: string): { s: MentionScan; at: (word: string, from?: number) => number; last: number } {
  const s = new MentionScan(annotate(text, paragraphs(text)), lex);
  const at = (word: string, from = 0): number => {
    const k = s.tokens.findIndex((t, i) => i >= from && t.text === word);
    if (k < 0) throw new Error(`no token ${word} in ${text}`);
    return k;
  };
  return { s, at, last: s.tokens.length - 1 };
}

/** The text of tokens first..last. */
export const spanText = (s: MentionScan, first: number, last: number): string => s.text.slice(s.tokenStart(first), s.tokenEnd(last));
