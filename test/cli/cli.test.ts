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

  it('extract: plain text (a file that is not JSON lines) is one article; offsets index the file as read, CRLF included', async () => {
    const text = 'Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov.\r\n\r\n“We are ready for diplomacy,” Blinken said.\r\n';
    const file = path.join(tmp, 'crlf-article.txt');
    await writeFile(file, text);
    const r = run(['extract', file]);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; entities: { start: number; end: number; text: string }[]; quotes: { start: number; end: number; text: string }[]; relations: { start: number; end: number; evidence: string }[] });
    expect(out).toHaveLength(1);
    expect(out[0]!.id).toBe('crlf-article.txt');
    expect(out[0]!.entities.length).toBeGreaterThanOrEqual(3);
    for (const e of out[0]!.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (const q of out[0]!.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    for (const rel of out[0]!.relations) expect(text.slice(rel.start, rel.end)).toBe(rel.evidence);
    expect(out[0]!.quotes.map((q) => q.text)).toEqual(['We are ready for diplomacy,']);
  });

  it('extract: plain text on standard input', () => {
    const r = run(['extract', '-'], 'Blinken spoke with Lavrov.\n');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; relations: { type: string }[] };
    expect(out.id).toBe('stdin');
    expect(out.relations.map((x) => x.type)).toEqual(['SPOKE_WITH']);
  });

  it('usage errors: one line with "did you mean", never the usage text or Node\'s parseArgs wording', () => {
    const cases: Array<[string[], RegExp]> = [
      [['biuld'], /^newsgraph: unknown command "biuld"; did you mean build\?/],
      [['build', '--output', 'x'], /^newsgraph build: unknown option --output; did you mean --out\?/],
      [['query', '--csvv', 'RETURN 1'], /^newsgraph query: unknown option --csvv; did you mean --csv\?/],
      [['push', '--urii', 'x'], /^newsgraph push: unknown option --urii; did you mean --uri\?/],
      [['view', '--grph', 'x'], /^newsgraph view: unknown option --grph; did you mean --graph\?/],
      [['extract', '--hlep'], /^newsgraph extract: unknown option --hlep; did you mean --help\?/],
      [['build', 'x', '--out'], /^newsgraph build: option --out needs a value/],
      [['query', '--json=yes', 'RETURN 1'], /^newsgraph query: option --json takes no value/],
      [['push', 'extra'], /^newsgraph push: unexpected argument "extra"/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/Usage:|To specify a positional|ERR_PARSE_ARGS/);
    }
  });

  it('every command reports an unknown option the same way', () => {
    for (const c of ['build', 'query', 'push', 'view', 'extract']) {
      const r = run([c, '--frobnicate']);
      expect(r.status, c).toBe(2);
      expect(r.stderr, c).toBe(`newsgraph ${c}: unknown option --frobnicate (newsgraph ${c} --help lists the options)\n`);
    }
  });

  it('query and view take the output folder of build; view names what it reads when given GraphML', async () => {
    const dir = path.join(tmp, 'in-q');
    const out = path.join(tmp, 'out-q');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(path.join(dir, 'a.txt'), 'Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov on Tuesday.\n');
    expect(run(['build', dir, '--out', out, '--quiet']).status).toBe(0);
    const q = run(['query', 'MATCH (p:Person) RETURN p.name ORDER BY p.name', '--db', out, '--csv']);
    expect(q.stderr).toBe('');
    expect(q.stdout).toBe('p.name\nAntony Blinken\nSergei Lavrov\n');
    const v = run(['view', '--graph', out]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(path.join(out, 'graph.html'));
    const g = run(['view', '--graph', path.join(out, 'graph.graphml')]);
    expect(g.status).toBe(2);
    expect(g.stderr).toContain(`--graph ${path.join(out, 'graph.json')}`);
  });

  it('build: start/end index the article text as the README says (cleaned paragraphs joined by a blank line), for a CRLF file too', async () => {
    const { cleanText, loadBoilerplateRules } = await import('../../src/ingest/clean-text.js');
    const { decodeBytes } = await import('../../src/ingest/decode.js');
    const dir = path.join(tmp, 'in-crlf');
    const out = path.join(tmp, 'out-crlf');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    const bytes = Buffer.from('Secretary of State Antony Blinken  spoke with Russian Foreign Minister Sergei Lavrov.\r\n“We are ready for diplomacy,” Blinken said.\r\n');
    await writeFile(path.join(dir, 'crlf.txt'), bytes);
    expect(run(['build', dir, '--out', out, '--quiet', '--no-store']).status).toBe(0);
    const text = cleanText(decodeBytes(bytes, 'crlf.txt').text!, 'txt', loadBoilerplateRules()).text;
    // What the README says: one paragraph per line, whitespace runs as one space, paragraphs joined by a blank line.
    expect(text).toBe('Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov.\n\n“We are ready for diplomacy,” Blinken said.');
    const graph = JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as { nodes: { attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] };
    const spans = [
      ...graph.edges.map((e) => e.attributes).filter((a) => typeof a.evidence === 'string' && typeof a.start === 'number' && a.type !== 'SAID'),
      ...graph.nodes.map((n) => n.attributes).filter((a) => a.label === 'Quote'),
    ];
    expect(spans.some((a) => a.label === 'Quote')).toBe(true);
    expect(spans.some((a) => a.type === 'SPOKE_WITH')).toBe(true);
    for (const a of spans) {
      const expected = a.label === 'Quote' ? a.text : a.evidence;
      expect(text.slice(a.start as number, a.end as number)).toBe(expected);
    }
  });
});
