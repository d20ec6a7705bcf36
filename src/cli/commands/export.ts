/**
 * `newsgraph export [--out DIR]`: writes the file exports of a build
 * (graph.json, graph.graphml, graph.cypher, edges.csv, quotes.csv, neo4j/)
 * from its results and resolution. An incremental `build --append` leaves
 * them out; `view`, `push` and `explain` write them when they need them.
 */
import path from 'node:path';
import { errorMessage } from '../../errors.js';
import { lockFolder } from '../../io/lock.js';
import { exportBuild } from '../../pipeline/file-exports.js';
import { EXIT, UsageError, parseCommandArgs, type Command } from '../command.js';

const usage = `Usage: newsgraph export [--out DIR] [--no-neo4j-csv]

Writes the file exports of the build in DIR: graph.json, graph.graphml,
graph.cypher, edges.csv, quotes.csv and the neo4j-admin files in neo4j/,
from its results.jsonl and resolution.json, and adds them to its
manifest.json. A full build writes them itself; an append that added only
what is new (build --append) leaves them to this command.

Options:
  --out DIR         the output folder of \`newsgraph build\` (default: out)
  --no-neo4j-csv    leave out the neo4j-admin files
  -h, --help        this help

Exit codes: 0 written; 2 bad usage; 3 the folder holds no build, another build holds it, or a file could not be written.`;

export const command: Command = {
  name: 'export',
  summary: 'write the file exports of a build (graph.json, GraphML, Cypher, CSV) from its results',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string', default: 'out' },
      'no-neo4j-csv': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; name the folder with --out`);
    let lock;
    try {
      lock = await lockFolder(values.out, 'export');
    } catch (e) {
      console.error(`newsgraph export: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
    try {
      const written = await exportBuild(values.out, { neo4jCsv: !values['no-neo4j-csv'] });
      console.log(`wrote ${written.map((f) => path.relative(values.out, f)).join(', ')}`);
      return EXIT.OK;
    } catch (e) {
      console.error(`newsgraph export: ${errorMessage(e)}`);
      return EXIT.FATAL;
    } finally {
      await lock.release();
    }
  },
};
