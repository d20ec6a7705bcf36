/**
 * The Neo4j push without a server: the plan (statements and typed parameter
 * batches), the error mapping (one line, which problem, what to do, never the
 * password) and the real driver against a closed port.
 */
import net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { createPushPlan, mapNeo4jError, publicParts, pushToNeo4j, redact, safeUri } from '../../src/store/neo4j-store.js';
import { command as push, readGraphJson } from '../../src/cli/commands/push.js';
import { EXIT, runCommand } from '../../src/cli/command.js';
import { isNgError } from '../../src/errors.js';

const PASSWORD = 's3cr3t-Pa55';
const conn = { uri: 'neo4j://db.example:7687', user: 'alice', password: PASSWORD, database: 'news' };

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createPushPlan', () => {
  it('one batch per label and relationship type, split by batch size, keys not duplicated in props', () => {
    const graph = createBasicGraph();
    const plan = createPushPlan(graph, { batchSize: 1 });
    expect(plan.nodes).toBe(graph.order);
    expect(plan.edges).toBe(graph.size);
    expect(plan.batches).toHaveLength(graph.order + graph.size);
    expect(plan.constraints[0]).toMatch(/^CREATE CONSTRAINT/);
    for (const b of plan.batches) {
      expect(b.statement.startsWith('UNWIND $rows AS row ')).toBe(true);
      for (const r of b.rows) expect(Object.keys(r.props as object)).not.toContain('key');
    }
    const whole = createPushPlan(graph);
    const total = whole.batches.reduce((n, b) => n + b.rows.length, 0);
    expect(total).toBe(graph.order + graph.size);
    // One statement per label and per type, whatever label pairs a type's edges join.
    const labels = new Set(graph.mapNodes((_k, a) => a.label));
    const types = new Set(graph.mapEdges((_k, a) => a.type));
    expect(whole.batches.map((b) => b.what).sort()).toEqual([...labels, ...types].sort());
    expect(new Set(whole.batches.map((b) => b.statement)).size).toBe(labels.size + types.size);
  });

  it('INT64 values are Neo4j integers, DOUBLE plain numbers, lists of strings', () => {
    const plan = createPushPlan(createBasicGraph());
    const person = plan.batches.find((b) => b.what === 'Person')!;
    const props = person.rows[0]!.props as Record<string, unknown>;
    expect(neo4j.isInt(props.mentions)).toBe(true);
    expect((props.mentions as { toNumber(): number }).toNumber()).toBe(3);
    expect(props.confidence).toBe(0.95);
    expect(props.aliases).toEqual(['Antony Blinken', 'Blinken', 'Anthony Blingen']);
    const urged = plan.batches.find((b) => b.what === 'URGED')!;
    expect(urged.rows.filter((r) => r.fromLabel === 'Person' && r.toLabel === 'Country')).toHaveLength(2);
    expect(urged.rows[0]).toMatchObject({ from: 'person:antony-blinken', fromLabel: 'Person', to: 'country:russia', toLabel: 'Country' });
  });
});

describe('mapNeo4jError', () => {
  const err = (code: string, message: string) => Object.assign(new Error(message), { code });
  it.each([
    [err('ServiceUnavailable', 'Could not perform discovery'), 'NEO4J_UNAVAILABLE', /not reachable at neo4j:\/\/db\.example:7687.*NEO4J_URI/],
    [err('SessionExpired', 'gone'), 'NEO4J_UNAVAILABLE', /not reachable/],
    [new Error('connect ECONNREFUSED 127.0.0.1:7687'), 'NEO4J_UNAVAILABLE', /not reachable/],
    [err('Neo.ClientError.Security.Unauthorized', `bad password ${PASSWORD}`), 'NEO4J_AUTH', /refused user "alice".*NEO4J_PASSWORD/],
    [err('Neo.ClientError.Security.AuthenticationRateLimit', 'too many'), 'NEO4J_AUTH', /AuthenticationRateLimit/],
    [err('Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist. Database name: news'), 'NEO4J_DATABASE', /no database "news".*CREATE DATABASE/],
    [err('Neo.ClientError.Statement.SyntaxError', `Invalid input '${PASSWORD}'\n at line 2`), 'STORE_FAILED', /SyntaxError/],
  ])('%s -> %s', (e, code, pattern) => {
    const mapped = mapNeo4jError(e, conn);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(pattern);
    expect(mapped.message).not.toContain(PASSWORD);
    expect(mapped.message).not.toContain('\n');
  });

  it('redact removes the password and URI credentials', () => {
    expect(redact(`x ${PASSWORD} y neo4j://bob:pw@host:7687`, PASSWORD)).toBe('x *** y neo4j://***@host:7687');
  });
});

