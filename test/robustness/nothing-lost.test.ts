/**
 * A build never destroys a good graph, and the output folder is one
 * consistent state: each case builds its own input and runs the compiled
 * CLI (`newsgraph build`, `query`, `view`) over an output folder that holds
 * a previous good build, then checks the exit code, the one-line message and
 * that the outputs are the previous ones byte for byte or a complete new set
 * (README, "Robustness").
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE } from '../../src/io/lock.js';

const CLI = path.resolve('dist/cli/main.js');
// Several builds per case, each a process that loads the lexicons: minutes on a busy machine.
vi.setConfig({ testTimeout: 300_000 });
let tmp: string;

const NAMES = ['Sergei Lavrov', 'Antony Blinken', 'Wang Yi', 'Dmitry Peskov', 'Olaf Scholz'];
/** A short news article of its own (content differs with `i`). */
const news = (i: number, who = NAMES[i % NAMES.length]!): string =>
  `Talks on day ${i}\n\nForeign Minister ${who} met Secretary of State Antony Blinken in Geneva on day ${i}.\n\n“We will not accept new demands,” ${who} said.\n`;
/** Prose of `sentences` sentences: slow and memory-hungry for the per-article stages. */
const prose = (sentences: number): string => {
  const parts = ['Long talks\n\n'];
  for (let i = 0; i < sentences; i++) parts.push(`Foreign Minister ${NAMES[i % 5]} met ${NAMES[(i + 2) % 5]} in Geneva on day ${i} and warned Russia about Ukraine. `);
  return parts.join('');
};

function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function cli(args: readonly string[], timeout = 240_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

function build(inputs: readonly string[], out: string, ...more: string[]): SpawnSyncReturns<string> {
  return cli(['build', ...inputs, '--out', out, '--quiet', ...more]);
}

/** Every file below `dir` (hidden ones too) -> SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const f = path.join(d, name);
      if (statSync(f).isDirectory()) walk(f);
      else out[path.relative(dir, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

interface Result {
  article: { id: string; path: string; hash: string };
}
const results = (out: string): Result[] =>
  readFileSync(path.join(out, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Result);
const ids = (out: string): string[] => results(out).map((r) => r.article.id);

/** A previous good build of three articles into a new output folder. */
function goodBuild(name: string, ...more: string[]): string {
  const input = folder(`${name}-in`, { 'a.txt': news(1), 'b.txt': news(2), 'c.txt': news(3) });
  const out = path.join(tmp, name);
  const r = build([input], out, ...more);
  expect(r.status, r.stderr).toBe(0);
  return out;
}

const lines = (stderr: string): string[] => stderr.split('\n').filter((l) => l !== '');

beforeAll(() => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-nothing-lost-'));
});

afterAll(() => {
  // `rm -rf` copes with folders thousands of levels deep.
  if (tmp) execFileSync('rm', ['-rf', tmp]);
});

