/**
 * The embedded Kuzu store: `writeKuzuStore` builds a database from a graph
 * (DDL from the schema, bulk COPY FROM CSV) atomically; `queryKuzu` runs one
 * Cypher statement on it, read-only.
 *
 * Kuzu 0.11 keeps a database in one file (plus a `.wal` while open); the
 * store path (`out/graph.kuzu`) names that file. A build writes a sibling
 * temporary database and renames it over the old one only when complete, so
 * an interrupted build leaves the previous store usable. An append's update
 * (`updateKuzuStore`) stays in the write-ahead log `graph.kuzu.wal`, which
 * every later open replays, until the log is big enough to fold in.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import type { NewsGraph } from '../graph/attributes.js';
import { NgError, StoreError, errorMessage } from '../errors.js';
import { createEdgeCopy, createEdgeInsert, createKuzuDdl, createNodeCopy, createNodeInsert, kuzuName, kuzuType } from './kuzu-schema.js';
import { csvHeader, edgeColumns, edgeNullMark, encodeEdgeRows, encodeNodeRows, nodeColumns, nodeNullMark } from './kuzu-tables.js';
import type { KuzuColumn } from './kuzu-tables.js';
import { edgePairs, edgePropertyTypes, loadGraphSchema, partitionGraph, type GraphTables } from './graph-schema.js';
import { articleKey } from '../graph/keys.js';
import { trackTemp } from '../io/temp-files.js';
import { writeStrings } from '../io/write-atomic.js';
import type { GraphSchema } from './graph-schema.js';

/** Where the time of one store build went (milliseconds, wall clock). */
interface KuzuLoadPhases {
  /** Splitting the graph into tables. */
  partitionMs: number;
  /** Encoding and writing the CSV files (overlaps the COPY statements, which run on Kuzu's threads). */
  csvMs: number;
  /** Opening the database, then the CREATE NODE/REL TABLE statements. */
  ddlMs: number;
  /** All COPY statements. */
  copyMs: number;
  /** The one COMMIT (Kuzu writes the tables to the database file here). */
  commitMs: number;
  /** Closing the connection and database. */
  closeMs: number;
  /** Moving the finished database over the old one. */
  swapMs: number;
  /** Number of COPY statements. */
  copies: number;
}

export interface KuzuBuildStats {
  nodes: number;
  edges: number;
  ms: number;
  phases: KuzuLoadPhases;
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

/** Rows encoded per string: small strings, which V8 collects young (see `writeStrings`). */
const ROWS_PER_CHUNK = 128;

/** The header line, then the rows a chunk at a time. */
function* csvChunks(columns: readonly KuzuColumn[], rows: number, encode: (start: number, end: number) => string): Generator<string> {
  yield csvHeader(columns) + '\n';
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) yield encode(start, Math.min(rows, start + ROWS_PER_CHUNK));
}

/** Writes a CSV file through one reused buffer; each write yields, so queued COPY statements move on meanwhile. */
async function writeCsv(file: string, columns: readonly KuzuColumn[], rows: number, encode: (start: number, end: number) => string): Promise<void> {
  await writeStrings(file, csvChunks(columns, rows, encode));
}

type StatementKind = 'ddlMs' | 'copyMs' | 'commitMs';

/**
 * Runs statements one after another on one connection, in the background:
 * `push` returns at once, so the next CSV file is written while Kuzu runs the
 * previous COPY. After a failure the remaining statements are skipped and
 * `drain` throws the first error.
 */
function createStatementQueue(conn: Connection, phases: KuzuLoadPhases): { push(statement: string, kind: StatementKind): void; drain(): Promise<void>; failed(): boolean } {
  let tail: Promise<void> = Promise.resolve();
  let failure = false;
  return {
    push(statement, kind) {
      tail = tail.then(async () => {
        const t = performance.now();
        try {
          await runAll(conn, statement);
        } catch (e) {
          failure = true;
          throw new StoreError(`Kuzu build failed: ${errorMessage(e).split('\n')[0]}`, 'STORE_FAILED', { cause: e });
        }
        phases[kind] += performance.now() - t;
      });
      // The error is reported by drain(); this keeps it from counting as unhandled meanwhile.
      tail.catch(() => undefined);
    },
    drain: () => tail,
    failed: () => failure,
  };
}

