/**
 * Removing and replacing articles gives the outputs of a full build of what
 * remains: build(A B C) then remove(B) == build(A C), file for file; what
 * only B supported goes, what others support stays with less evidence; an
 * edited file appended again replaces its article; removing everything
 * leaves a valid empty graph; a name that is no article changes nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildOptions } from '../../src/pipeline/run-build.js';
import { NotInBuildError, findArticles, runRemove } from '../../src/pipeline/remove.js';
import { readGraphJson } from '../../src/cli/commands/push.js';
import { validateGraph } from '../../src/graph/validate-graph.js';
import { queryKuzu } from '../../src/store/kuzu-store.js';
import type { NewsGraph } from '../../src/graph/attributes.js';
import { writeInputs } from './helpers.js';
import { shardOf } from '../../src/pipeline/shard.js';
import type { StoredResolution } from '../../src/pipeline/resolution-file.js';

const CLI = path.resolve('dist/cli/main.js');
let tmp: string;
let input: string;
let names: string[];

const build = (inputs: string[], out: string, more: Partial<BuildOptions> = {}) => runBuild({ inputs, outDir: path.join(tmp, out), ...more });

/** Every file of an output folder (the store and the manifest aside: they name the build), by path below it; the folder's own path (in graph.cypher's header and the import command) as `OUT`. */
async function outputs(out: string): Promise<Record<string, string>> {
  const dir = path.join(tmp, out);
  const files: Record<string, string> = {};
  for (const name of ['graph.json', 'graph.graphml', 'graph.cypher', 'edges.csv', 'quotes.csv', 'results.jsonl', 'resolution.json']) {
    files[name] = await readFile(path.join(dir, name), 'utf8');
  }
  if (existsSync(path.join(dir, 'neo4j'))) {
    for (const name of (await readdir(path.join(dir, 'neo4j'))).sort()) files[`neo4j/${name}`] = await readFile(path.join(dir, 'neo4j', name), 'utf8');
  }
  for (const [name, text] of Object.entries(files)) files[name] = text.split(dir).join('OUT');
  return files;
}

