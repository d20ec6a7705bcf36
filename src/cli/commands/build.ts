/**
 * `newsgraph build <files or folders...> --out <dir>`: the main job.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readFile } from 'node:fs/promises';
import { runBuild } from '../../pipeline/run-build.js';
import { parseShard, type Shard } from '../../pipeline/shard.js';
import type { StoredResolution } from '../../pipeline/resolution-file.js';
import { errorMessage } from '../../errors.js';
import { listInputFiles } from '../../ingest/read-articles.js';
import { formatSummary, summarizeGraph } from '../summary.js';
import { EXIT, type Command } from '../command.js';
import { exitOnInterrupt } from '../interrupt.js';
import { removeStaleTemps } from '../../io/temp-files.js';
import { isCalendarDay } from '../../dates/calendar.js';
import { DEFAULT_CORRECTIONS_FILE, parseCorrections, type Correction } from '../../resolve/corrections.js';
import { existsSync } from 'node:fs';

/** The corrections file named by --corrections, else ./newsgraph.corrections.tsv when it exists. Throws with file and line on a bad one. */
async function loadCorrections(file: string | undefined): Promise<Correction[] | undefined> {
  const chosen = file ?? (existsSync(DEFAULT_CORRECTIONS_FILE) ? DEFAULT_CORRECTIONS_FILE : undefined);
  if (chosen === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(chosen, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the corrections file ${chosen}: ${errorMessage(e)}`);
  }
  return parseCorrections(text, chosen);
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
                      are skipped; the result is the graph of one build of all
  --shard I/N         process only shard I of N (articles picked by a hash of
                      their id; every machine must be given the same inputs)
  --resolution FILE   take entity keys from FILE (resolution.json of a build of
                      every shard's results.jsonl) so all shards agree
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
2 bad usage; 3 fatal error; 130 interrupted (Ctrl-C: each output is the previous
one or a complete new one, temporary files are removed).

Example:
  newsgraph build data/articles --out out`;

export const command: Command = {
  name: 'build',
  summary: 'build the knowledge graph of articles into an output folder',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
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
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length === 0 && !values.append) {
      console.error('newsgraph build: name at least one file or folder (see newsgraph build --help)');
      return EXIT.USAGE;
    }
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      console.error(`newsgraph build: --workers takes a whole number from 1 to 64, got "${values.workers}"`);
      return EXIT.USAGE;
    }
    let shard: Shard | undefined;
    try {
      shard = values.shard === undefined ? undefined : parseShard(values.shard);
    } catch (e) {
      console.error(`newsgraph build: ${errorMessage(e)}`);
      return EXIT.USAGE;
    }
    if (values.date !== undefined && !isCalendarDay(values.date)) {
      console.error(`newsgraph build: --date takes a day as YYYY-MM-DD, got "${values.date}"`);
      return EXIT.USAGE;
    }
    let corrections: Correction[] | undefined;
    try {
      corrections = await loadCorrections(values.corrections);
    } catch (e) {
      console.error(`newsgraph build: ${errorMessage(e)}`);
      return EXIT.USAGE;
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
    const quiet = values.quiet || values.json;
    // Temp files of builds that were killed (SIGKILL, power loss) are removed; outputs are only ever replaced by a rename.
    for (const dir of [values.out, path.join(values.out, 'neo4j')]) removeStaleTemps(dir);
    const progress = quiet ? undefined : await createProgress(positionals, shard?.count ?? 1);
    const release = exitOnInterrupt('build', `each output in ${values.out} is the previous one or a complete new one (outputs are replaced only by a rename); temporary files removed`);
    let result: Awaited<ReturnType<typeof runBuild>>;
    try {
      result = await runBuild({
        inputs: positionals,
        outDir: values.out,
        store: !values['no-store'],
        keepUnasserted: values['keep-unasserted'],
        keepDuplicates: values['keep-duplicates'],
        workers,
        append: values.append,
        ...(shard ? { shard } : {}),
        ...(resolution ? { resolution } : {}),
        ...(values.date ? { date: values.date } : {}),
        ...(corrections ? { corrections } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
      });
    } catch (e) {
      progress?.stop();
      console.error(`newsgraph build: ${errorMessage(e)}`);
      return EXIT.FATAL;
    } finally {
      release();
    }
    progress?.stop();
    for (const d of result.diagnostics) {
      if (d.severity === 'info') continue;
      if (quiet && !d.fatal) continue;
      console.error(`${d.fatal ? 'skipped' : d.severity}: ${d.file ?? ''}: ${d.message}`);
    }
    const summary = summarizeGraph(result.graph);
    if (values.json) {
      console.log(JSON.stringify({ ...summary, ...(result.corrections ? { corrections: result.corrections } : {}), skipped: result.skipped, unchanged: result.unchanged, reused: result.reused, outputs: result.outputs, diagnostics: result.diagnostics, timings: result.timings }, null, 2));
    } else if (!quiet) {
      console.log(formatSummary(summary));
      console.log(`\nwrote ${result.outputs.join(', ')}`);
      if (result.reused) console.log(`kept ${result.reused} article(s) of earlier results without processing them again`);
      if (result.unchanged.length) console.log(`left out ${result.unchanged.length} input(s) whose content is already in the build`);
      if (result.corrections) {
        const { applied, unmatched } = result.corrections;
        console.log(`applied ${applied.length} correction(s)${unmatched.length ? `; matched nothing: ${unmatched.map((c) => `${c.file}:${c.line}`).join(', ')}` : ''}`);
      }
      if (result.skipped.length) console.log(`skipped ${result.skipped.length} input(s): ${result.skipped.join(', ')}`);
    }
    const failedOutput = result.diagnostics.some((d) => d.fatal && (d.code.startsWith('export/') || d.code.startsWith('store/')));
    if (result.results.length === 0 && result.skipped.length > 0) return EXIT.PARTIAL;
    return result.skipped.length || failedOutput ? EXIT.PARTIAL : EXIT.OK;
  },
};

/**
 * Progress on stderr: a bar on a terminal (files done / total, rate), plain
 * lines at most every two seconds otherwise. The total comes from a walk of
 * the inputs before the build (names only, no file is read).
 */
async function createProgress(inputs: readonly string[], shards = 1): Promise<{ update: (e: { file: string; done: number }) => void; stop: () => void }> {
  let total = 0;
  for await (const _file of listInputFiles(inputs)) total++;
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
      update: ({ file, done }) => bar.update(Math.min(done, total), { file: file.length > 40 ? `…${file.slice(-39)}` : file, rate: rate(done) }),
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
