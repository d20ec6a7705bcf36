/**
 * `newsgraph remove <file...> --out DIR`: drops articles from a build and
 * writes every output again, as a build of the remaining files would.
 */
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { EXIT, UsageError, parseCommandArgs, type Command } from '../command.js';
import { errorMessage } from '../../errors.js';
import { NotInBuildError, runRemove } from '../../pipeline/remove.js';
import type { StoredResolution } from '../../pipeline/resolution-file.js';
import { lockFolder } from '../../io/lock.js';
import { removeStaleTemps } from '../../io/temp-files.js';
import { printable } from '../../io/printable.js';
import { exitOnInterrupt } from '../interrupt.js';
import { DEFAULT_CORRECTIONS_FILE, parseCorrections, type Correction } from '../../resolve/corrections.js';

/** The corrections file named by --corrections, else the default one when it exists (as build reads it). */
async function loadCorrections(file: string | undefined): Promise<Correction[] | undefined> {
  const chosen = file ?? (existsSync(DEFAULT_CORRECTIONS_FILE) ? DEFAULT_CORRECTIONS_FILE : undefined);
  if (chosen === undefined) return undefined;
  const text = await readFile(chosen, 'utf8').catch((e: unknown) => {
    throw new Error(`cannot read the corrections file ${chosen}: ${errorMessage(e)}`, { cause: e });
  });
  return parseCorrections(text, chosen);
}

const usage = `Usage: newsgraph remove <files or folders...> [--out DIR] [options]

Drops articles from the build in DIR, and with them every entity, relation,
quote, affiliation and mention that only they supported; what other articles
also report stays, with its evidence and counts shrunk. Every output of the
build (graph.json, graph.graphml, graph.cypher, edges.csv, quotes.csv,
neo4j/, graph.kuzu, results.jsonl, resolution.json, manifest.json) is written
again, each atomically: the result is the build of the remaining files.
Removing every article leaves an empty graph. Run \`newsgraph push\` after it
to remove the same facts from Neo4j.

An article is named by the path it was built from (as given to build, or
the same file by another path), by its id (its path below the input folder:
001.txt), or by a folder (every article read from below it). The file need
not exist any more.

Options:
  --out DIR           the build's output folder (default: out)
  --corrections FILE  corrections to entity resolution, as given to build
                      (default: ./${DEFAULT_CORRECTIONS_FILE} when it exists)
  --keep-duplicates   as given to build (near-duplicates kept as articles)
  --keep-unasserted   as given to build (negated, hypothetical, future acts kept)
  --resolution FILE   for an output built with --shard i/n --resolution: the
                      resolution.json of the build that resolution came from,
                      after the same articles were removed from it (without
                      it such an output is refused: its keys must stay those
                      of every other shard)
  --quiet             print nothing but errors
  --json              print a machine-readable summary on stdout
  -h, --help          this help

Exit codes: 0 removed and every output written; 1 an output could not be
written; 2 bad usage or a name that is no article of the build (nothing is
changed); 3 fatal (DIR holds no build, its results file is not the build's,
another build holds DIR); 130 interrupted (each output is the previous one
or a complete new one).

Example:
  newsgraph remove data/articles/002.txt --out out`;

export const command: Command = {
  name: 'remove',
  summary: 'drop articles from a build, and what only they supported',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string', default: 'out' },
      corrections: { type: 'string' },
      resolution: { type: 'string' },
      'keep-unasserted': { type: 'boolean', default: false },
      'keep-duplicates': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length === 0) throw new UsageError('name at least one article to remove');
    const say = (line: string): void => console.error(printable(`newsgraph remove: ${line}`));
    const out = values.out;
    let corrections: Correction[] | undefined;
    try {
      corrections = await loadCorrections(values.corrections);
    } catch (e) {
      say(errorMessage(e));
      return EXIT.USAGE;
    }
    let resolution: StoredResolution | undefined;
    if (values.resolution !== undefined) {
      try {
        resolution = JSON.parse(await readFile(values.resolution, 'utf8')) as StoredResolution;
      } catch (e) {
        say(`cannot read the resolution file ${values.resolution}: ${errorMessage(e)}`);
        return EXIT.USAGE;
      }
    }
    if (!(await stat(out).then((s) => s.isDirectory(), () => false))) {
      say(`${out} is not a folder a build wrote; nothing was removed`);
      return EXIT.FATAL;
    }
    let lock;
    try {
      lock = await lockFolder(out, 'remove');
    } catch (e) {
      say(`${errorMessage(e)}; nothing was removed`);
      return EXIT.FATAL;
    }
    const release = exitOnInterrupt('remove', `each output in ${out} is the previous one or a complete new one (outputs are replaced only by a rename); temporary files removed`);
    for (const dir of [out, path.join(out, 'neo4j')]) removeStaleTemps(dir);
    let result;
    try {
      result = await runRemove({
        outDir: out,
        names: positionals,
        keepUnasserted: values['keep-unasserted'],
        keepDuplicates: values['keep-duplicates'],
        ...(corrections ? { corrections } : {}),
        ...(resolution ? { resolution } : {}),
      });
    } catch (e) {
      say(errorMessage(e));
      // A name that is no article is a usage error, like an input that does not exist; anything else is fatal.
      return e instanceof NotInBuildError ? EXIT.USAGE : EXIT.FATAL;
    } finally {
      release();
      await lock.release();
    }
    for (const d of result.diagnostics) if (d.fatal) say(`${d.file ?? ''}: ${d.message}`);
    const failedOutput = result.diagnostics.some((d) => d.fatal && (d.code.startsWith('export/') || d.code.startsWith('store/')));
    if (values.json) {
      console.log(JSON.stringify({ removed: result.removed, articles: result.results.length, nodes: result.graph.order, edges: result.graph.size, outputs: result.outputs, diagnostics: result.diagnostics.filter((d) => d.fatal) }, null, 2));
    } else if (!values.quiet) {
      console.log(printable(`removed ${result.removed.length} article(s): ${result.removed.join(', ')}`));
      console.log(`the build now holds ${result.results.length} article(s), ${result.graph.order} nodes and ${result.graph.size} edges`);
    }
    return failedOutput ? EXIT.PARTIAL : EXIT.OK;
  },
};
