import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isNgError } from '../../src/errors.js';
import { LOCK_FILE, lockFolder, lockHolder } from '../../src/io/lock.js';
import { trackedTemps } from '../../src/io/temp-files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lockFolder', () => {
  it('is exclusive: a second lock on the folder is refused naming the holder, and can be taken once released', async () => {
    const held = await lockFolder(dir);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    // Registered as a temporary file, so an interrupted build removes it.
    expect(trackedTemps()).toContain(path.resolve(dir, LOCK_FILE));
    expect((await lockHolder(dir))?.pid).toBe(process.pid);
    const err = await lockFolder(dir).catch((e: unknown) => e);
    expect(isNgError(err)).toBe(true);
    expect((err as Error).message).toMatch(new RegExp(`being written by another newsgraph build \\(process ${process.pid}, started `));
    await held.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(await lockHolder(dir)).toBeUndefined();
    await (await lockFolder(dir)).release();
  });

  it('takes over the lock of a process that no longer runs, and says whose it was', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: os.hostname(), started: 'then', command: 'build' }));
    expect(await lockHolder(dir)).toBeUndefined();
    const held = await lockFolder(dir);
    expect(held.replaced).toMatchObject({ pid: dead, started: 'then' });
    await held.release();
  });

  it('does not judge a lock of another host (its process cannot be seen): refused', async () => {
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: `not-${os.hostname()}`, started: 'then', command: 'build' }));
    const err = await lockFolder(dir).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/process 1 on not-/);
    rmSync(path.join(dir, LOCK_FILE));
  });
});