describe('pushToNeo4j without a server', () => {
  it.each(['bolt', 'neo4j'])('%s:// on a closed port -> NEO4J_UNAVAILABLE, one line, no password', async (scheme) => {
    const port = await closedPort();
    const e = await pushToNeo4j(createBasicGraph(), { ...conn, uri: `${scheme}://127.0.0.1:${port}` }).catch((x: unknown) => x);
    expect(isNgError(e) && e.code).toBe('NEO4J_UNAVAILABLE');
    expect((e as Error).message).not.toContain(PASSWORD);
    expect((e as Error).message).not.toContain('\n');
  });

  it('an invalid URI -> CONFIG_INVALID', async () => {
    const e = await pushToNeo4j(createBasicGraph(), { ...conn, uri: 'ftp://nowhere' }).catch((x: unknown) => x);
    expect(isNgError(e) && e.code).toBe('CONFIG_INVALID');
    expect((e as Error).message).not.toContain(PASSWORD);
  });
});

describe('newsgraph push', () => {
  async function runPush(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    try {
      return { code: await runCommand(push, argv), out, err };
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  }

  it('--help says the password comes from the environment only', async () => {
    const r = await runPush(['--help'], {});
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toMatch(/password is read from the environment only \(NEO4J_PASSWORD\)/);
    expect(r.out).toContain('NEO4J_URI');
  });

  it('no NEO4J_PASSWORD -> usage error saying so', async () => {
    const r = await runPush([], { NEO4J_PASSWORD: undefined });
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toMatch(/NEO4J_PASSWORD is not set/);
  });

  it('there is no --password option', async () => {
    const r = await runPush(['--password', 'x'], { NEO4J_PASSWORD: PASSWORD });
    expect(r.code).toBe(EXIT.USAGE);
  });

  it('unreachable server -> exit 3, one line naming the problem, no password', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ng-push-'));
    try {
      const file = path.join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(createBasicGraph().export()));
      expect((await readGraphJson(file)).order).toBe(createBasicGraph().order);
      const port = await closedPort();
      const r = await runPush(['--graph', file], { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: PASSWORD, NEO4J_USERNAME: 'alice' });
      expect(r.code).toBe(EXIT.FATAL);
      // The connectivity check is retried twice, quietly; one line says why it failed and what else can be done.
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/not reachable.*gave up after 2 retries\): nothing answers there \(ECONNREFUSED\).*Without a server: .*\[NEO4J_UNAVAILABLE\]$/);
      expect(r.err + r.out).not.toContain(PASSWORD);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a missing graph file says to run build', async () => {
    const r = await runPush(['--graph', '/nonexistent/graph.json'], { NEO4J_PASSWORD: PASSWORD });
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/newsgraph build/);
  });
});

describe('redact: the whole user-info part, and no *** where the password is a public word', () => {
  it('a raw @ in the password of a URI: nothing of it is left', () => {
    const secret = 'p@ss@word';
    expect(redact(`could not connect to bolt://bob:${secret}@db.example:7687/x`, secret)).toBe('could not connect to bolt://***@db.example:7687/x');
    expect(safeUri(`neo4j://bob:${secret}@db.example:7687`)).toBe('neo4j://db.example:7687');
  });

  it.each([
    ['neo4j', 'Neo4j at neo4j://localhost:7687 refused user "neo4j" (Unauthorized): check NEO4J_PASSWORD.'],
    ['localhost', 'Neo4j is not reachable at neo4j://localhost:7687: nothing answers there (ECONNREFUSED).'],
  ])('password %j equal to a word the message holds anyway is not marked in it', (secret, message) => {
    const conn = { uri: 'neo4j://localhost:7687', user: 'neo4j', password: secret };
    expect(redact(message, secret, publicParts(conn))).toBe(message);
  });

  it('the same password elsewhere in a driver text is still removed', () => {
    const conn = { uri: 'neo4j://localhost:7687', user: 'neo4j', password: 'neo4j' };
    expect(redact('Neo4j at neo4j://localhost:7687 said: bad credential neo4j', 'neo4j', publicParts(conn))).toBe('Neo4j at neo4j://localhost:7687 said: bad credential neo4j');
    const conn2 = { uri: 'neo4j://localhost:7687', user: 'bob', password: 'S3cret-pw' };
    expect(redact('server said: S3cret-pw is wrong (neo4j://localhost:7687)', 'S3cret-pw', publicParts(conn2))).toBe('server said: *** is wrong (neo4j://localhost:7687)');
  });
});

describe('redact with a very short password', () => {
  it.each([
    ['p', 'Please ensure the port: p', 'Please ensure the port: ***'],
    ['a.b', 'value a.b and aXb', 'value *** and aXb'],
  ])('%s', (secret, message, expected) => {
    expect(redact(message, secret)).toBe(expected);
  });
});