/** Entity node key -> how many articles mention it. */
function mentionCounts(graph: NewsGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachEdge((_e, a, source) => {
    if (a.type === 'MENTIONED_IN') counts.set(source, (counts.get(source) ?? 0) + 1);
  });
  return counts;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-remove-'));
  input = path.join(tmp, 'in');
  // The five sample articles (one story: many entities shared) and three short texts.
  names = await writeInputs(input, 0);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('findArticles', () => {
  const articles = [
    { id: '001.txt', path: 'corpus/001.txt' },
    { id: 'sub/002.txt', path: 'corpus/sub/002.txt' },
    { id: 'B/001.txt', path: 'other/001.txt' },
  ];
  it.each([
    [['corpus/001.txt'], ['001.txt'], []],
    [['/work/x/corpus/001.txt'], ['001.txt'], []],
    [['./corpus//sub/002.txt'], ['sub/002.txt'], []],
    [['sub/002.txt'], ['sub/002.txt'], []],
    [['B/001.txt'], ['B/001.txt'], []],
    [['corpus'], ['001.txt', 'sub/002.txt'], []],
    [['corpus/003.txt', 'other/001.txt', 'corp'], ['B/001.txt'], ['corpus/003.txt', 'corp']],
  ])('%j stands for %j (missing %j)', (given, ids, missing) => {
    const found = findArticles(articles, given, '/work/x');
    expect([...found.ids].sort()).toEqual(ids);
    expect(found.missing).toEqual(missing);
  });
});

describe('newsgraph remove', () => {
  const removed = (): string => names[1]!;

  it('build(A B C) then remove(B) writes the outputs of build(A C), store included', async () => {
    const before = await build([input], 'rm');
    const result = await runRemove({ outDir: path.join(tmp, 'rm'), names: [path.join(input, removed())] });
    expect(result.removed).toEqual([removed()]);
    expect(result.results.length).toBe(before.results.length - 1);
    // The same files without B, from the same paths.
    const rest = path.join(tmp, 'rest');
    await mkdir(rest);
    await rename(path.join(input, removed()), path.join(rest, removed()));
    try {
      await build([input], 'full');
    } finally {
      await rename(path.join(rest, removed()), path.join(input, removed()));
    }
    expect(await outputs('rm')).toEqual(await outputs('full'));
    const articles = async (out: string) => (await queryKuzu(path.join(tmp, out, 'graph.kuzu'), 'MATCH (a:Article) RETURN a.key AS k ORDER BY k')).rows;
    expect(await articles('rm')).toEqual(await articles('full'));
    expect((await articles('rm')).length).toBe(before.results.length - 1);
    const manifest = JSON.parse(await readFile(path.join(tmp, 'rm', 'manifest.json'), 'utf8')) as { articles: number; files: Record<string, unknown> };
    expect(manifest.articles).toBe(before.results.length - 1);
    expect(Object.keys(manifest.files)).toContain('graph.kuzu');
  });

  it('drops what only the removed article supported and keeps what others support, with fewer mentions', async () => {
    await build([input], 'shrink', { store: false });
    const old = await readGraphJson(path.join(tmp, 'shrink', 'graph.json'));
    await runRemove({ outDir: path.join(tmp, 'shrink'), names: [removed()] });
    const now = await readGraphJson(path.join(tmp, 'shrink', 'graph.json'));
    const [was, is] = [mentionCounts(old), mentionCounts(now)];
    const gone = [...was.keys()].filter((k) => !now.hasNode(k));
    const shrunk = [...was.keys()].filter((k) => now.hasNode(k) && is.get(k)! < was.get(k)!);
    // Both cases occur: the test can fail either way.
    expect(gone.length).toBeGreaterThan(0);
    expect(shrunk.length).toBeGreaterThan(0);
    for (const k of gone) expect(was.get(k)).toBe(1);
    for (const k of shrunk) expect(is.get(k)).toBe(was.get(k)! - 1);
    const articleOf = (g: NewsGraph) => g.filterNodes((_k, a) => a.label === 'Article').length;
    expect(articleOf(now)).toBe(articleOf(old) - 1);
    // No edge of any kind still points at the removed article's evidence.
    now.forEachEdge((_e, a) => expect((a as { article?: string }).article).not.toBe(removed()));
    expect(validateGraph(now)).toEqual([]);
  });

  it('removing every article leaves a valid empty graph that a later append builds on', async () => {
    await build([input], 'empty');
    const result = await runRemove({ outDir: path.join(tmp, 'empty'), names: [input] });
    expect(result.removed.length).toBe(names.length);
    const graph = await readGraphJson(path.join(tmp, 'empty', 'graph.json'));
    expect(graph.order).toBe(0);
    expect(validateGraph(graph)).toEqual([]);
    expect(await readFile(path.join(tmp, 'empty', 'results.jsonl'), 'utf8')).toBe('');
    const stored = await queryKuzu(path.join(tmp, 'empty', 'graph.kuzu'), 'MATCH (n) RETURN count(n) AS n');
    expect(stored.rows).toEqual([{ n: 0 }]);
    const manifest = JSON.parse(await readFile(path.join(tmp, 'empty', 'manifest.json'), 'utf8')) as { articles: number };
    expect(manifest.articles).toBe(0);
    const again = await build([path.join(input, names[0]!)], 'empty', { store: false, append: true });
    expect(again.results.map((r) => r.article.id)).toEqual([names[0]]);
  });

  it('a name that is no article of the build is refused and nothing is changed', async () => {
    await build([input], 'typo', { store: false });
    const before = await outputs('typo');
    const manifest = await readFile(path.join(tmp, 'typo', 'manifest.json'), 'utf8');
    const attempt = runRemove({ outDir: path.join(tmp, 'typo'), names: [names[0]!, `${names[2]!}x`] });
    await expect(attempt).rejects.toBeInstanceOf(NotInBuildError);
    await expect(attempt).rejects.toThrow(`${names[2]!}x (did you mean ${names[2]!}?)`);
    expect(await outputs('typo')).toEqual(before);
    expect(await readFile(path.join(tmp, 'typo', 'manifest.json'), 'utf8')).toBe(manifest);
  });
});

describe('build --append of an edited file', () => {
  it('replaces the old version: the graph of a full build of the new contents', async () => {
    const dir = path.join(tmp, 'edit');
    await mkdir(dir);
    for (const n of names) await copyFile(path.join(input, n), path.join(dir, n));
    await build([dir], 'edit-inc', { store: false });
    const target = path.join(dir, names[2]!);
    await writeFile(target, 'Border talks\n\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Scholz warned Russia against any escalation.');
    const appended = await build([target], 'edit-inc', { store: false, append: true });
    expect(appended.results.map((r) => r.article.id)).toEqual([...names].sort());
    await build([dir], 'edit-full', { store: false });
    expect(await outputs('edit-inc')).toEqual(await outputs('edit-full'));
    const graph = await readFile(path.join(tmp, 'edit-inc', 'graph.json'), 'utf8');
    expect(graph).toContain('Olaf Scholz');
  });

  it('an edited file that now holds the content of another article: its old version goes, as in a full build', async () => {
    const dir = path.join(tmp, 'same');
    await mkdir(dir);
    for (const n of names) await copyFile(path.join(input, n), path.join(dir, n));
    await build([dir], 'same-inc', { store: false, neo4jCsv: false });
    const target = path.join(dir, names[3]!);
    await copyFile(path.join(dir, names[0]!), target);
    const appended = await build([target], 'same-inc', { store: false, neo4jCsv: false, append: true });
    await build([dir], 'same-full', { store: false, neo4jCsv: false });
    expect(appended.results.map((r) => r.article.id)).not.toContain(names[3]);
    expect(await outputs('same-inc')).toEqual(await outputs('same-full'));
  });
});

describe('newsgraph remove on the command line', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  }, 120_000);
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('exits 0 having removed, 2 for a name not in the build, 3 for a folder with no build', async () => {
    const out = path.join(tmp, 'cli');
    await build([input], 'cli', { store: false });
    const missing = run(['remove', 'nowhere.txt', '--out', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('not an article of the build');
    expect(missing.stderr).toContain('nowhere.txt');
    const ok = run(['remove', path.join(input, names[0]!), '--out', out]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`removed 1 article(s): ${names[0]!}`);
    // The outputs the build had are the ones written again: no store after a --no-store build.
    expect(existsSync(path.join(out, 'graph.kuzu'))).toBe(false);
    expect(JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')).nodes.some((n: { key: string }) => n.key === `article:${names[0]!}`)).toBe(false);
    const nobuild = path.join(tmp, 'nobuild');
    await mkdir(nobuild);
    const none = run(['remove', 'a.txt', '--out', nobuild]);
    expect(none.status).toBe(3);
    expect(none.stderr).toContain('holds no newsgraph build');
    expect(run(['remove', '--out', out]).status).toBe(2);
  });
});

describe('remove from a sharded build', () => {
  const lean = { store: false, neo4jCsv: false } as const;
  const shard = { index: 1, count: 2 };
  let shardIn: string;
  let gone: string;

  beforeAll(async () => {
    shardIn = path.join(tmp, 'shard-in');
    gone = (await writeInputs(shardIn, 0)).find((n) => shardOf(n, 2) === 1) as string;
  });

  /** Runs `build` on the same folder without the removed file (the same paths, so the same articles). */
  async function withoutGone(build: () => Promise<unknown>): Promise<void> {
    const aside = path.join(tmp, 'shard-aside');
    await mkdir(aside, { recursive: true });
    await rename(path.join(shardIn, gone), path.join(aside, gone));
    try {
      await build();
    } finally {
      await rename(path.join(aside, gone), path.join(shardIn, gone));
    }
  }

  /** Exact mode: both shards, their results resolved together, then both shards again with that resolution. */
  async function exact(input: string, prefix: string): Promise<void> {
    for (const index of [1, 2]) await build([input], `${prefix}-${index}`, { ...lean, shard: { index, count: 2 } });
    await build([1, 2].map((i) => path.join(tmp, `${prefix}-${i}`, 'results.jsonl')), `${prefix}-all`, lean);
    const resolution = JSON.parse(await readFile(path.join(tmp, `${prefix}-all`, 'resolution.json'), 'utf8')) as StoredResolution;
    for (const index of [1, 2]) await build([], `${prefix}-${index}`, { ...lean, shard: { index, count: 2 }, append: true, resolution });
  }

  const graphOf = (out: string): Promise<string> => readFile(path.join(tmp, out, 'graph.json'), 'utf8');

  it('a --shard build with its own resolution: the shard build of the remaining files', async () => {
    await build([shardIn], 'local-1', { ...lean, shard });
    await withoutGone(() => build([shardIn], 'local-rest-1', { ...lean, shard }));
    const removed = await runRemove({ outDir: path.join(tmp, 'local-1'), names: [gone] });
    expect(removed.removed).toEqual([gone]);
    expect(await graphOf('local-1')).toBe(await graphOf('local-rest-1'));
    expect(await readFile(path.join(tmp, 'local-1', 'resolution.json'), 'utf8')).toBe(await readFile(path.join(tmp, 'local-rest-1', 'resolution.json'), 'utf8'));
  });

  it('a --shard --resolution build: refused alone; with the resolution of the build it came from, after the same removal, the exact build of the remaining files', async () => {
    await exact(shardIn, 'ex');
    await withoutGone(() => exact(shardIn, 'ex-rest'));
    const before = await graphOf('ex-1');
    await expect(runRemove({ outDir: path.join(tmp, 'ex-1'), names: [gone] })).rejects.toThrow(/built with --resolution.*nothing was removed/);
    expect(await graphOf('ex-1')).toBe(before);
    // The resolution must be the one after the removal.
    const stale = JSON.parse(await readFile(path.join(tmp, 'ex-all', 'resolution.json'), 'utf8')) as StoredResolution;
    await expect(runRemove({ outDir: path.join(tmp, 'ex-1'), names: [gone], resolution: stale })).rejects.toThrow(/still holds/);
    await runRemove({ outDir: path.join(tmp, 'ex-all'), names: [gone] });
    const resolution = JSON.parse(await readFile(path.join(tmp, 'ex-all', 'resolution.json'), 'utf8')) as StoredResolution;
    await runRemove({ outDir: path.join(tmp, 'ex-1'), names: [gone], resolution });
    expect(await graphOf('ex-all')).toBe(await graphOf('ex-rest-all'));
    expect(await graphOf('ex-1')).toBe(await graphOf('ex-rest-1'));
    expect(before).not.toBe(await graphOf('ex-1'));
  });

  it('exits 3 naming what to do for a --resolution build removed from alone, 2 for an unreadable resolution file', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'remove', ...args], { encoding: 'utf8' });
    const other = path.join(tmp, 'ex-all');
    // The other shard, built with --resolution (of all the articles).
    const second = path.join(tmp, 'ex-2');
    const name = (JSON.parse(readFileSync(path.join(second, 'results.jsonl'), 'utf8').split('\n')[0]!) as { article: { id: string } }).article.id;
    const refused = run(name, '--out', second);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/--resolution/);
    expect(run(name, '--out', other, '--resolution', path.join(tmp, 'no-such.json')).status).toBe(2);
  });
});
