/**
 * Files and folders -> Articles, one at a time (the ingest stage's only
 * I/O). Inputs are taken in the order of their resolved paths and folders
 * are walked depth first in sorted order, without recursion (a folder tree
 * thousands of levels deep is cut at a depth limit with a diagnostic, never
 * overflows the stack). Folder symlinks that loop are cut by tracking real
 * paths; symlinks that lead out of the input folder are not followed unless
 * asked. File names are read as bytes, so a name that is not UTF-8 is read
 * (and shown escaped) rather than lost. Every problem with one input becomes
 * a Diagnostic naming it: the generator itself never throws.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { Article, Diagnostic } from '../types.js';
import { errorMessage } from '../errors.js';
import { nameFromBytes } from '../io/printable.js';
import { articleFromText } from './article-from-text.js';
import { loadBoilerplateRules, type BoilerplateRules } from './boilerplate-rules.js';
import { formatOfFile } from './clean-text.js';
import { decodeBytes } from './decode.js';

export { articleFromText } from './article-from-text.js';
import { readSidecarDate } from './read-sidecar.js';

/** Extensions read when walking a folder (a file named explicitly is read whatever its extension). */
const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** Files larger than this are refused (`ingest/too-large`) rather than read into memory. */
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** Folders deeper than this below an input folder are not walked (`ingest/too-deep`). */
const DEFAULT_MAX_DEPTH = 100;

/** Documents that hold articles newsgraph does not read, named once per walk with the tool that converts them. */
const CONVERTIBLE: readonly { readonly kind: string; readonly extensions: readonly string[]; readonly hint: (file: string) => string }[] = [
  { kind: 'PDF', extensions: ['.pdf'], hint: (f) => `pdftotext ${shellWord(f)} ${shellWord(`${f}.txt`)}` },
  {
    kind: 'word-processor',
    extensions: ['.docx', '.doc', '.odt', '.rtf'],
    hint: (f) => `pandoc -t plain ${shellWord(f)} -o ${shellWord(`${f}.txt`)}`,
  },
];

function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface IngestResult {
  /** The path as found (input path, or input folder joined with the relative path), escaped if not UTF-8. */
  readonly file: string;
  /** The article, or null when the input was skipped (see the fatal diagnostic) or is only a notice. */
  readonly article: Article | null;
  readonly diagnostics: Diagnostic[];
}

export interface WalkOptions {
  /** Follow symlinks that lead out of the input folder (default: skip them with a warning). */
  readonly followSymlinks?: boolean;
  /** Folders never read, such as the output folder when it sits inside an input folder. */
  readonly exclude?: readonly string[];
  /** Folders nested deeper than this below an input folder are not walked (default DEFAULT_MAX_DEPTH). */
  readonly maxDepth?: number;
}

export interface ReadArticlesOptions extends WalkOptions {
  /** Boilerplate rules; loaded from `data/` when not given. */
  readonly rules?: BoilerplateRules;
  readonly maxBytes?: number;
  /**
   * Only files whose article id passes are read and yielded (`build --shard`); ids are still
   * given to every file of the walk, so they are the same as in a build of all the inputs.
   */
  readonly select?: (id: string) => boolean;
  /**
   * Ids already taken by the articles of an earlier build (`build --append`), each with the
   * path of its file when known: a file at that path takes the id again (its new content
   * replaces the old), any other file with the same relative path gets a longer id.
   */
  readonly reservedIds?: Iterable<string> | ReadonlyMap<string, string | undefined>;
  /** Publication date (`YYYY-MM-DD`) of articles that state none (`build --date`). */
  readonly date?: string;
}

