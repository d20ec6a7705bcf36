/**
 * `newsgraph push`: loads out/graph.json into a live Neo4j (constraints,
 * then batched MERGE on stable keys; idempotent).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { Command } from '../command.js';
import { EXIT, UsageError, parseCommandArgs } from '../command.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../graph/attributes.js';
import { errorMessage, isNgError } from '../../errors.js';
import { checkOutputFile } from '../../pipeline/manifest.js';
import { ensureGraphJson } from '../../pipeline/file-exports.js';

const DEFAULT_GRAPH = path.join('out', 'graph.json');

const usage = `Usage: newsgraph push [--graph FILE] [--uri URI] [--user NAME] [--database NAME] [--batch-size N] [--timeout SECONDS] [--no-prune]

Loads the graph written by \`newsgraph build\` into a running Neo4j server:
key constraints and indexes first, then batched MERGE on stable keys, each
batch in its own transaction. Then what newsgraph wrote earlier that the
graph no longer holds (articles removed or replaced, with what only they
supported) is deleted, so the database holds the graph. Pushing twice
changes nothing; pushing after adding articles adds only what is new.

Options (each falls back to the environment variable, then the default):
  --graph FILE      graph JSON (default ${DEFAULT_GRAPH})
  --uri URI         NEO4J_URI       (default neo4j://localhost:7687)
  --user NAME       NEO4J_USERNAME  (default neo4j)
  --database NAME   NEO4J_DATABASE  (default: the server's default database)
  --batch-size N    rows per transaction (default 1000)
  --timeout S       longest wait for any one answer of the server (default 120):
                    a server that goes silent ends the push (exit 3)
  --no-prune        only add and update: keep nodes and relationships the
                    graph does not hold (to push several builds, such as
                    shards, into one database)
  -h, --help        this help

The password is read from the environment only (NEO4J_PASSWORD), never from
the command line, so it stays out of shell history and process lists; it is
never printed.

Transient failures (server restarting, connection dropped, deadlocks) are
retried up to 4 times per step with exponential backoff; each retry is
reported on stderr. A push that fails part-way says how many batches were
committed: run it again to complete it (MERGE on stable keys, idempotent).
Exit codes: 0 pushed; 2 bad usage; 3 failed (one line saying why).

Example:
  NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=... newsgraph push --database news`;

/** Reads a graph written by the JSON exporter (graphology's serialisation). */
export async function readGraphJson(file: string): Promise<NewsGraph> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Parameters<NewsGraph['import']>[0];
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(data);
  return graph;
}

export const command: Command = {
  name: 'push',
  summary: 'Load the graph into a running Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)',
  usage,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      graph: { type: 'string' },
      uri: { type: 'string' },
      user: { type: 'string' },
      database: { type: 'string' },
      'batch-size': { type: 'string' },
      timeout: { type: 'string' },
      'no-prune': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return EXIT.OK;
    }
    const batchSize = values['batch-size'] === undefined ? 1000 : Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      process.stderr.write(`newsgraph push: --batch-size must be a positive integer\n`);
      return EXIT.USAGE;
    }
    const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) {
      process.stderr.write(`newsgraph push: --timeout must be a positive number of seconds\n`);
      return EXIT.USAGE;
    }
    const env = process.env;
    const password = env.NEO4J_PASSWORD;
    if (password === undefined) {
      process.stderr.write('newsgraph push: NEO4J_PASSWORD is not set; export it (the password is read from the environment only)\n');
      return EXIT.USAGE;
    }
    const file = values.graph ?? DEFAULT_GRAPH;
    let graph: NewsGraph;
    try {
      await ensureGraphJson(file);
      await checkOutputFile(file);
      graph = await readGraphJson(file);
    } catch (e) {
      process.stderr.write(`newsgraph push: cannot read the graph ${file}: ${errorMessage(e).split('\n')[0]} (run \`newsgraph build\` first, or pass --graph)\n`);
      return EXIT.FATAL;
    }
    const database = values.database ?? env.NEO4J_DATABASE;
    const conn = {
      uri: values.uri ?? env.NEO4J_URI ?? 'neo4j://localhost:7687',
      user: values.user ?? env.NEO4J_USERNAME ?? 'neo4j',
      password,
      ...(database ? { database } : {}),
    };
    // Loaded here, not at start: neo4j-driver is about 20 MB that every other command (build) would carry.
    const { pushToNeo4j, redact, publicParts, safeUri } = await import('../../store/neo4j-store.js');
    const visible = publicParts(conn);
    try {
      const stats = await pushToNeo4j(graph, conn, {
        batchSize,
        transactionTimeoutMs: timeout * 1000,
        prune: !values['no-prune'],
        // The connectivity check's retries are quiet: its final line says what happened, once.
        onRetry: (r) =>
          r.what === 'connectivity check'
            ? undefined
            : process.stderr.write(
                `newsgraph push: ${r.what} failed (${redact(r.reason, password, visible)}); retry ${r.attempt} of ${r.retries} in ${(r.delayMs / 1000).toFixed(1)} s\n`,
              ),
      });
      process.stdout.write(
        `pushed ${stats.nodes} nodes and ${stats.edges} relationships in ${stats.batches} batches to ${safeUri(conn.uri)}` +
          `${conn.database ? ` (database ${conn.database})` : ''}: ${stats.nodesCreated} nodes and ${stats.relationshipsCreated} relationships new${stats.removed ? `, ${stats.removed.nodesDeleted} nodes and ${stats.removed.relationshipsDeleted} relationships removed` : ''}, ${(stats.ms / 1000).toFixed(1)} s\n`,
      );
      return EXIT.OK;
    } catch (e) {
      let msg = redact(errorMessage(e), password, visible).split('\n')[0]!;
      if (isNgError(e) && e.code === 'NEO4J_UNAVAILABLE' && !msg.includes('batches were committed')) {
        // Nothing was written: say how to load the graph without a live server.
        const dir = path.dirname(file);
        msg += ` Without a server: cypher-shell -f ${path.join(dir, 'graph.cypher')}, or neo4j-admin as in ${path.join(dir, 'neo4j', 'import-command.txt')}.`;
      }
      process.stderr.write(`newsgraph push: ${isNgError(e) ? `${msg} [${e.code}]` : msg}\n`);
      return EXIT.FATAL;
    }
  },
};
