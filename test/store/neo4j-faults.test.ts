/**
 * Neo4j push faults without a Neo4j server:
 * - the real driver against local TCP servers that are down, close the
 *   connection at once, speak nothing, or drop it after the Bolt handshake;
 * - a fake driver throwing neo4j-driver's real Neo4jError codes (rejected
 *   password, transient errors retried with backoff, errors given up on);
 * - idempotency: the push plan's statements run (as their Kuzu equivalents)
 *   once, twice, and cut off halfway then run again, on the embedded store,
 *   all end in the same graph, the graph the build's bulk load writes.
 * The password appears in no message, retry report or CLI output.
 */
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Connection, KuzuValue } from 'kuzu';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp as mkdtempFs, writeFile } from 'node:fs/promises';
import { command as pushCommand } from '../../src/cli/commands/push.js';
import { EXIT } from '../../src/cli/command.js';
import { createBasicGraph } from '../helpers/graphs.js';
import { isNgError, type NgError } from '../../src/errors.js';
import {
  createPushPlan,
  isTransientError,
  pushToNeo4j,
  retryDelay,
  type Neo4jConnection,
  type PushDriver,
  type PushOptions,
  type PushTransaction,
  type RetryEvent,
} from '../../src/store/neo4j-store.js';
import { createKuzuDdl, kuzuName } from '../../src/store/kuzu-schema.js';
import { edgeTypes, loadGraphSchema, nodeLabels } from '../../src/store/graph-schema.js';
import { runKuzuQuery, writeKuzuStore } from '../../src/store/kuzu-store.js';

const PASSWORD = 'hunter2-S3cret!';
const conn: Neo4jConnection = { uri: 'bolt://127.0.0.1:7687', user: 'alice', password: PASSWORD };
const schema = loadGraphSchema();

/** Options that never really wait, and record the retries. */
function quick(extra: PushOptions = {}): { options: PushOptions; retries: RetryEvent[]; waits: number[] } {
  const retries: RetryEvent[] = [];
  const waits: number[] = [];
  return {
    retries,
    waits,
    options: {
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
      onRetry: (e) => retries.push(e),
      ...extra,
    },
  };
}

const failure = async (p: Promise<unknown>): Promise<NgError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isNgError(e)) throw new Error(`expected an NgError, got ${String(e)}`);
  return e;
};

function expectClean(e: NgError, retries: readonly RetryEvent[] = []): void {
  expect(e.message).not.toContain(PASSWORD);
  expect(e.message).not.toContain('\n');
  for (const r of retries) expect(r.reason).not.toContain(PASSWORD);
}

// --- Local TCP servers standing in for a broken Neo4j -------------------------------------------------

type Behaviour = 'close' | 'silent' | 'handshake-then-close' | 'reset' | 'hello-then-silent' | 'silent-on-begin';

/** PackStream tiny string (fewer than 16 UTF-8 bytes). */
const tinyString = (s: string): Buffer => Buffer.concat([Buffer.from([0x80 + Buffer.byteLength(s)]), Buffer.from(s)]);
/** One Bolt SUCCESS message, chunked, with a map of tiny strings as metadata. */
function success(meta: Record<string, string> = {}): Buffer {
  const entries = Object.entries(meta);
  const body = Buffer.concat([Buffer.from([0xb1, 0x70, 0xa0 + entries.length]), ...entries.flatMap(([k, v]) => [tinyString(k), tinyString(v)])]);
  const size = Buffer.alloc(2);
  size.writeUInt16BE(body.length);
  return Buffer.concat([size, body, Buffer.from([0, 0])]);
}

/**
 * Speaks enough Bolt 5.4 to get past the handshake: answers the messages it
 * is sent with SUCCESS until `goSilent(signature, count)` says to stop
 * answering for good (HELLO is 0x01, LOGON 0x6A, BEGIN 0x11, RUN 0x10).
 */
