// The fixed cost kuzu 0.11.3 puts on a store of a given graph, before any edge row: the
// DDL, the graph's node tables (COPY), an empty COPY into every (type, from, to) pair the graph
// uses, and the commit, which checkpoints every rel pair touched in both directions. Run
// `npm run build` first. Used by bench.mjs and bench-store.mjs.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import { cpuMs, root } from './cli.mjs';

const dist = (p) => import(path.join(root, 'dist', p));
const ks = await dist('store/kuzu-schema.js');
const kt = await dist('store/kuzu-tables.js');
const { loadGraphSchema, partitionGraph } = await dist('store/graph-schema.js');

/**
 * Writes a store in `dir` with the graph's node tables and, when `withPairs`, an empty COPY into
 * each rel pair the graph uses; returns the phases (wall and process CPU ms each), their totals
 * and the graph's rel pairs (the tables of `partitionGraph` that have rows). The files and the
 * database are removed after.
 */
export async function measureStoreFloor(graph, dir, withPairs = true) {
  const schema = loadGraphSchema();
  const tables = partitionGraph(graph, schema);
  const nodeCopies = tables.nodes
    .filter((t) => t.keys.length > 0)
    .map((t, i) => {
      const columns = kt.nodeColumns(schema, t.label);
      const mark = kt.nodeNullMark(t, columns);
      const file = path.join(dir, `floor-n${i}.csv`);
      writeFileSync(file, `${kt.csvHeader(columns)}\n${kt.encodeNodeRows(t, columns, schema.nodes[t.label].key, mark, 0, t.keys.length)}`);
      return ks.createNodeCopy(schema, t.label, file, mark);
    });
  const pairs = tables.edges.filter((t) => t.keys.length > 0);
  const emptyCopies = withPairs
    ? pairs.map((t, i) => {
        const file = path.join(dir, `floor-e${i}.csv`);
        writeFileSync(file, `${kt.csvHeader(kt.edgeColumns(schema, t.type))}\n`);
        return ks.createEdgeCopy(schema, t, file, '\u001e');
      })
    : [];
  const dbFile = path.join(dir, `floor-${withPairs}.kuzu`);
  const db = new kuzu.Database(dbFile);
  const conn = new kuzu.Connection(db);
  const phases = [];
  try {
    await conn.init();
    const time = async (name, statements) => {
      const t = performance.now();
      const c = cpuMs();
      for (const q of statements) {
        const r = await conn.query(q);
        for (const x of Array.isArray(r) ? r : [r]) x.close();
      }
      phases.push({ name, wallMs: performance.now() - t, cpuMs: cpuMs() - c });
    };
    await time('DDL', ['BEGIN TRANSACTION', ...ks.createKuzuDdl(schema)]);
    await time(`${nodeCopies.length} node COPYs`, nodeCopies);
    await time(`${emptyCopies.length} empty rel COPYs`, emptyCopies);
    await time('commit', ['COMMIT']);
  } finally {
    await conn.close();
    await db.close();
    rmSync(dbFile, { recursive: true, force: true });
    rmSync(`${dbFile}.wal`, { force: true });
  }
  const sum = (f) => phases.reduce((s, p) => s + p[f], 0);
  return { phases, wallMs: sum('wallMs'), cpuMs: sum('cpuMs'), pairs };
}

/** The phases as `name wall/CPU` (ms), for printing. */
export const formatPhases = (phases) => phases.map((p) => `${p.name} ${p.wallMs.toFixed(0)}/${p.cpuMs.toFixed(0)}`).join(', ');
