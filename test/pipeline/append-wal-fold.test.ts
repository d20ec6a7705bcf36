/**
 * An append's changes stay in the store's write-ahead log `graph.kuzu.wal`
 * until the log passes its share of the store's file; the append that takes
 * it past folds it into `graph.kuzu` (a checkpoint). Either way the store
 * holds what a full build of the same files gives, and the manifest records
 * the store as it is.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import { checkOutputFile, readManifest } from '../../src/pipeline/manifest.js';
import { storeContents, writeAll } from '../helpers/store-outputs.js';

let tmp: string;

const ARTICLES: Record<string, Record<string, string>> = {
  A: {
    'a1-geneva.txt': 'Talks in Geneva\n\nRussian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken in Geneva on Friday. Lavrov warned Ukraine against joining NATO.',
    'a2-trade.txt': 'Trade talks\n\nThe European Union urged China to open its markets to foreign firms. Officials in Brussels said the talks would continue next month.',
  },
  B: {
    'b1-kremlin.txt': 'Kremlin reply\n\nLavrov said Moscow would respond to the new sanctions. "The West is not telling the truth," Lavrov told state television on Sunday.',
  },
  C: {
    'c1-mayor.txt': 'Mayor elected\n\nPriya Raman was elected mayor of Springfield on Tuesday. "This city deserves better roads," Raman told supporters.',
    'c2-beijing.txt': 'More talks\n\nSergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday. Wang urged Russia to seek peace.',
  },
};

const logSize = (out: string): Promise<number> => stat(path.join(out, 'graph.kuzu.wal')).then((s) => s.size, () => 0);
const dirs = (...names: string[]): string[] => names.map((n) => path.join(tmp, n));

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-wal-fold-'));
  for (const [dir, files] of Object.entries(ARTICLES)) await writeAll(path.join(tmp, dir), files);
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the store log of incremental appends', () => {
  it('stays beside the store below its share, is folded into the store past it, and the store is a full build’s either way', async () => {
    const out = path.join(tmp, 'inc');
    await runBuild({ inputs: dirs('A'), outDir: out });
    const written = await stat(path.join(out, 'graph.kuzu'));

    // No share is reached: the append's changes stay in the log, the store's file is left as it was.
    const kept = await runBuild({ inputs: dirs('B'), outDir: out, append: true, storeLogShare: Number.POSITIVE_INFINITY });
    expect(kept.incremental).toBe(true);
    const log = await logSize(out);
    expect(log).toBeGreaterThan(0);
    expect((await stat(path.join(out, 'graph.kuzu'))).mtimeMs).toBe(written.mtimeMs);
    expect((await readManifest(out))?.files['graph.kuzu.wal']?.bytes).toBe(log);
    await runBuild({ inputs: dirs('A', 'B'), outDir: path.join(tmp, 'full-ab') });
    expect(await storeContents(out)).toEqual(await storeContents(path.join(tmp, 'full-ab')));

    // The next append takes the log past its share (any log is past 0): folded into the file.
    const folded = await runBuild({ inputs: dirs('C'), outDir: out, append: true, storeLogShare: 0 });
    expect(folded.incremental).toBe(true);
    expect(await logSize(out)).toBe(0);
    expect((await stat(path.join(out, 'graph.kuzu'))).mtimeMs).not.toBe(written.mtimeMs);
    expect((await readManifest(out))?.files['graph.kuzu.wal']?.bytes ?? 0).toBe(0);
    await checkOutputFile(path.join(out, 'graph.kuzu'), 0);
    await runBuild({ inputs: dirs('A', 'B', 'C'), outDir: path.join(tmp, 'full-abc') });
    const [inc, full] = [await storeContents(out), await storeContents(path.join(tmp, 'full-abc'))];
    expect(inc.nodes.some((n) => n.includes('Priya Raman'))).toBe(true);
    expect(inc).toEqual(full);
  }, 240_000);
});
