/**
 * The output folder as one consistent set: `manifest.json`, written last by
 * every build, names each file of the set with its size and SHA-256, the
 * build's id and its counts. Files are replaced one by one (each atomically),
 * so a build killed halfway leaves some new files beside old ones; the
 * manifest is what tells. `query`, `view` and `push` check the file they use
 * against it (`checkOutputFile`), and `build --append` checks `results.jsonl`
 * against it before building on it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { NgError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { lockHolder } from '../io/lock.js';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'newsgraph-build/1';

interface ManifestFile {
  readonly bytes: number;
  /** The file's SHA-256; for a file written in parts, the SHA-256 of its parts' hashes (one a line). */
  readonly sha256: string;
  /** Modification time when written: a file with the same size and time is not hashed again when checked or recorded. */
  readonly mtimeMs: number;
  /** A file that builds add to at its end (`results.jsonl`): its parts in order, each hashed once when written. */
  readonly parts?: readonly FilePart[];
}

interface FilePart {
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: string;
  /** The first 16 hex digits of a SHA-256 over the files' names and hashes. */
  readonly build: string;
  readonly articles: number;
  readonly nodes: number;
  readonly edges: number;
  /** Path below the output folder (`/`-separated) -> the file. */
  readonly files: Readonly<Record<string, ManifestFile>>;
}

