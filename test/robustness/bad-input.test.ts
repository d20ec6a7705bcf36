/**
 * The list of bad inputs, built here, in one folder with good
 * articles, through the real CLI (`newsgraph build --json`): the run
 * finishes, every good and every decodable file lands in the graph, each bad
 * one is named on stderr with its reason, and the exit code (1) tells a
 * script that something was skipped. (Ten thousand tiny files:
 * ten-thousand-files.test.ts; killing a build: kill-build.test.ts.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import type { Diagnostic } from '../../src/types.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../src/graph/attributes.js';
import { isEntityNode } from '../../src/graph/attributes.js';
import { validateGraph } from '../../src/graph/validate-graph.js';

const CLI = path.resolve('dist/cli/main.js');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasFifo = ((): boolean => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const NEWS = 'Ministers meet in Geneva\n\nForeign Minister Sergei Lavrov met Secretary of State Antony Blinken in Geneva on Friday.\n';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201', 'hex');

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le.map((_b, i) => le[i ^ 1] ?? 0));
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
};

interface Case {
  /** File name in the input folder. */
  readonly name: string;
  readonly write: (file: string) => void;
  /** Lands in the graph (an Article node), or is skipped with this diagnostic code. */
  readonly outcome: { readonly lands: true; readonly warning?: string; readonly entities?: readonly string[] } | { readonly skipped: string; readonly reason: RegExp };
  readonly skip?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'good-1.txt', write: (f) => writeFileSync(f, NEWS), outcome: { lands: true, entities: ['Sergei Lavrov', 'Antony Blinken'] } },
  { name: 'good-2.md', write: (f) => writeFileSync(f, `# Kremlin answers\n\nKremlin spokesman Dmitry Peskov said Russia rejected the proposal.\n`), outcome: { lands: true, entities: ['Dmitry Peskov', 'Russia'] } },
  { name: 'empty.txt', write: (f) => writeFileSync(f, ''), outcome: { skipped: 'ingest/empty', reason: /empty/ } },
  { name: 'image.txt', write: (f) => writeFileSync(f, PNG), outcome: { skipped: 'ingest/not-text', reason: /binary|not text/i } },
  {
    name: 'invalid-utf8.txt',
    write: (f) => writeFileSync(f, Buffer.concat([Buffer.from(NEWS), Buffer.from([0xe2, 0x80, 0x20, 0xff, 0x41, 0x0a])])),
    outcome: { lands: true, warning: 'ingest/decoded-latin1', entities: ['Sergei Lavrov'] },
  },
  { name: 'latin1.txt', write: (f) => writeFileSync(f, Buffer.from(`${NEWS}\nTalks in Z\u00fcrich and M\u00fcnchen.\n`, 'latin1')), outcome: { lands: true, warning: 'ingest/decoded-latin1', entities: ['Sergei Lavrov'] } },
  { name: 'utf16le-bom.txt', write: (f) => writeFileSync(f, utf16(NEWS, 'le', true)), outcome: { lands: true, entities: ['Sergei Lavrov', 'Antony Blinken'] } },
  { name: 'utf16be-bom.txt', write: (f) => writeFileSync(f, utf16(NEWS, 'be', true)), outcome: { lands: true, entities: ['Sergei Lavrov'] } },
  { name: 'utf16le-nobom.txt', write: (f) => writeFileSync(f, utf16(NEWS, 'le', false)), outcome: { lands: true, entities: ['Sergei Lavrov'] } },
  { name: 'utf16be-nobom.txt', write: (f) => writeFileSync(f, utf16(NEWS, 'be', false)), outcome: { lands: true, entities: ['Antony Blinken'] } },
  {
    // 50 MB on one line: a news sentence, then a base64 blob (as scraped pages with inline data carry).
    name: 'one-line-50mb.txt',
    write: (f) => writeFileSync(f, `${NEWS.replace(/\n+/g, ' ')} ${randomBytes(37_500_000).toString('base64')} The talks ended.`),
    outcome: { lands: true, entities: ['Sergei Lavrov'] },
  },
  {
    name: 'scripts-and-styles.html',
    write: (f) =>
      writeFileSync(
        f,
        '<!doctype html><html><head><style>body{font:12px}/* Vladimir Putin */</style><script>var s = "Boris Johnson met Emmanuel Macron";</script></head>' +
          '<body><script type="application/ld+json">{"author":"Xi Jinping"}</script><h1>Ministers meet</h1>' +
          '<p>Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken.</p><noscript>Angela Merkel</noscript><iframe src="x"></iframe></body></html>',
      ),
    outcome: { lands: true, entities: ['Sergei Lavrov', 'Antony Blinken'] },
  },
  {
    name: 'only-boilerplate.html',
    write: (f) =>
      writeFileSync(f, '<html><body><nav><a href="/">Home</a></nav><p>Leave a Reply</p><p>Your email address will not be published.</p><footer>© 2024 All rights reserved</footer></body></html>'),
    outcome: { skipped: 'ingest/no-text', reason: /boilerplate/ },
  },
  {
    name: 'quotes-unbalanced-nested.txt',
    write: (f) =>
      writeFileSync(
        f,
        'Lavrov speaks\n\n“We will not accept “red lines” drawn by ‘others,’” Foreign Minister Sergei Lavrov said.\n\n' +
          '"This never ends, Lavrov said.\n\n«He said „nothing“ about it» and then ” stray “ quotes """ ” ’ ‘ ‹›\n\n' +
          '"Unclosed at the end of the article',
      ),
    outcome: { lands: true, entities: ['Sergei Lavrov'] },
  },
  {
    name: 'other-languages.txt',
    write: (f) =>
      writeFileSync(
        f,
        'Переговоры в Женеве\n\nМинистр иностранных дел Сергей Лавров встретился с Энтони Блинкеном. «Мы не примем новых требований», — сказал Лавров.\n\n' +
          '外交部长王毅表示，中方支持对话。\n\nDer Außenminister sagte: „Wir sind bereit.“\n\nوزير الخارجية قال إن المحادثات مستمرة.\n',
      ),
    outcome: { lands: true },
  },
  { name: 'dangling-link.txt', write: (f) => symlinkSync(path.join(path.dirname(f), 'nowhere.txt'), f), outcome: { skipped: 'ingest/unreadable', reason: /no such file/ } },
  { name: 'self-loop.txt', write: (f) => symlinkSync(f, f), outcome: { skipped: 'ingest/unreadable', reason: /symbolic links/ } },
  {
    // A folder that links back to its parent: walked once, not forever.
    name: 'loop/inside.txt',
    write: (f) => {
      // Content of its own: a file with the same content as another is one article (issue 7).
      writeFileSync(f, `${NEWS}\nThe folder behind the link loop holds this paragraph as well.\n`);
      symlinkSync('..', path.join(path.dirname(f), 'back'));
    },
    outcome: { lands: true },
  },
  {
    name: 'locked.txt',
    write: (f) => {
      writeFileSync(f, NEWS);
      chmodSync(f, 0o000);
    },
    outcome: { skipped: 'ingest/unreadable', reason: /permission denied/ },
    // Root reads any file whatever its mode.
    skip: isRoot,
  },
  {
    // Unreadable even for root (who ignores file modes): reading /proc/self/mem from offset 0 fails with EIO.
    name: 'unreadable-io.txt',
    write: (f) => symlinkSync('/proc/self/mem', f),
    outcome: { skipped: 'ingest/unreadable', reason: /input\/output error \(EIO\)/ },
    skip: !existsSync('/proc/self/mem'),
  },
  { name: 'pipe.txt', write: (f) => execFileSync('mkfifo', [f]), outcome: { skipped: 'ingest/unreadable', reason: /not a regular file/ }, skip: !hasFifo },
];

