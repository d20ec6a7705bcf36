/**
 * The lexicons' snapshot: a process that finds one for the same sources reads
 * it instead of building the lexicons, and gets the same lexicons; a snapshot
 * of other sources, or one that cannot be read, is not used.
 */
import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lexiconSourceHash, readSnapshot, writeSnapshot } from '../../src/pipeline/lexicon-snapshot.js';
import { DATA_DIR } from '../../src/paths.js';
import type { Lexicons } from '../../src/pipeline/lexicons.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-lexicon-snapshot-'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(tmp, { recursive: true, force: true });
});

describe('lexicon snapshot file', () => {
  it('gives back what was written for the same hash only', async () => {
    const dir = path.join(tmp, 'file');
    const value = { words: new Set(['a', 'b']), byKey: new Map([['k', [1, 2]]]), weights: Float64Array.from([0.5, -1]), cue: /^by /i };
    const hash = 'a'.repeat(64);
    writeSnapshot(hash, value, dir);
    expect(readSnapshot(hash, dir)).toEqual(value);
    expect(readSnapshot('b'.repeat(64), dir)).toBeUndefined();
    await writeFile(path.join(dir, 'lexicons.v8'), `${hash}not a serialised value`);
    expect(readSnapshot(hash, dir)).toBeUndefined();
    expect(readSnapshot(hash, path.join(tmp, 'missing'))).toBeUndefined();
  });

  it('is keyed by the content of the data folder', async () => {
    const data = path.join(tmp, 'data');
    await cp(DATA_DIR, data, { recursive: true });
    const before = lexiconSourceHash(data);
    expect(lexiconSourceHash(data)).toBe(before);
    await appendFile(path.join(data, 'lexicons', 'non-names.txt'), 'zyzzyva\n');
    expect(lexiconSourceHash(data)).not.toBe(before);
  });
});

describe('loadLexicons with a snapshot', () => {
  /** loadLexicons of a fresh module graph (as in a new process). */
  async function freshLoad(): Promise<Lexicons> {
    vi.resetModules();
    const { loadLexicons } = await import('../../src/pipeline/lexicons.js');
    return loadLexicons();
  }
  const data = (lex: Lexicons): unknown => ({ ...lex, relations: Object.fromEntries(Object.entries(lex.relations).filter(([, v]) => typeof v !== 'function')) });

  it('writes one when it builds the lexicons, and a later load reads it and gets the same lexicons', async () => {
    const cache = path.join(tmp, 'cache');
    vi.stubEnv('NEWSGRAPH_CACHE', cache);
    const built = await freshLoad();
    expect(await readdir(cache)).toEqual(['lexicons.v8']);
    expect(readSnapshot(lexiconSourceHash(DATA_DIR), cache)).toBeDefined();
    const restored = await freshLoad();
    expect(restored).not.toBe(built);
    expect(data(restored)).toEqual(data(built));
    expect(Object.keys(restored.relations).sort()).toEqual(Object.keys(built.relations).sort());
    expect(restored.relations.canonicalBody('UN')).toBe(built.relations.canonicalBody('UN'));
    expect(restored.relations.canonicalBody('UN')).toBeDefined();
    expect(Object.isFrozen(restored.entities)).toBe(true);
    // The entity loader hands out the restored lexicon (the relation lexicon's functions read it).
    const { loadEntityLexicon } = await import('../../src/extract/entity-lexicon.js');
    expect(loadEntityLexicon()).toBe(restored.entities);
  }, 60_000);
});