/**
 * Writes each non-empty table to a CSV file in `csvDir` and queues its COPY, or with `insert` its
 * CREATE through LOAD FROM (rows added to a big store: see `createNodeInsert`).
 */
async function copyTables(queue: ReturnType<typeof createStatementQueue>, tables: GraphTables, csvDir: string, schema: GraphSchema, phases: KuzuLoadPhases, insert = false): Promise<void> {
  let n = 0;
  for (const table of tables.nodes) {
    if (table.keys.length === 0 || queue.failed()) continue;
    const file = path.join(csvDir, `node-${n++}-${table.label}.csv`);
    const columns = nodeColumns(schema, table.label);
    const keyName = schema.nodes[table.label]!.key;
    const nullMark = nodeNullMark(table, columns);
    await writeCsv(file, columns, table.keys.length, (start, end) => encodeNodeRows(table, columns, keyName, nullMark, start, end));
    queue.push((insert ? createNodeInsert : createNodeCopy)(schema, table.label, file, nullMark), 'copyMs');
    phases.copies++;
  }
  for (const table of tables.edges) {
    if (table.keys.length === 0 || queue.failed()) continue;
    const file = path.join(csvDir, `edge-${n++}-${table.type}-${table.fromLabel}-${table.toLabel}.csv`);
    const columns = edgeColumns(schema, table.type);
    const nullMark = edgeNullMark(table, columns);
    await writeCsv(file, columns, table.keys.length, (start, end) => encodeEdgeRows(table, columns, nullMark, start, end));
    queue.push((insert ? createEdgeInsert : createEdgeCopy)(schema, table, file, nullMark), 'copyMs');
    phases.copies++;
  }
}

/**
 * Builds a Kuzu database at `dir` (a path such as `out/graph.kuzu`) from the
 * graph, replacing any previous one only once the new one is complete.
 *
 * The DDL and the COPY statements run in the background on Kuzu's threads
 * while the CSV files are written; all COPYs share one transaction (one
 * commit, one checkpoint). Kuzu needs one COPY per REL table FROM/TO pair.
 */
export async function writeKuzuStore(graph: NewsGraph, dir: string, schema: GraphSchema = loadGraphSchema()): Promise<KuzuBuildStats> {
  const t0 = performance.now();
  const phases: KuzuLoadPhases = { partitionMs: 0, csvMs: 0, ddlMs: 0, copyMs: 0, commitMs: 0, closeMs: 0, swapMs: 0, copies: 0 };
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmpDb = path.join(parent, `.${path.basename(target)}.building-${tag}`);
  const csvDir = await mkdtemp(path.join(parent, `.${path.basename(target)}.csv-${tag}-`));
  const untrack = [trackTemp(csvDir), trackTemp(tmpDb), ...SIDE_FILES.map((ext) => trackTemp(tmpDb + ext))];
  let db: Database | undefined;
  let conn: Connection | undefined;
  let queue: ReturnType<typeof createStatementQueue> | undefined;
  let nodes: number;
  let edges: number;
  try {
    const openStart = performance.now();
    db = new kuzu.Database(tmpDb);
    conn = new kuzu.Connection(db);
    await conn.init();
    phases.ddlMs = performance.now() - openStart;
    queue = createStatementQueue(conn, phases);
    // One transaction for the DDL and every COPY: one commit instead of one per statement. The
    // DDL goes as one multi-statement query, started before the graph is split below, so Kuzu runs
    // all of it on its own thread meanwhile (one query per statement would each wait for the split).
    queue.push(['BEGIN TRANSACTION', ...createKuzuDdl(schema)].join(';\n'), 'ddlMs');
    await new Promise(setImmediate);
    const partitionStart = performance.now();
    const tables = partitionGraph(graph, schema);
    phases.partitionMs = performance.now() - partitionStart;
    nodes = tables.nodes.reduce((s, t) => s + t.keys.length, 0);
    edges = tables.edges.reduce((s, t) => s + t.keys.length, 0);
    const csvStart = performance.now();
    await copyTables(queue, tables, csvDir, schema, phases);
    phases.csvMs = performance.now() - csvStart;
    queue.push('COMMIT', 'commitMs');
    await queue.drain();
    const closeStart = performance.now();
    await conn.close();
    conn = undefined;
    await db.close();
    db = undefined;
    phases.closeMs = performance.now() - closeStart;
    const swapStart = performance.now();
    await replaceDatabase(tmpDb, target, tag);
    phases.swapMs = performance.now() - swapStart;
  } catch (e) {
    // A statement may still be running (e.g. a CSV write failed meanwhile): let it end before closing.
    await queue?.drain().catch(() => undefined);
    if (conn) await conn.close().catch(() => undefined);
    if (db) await db.close().catch(() => undefined);
    await removeDatabase(tmpDb);
    throw e instanceof NgError ? e : new StoreError(`Kuzu build failed: ${errorMessage(e)}`, 'STORE_FAILED', { cause: e });
  } finally {
    await rm(csvDir, { recursive: true, force: true });
    for (const u of untrack) u();
  }
  for (const key of Object.keys(phases) as Array<keyof KuzuLoadPhases>) if (key !== 'copies') phases[key] = Math.round(phases[key]);
  return {
    nodes,
    edges,
    ms: Math.round(performance.now() - t0),
    phases,
  };
}

