/**
 * Pushes a graph into a live Neo4j with the official driver: connectivity
 * check, constraints and key indexes first, then batched `UNWIND $rows ...
 * MERGE` on the stable keys, each batch in a managed write transaction (the
 * driver retries transient failures). Values always travel as parameters.
 * Pushing twice changes nothing; pushing a bigger graph adds only what is new.
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
import { chunk, createConstraintStatements, mergeEdgesStatement, mergeNodesStatement } from './neo4j-statements.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** Database name; the server's default database when omitted. */
  database?: string;
}

export interface PushOptions {
  /** Rows per UNWIND batch (default 1000). */
  batchSize?: number;
  schema?: GraphSchema;
  /** Called after each batch is committed. */
  onProgress?: (done: number, total: number) => void;
}

export interface PushBatch {
  readonly statement: string;
  readonly rows: Array<Record<string, unknown>>;
  /** `Person` or `URGED (Person->Country)`, for messages. */
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

/** Every statement and parameter batch a push sends, in order. Pure. */
export function createPushPlan(graph: NewsGraph, options: Pick<PushOptions, 'batchSize' | 'schema'> = {}): PushPlan {
  const schema = options.schema ?? loadGraphSchema();
  const size = options.batchSize ?? 1000;
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
  for (const group of grouped.edges) {
    const types = edgePropertyTypes(schema, group.type);
    edges += group.rows.length;
    const statement = mergeEdgesStatement(schema, group);
    for (const part of chunk(group.rows, size)) {
      batches.push({
        statement,
        what: `${group.type} (${group.fromLabel}->${group.toLabel})`,
        rows: part.map((r) => ({ key: r.key, from: r.from, to: r.to, props: paramProps(types, r.props) })),
      });
    }
  }
  return { constraints: createConstraintStatements(schema), batches, nodes, edges };
}

/** Removes the password (and any user:password@ in a URI) from a message. */
export function redact(message: string, secret: string | undefined): string {
  let out = message.replace(/(\/\/)[^/@\s]*:[^/@\s]*@/g, '$1***@');
  if (!secret) return out;
  if (secret.length >= 4) return out.split(secret).join('***');
  // A very short password: only where it stands alone, so that messages stay readable.
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), '***');
}

/** A URI without credentials, for messages. */
const safeUri = (uri: string): string => uri.replace(/(\/\/)[^/@\s]*@/, '$1');

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Maps a driver error to a one-line NgError saying what happened and what to do. */
export function mapNeo4jError(e: unknown, conn: Neo4jConnection, context = ''): NgError {
  if (e instanceof NgError) return e;
  const err = e as { code?: string; gqlStatus?: string; message?: string };
  const code = err?.code ?? '';
  const detail = oneLine(redact(errorMessage(e), conn.password));
  const where = safeUri(conn.uri);
  const db = conn.database ?? '(default)';
  const suffix = context ? ` ${context}` : '';
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(detail)) {
    return new StoreError(
      `Neo4j is not reachable at ${where}: ${detail}. Start the server or point --uri / NEO4J_URI at it.${suffix}`,
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
  if (/^Neo\.ClientError\.Database\.DatabaseUnavailable|^Neo\.TransientError\.General\.DatabaseUnavailable/.test(code)) {
    return new StoreError(`Neo4j database "${db}" at ${where} is unavailable (stopped or starting): ${detail}.${suffix}`, 'NEO4J_DATABASE', { cause: e, retriable: true });
  }
  return new StoreError(`Neo4j push failed${code ? ` (${code})` : ''}: ${detail}.${suffix}`, 'STORE_FAILED', { cause: e });
}

function createDriver(conn: Neo4jConnection): Driver {
  try {
    return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      connectionTimeout: 15_000,
      maxTransactionRetryTime: 30_000,
      disableLosslessIntegers: false,
    });
  } catch (e) {
    throw new ConfigError(
      `invalid Neo4j URI "${safeUri(conn.uri)}": ${oneLine(redact(errorMessage(e), conn.password))} (expected e.g. neo4j://localhost:7687)`,
      'CONFIG_INVALID',
      { cause: e },
    );
  }
}

/**
 * Pushes the graph. Constraints first, then one managed write transaction
 * per batch. If it fails part-way the error says how many batches were
 * committed; pushing again completes it (MERGE on keys is idempotent).
 */
export async function pushToNeo4j(graph: NewsGraph, conn: Neo4jConnection, options: PushOptions = {}): Promise<PushStats> {
  const t0 = performance.now();
  const plan = createPushPlan(graph, options);
  const driver = createDriver(conn);
  const stats: PushStats = { nodes: plan.nodes, edges: plan.edges, batches: plan.batches.length, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, ms: 0 };
  let done = 0;
  try {
    try {
      await driver.verifyConnectivity(conn.database === undefined ? {} : { database: conn.database });
    } catch (e) {
      throw mapNeo4jError(e, conn);
    }
    const session = driver.session({
      defaultAccessMode: neo4j.session.WRITE,
      ...(conn.database === undefined ? {} : { database: conn.database }),
    });
    try {
      for (const statement of plan.constraints) {
        try {
          await session.executeWrite((tx) => tx.run(statement));
        } catch (e) {
          throw mapNeo4jError(e, conn, 'Nothing was written (failed while creating constraints).');
        }
      }
      for (const batch of plan.batches) {
        try {
          const result = await session.executeWrite((tx) => tx.run(batch.statement, { rows: batch.rows }));
          const updates = result.summary.counters.updates();
          stats.nodesCreated += updates.nodesCreated;
          stats.relationshipsCreated += updates.relationshipsCreated;
          stats.propertiesSet += updates.propertiesSet;
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
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
  stats.ms = Math.round(performance.now() - t0);
  return stats;
}

/** Runs one read query (for the integration tests and a quick check after a push). */
export async function queryNeo4j(conn: Neo4jConnection, cypher: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const driver = createDriver(conn);
  try {
    const result = await driver.executeQuery(cypher, params, {
      routing: neo4j.routing.READ,
      ...(conn.database === undefined ? {} : { database: conn.database }),
    });
    return result.records.map((r) => {
      const o = r.toObject() as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) if (neo4j.isInt(v)) o[k] = (v as { toNumber(): number }).toNumber();
      return o;
    });
  } catch (e) {
    throw mapNeo4jError(e, conn);
  } finally {
    await driver.close();
  }
}
