#!/usr/bin/env node
/**
 * `npm run neo4j [-- --bolt-port 7687 --http-port 7474 --import-dir DIR]`:
 * starts the Neo4j of ./pom.xml in the foreground until Ctrl-C. The password
 * of user neo4j is NEO4J_PASSWORD (8 characters or more); the data lives in a
 * temporary folder that is removed when the server stops.
 */
import { parseArgs } from 'node:util';
import { javaAndMaven, startNeo4jServer } from './server.mjs';

const { values } = parseArgs({
  options: {
    'bolt-port': { type: 'string' },
    'http-port': { type: 'string' },
    'import-dir': { type: 'string' },
    heap: { type: 'string' },
  },
});
const fail = (message) => {
  process.stderr.write(`npm run neo4j: ${message}\n`);
  process.exit(2);
};
if (!process.env.NEO4J_PASSWORD || process.env.NEO4J_PASSWORD.length < 8) fail('set NEO4J_PASSWORD (8 characters or more) first: the server gives it to user neo4j');
const tools = javaAndMaven();
if (!tools.ok) fail(tools.reason);
process.stdout.write('Starting Neo4j 5.26 Community with APOC core (the first run downloads it with Maven)...\n');
let server;
try {
  server = await startNeo4jServer({
    inherit: false,
    importDir: values['import-dir'] ?? '.',
    heap: values.heap ?? '2g',
    ...(values['bolt-port'] ? { boltPort: Number(values['bolt-port']) } : {}),
    ...(values['http-port'] ? { httpPort: Number(values['http-port']) } : {}),
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
process.stdout.write(
  [
    `NEO4J_URI=${server.uri}`,
    `Neo4j Browser: ${server.http}/browser/  (connect to ${server.uri} as neo4j with your NEO4J_PASSWORD)`,
    '',
    'In another shell:',
    `  export NEO4J_URI=${server.uri} NEO4J_USERNAME=neo4j NEO4J_PASSWORD=...`,
    '  npx newsgraph push',
    '',
    'Ctrl-C stops the server and removes its data.',
    '',
  ].join('\n'),
);
let stopping = false;
void server.exited.then(({ code, signal }) => {
  if (stopping) return;
  process.stderr.write(`npm run neo4j: the server stopped (${signal ?? `exit ${code}`}):\n${server.log().trim().split('\n').slice(-10).join('\n')}\n`);
  process.exit(1);
});
const stop = () => {
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
