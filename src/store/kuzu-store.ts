/**
 * The embedded Kuzu store: `writeKuzuStore` builds a database from a graph
 * (DDL from the schema, bulk COPY FROM CSV) atomically; `queryKuzu` runs one
 * Cypher statement on it, read-only.
 *
 * Kuzu 0.11 keeps a database in one file (plus a `.wal` while open); the
 * store path (`out/graph.kuzu`) names that file. A build writes a sibling
 * temporary database and renames it over the old one only when complete, so
 * an interrupted build leaves the previous store usable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, QueryResult } from 'kuzu';
import type { NewsGraph } from '../graph/attributes.js';
import { NgError, StoreError, errorMessage } from '../errors.js';
import type { CsvTable } from './kuzu-schema.js';
import { createEdgeCopy, createKuzuDdl, createNodeCopy, encodeEdgeTable, encodeNodeTable } from './kuzu-schema.js';
import { groupGraph, loadGraphSchema } from './graph-schema.js';
import { trackTemp } from '../io/temp-files.js';
import type { GraphSchema } from './graph-schema.js';

export interface KuzuBuildStats {
  nodes: number;
  edges: number;
  ms: number;
}

export interface KuzuQueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface KuzuHandle {
  readonly db: Database;
  readonly conn: Connection;
  close(): Promise<void>;
}

const csvText = (table: CsvTable): string => stringify([table.header, ...table.rows], { quoted: true, record_delimiter: 'unix' });

async function runAll(conn: Connection, statement: string): Promise<void> {
  const res = await conn.query(statement);
  for (const r of Array.isArray(res) ? res : [res]) r.close();
}

/** Files Kuzu keeps beside a database file. */
const SIDE_FILES = ['.wal', '.shadow', '.lock', '.tmp'];

async function removeDatabase(file: string): Promise<void> {
  await rm(file, { recursive: true, force: true });
  await Promise.all(SIDE_FILES.map((ext) => rm(file + ext, { force: true })));
}

/**
 * Builds a Kuzu database at `dir` (a path such as `out/graph.kuzu`) from the
 * graph, replacing any previous one only once the new one is complete.
 */
export async function writeKuzuStore(graph: NewsGraph, dir: string, schema: GraphSchema = loadGraphSchema()): Promise<KuzuBuildStats> {
  const t0 = performance.now();
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const grouped = groupGraph(graph, schema);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmpDb = path.join(parent, `.${path.basename(target)}.building-${tag}`);
  const csvDir = await mkdtemp(path.join(parent, `.${path.basename(target)}.csv-${tag}-`));
  const untrack = [trackTemp(csvDir), trackTemp(tmpDb), ...SIDE_FILES.map((ext) => trackTemp(tmpDb + ext))];
  let db: Database | undefined;
  let conn: Connection | undefined;
  try {
    const copies: string[] = [];
    let n = 0;
    for (const group of grouped.nodes) {
      if (group.rows.length === 0) continue;
      const file = path.join(csvDir, `node-${n++}-${group.label}.csv`);
      await writeFile(file, csvText(encodeNodeTable(schema, group)));
      copies.push(createNodeCopy(schema, group.label, file));
    }
    for (const group of grouped.edges) {
      if (group.rows.length === 0) continue;
      const file = path.join(csvDir, `edge-${n++}-${group.type}-${group.fromLabel}-${group.toLabel}.csv`);
      await writeFile(file, csvText(encodeEdgeTable(schema, group)));
      copies.push(createEdgeCopy(schema, group, file));
    }
    // One transaction for every COPY: one commit and one checkpoint instead of one per table
    // (about half the load time on the news corpus).
    db = new kuzu.Database(tmpDb);
    conn = new kuzu.Connection(db);
    for (const statement of [...createKuzuDdl(schema), 'BEGIN TRANSACTION', ...copies, 'COMMIT']) {
      try {
        await runAll(conn, statement);
      } catch (e) {
        throw new StoreError(`Kuzu build failed: ${errorMessage(e).split('\n')[0]}`, 'STORE_FAILED', { cause: e });
      }
    }
    await conn.close();
    conn = undefined;
    await db.close();
    db = undefined;
    await replaceDatabase(tmpDb, target, tag);
  } catch (e) {
    if (conn) await conn.close().catch(() => undefined);
    if (db) await db.close().catch(() => undefined);
    await removeDatabase(tmpDb);
    throw e instanceof NgError ? e : new StoreError(`Kuzu build failed: ${errorMessage(e)}`, 'STORE_FAILED', { cause: e });
  } finally {
    await rm(csvDir, { recursive: true, force: true });
    for (const u of untrack) u();
  }
  return {
    nodes: grouped.nodes.reduce((s, g) => s + g.rows.length, 0),
    edges: grouped.edges.reduce((s, g) => s + g.rows.length, 0),
    ms: Math.round(performance.now() - t0),
  };
}

