/**
 * `newsgraph build <files or folders...> --out <dir>`: the main job.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { mkdir, readFile, rmdir, stat } from 'node:fs/promises';
import { NothingToBuildError, runBuild } from '../../pipeline/run-build.js';
import { parseShard, type Shard } from '../../pipeline/shard.js';
import type { StoredResolution } from '../../pipeline/resolution-file.js';
import { errorMessage } from '../../errors.js';
import { listInputFiles, type WalkOptions } from '../../ingest/read-articles.js';
import { formatSummary, summarizeGraph, summarizeStore, type GraphSummary } from '../summary.js';
import { EXIT, type Command } from '../command.js';
import { exitOnInterrupt } from '../interrupt.js';
import { removeStaleTemps } from '../../io/temp-files.js';
import { isCalendarDay } from '../../dates/calendar.js';
import { DEFAULT_CORRECTIONS_FILE, parseCorrections, type Correction } from '../../resolve/corrections.js';
import { existsSync } from 'node:fs';
import { lockFolder, type HeldLock } from '../../io/lock.js';
import { printable } from '../../io/printable.js';
import type { Diagnostic } from '../../types.js';

/** The corrections file named by --corrections, else ./newsgraph.corrections.tsv when it exists. Throws with file and line on a bad one. */
async function loadCorrections(file: string | undefined): Promise<Correction[] | undefined> {
  const chosen = file ?? (existsSync(DEFAULT_CORRECTIONS_FILE) ? DEFAULT_CORRECTIONS_FILE : undefined);
  if (chosen === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(chosen, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the corrections file ${chosen}: ${errorMessage(e)}`, { cause: e });
  }
  return parseCorrections(text, chosen);
}

const DEFAULT_ARTICLE_TIMEOUT_S = 900;

/** Half the machine's memory shared by the workers, between 512 MB and 4 GB each (V8's own default is about 4 GB). */
function defaultArticleHeapMb(workers: number): number {
  return Math.max(512, Math.min(4096, Math.floor(os.totalmem() / 2 / 2 ** 20 / workers)));
}

const usage = `Usage: newsgraph build <files or folders...> [--out DIR] [options]

Reads .txt, .md and .html articles (folders recursively), extracts people,
countries, organisations, relations and quotes, and writes into DIR:
  graph.json     graphology JSON (the scorer's input)
  graph.graphml  GraphML for Gephi, yEd, Cytoscape, networkx, APOC
  graph.kuzu     the embedded Kuzu database (query it with \`newsgraph query\`)
  graph.cypher, neo4j/   Cypher script and neo4j-admin import files
  results.jsonl  the per-article results (what --append builds on)
  resolution.json  the cross-article resolution (what --resolution takes)
A results.jsonl file given as an input adds its articles without processing
them again (to put the results of several --shard builds together).

Options:
  --out DIR           output folder (default: out)
  --workers N         worker threads for the per-article stages (default 1);
                      the graph is the same whatever N
  --append            add to the build in DIR: its articles are not processed
                      again, inputs with the same content as one already there
                      are skipped, a file already there with new content
                      replaces its article; the result is the graph of one
                      build of all
  --shard I/N         process only shard I of N (articles picked by a hash of
                      their id; every machine must be given the same inputs)
  --resolution FILE   take entity keys from FILE (resolution.json of a build of
                      every shard's results.jsonl) so all shards agree
  --follow-symlinks   also read what symlinks in the input folders lead to outside
                      them (default: such links are skipped with a warning)
  --article-timeout S stop an article that takes longer than S seconds and skip
                      it (default ${DEFAULT_ARTICLE_TIMEOUT_S}; 0: no limit)
  --article-memory MB heap limit per article's worker, in MB (default: half the
                      machine's memory shared by the workers, at most 4096);
                      an article that needs more is skipped
  --no-store          do not write the embedded database
  --date YYYY-MM-DD   publication date of articles that state none (no page
                      metadata, dateline or <file>.meta.json sidecar)
  --corrections FILE  corrections to entity resolution (merge, apart, not-entity,
                      type, alias, name; see README), applied on every build
                      and append (default: ./${DEFAULT_CORRECTIONS_FILE} when it exists)
  --keep-duplicates   keep near-duplicate articles (copies, wire versions of one
                      story) as articles of their own instead of one per story
  --keep-unasserted   also keep negated, hypothetical and future acts (edge attribute "modality")
  --quiet             print nothing but errors
  --json              print a machine-readable summary on stdout
  -h, --help          this help

Exit codes: 0 all inputs built; 1 some input skipped or an output not written;
2 bad usage, an input that does not exist, or nothing readable in the inputs
(no output is touched); 3 fatal error (--out is a file or cannot be written,
another build holds it, --append on results that lack articles); 130 interrupted
(Ctrl-C: each output is the previous one or a complete new one, temporary
files are removed).

Example:
  newsgraph build data/articles --out out`;

export const command: Command = {
  name: 'build',
  summary: 'build the knowledge graph of articles into an output folder',
  usage,
  async run(argv) {
    const parsed = await readOptions(argv);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const quiet = values.quiet || values.json;
    const say = (line: string): void => console.error(printable(line));
    // A typo in an input is a usage error, found before anything is read or written.
    for (const input of positionals) {
      if (await stat(input).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'ENOENT' || e.code === 'ENOTDIR')) {
        say(`newsgraph build: ${input}: no such file or folder; nothing was built and ${values.out} was left as it was`);
        return EXIT.USAGE;
      }
    }
    const out = await openOutput(values.out);
    if ('error' in out) {
      say(`newsgraph build: ${out.error}`);
      return EXIT.FATAL;
    }
    const { lock } = out;
    if (lock.replaced && !quiet) say(`newsgraph build: took over the lock of a build that no longer runs (process ${lock.replaced.pid}, started ${lock.replaced.started})`);
    const release = exitOnInterrupt(
      'build',
      `each output in ${values.out} is the previous one or a complete new one (outputs are replaced only by a rename; lines an append added past the end manifest.json records are cut by the next build); temporary files removed`,
    );
    // Temp files of builds that were killed (SIGKILL, power loss) are removed; outputs are only ever replaced by a rename.
    for (const dir of [values.out, path.join(values.out, 'neo4j')]) removeStaleTemps(dir);
    const walk = { followSymlinks: values['follow-symlinks'], exclude: [values.out] };
    let progress: Awaited<ReturnType<typeof createProgress>> | undefined;
    let result: Awaited<ReturnType<typeof runBuild>>;
    try {
      progress = quiet ? undefined : await createProgress(positionals, parsed.shard?.count ?? 1, walk);
      result = await runBuild(buildOptions(parsed, progress));
    } catch (e) {
      progress?.stop();
      if (e instanceof NothingToBuildError) {
        printDiagnostics(e.diagnostics, quiet, say);
        say(`newsgraph build: ${errorMessage(e)}`);
        await lock.release();
        if (out.created) await rmdir(values.out).catch(() => undefined);
        return EXIT.USAGE;
      }
      say(`newsgraph build: ${errorMessage(e)}`);
      await lock.release();
      return EXIT.FATAL;
    } finally {
      release();
    }
    await lock.release();
    progress?.stop();
    printDiagnostics(result.diagnostics, quiet, say);
    const summary = result.incremental ? await summarizeStore(path.join(values.out, 'graph.kuzu')) : summarizeGraph(result.graph);
    printReport(result, summary, values.json, quiet);
    const failedOutput = result.diagnostics.some((d) => d.fatal && (d.code.startsWith('export/') || d.code.startsWith('store/')));
    if (result.results.length === 0 && result.skipped.length > 0) return EXIT.PARTIAL;
    return result.skipped.length || failedOutput ? EXIT.PARTIAL : EXIT.OK;
  },
};

/** The options of `newsgraph build`. */
function parseBuildArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'out' },
      'no-store': { type: 'boolean', default: false },
      workers: { type: 'string', default: '1' },
      append: { type: 'boolean', default: false },
      shard: { type: 'string' },
      resolution: { type: 'string' },
      date: { type: 'string' },
      corrections: { type: 'string' },
      'keep-unasserted': { type: 'boolean', default: false },
      'keep-duplicates': { type: 'boolean', default: false },
      'follow-symlinks': { type: 'boolean', default: false },
      'article-timeout': { type: 'string', default: String(DEFAULT_ARTICLE_TIMEOUT_S) },
      'article-memory': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** The command line read and checked. */
interface BuildSettings extends ReturnType<typeof parseBuildArgs> {
  workers: number;
  timeoutS: number;
  heapMb: number;
  shard?: Shard;
  corrections?: Correction[];
  resolution?: StoredResolution;
}

/** The build's settings from the command line, or the exit code when there is nothing to build (help, bad usage, an unreadable corrections or resolution file). */
async function readOptions(argv: string[]): Promise<BuildSettings | number> {
  const { values, positionals } = parseBuildArgs(argv);
  if (values.help) {
    console.log(usage);
    return EXIT.OK;
  }
  const usageError = (message: string): number => {
    console.error(`newsgraph build: ${message}`);
    return EXIT.USAGE;
  };
  if (positionals.length === 0 && !values.append) return usageError('name at least one file or folder (see newsgraph build --help)');
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) return usageError(`--workers takes a whole number from 1 to 64, got "${values.workers}"`);
  const timeoutS = Number(values['article-timeout']);
  if (!Number.isFinite(timeoutS) || timeoutS < 0) return usageError(`--article-timeout takes a number of seconds (0: no limit), got "${values['article-timeout']}"`);
  const heapMb = values['article-memory'] === undefined ? defaultArticleHeapMb(workers) : Number(values['article-memory']);
  if (!Number.isInteger(heapMb) || heapMb < 64) return usageError(`--article-memory takes a whole number of MB, at least 64, got "${values['article-memory']}"`);
  let shard: Shard | undefined;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (e) {
    return usageError(errorMessage(e));
  }
  if (values.date !== undefined && !isCalendarDay(values.date)) return usageError(`--date takes a day as YYYY-MM-DD, got "${values.date}"`);
  let corrections: Correction[] | undefined;
  try {
    corrections = await loadCorrections(values.corrections);
  } catch (e) {
    return usageError(errorMessage(e));
  }
  let resolution: StoredResolution | undefined;
  if (values.resolution !== undefined) {
    try {
      resolution = JSON.parse(await readFile(values.resolution, 'utf8')) as StoredResolution;
    } catch (e) {
      console.error(`newsgraph build: cannot read the resolution file ${values.resolution}: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
  }
  return { values, positionals, workers, timeoutS, heapMb, ...(shard ? { shard } : {}), ...(corrections ? { corrections } : {}), ...(resolution ? { resolution } : {}) };
}

/** What `runBuild` is given for these settings. */
function buildOptions(s: BuildSettings, progress: { update: (e: { file: string; done: number }) => void } | undefined): Parameters<typeof runBuild>[0] {
  const { values } = s;
  return {
    inputs: s.positionals,
    outDir: values.out,
    store: !values['no-store'],
    keepUnasserted: values['keep-unasserted'],
    keepDuplicates: values['keep-duplicates'],
    followSymlinks: values['follow-symlinks'],
    ...(s.timeoutS > 0 ? { articleTimeoutMs: s.timeoutS * 1000 } : {}),
    articleHeapMb: s.heapMb,
    workers: s.workers,
    append: values.append,
    ...(s.shard ? { shard: s.shard } : {}),
    ...(s.resolution ? { resolution: s.resolution } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(s.corrections ? { corrections: s.corrections } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  };
}

/** The summary of a finished build on stdout: JSON with --json, a table and what was kept, left out and skipped otherwise. */
function printReport(result: Awaited<ReturnType<typeof runBuild>>, summary: GraphSummary, json: boolean, quiet: boolean): void {
  if (json) {
    console.log(JSON.stringify({ ...summary, ...(result.corrections ? { corrections: result.corrections } : {}), skipped: result.skipped, unchanged: result.unchanged, reused: result.reused, outputs: result.outputs, diagnostics: result.diagnostics, timings: result.timings }, null, 2));
    return;
  }
  if (quiet) return;
  // Ids and names come from file names and article text: every string escaped before it is laid out.
  console.log(formatSummary(printableStrings(summary)));
  console.log('');
  console.log(printable(`wrote ${result.outputs.join(', ')}`));
  if (result.reused) console.log(`kept ${result.reused} article(s) of earlier results without processing them again`);
  if (result.unchanged.length) console.log(`left out ${result.unchanged.length} input(s) whose content is already in the build`);
  if (result.corrections) {
    const { applied, unmatched } = result.corrections;
    console.log(printable(`applied ${applied.length} correction(s)${unmatched.length ? `; matched nothing: ${unmatched.map((c) => `${c.file}:${c.line}`).join(', ')}` : ''}`));
  }
  if (result.skipped.length) console.log(printable(`skipped ${result.skipped.length} input(s): ${result.skipped.join(', ')}`));
}

/** A copy of plain data with every string passed through `printable`. */
function printableStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableStrings) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  return value;
}

/** One line per diagnostic on stderr (info never; with --quiet only the skipped inputs), names escaped. */
function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean, say: (line: string) => void): void {
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    if (quiet && !d.fatal) continue;
    say(`${d.fatal ? 'skipped' : d.severity}: ${d.file ?? ''}: ${d.message}`);
  }
}

/**
 * The output folder made ready before any work: created if missing, refused
 * when it is a file or cannot be written, and locked for this build.
 */
async function openOutput(dir: string): Promise<{ lock: HeldLock; created: boolean } | { error: string }> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) return { error: `--out ${dir} is a file, not a folder; nothing was built` };
  try {
    if (!existing) await mkdir(dir, { recursive: true });
  } catch (e) {
    return { error: `cannot create the output folder ${dir}: ${errorMessage(e)}; nothing was built` };
  }
  try {
    const lock = await lockFolder(dir);
    return { lock, created: !existing };
  } catch (e) {
    return { error: `${errorMessage(e)}; nothing was built` };
  }
}

/**
 * Progress on stderr: a bar on a terminal (files done / total, rate), plain
 * lines at most every two seconds otherwise. The total comes from a walk of
 * the inputs before the build (names only, no file is read).
 */
async function createProgress(inputs: readonly string[], shards: number, walk: WalkOptions): Promise<{ update: (e: { file: string; done: number }) => void; stop: () => void }> {
  let total = 0;
  for await (const _file of listInputFiles(inputs, walk)) total++;
  // A shard reads about 1/n of the files (which ones is known only as they are reached).
  if (shards > 1) total = Math.max(1, Math.round(total / shards));
  const started = Date.now();
  const rate = (done: number): string => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'building [{bar}] {value}/{total} files | {rate} files/s | {file}', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0', file: '' });
    return {
      update: ({ file, done }) => bar.update(Math.min(done, total), { file: printable(file.length > 40 ? `…${file.slice(-39)}` : file), rate: rate(done) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest = 0;
  return {
    update: ({ done }) => {
      latest = done;
      if (Date.now() - last < 2000) return;
      last = Date.now();
      console.error(`progress: ${done}/${total} files (${rate(done)} files/s)`);
    },
    stop: () => {
      if (total > 0) console.error(`progress: ${latest}/${total} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}
