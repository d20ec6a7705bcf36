/**
 * Pushes a graph into a live Neo4j with the official driver: connectivity
 * check, constraints and key indexes first, then batched `UNWIND $rows ...
 * MERGE` on the stable keys (one statement per label and per relationship
 * type), each batch in its own write transaction.
 * Values always travel as parameters. Pushing twice changes nothing; pushing
 * a bigger graph adds only what is new; a push cut off halfway and run again
 * ends in the graph of one clean push.
 *
 * Retries are ours, not the driver's: each batch runs in an explicit
 * transaction (the driver's managed `executeWrite` would retry on its own,
 * for up to 30 s, unseen and untestable). A transient failure (the driver's
 * `isRetryableError`: ServiceUnavailable, SessionExpired,
 * Neo.TransientError.*; or a dropped socket) is retried a bounded number of
 * times with exponential backoff and jitter, in a fresh session, and reported
 * through `onRetry`. Re-running a batch whose commit was lost is harmless
 * (MERGE on keys). The wait and the driver are injectable for tests.
 *
 * `createPushPlan` is pure; `pushToNeo4j` does the I/O. Errors come back as
 * one-line NgErrors (NEO4J_UNAVAILABLE / NEO4J_AUTH / NEO4J_DATABASE /
 * STORE_FAILED) that never contain the password.
 */
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import type { NewsGraph } from '../graph/attributes.js';
import { ConfigError, NgError, StoreError, errorMessage } from '../errors.js';
import type { GraphSchema, PropertyType } from './graph-schema.js';
import { edgePropertyTypes, groupGraph, loadGraphSchema } from './graph-schema.js';
import { chunk, createConstraintStatements, mergeNodesStatement, mergeTypeEdgesStatement } from './neo4j-statements.js';
import { createPruneSteps, runPrune, type PruneStats } from './neo4j-prune.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** Database name; the server's default database when omitted. */
  database?: string;
}

export interface RetryPolicy {
  /** Retries after the first attempt (default 4; the connectivity check gets at most 2). */
  retries?: number;
  /** First wait in ms (default 500); doubled after each failure, up to `maxDelayMs` (default 5000). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Waits `ms` (default: a timer); tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
}

export interface RetryEvent {
  /** What is retried: `connectivity check`, `constraints`, `batch 3 of 10 (Person)`. */
  what: string;
  /** 1 for the first retry. */
  attempt: number;
  retries: number;
  delayMs: number;
  /** One line, without the password. */
  reason: string;
}