/** One input found by the walk, or a problem or notice found while walking. */
interface InputEntry {
  /** The path as shown and stored (input folder joined with the relative path; `\xNN` for bytes that are not UTF-8). */
  readonly path: string;
  /** The path as the file system knows it (bytes when a name is not UTF-8). */
  readonly fsPath: string | Buffer;
  /** The path below its input folder (for a file named on the command line: its name), `/`-separated. */
  readonly relative: string;
  /** The input folder, resolved (for a file named on the command line: its folder). */
  readonly root: string;
  /** The input was found but cannot be used (fatal). */
  readonly error?: Diagnostic;
  /** Something said about the walk (not an input: nothing to read). */
  readonly notice?: Diagnostic;
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

function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

const hasArticleExtension = (name: string): boolean => hasExtension(name, ARTICLE_EXTENSIONS);

/** Code-unit order, so the walk order does not depend on the locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `dir` joined with a name; bytes as soon as either is bytes. */
function joinFs(dir: string | Buffer, name: Buffer, utf8: boolean, text: string): string | Buffer {
  if (typeof dir === 'string' && utf8) return path.join(dir, text);
  return Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(path.sep), name]);
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

interface Frame {
  readonly fsPath: string | Buffer;
  readonly display: string;
  readonly relative: string;
  readonly depth: number;
  readonly entries: readonly { readonly bytes: Buffer; readonly name: string; readonly utf8: boolean }[];
  next: number;
}

/** What the walk of all inputs shares: folders and files already reached, documents it did not read. */
interface WalkState {
  readonly seen: Set<string>;
  readonly exclude: ReadonlySet<string>;
  readonly follow: boolean;
  readonly maxDepth: number;
  readonly unread: Map<string, { count: number; first: string }>;
}

async function listFolder(fsPath: string | Buffer): Promise<Frame['entries']> {
  const names = await fs.readdir(fsPath, { encoding: 'buffer' });
  return names
    .filter((b) => b[0] !== 0x2e) // hidden files and folders (.git, .DS_Store)
    .map((bytes) => ({ bytes, ...nameFromBytes(bytes) }))
    .map(({ bytes, text, utf8 }) => ({ bytes, name: text, utf8 }))
    .sort((a, b) => compareNames(a.name, b.name));
}

/** Whether `name` is the `NAME_files` folder a browser's "Save Page As" writes beside `NAME.html`. */
function isSavedPageFolder(name: string, siblings: Frame['entries']): boolean {
  if (!name.endsWith('_files')) return false;
  const page = name.slice(0, -'_files'.length);
  return siblings.some((s) => s.name === `${page}.html` || s.name === `${page}.htm`);
}

async function* walkFolder(input: string, rootReal: string, state: WalkState): AsyncGenerator<InputEntry> {
  const root = path.resolve(input);
  const stack: Frame[] = [];
  try {
    stack.push({ fsPath: input, display: input, relative: '', depth: 0, entries: await listFolder(input), next: 0 });
  } catch (e) {
    yield { path: input, fsPath: input, relative: '', root, error: unreadable(input, 'cannot list folder', e) };
    return;
  }
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const item = frame.entries[frame.next++];
    if (item === undefined) {
      stack.pop();
      continue;
    }
    const fsPath = joinFs(frame.fsPath, item.bytes, item.utf8, item.name);
    const display = path.join(frame.display, item.name);
    const relative = frame.relative ? `${frame.relative}/${item.name}` : item.name;
    const at = { path: display, fsPath, relative, root };
    let link: Stats;
    let stat: Stats;
    try {
      link = await fs.lstat(fsPath);
      stat = link.isSymbolicLink() ? await fs.stat(fsPath) : link;
    } catch (e) {
      if (hasArticleExtension(item.name)) yield { ...at, error: unreadable(display, 'cannot read file', e) };
      continue;
    }
    if (stat.isDirectory() || hasArticleExtension(item.name)) {
      let real: string | undefined;
      try {
        real = await fs.realpath(fsPath, { encoding: 'utf8' });
      } catch (e) {
        if (stat.isDirectory()) {
          yield { ...at, error: unreadable(display, 'cannot resolve folder', e) };
          continue;
        }
      }
      if (link.isSymbolicLink() && !state.follow && real !== undefined && !isInside(real, rootReal)) {
        const what = stat.isDirectory() ? 'folder' : 'file';
        const message = `a symbolic link to a ${what} outside the input folder (${real}): not read (--follow-symlinks reads it)`;
        yield { ...at, notice: { code: 'ingest/symlink-outside', severity: 'warning', message, file: display, fatal: false } };
        continue;
      }
      if (stat.isDirectory()) {
        if (real === undefined || state.seen.has(real)) continue; // a symlink loop or a folder reached twice
        state.seen.add(real);
        if (state.exclude.has(real)) {
          yield { ...at, notice: { code: 'ingest/output-folder', severity: 'info', message: 'the output folder is not read as input', file: display, fatal: false } };
          continue;
        }
        if (isSavedPageFolder(item.name, frame.entries)) {
          yield { ...at, notice: { code: 'ingest/saved-page-folder', severity: 'info', message: "the files of a page saved by a browser (its article is the page beside it): not read", file: display, fatal: false } };
          continue;
        }
        if (frame.depth + 1 > state.maxDepth) {
          const message = `folder nested more than ${state.maxDepth} levels below the input folder: not walked further`;
          yield { ...at, error: { code: 'ingest/too-deep', severity: 'error', message, file: display, fatal: true } };
          continue;
        }
        let entries: Frame['entries'];
        try {
          entries = await listFolder(fsPath);
        } catch (e) {
          yield { ...at, error: unreadable(display, 'cannot list folder', e) };
          continue;
        }
        stack.push({ fsPath, display, relative, depth: frame.depth + 1, entries, next: 0 });
        continue;
      }
      yield* fileEntry(at, stat.isFile(), real, state);
      continue;
    }
    const kind = CONVERTIBLE.find((c) => hasExtension(item.name, c.extensions));
    if (kind && stat.isFile()) {
      const unread = state.unread.get(kind.kind);
      if (unread) unread.count++;
      else state.unread.set(kind.kind, { count: 1, first: display });
    }
  }
}

