/**
 * An exclusive lock on an output folder: one build writes a folder at a
 * time. The lock is a file created with O_EXCL holding the owner's process
 * id and host; a lock whose process no longer runs (a build that was killed)
 * is stale and is taken over. The file is registered as a temporary one, so
 * an interrupted build removes it on its way out.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NgError, errorMessage } from '../errors.js';
import { trackTemp } from './temp-files.js';

export const LOCK_FILE = '.newsgraph.lock';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly command: string;
}

export interface HeldLock {
  readonly file: string;
  /** The stale lock taken over, if there was one. */
  readonly replaced?: LockOwner;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return { pid: owner.pid, host: owner.host, started: String(owner.started ?? '?'), command: String(owner.command ?? 'build') };
  } catch {
    return undefined;
  }
}

/** The lock's owner when a live process holds it (on this host, or on another, where liveness cannot be told). */
export async function lockHolder(dir: string): Promise<LockOwner | undefined> {
  const owner = await readOwner(path.join(dir, LOCK_FILE));
  if (owner === undefined) return undefined;
  if (owner.host === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) return undefined;
  return owner;
}

/**
 * Takes the lock on `dir` (which must exist) or throws NgError
 * (`EXPORT_FAILED`) naming the build that holds it. A lock left by a process
 * of this host that no longer runs is removed first.
 */
export async function lockFolder(dir: string, command = 'build'): Promise<HeldLock> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command };
  let replaced: LockOwner | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(me)}\n`);
      } finally {
        await handle.close();
      }
      const untrack = trackTemp(file);
      return {
        file,
        ...(replaced ? { replaced } : {}),
        release: async () => {
          untrack();
          await rm(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new NgError(`cannot write into ${dir}: ${errorMessage(e)}`, 'EXPORT_FAILED', { cause: e });
    }
    const before = await stat(file).catch(() => undefined);
    const owner = await readOwner(file);
    if (owner !== undefined && (owner.host !== me.host || isAlive(owner.pid))) {
      const where = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
      throw new NgError(
        `${dir} is being written by another newsgraph ${owner.command} (${where}, started ${owner.started}); wait for it to end (if it no longer runs, remove ${file})`,
        'EXPORT_FAILED',
      );
    }
    if (owner === undefined && before !== undefined && Date.now() - before.mtimeMs < 5000) {
      // Just created and not yet written by its owner: wait for it rather than take it.
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    // Stale (its process is gone, or unreadable and old): removed only if it is still the file read above.
    const now = await stat(file).catch(() => undefined);
    if (before !== undefined && now !== undefined && now.ino === before.ino) await rm(file, { force: true });
    replaced = owner;
  }
  throw new NgError(`cannot take the lock ${file}: it keeps changing (another build is starting?)`, 'EXPORT_FAILED');
}
