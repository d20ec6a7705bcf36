import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, runCommand } from '../../src/cli/command.js';
import { command, readGraphJson } from '../../src/cli/commands/view.js';
import { createBasicGraph } from '../helpers/graphs.js';

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'newsgraph-view-'));

function writeGraph(dir: string): string {
  const file = path.join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(createBasicGraph().export()));
  return file;
}

describe('newsgraph view', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads the graph JSON back into the same graph', async () => {
    const graph = await readGraphJson(writeGraph(tmp()));
    const basic = createBasicGraph();
    expect(graph.order).toBe(basic.order);
    expect(graph.size).toBe(basic.size);
    expect(graph.getNodeAttributes('person:sergei-lavrov')).toEqual(basic.getNodeAttributes('person:sergei-lavrov'));
  });

  it('writes DIR/graph.html, prints its path and leaves no temp file', async () => {
    const graphFile = writeGraph(tmp());
    const out = path.join(tmp(), 'site');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await command.run(['--graph', graphFile, '--out', out, '--title', 'Sample'])).toBe(EXIT.OK);
    const target = path.join(out, 'graph.html');
    expect(log).toHaveBeenCalledWith(target);
    expect(readdirSync(out)).toEqual(['graph.html']);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<title>Sample</title>');
    expect(html).toContain('Sergei Lavrov');
  });

  it('writes next to the graph when --out is not given', async () => {
    const dir = tmp();
    const graphFile = writeGraph(dir);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await command.run(['--graph', graphFile])).toBe(EXIT.OK);
    expect(readdirSync(dir).sort()).toEqual(['graph.html', 'graph.json']);
  });

  it.each([
    ['a missing graph', (dir: string) => ['--graph', path.join(dir, 'nope.json')], EXIT.FATAL],
    ['a file that is not a graph', (dir: string) => (writeFileSync(path.join(dir, 'x.json'), '{"a":1}'), ['--graph', path.join(dir, 'x.json')]), EXIT.FATAL],
    ['invalid JSON', (dir: string) => (writeFileSync(path.join(dir, 'x.json'), '{'), ['--graph', path.join(dir, 'x.json')]), EXIT.FATAL],
    ['a positional argument', () => ['out/graph.json'], EXIT.USAGE],
  ])('fails on %s', async (_name, args, code) => {
    // One message, printed by the command (console.error) or by runCommand for a usage error (stderr).
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = tmp();
    expect(await runCommand(command, args(dir))).toBe(code);
    expect(err.mock.calls.length + stderr.mock.calls.length).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.html') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('--help prints the usage with an example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await command.run(['--help'])).toBe(EXIT.OK);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/Usage: newsgraph view[\s\S]*Example:\n\s+newsgraph build/);
  });
});