/** The SHA-256 of the file's bytes from `start` (to `end`, exclusive, or its end). */
async function sha256(file: string, start = 0, end?: number): Promise<string> {
  const hash = createHash('sha256');
  if (end === undefined || end > start) for await (const chunk of createReadStream(file, { start, ...(end !== undefined ? { end: end - 1 } : {}) })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const partsHash = (parts: readonly FilePart[]): string => createHash('sha256').update(parts.map((p) => `${p.sha256}\n`).join('')).digest('hex');

/** The parts a file is recorded in: its own, or the whole file as one. */
const partsOf = (f: ManifestFile): readonly FilePart[] => f.parts ?? [{ bytes: f.bytes, sha256: f.sha256 }];

/**
 * A file's entry. Unchanged since `before` recorded it (same size and time): that entry, not hashed
 * again. Grown at its end since then (`appended`): its recorded parts and the new bytes as one more.
 */
async function describe(file: string, before: ManifestFile | undefined, appended: boolean): Promise<ManifestFile> {
  const s = await stat(file);
  if (before && s.size === before.bytes && s.mtimeMs === before.mtimeMs) return before;
  if (before && appended && s.size > before.bytes) {
    const parts = [...partsOf(before), { bytes: s.size - before.bytes, sha256: await sha256(file, before.bytes) }];
    return { bytes: s.size, sha256: partsHash(parts), mtimeMs: s.mtimeMs, parts };
  }
  return { bytes: s.size, sha256: await sha256(file), mtimeMs: s.mtimeMs };
}

/**
 * Writes `dir/manifest.json` for `files` (paths below `dir`), hashing what changed since the
 * manifest `before` (see `describe`); `appended` names files only added to at their end since then.
 */
export async function writeManifest(
  dir: string,
  counts: { articles: number; nodes: number; edges: number },
  files: readonly string[],
  since: { before?: Manifest | undefined; appended?: readonly string[] } = {},
): Promise<Manifest> {
  const entries: [string, ManifestFile][] = [];
  for (const name of [...files].sort()) entries.push([name, await describe(path.join(dir, name), since.before?.files[name], since.appended?.includes(name) ?? false)]);
  const build = createHash('sha256')
    .update(entries.map(([n, f]) => `${n}\t${f.sha256}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  const manifest: Manifest = { format: FORMAT, build, ...counts, files: Object.fromEntries(entries) };
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The folder's manifest, or undefined when it has none. Throws NgError when it is there but unreadable. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new NgError(`cannot read ${path.join(dir, MANIFEST_FILE)}: ${errorMessage(e)}`, 'INPUT_UNREADABLE', { cause: e });
  }
  try {
    const m = JSON.parse(text) as Manifest;
    if (m.format !== FORMAT || typeof m.files !== 'object' || m.files === null) throw new Error(`not a ${FORMAT} manifest`);
    return m;
  } catch (e) {
    throw new NgError(`${path.join(dir, MANIFEST_FILE)} is not a newsgraph build manifest: ${errorMessage(e)}; run newsgraph build again`, 'INPUT_UNREADABLE', { cause: e });
  }
}

/** Whether `file` (a path below `dir`) is the one the manifest names: the same size, and the same time or the same hash. */
export async function matchesManifest(manifest: Manifest, dir: string, name: string): Promise<boolean> {
  const want = manifest.files[name];
  if (want === undefined) return false;
  let s;
  try {
    s = await stat(path.join(dir, name));
  } catch {
    return false;
  }
  if (s.size !== want.bytes) return false;
  if (s.mtimeMs === want.mtimeMs) return true;
  return sameParts(path.join(dir, name), want);
}

/** Whether the file's first bytes are the parts the entry records (hashed). */
async function sameParts(file: string, want: ManifestFile): Promise<boolean> {
  let at = 0;
  for (const part of partsOf(want)) {
    if ((await sha256(file, at, at + part.bytes)) !== part.sha256) return false;
    at += part.bytes;
  }
  return true;
}

/**
 * Cuts what a stopped build added to the end of `name` after the parts the manifest records
 * (the build was stopped before its manifest was written): the file is again the recorded one.
 * Returns whether it cut anything. Anything else (a file shorter or changed) is left as it is.
 */
export async function cutUnrecordedTail(manifest: Manifest, dir: string, name: string): Promise<boolean> {
  const want = manifest.files[name];
  const file = path.join(dir, name);
  const size = await stat(file).then((s) => s.size, () => undefined);
  if (want === undefined || size === undefined || size <= want.bytes || !(await sameParts(file, want))) return false;
  await truncate(file, want.bytes);
  return true;
}

/**
 * Whether the embedded store `name` is the one the manifest records: its file, and its
 * write-ahead log (which holds the updates of appends since the file was last written) when it
 * records one; without one recorded, no log may be there.
 */
export async function storeMatchesManifest(manifest: Manifest, dir: string, name: string): Promise<boolean> {
  if (!(await matchesManifest(manifest, dir, name))) return false;
  const log = `${name}.wal`;
  if (manifest.files[log] !== undefined) return matchesManifest(manifest, dir, log);
  return (await stat(path.join(dir, log)).then((s) => s.size, () => 0)) === 0;
}

const toName = (dir: string, file: string): string => path.relative(dir, file).split(path.sep).join('/');

/**
 * Checks that `file`, an output of `newsgraph build`, belongs to the build
 * its folder's manifest records; throws NgError (`INPUT_UNREADABLE`) saying
 * what is wrong and what to do when it does not. A folder without a
 * manifest (not written by a build) is not checked, nor a path that is
 * missing or a folder. While a build holds the
 * folder's lock, waits for it (up to `waitMs`) before judging.
 */
export async function checkOutputFile(file: string, waitMs = 120_000): Promise<void> {
  // A missing file or a folder is for the command to report (it knows what it expected).
  if (!(await stat(file).then((s) => s.isFile(), () => false))) return;
  const dir = path.dirname(path.resolve(file));
  const name = toName(dir, path.resolve(file));
  const deadline = Date.now() + waitMs;
  for (;;) {
    const manifest = await readManifest(dir);
    // A store's write-ahead log is part of it (see storeMatchesManifest); other files have none.
    if (manifest === undefined || (await storeMatchesManifest(manifest, dir, name))) return;
    const holder = await lockHolder(dir);
    if (holder === undefined || Date.now() >= deadline) {
      const recorded = `the build recorded in ${path.join(path.dirname(file), MANIFEST_FILE)} (build ${manifest.build}, ${manifest.articles} articles)`;
      if (holder !== undefined) throw new NgError(`${file} is being replaced by a build that is still running (process ${holder.pid}); try again when it ends`, 'INPUT_UNREADABLE');
      if (manifest.files[name] === undefined) throw new NgError(`${file} is not part of ${recorded}: it is left from another build or its output failed; run newsgraph build again`, 'INPUT_UNREADABLE');
      throw new NgError(`${file} does not match ${recorded}: a build was stopped while writing, or the file was changed; run newsgraph build again`, 'INPUT_UNREADABLE');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