/** What an append changes in a store (see `updateKuzuStore`). */
export interface KuzuStoreUpdate {
  /** Articles whose rows go first: their Article and Quote nodes and every edge they hold. */
  readonly dropArticles: readonly string[];
  /** Entity nodes that go, with their edges. */
  readonly dropNodes: readonly { readonly label: string; readonly key: string }[];
  /** Entity nodes whose properties are set anew (attributes as on the graph's node). */
  readonly setNodes: readonly { readonly label: string; readonly key: string; readonly attrs: Readonly<Record<string, unknown>> }[];
  /** Rows added: every node and edge of this graph but the nodes `existing` names (they are in the store). */
  readonly graph: NewsGraph;
  readonly existing: (key: string) => boolean;
  /** The share of the database file the log may reach before it is folded in (default `LOG_SHARE`). */
  readonly logShare?: number;
  /** The store as `openKuzuForUpdate` opened it ahead of the update (else it is opened here). */
  readonly opened?: Promise<KuzuHandle>;
}

/** Opens the store for `updateKuzuStore`, which may then be given it; Kùzu opens it on its own threads meanwhile. */
export async function openKuzuForUpdate(dir: string): Promise<KuzuHandle> {
  const handle = await openKuzu(dir, { readOnly: false, autoCheckpoint: false });
  // Kùzu folds its log into the file at a checkpoint: after COMMIT when the log is big, and on close: only the former, when `logIsBig`.
  await runAll(handle.conn, 'CALL force_checkpoint_on_close=false').catch((e: unknown) => handle.close().then(() => Promise.reject(e)));
  return handle;
}

/**
 * Where the time of one in-place update went (milliseconds, wall clock): opening (Kùzu replays
 * the log here), deleting the rows that go, setting the changed nodes, adding the new rows
 * (their CSV files and statements), counting the rows, COMMIT, folding the log into the file
 * (only when it has passed its share: `logIsBig`), closing.
 */
export type KuzuUpdatePhases = Record<'openMs' | 'deleteMs' | 'setMs' | 'copyMs' | 'countMs' | 'commitMs' | 'checkpointMs' | 'closeMs', number>;

/**
 * Updates the store at `dir` in place of a rebuild: the deletions, the
 * updates and the COPYs of the new rows run in one transaction, which Kùzu
 * makes atomic and durable (a run stopped before COMMIT leaves the old store,
 * its log discarded when it is next opened). Costs what changes. Returns the
 * rows added and, in `totals`, the nodes and edges the store then holds
 * (`before` plus what was added, less what was deleted).
 */
