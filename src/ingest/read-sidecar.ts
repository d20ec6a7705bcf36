/**
 * An article's sidecar: `<article file>.meta.json` beside it, holding
 * `{"published": "2026-03-02"}` (any ISO date or timestamp), for plain text
 * that states no date. A missing sidecar is normal; a broken one is a
 * warning naming it, and the article is built without its date.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../types.js';
import { errorMessage } from '../errors.js';
import { toDay } from '../dates/article-date.js';

const SIDECAR_SUFFIX = '.meta.json';

export async function readSidecarDate(articleFile: string): Promise<{ date?: string; diagnostics: Diagnostic[] }> {
  const file = articleFile + SIDECAR_SUFFIX;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { diagnostics: [] };
    return { diagnostics: [warning(file, `cannot read the sidecar: ${errorMessage(e)}`)] };
  }
  let published: unknown;
  try {
    published = (JSON.parse(text) as { published?: unknown } | null)?.published;
  } catch (e) {
    return { diagnostics: [warning(file, `the sidecar is not JSON: ${errorMessage(e)}`)] };
  }
  if (published === undefined) return { diagnostics: [] };
  const day = typeof published === 'string' ? toDay(published) : undefined;
  if (!day) return { diagnostics: [warning(file, `"published" must be a date such as "2026-03-02", got ${JSON.stringify(published)}`)] };
  return { date: day, diagnostics: [] };
}

function warning(file: string, message: string): Diagnostic {
  return { code: 'ingest/bad-sidecar', severity: 'warning', message, file, fatal: false };
}
