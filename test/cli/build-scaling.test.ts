/**
 * `newsgraph build --append / --shard / --resolution` as a user runs them:
 * the compiled CLI in a child process (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
const SAMPLES = path.resolve('data/articles');
let tmp: string;
let a: string;
let b: string;

const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'build', ...args], { encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-cli-scale-'));
  a = path.join(tmp, 'a');
  b = path.join(tmp, 'b');
  await mkdir(a);
  await mkdir(b);
  const files = (await readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
  for (const [i, f] of files.entries()) await copyFile(path.join(SAMPLES, f), path.join(i < 3 ? a : b, f));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('newsgraph build at scale', () => {
  it('--append adds to an output and says what it kept and left out', async () => {
    expect(run([a, '--out', path.join(tmp, 'inc'), '--no-store', '--quiet']).status).toBe(0);
    const r = run([b, a, '--out', path.join(tmp, 'inc'), '--no-store', '--append']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kept 3 article(s)');
    expect(r.stdout).toContain('left out 3 input(s)');
    expect(run([a, b, '--out', path.join(tmp, 'full'), '--no-store', '--quiet']).status).toBe(0);
    expect(await readFile(path.join(tmp, 'inc', 'graph.json'), 'utf8')).toBe(await readFile(path.join(tmp, 'full', 'graph.json'), 'utf8'));
  });

  it('--shard splits, a build of the shards\u2019 results.jsonl joins them, --resolution gives the global keys', async () => {
    for (const i of [1, 2]) expect(run([a, b, '--out', path.join(tmp, `s${i}`), '--shard', `${i}/2`, '--no-store', '--quiet']).status).toBe(0);
    const r = run([path.join(tmp, 's1', 'results.jsonl'), path.join(tmp, 's2', 'results.jsonl'), '--out', path.join(tmp, 'joined'), '--no-store', '--quiet']);
    expect(r.status).toBe(0);
    expect(await readFile(path.join(tmp, 'joined', 'graph.json'), 'utf8')).toBe(await readFile(path.join(tmp, 'full', 'graph.json'), 'utf8'));
    const again = run(['--append', '--shard', '1/2', '--resolution', path.join(tmp, 'joined', 'resolution.json'), '--out', path.join(tmp, 's1'), '--no-store', '--json']);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as { reused: number }).reused).toBeGreaterThan(0);
  });

  it('refuses a bad --shard with exit code 2 and a missing --resolution file with exit code 3', () => {
    for (const bad of ['0/2', '3/2', 'x']) {
      const r = run([a, '--shard', bad, '--out', path.join(tmp, 'bad')]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain('--shard');
    }
    const r = run([a, '--resolution', path.join(tmp, 'nope.json'), '--out', path.join(tmp, 'bad')]);
    expect(r.status).toBe(3);
  });
});
