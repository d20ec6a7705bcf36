/**
 * data/relation-types.json is the one definition of the relation types: every
 * other place that lists them must follow it. A type added in one place and
 * not the others fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATION_TYPES, SYMMETRIC_RELATIONS } from '../../src/types.js';
import { EDGE_COLORS, STRUCTURAL_EDGE_TYPES } from '../../src/viewer/palette.js';
import { loadRelationTypes } from '../../src/rules/relation-types.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const types = loadRelationTypes();
const names = types.map((t) => t.name);
const acts = types.filter((t) => t.class !== 'structure').map((t) => t.name);
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'graph.schema.json'), 'utf8')) as {
  edges: Record<string, { properties: string; symmetric?: boolean }>;
};

/** The relationship types of the first `[r:A|B|...]` or `[:A|B|...]` pattern of a query file. */
function queryTypes(file: string): string[] {
  const text = fs.readFileSync(path.join(root, 'schema', 'queries', file), 'utf8');
  const m = /\[\w*:([A-Z_|]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no relationship type list in ${file}`);
  return m[1].split('|');
}

describe('relation types: data/relation-types.json is the one definition', () => {
  it('is well formed: unique names, a class, a colour, a description, CAMEO roots of two digits', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const t of types) {
      expect(['conflict', 'cooperation', 'structure']).toContain(t.class);
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(t.description.length).toBeGreaterThan(10);
      for (const c of t.cameo) expect(c).toMatch(/^\d\d$/);
      if (t.class !== 'structure') expect(t.cameo.length && t.plover).toBeTruthy();
      // The flags the producers read are for acts only.
      if (t.class === 'structure') expect([t.hostile, t.directive, t.refusable].some(Boolean)).toBe(false);
    }
  });

  it('src/types.ts lists the same types in the same order, and the same symmetric ones', () => {
    expect([...RELATION_TYPES]).toEqual(names);
    expect([...SYMMETRIC_RELATIONS].sort()).toEqual(types.filter((t) => t.symmetric).map((t) => t.name).sort());
  });

  it('schema/graph.schema.json has one RELATION edge per type, symmetric as the data says', () => {
    const relationEdges = Object.entries(schema.edges).filter(([, e]) => e.properties === 'RELATION');
    expect(relationEdges.map(([n]) => n)).toEqual(names);
    for (const t of types) expect(schema.edges[t.name]?.symmetric ?? false).toBe(t.symmetric);
  });

  it('the viewer palette colours every type as the data does, and nothing else but the structural edges', () => {
    for (const t of types) expect(EDGE_COLORS[t.name], t.name).toBe(t.color);
    const extra = Object.keys(EDGE_COLORS).filter((k) => !names.includes(k) && !STRUCTURAL_EDGE_TYPES.has(k));
    expect(extra).toEqual([]);
  });

  it('the shipped queries list every type they are about', () => {
    for (const f of ['edges-with-evidence.cypher', 'edges-with-evidence.kuzu.cypher']) expect(queryTypes(f).sort(), f).toEqual([...names].sort());
    for (const f of ['path-between-people.cypher', 'path-between-people.kuzu.cypher']) expect(queryTypes(f).sort(), f).toEqual([...names, 'SAID', 'SAID_TO'].sort());
    // Acts only: affiliations are no act between actors.
    expect(queryTypes('most-connected-actors.cypher').sort()).toEqual([...acts].sort());
    // Directed acts aimed at a country (a symmetric act has no target).
    const directed = types.filter((t) => t.class !== 'structure' && !t.symmetric).map((t) => t.name);
    for (const f of ['who-acted-on-country.cypher', 'who-acted-on-country.kuzu.cypher']) expect(queryTypes(f).sort(), f).toEqual([...directed].sort());
  });

  it('scripts/petrarch.mjs maps CAMEO roots through the data, not a list of its own', () => {
    const script = fs.readFileSync(path.join(root, 'scripts', 'petrarch.mjs'), 'utf8');
    expect(script).toContain('relation-types.json');
    // It reads AFFILIATED_WITH edges for actors' countries; no act type is written into it.
    for (const n of acts) expect(script, n).not.toContain(`'${n}'`);
  });

  it('the viewer client draws symmetric types from the data it is given, not a list of its own', () => {
    const client = fs.readFileSync(path.join(root, 'src', 'viewer', 'client.ts'), 'utf8');
    for (const n of names) expect(client, n).not.toContain(`'${n}'`);
  });
});
