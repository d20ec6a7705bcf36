/**
 * `newsgraph view [--graph out/graph.json] [--out DIR]`: writes the built-in
 * viewer, a self-contained HTML page (no server, no network), next to the graph.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../graph/attributes.js';
import { errorMessage } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { EXIT, UsageError, parseCommandArgs, type Command } from '../command.js';
import { checkOutputFile } from '../../pipeline/manifest.js';
import { ensureGraphJson } from '../../pipeline/file-exports.js';

const usage = `Usage: newsgraph view [--graph FILE] [--out DIR] [--title TEXT]

Writes DIR/graph.html: the graph drawn with sigma.js, laid out with
ForceAtlas2. Open it in a browser straight from the file system; it needs no
server and no network. Entities are coloured by type and sized by degree;
search a name, filter relationship types, click a node for its quotes and
relations with their sentences and articles. Articles and quotes are listed
in the side panel and can be drawn too (tick them in the legend).

Options:
  --graph PATH   the graph JSON written by \`newsgraph build\`, or the output
                 folder holding it (default: out/graph.json); GraphML and the
                 Kùzu database are not read: give graph.json
  --out DIR      where to write graph.html (default: the graph's folder)
  --title TEXT   page title (default: newsgraph)
  -h, --help     this help

Exit codes: 0 written; 2 bad usage; 3 the graph could not be read or the page not written.

Example:
  newsgraph build data/articles --out out && newsgraph view --out out
  xdg-open out/graph.html`;

/** Reads a graphology JSON serialisation (`graph.export()`) into a NewsGraph. */
export async function readGraphJson(file: string): Promise<NewsGraph> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { nodes?: unknown }).nodes)) {
    throw new Error('not a graphology JSON graph (no "nodes" array)');
  }
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(json as Parameters<NewsGraph['import']>[0]);
  return graph;
}

/** Formats view does not read, by file extension, with what they are. */
const OTHER_OUTPUTS: Readonly<Record<string, string>> = {
  '.graphml': 'GraphML',
  '.kuzu': 'the Kùzu database',
  '.cypher': 'a Cypher script',
  '.csv': 'CSV',
  '.jsonl': 'JSON lines (per-article results)',
};

/** The graph JSON for a --graph argument: the file, or graph.json in an output folder; other outputs are a usage error. */
function graphFile(given: string): string {
  const isDir = existsSync(given) && statSync(given).isDirectory();
  if (isDir) {
    const inside = path.join(given, 'graph.json');
    if (!existsSync(inside)) throw new UsageError(`${given} is a folder without graph.json: give the output folder of \`newsgraph build\` or its graph.json`);
    return inside;
  }
  const kind = OTHER_OUTPUTS[path.extname(given).toLowerCase()];
  if (kind) {
    const beside = path.join(path.dirname(given), 'graph.json');
    throw new UsageError(`${given} is ${kind}; view reads the graph JSON that \`newsgraph build\` writes${existsSync(beside) ? ` (--graph ${beside})` : ' (graph.json)'}`);
  }
  return given;
}

export const command: Command = {
  name: 'view',
  summary: 'write a self-contained HTML viewer of the graph (out/graph.html)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      graph: { type: 'string', default: path.join('out', 'graph.json') },
      out: { type: 'string' },
      title: { type: 'string', default: 'newsgraph' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; name the graph with --graph`);
    try {
      await ensureGraphJson(existsSync(values.graph) && statSync(values.graph).isDirectory() ? path.join(values.graph, 'graph.json') : values.graph);
    } catch (e) {
      console.error(`newsgraph view: cannot write the graph's files for ${values.graph}: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
    const file = graphFile(values.graph);
    let graph: NewsGraph;
    try {
      await checkOutputFile(file);
      graph = await readGraphJson(file);
    } catch (e) {
      console.error(`newsgraph view: cannot read ${file}: ${errorMessage(e)} (run \`newsgraph build\` first?)`);
      return EXIT.FATAL;
    }
    const target = path.join(values.out ?? path.dirname(file), 'graph.html');
    // Loaded here, not at start: the viewer's modules are about 20 MB that every other command (build) would carry.
    const { toViewerHtml } = await import('../../viewer/to-viewer-html.js');
    try {
      await writeFileAtomic(target, toViewerHtml(graph, { title: values.title }));
    } catch (e) {
      console.error(`newsgraph view: cannot write ${target}: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
    console.log(target);
    return EXIT.OK;
  },
};
