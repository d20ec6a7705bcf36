/**
 * The Neo4j server of the integration tests (see neo4j-global-setup.ts), and
 * how a test file skips when there is none: with the reason in the suite's
 * name, and as a failure under CI=true, where the server must be there.
 */
import { describe, inject, it } from 'vitest';
import type { Neo4jConnection } from '../../src/store/neo4j-store.js';
import type { Neo4jTarget } from './neo4j-global-setup.js';

export const target: Neo4jTarget = inject('neo4j');
/** The folder the managed server's LOAD CSV and APOC read from ('' for a server of NEO4J_URI). */
export const importDir: string = 'skipped' in target || !target.managed ? '' : target.managed.importDir;
const skipReason: string | undefined = 'skipped' in target ? target.skipped : undefined;

export const conn: Neo4jConnection =
  'skipped' in target ? { uri: '', user: 'neo4j', password: '' } : { uri: target.uri, user: target.user, password: target.password, ...(target.database ? { database: target.database } : {}) };

/** `describe` that skips with the reason when there is no server (and fails under CI). */
export function describeNeo4j(name: string, body: () => void, options: { managedOnly?: boolean } = {}): void {
  let reason = skipReason;
  if (!reason && options.managedOnly && !('skipped' in target) && !target.managed) reason = 'needs the server started by the tests (NEO4J_URI is set)';
  if (reason && process.env.CI === 'true' && !reason.startsWith('no integration test file')) {
    describe(name, () => {
      it('has a Neo4j server (CI must run the integration tests, not skip them)', () => {
        throw new Error(`Neo4j integration tests skipped in CI: ${reason}`);
      });
    });
    return;
  }
  if (reason) console.warn(`${name}: skipped: ${reason}`);
  describe.skipIf(Boolean(reason))(reason ? `${name} (skipped: ${reason})` : name, body);
}
