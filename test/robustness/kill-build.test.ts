/**
 * Killing `newsgraph build` (the compiled CLI in a child process) at several
 * moments, over an output folder that holds a previous good build: the
 * previous outputs stay intact and usable (graph.json parses and satisfies
 * the schema, the Kuzu store opens and answers), every output is either the
 * previous one or a complete new one, and no temp file is left where a
 * reader would take it for an output. SIGINT exits 130 with one line and
 * removes its temp files; what a SIGKILL leaves is removed by the next build.
 * About 40 s on an idle 2-core machine, 70-95 s with other jobs running.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { validateGraph } from '../../src/graph/validate-graph.js';
import { queryKuzu } from '../../src/store/kuzu-store.js';

const CLI = path.resolve('dist/cli/main.js');
const SMALL = 3;
const BIG = 2000;
const OUTPUTS = ['append-index.json', 'edges.csv', 'graph.cypher', 'graph.graphml', 'graph.json', 'graph.kuzu', 'manifest.json', 'neo4j', 'quotes.csv', 'resolution.json', 'results.jsonl'];
const TEXT_OUTPUTS = ['graph.json', 'graph.graphml', 'graph.cypher'];

let tmp: string;
let small: string;
let big: string;
/** The previous good build's text outputs, byte for byte. */
const previous = new Map<string, string>();

/** Articles that differ only by a number: near-duplicates, so builds here pass --keep-duplicates to keep their counts. */
const article = (i: number): string =>
  `Talks on day ${i}\n\nForeign Minister Sergei Lavrov spoke with Secretary of State Antony Blinken about Ukraine on day ${i}.\n\n` +
  `“We will not accept new demands,” Lavrov said.\n`;

beforeAll(async () => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-kill-'));
  small = path.join(tmp, 'small');
  big = path.join(tmp, 'big');
  await mkdir(small);
  for (let i = 0; i < SMALL; i++) await writeFile(path.join(small, `s${i}.txt`), article(i));
  for (let d = 0; d < 30; d++) await mkdir(path.join(big, `d${d}`), { recursive: true });
  await Promise.all(Array.from({ length: BIG }, (_, i) => writeFile(path.join(big, `d${i % 30}`, `b${i}.txt`), article(1000 + i))));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A previous good build of the small folder into a fresh output folder. */
async function previousBuild(name: string): Promise<string> {
  const out = path.join(tmp, name);
  const r = spawnSync(process.execPath, [CLI, 'build', small, '--out', out, '--quiet', '--keep-duplicates'], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  if (previous.size === 0) for (const f of TEXT_OUTPUTS) previous.set(f, inFolder(await readFile(path.join(out, f), 'utf8'), out));
  return out;
}

/** An output's text with its own folder's path (graph.cypher's header names it) written as `<out>`, so that builds into different folders compare. */
const inFolder = (text: string, out: string): string => text.replaceAll(out, '<out>');

interface Killed {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The output entries seen when the signal was sent. */
  seen: string[];
}

/**
 * Starts a build of the big folder into `out` and sends `signal` once
 * `when` says so: after a number of progress lines while articles are
 * still being read, or as soon as a file whose name matches appears in `out`.
 */
function killBuild(out: string, signal: NodeJS.Signals, when: { progressLines: number; afterMs: number } | { tempFile: RegExp }): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'build', big, '--out', out, '--keep-duplicates'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    let seen: string[] = [];
    let watcher: FSWatcher | undefined;
    let scheduled = false;
    const send = (names: string[]): void => {
      if (sent || child.exitCode !== null) return;
      sent = true;
      seen = names;
      child.kill(signal);
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr += s;
      if ('progressLines' in when && !sent) {
        const lines = stderr.match(/^progress: (\d+)\/(\d+) files \(/gm) ?? [];
        // Progress lines come at most every 2 s; a little after the first one, the build is still reading articles.
        if (lines.length >= when.progressLines && !scheduled) {
          scheduled = true;
          setTimeout(() => send(stderr.includes(' files in ') ? ['(reading had ended)'] : []), when.afterMs);
        }
      }
    });
    if ('tempFile' in when) {
      watcher = watch(out, (_event, name) => {
        if (name !== null && when.tempFile.test(name)) send([name]);
      });
    }
    child.on('error', reject);
    child.on('close', (code, sig) => {
      watcher?.close();
      if (!sent) reject(new Error(`the build ended (code ${code}) before the moment to kill it came:\n${stderr}`));
      else resolve({ code, signal: sig, stderr, seen });
    });
  });
}

async function readGraph(file: string): Promise<NewsGraph> {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  g.import(JSON.parse(await readFile(file, 'utf8')) as Parameters<NewsGraph['import']>[0]);
  return g;
}

const articleCount = (g: NewsGraph): number => g.filterNodes((_k, a) => a.label === 'Article').length;

/**
 * The outputs are usable and each is the previous one or a complete new one.
 * Returns which text outputs are still the previous ones.
 */