async function* fileEntry(at: Omit<InputEntry, 'error' | 'notice'>, isFile: boolean, real: string | undefined, state: WalkState): AsyncGenerator<InputEntry> {
  if (!isFile) {
    yield { ...at, error: unreadable(at.path, 'cannot read: not a regular file (device, socket or pipe)') };
    return;
  }
  if (real !== undefined) {
    if (state.seen.has(real)) return; // the same file reached twice (symlink or repeated input)
    state.seen.add(real);
  }
  yield at;
}

/** The documents of a walk newsgraph did not read, one warning per kind with the tool that converts them. */
function unreadNotices(state: WalkState): InputEntry[] {
  return CONVERTIBLE.flatMap((c) => {
    const unread = state.unread.get(c.kind);
    if (!unread) return [];
    const message =
      `${unread.count} ${c.kind} file(s) not read (newsgraph reads ${ARTICLE_EXTENSIONS.join(' ')}): convert them to text first, ` +
      `e.g. \`${c.hint(unread.first)}\`` +
      (unread.count > 1 ? ` (${unread.count - 1} more like it)` : '');
    const notice: Diagnostic = { code: 'ingest/not-read', severity: 'warning', message, file: unread.first, fatal: false };
    return [{ path: unread.first, fsPath: unread.first, relative: '', root: '', notice }];
  });
}

/** The inputs in the order of their resolved paths (code units), without repeats: the walk does not depend on how they were listed. */
function orderInputs(inputs: readonly string[]): string[] {
  const byResolved = new Map<string, string>();
  for (const input of inputs) {
    const resolved = path.resolve(input);
    if (!byResolved.has(resolved)) byResolved.set(resolved, input);
  }
  return [...byResolved.entries()].sort((a, b) => compareNames(a[0], b[0])).map((e) => e[1]);
}

/**
 * Expands inputs (files and folders, depth first) into entries in a
 * deterministic order: inputs in the order of their resolved paths, folder
 * contents sorted. Problems (missing input, unlistable folder, a folder too
 * deep) come as entries with `error`; skipped links, the output folder and
 * documents that were not read as entries with `notice`.
 */
