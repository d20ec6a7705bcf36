import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-atomic.js';
import { toJsonLines } from '../../src/export/to-json.js';
import { toGraphmlLines } from '../../src/export/to-graphml.js';
import { toCypherScriptLines } from '../../src/export/to-cypher.js';
import { createBasicGraph } from '../helpers/graphs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-write-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic with lines', () => {
  it('writes the lines joined by newlines, byte for byte, and leaves no temp file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), async (lines) => {
        const file = path.join(dir, 'out.txt');
        await writeFileAtomic(file, { lines });
        expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  it('writes texts bigger than one chunk whole', async () => {
    const lines = Array.from({ length: 30_000 }, (_, k) => `line ${k} “quoted” ${'x'.repeat(k % 90)}`);
    const file = path.join(dir, 'big.txt');
    await writeFileAtomic(file, { lines });
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));
  });
  it('a build writes the exporters’ lines; written, they end the way the golden files do', async () => {
    const g = createBasicGraph();
    for (const [name, lines, ending] of [['g.json', toJsonLines(g), '}\n'], ['g.graphml', toGraphmlLines(g), '</graphml>\n'], ['g.cypher', toCypherScriptLines(g), ';\n']] as const) {
      const file = path.join(dir, name);
      await writeFileAtomic(file, { lines });
      expect(readFileSync(file, 'utf8').endsWith(ending), name).toBe(true);
    }
  });
});

describe('writeFileAtomic with chunks, and the buffer behind both', () => {
  it('writes the chunks one after another, byte for byte (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 40 }), async (chunks) => {
        const file = path.join(dir, 'chunks.txt');
        await writeFileAtomic(file, { chunks });
        expect(readFileSync(file, 'utf8')).toBe(chunks.join(''));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps multi-byte characters and surrogate pairs whole where the 1 MB buffer fills, and writes strings bigger than it', async () => {
    // Lines of 3-byte and 4-byte characters whose sizes do not divide 1 MB, around one line longer than the buffer.
    const line = (k: number) => `${'€'.repeat(1000 + (k % 7))}😀${'é'.repeat(k % 5)}`;
    const lines = [...Array.from({ length: 400 }, (_, k) => line(k)), '𝄞'.repeat(300_000), ...Array.from({ length: 400 }, (_, k) => line(k + 3))];
    const file = path.join(dir, 'wide.txt');
    await writeFileAtomic(file, { lines });
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));
    await writeFileAtomic(file, { chunks: lines });
    expect(readFileSync(file, 'utf8')).toBe(lines.join(''));
  });

  it('writes lone surrogates as U+FFFD, the way a whole string is written', async () => {
    const lines = ['a\ud800', '\udc00b', 'ok 😀'];
    const file = path.join(dir, 'lone.txt');
    await writeFileAtomic(file, { lines });
    const whole = path.join(dir, 'lone-whole.txt');
    await writeFileAtomic(whole, lines.join('\n'));
    expect(readFileSync(file)).toEqual(readFileSync(whole));
  });
});
