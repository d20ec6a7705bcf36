/**
 * vitest global set-up: gives the Neo4j integration tests a server. With
 * NEO4J_URI set, that server (NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE; the tests that wipe the database run against it only when
 * NEO4J_TEST_SCRATCH_IMPORT_DIR names its import folder); otherwise, when Java and Maven are there, it starts the
 * Neo4j of scripts/neo4j-server/ and stops it after the run. Runs that select
 * no integration test file start nothing. The tests read the result with
 * `inject('neo4j')`.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { TestProject } from 'vitest/node';
import { javaAndMaven, startNeo4jServer } from '../../scripts/neo4j-server/server.mjs';

export type Neo4jTarget =
  | { skipped: string }
  | {
      uri: string;
      user: string;
      password: string;
      database?: string;
      /** Started by this set-up: ours to stop, wipe and restart (HTTP address for the Browser). */
      managed?: { http: string; importDir: string };
    };

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

const INTEGRATION_FILES = ['test/integration/neo4j-push.test.ts', 'test/integration/neo4j-faults.test.ts', 'test/integration/neo4j-remove.test.ts'];

/** Whether the command line's file filters (if any) select an integration test file. */
function selectsIntegration(argv: readonly string[]): boolean {
  const filters = argv.filter((a) => !a.startsWith('-') && !['run', 'watch', 'dev', 'related', 'bench'].includes(a));
  if (filters.length === 0) return true;
  return filters.some((f) => INTEGRATION_FILES.some((file) => file.includes(f.replace(/^\.\//, '')) || f.includes('integration')));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const env = process.env;
  if (env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
      // A server of your own that the tests may wipe, with the folder its LOAD CSV and APOC read from.
      ...(env.NEO4J_TEST_SCRATCH_IMPORT_DIR ? { managed: { http: env.NEO4J_TEST_SCRATCH_HTTP ?? '', importDir: env.NEO4J_TEST_SCRATCH_IMPORT_DIR } } : {}),
    });
    return undefined;
  }
  if (!selectsIntegration(process.argv.slice(2))) {
    project.provide('neo4j', { skipped: 'no integration test file selected' });
    return undefined;
  }
  const tools = javaAndMaven();
  if (!tools.ok) {
    project.provide('neo4j', { skipped: tools.reason! });
    return undefined;
  }
  // Always begins with `-`, as a random base64url password sometimes does: the server must take it as the password.
  const password = `-${randomBytes(12).toString('base64url')}`;
  const importDir = os.tmpdir();
  try {
    const server = await startNeo4jServer({ password, importDir, heap: '1g' });
    project.provide('neo4j', { uri: server.uri, user: 'neo4j', password, managed: { http: server.http, importDir } });
    return () => server.stop();
  } catch (e) {
    project.provide('neo4j', { skipped: `the Neo4j server did not start: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}` });
    return undefined;
  }
}