describe('an empty or mistyped input never replaces a good graph', () => {
  it('a path that does not exist: exit 2, one line, nothing touched', () => {
    const out = goodBuild('typo', '--no-store');
    const before = snapshot(out);
    const r = build([path.join(tmp, 'data', 'artcles')], out);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`newsgraph build: ${path.join(tmp, 'data', 'artcles')}: no such file or folder; nothing was built and ${out} was left as it was`]);
    expect(snapshot(out)).toEqual(before);
  });

  it('an empty folder: exit 2, one line, nothing touched', () => {
    const out = goodBuild('empty-dir', '--no-store');
    const before = snapshot(out);
    const r = build([folder('empty', {})], out);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^newsgraph build: nothing to build: no article could be read from .*empty; the outputs in .* were left as they were$/m);
    expect(snapshot(out)).toEqual(before);
  });

  it('a folder of nothing readable: the files named, exit 2, nothing touched; a new output folder is not left behind', () => {
    const out = goodBuild('unreadable', '--no-store');
    const before = snapshot(out);
    const input = folder('nothing-readable', { 'empty.txt': '', 'blank.md': '  \n' });
    const r = build([input], out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^skipped: .*empty\.txt: the file is empty/m);
    expect(r.stderr).toMatch(/nothing to build: .*\(2 input\(s\) skipped\)/);
    expect(snapshot(out)).toEqual(before);
    const fresh = path.join(tmp, 'never-made');
    expect(build([input], fresh).status).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--out that is a file, or below a file: exit 3 before any work, one line', () => {
    const file = path.join(tmp, 'out-is-a-file');
    writeFileSync(file, 'keep me');
    const input = folder('for-a-file', { 'a.txt': news(4) });
    const r = build([input], file);
    expect(r.status).toBe(3);
    expect(lines(r.stderr)).toEqual([`newsgraph build: --out ${file} is a file, not a folder; nothing was built`]);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const below = build([input], path.join(file, 'sub'));
    expect(below.status).toBe(3);
    expect(lines(below.stderr)).toHaveLength(1);
    expect(below.stderr).toMatch(/cannot create the output folder .*ENOTDIR/);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('--append never builds on results that lack articles', () => {
  it.each([
    ['missing', (f: string) => rmSync(f)],
    ['empty', (f: string) => writeFileSync(f, '')],
    ['cut short', (f: string) => writeFileSync(f, `${readFileSync(f, 'utf8').split('\n')[0]}\n`)],
  ])('results.jsonl %s: exit 3, says how to rebuild, nothing touched', (what, damage) => {
    const out = goodBuild(`append-${what.replace(' ', '-')}`, '--no-store');
    damage(path.join(out, 'results.jsonl'));
    const before = snapshot(out);
    const r = build([folder(`append-${what.replace(' ', '-')}-more`, { 'd.txt': news(5) })], out, '--append');
    expect(r.status).toBe(3);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^newsgraph build: --append would drop articles: .*results\.jsonl .*3 article\(s\).*rebuild from all the inputs without --append \(newsgraph build <all inputs> --out /);
    expect(snapshot(out)).toEqual(before);
  });

  it('a folder written without a manifest: the articles of graph.json are counted', () => {
    const out = goodBuild('append-legacy', '--no-store');
    rmSync(path.join(out, 'manifest.json'));
    writeFileSync(path.join(out, 'results.jsonl'), `${readFileSync(path.join(out, 'results.jsonl'), 'utf8').split('\n')[0]}\n`);
    const r = build([folder('append-legacy-more', { 'd.txt': news(6) })], out, '--append');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/results\.jsonl holds 1 article\(s\) but .*graph\.json holds 3/);
  });

  it('an intact results file: appends (the three earlier articles kept)', () => {
    const out = goodBuild('append-ok', '--no-store');
    const r = build([folder('append-ok-more', { 'd.txt': news(7) })], out, '--append');
    expect(r.status, r.stderr).toBe(0);
    expect(ids(out)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });
});

describe('one build at a time per output folder', () => {
  it('a folder locked by a running build: exit 3 naming it, nothing touched', () => {
    const out = goodBuild('locked', '--no-store');
    // This test's own process stands for the running build.
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2026-01-01T00:00:00.000Z', command: 'build' }));
    const before = snapshot(out);
    const r = build([folder('locked-in', { 'e.txt': news(8) })], out, '--append');
    expect(r.status).toBe(3);
    expect(lines(r.stderr)).toEqual([
      `newsgraph build: ${out} is being written by another newsgraph build (process ${process.pid}, started 2026-01-01T00:00:00.000Z); wait for it to end (if it no longer runs, remove ${path.join(out, LOCK_FILE)}); nothing was built`,
    ]);
    expect(snapshot(out)).toEqual(before);
  });

  it('a lock left by a build that was killed is taken over, said in one line, and removed at the end', () => {
    const out = goodBuild('stale-lock', '--no-store');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: dead, host: os.hostname(), started: 'earlier', command: 'build' }));
    const r = cli(['build', folder('stale-in', { 'f.txt': news(9) }), '--out', out, '--append', '--no-store']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`newsgraph build: took over the lock of a build that no longer runs (process ${dead}, started earlier)`);
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
    expect(ids(out)).toContain('f.txt');
  });

  it('two --append runs at once: the second waits for nothing and exits 3, or runs after; no article is lost', async () => {
    const out = goodBuild('race', '--no-store');
    const one = folder('race-1', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`one-${i}.txt`, news(100 + i)])));
    const two = folder('race-2', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`two-${i}.txt`, news(200 + i)])));
    const run = (input: string): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', input, '--out', out, '--append', '--quiet', '--no-store'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const [a, b] = await Promise.all([run(one), run(two)]);
    for (const x of [a, b]) expect([0, 3], x.stderr).toContain(x.code);
    if (a.code === 3 || b.code === 3) expect(`${a.stderr}${b.stderr}`).toMatch(/is being written by another newsgraph build/);
    const got = new Set(ids(out));
    for (const [r, prefix] of [
      [a, 'one'],
      [b, 'two'],
    ] as const) {
      const present = Array.from({ length: 30 }, (_, i) => got.has(`${prefix}-${i}.txt`));
      expect(present.every((p) => p === (r.code === 0))).toBe(true);
    }
    for (const id of ['a.txt', 'b.txt', 'c.txt']) expect(got.has(id)).toBe(true);
  });
});

