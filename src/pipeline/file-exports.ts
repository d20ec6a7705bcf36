/**
 * The file exports of a build (graph.json, graph.graphml, graph.cypher,
 * edges.csv, quotes.csv and the neo4j-admin files), each written atomically.
 * A full build writes them; an incremental `build --append` leaves them out
 * (writing them is work in proportion to the whole graph) and
 * `newsgraph export` writes them on demand from `results.jsonl` and
 * `resolution.json`, as do `view`, `push` and `explain` when they need
 * graph.json and it is not there.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, rmdir } from 'node:fs/promises';
import type { NewsGraph } from '../graph/attributes.js';
import { buildGraph } from '../graph/build-graph.js';
import { EDGES_CSV, QUOTES_CSV } from '../export/to-flat-csv.js';
import { writeFileAtomic, type TextChunks, type TextLines } from '../io/write-atomic.js';
import { NgError, errorMessage } from '../errors.js';
import { MANIFEST_FILE, cutUnrecordedTail, matchesManifest, readManifest, writeManifest } from './manifest.js';
import { RESULTS_FILE, readResults, sortResults } from './results-file.js';
import { resolutionFor, storedDuplicates, type StoredResolution } from './resolution-file.js';
import { APPEND_LOG_FILE, readAppendIndex } from './append-index.js';
import { lockFolder } from '../io/lock.js';

export const RESOLUTION_FILE = 'resolution.json';

/** The single files among the exports (the neo4j-admin files are in `neo4j/`). */
const FILE_EXPORTS = ['graph.json', 'graph.graphml', 'graph.cypher', EDGES_CSV, QUOTES_CSV] as const;

/** Runs one output's writer and says whether it was written; a failure is reported, and the others go on. */
export type Attempt = (target: string, what: string, code: 'export/failed' | 'store/failed', run: () => Promise<unknown>) => Promise<boolean>;

/**
 * Writes the file exports of `graph` into `outDir`; returns the files written (the neo4j-admin
 * ones one by one). neo4j-admin CSV files of labels and types the graph no longer has are removed.
 */
export async function writeFileExports(outDir: string, graph: NewsGraph, attempt: Attempt, neo4jCsv = true): Promise<string[]> {
  // Loaded when they are written: an incremental append, which writes none, does without them.
  const [{ jsonLines }, { graphmlLines }, { cypherScriptLines }, { writeNeo4jCsv }, { edgesCsvPieces, quotesCsvPieces }] = await Promise.all([
    import('../export/to-json.js'),
    import('../export/to-graphml.js'),
    import('../export/to-cypher.js'),
    import('../export/to-neo4j-csv.js'),
    import('../export/to-flat-csv.js'),
  ]);
  const written: string[] = [];
  const write = async (name: string, produce: () => string | TextLines | TextChunks): Promise<void> => {
    const file = path.join(outDir, name);
    if (await attempt(file, '', 'export/failed', () => writeFileAtomic(file, produce()))) written.push(file);
  };
  // Big outputs are made line by line as they are written: neither their text nor their lines are ever all in memory.
  await write('graph.json', () => ({ lines: jsonLines(graph) }));
  await write('graph.graphml', () => ({ lines: graphmlLines(graph) }));
  await write('graph.cypher', () => ({ lines: cypherScriptLines(graph, { file: path.join(outDir, 'graph.cypher') }) }));
  await write(EDGES_CSV, () => ({ chunks: edgesCsvPieces(graph) }));
  await write(QUOTES_CSV, () => ({ chunks: quotesCsvPieces(graph) }));
  const neo4jDir = path.join(outDir, 'neo4j');
  let neo4jFiles: string[] = [];
  if (neo4jCsv) {
    await attempt(neo4jDir, 'the neo4j-admin import files ', 'export/failed', async () => {
      const csv = await writeNeo4jCsv(graph, neo4jDir);
      const command = path.join(neo4jDir, 'import-command.txt');
      await writeFileAtomic(command, `${csv.command}\n`);
      neo4jFiles = [...csv.files, command];
    });
  }
  // CSV files of node labels and relationship types the new graph no longer has would be imported with it.
  await removeOtherNeo4jFiles(neo4jDir, neo4jFiles);
  return [...written, ...neo4jFiles];
}

/** Removes the file exports from `outDir` (an incremental append leaves them to `newsgraph export`). */
export async function removeFileExports(outDir: string): Promise<void> {
  await Promise.all(FILE_EXPORTS.map((f) => rm(path.join(outDir, f), { force: true })));
  await removeOtherNeo4jFiles(path.join(outDir, 'neo4j'), []);
}

