/**
 * The append index's log: an append adds its change to the index as one line
 * of `append-index.log` (the index itself is not written again) until the log
 * would pass its share of the index, when the index is written whole and the
 * log goes. Read with its log, the index is a full build's; a line cut short
 * is left out, and a line the index already holds changes nothing.
 */
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import { readManifest } from '../../src/pipeline/manifest.js';
import { exportBuild } from '../../src/pipeline/file-exports.js';
import { APPEND_INDEX_FILE, APPEND_LOG_FILE, applyChange, indexChange, readAppendIndex, type AppendIndex, type IndexedArticle } from '../../src/pipeline/append-index.js';

let tmp: string;
const SAMPLES = path.resolve('data/articles');

const ONE: Record<string, string> = {
  'n1-mayor.txt': 'Mayor elected\n\nPriya Raman was elected mayor of Springfield on Tuesday. "This city deserves better roads," Raman told supporters.',
};
const TWO: Record<string, string> = {
  'n2-port.txt': 'Port strike\n\nDock workers in Rotterdam began a strike on Monday. Union leader Jan de Vries said the talks with the port authority had failed.',
};
// Enough new text that its change passes the log's share of the index.
const MANY: Record<string, string> = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [
    `n3-council-${i}.txt`,
    `Council vote ${i}\n\nCouncillor Maria Okafor${i} said the council of Riverton${i} would vote on the housing plan on Thursday. "We need homes that families can afford," Okafor${i} told the Riverton${i} Gazette. Mayor Tom Becker${i} of Riverton${i} urged the council to back the plan.`,
  ]),
);

async function writeTexts(dir: string, texts: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [f, text] of Object.entries(texts)) await writeFile(path.join(dir, f), text);
}