export async function updateKuzuStore(
  dir: string,
  update: KuzuStoreUpdate,
  schema: GraphSchema = loadGraphSchema(),
): Promise<{ nodes: number; edges: number; ms: number; phases: KuzuUpdatePhases; totals: { nodes: number; edges: number } }> {
  const t0 = performance.now();
  const phases: KuzuUpdatePhases = { openMs: 0, deleteMs: 0, setMs: 0, copyMs: 0, countMs: 0, commitMs: 0, checkpointMs: 0, closeMs: 0 };
  let last = t0;
  const lap = (name: keyof KuzuUpdatePhases): void => {
    const now = performance.now();
    phases[name] += Math.round(now - last);
    last = now;
  };
  const target = await resolveKuzuDatabase(dir);
  const parent = path.dirname(target);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const csvDir = await mkdtemp(path.join(parent, `.${path.basename(target)}.csv-${tag}-`));
  const untrack = trackTemp(csvDir);
  const all = partitionGraph(update.graph, schema);
  const tables: GraphTables = {
    ...all,
    nodes: all.nodes.map((t) => {
      const keep = t.keys.map((k) => !update.existing(k));
      return { ...t, keys: t.keys.filter((_, i) => keep[i]), attrs: t.attrs.filter((_, i) => keep[i]) };
    }),
  };
  let handle: KuzuHandle | undefined;
  let queue: ReturnType<typeof createStatementQueue> | undefined;
  let committed = false;
  let totals: { nodes: number; edges: number } | undefined;
  try {
    handle = await (update.opened ?? openKuzuForUpdate(target));
    lap('openMs');
    await runAll(handle.conn, 'BEGIN TRANSACTION');
    await dropRows(handle.conn, update, schema);
    lap('deleteMs');
    const prepared = new Map<string, PreparedStatement>();
    for (const node of update.setNodes) await setNode(handle.conn, schema, node, prepared);
    lap('setMs');
    const loadPhases: KuzuLoadPhases = { partitionMs: 0, csvMs: 0, ddlMs: 0, copyMs: 0, commitMs: 0, closeMs: 0, swapMs: 0, copies: 0 };
    queue = createStatementQueue(handle.conn, loadPhases);
    await copyTables(queue, tables, csvDir, schema, loadPhases, true);
    await queue.drain();
    lap('copyMs');
    const [nodes, edges] = [await runKuzuQuery(handle.conn, 'MATCH (n) RETURN count(*) AS n'), await runKuzuQuery(handle.conn, 'MATCH ()-[r]->() RETURN count(*) AS n')];
    totals = { nodes: Number(nodes.rows[0]?.n ?? 0), edges: Number(edges.rows[0]?.n ?? 0) };
    lap('countMs');
    await runAll(handle.conn, 'COMMIT');
    committed = true;
    lap('commitMs');
    if (await logIsBig(target, update.logShare ?? LOG_SHARE)) await runAll(handle.conn, 'CHECKPOINT');
    lap('checkpointMs');
    await handle.close();
    handle = undefined;
    lap('closeMs');
  } catch (e) {
    await queue?.drain().catch(() => undefined);
    if (handle && !committed) await runAll(handle.conn, 'ROLLBACK').catch(() => undefined);
    await handle?.close().catch(() => undefined);
    throw e instanceof NgError ? e : new StoreError(`Kuzu update failed: ${errorMessage(e)}`, 'STORE_FAILED', { cause: e });
  } finally {
    await rm(csvDir, { recursive: true, force: true });
    untrack();
  }
  const count = (list: readonly { keys: readonly string[] }[]): number => list.reduce((n, t) => n + t.keys.length, 0);
  return { nodes: count(tables.nodes), edges: count(tables.edges), ms: Math.round(performance.now() - t0), phases, totals: totals ?? { nodes: 0, edges: 0 } };
}

/**
 * The share of the database file its write-ahead log may reach before an update folds it in. A
 * checkpoint rewrites much of every table it touches (one edge added to the corpus store: 2.7 s
 * and 5 MB more file; an append of 1 % of it: 14 s and 64 MB), so it waits until the log holds a
 * fair part of the store: its cost, spread over the updates that filled the log, stays in proportion
 * to what they added, and a reader, which replays the log when it opens the store, never replays much.
 */
const LOG_SHARE = 0.25;

async function logIsBig(file: string, share: number): Promise<boolean> {
  const [db, log] = await Promise.all([stat(file), stat(`${file}.wal`).catch(() => undefined)]);
  return (log?.size ?? 0) > share * db.size;
}

async function prepare(conn: Connection, cypher: string): Promise<PreparedStatement> {
  const statement = await conn.prepare(cypher);
  if (!statement.isSuccess()) throw new StoreError(`Kuzu update failed: ${oneLine(statement.getErrorMessage())}`, 'STORE_FAILED');
  return statement;
}

async function runWith(conn: Connection, cypher: string, params: Record<string, KuzuValue>): Promise<void> {
  const res = await conn.execute(await prepare(conn, cypher), params);
  for (const r of Array.isArray(res) ? res : [res]) r.close();
}