describe('the output folder is one consistent set', () => {
  it('manifest.json names every output with its size and hash; a file from another build is refused by view and query', () => {
    const out = goodBuild('consistent');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { build: string; articles: number; files: Record<string, { bytes: number; sha256: string }> };
    expect(manifest.articles).toBe(3);
    expect(manifest.build).toMatch(/^[0-9a-f]{16}$/);
    const listed = Object.keys(manifest.files).sort();
    const present = Object.keys(snapshot(out)).filter((f) => f !== 'manifest.json').sort();
    expect(listed).toEqual(present);
    for (const [f, m] of Object.entries(manifest.files)) expect(m.sha256, f).toBe(createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex'));
    // The readers accept the set as built.
    expect(cli(['query', 'MATCH (a:Article) RETURN count(a) AS n', '--db', path.join(out, 'graph.kuzu'), '--json']).status).toBe(0);
    // graph.json of another build (as a build killed after renaming it leaves): view refuses it.
    const other = path.join(tmp, 'consistent-other');
    expect(build([folder('consistent-other-in', { 'z.txt': news(11) })], other).status).toBe(0);
    writeFileSync(path.join(out, 'graph.json'), readFileSync(path.join(other, 'graph.json')));
    const view = cli(['view', '--graph', path.join(out, 'graph.json')]);
    expect(view.status).toBe(3);
    expect(view.stderr).toMatch(/graph\.json does not match the build recorded in .*manifest\.json \(build [0-9a-f]{16}, 3 articles\): a build was stopped while writing, or the file was changed; run newsgraph build again/);
    writeFileSync(path.join(out, 'graph.kuzu'), readFileSync(path.join(other, 'graph.kuzu')));
    const query = cli(['query', 'MATCH (a:Article) RETURN count(a) AS n', '--db', path.join(out, 'graph.kuzu')]);
    expect(query.status).toBe(3);
    expect(query.stderr).toMatch(/graph\.kuzu does not match the build recorded in/);
  });

  it('files of relationship types or a store that are not part of the new set are removed', () => {
    const out = goodBuild('stale-files');
    writeFileSync(path.join(out, 'neo4j', 'relationships-GONE.csv'), ':START_ID,:END_ID\n');
    const r = build([folder('stale-files-in', { 'x.txt': news(12) })], out, '--no-store');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'neo4j', 'relationships-GONE.csv'))).toBe(false);
    expect(existsSync(path.join(out, 'graph.kuzu'))).toBe(false);
    const command = readFileSync(path.join(out, 'neo4j', 'import-command.txt'), 'utf8');
    for (const f of readdirSync(path.join(out, 'neo4j')).filter((n) => n.endsWith('.csv'))) expect(command).toContain(f);
  });
});

