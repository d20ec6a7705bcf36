/**
 * `newsgraph query "<cypher>"`: runs one Cypher statement on the embedded
 * Kùzu store written by `newsgraph build` and prints a table, CSV or JSON.
 * Statements that would reach files, the network or native code are
 * refused before the store is opened; rows are streamed.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.js';
import { EXIT, UsageError, parseCommandArgs } from '../command.js';
import { errorMessage, isNgError } from '../../errors.js';
import { resolveKuzuDatabase, streamKuzuQuery, type KuzuRowStream } from '../../store/kuzu-store.js';
import { TableWriter, csvRecord } from '../../store/format-table.js';
import { statementParameters } from '../../store/cypher-text.js';
import { refusal } from '../../store/query-guard.js';
import { kuzuHint, nameColumns, toKuzuCypher } from '../../store/kuzu-dialect.js';
import { checkOutputFile } from '../../pipeline/manifest.js';

const DEFAULT_DB = path.join('out', 'graph.kuzu');
/** Rows a table shows unless --limit says otherwise. */
const DEFAULT_TABLE_LIMIT = 1000;

const usage = `Usage: newsgraph query "<cypher>" [options]
       newsgraph query --file F [options]

Runs one Cypher statement on the embedded graph database written by
\`newsgraph build\` (default ${DEFAULT_DB}) and prints an aligned table.
Neo4j's common forms are translated (type(r) -> label(r), shortestPath(...),
[x IN list | ...]); columns are named by their expression as written.

Options:
  --db PATH            the database: a graph.kuzu file or the output folder
                       holding it (default ${DEFAULT_DB})
  --file F             read the statement from a file (e.g. schema/queries/*.cypher;
                       where x.kuzu.cypher exists beside x.cypher, that Kùzu
                       version is used)
  --param name=VALUE   a query parameter ($name); repeatable. VALUE is read as
                       JSON when it is a number, true, false, null, a [list] or
                       a "quoted string": --param n=5 is the number 5 and
                       --param x=null is null. Anything else is text.
  --param-str name=TEXT  a parameter taken as text, always (--param-str year=2024)
  --json               print {"columns": [...], "rows": [...]}
  --csv                print CSV (a header line, then one record per row)
  --wide               never wrap: one line per row, however wide
  --limit N            print at most N rows (default: ${DEFAULT_TABLE_LIMIT} for a table,
                       all for --json and --csv); 0 prints all
  --timeout S          stop the statement after S seconds (default: no limit)
  -h, --help           this help

A table fits long values to the width of the terminal (or COLUMNS) by
wrapping them within their column; piped, each row is one line. Every parameter the query uses needs a value: a missing
one is an error, never an empty answer; only one the query tests itself
($since IS NULL OR ...) may be left out, and is then null.

Refused (exit 2, before the database is opened): statements that read or
write files, reach the network or load native code - COPY, EXPORT DATABASE,
IMPORT DATABASE, LOAD FROM, INSTALL, LOAD EXTENSION, ATTACH, and CALL of
any table function other than the catalogue (show_tables, table_info, ...)
and graph algorithms; more than one statement.

Exit codes: 0 printed; 2 bad usage or refused statement; 3 the query failed
or the database could not be opened.

Examples:
  newsgraph query "MATCH (p:Person)-[r:WARNED]->(c:Country) RETURN p.name, c.name, r.evidence"
  newsgraph query --file schema/queries/quotes-of-person.cypher --param name="sergei lavrov"
  newsgraph query --file schema/queries/who-said-what.cypher --csv > quotes.csv
  newsgraph query "MATCH (a)-[r]->(b) RETURN type(r), count(*)" --db out`;