/** Deletes the rows of the dropped articles and the dropped entity nodes. */
async function dropRows(conn: Connection, update: KuzuStoreUpdate, schema: GraphSchema): Promise<void> {
  const ids = [...update.dropArticles];
  if (ids.length) {
    for (const type of Object.keys(schema.edges)) {
      if (edgePropertyTypes(schema, type).article !== undefined) await runWith(conn, `MATCH ()-[r:${kuzuName(type)}]->() WHERE r.article IN $ids DELETE r`, { ids });
    }
    for (const [label, node] of Object.entries(schema.nodes)) {
      if (label === 'Article') await deleteNodes(conn, schema, label, `n.${kuzuName(node.key)} IN $keys`, { keys: ids.map(articleKey) });
      else if (node.properties.article !== undefined) await deleteNodes(conn, schema, label, 'n.article IN $ids', { ids });
    }
  }
  const byLabel = new Map<string, string[]>();
  for (const { label, key } of update.dropNodes) byLabel.set(label, [...(byLabel.get(label) ?? []), key]);
  for (const [label, keys] of byLabel) await deleteNodes(conn, schema, label, `n.${kuzuName(schema.nodes[label]!.key)} IN $keys`, { keys });
}

/**
 * Deletes the nodes of `label` that `where` selects (on `n`), their edges first, one by one: kùzu
 * 0.11.3 replays a DETACH DELETE from its write-ahead log wrongly (it deletes other edges of the
 * table when the store is next opened), while it replays the deletion of an edge as it was done.
 */
async function deleteNodes(conn: Connection, schema: GraphSchema, label: string, where: string, params: Record<string, KuzuValue>): Promise<void> {
  const pairs = Object.keys(schema.edges).flatMap((type) => edgePairs(schema, type));
  const n = `n:${kuzuName(label)}`;
  if (pairs.some(([from]) => from === label)) await runWith(conn, `MATCH (${n})-[r]->() WHERE ${where} DELETE r`, params);
  if (pairs.some(([, to]) => to === label)) await runWith(conn, `MATCH ()-[r]->(${n}) WHERE ${where} DELETE r`, params);
  await runWith(conn, `MATCH (${n}) WHERE ${where} DELETE n`, params);
}

/**
 * Sets every schema property of one node (a missing one to NULL). `prepared` keeps the statements
 * by text: nodes whose properties are missing or empty alike share one, and preparing costs more than running.
 */