describe('one article cannot take the build down', () => {
  it.each([1, 2])('an article over its time budget (--workers %i): skipped with a message, exit 1, left out of the results; --append retries it', (workers) => {
    const input = folder(`slow-${workers}`, { 'good.txt': news(13), 'slow.txt': prose(6000) });
    const out = path.join(tmp, `slow-out-${workers}`);
    const r = build([input], out, '--no-store', '--workers', String(workers), '--article-timeout', '3');
    expect(r.status, r.stderr).toBe(1);
    expect(lines(r.stderr)).toEqual([`skipped: ${path.join(input, 'slow.txt')}: slow.txt could not be processed: it took longer than 3 s (the time limit per article; --article-timeout)`]);
    expect(ids(out)).toEqual(['good.txt']);
    // A smaller version of the same file fits a normal budget: the append reads it again.
    writeFileSync(path.join(input, 'slow.txt'), prose(20));
    const again = build([input], out, '--no-store', '--append');
    expect(again.status, again.stderr).toBe(0);
    expect(ids(out)).toEqual(['good.txt', 'slow.txt']);
  });

  it('an article over its memory budget: skipped with a message, exit 1, the other articles built', () => {
    const input = folder('hungry', { 'good.txt': news(14), 'huge.txt': prose(40_000) });
    const out = path.join(tmp, 'hungry-out');
    const r = build([input], out, '--no-store', '--article-memory', '128', '--article-timeout', '0');
    expect(r.status, r.stderr).toBe(1);
    expect(lines(r.stderr)).toEqual([`skipped: ${path.join(input, 'huge.txt')}: huge.txt could not be processed: it ran out of memory (limit 128 MB per article; --article-memory)`]);
    expect(ids(out)).toEqual(['good.txt']);
  });

  it('SIGTERM in the middle of a long article ends the run at once (143), the previous outputs intact', async () => {
    const out = goodBuild('term', '--no-store');
    const before = snapshot(out);
    const input = folder('term-in', { 'long.txt': prose(40_000) });
    const child = spawn(process.execPath, [CLI, 'build', input, '--out', out, '--no-store', '--article-timeout', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The build has started once it holds the lock; a few seconds later its worker is on the article.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(path.join(out, LOCK_FILE))) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    });
    await new Promise((r) => setTimeout(r, 5000));
    const sent = performance.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const waited = performance.now() - sent;
    expect(code).toBe(143);
    expect(stderr).toMatch(/^newsgraph build: interrupted \(SIGTERM\); /m);
    // The article alone takes minutes (it ran out of 128 MB above); the run ends without waiting for it.
    expect(waited).toBeLessThan(20_000);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

describe('the same inputs give the same graph, whatever their order', () => {
  it('keys come from the path below the input folder, never absolute; `build B A` equals `build A B`', () => {
    const A = folder('order-A', { '001.txt': news(15), 'x/002.txt': news(16) });
    const B = folder('order-B', { '001.txt': news(17, 'Wang Yi') });
    const ab = path.join(tmp, 'order-ab');
    const ba = path.join(tmp, 'order-ba');
    expect(build([A, B], ab, '--no-store').status).toBe(0);
    expect(build([B, A], ba, '--no-store').status).toBe(0);
    expect(readFileSync(path.join(ba, 'graph.json'), 'utf8')).toBe(readFileSync(path.join(ab, 'graph.json'), 'utf8'));
    expect(ids(ab)).toEqual(['001.txt', 'order-B/001.txt', 'x/002.txt']);
    // Files named on the command line, by absolute path, in either order.
    const files = [path.join(B, '001.txt'), path.join(A, 'x', '002.txt')];
    const f1 = path.join(tmp, 'order-f1');
    const f2 = path.join(tmp, 'order-f2');
    expect(build(files, f1, '--no-store').status).toBe(0);
    expect(build([...files].reverse(), f2, '--no-store').status).toBe(0);
    expect(ids(f1)).toEqual(['001.txt', '002.txt']);
    expect(readFileSync(path.join(f2, 'graph.json'), 'utf8')).toBe(readFileSync(path.join(f1, 'graph.json'), 'utf8'));
  });

  it('--workers 1 and --workers 2 write the same files byte for byte (the same build id)', () => {
    const input = folder('workers', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`w${i}.txt`, news(300 + i)])));
    // The same output folder for both: import-command.txt names it.
    const out = path.join(tmp, 'workers-out');
    const files = (): Record<string, string> => Object.fromEntries(Object.entries(snapshot(out)).filter(([f]) => f !== 'manifest.json'));
    const buildId = (): string => (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { build: string }).build;
    expect(build([input], out, '--no-store', '--workers', '1').status).toBe(0);
    const [one, id1] = [files(), buildId()];
    expect(build([input], out, '--no-store', '--workers', '2').status).toBe(0);
    expect(files()).toEqual(one);
    expect(buildId()).toBe(id1);
  });

  it('an edited article appended again replaces its old result (no `#2`)', () => {
    const input = folder('edited', { '001.txt': news(18), '002.txt': news(19) });
    const out = path.join(tmp, 'edited-out');
    expect(build([input], out, '--no-store').status).toBe(0);
    const old = results(out).find((r) => r.article.id === '001.txt')!.article.hash;
    writeFileSync(path.join(input, '001.txt'), news(18, 'Olaf Scholz'));
    const r = build([path.join(input, '001.txt')], out, '--no-store', '--append');
    expect(r.status, r.stderr).toBe(0);
    expect(ids(out)).toEqual(['001.txt', '002.txt']);
    expect(results(out)[0]!.article.hash).not.toBe(old);
    expect(readFileSync(path.join(out, 'graph.json'), 'utf8')).toContain('Olaf Scholz');
  });
});

