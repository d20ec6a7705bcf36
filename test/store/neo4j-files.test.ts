/**
 * Files generated from schema/graph.schema.json that live in schema/: the
 * Neo4j constraints and the Browser style sheet must stay in sync with it.
 * NG_WRITE_SCHEMA=1 npx vitest run test/store/neo4j-files.test.ts rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../../src/paths.js';
import { edgeTypes, loadGraphSchema, nodeLabels } from '../../src/store/graph-schema.js';
import { createConstraintStatements, renderConstraintsFile } from '../../src/store/neo4j-statements.js';
import { createBrowserStyle } from '../../src/store/neo4j-browser-style.js';

const schema = loadGraphSchema();

function checkInSync(file: string, expected: string): void {
  const full = path.join(SCHEMA_DIR, file);
  if (process.env.NG_WRITE_SCHEMA === '1') writeFileSync(full, expected);
  expect(readFileSync(full, 'utf8'), `${file} is out of date: NG_WRITE_SCHEMA=1 npx vitest run test/store/neo4j-files.test.ts`).toBe(expected);
}

describe('schema/constraints.cypher', () => {
  it('is in sync with the graph schema', () => {
    checkInSync('constraints.cypher', renderConstraintsFile(schema));
  });
  it('has a key constraint per label and a key index per relationship type', () => {
    const s = createConstraintStatements(schema);
    expect(s).toHaveLength(nodeLabels(schema).length + edgeTypes(schema).length);
    expect(s).toContain('CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE');
    expect(s).toContain('CREATE INDEX said_to_key IF NOT EXISTS FOR ()-[r:SAID_TO]-() ON (r.key)');
  });
});

describe('schema/neo4j-browser.grass', () => {
  it('is in sync with the graph schema', () => {
    checkInSync('neo4j-browser.grass', createBrowserStyle(schema));
  });
  it('colours every label, captions by name, relationships by type', () => {
    const grass = createBrowserStyle(schema);
    const colours = new Set<string>();
    for (const label of nodeLabels(schema)) {
      const block = new RegExp(`node\\.${label} \\{([^}]*)\\}`).exec(grass)?.[1] ?? '';
      const colour = /color: (#[0-9A-F]{6});/.exec(block)?.[1];
      expect(colour, label).toBeDefined();
      colours.add(colour!);
    }
    expect(colours.size).toBe(nodeLabels(schema).length);
    expect(grass).toContain('node.Person {');
    expect(/node\.Person \{[^}]*caption: "\{name\}"/.test(grass)).toBe(true);
    expect(/node\.Article \{[^}]*caption: "\{title\}"/.test(grass)).toBe(true);
    expect(/node\.Quote \{[^}]*caption: "\{text\}"/.test(grass)).toBe(true);
    for (const type of edgeTypes(schema)) expect(grass).toContain(`relationship.${type} {\n  caption: "<type>";\n}`);
  });
});