async function setNode(conn: Connection, schema: GraphSchema, node: KuzuStoreUpdate['setNodes'][number], prepared: Map<string, PreparedStatement>): Promise<void> {
  const def = schema.nodes[node.label]!;
  const params: Record<string, KuzuValue> = { key: node.key };
  const sets: string[] = [];
  Object.entries(def.properties).forEach(([name, type], i) => {
    if (name === def.key) return;
    const value = node.attrs[name];
    let expr = 'NULL';
    if (Array.isArray(value) && value.length === 0) expr = 'CAST([] AS STRING[])';
    else if (value !== undefined && value !== null) {
      params[`p${i}`] = value as KuzuValue;
      expr = `CAST($p${i} AS ${kuzuType(type)})`;
    }
    sets.push(`n.${kuzuName(name)} = ${expr}`);
  });
  const cypher = `MATCH (n:${kuzuName(node.label)}) WHERE n.${kuzuName(def.key)} = $key SET ${sets.join(', ')}`;
  const statement = prepared.get(cypher) ?? (await prepare(conn, cypher));
  prepared.set(cypher, statement);
  const res = await conn.execute(statement, params);
  for (const r of Array.isArray(res) ? res : [res]) r.close();
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
function missingStoreError(dir: string): StoreError {
  return new StoreError(`no graph database at ${dir}: run \`newsgraph build\` first (or pass --db)`, 'STORE_FAILED');
}

/** The first bytes of every Kùzu database file. */
const KUZU_MAGIC = 'KUZU';

/**
 * The database file for a `--db` argument: the file itself, or `graph.kuzu`
 * in an output folder of `newsgraph build`. Anything that is not a Kùzu
 * database (an empty file, the null device, another file) is refused, so it
 * is never opened as a new, empty database.
 */
export async function resolveKuzuDatabase(given: string): Promise<string> {
  let info = await stat(given).catch(() => undefined);
  let file = given;
  if (info?.isDirectory()) {
    file = path.join(given, 'graph.kuzu');
    info = await stat(file).catch(() => undefined);
    if (!info) throw new StoreError(`${given} is a folder without graph.kuzu: give the output folder of \`newsgraph build\` or its graph.kuzu file`, 'STORE_FAILED');
  }
  if (!info) throw missingStoreError(given);
  if (!info.isFile()) throw new StoreError(`${file} is not a database file (a ${info.isDirectory() ? 'folder' : 'device, socket or pipe'}): give the graph.kuzu written by \`newsgraph build\``, 'STORE_FAILED');
  if (info.size === 0) throw new StoreError(`${file} is an empty file, not a graph database: give the graph.kuzu written by \`newsgraph build\``, 'STORE_FAILED');
  const head = Buffer.alloc(KUZU_MAGIC.length);
  const fd = await open(file, 'r');
  try {
    await fd.read(head, 0, head.length, 0);
  } finally {
    await fd.close();
  }
  if (head.toString('latin1') !== KUZU_MAGIC) throw new StoreError(`${file} is not a Kùzu database (its first bytes are not "${KUZU_MAGIC}"): give the graph.kuzu written by \`newsgraph build\``, 'STORE_FAILED');
  return file;
}

/** Opens an existing store (read-only unless asked otherwise); `dir` may be the database file or an output folder holding graph.kuzu. */
async function openKuzu(dir: string, options: { readOnly?: boolean; autoCheckpoint?: boolean } = {}): Promise<KuzuHandle> {
  const file = await resolveKuzuDatabase(dir);
  const db = new kuzu.Database(file, 0, true, options.readOnly ?? true, 0, options.autoCheckpoint ?? true);
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
    throw new StoreError(`cannot open the graph database at ${file}: ${oneLine(errorMessage(e))}`, 'STORE_FAILED', { cause: e });
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

/** Opens the store once and runs statements one after another (no parameters). */
export async function queryKuzuMany(dir: string, statements: readonly string[]): Promise<KuzuQueryResult[]> {
  const handle = await openKuzu(dir);
  try {
    const out: KuzuQueryResult[] = [];
    for (const cypher of statements) out.push(await runKuzuQuery(handle.conn, cypher));
    return out;
  } finally {
    await handle.close();
  }
}

/** The rows of one statement, read one at a time (Kùzu holds the result; only what is read becomes JS objects). */
export interface KuzuRowStream {
  readonly columns: string[];
  /** How many rows the statement returned. */
  readonly total: number;
  /** The next row, or undefined after the last. */
  next(): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
}

/** Kùzu's message when a query was stopped by the connection's timeout. */
const INTERRUPTED = /^Interrupted/;

/**
 * Opens the store and runs one statement; rows are read with `next()`.
 * `timeoutMs` stops a statement that runs longer (QUERY_FAILED naming the limit).
 */
export async function streamKuzuQuery(dir: string, cypher: string, params: Record<string, unknown> = {}, options: { timeoutMs?: number } = {}): Promise<KuzuRowStream> {
  const handle = await openKuzu(dir);
  let result: QueryResult | QueryResult[];
  try {
    if (options.timeoutMs) handle.conn.setQueryTimeout(options.timeoutMs);
    const statement = await handle.conn.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    result = await handle.conn.execute(statement, params as Record<string, KuzuValue>);
  } catch (e) {
    await handle.close().catch(() => undefined);
    const message = oneLine(errorMessage(e));
    if (options.timeoutMs && INTERRUPTED.test(message)) {
      throw new NgError(`query stopped: it ran longer than the timeout of ${options.timeoutMs / 1000} s (--timeout)`, 'QUERY_FAILED', { cause: e });
    }
    throw new NgError(`query failed: ${message}`, 'QUERY_FAILED', { cause: e });
  }
  const results = Array.isArray(result) ? result : [result];
  const last = results[results.length - 1]!;
  const columns = last.getColumnNamesSync();
  const close = async (): Promise<void> => {
    for (const r of results) r.close();
    await handle.close();
  };
  return {
    columns,
    total: last.getNumTuples(),
    async next() {
      if (!last.hasNext()) return undefined;
      const row = await last.getNext();
      return row ? Object.fromEntries(columns.map((c) => [c, plain(row[c] ?? null)])) : undefined;
    },
    close,
  };
}
