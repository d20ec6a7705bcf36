/**
 * `newsgraph build <files or folders...> --out <dir>`: the main job.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { runBuild } from '../../pipeline/run-build.js';
import { listInputFiles } from '../../ingest/read-articles.js';
import { formatSummary, summarizeGraph } from '../summary.js';
import { EXIT, type Command } from '../command.js';
import { exitOnInterrupt } from '../interrupt.js';
import { removeStaleTemps } from '../../io/temp-files.js';

const usage = `Usage: newsgraph build <files or folders...> [--out DIR] [options]

Reads .txt, .md and .html articles (folders recursively), extracts people,
countries, organisations, relations and quotes, and writes into DIR:
  graph.json     graphology JSON (the scorer's input)
  graph.graphml  GraphML for Gephi, yEd, Cytoscape, networkx, APOC
  graph.kuzu/    the embedded Kuzu database (query it with \`newsgraph query\`)

Options:
  --out DIR           output folder (default: out)
  --workers N         worker threads for the per-article stages (default 1);
                      the graph is the same whatever N
  --no-store          do not write the embedded database
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
        'keep-unasserted': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length === 0) {
      console.error('newsgraph build: name at least one file or folder (see newsgraph build --help)');
      return EXIT.USAGE;
    }
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      console.error(`newsgraph build: --workers takes a whole number from 1 to 64, got "${values.workers}"`);
      return EXIT.USAGE;
    }
    const quiet = values.quiet || values.json;
    // Temp files of builds that were killed (SIGKILL, power loss) are removed; outputs are only ever replaced by a rename.
    for (const dir of [values.out, path.join(values.out, 'neo4j')]) removeStaleTemps(dir);
    const release = exitOnInterrupt('build', `each output in ${values.out} is the previous one or a complete new one (outputs are replaced only by a rename); temporary files removed`);
    let result;
    try {
      const progress = quiet ? undefined : await createProgress(positionals);
      result = await runBuild({
        inputs: positionals,
        outDir: values.out,
        store: !values['no-store'],
        keepUnasserted: values['keep-unasserted'],
        workers,
        ...(progress ? { onProgress: progress.update } : {}),
      });
      progress?.stop();
    } finally {
      release();
    }
    for (const d of result.diagnostics) {
      if (d.severity === 'info') continue;
      if (quiet && !d.fatal) continue;
      console.error(`${d.fatal ? 'skipped' : d.severity}: ${d.file ?? ''}: ${d.message}`);
    }
    const summary = summarizeGraph(result.graph);
    if (values.json) {
      console.log(JSON.stringify({ ...summary, skipped: result.skipped, outputs: result.outputs, diagnostics: result.diagnostics, timings: result.timings }, null, 2));
    } else if (!quiet) {
      console.log(formatSummary(summary));
      console.log(`\nwrote ${result.outputs.join(', ')}`);
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
async function createProgress(inputs: readonly string[]): Promise<{ update: (e: { file: string; done: number }) => void; stop: () => void }> {
  let total = 0;
  for await (const _file of listInputFiles(inputs)) total++;
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
