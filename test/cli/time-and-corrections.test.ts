/**
 * `build` with dates, corrections and flat exports, through the CLI: the
 * article date from a sidecar or --date, corrections applied on build and on
 * append and reported with --json, a bad corrections line named by file and
 * line (exit 2), edges.csv and quotes.csv in the output folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
let tmp: string;
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, cwd: tmp });

interface Graph { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] }
const readGraph = async (out: string): Promise<Graph> => JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as Graph;

beforeAll(async () => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-time-'));
  await mkdir(path.join(tmp, 'in'));
  await writeFile(path.join(tmp, 'in', 'a.txt'), 'Talks in Geneva\n\nOn Tuesday, Secretary of State Antony Blinken urged Russia to pull back its troops.\n');
  await writeFile(path.join(tmp, 'in', 'b.txt'), 'Minister speaks\n\nRussian Foreign Minister Sergei Lavrov warned Ukraine on Friday.\n');
  await writeFile(path.join(tmp, 'in', 'b.txt.meta.json'), '{"published": "2026-03-07T10:00:00+03:00"}');
  await mkdir(path.join(tmp, 'more'));
  await writeFile(path.join(tmp, 'more', 'c.txt'), 'More talks\n\nSergei Lavrov spoke with Antony Blinken in Geneva.\n');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('build: dates, corrections, flat exports', () => {
  it('dates articles from a sidecar or --date and acts from their sentence; writes edges.csv and quotes.csv', async () => {
    const out = path.join(tmp, 'out-dates');
    const r = run(['build', 'in', '--out', out, '--no-store', '--quiet', '--date', '2026-03-05']);
    expect(r.status, r.stderr).toBe(0);
    const g = await readGraph(out);
    const article = (file: string) => g.nodes.find((n) => n.attributes['file'] === file)?.attributes;
    expect(article('a.txt')).toMatchObject({ published: '2026-03-05', publishedSource: 'option' });
    expect(article('b.txt')).toMatchObject({ published: '2026-03-07', publishedSource: 'sidecar' });
    const urged = g.edges.find((e) => e.attributes['type'] === 'URGED')?.attributes;
    expect(urged).toMatchObject({ date: '2026-03-03', datePrecision: 'day', dateText: 'On Tuesday' });
    const edges = await readFile(path.join(out, 'edges.csv'), 'utf8');
    expect(edges.split('\n')[0]).toMatch(/^source,source_type,type,target,target_type,evidence,article,date,/);
    expect(edges).toContain('Antony Blinken,Person,URGED,Russia,Country,');
    expect(existsSync(path.join(out, 'quotes.csv'))).toBe(true);
  });

  it('a bad --date is bad usage', () => {
    const r = run(['build', 'in', '--out', path.join(tmp, 'x'), '--date', '2026-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--date');
  });

  it('applies corrections on build and on append, and reports applied and unmatched ones with --json', async () => {
    const out = path.join(tmp, 'out-fix');
    await writeFile(path.join(tmp, 'fix.tsv'), '# our fixes\nname\tPerson\tAntony Blinken\tTony Blinken\nnot-entity\tCountry\tUkraine\nalias\tPerson\tNobody Known\tN. K.\n');
    const r = run(['build', 'in', '--out', out, '--no-store', '--json', '--corrections', 'fix.tsv']);
    expect(r.status, r.stderr).toBe(0);
    const report = (JSON.parse(r.stdout) as { corrections: { applied: { line: number; entities: string[] }[]; unmatched: { line: number }[] } }).corrections;
    expect(report.applied.map((c) => [c.line, c.entities])).toEqual([[2, ['person:tony-blinken']], [3, ['country:ukraine']]]);
    expect(report.unmatched.map((c) => c.line)).toEqual([4]);
    let keys = (await readGraph(out)).nodes.map((n) => n.key);
    expect(keys).toContain('person:tony-blinken');
    expect(keys).not.toContain('country:ukraine');

    // The default file in the working folder is read on append without naming it again.
    await writeFile(path.join(tmp, 'newsgraph.corrections.tsv'), await readFile(path.join(tmp, 'fix.tsv'), 'utf8'));
    const a = run(['build', 'more', '--out', out, '--no-store', '--json', '--append']);
    await rm(path.join(tmp, 'newsgraph.corrections.tsv'));
    expect(a.status, a.stderr).toBe(0);
    keys = (await readGraph(out)).nodes.map((n) => n.key);
    expect(keys).toContain('person:tony-blinken');
    expect(keys).not.toContain('person:antony-blinken');
    expect(keys).not.toContain('country:ukraine');
  });

  it('keeps one article of a story saved twice (CRLF copy) and lists the copy as its duplicate', async () => {
    await mkdir(path.join(tmp, 'copies'));
    const story = 'Talks in Geneva\n\nSecretary of State Antony Blinken urged Russia to pull back its troops from the border, officials said.\n';
    await writeFile(path.join(tmp, 'copies', 'a.txt'), story);
    await writeFile(path.join(tmp, 'copies', 'b.txt'), story.replaceAll('\n', '\r\n'));
    const out = path.join(tmp, 'out-copies');
    const r = run(['build', 'copies', '--out', out, '--no-store', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const g = await readGraph(out);
    const articles = g.nodes.filter((n) => n.attributes['label'] === 'Article');
    expect(articles.map((n) => [n.attributes['file'], n.attributes['duplicates']])).toEqual([['a.txt', ['b.txt']]]);
    expect(new Set(g.edges.filter((e) => e.attributes['type'] === 'URGED').map((e) => e.attributes['article']))).toEqual(new Set(['a.txt']));
    const apart = run(['build', 'copies', '--out', path.join(tmp, 'out-copies-kept'), '--no-store', '--quiet', '--keep-duplicates']);
    expect(apart.status, apart.stderr).toBe(0);
    const kept = await readGraph(path.join(tmp, 'out-copies-kept'));
    expect(kept.nodes.filter((n) => n.attributes['label'] === 'Article').map((n) => n.attributes['file']).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a bad corrections line stops the build with the file and line named (exit 2)', async () => {
    await writeFile(path.join(tmp, 'bad.tsv'), '# fine\nmerge\tPerson\tA B\n');
    const r = run(['build', 'in', '--out', path.join(tmp, 'out-bad'), '--no-store', '--corrections', 'bad.tsv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.tsv:2: merge takes 4 tab-separated fields');
    expect(existsSync(path.join(tmp, 'out-bad', 'graph.json'))).toBe(false);
    const missing = run(['build', 'in', '--out', path.join(tmp, 'out-bad'), '--corrections', 'nope.tsv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.tsv');
  });
});