/** The part of a neo4j-driver transaction a push uses. */
export interface PushTransaction {
  run(statement: string, params?: Record<string, unknown>): Promise<{ summary: { counters: { updates(): Record<string, number> } } }>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** The part of a neo4j-driver session a push uses. */
interface PushSession {
  beginTransaction(config?: { timeout?: number }): Promise<PushTransaction>;
  close(): Promise<void>;
}

/** The part of a neo4j-driver Driver a push uses (a fake in tests). */
export interface PushDriver {
  verifyConnectivity(config: { database?: string }): Promise<unknown>;
  session(config: { database?: string }): PushSession;
  close(): Promise<void>;
}

/**
 * Rows per transaction. Larger ones are slower per row on Neo4j 5.26: a
 * MERGE planned on the relationship key index also searches the
 * transaction's own new relationships, which grow with the batch.
 */
const DEFAULT_BATCH_SIZE = 1000;

export interface PushOptions {
  /** Rows per UNWIND batch, one transaction each (default 1000). */
  batchSize?: number;
  schema?: GraphSchema;
  /** Called after each batch is committed. */
  onProgress?: (done: number, total: number) => void;
  retry?: RetryPolicy;
  /** Called before each wait for a retry. */
  onRetry?: (event: RetryEvent) => void;
  /** Connection timeout of the real driver in ms (default 10,000; a server that never answers is given twice that). */
  connectionTimeoutMs?: number;
  /**
   * The longest wait in ms for any one answer of the server (the connectivity
   * check, a transaction's statement or commit; default 120,000). Also sent as
   * the server-side transaction timeout. A server that goes silent (after the
   * handshake, or mid-push) ends the push with NEO4J_UNAVAILABLE, not retried.
   */
  transactionTimeoutMs?: number;
  /** Makes the driver (default: neo4j-driver's, for `conn`). */
  createDriver?: (conn: Neo4jConnection) => PushDriver;
  /** After the batches, delete what newsgraph wrote that the graph no longer holds (see neo4j-prune.ts). Default false. */
  prune?: boolean;
}

interface PushBatch {
  readonly statement: string;
  readonly rows: Array<Record<string, unknown>>;
  /** `Person` or `URGED`, for messages. */
  readonly what: string;
}

export interface PushPlan {
  readonly constraints: string[];
  readonly batches: PushBatch[];
  readonly nodes: number;
  readonly edges: number;
}

export interface PushStats {
  nodes: number;
  edges: number;
  batches: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  ms: number;
  /** What the prune removed (with `prune`). */
  removed?: PruneStats;
}

/** A property value as a driver parameter: INT64 as a Neo4j Integer (a JS number would be stored as a float). */
function paramValue(type: PropertyType, value: unknown): unknown {
  switch (type) {
    case 'INT64':
      return neo4j.int(Math.trunc(Number(value)));
    case 'DOUBLE':
      return Number(value);
    case 'STRING':
      return String(value);
    case 'STRING[]':
      return (Array.isArray(value) ? value : [value]).map(String);
    case 'BOOLEAN':
      return Boolean(value);
  }
}

function paramProps(types: Record<string, PropertyType>, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (k !== 'key') out[k] = paramValue(types[k]!, v);
  return out;
}

/** The items grouped by `keyOf`, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = out.get(key);
    if (group) group.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** Every statement and parameter batch a push sends, in order. Pure. */
export function createPushPlan(graph: NewsGraph, options: Pick<PushOptions, 'batchSize' | 'schema'> = {}): PushPlan {
  const schema = options.schema ?? loadGraphSchema();
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const grouped = groupGraph(graph, schema);
  const batches: PushBatch[] = [];
  let nodes = 0;
  let edges = 0;
  for (const group of grouped.nodes) {
    const types = schema.nodes[group.label]!.properties;
    nodes += group.rows.length;
    const statement = mergeNodesStatement(schema, group.label);
    for (const part of chunk(group.rows, size)) {
      batches.push({ statement, what: group.label, rows: part.map((r) => ({ key: r.key, props: paramProps(types, r.props) })) });
    }
  }
  // One statement per relationship type (not per label pair): every distinct statement costs the server a plan.
  for (const [type, groups] of groupBy(grouped.edges, (g) => g.type)) {
    const types = edgePropertyTypes(schema, type);
    const rows = groups.flatMap((g) =>
      g.rows.map((r) => ({ key: r.key, from: r.from, fromLabel: g.fromLabel, to: r.to, toLabel: g.toLabel, props: paramProps(types, r.props) })),
    );
    edges += rows.length;
    const labels = (side: 'fromLabel' | 'toLabel'): string[] => [...new Set(groups.map((g) => g[side]))];
    const statement = mergeTypeEdgesStatement(schema, type, labels('fromLabel'), labels('toLabel'));
    for (const part of chunk(rows, size)) batches.push({ statement, what: type, rows: part });
  }
  return { constraints: createConstraintStatements(schema), batches, nodes, edges };
}

/** `scheme://` then everything up to the last `@` before the host: the whole user-info part, even with a raw `@` in the password. */
const URI_USER_INFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s]*@/g;

/**
 * Removes the password from a message: the whole user-info part of every URI
 * (`bolt://***@host`), then each place the password itself stands, except
 * inside `publicParts` (the URI without credentials, the user, the database):
 * a password equal to a word the message holds anyway (`neo4j`) must not be
 * told by a `***` put in that word's place.
 */
export function redact(message: string, secret: string | undefined, publicParts: ReadonlyArray<string | undefined> = []): string {
  const out = message.replace(URI_USER_INFO, '$1***@');
  if (!secret) return out;
  // A very short password only where it stands alone, so that messages stay readable.
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = secret.length >= 4 ? new RegExp(escaped, 'g') : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  // Spans of the message that are public text containing the password.
  const shielded: Array<[number, number]> = [];
  for (const part of publicParts) {
    if (!part || !part.includes(secret)) continue;
    for (let i = out.indexOf(part); i >= 0; i = out.indexOf(part, i + 1)) shielded.push([i, i + part.length]);
  }
  return out.replace(pattern, (match: string, offset: number) =>
    shielded.some(([a, b]) => offset >= a && offset + match.length <= b) ? match : '***',
  );
}

