/**
 * Every Cypher statement newsgraph emits for Neo4j passes Neo4j's own parser
 * and semantic analysis (@neo4j-cypher/language-support lintCypherQuery)
 * with the schema's labels, types and property keys: no errors and no
 * warnings (so no unknown label, relationship type or property).
 */
import fc from 'fast-check';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import type { DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { cypherName, cypherString } from '../../src/export/cypher-escape.js';
import { createCypherStatements, toCypherScript } from '../../src/export/to-cypher.js';
import { edgeTypes, groupGraph, loadGraphSchema, nodeLabels, propertyKeys } from '../../src/store/graph-schema.js';
import { createConstraintStatements, mergeEdgesStatement, mergeNodesStatement, mergeTypeEdgesStatement } from '../../src/store/neo4j-statements.js';
import { loadSampleQueries } from '../../src/store/sample-queries.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from '../../src/paths.js';

const schema = loadGraphSchema();

function dbSchema(parameters: Record<string, unknown> = {}): DbSchema {
  return { labels: nodeLabels(schema), relationshipTypes: edgeTypes(schema), propertyKeys: propertyKeys(schema), parameters };
}

/** Every diagnostic, as text (an empty list means clean). */
function lint(query: string, parameters: Record<string, unknown> = {}): string[] {
  const { diagnostics } = lintCypherQuery(query, dbSchema(parameters), { consoleCommandsEnabled: true });
  return diagnostics.map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message} [${query.slice(d.offsets.start, d.offsets.end)}]`);
}

describe('the linter itself', () => {
  it.each([
    ['MATCH (n:Persn) RETURN n', /Label Persn is not present/],
    ['MATCH ()-[r:WARND]->() RETURN r', /WARND is not present/],
    ['MATCH (n:Person) RETURN n.nme', /nme is not present/],
    ['MATCH (n:Person RETURN n', /error/],
    ['MATCH (n:Person) RETURN $missing', /Parameter \$missing is not defined/],
  ])('flags %s', (query, pattern) => {
    expect(lint(query).join('\n')).toMatch(pattern);
  });
});

describe('Neo4j statements lint clean', () => {
  it('constraints and indexes', () => {
    for (const s of createConstraintStatements(schema)) expect(lint(s), s).toEqual([]);
    expect(lint(readFileSync(path.join(SCHEMA_DIR, 'constraints.cypher'), 'utf8'))).toEqual([]);
  });

  it('push statements for every label and every (type, from, to) pair', { timeout: 180_000 }, () => {
    const grouped = groupGraph(createBasicGraph(), schema);
    for (const g of grouped.nodes) expect(lint(mergeNodesStatement(schema, g.label), { rows: [] }), g.label).toEqual([]);
    for (const g of grouped.edges) {
      const s = mergeEdgesStatement(schema, g);
      expect(lint(s, { rows: [] }), s).toEqual([]);
    }
  });

  it('push statements for every relationship type, with all its label pairs', { timeout: 180_000 }, () => {
    for (const type of edgeTypes(schema)) {
      const s = mergeTypeEdgesStatement(schema, type, schema.edges[type]!.from, schema.edges[type]!.to);
      expect(lint(s, { rows: [] }), s).toEqual([]);
    }
  });

  it('the script for the basic graph, statement by statement and as a whole', () => {
    const graph = createBasicGraph();
    for (const s of createCypherStatements(graph)) expect(lint(s), s.slice(0, 80)).toEqual([]);
    expect(lint(toCypherScript(graph))).toEqual([]);
  });

  it.each(loadSampleQueries().map((q) => [q.name, q] as const))('sample query %s (Neo4j version)', (_name, q) => {
    const params = Object.fromEntries(q.parameters.map((p) => [p, 'x']));
    expect(lint(q.neo4j, params)).toEqual([]);
  });
});

/** Reads a single-quoted Cypher string literal back (Neo4j's escapes). */
function unescapeCypherString(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "'") throw new Error(`unescaped quote at ${i}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) throw new Error('dangling backslash');
    if (next in simple) out += simple[next];
    else if (next === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else throw new Error(`unknown escape \\${next}`);
  }
  return out;
}

const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom("'", '"', '`', '``', '\\', "\\'", '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '😀', '𝄞', '\ud800', '\udfff', '\\u0041', ';', '//', '/*', '*/', '$rows', '{', '}', '[', ']', ':param', 'MATCH (n) DETACH DELETE n'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('escaping (property tests)', () => {
  it('cypherString parses back to the same value and lints clean', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const literal = cypherString(s);
        expect(unescapeCypherString(literal)).toBe(s);
        expect(lint(`RETURN ${literal} AS x`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('cypherName: any label or type name is one identifier', () => {
    fc.assert(
      fc.property(hostile.filter((s) => s.length > 0 && !s.includes('\u0000')), (s) => {
        const name = cypherName(s);
        const diags = lintCypherQuery(`MATCH (n:${name}) RETURN n`, { labels: [s] }).diagnostics;
        expect(diags.map((d) => d.message)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('toCypherScript with hostile names, aliases and evidence still lints clean and keeps every value', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(hostile, { maxLength: 4 }), (name, evidence, aliases) => {
        const graph = createBasicGraph();
        graph.mergeNodeAttributes('person:antony-blinken', { name, aliases });
        graph.mergeEdgeAttributes('URGED:person:antony-blinken->country:russia@a1.txt:70', { evidence });
        const script = toCypherScript(graph);
        // Lint the two statements that hold the hostile values (the whole script is slow to lint).
        const touched = createCypherStatements(graph).filter((st) => st.startsWith('UNWIND') && (st.includes('MERGE (n:Person') || st.includes('[r:URGED')));
        expect(touched).toHaveLength(2);
        for (const st of touched) expect(lint(st)).toEqual([]);
        expect(script).toContain(`name: ${cypherString(name)}`);
        expect(script).toContain(`evidence: ${cypherString(evidence)}`);
        expect(script).toContain(`aliases: [${aliases.map(cypherString).join(', ')}]`);
      }),
      { numRuns: 40 },
    );
  });
});
