/**
 * Builds and starts the Neo4j of ./pom.xml (Neo4j 5.26 Community, APOC core,
 * Neo4j Browser) for the tests, the Neo4j bench and `npm run neo4j`.
 *
 * `prepareNeo4jServer()` compiles the launcher with Maven when its class or
 * class path is missing or older than pom.xml / the Java source (the first
 * run fills ~/.m2 from Maven Central; later runs need no network).
 * `startNeo4jServer()` starts it as a child process and resolves with its
 * Bolt and HTTP addresses once it is ready; `stop()` ends it (the launcher
 * then removes its temporary folder). The child also stops when this process
 * dies, because it exits when its standard input closes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));
const CLASSES = path.join(SERVER_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(SERVER_DIR, 'target', 'classpath.txt');
const MAIN_CLASS = path.join(CLASSES, 'newsgraph', 'Neo4jServer.class');
const SOURCES = [path.join(SERVER_DIR, 'pom.xml'), path.join(SERVER_DIR, 'src', 'main', 'java', 'newsgraph', 'Neo4jServer.java')];

export const NO_JAVA_MAVEN = 'no Java/Maven (install openjdk-17 and maven, or set NEO4J_URI)';

const javaMajor = (java) => {
  const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return run.error || run.status !== 0 ? 0 : Number(/version "(\d+)/.exec(run.stderr)?.[1] ?? 0);
};

/**
 * The Java that runs the server: NEO4J_JAVA, else `java` on PATH when it is
 * 17 or 21 (the versions Neo4j 5.26 supports), else Debian's OpenJDK 17 or 21.
 */
export function findJava() {
  if (process.env.NEO4J_JAVA) return javaMajor(process.env.NEO4J_JAVA) >= 17 ? process.env.NEO4J_JAVA : undefined;
  if ([17, 21].includes(javaMajor('java'))) return 'java';
  const jvm = '/usr/lib/jvm';
  const dirs = existsSync(jvm) ? readdirSync(jvm) : [];
  for (const v of ['17', '21']) {
    const dir = dirs.find((d) => d.startsWith(`java-${v}-openjdk`) && existsSync(path.join(jvm, d, 'bin', 'java')));
    if (dir) return path.join(jvm, dir, 'bin', 'java');
  }
  return undefined;
}

/** Whether Java 17 and Maven can be run; the reason when not. */
export function javaAndMaven() {
  if (!findJava()) return { ok: false, reason: NO_JAVA_MAVEN };
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) return { ok: false, reason: NO_JAVA_MAVEN };
  return { ok: true };
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Compiles the launcher if needed; throws with Maven's last lines when that fails. */
export function prepareNeo4jServer({ quiet = true } = {}) {
  const built = Math.min(mtime(MAIN_CLASS), mtime(CLASSPATH_FILE));
  if (built > 0 && SOURCES.every((f) => mtime(f) <= built)) return;
  const run = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: SERVER_DIR, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
  if (run.error || run.status !== 0) {
    const tail = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`mvn package in ${SERVER_DIR} failed${run.error ? `: ${run.error.message}` : ''}\n${tail}`);
  }
}

/**
 * Starts a server. Options: password (default NEO4J_PASSWORD), importDir
 * (folder that LOAD CSV and APOC may read; default the current folder),
 * dataDir (keep the data there instead of a temporary folder), adminImport
 * (arguments for `neo4j-admin database import full`, run first), heap
 * (default 1g), boltPort/httpPort (default free ones), timeoutMs, inherit
 * (show the server's log on this process's stdout/stderr).
 */
export async function startNeo4jServer(options = {}) {
  prepareNeo4jServer();
  const password = options.password ?? process.env.NEO4J_PASSWORD;
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    '-XX:+UseParallelGC',
    '-cp',
    `${CLASSES}${path.delimiter}${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`,
    'newsgraph.Neo4jServer',
    '--exit-on-stdin-eof',
    '--import-dir',
    path.resolve(options.importDir ?? '.'),
  ];
  if (options.boltPort) args.push('--bolt-port', String(options.boltPort));
  if (options.httpPort) args.push('--http-port', String(options.httpPort));
  if (options.dataDir) args.push('--data-dir', path.resolve(options.dataDir));
  if (options.adminImport) args.push('--admin-import', ...options.adminImport);
  const java = findJava();
  if (!java) throw new Error(NO_JAVA_MAVEN);
  const child = spawn(java, args, { env: { ...process.env, NEO4J_PASSWORD: password ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const found = {};
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      log += d;
      if (options.inherit) process.stderr.write(d);
    });
    child.stdout.on('data', (d) => {
      log += d;
      if (options.inherit) process.stdout.write(d);
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const m = /^(NEO4J_URI|NEO4J_HTTP)=(\S+)$/.exec(line.trim());
        if (m) found[m[1]] = m[2];
        if (line.trim() === 'READY') resolve({ uri: found.NEO4J_URI, http: found.NEO4J_HTTP });
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`the Neo4j server exited before it was ready (${signal ?? `exit ${code}`}):\n${log.trim().split('\n').slice(-20).join('\n')}`)));
    setTimeout(() => reject(new Error(`the Neo4j server was not ready after ${(options.timeoutMs ?? 300_000) / 1000} s:\n${log.trim().split('\n').slice(-20).join('\n')}`)), options.timeoutMs ?? 300_000).unref();
  });
  let addresses;
  try {
    addresses = await ready;
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  let stopping;
  return {
    ...addresses,
    password,
    pid: child.pid,
    /** Resolves when the server process has ended, however it ended. */
    exited,
    /** Everything the server printed so far. */
    log: () => log,
    /** Stops the server (SIGTERM: a clean shutdown; `kill: true` for SIGKILL) and waits for it to exit. */
    stop({ kill = false } = {}) {
      stopping ??= (async () => {
        child.kill(kill ? 'SIGKILL' : 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
