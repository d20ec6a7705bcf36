/**
 * Files and folders -> Articles, one at a time (the ingest stage's only
 * I/O). Folders are walked recursively in sorted order, symlink loops are
 * cut by tracking real paths, and every problem with one input becomes a
 * fatal Diagnostic naming it: the generator itself never throws.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Article, Diagnostic } from '../types.js';
import { errorMessage } from '../errors.js';
import { articleFromText } from './article-from-text.js';
import { loadBoilerplateRules, type BoilerplateRules } from './boilerplate-rules.js';
import { formatOfFile } from './clean-text.js';
import { decodeBytes } from './decode.js';

export { articleFromText, hashBytes } from './article-from-text.js';
import { readSidecarDate } from './read-sidecar.js';

/** Extensions read when walking a folder (a file named explicitly is read whatever its extension). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** Files larger than this are refused (`ingest/too-large`) rather than read into memory. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface IngestResult {
  /** The path as found (input path, or input folder joined with the relative path). */
  readonly file: string;
  /** The article, or null when the input was skipped (see the fatal diagnostic). */
  readonly article: Article | null;
  readonly diagnostics: Diagnostic[];
}

export interface ReadArticlesOptions {
  /** Boilerplate rules; loaded from `data/` when not given. */
  readonly rules?: BoilerplateRules;
  readonly maxBytes?: number;
  /**
   * Only files whose article id passes are read and yielded (`build --shard`); ids are still
   * given to every file of the walk, so they are the same as in a build of all the inputs.
   */
  readonly select?: (id: string) => boolean;
  /** Ids already taken (by the articles of an earlier build, for `build --append`). */
  readonly reservedIds?: Iterable<string>;
  /** Publication date (`YYYY-MM-DD`) of articles that state none (`build --date`). */
  readonly date?: string;
}

/** One input found by the walk, or a problem found while walking. */
export interface InputEntry {
  readonly path: string;
  /** For a file found in a folder: its path below that input folder; else the path as given. */
  readonly relative: string;
  readonly error?: Diagnostic;
}

const PLAIN_ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'input/output error',
};

function unreadable(file: string, what: string, e?: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason = e === undefined ? '' : `: ${code !== undefined && PLAIN_ERRNO[code] !== undefined ? `${PLAIN_ERRNO[code]} (${code})` : errorMessage(e)}`;
  return { code: 'ingest/unreadable', severity: 'error', message: `${what}${reason}`, file, fatal: true };
}

function hasArticleExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Code-unit order, so the walk order does not depend on the locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* walkFolder(dir: string, root: string, seen: Set<string>): AsyncGenerator<InputEntry> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    yield { path: dir, relative: path.relative(root, dir), error: unreadable(dir, 'cannot list folder', e) };
    return;
  }
  names.sort(compareNames);
  for (const name of names) {
    if (name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store)
    const full = path.join(dir, name);
    const relative = path.relative(root, full);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (e) {
      if (hasArticleExtension(name)) yield { path: full, relative, error: unreadable(full, 'cannot read file', e) };
      continue;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = await fs.realpath(full);
      } catch (e) {
        yield { path: full, relative, error: unreadable(full, 'cannot resolve folder', e) };
        continue;
      }
      if (seen.has(real)) continue; // a symlink loop or a folder reached twice
      seen.add(real);
      yield* walkFolder(full, root, seen);
    } else if (hasArticleExtension(name)) {
      yield* fileEntry(full, relative, stat.isFile(), seen);
    }
  }
}

async function* fileEntry(file: string, relative: string, isFile: boolean, seen: Set<string>): AsyncGenerator<InputEntry> {
  if (!isFile) {
    yield { path: file, relative, error: unreadable(file, 'cannot read: not a regular file (device, socket or pipe)') };
    return;
  }
  try {
    const real = await fs.realpath(file);
    if (seen.has(real)) return; // the same file reached twice (symlink or repeated input)
    seen.add(real);
  } catch {
    // Unresolvable but statable: let the read report it.
  }
  yield { path: file, relative };
}

/**
 * Expands inputs (files and folders, recursively) into entries in a
 * deterministic order: inputs in the order given, folder contents sorted.
 * Problems (missing input, unlistable folder) come as entries with `error`.
 */
