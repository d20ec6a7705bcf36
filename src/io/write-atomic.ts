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

/** Text given as pieces, written one after another as they are (no separator added). */
export interface TextChunks {
  readonly chunks: Iterable<string>;
}

/** Bytes encoded before each write: one buffer, reused, so no big string or buffer is made per write. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes strings one after another into a file through one reused buffer.
 * Big strings would go straight to V8's old generation (large objects) and
 * pile up there until a full collection: at corpus size that was hundreds of
 * MB of garbage per export. Small strings die young. A string is never split
 * (a surrogate pair stays whole). Not atomic: `writeFileAtomic` uses it on its
 * temp file.
 */
export async function writeStrings(file: string, strings: Iterable<string>, separator = ''): Promise<void> {
  const handle = await open(file, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  const flush = async (): Promise<void> => {
    let done = 0;
    while (done < used) done += (await handle.write(buffer, done, used - done)).bytesWritten;
    used = 0;
  };
  try {
    let first = true;
    for (const text of strings) {
      const sep = first ? '' : separator;
      first = false;
      // A UTF-16 code unit is at most 3 UTF-8 bytes; only a full buffer waits for the file.
      const most = (sep.length + text.length) * 3;
      if (used + most >= BUFFER_BYTES) await flush();
      if (sep) used += buffer.write(sep, used, 'utf8');
      if (most < BUFFER_BYTES) {
        used += buffer.write(text, used, 'utf8');
      } else {
        await flush();
        await handle.write(text);
      }
    }
    await flush();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array | TextLines | TextChunks): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}${counter++}.tmp`);
  const untrack = trackTemp(tmp);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
    else if ('lines' in data) await writeStrings(tmp, data.lines, '\n');
    else await writeStrings(tmp, data.chunks, '');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    untrack();
  }
}
