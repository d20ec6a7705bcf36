/**
 * `newsgraph query "<cypher>"`: runs one Cypher statement on the embedded
 * Kuzu store written by `newsgraph build` and prints a table or JSON.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { errorMessage } from '../../errors.js';
import { queryKuzu } from '../../store/kuzu-store.js';
import { formatTable } from '../../store/format-table.js';
import { checkOutputFile } from '../../pipeline/manifest.js';

export const DEFAULT_DB = path.join('out', 'graph.kuzu');

const usage = `Usage: newsgraph query "<cypher>" [--db DIR] [--json] [--param name=value ...]
       newsgraph query --file F [--db DIR] [--json] [--param name=value ...]

Runs one Cypher statement on the embedded graph database written by
\`newsgraph build\` (default ${DEFAULT_DB}) and prints an aligned table.

Options:
  --db DIR             the database (default ${DEFAULT_DB})
  --file F             read the statement from a file (e.g. schema/queries/*.cypher;
                       where x.kuzu.cypher exists beside x.cypher, that Kuzu
                       version is used)
  --param name=value   a query parameter ($name); repeatable. A value that is a
                       JSON number, boolean, list or quoted string is parsed as
                       JSON, anything else is a plain string
  --json               print {"columns": [...], "rows": [...]} instead of a table
  -h, --help           this help

Examples:
  newsgraph query "MATCH (p:Person)-[r:WARNED]->(c:Country) RETURN p.name, c.name, r.evidence"
  newsgraph query --file schema/queries/quotes-of-person.cypher --param name="Sergei Lavrov"
  newsgraph query --file schema/queries/who-said-what.cypher --json > quotes.json`;

/** `name=value` -> [name, value]; the value is JSON when it parses as a non-object scalar/list, else the raw string. */
export function parseParam(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--param needs name=value, got "${text}"`);
  const name = text.slice(0, eq).replace(/^\$/, '');
  const raw = text.slice(eq + 1);
  if (/^(-?\d|true$|false$|null$|\[|")/.test(raw)) {
    try {
      return [name, JSON.parse(raw) as unknown];
    } catch {
      // not JSON: keep the string
    }
  }
  return [name, raw];
}

/** `x.cypher` -> `x.kuzu.cypher` when that Kuzu version of a query exists beside it. */
export function kuzuVariant(file: string): string | undefined {
  if (!file.endsWith('.cypher') || file.endsWith('.kuzu.cypher')) return undefined;
  const variant = file.replace(/\.cypher$/, '.kuzu.cypher');
  return existsSync(variant) ? variant : undefined;
}

export const command: Command = {
  name: 'query',
  summary: 'Run a Cypher query on the embedded graph database (out/graph.kuzu)',
  usage,
  async run(argv: string[]): Promise<number> {
    let args;
    try {
      args = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          db: { type: 'string' },
          file: { type: 'string' },
          json: { type: 'boolean', default: false },
          param: { type: 'string', multiple: true },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      process.stderr.write(`newsgraph query: ${errorMessage(e)}\n${usage}\n`);
      return EXIT.USAGE;
    }
    const { values, positionals } = args;
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return EXIT.OK;
    }
    if ((positionals.length === 0) === (values.file === undefined) || positionals.length > 1) {
      process.stderr.write(`newsgraph query: give one Cypher statement, either as an argument or with --file\n${usage}\n`);
      return EXIT.USAGE;
    }
    let params: Record<string, unknown>;
    try {
      params = Object.fromEntries((values.param ?? []).map(parseParam));
    } catch (e) {
      process.stderr.write(`newsgraph query: ${errorMessage(e)}\n`);
      return EXIT.USAGE;
    }
    let cypher: string;
    if (values.file !== undefined) {
      try {
        cypher = await readFile(kuzuVariant(values.file) ?? values.file, 'utf8');
      } catch (e) {
        process.stderr.write(`newsgraph query: cannot read ${values.file}: ${errorMessage(e)}\n`);
        return EXIT.USAGE;
      }
    } else {
      cypher = positionals[0]!;
    }
    try {
      await checkOutputFile(values.db ?? DEFAULT_DB);
      const result = await queryKuzu(values.db ?? DEFAULT_DB, cypher.trim().replace(/;\s*$/, ''), params);
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTable(result.columns, result.rows)}\n`);
      return EXIT.OK;
    } catch (e) {
      process.stderr.write(`newsgraph query: ${errorMessage(e).split('\n')[0]}\n`);
      return EXIT.FATAL;
    }
  },
};