describe('symlinks and the output folder', () => {
  it('a link to a file or folder outside the input folder is skipped with a warning; --follow-symlinks reads it', () => {
    const secret = folder('secret', { 'passwords.txt': 'Secret notes\n\nThe vault code belongs to Vladimir Putin and Joe Biden.\n', 'dir/more.txt': news(20, 'Wang Yi') });
    const input = folder('links', { 'good.txt': news(21) });
    symlinkSync(path.join(secret, 'passwords.txt'), path.join(input, 'leak.txt'));
    symlinkSync(path.join(secret, 'dir'), path.join(input, 'leakdir'));
    symlinkSync('good.txt', path.join(input, 'inside.txt')); // inside: the same file, read once
    const out = path.join(tmp, 'links-out');
    const r = cli(['build', input, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: ${path.join(input, 'leak.txt')}: a symbolic link to a file outside the input folder (${path.join(secret, 'passwords.txt')}): not read (--follow-symlinks reads it)`);
    expect(r.stderr).toContain(`warning: ${path.join(input, 'leakdir')}: a symbolic link to a folder outside the input folder`);
    for (const f of ['graph.json', 'graph.cypher', 'graph.graphml', 'results.jsonl', path.join('neo4j', 'nodes-Article.csv')]) {
      const text = readFileSync(path.join(out, f), 'utf8');
      expect(text, f).not.toContain('vault');
      expect(text, f).not.toContain('passwords');
    }
    expect(ids(out)).toEqual(['good.txt']);
    const followed = build([input], path.join(tmp, 'links-followed'), '--no-store', '--follow-symlinks');
    expect(followed.status, followed.stderr).toBe(0);
    expect(ids(path.join(tmp, 'links-followed'))).toEqual(['good.txt', 'leak.txt', 'leakdir/more.txt']);
  });

  it('an output folder inside the input folder is not read back', () => {
    const input = folder('self', { 'a.txt': news(22) });
    const out = path.join(input, 'out');
    expect(build([input], out, '--no-store').status).toBe(0);
    expect(cli(['view', '--graph', path.join(out, 'graph.json')]).status).toBe(0); // writes out/graph.html
    writeFileSync(path.join(out, 'note.txt'), news(23));
    const again = build([input], out, '--no-store');
    expect(again.status, again.stderr).toBe(0);
    expect(ids(out)).toEqual(['a.txt']);
  });
});

describe('deep folders', () => {
  it('2,100 levels: no stack overflow, the walk stops at 100 levels with one line, the other inputs go on; the same with and without --quiet', () => {
    const deep = folder('deep', { 'top.txt': news(24) });
    // Made in steps from inside the tree: the whole path is longer than the system allows in one call.
    execFileSync('bash', ['-c', `cd "${deep}" && for i in $(seq 1 21); do mkdir -p $(printf 'd/%.0s' $(seq 1 100)) && cd $(printf 'd/%.0s' $(seq 1 100)); done && printf 'Deep\\n\\nSergei Lavrov spoke.\\n' > bottom.txt`]);
    const later = folder('deep-later', { 'z.txt': news(25) });
    const loud = cli(['build', deep, later, '--out', path.join(tmp, 'deep-loud'), '--no-store']);
    const quiet = build([deep, later], path.join(tmp, 'deep-quiet'), '--no-store');
    for (const r of [loud, quiet]) {
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/call stack/);
      const tooDeep = lines(r.stderr).filter((l) => l.includes('nested more than'));
      expect(tooDeep).toEqual([`skipped: ${path.join(deep, ...Array<string>(101).fill('d'))}: folder nested more than 100 levels below the input folder: not walked further`]);
    }
    expect(ids(path.join(tmp, 'deep-loud'))).toEqual(['top.txt', 'z.txt']);
    expect(readFileSync(path.join(tmp, 'deep-quiet', 'graph.json'), 'utf8')).toBe(readFileSync(path.join(tmp, 'deep-loud', 'graph.json'), 'utf8'));
  });
});

describe('file names', () => {
  it('a name that is not UTF-8 is read and shown escaped; control characters never reach the terminal raw', () => {
    const input = folder('names', { 'good.txt': news(26) });
    writeFileSync(Buffer.concat([Buffer.from(`${input}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), news(27, 'Wang Yi'));
    writeFileSync(path.join(input, '\u001b[31mred\u001b[0m.txt'), ''); // empty: skipped, so named on stderr
    writeFileSync(path.join(input, 'new\nline.txt'), news(28, 'Olaf Scholz'));
    const out = path.join(tmp, 'names-out');
    const r = cli(['build', input, '--out', out, '--no-store']);
    expect(r.status).toBe(1);
    expect(ids(out)).toEqual(['caf\\xe9.txt', 'good.txt', 'new\nline.txt']);
    expect(r.stderr).toContain(`skipped: ${input}/\\x1b[31mred\\x1b[0m.txt: the file is empty`);
    expect(r.stdout).toContain('\\x1b[31mred\\x1b[0m.txt');
    expect(`${r.stdout}${r.stderr}`).not.toContain('\u001b');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('line.txt'))).toEqual([]);
  });
});