const indexOf = async (out: string): Promise<AppendIndex> => JSON.parse(await readFile(path.join(out, APPEND_INDEX_FILE), 'utf8')) as AppendIndex;
const read = (out: string, file: string): Promise<string> => readFile(path.join(out, file), 'utf8');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-append-log-'));
  await mkdir(path.join(tmp, 'base'));
  for (const f of (await readdir(SAMPLES)).filter((f) => f.endsWith('.txt'))) await copyFile(path.join(SAMPLES, f), path.join(tmp, 'base', f));
  await writeTexts(path.join(tmp, 'one'), ONE);
  await writeTexts(path.join(tmp, 'two'), TWO);
  await writeTexts(path.join(tmp, 'many'), MANY);
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('append index log', () => {
  it('an append adds a line to the log, the index read with it is a full build’s, and a fold writes it whole', async () => {
    const out = path.join(tmp, 'out');
    await runBuild({ inputs: [path.join(tmp, 'base')], outDir: out, neo4jCsv: false });
    const before = await stat(path.join(out, APPEND_INDEX_FILE));
    expect(existsSync(path.join(out, APPEND_LOG_FILE))).toBe(false);

    for (const [step, dir] of [
      [1, 'one'],
      [2, 'two'],
    ] as const) {
      const r = await runBuild({ inputs: [path.join(tmp, dir)], outDir: out, append: true });
      expect(r.incremental).toBe(true);
      const after = await stat(path.join(out, APPEND_INDEX_FILE));
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      expect((await read(out, APPEND_LOG_FILE)).trim().split('\n')).toHaveLength(step);
      expect(Object.keys((await readManifest(out))?.files ?? {})).toContain(APPEND_LOG_FILE);
    }
    const full = path.join(tmp, 'full-two');
    await runBuild({ inputs: [path.join(tmp, 'base'), path.join(tmp, 'one'), path.join(tmp, 'two')], outDir: full, neo4jCsv: false });
    expect(await readAppendIndex(out)).toEqual(await indexOf(full));
    expect(await read(out, 'resolution.json')).toBe(await read(full, 'resolution.json'));

    // A line cut short (an append stopped while writing it) is left out by a reader, and cut by the next append.
    await appendFile(path.join(out, APPEND_LOG_FILE), '{"articles":[{"id":"x');
    expect(await readAppendIndex(out)).toEqual(await indexOf(full));

    const r = await runBuild({ inputs: [path.join(tmp, 'many')], outDir: out, append: true });
    expect(r.incremental).toBe(true);
    expect(existsSync(path.join(out, APPEND_LOG_FILE))).toBe(false);
    expect(Object.keys((await readManifest(out))?.files ?? {})).not.toContain(APPEND_LOG_FILE);
    const all = path.join(tmp, 'full-all');
    await runBuild({ inputs: ['base', 'one', 'two', 'many'].map((d) => path.join(tmp, d)), outDir: all, neo4jCsv: false });
    expect(await read(out, APPEND_INDEX_FILE)).toBe(await read(all, APPEND_INDEX_FILE));
    expect(await read(out, 'resolution.json')).toBe(await read(all, 'resolution.json'));
  }, 240_000);

  it('a line cut short is cut by `export` too, so the next append’s line is read', async () => {
    const out = path.join(tmp, 'out-export');
    await runBuild({ inputs: [path.join(tmp, 'base')], outDir: out, neo4jCsv: false });
    await runBuild({ inputs: [path.join(tmp, 'one')], outDir: out, append: true });
    await appendFile(path.join(out, APPEND_LOG_FILE), '{"articles":[{"id":"x');
    await exportBuild(out, { neo4jCsv: false });
    const r = await runBuild({ inputs: [path.join(tmp, 'two')], outDir: out, append: true });
    expect(r.incremental).toBe(true);
    expect((await read(out, APPEND_LOG_FILE)).trim().split('\n')).toHaveLength(2);
    expect(await readAppendIndex(out)).toEqual(await indexOf(path.join(tmp, 'full-two')));
  }, 120_000);

  it('a full build removes the log', async () => {
    const out = path.join(tmp, 'out-full');
    await runBuild({ inputs: [path.join(tmp, 'base')], outDir: out, neo4jCsv: false });
    await runBuild({ inputs: [path.join(tmp, 'one')], outDir: out, append: true });
    expect(existsSync(path.join(out, APPEND_LOG_FILE))).toBe(true);
    await runBuild({ inputs: [path.join(tmp, 'base')], outDir: out, neo4jCsv: false });
    expect(existsSync(path.join(out, APPEND_LOG_FILE))).toBe(false);
    expect(await readAppendIndex(out)).toEqual(await indexOf(out));
  }, 120_000);
});

describe('index changes', () => {
  const article = (id: string): IndexedArticle => ({ id, hash: `h-${id}`, path: `${id}.txt`, fingerprint: null, chars: 10 });
  const story = (id: string) => ({ id, records: [{ id: 0, type: 'Person' as const, name: `P ${id}`, aliases: [], roles: [], affiliations: [], mentions: 1, confidence: 0.9, forms: [], keys: [`s:${id}`] }] });
  const settings = { keepUnasserted: false, keepAnonymousQuotes: false, keepDuplicates: false, corrections: '' };
  const index = (articles: string[], stories: string[]): AppendIndex => ({ format: 'newsgraph-append-index', version: 1, settings, articles: articles.map(article), stories: stories.map(story) });

  it('gives back the index after the append, in id order, and applying it twice changes nothing more', () => {
    const before = index(['b', 'd', 'f'], ['b', 'd', 'f']);
    // `a` and `e` are new, `e` a near-duplicate of `d`, which it is kept in place of.
    const after = index(['a', 'b', 'd', 'e', 'f'], ['a', 'b', 'e', 'f']);
    const change = indexChange(before, after);
    expect(change).toEqual({ articles: [article('a'), article('e')], stories: [story('a'), story('e')], dropped: ['d'] });
    expect(applyChange(before, change)).toEqual(after);
    expect(applyChange(applyChange(before, change), change)).toEqual(after);
    expect(applyChange(before, undefined)).toBe(before);
  });
});
