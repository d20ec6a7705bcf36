/**
 * The command line as a user runs it: the compiled CLI in a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
let tmp: string;

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 120_000 });

beforeAll(async () => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('newsgraph CLI', () => {
  it('prints an overview with every command and an example', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['build', 'query', 'push', 'view', 'extract', 'explain']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('newsgraph build data/articles');
  });

  it('has --help with an example on every command', () => {
    for (const c of ['build', 'query', 'push', 'view', 'extract', 'explain']) {
      const r = run([c, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Example/);
    }
  });

  it('rejects an unknown command or option with exit code 2', () => {
    expect(run(['frobnicate']).status).toBe(2);
    expect(run(['build', '--frobnicate', 'x']).status).toBe(2);
  });

  it('builds a folder, prints a summary, and exits 1 naming a skipped file', async () => {
    const dir = path.join(tmp, 'in');
    const out = path.join(tmp, 'out');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(path.join(dir, 'a.txt'), 'Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov on Tuesday.\n\n“We are ready for diplomacy,” Blinken said.\n');
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0, 0, 0]));
    const r = run(['build', dir, '--out', out, '--no-store']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('broken.txt');
    expect(r.stdout).toMatch(/entities: Person \d+/);
    const graph = JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as { nodes: { attributes: { label: string; name?: string } }[] };
    expect(graph.nodes.some((n) => n.attributes.name === 'Sergei Lavrov')).toBe(true);
  });

  it('prints a machine-readable summary with --json', async () => {
    const dir = path.join(tmp, 'in2');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(path.join(dir, 'a.txt'), 'Russian President Vladimir Putin met Joe Biden in Geneva.\n');
    const r = run(['build', dir, '--out', path.join(tmp, 'out2'), '--no-store', '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { articles: number; entities: Record<string, number> };
    expect(s.articles).toBe(1);
    expect(s.entities.Person).toBeGreaterThanOrEqual(2);
  });

  it('extract: JSON lines in, one line out per input, offsets into the given text, bad lines reported', () => {
    const text = 'Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov.';
    const r = run(['extract', '-'], `${JSON.stringify({ id: 'd1', text })}\nnot json\n`);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; entities?: { start: number; end: number; text: string; name: string }[]; error?: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.id).toBe('d1');
    for (const e of lines[0]!.entities!) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(lines[0]!.entities!.map((e) => e.name)).toEqual(expect.arrayContaining(['Antony Blinken', 'Sergei Lavrov']));
    expect(lines[1]!.error).toBeTruthy();
  });
});