const active = CASES.filter((c) => c.skip !== true);
let tmp: string;
let input: string;
let status: number | null;
let stderr: string;
let summary: { articles: number; skipped: string[]; diagnostics: Diagnostic[] };
let graph: NewsGraph;
let ms: number;

beforeAll(() => {
  execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-bad-input-'));
  input = path.join(tmp, 'in');
  for (const c of active) {
    const file = path.join(input, c.name);
    mkdirSync(path.dirname(file), { recursive: true });
    c.write(file);
  }
  const started = performance.now();
  // Several inputs are one news text in different encodings: each file's own decoding is checked, so copies stay articles of their own.
  // --follow-symlinks: the I/O-error case is a link to /proc, outside the folder (links that leave it are skipped by default: nothing-lost.test.ts).
  const r = spawnSync(process.execPath, [CLI, 'build', input, '--out', path.join(tmp, 'out'), '--no-store', '--json', '--keep-duplicates', '--follow-symlinks'], {
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  ms = performance.now() - started;
  status = r.status;
  stderr = r.stderr;
  summary = JSON.parse(r.stdout) as typeof summary;
  graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(JSON.parse(readFileSync(path.join(tmp, 'out', 'graph.json'), 'utf8')) as Parameters<NewsGraph['import']>[0]);
}, 300_000);

afterAll(() => {
  try {
    chmodSync(path.join(input, 'locked.txt'), 0o644);
  } catch {
    // not made (root)
  }
  rmSync(tmp, { recursive: true, force: true });
});

const articleFiles = (): string[] => graph.filterNodes((_k, a) => a.label === 'Article').map((k) => String(graph.getNodeAttribute(k, 'path' as never)));

/** The entity names mentioned in the article built from `file`. */
function entitiesOf(file: string): string[] {
  const key = graph.findNode((_k, a) => a.label === 'Article' && (a as { path?: string }).path === file);
  if (key === undefined) return [];
  return graph.inNeighbors(key).flatMap((n) => {
    const a = graph.getNodeAttributes(n);
    return isEntityNode(a) ? [a.name] : [];
  });
}

describe('a folder of bad inputs through `newsgraph build`', () => {
  it('finishes, with exit code 1 (something was skipped), a JSON summary and a graph that satisfies the schema', () => {
    expect(status).toBe(1);
    expect(validateGraph(graph)).toEqual([]);
    expect(summary.articles).toBe(active.filter((c) => 'lands' in c.outcome).length);
    console.info(`bad-input build: ${active.length} inputs (one of 50 MB) in ${(ms / 1000).toFixed(1)} s`);
  });

  it.each(active.filter((c) => 'lands' in c.outcome).map((c) => [c.name, c] as const))('%s lands in the graph', (name, c) => {
    const file = path.join(input, name);
    expect(articleFiles()).toContain(file);
    expect(summary.skipped).not.toContain(file);
    if ('lands' in c.outcome) {
      for (const e of c.outcome.entities ?? []) expect(entitiesOf(file)).toContain(e);
      const own = summary.diagnostics.filter((d) => d.file === file && d.severity !== 'info');
      expect(own.map((d) => d.code)).toEqual(c.outcome.warning ? [c.outcome.warning] : []);
      // Decoded with a guess: named with the reason in the summary (and on stderr without --json/--quiet).
      for (const d of own) expect(d.message).toMatch(/decoded as windows-1252/);
    }
  });

  it.each(active.filter((c) => 'skipped' in c.outcome).map((c) => [c.name, c] as const))('%s is skipped and named on stderr with the reason', (name, c) => {
    const file = path.join(input, name);
    expect(articleFiles()).not.toContain(file);
    expect(summary.skipped).toContain(file);
    if ('skipped' in c.outcome) {
      const own = summary.diagnostics.filter((d) => d.file === file);
      expect(own).toMatchObject([{ code: c.outcome.skipped, fatal: true }]);
      const line = stderr.split('\n').find((l) => l.startsWith(`skipped: ${file}: `));
      expect(line).toMatch(c.outcome.reason);
    }
  });

  it('keeps script, style, noscript and JSON-LD text out of the graph', () => {
    const names = graph.filterNodes((_k, a) => isEntityNode(a)).map((k) => (graph.getNodeAttributes(k) as { name: string }).name);
    for (const hidden of ['Vladimir Putin', 'Boris Johnson', 'Emmanuel Macron', 'Xi Jinping', 'Angela Merkel']) expect(names).not.toContain(hidden);
  });

  it('walks a folder that links back to its parent only once', () => {
    expect(articleFiles().filter((f) => f.includes(`${path.sep}back${path.sep}`))).toEqual([]);
  });
});

describe('an output that cannot be written', () => {
  it('is named with the reason, its temp file removed, the other outputs written, exit 1', () => {
    const out = path.join(tmp, 'out-blocked');
    mkdirSync(path.join(out, 'graph.json'), { recursive: true }); // a folder where the file should go
    const r = spawnSync(process.execPath, [CLI, 'build', path.join(input, 'good-1.txt'), '--out', out, '--no-store', '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^skipped: ${path.join(out, 'graph.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: could not write .*EISDIR`, 'm'));
    expect(readdirSync(out).sort()).toEqual(['append-index.json', 'edges.csv', 'graph.cypher', 'graph.graphml', 'graph.json', 'manifest.json', 'neo4j', 'quotes.csv', 'resolution.json', 'results.jsonl']);
    // The folder in graph.json's place is not part of the set the manifest records.
    expect(Object.keys((JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: object }).files)).not.toContain('graph.json');
  });
});