/** `name=value` -> [name, value]; the value is JSON when it parses as a non-object scalar/list, else the raw string. */
export function parseParam(text: string, literal = false): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param${literal ? '-str' : ''} needs name=value, got "${text}"`);
  const name = text.slice(0, eq).replace(/^\$/, '');
  const raw = text.slice(eq + 1);
  if (!literal && /^(-?\d|true$|false$|null$|\[|")/.test(raw)) {
    try {
      return [name, JSON.parse(raw) as unknown];
    } catch {
      // not JSON: keep the string
    }
  }
  return [name, raw];
}

/** `x.cypher` -> `x.kuzu.cypher` when that Kùzu version of a query exists beside it. */
function kuzuVariant(file: string): string | undefined {
  if (!file.endsWith('.cypher') || file.endsWith('.kuzu.cypher')) return undefined;
  const variant = file.replace(/\.cypher$/, '.kuzu.cypher');
  return existsSync(variant) ? variant : undefined;
}

/** A whole number >= 0 for --limit / a positive number for --timeout. */
function numberOption(name: string, text: string | undefined, whole: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n)) || (!whole && n === 0)) {
    throw new UsageError(`--${name} takes ${whole ? 'a whole number (0: no limit)' : 'a number of seconds above 0'}, got "${text}"`);
  }
  return n;
}

/** Writes and waits when the stream's buffer is full, so a long result does not pile up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text) && process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
}

/** The width a table may take: COLUMNS when set, else the terminal's; undefined when piped. */
function terminalWidth(): number | undefined {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : undefined;
}

type Format = 'table' | 'json' | 'csv';

async function print(stream: KuzuRowStream, format: Format, limit: number | undefined, wide: boolean): Promise<void> {
  const max = limit === undefined || limit === 0 ? Infinity : limit;
  const shown = Math.min(stream.total, max);
  if (format === 'table') {
    let buffered = '';
    const maxWidth = wide ? undefined : terminalWidth();
    const table = new TableWriter(stream.columns, (s) => (buffered += s), maxWidth === undefined ? {} : { maxWidth });
    for (let n = 0; n < shown; n++) {
      const row = await stream.next();
      if (!row) break;
      table.add(row);
      if (buffered.length > 1 << 16) {
        await write(buffered);
        buffered = '';
      }
    }
    const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;
    table.end(
      shown < stream.total
        ? `(first ${rows(shown)} of ${stream.total}; --limit N shows more, --limit 0 all)`
        : `(${rows(stream.total)})`,
    );
    await write(buffered);
    return;
  }
  if (format === 'csv') await write(csvRecord(stream.columns));
  else await write(`{\n  "columns": ${JSON.stringify(stream.columns)},\n  "rows": [`);
  for (let n = 0; n < shown; n++) {
    const row = await stream.next();
    if (!row) break;
    if (format === 'csv') await write(csvRecord(stream.columns.map((c) => row[c])));
    else await write(`${n === 0 ? '\n' : ',\n'}    ${JSON.stringify(row)}`);
  }
  if (format === 'json') await write(`${shown > 0 ? '\n  ' : ''}]\n}\n`);
  if (shown < stream.total) process.stderr.write(`newsgraph query: printed the first ${shown} of ${stream.total} rows (--limit)\n`);
}

export const command: Command = {
  name: 'query',
  summary: 'Run a Cypher query on the embedded graph database (out/graph.kuzu)',
  usage,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      wide: { type: 'boolean', default: false },
      limit: { type: 'string' },
      timeout: { type: 'string' },
      param: { type: 'string', multiple: true },
      'param-str': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return EXIT.OK;
    }
    if ((positionals.length === 0) === (values.file === undefined) || positionals.length > 1) {
      throw new UsageError('give one Cypher statement, either as an argument or with --file');
    }
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const format: Format = values.json ? 'json' : values.csv ? 'csv' : 'table';
    const limit = numberOption('limit', values.limit, true) ?? (format === 'table' ? DEFAULT_TABLE_LIMIT : undefined);
    const timeout = numberOption('timeout', values.timeout, false);
    const params: Record<string, unknown> = Object.fromEntries([
      ...(values.param ?? []).map((p) => parseParam(p)),
      ...(values['param-str'] ?? []).map((p) => parseParam(p, true)),
    ]);
    let statement: string;
    if (values.file !== undefined) {
      try {
        statement = await readFile(kuzuVariant(values.file) ?? values.file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${values.file}: ${errorMessage(e)}`);
      }
    } else {
      statement = positionals[0]!;
    }
    statement = statement.trim().replace(/(;\s*)+$/, '');
    const refused = refusal(statement);
    if (refused) throw new UsageError(`refused: ${refused}`);
    const used = statementParameters(statement);
    // A parameter the statement itself tests for null (`$since IS NULL OR ...`) is optional: unset, it is null.
    const optional = used.filter((p) => new RegExp(`\\$${p}\\s+IS\\s+NULL\\b`, 'i').test(statement));
    for (const p of optional) if (!(p in params)) params[p] = null;
    const missing = used.filter((p) => !(p in params));
    if (missing.length > 0) {
      const list = missing.map((p) => `$${p}`).join(', ');
      throw new UsageError(`the query uses ${list} but no value was given: add --param ${missing[0]}=VALUE (or --param-str ${missing[0]}=TEXT) for each`);
    }
    const unused = Object.keys(params).filter((p) => !used.includes(p));
    if (unused.length > 0) {
      throw new UsageError(`--param ${unused.join(', ')}: the query has no such parameter (it uses ${used.length ? used.map((p) => `$${p}`).join(', ') : 'none'})`);
    }
    let stream: KuzuRowStream;
    try {
      await checkOutputFile(await resolveKuzuDatabase(values.db ?? DEFAULT_DB));
      stream = await streamKuzuQuery(values.db ?? DEFAULT_DB, toKuzuCypher(nameColumns(statement)), params, timeout ? { timeoutMs: timeout * 1000 } : {});
    } catch (e) {
      const message = errorMessage(e).split('\n')[0]!;
      const hint = isNgError(e) && e.code === 'QUERY_FAILED' ? kuzuHint(message) : undefined;
      process.stderr.write(`newsgraph query: ${message}${hint ? ` (${hint})` : ''}\n`);
      return EXIT.FATAL;
    }
    try {
      await print(stream, format, limit, values.wide);
    } finally {
      await stream.close();
    }
    return EXIT.OK;
  },
};
