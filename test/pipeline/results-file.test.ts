/**
 * `readResultsOf` picks the lines of the wanted articles out of a results
 * file without parsing the others: ids with escapes and non-ASCII letters,
 * lines longer than the chunks the file is read in, and a last line without
 * its newline are read as `readResults` reads them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleResult } from '../../src/types.js';
import { readResults, readResultsOf, writeResults } from '../../src/pipeline/results-file.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-results-file-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const result = (id: string, text = ''): ArticleResult => ({
  article: { id, path: `/in/${id}`, title: text.slice(0, 20), hash: `h-${id}`, chars: text.length, tokens: 0 },
  mentions: [],
  entities: [],
  relations: [],
  quotes: [],
  diagnostics: [],
});

const IDS = ['a.txt', 'quote "x".txt', 'back\\slash.txt', 'Zürich/ß.txt', 'long.txt', 'z.txt'];

describe('readResultsOf', () => {
  it('reads the wanted articles only, as readResults reads them', async () => {
    const file = path.join(tmp, 'results.jsonl');
    const results = IDS.map((id) => result(id, id === 'long.txt' ? 'word '.repeat(600_000) : id));
    await writeResults(file, results);
    const all = await readResults(file);
    const byId = new Map(all.map((r) => [r.article.id, r]));
    for (const wanted of [['a.txt'], ['quote "x".txt', 'Zürich/ß.txt'], ['back\\slash.txt', 'long.txt', 'z.txt'], ['missing.txt'], IDS]) {
      const got = await readResultsOf(file, new Set(wanted));
      expect(got.map((r) => r.article.id).sort()).toEqual(wanted.filter((id) => byId.has(id)).sort());
      for (const r of got) expect(r).toEqual(byId.get(r.article.id));
    }
    // A last line without its newline.
    await writeFile(file, all.map((r) => JSON.stringify({ ...r, diagnostics: undefined })).join('\n'));
    expect((await readResultsOf(file, new Set(['z.txt']))).map((r) => r.article.id)).toEqual(['z.txt']);
  });
});
