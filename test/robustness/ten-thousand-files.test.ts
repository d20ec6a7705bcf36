/**
 * A folder with ten thousand tiny files (in a hundred subfolders, ten of
 * them bad) through the real CLI: every good file lands in the graph, the bad
 * ones are named, exit code 1. About 20 s on a 2-core machine shared with
 * other jobs; the time is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
const FILES = 10_000;
const FOLDERS = 100;
/** Every thousandth file is empty. */
const isBad = (i: number): boolean => i % 1000 === 999;

let tmp: string;
const good: string[] = [];
const bad: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-10k-'));
  for (let d = 0; d < FOLDERS; d++) await mkdir(path.join(tmp, 'in', `f${d}`), { recursive: true });
  const writes: Promise<void>[] = [];
  for (let i = 0; i < FILES; i++) {
    const file = path.join(tmp, 'in', `f${i % FOLDERS}`, `n${i}.txt`);
    (isBad(i) ? bad : good).push(file);
    writes.push(writeFile(file, isBad(i) ? '' : `Note ${i}\n\nForeign Minister Sergei Lavrov met Antony Blinken in Geneva on day ${i}.\n`));
    if (writes.length >= 500) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a folder with ten thousand tiny files', () => {
  it('builds every good file, names the bad ones, exits 1', async () => {
    const started = performance.now();
    // The notes differ only by a number (near-duplicates): --keep-duplicates keeps one article per file.
    const r = spawnSync(process.execPath, [CLI, 'build', path.join(tmp, 'in'), '--out', path.join(tmp, 'out'), '--no-store', '--quiet', '--keep-duplicates'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(`ten-thousand-files: ${FILES} files built in ${seconds.toFixed(1)} s`);
    expect(r.status, r.stderr.slice(0, 2000)).toBe(1);
    const skippedLines = r.stderr.split('\n').filter((l) => l.startsWith('skipped: '));
    expect(skippedLines.map((l) => l.split(': ')[1]).sort()).toEqual([...bad].sort());
    for (const l of skippedLines) expect(l).toMatch(/empty/);
    const json = JSON.parse(await readFile(path.join(tmp, 'out', 'graph.json'), 'utf8')) as { nodes: { attributes: { label: string; path?: string; name?: string } }[] };
    const articles = json.nodes.filter((n) => n.attributes.label === 'Article').map((n) => n.attributes.path);
    expect(articles).toHaveLength(good.length);
    expect(new Set(articles)).toEqual(new Set(good));
    const people = json.nodes.filter((n) => n.attributes.label === 'Person').map((n) => n.attributes.name);
    expect(people).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Antony Blinken']));
  }, 300_000);
});
