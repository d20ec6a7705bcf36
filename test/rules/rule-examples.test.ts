/**
 * Every rule of data/rules/ carries example sentences with the edges they
 * must and must not give; this runs them all through the per-article
 * pipeline (entities found by the entity stage, as in a real build).
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load-rules.js';
import { loadRelationTypes } from '../../src/rules/relation-types.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';
import { lineParagraphs } from '../../src/pipeline/extract-document.js';

const lex = loadLexicons();
const rules = [...new Set(loadRules().byId.values())];
const symmetric = new Set(loadRelationTypes().filter((t) => t.symmetric).map((t) => t.name));

/** The asserted edges of a text as `TYPE source -> target`, with the rule of each. */
function edgesOf(text: string): { edge: string; rule: string }[] {
  const r = processArticle({ id: 'example', path: 'example', title: '', text, paragraphs: lineParagraphs(text), hash: 'example' }, lex);
  const name = (i: number): string => r.entities[i]?.name ?? '?';
  return r.relations.filter((x) => x.modality === 'asserted').map((x) => ({ edge: `${x.type} ${name(x.source)} -> ${name(x.target)}`, rule: x.rule }));
}

const has = (edges: readonly { edge: string }[], [type, s, t]: readonly string[]): boolean =>
  edges.some((e) => e.edge === `${type} ${s} -> ${t}` || (symmetric.has(type ?? '') && e.edge === `${type} ${t} -> ${s}`));

const cases = rules.flatMap((rule) => rule.examples.map((example, n) => ({ id: `${rule.id} #${n + 1}`, rule, example })));

describe('rule examples (data/rules/*.json)', () => {
  it('the rules load (the loader requires examples of every hand-written rule)', () => {
    expect(rules.length).toBeGreaterThan(100);
  });

  it.each(cases)('$id', ({ rule, example }) => {
    const edges = edgesOf(example.text);
    for (const want of example.edges) {
      expect(has(edges, want), `${example.text}\nwant ${want.join(' ')}\ngot ${JSON.stringify(edges)}`).toBe(true);
    }
    for (const not of example.not) expect(has(edges, not), `${example.text}\nmust not give ${not.join(' ')}`).toBe(false);
    // The rule itself made one of the edges of its type (not another rule or producer alone).
    const own = example.edges.filter(([type]) => type === rule.type);
    if (own.length) expect(edges.some((e) => e.rule === rule.id || e.rule.startsWith('frame.')), `${example.text}: no edge by ${rule.id}: ${JSON.stringify(edges)}`).toBe(true);
  });
});
