import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { queryKuzu } from '../../src/store/kuzu-store.js';

/** Writes each named text into `dir`, creating it. */
export async function writeAll(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

/** Every node and edge of an output's store with its properties (internal ids left out), sorted. */
export async function storeContents(out: string): Promise<{ nodes: string[]; edges: string[] }> {
  const strip = (o: unknown): string => JSON.stringify(Object.fromEntries(Object.entries(o as Record<string, unknown>).filter(([k]) => !k.startsWith('_')).sort(([a], [b]) => (a < b ? -1 : 1))));
  const db = path.join(out, 'graph.kuzu');
  const nodes = (await queryKuzu(db, 'MATCH (n) RETURN n')).rows.map((r) => strip(r.n)).sort();
  const edges = (await queryKuzu(db, 'MATCH ()-[r]->() RETURN r')).rows.map((r) => strip(r.r)).sort();
  return { nodes, edges };
}