export async function* walkInputs(inputs: readonly string[]): AsyncGenerator<InputEntry> {
  const seen = new Set<string>();
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      yield { path: input, relative: input, error: unreadable(input, 'cannot read input', e) };
      continue;
    }
    if (stat.isDirectory()) {
      try {
        const real = await fs.realpath(input);
        if (seen.has(real)) continue;
        seen.add(real);
      } catch {
        // Listing will report it.
      }
      yield* walkFolder(input, input, seen);
    } else {
      yield* fileEntry(input, input, stat.isFile(), seen);
    }
  }
}

/** The files the inputs expand to, in reading order (inputs that cannot be read are included). */
export async function* listInputFiles(inputs: readonly string[]): AsyncGenerator<string> {
  for await (const entry of walkInputs(inputs)) yield entry.path;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/').replace(/^(?:\.\/)+/, '');
}

/**
 * Basename; when taken, the path below the input folder (or as given);
 * then `#2`, `#3`... if even that is taken.
 */
function uniqueId(entry: InputEntry, used: Set<string>): string {
  let id = path.basename(entry.path);
  if (used.has(id)) id = toPosix(entry.relative);
  const base = id;
  for (let n = 2; used.has(id); n++) id = `${base}#${n}`;
  used.add(id);
  return id;
}

async function readOne(file: string, id: string, rules: BoilerplateRules, maxBytes: number, fallbackDate?: string): Promise<IngestResult> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) {
      const message = `the file is too large (${stat.size} bytes, limit ${maxBytes})`;
      return { file, article: null, diagnostics: [{ code: 'ingest/too-large', severity: 'error', message, file, fatal: true }] };
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    return { file, article: null, diagnostics: [unreadable(file, 'cannot read file', e)] };
  }
  const decoded = decodeBytes(bytes, file);
  if (decoded.text === null) return { file, article: null, diagnostics: decoded.diagnostics };
  const sidecar = await readSidecarDate(file);
  const article = articleFromText(id, decoded.text, rules, formatOfFile(file), { path: file, hashOf: bytes, dates: { sidecar: sidecar.date, fallback: fallbackDate } });
  const diagnostics = [...decoded.diagnostics, ...sidecar.diagnostics];
  if (article.text === '') {
    // Only markup or boilerplate: nothing to build, so skipped like an empty file (and counted in the exit code).
    diagnostics.push({
      code: 'ingest/no-text',
      severity: 'error',
      message: 'nothing was left after removing markup and website boilerplate',
      file,
      fatal: true,
    });
    return { file, article: null, diagnostics };
  }
  return { file, article, diagnostics };
}

/**
 * Reads the inputs one file at a time and yields one result per file:
 * an Article, or null with a fatal diagnostic (`ingest/unreadable`,
 * `ingest/not-text`, `ingest/empty`, `ingest/no-text`, `ingest/too-large`). Never throws.
 */
export async function* readArticles(inputs: readonly string[], options: ReadArticlesOptions = {}): AsyncGenerator<IngestResult> {
  let rules = options.rules;
  if (rules === undefined) {
    try {
      rules = loadBoilerplateRules();
    } catch (e) {
      const diagnostic: Diagnostic = {
        code: 'ingest/no-rules',
        severity: 'error',
        message: `cannot load the boilerplate rules: ${errorMessage(e)}`,
        fatal: true,
      };
      yield { file: '', article: null, diagnostics: [diagnostic] };
      return;
    }
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const used = new Set<string>(options.reservedIds ?? []);
  const entries = walkInputs(inputs);
  for (;;) {
    let next: IteratorResult<InputEntry>;
    try {
      next = await entries.next();
    } catch (e) {
      // Not expected (the walk reports its own errors), but never let one escape.
      yield { file: '', article: null, diagnostics: [unreadable('', 'input walk failed', e)] };
      return;
    }
    if (next.done === true) return;
    const entry = next.value;
    if (entry.error !== undefined) {
      yield { file: entry.path, article: null, diagnostics: [entry.error] };
      continue;
    }
    const id = uniqueId(entry, used);
    if (options.select && !options.select(id)) continue;
    try {
      yield await readOne(entry.path, id, rules, maxBytes, options.date);
    } catch (e) {
      const diagnostic: Diagnostic = {
        code: 'ingest/failed',
        severity: 'error',
        message: `could not build an article: ${errorMessage(e)}`,
        file: entry.path,
        fatal: true,
      };
      yield { file: entry.path, article: null, diagnostics: [diagnostic] };
    }
  }
}
