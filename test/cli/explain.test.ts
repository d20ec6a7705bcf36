/**
 * `newsgraph explain`: the compiled CLI in a child process, over a graph
 * built from a small article of our own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
let tmp: string;
let graph: { edges: { key: string; attributes: Record<string, unknown> }[]; nodes: { key: string; attributes: Record<string, unknown> }[] };

const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-explain-'));
  await writeFile(path.join(tmp, 'a.txt'), 'France urges Germany on talks\n\nFrance urged Germany to lift the sanctions. "We will not wait," Emmanuel Macron said.\n');
  const b = run(['build', tmp, '--out', path.join(tmp, 'out'), '--quiet', '--no-store']);
  expect(b.status, b.stderr).toBe(0);
  graph = JSON.parse(await readFile(path.join(tmp, 'out', 'graph.json'), 'utf8'));
}, 180_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('newsgraph explain', () => {
  it('prints the rule, the slots it filled and the confidence of an edge', () => {
    const edge = graph.edges.find((e) => e.attributes['type'] === 'URGED' && String(e.attributes['evidence']).includes('lift'));
    expect(edge?.attributes).toMatchObject({ rule: 'verb.urge', cameo: '02', plover: 'REQUEST' });
    const r = run(['explain', edge!.key, '--graph', path.join(tmp, 'out', 'graph.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('URGED  France -> Germany');
    expect(r.stdout).toMatch(/rule +verb\.urge \(data\/rules\/verbs\.json\)/);
    expect(r.stdout).toContain('  trigger   verb urge');
    expect(r.stdout).toContain('  target    object');
    expect(r.stdout).toContain('slots       actor from subject, target from object');
    expect(r.stdout).toMatch(/confidence +0\.8/);
    expect(r.stdout).toContain('France urged Germany to lift the sanctions.');
  });

  it("prints a quote's attribution rule", () => {
    const quote = graph.nodes.find((n) => n.attributes['label'] === 'Quote');
    const r = run(['explain', quote!.key, '--graph', path.join(tmp, 'out', 'graph.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rule +quote\.frame-after: .*src\/relations\/quotes\/attributors\.ts$/m);
  });

  it('an unknown key is a usage error naming it', () => {
    const r = run(['explain', 'URGED:nobody->nothing@x:0', '--graph', path.join(tmp, 'out', 'graph.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('URGED:nobody->nothing@x:0');
  });
});