/** The public words of a connection, which `redact` leaves alone: the URI without credentials, its scheme, host and port, the user, the database. */
export function publicParts(conn: Neo4jConnection): string[] {
  const uri = safeUri(conn.uri);
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/:?#\s]*)(?::(\d+))?/.exec(uri);
  return ['Neo4j', 'neo4j', uri, ...(m ? [m[1]!, m[2]!, m[3] ?? ''] : []), conn.user, conn.database ?? ''].filter((p) => p.length > 0);
}

/** A URI without credentials, for messages (the whole user-info part goes, even with a raw `@` in the password). */
export const safeUri = (uri: string): string => uri.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s]*@/, '$1');

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Maps a driver error to a one-line NgError saying what happened and what to do. */
export function mapNeo4jError(e: unknown, conn: Neo4jConnection, context = ''): NgError {
  if (e instanceof NgError) return e;
  const err = e as { code?: string; gqlStatus?: string; message?: string };
  const code = err?.code ?? '';
  // The driver's routing-table dump says nothing a user can act on.
  const detail = oneLine(redact(errorMessage(e), conn.password, publicParts(conn)).replace(/\s*Known routing table:[\s\S]*$/, ''));
  const where = safeUri(conn.uri);
  const db = conn.database ?? '(default)';
  const suffix = context ? ` ${context}` : '';
  const retried = retriesOf.get(e as object);
  const gaveUp = retried ? ` (gave up after ${retried} ${retried === 1 ? 'retry' : 'retries'})` : '';
  if (e instanceof SilentServerError) {
    return new StoreError(
      `Neo4j at ${where} stopped answering (${e.message}): is the server overloaded or hung? Raise --timeout if its batches are slow.${suffix}`,
      'NEO4J_UNAVAILABLE',
      { cause: e },
    );
  }
  const nobody = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|Could not perform discovery|No routing servers available|Failed to connect to server/i.exec(detail);
  if (nobody && !context.includes('batches were committed')) {
    const why = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)\b/.exec(detail)?.[1] ?? (/discovery|routing/i.test(detail) ? 'no server to route to' : 'no connection');
    return new StoreError(
      `Neo4j is not reachable at ${where}${gaveUp}: nothing answers there (${why}). Start the server or point --uri / NEO4J_URI at it.${suffix}`,
      'NEO4J_UNAVAILABLE',
      { cause: e, retriable: true },
    );
  }
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(detail)) {
    return new StoreError(
      `Neo4j is not reachable at ${where}${gaveUp}: ${detail}. Start the server or point --uri / NEO4J_URI at it.${suffix}`,
      'NEO4J_UNAVAILABLE',
      { cause: e, retriable: true },
    );
  }
  if (/^Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired|TokenExpired|Forbidden|AuthorizationExpired)/.test(code)) {
    return new StoreError(
      `Neo4j at ${where} refused user "${conn.user}" (${code.split('.').pop()}): check --user / NEO4J_USERNAME and NEO4J_PASSWORD.${suffix}`,
      'NEO4J_AUTH',
      { cause: e },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database .* (does not exist|not found)/i.test(detail)) {
    return new StoreError(
      `Neo4j at ${where} has no database "${db}": create it (CREATE DATABASE \`${db}\`) or choose another with --database / NEO4J_DATABASE.${suffix}`,
      'NEO4J_DATABASE',
      { cause: e },
    );
  }
  if (/Connection acquisition timed out/i.test(detail)) {
    return new StoreError(
      `Neo4j at ${where} accepted the connection but did not answer${gaveUp}: is it a Neo4j Bolt port, and is the server healthy?${suffix}`,
      'NEO4J_UNAVAILABLE',
      { cause: e, retriable: true },
    );
  }
  if (NETWORK_ERROR.test(detail)) {
    return new StoreError(`the connection to Neo4j at ${where} was lost${gaveUp}: ${detail}.${suffix}`, 'NEO4J_UNAVAILABLE', { cause: e, retriable: true });
  }
  if (/^Neo\.ClientError\.Database\.DatabaseUnavailable|^Neo\.TransientError\.General\.DatabaseUnavailable/.test(code)) {
    return new StoreError(`Neo4j database "${db}" at ${where} is unavailable (stopped or starting): ${detail}.${suffix}`, 'NEO4J_DATABASE', { cause: e, retriable: true });
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new StoreError(`Neo4j at ${where} kept failing with a transient error${gaveUp} (${code}): ${detail}.${suffix}`, 'STORE_FAILED', { cause: e, retriable: true });
  }
  return new StoreError(`Neo4j push failed${code ? ` (${code})` : ''}: ${detail}.${suffix}`, 'STORE_FAILED', { cause: e });
}

