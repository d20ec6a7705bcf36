/**
 * Builds an Article from text already in memory (pure): used by ingest
 * after decoding and by `extract` for text given directly (JSON lines).
 */
import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import { cleanText, type InputFormat } from './clean-text.js';
import type { BoilerplateRules } from './boilerplate-rules.js';
import { findArticleDate } from '../dates/article-date.js';

/** sha256 of the bytes, hex. */
function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where an article's date may come from besides the text itself (see src/dates/article-date.ts). */
export interface ArticleDateHints {
  /** The date of the article's sidecar file, `YYYY-MM-DD`. */
  readonly sidecar?: string | undefined;
  /** The date for articles that state none (`build --date`), `YYYY-MM-DD`. */
  readonly fallback?: string | undefined;
}

/**
 * An Article from its text. `path` is the id unless given; `hash` is the
 * sha256 of `hashOf` (the raw file bytes) or else of the text's UTF-8 bytes.
 * Its publication date is read from the text, the sidecar or the fallback.
 */
export function articleFromText(
  id: string,
  text: string,
  rules: BoilerplateRules,
  format: InputFormat = 'txt',
  source: { path?: string; hashOf?: Uint8Array; dates?: ArticleDateHints } = {},
): Article {
  const cleaned = cleanText(text, format, rules);
  const published = findArticleDate({ raw: text, html: format === 'html', text: cleaned.text, sidecar: source.dates?.sidecar, fallback: source.dates?.fallback });
  return {
    id,
    path: source.path ?? id,
    title: cleaned.title,
    text: cleaned.text,
    paragraphs: cleaned.paragraphs,
    hash: hashBytes(source.hashOf ?? text),
    ...(published ? { published } : {}),
  };
}
