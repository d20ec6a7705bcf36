/**
 * Temporary files and folders written beside the outputs (the temp half of
 * an atomic write, the Kuzu database being built aside). Writers register
 * them while they exist, so that an interrupted build (SIGINT) can remove
 * them before it exits; `removeStaleTemps` removes those a killed build
 * (SIGKILL) left behind, once the process that made them is gone.
 *
 * Every such name starts with a dot and carries the writing process's id:
 * `.graph.json.<pid>.<time>.tmp`, `.graph.kuzu.building-<pid>-<hex>`,
 * `.graph.kuzu.csv-<pid>-<hex>`, so no reader takes one for an output.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const live = new Set<string>();

/** Registers a temporary path; call the returned function once it is gone or renamed. */
export function trackTemp(file: string): () => void {
  const resolved = path.resolve(file);
  live.add(resolved);
  return () => {
    live.delete(resolved);
  };
}

/** The temporary paths registered now. */
export function trackedTemps(): string[] {
  return [...live];
}

/** Removes every registered temporary path (synchronously: it runs in a signal handler just before exit). */
export function removeTrackedTempsSync(): string[] {
  const removed: string[] = [];
  for (const file of live) {
    try {
      rmSync(file, { recursive: true, force: true });
      removed.push(file);
    } catch {
      // Best effort: the process is about to exit.
    }
  }
  live.clear();
  return removed;
}

/** `.name.<pid>.<time>.tmp` (atomic writes) or `.name.building-<pid>-…` / `.name.csv-<pid>-…` (the store), and their side files. */
const TEMP_NAME = /^\..+?\.(?:(\d+)\.\d+\.tmp|(?:building|csv)-(\d+)-[0-9a-zA-Z-]+(?:\.[a-z]+)?)$/;

/** The id of the process that made a temporary file of ours, or undefined if the name is not one. */
export function tempOwner(name: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  const pid = m?.[1] ?? m?.[2];
  return pid === undefined ? undefined : Number(pid);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files and folders in `dir` (not below it) that a
 * process which no longer runs left behind. Returns their paths. Never throws.
 */
export function removeStaleTemps(dir: string, alive: (pid: number) => boolean = isAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempOwner(name);
    if (pid === undefined || alive(pid)) continue;
    const file = path.join(dir, name);
    try {
      rmSync(file, { recursive: true, force: true });
      removed.push(file);
    } catch {
      // Left for the next build.
    }
  }
  return removed;
}
