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
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NgError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { lockHolder } from '../io/lock.js';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'newsgraph-build/1';

interface ManifestFile {
  readonly bytes: number;
  readonly sha256: string;
  /** Modification time when written: a file with the same size and time is not hashed again when checked. */
  readonly mtimeMs: number;
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

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describe(file: string): Promise<ManifestFile> {
  const s = await stat(file);
  return { bytes: s.size, sha256: await sha256(file), mtimeMs: s.mtimeMs };
}

/** Writes `dir/manifest.json` for `files` (paths below `dir`), hashing each. */
export async function writeManifest(dir: string, counts: { articles: number; nodes: number; edges: number }, files: readonly string[]): Promise<Manifest> {
  const entries: [string, ManifestFile][] = [];
  for (const name of [...files].sort()) entries.push([name, await describe(path.join(dir, name))]);
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
  return (await sha256(path.join(dir, name))) === want.sha256;
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
    if (manifest === undefined || (await matchesManifest(manifest, dir, name))) return;
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