/** Removes the neo4j-admin files in `dir` that are not `keep` (and the folder, if that empties it). */
async function removeOtherNeo4jFiles(dir: string, keep: readonly string[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const wanted = new Set(keep.map((f) => path.basename(f)));
  for (const name of names) {
    if (wanted.has(name) || !/^(?:(?:nodes|relationships)-.+\.csv|import-command\.txt)$/.test(name)) continue;
    await rm(path.join(dir, name), { force: true });
  }
  if (keep.length === 0) await rmdir(dir).catch(() => undefined);
}

const relative = (dir: string, file: string): string => path.relative(dir, file).split(path.sep).join('/');

/**
 * `newsgraph export`: the graph of the build in `outDir` from its results and resolution, written
 * as the file exports; the manifest then lists them beside the build's other files. Returns the
 * files written. Throws NgError when the folder holds no build to export.
 */
export async function exportBuild(outDir: string, options: { neo4jCsv?: boolean } = {}): Promise<string[]> {
  const manifest = await readManifest(outDir);
  if (!manifest || manifest.files[RESULTS_FILE] === undefined || manifest.files[RESOLUTION_FILE] === undefined) {
    throw new NgError(`${outDir} holds no build to export (no ${MANIFEST_FILE} listing ${RESULTS_FILE} and ${RESOLUTION_FILE}): run newsgraph build first`, 'INPUT_UNREADABLE');
  }
  // The graph is made from these two files: they must be the build's (lines of a stopped append past the recorded end are cut).
  await cutUnrecordedTail(manifest, outDir, RESULTS_FILE);
  // Likewise for the append index's log, which the new manifest lists again.
  await cutUnrecordedTail(manifest, outDir, APPEND_LOG_FILE);
  for (const name of [RESULTS_FILE, RESOLUTION_FILE]) {
    if (!(await matchesManifest(manifest, outDir, name))) {
      throw new NgError(`${path.join(outDir, name)} does not match the build recorded in ${path.join(outDir, MANIFEST_FILE)}: a build was stopped while writing, or the file was changed; run newsgraph build again`, 'INPUT_UNREADABLE');
    }
  }
  let stored: StoredResolution;
  try {
    stored = JSON.parse(await readFile(path.join(outDir, RESOLUTION_FILE), 'utf8')) as StoredResolution;
  } catch (e) {
    throw new NgError(`cannot read ${path.join(outDir, RESOLUTION_FILE)}: ${errorMessage(e)}`, 'INPUT_UNREADABLE', { cause: e });
  }
  const settings = (await readAppendIndex(outDir))?.settings;
  const { kept, duplicates } = storedDuplicates(stored, sortResults(await readResults(path.join(outDir, RESULTS_FILE))));
  const graph = buildGraph(kept, resolutionFor(stored, kept), {
    keepUnasserted: settings?.keepUnasserted ?? false,
    keepAnonymousQuotes: settings?.keepAnonymousQuotes ?? false,
    ...(duplicates.size ? { duplicates } : {}),
  });
  const failures: string[] = [];
  const attempt: Attempt = async (target, what, _code, run) => {
    try {
      await run();
      return true;
    } catch (e) {
      failures.push(`could not write ${what}${target}: ${errorMessage(e)}`);
      return false;
    }
  };
  const written = await writeFileExports(outDir, graph, attempt, options.neo4jCsv ?? true);
  const names = new Set([...Object.keys(manifest.files).filter((f) => !f.startsWith('neo4j/') && !(FILE_EXPORTS as readonly string[]).includes(f)), ...written.map((f) => relative(outDir, f))]);
  await writeManifest(outDir, { articles: manifest.articles, nodes: graph.order, edges: graph.size }, [...names], { before: manifest });
  if (failures.length) throw new NgError(failures.join('; '), 'EXPORT_FAILED');
  return written;
}

/**
 * For a command that reads `graph.json`: when the file is missing from an output folder whose
 * build left the file exports out (an incremental append), writes them first, holding the
 * folder's lock. Anything else is left for the command to report.
 */
export async function ensureGraphJson(file: string): Promise<void> {
  if (path.basename(file) !== 'graph.json' || existsSync(file)) return;
  const dir = path.dirname(file);
  const manifest = await readManifest(dir).catch(() => undefined);
  if (!manifest || manifest.files['graph.json'] !== undefined || manifest.files[RESULTS_FILE] === undefined) return;
  const lock = await lockFolder(dir, 'export');
  try {
    await exportBuild(dir);
  } finally {
    await lock.release();
  }
}