function speakBolt(socket: net.Socket, goSilent: (signature: number, count: number) => boolean): void {
  let handshaken = false;
  let silent = false;
  let buffer = Buffer.alloc(0);
  let message: Buffer[] = [];
  let count = 0;
  socket.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    if (!handshaken) {
      if (buffer.length < 20) return;
      buffer = buffer.subarray(20);
      handshaken = true;
      socket.write(Buffer.from([0x00, 0x00, 0x04, 0x05]));
    }
    while (buffer.length >= 2) {
      const size = buffer.readUInt16BE(0);
      if (buffer.length < 2 + size) return;
      const chunk = buffer.subarray(2, 2 + size);
      buffer = buffer.subarray(2 + size);
      if (size > 0) {
        message.push(chunk);
        continue;
      }
      const whole = Buffer.concat(message);
      message = [];
      const signature = whole[1] ?? -1;
      if (silent || goSilent(signature, ++count)) {
        silent = true;
        continue;
      }
      if (signature === 0x02) continue; // GOODBYE
      socket.write(signature === 0x01 ? success({ server: 'Neo4j/5.26.0', connection_id: 'bolt-1' }) : success());
    }
  });
}

async function startServer(behaviour: Behaviour): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    if (behaviour === 'close') socket.end();
    else if (behaviour === 'reset') socket.resetAndDestroy();
    else if (behaviour === 'handshake-then-close') {
      let handshaken = false;
      socket.on('data', () => {
        if (handshaken) {
          socket.destroy(); // drops the connection when the driver says HELLO
          return;
        }
        handshaken = true;
        socket.write(Buffer.from([0x00, 0x00, 0x04, 0x05])); // agrees on Bolt 5.4
      });
    }
    else if (behaviour === 'hello-then-silent') speakBolt(socket, (_sig, n) => n > 1);
    else if (behaviour === 'silent-on-begin') speakBolt(socket, (sig) => sig === 0x11 || sig === 0x10);
    // 'silent': accepts and never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the real driver against a broken server', () => {
  it('a server that is down: NEO4J_UNAVAILABLE after 2 retries of the connectivity check, nothing else tried', async () => {
    const port = await closedPort();
    const q = quick();
    const e = await failure(pushToNeo4j(createBasicGraph(), { ...conn, uri: `bolt://127.0.0.1:${port}` }, q.options));
    expect(e.code).toBe('NEO4J_UNAVAILABLE');
    expect(e.message).toMatch(new RegExp(`not reachable at bolt://127\\.0\\.0\\.1:${port} \\(gave up after 2 retries\\).*NEO4J_URI`));
    expect(q.retries.map((r) => [r.what, r.attempt])).toEqual([
      ['connectivity check', 1],
      ['connectivity check', 2],
    ]);
    expectClean(e, q.retries);
  });

  it.each<[Behaviour, number | undefined]>([
    ['close', undefined],
    ['reset', undefined],
    ['handshake-then-close', undefined],
    ['silent', 300],
  ])('a server that accepts and then does "%s": NEO4J_UNAVAILABLE in one line, retried, no password', async (behaviour, timeout) => {
    const server = await startServer(behaviour);
    try {
      const q = quick(timeout === undefined ? {} : { connectionTimeoutMs: timeout });
      const started = performance.now();
      const e = await failure(pushToNeo4j(createBasicGraph(), { ...conn, uri: `bolt://127.0.0.1:${server.port}` }, q.options));
      expect(e.code).toBe('NEO4J_UNAVAILABLE');
      expect(e.message).toMatch(/Neo4j is not reachable|connection to Neo4j .* was lost|accepted the connection but did not answer/);
      expect(q.retries).toHaveLength(2);
      expect(server.connections()).toBeGreaterThanOrEqual(3);
      expect(performance.now() - started).toBeLessThan(20_000);
      expectClean(e, q.retries);
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe('newsgraph push against a server that drops the connection after the handshake', () => {
  it('exit 3, retries reported, one final line, the password nowhere in stdout or stderr', async () => {
    const server = await startServer('handshake-then-close');
    const dir = await mkdtempFs(path.join(os.tmpdir(), 'ng-push-cli-'));
    let out = '';
    let err = '';
    try {
      const file = path.join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(createBasicGraph().export()));
      vi.stubEnv('NEO4J_URI', `bolt://alice:${PASSWORD}@127.0.0.1:${server.port}`);
      vi.stubEnv('NEO4J_PASSWORD', PASSWORD);
      vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
      const code = await pushCommand.run(['--graph', file]);
      vi.restoreAllMocks();
      expect(code).toBe(EXIT.FATAL);
      const lines = err.trim().split('\n');
      expect(lines.slice(0, -1).every((l) => /retry \d of 2/.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/^newsgraph push: .*\[NEO4J_UNAVAILABLE\]$/);
      expect(out + err).not.toContain(PASSWORD);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('newsgraph push against a server that goes silent (no hang: a deadline, exit 3, one line)', () => {
  it.each<Behaviour>(['hello-then-silent', 'silent-on-begin'])('%s', async (behaviour) => {
    const server = await startServer(behaviour);
    const dir = await mkdtempFs(path.join(os.tmpdir(), 'ng-push-silent-'));
    let out = '';
    let err = '';
    try {
      const file = path.join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(createBasicGraph().export()));
      vi.stubEnv('NEO4J_URI', `bolt://127.0.0.1:${server.port}`);
      vi.stubEnv('NEO4J_PASSWORD', PASSWORD);
      vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
      const started = performance.now();
      const code = await pushCommand.run(['--graph', file, '--timeout', '1']);
      const took = performance.now() - started;
      vi.restoreAllMocks();
      expect(code).toBe(EXIT.FATAL);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/^newsgraph push: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ (stopped answering \(no answer in 1 s to the (connectivity check|start of a transaction|constraint statement)\)|accepted the connection but did not answer).* \[NEO4J_UNAVAILABLE\]\n$/);
      expect(err).toContain(`Without a server: cypher-shell -f ${path.join(dir, 'graph.cypher')}`);
      expect(took).toBeLessThan(30_000);
      expect(out + err).not.toContain(PASSWORD);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('no server at all (neo4j://, routing): one line that nothing answers, the offline routes, no routing-table text', async () => {
    const port = await closedPort();
    const dir = await mkdtempFs(path.join(os.tmpdir(), 'ng-push-none-'));
    let err = '';
    try {
      const file = path.join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(createBasicGraph().export()));
      vi.stubEnv('NEO4J_URI', `neo4j://127.0.0.1:${port}`);
      vi.stubEnv('NEO4J_PASSWORD', PASSWORD);
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
      const code = await pushCommand.run(['--graph', file]);
      vi.restoreAllMocks();
      expect(code).toBe(EXIT.FATAL);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(new RegExp(`^newsgraph push: Neo4j is not reachable at neo4j://127\\.0\\.0\\.1:${port} \\(gave up after 2 retries\\): nothing answers there \\((ECONNREFUSED|no server to route to)\\)\\.`));
      expect(err).toContain(`Without a server: cypher-shell -f ${path.join(dir, 'graph.cypher')}, or neo4j-admin as in ${path.join(dir, 'neo4j', 'import-command.txt')}.`);
      expect(err).not.toMatch(/routing table/i);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

// --- A fake driver with neo4j-driver's real errors ---------------------------------------------------------

const neoError = (code: string, message = `server says no (password was ${PASSWORD})`): Error => new neo4j.Neo4jError(message, code, '50N42', 'error');

interface FakeLog {
  sessions: number;
  begun: number;
  committed: number;
  rolledBack: number;
  statements: string[];
}

/**
 * A fake driver: `fail(n, statement)` is asked before the n-th data batch
 * (0-based, counting attempts) and may return an error to throw. `apply`
 * runs a committed statement (the Kuzu twin below).
 */
function createFakeDriver(options: {
  connect?: () => Error | undefined;
  fail?: (attempt: number, statement: string) => Error | undefined;
  /** Where the failure strikes: before the statement runs (default) or after it ran, at commit (the acknowledgement is lost). */
  failAt?: 'run' | 'commit';
  apply?: (statement: string, params: Record<string, unknown> | undefined) => Promise<void>;
}): { driver: PushDriver; log: FakeLog } {
  const log: FakeLog = { sessions: 0, begun: 0, committed: 0, rolledBack: 0, statements: [] };
  let attempt = 0;
  const driver: PushDriver = {
    async verifyConnectivity() {
      const e = options.connect?.();
      if (e) throw e;
    },
    session() {
      log.sessions++;
      return {
        async beginTransaction(): Promise<PushTransaction> {
          log.begun++;
          let pending: Error | undefined;
          return {
            async run(statement, params) {
              const isData = params !== undefined;
              const e = isData ? options.fail?.(attempt++, statement) : undefined;
              if (e && options.failAt !== 'commit') throw e;
              await options.apply?.(statement, params);
              log.statements.push(statement);
              pending = e;
              return { summary: { counters: { updates: () => ({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 }) } } };
            },
            async commit() {
              if (pending) throw pending;
              log.committed++;
            },
            async rollback() {
              log.rolledBack++;
            },
          };
        },
        async close() {},
      };
    },
    async close() {},
  };
  return { driver, log };
}

describe('isTransientError and retryDelay', () => {
  it.each([
    ['ServiceUnavailable', true],
    ['SessionExpired', true],
    ['Neo.TransientError.Transaction.DeadlockDetected', true],
    ['Neo.TransientError.General.DatabaseUnavailable', true],
    ['Neo.ClientError.Security.Unauthorized', false],
    ['Neo.ClientError.Statement.SyntaxError', false],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', false],
    ['Neo.DatabaseError.General.UnknownError', false],
  ])('%s -> %s', (code, transient) => {
    expect(isTransientError(neoError(code))).toBe(transient);
  });

  it('a dropped socket is transient, a plain bug is not', () => {
    expect(isTransientError(new Error('read ECONNRESET'))).toBe(true);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
  });

  it('waits grow exponentially up to the cap, half of each wait random', () => {
    const at = (random: number) => [1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, { initialDelayMs: 100, maxDelayMs: 1000, random: () => random }));
    expect(at(0)).toEqual([50, 100, 200, 400, 500, 500]);
    expect(at(0.999999)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('pushToNeo4j with a fake driver', () => {
  const graph = createBasicGraph();
  const batches = createPushPlan(graph, { batchSize: 2 }).batches.length;

  it('a rejected password: NEO4J_AUTH, no retry, one line, no password', async () => {
    const { driver, log } = createFakeDriver({ connect: () => neoError('Neo.ClientError.Security.Unauthorized', `The client is unauthorized due to authentication failure. password=${PASSWORD}`) });
    const q = quick({ createDriver: () => driver });
    const e = await failure(pushToNeo4j(graph, conn, q.options));
    expect(e.code).toBe('NEO4J_AUTH');
    expect(e.message).toMatch(/refused user "alice" \(Unauthorized\).*NEO4J_PASSWORD/);
    expect(q.retries).toEqual([]);
    expect(log.begun).toBe(0);
    expectClean(e);
  });

  it.each([
    ['ServiceUnavailable', 'run'],
    ['SessionExpired', 'run'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'run'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'commit'],
    ['ServiceUnavailable', 'commit'],
  ] as const)('%s at %s, twice in a row mid-push: retried with growing waits in a fresh session, then completed', async (code, failAt) => {
    const failing = new Set([3, 4]);
    const { driver, log } = createFakeDriver({ fail: (n) => (failing.has(n) ? neoError(code) : undefined), failAt });
    const q = quick({ createDriver: () => driver, batchSize: 2, retry: { sleep: async (ms) => void q.waits.push(ms), random: () => 0.5, initialDelayMs: 100 } });
    const stats = await pushToNeo4j(graph, conn, q.options);
    expect(stats.batches).toBe(batches);
    expect(q.retries.map((r) => [r.attempt, r.what.replace(/\(.*\)/, '()')])).toEqual([
      [1, `batch 4 of ${batches} ()`],
      [2, `batch 4 of ${batches} ()`],
    ]);
    expect(q.waits).toEqual([75, 150]);
    expect(log.rolledBack).toBe(2);
    expect(log.sessions).toBe(3); // the first, and a new one after each failure
    expect(log.committed).toBe(createPushPlan(graph).constraints.length + batches);
    for (const r of q.retries) expect(r.reason).not.toContain(PASSWORD);
  });

  it('a transient error that does not go away: gives up after 4 retries, says how many batches were committed', async () => {
    const { driver } = createFakeDriver({ fail: (n) => (n >= 2 ? neoError('SessionExpired') : undefined) });
    const q = quick({ createDriver: () => driver, batchSize: 2 });
    const e = await failure(pushToNeo4j(graph, conn, q.options));
    expect(e.code).toBe('NEO4J_UNAVAILABLE');
    expect(e.message).toMatch(new RegExp(`gave up after 4 retries.*2 of ${batches} batches were committed before the failure.*push again to complete`));
    expect(q.retries).toHaveLength(4);
    expect(q.waits).toEqual([375, 750, 1500, 3000]);
    expectClean(e, q.retries);
  });

  it('a persistent Neo.TransientError: STORE_FAILED naming the code after the retries', async () => {
    const { driver } = createFakeDriver({ fail: () => neoError('Neo.TransientError.General.OutOfMemoryError') });
    const q = quick({ createDriver: () => driver, retry: { retries: 1, sleep: async () => undefined } });
    const e = await failure(pushToNeo4j(graph, conn, q.options));
    expect(e.code).toBe('STORE_FAILED');
    expect(e.message).toMatch(/transient error \(gave up after 1 retry\) \(Neo\.TransientError\.General\.OutOfMemoryError\)/);
    expectClean(e, q.retries);
  });

  it('a statement error is not retried', async () => {
    const { driver } = createFakeDriver({ fail: () => neoError('Neo.ClientError.Statement.SyntaxError', `Invalid input '${PASSWORD}'`) });
    const q = quick({ createDriver: () => driver });
    const e = await failure(pushToNeo4j(graph, conn, q.options));
    expect(e.code).toBe('STORE_FAILED');
    expect(e.message).toMatch(/SyntaxError.*0 of \d+ batches were committed/);
    expect(q.retries).toEqual([]);
    expectClean(e);
  });
});

// --- Idempotency on the embedded store -------------------------------------------------------------------

/** Plain values for Kuzu parameters (Neo4j integers become numbers). */
const kuzuParam = (v: unknown): KuzuValue => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : (v as KuzuValue));

/**
 * Runs one push statement on Kuzu: the same MERGE on the same keys, one row
 * at a time (Kuzu has no `SET n += map`). The label or type comes from the
 * statement itself, an edge's end labels from its row.
 */
async function applyToKuzu(db: Connection, statement: string, params: Record<string, unknown> | undefined): Promise<void> {
  const rows = (params?.rows ?? []) as Array<{ key: string; from?: string; fromLabel?: string; to?: string; toLabel?: string; props: Record<string, unknown> }>;
  const node = /^UNWIND \$rows AS row MERGE \(n:(\w+) \{(\w+): row\.key\}\)/.exec(statement);
  // An edge statement names its ends' labels as a union (`a:Person|Country`); each row names its own.
  const edge = /MATCH \(a:[\w|]+ \{(\w+): fromKey\}\) WHERE row\.fromLabel IN labels\(a\) MATCH \(b:[\w|]+ \{(\w+): toKey\}\) WHERE row\.toLabel IN labels\(b\) MERGE \(a\)-\[r:(\w+) \{(\w+): row\.key\}\]->\(b\)/.exec(statement);
  if (params === undefined && statement.startsWith('CREATE ')) return; // constraints and indexes: Kuzu tables have their primary keys
  if (!node && !edge) throw new Error(`not a push statement: ${statement}`);
  for (const row of rows) {
    const names = Object.keys(row.props);
    // An empty list parameter reaches Kuzu as NULL (no element type to infer): write it as a typed literal.
    const isEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length === 0;
    const sets = names.map((n, i) => `${edge ? 'r' : 'n'}.${kuzuName(n)} = ${isEmptyList(row.props[n]) ? 'CAST([] AS STRING[])' : `$p${i}`}`).join(', ');
    const values: Record<string, unknown> = Object.fromEntries(names.flatMap((n, i) => (isEmptyList(row.props[n]) ? [] : [[`p${i}`, kuzuParam(row.props[n])]])));
    const cypher = node
      ? `MERGE (n:${kuzuName(node[1]!)} {${kuzuName(node[2]!)}: $key})${sets ? ` SET ${sets}` : ''}`
      : `MATCH (a:${kuzuName(row.fromLabel!)} {${kuzuName(edge![1]!)}: $from}), (b:${kuzuName(row.toLabel!)} {${kuzuName(edge![2]!)}: $to}) ` +
        `MERGE (a)-[r:${kuzuName(edge![3]!)} {${kuzuName(edge![4]!)}: $key}]->(b)${sets ? ` SET ${sets}` : ''}`;
    await runKuzuQuery(db, cypher, { ...values, key: row.key, ...(edge ? { from: row.from, to: row.to } : {}) });
  }
}

const withoutInternal = (o: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o as Record<string, unknown>).filter(([k]) => !k.startsWith('_')));

/** Every node and relationship with all its properties, in key order. */
async function dumpKuzu(db: Connection): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const label of nodeLabels(schema)) {
    const key = kuzuName(schema.nodes[label]!.key);
    out[label] = (await runKuzuQuery(db, `MATCH (n:${kuzuName(label)}) RETURN n ORDER BY n.${key}`)).rows.map((r) => withoutInternal(r.n));
  }
  for (const type of edgeTypes(schema)) {
    const rows = (await runKuzuQuery(db, `MATCH (a)-[r:${kuzuName(type)}]->(b) RETURN a.key AS f, b.key AS t, r ORDER BY r.key`)).rows;
    out[type] = rows.map((r) => ({ from: r.f, to: r.t, ...withoutInternal(r.r) }));
  }
  return out;
}

describe('a push interrupted halfway and run again ends in the graph of one clean push (embedded store)', () => {
  const graph = createBasicGraph();
  const batches = createPushPlan(graph, { batchSize: 1 }).batches.length;
  let tmp: string;
  let n = 0;
  let reference: unknown;

  /** A fresh Kuzu database with the schema's tables, as a push target. */
  async function freshTarget(): Promise<{ conn: Connection; close: () => Promise<void> }> {
    const db = new kuzu.Database(path.join(tmp, `db-${n++}.kuzu`));
    const c = new kuzu.Connection(db);
    for (const ddl of createKuzuDdl(schema)) await runKuzuQuery(c, ddl);
    return {
      conn: c,
      close: async () => {
        await c.close();
        await db.close();
      },
    };
  }

  async function push(target: Connection, fail?: (attempt: number) => Error | undefined, failAt: 'run' | 'commit' = 'run'): Promise<unknown> {
    const { driver } = createFakeDriver({ apply: (s, p) => applyToKuzu(target, s, p), failAt, ...(fail ? { fail } : {}) });
    return pushToNeo4j(graph, conn, { ...quick().options, createDriver: () => driver, batchSize: 1 });
  }

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-push-kuzu-'));
    const t = await freshTarget();
    await push(t.conn);
    reference = await dumpKuzu(t.conn);
    await t.close();
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('one clean push writes the same graph as the build\'s bulk load', async () => {
    const file = path.join(tmp, 'bulk.kuzu');
    await writeKuzuStore(graph, file);
    const db = new kuzu.Database(file);
    const c = new kuzu.Connection(db);
    try {
      expect(await dumpKuzu(c)).toEqual(reference);
      const counts = reference as Record<string, unknown[]>;
      expect(Object.values(counts).reduce((s, rows) => s + rows.length, 0)).toBe(graph.order + graph.size);
    } finally {
      await c.close();
      await db.close();
    }
  });

  it('pushing twice changes nothing', async () => {
    const t = await freshTarget();
    try {
      await push(t.conn);
      await push(t.conn);
      expect(await dumpKuzu(t.conn)).toEqual(reference);
    } finally {
      await t.close();
    }
  });

  it.each([1, Math.floor(batches / 2), batches - 1])('cut off for good at batch %i (server gone), then pushed again', async (cut) => {
    const t = await freshTarget();
    try {
      const e = await failure(push(t.conn, (a) => (a >= cut ? neoError('ServiceUnavailable') : undefined)) as Promise<unknown>);
      expect(e.message).toContain(`${cut} of ${batches} batches were committed`);
      expect(await dumpKuzu(t.conn)).not.toEqual(reference);
      await push(t.conn);
      expect(await dumpKuzu(t.conn)).toEqual(reference);
    } finally {
      await t.close();
    }
  });

  it('a batch whose commit acknowledgement is lost is retried and applied twice: still the same graph', async () => {
    const t = await freshTarget();
    try {
      await push(t.conn, (a) => (a % 3 === 1 ? neoError('SessionExpired') : undefined), 'commit');
      expect(await dumpKuzu(t.conn)).toEqual(reference);
    } finally {
      await t.close();
    }
  });
});