async function* walkInputs(inputs: readonly string[], options: WalkOptions = {}): AsyncGenerator<InputEntry> {
  const exclude = new Set<string>();
  for (const dir of options.exclude ?? []) {
    try {
      exclude.add(await fs.realpath(dir));
    } catch {
      // Not there yet: nothing to leave out.
    }
  }
  const state: WalkState = { seen: new Set(), exclude, follow: options.followSymlinks ?? false, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, unread: new Map() };
  for (const input of orderInputs(inputs)) {
    const resolved = path.resolve(input);
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      yield { path: input, fsPath: input, relative: path.basename(input), root: path.dirname(resolved), error: unreadable(input, 'cannot read input', e) };
      continue;
    }
    if (stat.isDirectory()) {
      let real = resolved;
      try {
        real = await fs.realpath(input);
        if (state.seen.has(real)) continue;
        state.seen.add(real);
      } catch {
        // Listing will report it.
      }
      if (exclude.has(real)) continue;
      yield* walkFolder(input, real, state);
    } else {
      let real: string | undefined;
      try {
        real = await fs.realpath(input);
      } catch {
        // Unresolvable but statable: let the read report it.
      }
      yield* fileEntry({ path: input, fsPath: input, relative: path.basename(input), root: path.dirname(resolved) }, stat.isFile(), real, state);
    }
  }
  yield* unreadNotices(state);
}

/** The files the inputs expand to, in reading order (inputs that cannot be read are included). */
export async function* listInputFiles(inputs: readonly string[], options: WalkOptions = {}): AsyncGenerator<string> {
  for await (const entry of walkInputs(inputs, options)) if (entry.notice === undefined) yield entry.path;
}

/**
 * Article ids: the path below the input folder (for a file named on the
 * command line, its name), so the same file has the same id however the
 * inputs are listed. When that id is taken by another file, the input
 * folder's own name and then its parents' are put in front
 * (`B/001.txt`, then `x/B/001.txt`); `#2`, `#3`... only if even the whole
 * path is taken. An id reserved by an earlier build for the same file is
 * taken again.
 */
class Ids {
  private readonly used = new Map<string, string | undefined>();
  private readonly claimable = new Set<string>();

  constructor(reserved: ReadArticlesOptions['reservedIds']) {
    if (reserved === undefined) return;
    if (reserved instanceof Map) {
      for (const [id, file] of reserved as ReadonlyMap<string, string | undefined>) {
        this.used.set(id, file === undefined ? undefined : path.resolve(file));
        if (file !== undefined) this.claimable.add(id);
      }
    } else {
      for (const id of reserved as Iterable<string>) this.used.set(id, undefined);
    }
  }

  take(entry: InputEntry): string {
    const file = path.resolve(entry.path);
    let id = entry.relative;
    if (this.used.has(id)) {
      if (this.claimable.has(id) && this.used.get(id) === file) {
        this.claimable.delete(id);
        return id;
      }
      const parts = entry.root.split(path.sep).filter((p) => p !== '');
      for (let k = 1; k <= parts.length && this.used.has(id); k++) id = `${parts.slice(-k).join('/')}/${entry.relative}`;
    }
    const base = id;
    for (let n = 2; this.used.has(id); n++) id = `${base}#${n}`;
    this.used.set(id, file);
    return id;
  }
}

async function readOne(entry: InputEntry, id: string, rules: BoilerplateRules, maxBytes: number, fallbackDate?: string): Promise<IngestResult> {
  const file = entry.path;
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(entry.fsPath);
    if (stat.size > maxBytes) {
      const message = `the file is too large (${stat.size} bytes, limit ${maxBytes})`;
      return { file, article: null, diagnostics: [{ code: 'ingest/too-large', severity: 'error', message, file, fatal: true }] };
    }
    bytes = await fs.readFile(entry.fsPath);
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
 * `ingest/not-text`, `ingest/empty`, `ingest/no-text`, `ingest/too-large`,
 * `ingest/too-deep`), or null with only a notice about the walk
 * (`ingest/symlink-outside`, `ingest/not-read`, ...). Never throws.
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
  const ids = new Ids(options.reservedIds);
  const entries = walkInputs(inputs, options);
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
    const said = entry.error ?? entry.notice;
    if (said !== undefined) {
      yield { file: entry.path, article: null, diagnostics: [said] };
      continue;
    }
    const id = ids.take(entry);
    if (options.select && !options.select(id)) continue;
    try {
      yield await readOne(entry, id, rules, maxBytes, options.date);
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