function createDriver(conn: Neo4jConnection, connectionTimeoutMs = 10_000): Driver {
  try {
    return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      connectionTimeout: connectionTimeoutMs,
      // A server that accepts but never answers holds a connection attempt until this runs out (default 60 s).
      connectionAcquisitionTimeout: 2 * connectionTimeoutMs,
      maxTransactionRetryTime: 30_000,
      disableLosslessIntegers: false,
    });
  } catch (e) {
    throw new ConfigError(
      `invalid Neo4j URI "${safeUri(conn.uri)}": ${oneLine(redact(errorMessage(e), conn.password, publicParts(conn)))} (expected e.g. neo4j://localhost:7687)`,
      'CONFIG_INVALID',
      { cause: e },
    );
  }
}

/** neo4j-driver's Driver for `conn`, seen as a PushDriver: explicit transactions, so that no retry happens behind our back. */
function createPushDriver(conn: Neo4jConnection, connectionTimeoutMs?: number): PushDriver {
  const driver = createDriver(conn, connectionTimeoutMs);
  return {
    verifyConnectivity: (config) => driver.verifyConnectivity(config),
    session(config) {
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...config });
      return {
        async beginTransaction(config) {
          const tx = await session.beginTransaction(config);
          return {
            run: async (statement, params) => await tx.run(statement, params),
            commit: () => tx.commit(),
            rollback: () => tx.rollback(),
          };
        },
        close: () => session.close(),
      };
    },
    close: () => driver.close(),
  };
}

/** How many times a failure that was finally given up on had been retried (for its message). */
const retriesOf = new WeakMap<object, number>();

/** Socket-level failures that can come through without a Neo4j error code. */
const NETWORK_ERROR = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ECONNABORTED|socket hang up|Connection was closed|connection.*(closed|lost|reset)|Connection acquisition timed out/i;

/** Whether a failure is worth another try: the driver's retryable errors and dropped sockets. Auth and syntax errors are not. */
export function isTransientError(e: unknown): boolean {
  if (e instanceof NgError) return e.retriable;
  if (e instanceof SilentServerError) return false;
  if (neo4j.isRetryableError(e)) return true;
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('Neo.')) return code.startsWith('Neo.TransientError.');
  return NETWORK_ERROR.test(errorMessage(e));
}

/** The wait before retry number `attempt` (1-based): exponential, capped, with half of it random ("equal jitter"). */
export function retryDelay(attempt: number, policy: RetryPolicy = {}): number {
  const initial = policy.initialDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 5_000;
  const base = Math.min(max, initial * 2 ** (attempt - 1));
  return Math.round(base / 2 + (base / 2) * (policy.random ?? Math.random)());
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown when the server gives no answer in time; mapped to NEO4J_UNAVAILABLE and never retried. */
class SilentServerError extends Error {}

/** `op`, or a SilentServerError once `ms` have passed without its answer. */
async function withDeadline<T>(op: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SilentServerError(`no answer in ${Math.round(ms / 1000)} s to the ${what}`)), ms);
  });
  op.catch(() => undefined); // an answer after the deadline is dropped
  try {
    return await Promise.race([op, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `op`, retrying transient failures per the policy; the last failure is thrown as it came. */
async function withRetry<T>(
  what: string,
  op: () => Promise<T>,
  conn: Neo4jConnection,
  options: PushOptions,
  retries = options.retry?.retries ?? 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt > retries || !isTransientError(e)) {
        if (attempt > 1 && typeof e === 'object' && e !== null) retriesOf.set(e, attempt - 1);
        throw e;
      }
      const delayMs = retryDelay(attempt, options.retry);
      options.onRetry?.({ what, attempt, retries, delayMs, reason: oneLine(redact(errorMessage(e), conn.password, publicParts(conn))) });
      await (options.retry?.sleep ?? sleepFor)(delayMs);
    }
  }
}

