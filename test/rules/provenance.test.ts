/**
 * Every relation and quote of the sample articles names the rule that made
 * it, and every such id is a rule of data/rules/ or a named producer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { PRODUCERS } from '../../src/rules/producers.js';
import { DATA_DIR } from '../../src/paths.js';

const lex = loadLexicons();
const dir = path.join(DATA_DIR, 'articles');
const results = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => processArticle(articleFromText(f, fs.readFileSync(path.join(dir, f), 'utf8'), lex.boilerplate), lex));
const rules = loadRules();
const known = (id: string): boolean => rules.byId.has(id) || id in PRODUCERS;

describe('provenance of the samples', () => {
  it('every relation has a known rule, and acts have a CAMEO code and PLOVER type', () => {
    const relations = results.flatMap((r) => r.relations);
    expect(relations.length).toBeGreaterThan(50);
    expect(relations.filter((r) => !known(r.rule)).map((r) => r.rule)).toEqual([]);
    expect(relations.filter((r) => r.type !== 'AFFILIATED_WITH' && !(r.cameo && r.plover)).map((r) => `${r.type} ${r.rule}`)).toEqual([]);
  });

  it('every quote has a known rule', () => {
    const quotes = results.flatMap((r) => r.quotes);
    expect(quotes.length).toBeGreaterThan(30);
    expect(quotes.filter((q) => !q.rule || !known(q.rule)).map((q) => q.rule ?? '(none)')).toEqual([]);
  });

  it('edges made by a rule say where it found the actor and the target', () => {
    const byRule = results.flatMap((r) => r.relations).filter((r) => rules.byId.has(r.rule));
    expect(byRule.length).toBeGreaterThan(20);
    expect(byRule.filter((r) => !r.slots?.actor || !r.slots.target)).toEqual([]);
  });

  it('the producer ids are the ones data/rules/README.md lists', () => {
    const readme = fs.readFileSync(path.join(DATA_DIR, 'rules', 'README.md'), 'utf8');
    for (const id of Object.keys(PRODUCERS).filter((p) => !p.startsWith('quote.'))) expect(readme, id).toContain(`\`${id}\``);
  });
});
