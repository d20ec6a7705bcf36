/**
 * Builds an Article from text already in memory (pure): used by ingest
 * after decoding and by `extract` for text given directly (JSON lines).
 */
import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import { cleanText, type InputFormat } from './clean-text.js';
import type { BoilerplateRules } from './boilerplate-rules.js';

/** sha256 of the bytes, hex. */
function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * An Article from its text. `path` is the id unless given; `hash` is the
 * sha256 of `hashOf` (the raw file bytes) or else of the text's UTF-8 bytes.
 */
export function articleFromText(
  id: string,
  text: string,
  rules: BoilerplateRules,
  format: InputFormat = 'txt',
  source: { path?: string; hashOf?: Uint8Array } = {},
): Article {
  const cleaned = cleanText(text, format, rules);
  return {
    id,
    path: source.path ?? id,
    title: cleaned.title,
    text: cleaned.text,
    paragraphs: cleaned.paragraphs,
    hash: hashBytes(source.hashOf ?? text),
  };
}
