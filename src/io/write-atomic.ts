/**
 * Atomic file writes: write a temp file in the same folder, then rename it
 * over the target, so a reader (or a killed build) never sees half a file.
 * The temp file is registered (see temp-files.ts) while it exists, so an
 * interrupted build removes it.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { trackTemp } from './temp-files.js';

let counter = 0;

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}${counter++}.tmp`);
  const untrack = trackTemp(tmp);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    untrack();
  }
}
