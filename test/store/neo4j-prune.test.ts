/**
 * The prune steps of a push (pure): one per relationship type, one per node
 * label and one per optional node property, each naming the keys that stay
 * (or, when shorter, the nodes that lose a property); every statement passes
 * Neo4j's linter; `runPrune` repeats a step while it touches its limit.
 * The steps against a real Neo4j: test/integration/neo4j-remove.test.ts.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { createBasicGraph } from '../helpers/graphs.js';
import { edgeTypes, loadGraphSchema, nodeLabels, propertyKeys } from '../../src/store/graph-schema.js';
import { createPruneSteps, runPrune, type PruneStep } from '../../src/store/neo4j-prune.js';

const schema = loadGraphSchema();

function lint(query: string): string[] {
  const db = { labels: nodeLabels(schema), relationshipTypes: edgeTypes(schema), propertyKeys: propertyKeys(schema), parameters: { keys: [] } };
  return lintCypherQuery(query, db, { consoleCommandsEnabled: true }).diagnostics.map((d) => String(d.message));
}

describe('createPruneSteps', () => {
  const graph = createBasicGraph();
  const steps = createPruneSteps(graph, schema);
  const step = (what: string): PruneStep => steps.find((s) => s.what === what)!;

  it('keeps every key of the graph, by type and by label', () => {
    for (const type of edgeTypes(schema)) {
      expect(step(`${type} relationships`).params.keys).toEqual(graph.filterEdges((_k, a) => a.type === type));
    }
    for (const label of nodeLabels(schema)) {
      expect(step(`${label} nodes`).params.keys).toEqual(graph.filterNodes((_k, a) => a.label === label));
    }
  });

  it('relationships go before nodes, and only optional node properties are checked', () => {
    const kinds = steps.map((s) => s.counter);
    expect(kinds.lastIndexOf('relationshipsDeleted')).toBeLessThan(kinds.indexOf('nodesDeleted'));
    const props = steps.filter((s) => s.counter === 'propertiesSet').map((s) => s.what);
    expect(props).toContain('Person.roles');
    expect(props).toContain('Article.published');
    expect(props).not.toContain('Person.name');
    expect(props).not.toContain('Person.key');
  });

  it('sends the shorter list: the nodes that keep a property or those that lose it', () => {
    // In the basic graph every Article has `published`, no Article has `duplicates`.
    const published = step('Article.published');
    expect(published.statement).toMatch(/^UNWIND \$keys/);
    expect(published.params.keys).toEqual([]);
    const duplicates = step('Article.duplicates');
    expect(duplicates.statement).toMatch(/^MATCH \(n:Article\) WHERE n\.duplicates IS NOT NULL AND NOT n\.key IN \$keys/);
    expect(duplicates.params.keys).toEqual([]);
  });

  it('each form of statement lints clean (the linter takes seconds a statement)', () => {
    const forms = ['WARNED relationships', 'Person nodes', 'Article.published', 'Article.duplicates'].map(step);
    expect(new Set(forms.map((s) => s.statement.replace(/WARNED|Person|Article|published|duplicates/g, ''))).size).toBe(4);
    for (const s of forms) expect(lint(s.statement), s.statement).toEqual([]);
  }, 300_000);
});

describe('runPrune', () => {
  it('repeats a step while it touches its limit, and counts what each kind did', async () => {
    const steps = createPruneSteps(createBasicGraph(), schema, 2);
    const answers = new Map<string, number[]>([
      ['WARNED relationships', [2, 2, 1]],
      ['Person nodes', [2, 0]],
      ['Person.roles', [1]],
    ]);
    const calls: string[] = [];
    const stats = await runPrune(steps, async (s) => {
      calls.push(s.what);
      return { [s.counter]: answers.get(s.what)?.shift() ?? 0 };
    });
    expect(stats).toEqual({ relationshipsDeleted: 5, nodesDeleted: 2, propertiesRemoved: 1 });
    expect(calls.filter((c) => c === 'WARNED relationships')).toHaveLength(3);
    expect(calls.filter((c) => c === 'Person nodes')).toHaveLength(2);
    expect(calls.length).toBe(steps.length + 3);
  });
});
