/**
 * An incremental append (new articles resolved against the append index, the
 * store updated in place, the file exports written on demand) gives what a
 * full build of the same files gives: the same store contents, resolution
 * and exported files. The new articles join an existing person (a bare
 * surname), make a new one, sort before the old articles, and are
 * near-duplicates of old ones (a shorter copy, and a longer copy that the
 * story is then kept as).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../src/pipeline/run-build.js';
import { ensureGraphJson, exportBuild } from '../../src/pipeline/file-exports.js';
import { checkOutputFile, matchesManifest, readManifest } from '../../src/pipeline/manifest.js';
import { storeContents, writeAll } from '../helpers/store-outputs.js';
import type { StoredResolution } from '../../src/pipeline/resolution-file.js';

let tmp: string;

const STORM = [
  'A powerful storm struck the northern coast on Monday night, flooding roads and cutting power to thousands of homes.',
  'Emergency crews worked through the night to clear fallen trees from the main highway between the two largest towns.',
  'The regional council opened three shelters in school buildings and asked residents in low areas to leave their houses.',
  'Fishing boats stayed in the harbour for a second day while waves of more than six metres battered the sea walls.',
  'The weather service said the wind would ease by Wednesday, but warned that heavy rain could bring more floods inland.',
  'Farmers in the valley reported damage to barns and greenhouses, and several bridges were closed for safety checks.',
].join(' ');
const BUDGET = [
  'Chancellor Rachel Reeves said the budget would be fair to working families and would protect spending on hospitals.',
  '"We are fixing the foundations of the economy," Reeves told reporters in London on Wednesday.',
  'Opposition leaders said the plan would raise taxes on small firms and called for a vote on the new spending rules.',
  'Economists at several banks said the figures depended on growth returning later in the year.',
].join(' ');

const A: Record<string, string> = {
  'a1-geneva.txt': 'Talks in Geneva\n\nRussian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken in Geneva on Friday. Lavrov warned Ukraine against joining NATO. "We will not accept this," Lavrov said.',
  'a2-budget.txt': `Budget row\n\n${BUDGET}`,
  'a3-trade.txt': 'Trade talks\n\nThe European Union urged China to open its markets to foreign firms. Officials in Brussels said the talks would continue next month.',
  'a4-storm.txt': `Storm hits coast\n\n${STORM}`,
};
const B: Record<string, string> = {
  // Sorts before every article of A; a bare surname that joins Sergei Lavrov.
  '0-kremlin.txt': 'Kremlin reply\n\nLavrov said Moscow would respond to the new sanctions. "The West is not telling the truth," Lavrov told state television on Sunday.',
  // A person no article named before.
  'b-mayor.txt': 'Mayor elected\n\nPriya Raman was elected mayor of Springfield on Tuesday. "This city deserves better roads," Raman told supporters.',
  // A longer copy of the storm story: kept instead of it.
  'z-storm-update.txt': `Storm hits coast\n\n${STORM} Officials said on Tuesday that power had been restored to most homes.`,
  // A shorter copy of the budget story: a duplicate of it.
  'z-budget-wire.txt': `Budget row\n\n${BUDGET.split('. ').slice(0, 3).join('. ')}.`,
};

const read = (out: string, file: string): Promise<string> => readFile(path.join(tmp, out, file), 'utf8');

let appended: BuildResult;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-append-inc-'));
  await writeAll(path.join(tmp, 'A'), A);
  await writeAll(path.join(tmp, 'B'), B);
  // The full build reads the same files (their ids are their names: no name is in both folders).
  await runBuild({ inputs: [path.join(tmp, 'A'), path.join(tmp, 'B')], outDir: path.join(tmp, 'full') });
  await runBuild({ inputs: [path.join(tmp, 'A')], outDir: path.join(tmp, 'inc') });
  appended = await runBuild({ inputs: [path.join(tmp, 'B')], outDir: path.join(tmp, 'inc'), append: true });
}, 240_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('build --append, incremental', () => {
  it('resolves only the new articles and updates the store in place', async () => {
    expect(appended.incremental).toBe(true);
    expect(appended.results.map((r) => r.article.id).sort()).toEqual(Object.keys(B).sort());
    expect(appended.articles).toBe(Object.keys(A).length + Object.keys(B).length);
    const manifest = await readManifest(path.join(tmp, 'inc'));
    expect(Object.keys(manifest?.files ?? {}).sort()).toEqual(['append-index.json', 'graph.kuzu', 'graph.kuzu.wal', 'resolution.json', 'results.jsonl']);
    expect(existsSync(path.join(tmp, 'inc', 'graph.json'))).toBe(false);
  });

  it('gives the resolution of a full build: a bare surname joins a known person, a new name makes a new one, copies are grouped again', async () => {
    const full = JSON.parse(await read('full', 'resolution.json')) as StoredResolution;
    expect(await read('inc', 'resolution.json')).toBe(await read('full', 'resolution.json'));
    const lavrov = full.entities.find((e) => e.key === 'person:sergei-lavrov');
    expect(lavrov?.articles).toBe(2);
    expect(full.keys['0-kremlin.txt']).toContain('person:sergei-lavrov');
    expect(full.entities.some((e) => e.key === 'person:priya-raman')).toBe(true);
    expect(full.duplicates).toEqual({ 'a2-budget.txt': ['z-budget-wire.txt'], 'z-storm-update.txt': ['a4-storm.txt'] });
  });

  it('leaves the store with the contents of a full build', async () => {
    const [full, inc] = [await storeContents(path.join(tmp, 'full')), await storeContents(path.join(tmp, 'inc'))];
    expect(inc.nodes.length).toBeGreaterThan(10);
    expect(inc.nodes).toEqual(full.nodes);
    expect(inc.edges).toEqual(full.edges);
  });

  it('writes the file exports on demand, as a full build writes them, and lists them in the manifest', async () => {
    const out = path.join(tmp, 'inc');
    await ensureGraphJson(path.join(out, 'graph.json'));
    await checkOutputFile(path.join(out, 'graph.json'));
    for (const f of ['graph.json', 'graph.graphml', 'edges.csv', 'quotes.csv']) expect(await read('inc', f), f).toBe(await read('full', f));
    // The Cypher script names the folder it was written to.
    expect((await read('inc', 'graph.cypher')).replaceAll(out, path.join(tmp, 'full'))).toBe(await read('full', 'graph.cypher'));
    expect(await exportBuild(out)).toContain(path.join(out, 'neo4j', 'import-command.txt'));
    const manifest = await readManifest(out);
    expect(manifest?.files['graph.json']).toBeDefined();
    expect(manifest?.nodes).toBe((await readManifest(path.join(tmp, 'full')))?.nodes);
  });

  it('an append after the on-demand export is incremental again, and the same as a full build', async () => {
    await writeAll(path.join(tmp, 'C'), { 'c-more.txt': 'More talks\n\nSergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday.' });
    const again = await runBuild({ inputs: [path.join(tmp, 'C')], outDir: path.join(tmp, 'inc'), append: true });
    await runBuild({ inputs: ['A', 'B', 'C'].map((d) => path.join(tmp, d)), outDir: path.join(tmp, 'full2') });
    expect(again.incremental).toBe(true);
    expect(await read('inc', 'resolution.json')).toBe(await read('full2', 'resolution.json'));
    expect(await storeContents(path.join(tmp, 'inc'))).toEqual(await storeContents(path.join(tmp, 'full2')));
  });
});

describe('build --append stopped halfway', () => {
  it('lines past the end results.jsonl is recorded with are cut: the next append is incremental and a full build', async () => {
    const out = path.join(tmp, 'cut');
    await runBuild({ inputs: [path.join(tmp, 'A')], outDir: out });
    const recorded = await readFile(path.join(out, 'results.jsonl'), 'utf8');
    // An append stopped while adding its lines, before its manifest.
    await writeFile(path.join(out, 'results.jsonl'), `${recorded}{"article":{"id":"b-mayor.txt","hash":"`);
    const again = await runBuild({ inputs: [path.join(tmp, 'B')], outDir: out, append: true });
    expect(again.incremental).toBe(true);
    const lines = (await readFile(path.join(out, 'results.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(lines.slice(0, Object.keys(A).length).join('\n')).toBe(recorded.trimEnd());
    expect(lines.map((l) => (JSON.parse(l) as { article: { id: string } }).article.id).sort()).toEqual([...Object.keys(A), ...Object.keys(B)].sort());
    expect(await read('cut', 'resolution.json')).toBe(await read('full', 'resolution.json'));
    expect(await storeContents(out)).toEqual(await storeContents(path.join(tmp, 'full')));
  });

  it('a store updated after the manifest was written is refused by query and written again by the next build', async () => {
    const out = path.join(tmp, 'late');
    await runBuild({ inputs: [path.join(tmp, 'A')], outDir: out });
    const manifest = await readFile(path.join(out, 'manifest.json'), 'utf8');
    await runBuild({ inputs: [path.join(tmp, 'B')], outDir: out, append: true });
    // Stopped after the store's COMMIT, before the manifest: the files are new, the manifest is the old build's.
    await writeFile(path.join(out, 'manifest.json'), manifest);
    await expect(checkOutputFile(path.join(out, 'graph.kuzu'), 0)).rejects.toThrow(/does not match|not part of/);
    await expect(exportBuild(out)).rejects.toThrow(/resolution\.json does not match/);
    const again = await runBuild({ inputs: [path.join(tmp, 'B')], outDir: out, append: true });
    expect(again.incremental).toBeFalsy();
    expect(existsSync(path.join(out, 'graph.kuzu.wal'))).toBe(false);
    await checkOutputFile(path.join(out, 'graph.kuzu'), 0);
    expect(await read('late', 'resolution.json')).toBe(await read('full', 'resolution.json'));
    expect(await storeContents(out)).toEqual(await storeContents(path.join(tmp, 'full')));
  });

  it('results.jsonl changed within its recorded parts is not the build’s', async () => {
    const out = path.join(tmp, 'inc');
    const text = await readFile(path.join(out, 'results.jsonl'), 'utf8');
    const manifest = await readManifest(out);
    expect(manifest?.files['results.jsonl']?.parts?.length).toBeGreaterThan(1);
    // The same size, one letter changed in the first part.
    await writeFile(path.join(out, 'results.jsonl'), text.replace('Lavrov', 'Lavrow'));
    expect(await matchesManifest(manifest as NonNullable<typeof manifest>, out, 'results.jsonl')).toBe(false);
    await writeFile(path.join(out, 'results.jsonl'), text);
    expect(await matchesManifest(manifest as NonNullable<typeof manifest>, out, 'results.jsonl')).toBe(true);
  });
});