describe('documents newsgraph does not read, and saved-page folders', () => {
  it('PDF and Word files are named once per kind with the command that converts them; a browser\'s `NAME_files/` folder is not read', () => {
    const input = folder('docs', {
      'a.pdf': '%PDF-1.4',
      'b.pdf': '%PDF-1.4',
      'sub/c.pdf': '%PDF-1.4',
      'report.docx': 'PK',
      'page.html': '<html><body><h1>Talks</h1><p>Foreign Minister Sergei Lavrov met Antony Blinken in Geneva.</p></body></html>',
      'page_files/frame.html': '<html><body><p>Advertising partner Joe Biden offers.</p></body></html>',
      'page_files/style.css': 'body{}',
    });
    const r = cli(['build', input, '--out', path.join(tmp, 'docs-out'), '--no-store']);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stderr).filter((l) => l.startsWith('warning:'))).toEqual([
      `warning: ${path.join(input, 'a.pdf')}: 3 PDF file(s) not read (newsgraph reads .txt .md .markdown .html .htm): convert them to text first, e.g. \`pdftotext ${path.join(input, 'a.pdf')} ${path.join(input, 'a.pdf')}.txt\` (2 more like it)`,
      `warning: ${path.join(input, 'report.docx')}: 1 word-processor file(s) not read (newsgraph reads .txt .md .markdown .html .htm): convert them to text first, e.g. \`pandoc -t plain ${path.join(input, 'report.docx')} -o ${path.join(input, 'report.docx')}.txt\``,
    ]);
    expect(ids(path.join(tmp, 'docs-out'))).toEqual(['page.html']);
  });
});