/**
 * Pushes the graph. Constraints first, then one write transaction per
 * batch, each retried on transient failures. If it fails for good part-way,
 * the error says how many batches were committed; pushing again completes
 * it (MERGE on keys is idempotent).
 */
export async function pushToNeo4j(graph: NewsGraph, conn: Neo4jConnection, options: PushOptions = {}): Promise<PushStats> {
  const t0 = performance.now();
  const plan = createPushPlan(graph, options);
  const driver = options.createDriver ? options.createDriver(conn) : createPushDriver(conn, options.connectionTimeoutMs);
  const stats: PushStats = { nodes: plan.nodes, edges: plan.edges, batches: plan.batches.length, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, ms: 0 };
  const database = conn.database === undefined ? {} : { database: conn.database };
  const timeoutMs = options.transactionTimeoutMs ?? 120_000;
  let session: PushSession | undefined;
  const closeSession = async (): Promise<void> => {
    const s = session;
    session = undefined;
    if (s) await withDeadline(s.close(), 5_000, 'closing of the session').catch(() => undefined);
  };
  /** One statement in its own transaction; a failed one is rolled back and its session dropped (it may be expired). */
  const write = async (statement: string, params: Record<string, unknown> | undefined, what: string): Promise<Record<string, number>> => {
    session ??= driver.session(database);
    let tx: PushTransaction | undefined;
    try {
      tx = await withDeadline(session.beginTransaction({ timeout: timeoutMs }), timeoutMs, 'start of a transaction');
      const result = await withDeadline(tx.run(statement, params), timeoutMs, what);
      await withDeadline(tx.commit(), timeoutMs, `commit of the ${what}`);
      return result.summary.counters.updates();
    } catch (e) {
      if (tx) await withDeadline(tx.rollback(), 5_000, 'rollback').catch(() => undefined);
      await closeSession();
      throw e;
    }
  };
  let done = 0;
  try {
    try {
      await withRetry('connectivity check', () => withDeadline(driver.verifyConnectivity(database), timeoutMs, 'connectivity check'), conn, options, Math.min(2, options.retry?.retries ?? 4));
    } catch (e) {
      throw mapNeo4jError(e, conn);
    }
    try {
      await withRetry('constraints', async () => {
        for (const statement of plan.constraints) await write(statement, undefined, 'constraint statement');
      }, conn, options);
    } catch (e) {
      throw mapNeo4jError(e, conn, 'Nothing was written (failed while creating constraints).');
    }
    for (const [i, batch] of plan.batches.entries()) {
      try {
        const updates = await withRetry(`batch ${i + 1} of ${plan.batches.length} (${batch.what})`, () => write(batch.statement, { rows: batch.rows }, `batch ${i + 1} (${batch.what})`), conn, options);
        stats.nodesCreated += updates.nodesCreated ?? 0;
        stats.relationshipsCreated += updates.relationshipsCreated ?? 0;
        stats.propertiesSet += updates.propertiesSet ?? 0;
      } catch (e) {
        throw mapNeo4jError(
          e,
          conn,
          `${done} of ${plan.batches.length} batches were committed before the failure (at ${batch.what}); push again to complete (it is idempotent).`,
        );
      }
      done++;
      options.onProgress?.(done, plan.batches.length);
    }
    if (options.prune) {
      const steps = createPruneSteps(graph, options.schema ?? loadGraphSchema());
      stats.removed = await runPrune(steps, (step) => withRetry(`removal of ${step.what}`, () => write(step.statement, step.params, `removal of ${step.what}`), conn, options)).catch((e: unknown) => {
        throw mapNeo4jError(e, conn, `${done} of ${plan.batches.length} batches were committed; removing what the graph no longer holds failed: push again to complete (it is idempotent).`);
      });
    }
  } finally {
    await closeSession();
    await withDeadline(driver.close(), 5_000, 'closing of the connection').catch(() => undefined);
  }
  stats.ms = Math.round(performance.now() - t0);
  return stats;
}
