/**
 * Faults against a real Neo4j: a wrong password, a missing database, and the
 * server stopped (killed) in the middle of a push, then started again on the
 * same data and pushed again. Also the neo4j-admin route: the build's CSV
 * files through `neo4j-admin database import full` into a fresh database.
 * The messages and exit codes are those of the README's table; the password
 * is never printed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import type { NewsGraph } from '../../src/graph/attributes.js';
import { pushToNeo4j } from '../../src/store/neo4j-store.js';
import { readGraphJson } from '../../src/cli/commands/push.js';
import { push } from './push-cli.js';
import { EXIT } from '../../src/cli/command.js';
import { isNgError } from '../../src/errors.js';
import { startNeo4jServer } from '../../scripts/neo4j-server/server.mjs';
import { conn, describeNeo4j } from './neo4j-target.js';
import { expectedSnapshot, snapshot } from './neo4j-snapshot.js';

const SAMPLES = path.resolve('data/articles');

/** The words of a shell command line as `shellQuote` writes them (plain words and '...' quoting). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.trim().matchAll(/(?:[^\s']+|'(?:[^']|'\\'')*')+/g)) {
    words.push(m[0].replace(/'((?:[^']|'\\'')*)'/g, (_x, inner: string) => inner.replaceAll("'\\''", "'")));
  }
  return words;
}

describeNeo4j('Neo4j faults and neo4j-admin import on real servers', () => {
  vi.setConfig({ testTimeout: 900_000 });
  let tmp: string;
  let full: NewsGraph;
  let graphFile: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ng-neo4j-faults-'));
    await runBuild({ inputs: [SAMPLES], outDir: path.join(tmp, 'out'), store: false });
    graphFile = path.join(tmp, 'out', 'graph.json');
    full = await readGraphJson(graphFile);
  }, 300_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('push with a wrong password: exit 3, one line [NEO4J_AUTH], the password nowhere', async () => {
    const wrong = 'wrong-Pa55word-@-neo4j';
    const r = await push(['--graph', graphFile], { NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.user, NEO4J_PASSWORD: wrong });
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/^newsgraph push: Neo4j at \S+ refused user "neo4j" \(Unauthorized\): check --user \/ NEO4J_USERNAME and NEO4J_PASSWORD\. \[NEO4J_AUTH\]\n$/);
    expect(r.out + r.err).not.toContain(wrong);
  });

  it('push to a database that does not exist: exit 3, one line [NEO4J_DATABASE]', async () => {
    const r = await push(['--graph', graphFile, '--database', 'no-such-db'], { NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.user, NEO4J_PASSWORD: conn.password });
    expect(r.code).toBe(EXIT.FATAL);
    expect(r.err).toMatch(/^newsgraph push: Neo4j at \S+ has no database "no-such-db": create it .* \[NEO4J_DATABASE\]\n$/);
    expect(r.out + r.err).not.toContain(conn.password);
  });

  it('the server killed mid-push: NEO4J_UNAVAILABLE saying how many batches were committed; restarted and pushed again, the graph of one clean push', async () => {
    const password = 'mid-push-Pa55word';
    const dataDir = path.join(tmp, 'data');
    let server = await startNeo4jServer({ password, dataDir, heap: '512m' });
    const local = { uri: server.uri, user: 'neo4j', password };
    let killed: Promise<void> | undefined;
    const e = await pushToNeo4j(full, local, {
      batchSize: 20,
      retry: { retries: 2, sleep: async () => undefined },
      onProgress: (done) => {
        if (done === 3) killed ??= server.stop({ kill: true });
      },
    }).catch((x: unknown) => x);
    await killed;
    expect(isNgError(e) && e.code).toBe('NEO4J_UNAVAILABLE');
    expect((e as Error).message).toMatch(/\b3 of \d+ batches were committed before the failure .*push again to complete/);
    expect((e as Error).message).not.toContain(password);
    expect((e as Error).message).not.toContain('\n');
    server = await startNeo4jServer({ password, dataDir, heap: '512m' });
    try {
      const again = { ...local, uri: server.uri };
      const before = await snapshot(again);
      expect(before.nodes.length + before.rels.length).toBeGreaterThan(0);
      expect(before).not.toEqual(expectedSnapshot(full));
      await pushToNeo4j(full, again);
      expect(await snapshot(again)).toEqual(expectedSnapshot(full));
    } finally {
      await server.stop();
    }
  });

  it('neo4j-admin database import full of out/neo4j/ (the command of import-command.txt) gives the graph of the push', async () => {
    const line = (await readFile(path.join(tmp, 'out', 'neo4j', 'import-command.txt'), 'utf8')).trim();
    const words = shellWords(line);
    expect(words.slice(0, 4)).toEqual(['neo4j-admin', 'database', 'import', 'full']);
    const password = 'csv-import-Pa55word';
    const server = await startNeo4jServer({ password, adminImport: words.slice(4), heap: '512m' });
    try {
      expect(await snapshot({ uri: server.uri, user: 'neo4j', password })).toEqual(expectedSnapshot(full));
    } finally {
      await server.stop();
    }
  });
}, { managedOnly: true });