async function expectUsableOutputs(out: string): Promise<{ unchanged: string[]; storeArticles: number }> {
  const visible = (await readdir(out)).filter((f) => !f.startsWith('.')).sort();
  expect(visible).toEqual(OUTPUTS);
  const graph = await readGraph(path.join(out, 'graph.json'));
  expect(validateGraph(graph)).toEqual([]);
  expect([SMALL, BIG]).toContain(articleCount(graph));
  const unchanged: string[] = [];
  for (const f of TEXT_OUTPUTS) {
    const text = inFolder(await readFile(path.join(out, f), 'utf8'), out);
    if (text === previous.get(f)) unchanged.push(f);
    else if (f === 'graph.graphml') expect(text.trimEnd().endsWith('</graphml>')).toBe(true);
    else if (f === 'graph.cypher') expect(text.length).toBeGreaterThan(previous.get(f)!.length);
    else expect(articleCount(graph)).toBe(BIG);
  }
  const rows = (await queryKuzu(path.join(out, 'graph.kuzu'), 'MATCH (a:Article) RETURN count(a) AS n')).rows;
  const storeArticles = Number(rows[0]?.n);
  expect([SMALL, BIG]).toContain(storeArticles);
  return { unchanged, storeArticles };
}

const hiddenTemps = async (out: string): Promise<string[]> => [
  ...(await readdir(out)).filter((f) => f.startsWith('.')),
  ...(await readdir(path.join(out, 'neo4j'))).filter((f) => f.startsWith('.')),
];

describe('killing a build leaves the previous outputs intact and usable', () => {
  it('SIGINT while articles are read: exit 130, one line saying so, outputs untouched, no temp files', async () => {
    const out = await previousBuild('int-early');
    const r = await killBuild(out, 'SIGINT', { progressLines: 1, afterMs: 300 });
    expect(r.seen).toEqual([]); // still reading articles when the signal went
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^newsgraph build: interrupted \(SIGINT\); .*temporary files removed$/m);
    const { unchanged, storeArticles } = await expectUsableOutputs(out);
    expect(unchanged).toEqual(TEXT_OUTPUTS);
    expect(storeArticles).toBe(SMALL);
    expect(await hiddenTemps(out)).toEqual([]);
  });

  it('SIGINT while graph.json is being written: exit 130, every output old or complete, temp files removed', async () => {
    const out = await previousBuild('int-json');
    const r = await killBuild(out, 'SIGINT', { tempFile: /^\.graph\.json\..*\.tmp$/ });
    expect(r.seen[0]).toMatch(/^\.graph\.json\./);
    expect(r.code).toBe(130);
    const { storeArticles } = await expectUsableOutputs(out);
    expect(storeArticles).toBe(SMALL);
    expect(await hiddenTemps(out)).toEqual([]);
  });

  it('SIGINT while the Kuzu store is built aside: the old store still answers, the half-built one is removed', async () => {
    const out = await previousBuild('int-store');
    const r = await killBuild(out, 'SIGINT', { tempFile: /^\.graph\.kuzu\.building-/ });
    expect(r.code).toBe(130);
    const { storeArticles } = await expectUsableOutputs(out);
    expect(storeArticles).toBe(SMALL);
    expect(await hiddenTemps(out)).toEqual([]);
  });

  it('SIGKILL while articles are read: outputs untouched', async () => {
    const out = await previousBuild('kill-early');
    const r = await killBuild(out, 'SIGKILL', { progressLines: 1, afterMs: 300 });
    expect(r.seen).toEqual([]);
    expect(r.signal).toBe('SIGKILL');
    const { unchanged, storeArticles } = await expectUsableOutputs(out);
    expect(unchanged).toEqual(TEXT_OUTPUTS);
    expect(storeArticles).toBe(SMALL);
  });

  it.each([
    ['graph.json is being written', /^\.graph\.json\..*\.tmp$/],
    ['graph.cypher is being written', /^\.graph\.cypher\..*\.tmp$/],
    ['the Kuzu store is built aside', /^\.graph\.kuzu\.(building|csv)-/],
  ])('SIGKILL while %s: outputs usable; the next build removes what it left', async (_moment, tempFile) => {
    const out = await previousBuild(`kill-${tempFile.source.replace(/\W+/g, '')}`);
    const r = await killBuild(out, 'SIGKILL', { tempFile });
    expect(r.signal).toBe('SIGKILL');
    await expectUsableOutputs(out);
    const rebuilt = spawnSync(process.execPath, [CLI, 'build', small, '--out', out, '--quiet', '--keep-duplicates'], { encoding: 'utf8', timeout: 120_000 });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(await hiddenTemps(out)).toEqual([]);
    const { unchanged, storeArticles } = await expectUsableOutputs(out);
    expect(unchanged).toEqual(TEXT_OUTPUTS);
    expect(storeArticles).toBe(SMALL);
  });
});