/** Puts the finished database at `target`: one rename, or (if `target` is an old-style directory) move it aside first. */
async function replaceDatabase(tmpDb: string, target: string, tag: string): Promise<void> {
  // A leftover WAL of the old database must never be replayed on the new one.
  await rm(`${target}.wal`, { force: true });
  const old = await stat(target).catch(() => undefined);
  if (old?.isDirectory()) {
    const aside = `${target}.old-${tag}`;
    await rename(target, aside);
    await rename(tmpDb, target);
    await rm(aside, { recursive: true, force: true });
  } else {
    await rename(tmpDb, target);
  }
  for (const ext of SIDE_FILES) {
    if (existsSync(tmpDb + ext)) await rename(tmpDb + ext, target + ext);
  }
}

/** Thrown when the store does not exist yet. */
export function missingStoreError(dir: string): StoreError {
  return new StoreError(`no graph database at ${dir}: run \`newsgraph build\` first (or pass --db)`, 'STORE_FAILED');
}

/** Opens an existing store (read-only unless asked otherwise). */
export async function openKuzu(dir: string, options: { readOnly?: boolean } = {}): Promise<KuzuHandle> {
  if (!existsSync(dir)) throw missingStoreError(dir);
  const db = new kuzu.Database(dir, 0, true, options.readOnly ?? true);
  try {
    await db.init();
    const conn = new kuzu.Connection(db);
    await conn.init();
    return {
      db,
      conn,
      async close() {
        await conn.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    throw new StoreError(`cannot open the graph database at ${dir}: ${oneLine(errorMessage(e))}`, 'STORE_FAILED', { cause: e });
  }
}

const oneLine = (message: string): string => message.split('\n')[0]!.trim();

/** Converts Kuzu values (bigint, nested nodes) into plain JSON-friendly values. */
function plain(value: KuzuValue): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v as KuzuValue)]));
  }
  return value;
}

/** Runs one Cypher statement on an open connection. Errors become QUERY_FAILED. */
export async function runKuzuQuery(conn: Connection, cypher: string, params: Record<string, unknown> = {}): Promise<KuzuQueryResult> {
  let result: QueryResult | QueryResult[];
  try {
    const statement = await conn.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    result = await conn.execute(statement, params as Record<string, KuzuValue>);
  } catch (e) {
    throw new NgError(`query failed: ${oneLine(errorMessage(e))}`, 'QUERY_FAILED', { cause: e });
  }
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  if (!last) return { columns: [], rows: [] };
  try {
    const columns = await last.getColumnNames();
    const rows = (await last.getAll()).map((r) => Object.fromEntries(columns.map((c) => [c, plain(r[c] ?? null)])));
    return { columns, rows };
  } finally {
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }
}

/** Opens the store, runs one statement with parameters, closes it. */
export async function queryKuzu(dir: string, cypher: string, params: Record<string, unknown> = {}): Promise<KuzuQueryResult> {
  const handle = await openKuzu(dir);
  try {
    return await runKuzuQuery(handle.conn, cypher, params);
  } finally {
    await handle.close();
  }
}
