/**
 * Atomic file writes: write a temp file in the same folder, then rename it
 * over the target, so a reader (or a killed build) never sees half a file.
 * The temp file is registered (see temp-files.ts) while it exists, so an
 * interrupted build removes it.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { trackTemp } from './temp-files.js';

let counter = 0;

/** Text given as lines, written joined by `\n` without building the whole text in memory. */
export interface TextLines {
  readonly lines: Iterable<string>;
}

const CHUNK_CHARS = 1 << 20;

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    let first = true;
    for (const line of lines) {
      chunk.push(first ? line : `\n${line}`);
      first = false;
      size += line.length + 1;
      if (size >= CHUNK_CHARS) {
        await handle.write(chunk.join(''));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) await handle.write(chunk.join(''));
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array | TextLines): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}${counter++}.tmp`);
  const untrack = trackTemp(tmp);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
    else await writeLines(tmp, data.lines);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    untrack();
  }
}
