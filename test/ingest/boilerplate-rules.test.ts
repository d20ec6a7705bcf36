import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBoilerplateRules, loadBoilerplateRules } from '../../src/ingest/clean-text.js';
import { ConfigError } from '../../src/errors.js';
import { DATA_DIR } from '../../src/paths.js';

const RAW: unknown = JSON.parse(readFileSync(path.join(DATA_DIR, 'lexicons', 'boilerplate.json'), 'utf8'));
const clone = (): Record<string, unknown> => structuredClone(RAW) as Record<string, unknown>;
const tmp = mkdtempSync(path.join(tmpdir(), 'newsgraph-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadBoilerplateRules', () => {
  it('loads the shipped rules, each with a name, an action and a comment on every pattern', () => {
    const rules = loadBoilerplateRules();
    expect(rules.rules.length).toBeGreaterThan(10);
    const names = rules.rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of (RAW as { rules: { patterns: { catches: string }[] }[] }).rules) {
      for (const p of r.patterns) expect(p.catches.length).toBeGreaterThan(5);
    }
    expect(rules.html.skipSelectors).toContain('script');
  });

  it('reads from another data folder and fails with CONFIG_INVALID when the file is missing', () => {
    expect(() => loadBoilerplateRules(tmp)).toThrow(ConfigError);
    mkdirSync(path.join(tmp, 'lexicons'));
    writeFileSync(path.join(tmp, 'lexicons', 'boilerplate.json'), JSON.stringify(RAW));
    expect(loadBoilerplateRules(tmp).rules.length).toBe(loadBoilerplateRules().rules.length);
    writeFileSync(path.join(tmp, 'lexicons', 'boilerplate.json'), '{ not json');
    expect(() => loadBoilerplateRules(tmp)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('compileBoilerplateRules rejects bad data', () => {
  const cases: readonly (readonly [string, (j: Record<string, any>) => void])[] = [
    ['not an object', (j) => { for (const k of Object.keys(j)) delete j[k]; j['rules'] = 'x'; }],
    ['an invalid pattern', (j) => { j['rules'][0].patterns[0].re = '(unclosed'; }],
    ['an unknown action', (j) => { j['rules'][0].action = 'explode'; }],
    ['a pattern without its comment', (j) => { delete j['rules'][0].patterns[0].catches; }],
    ['a global flag', (j) => { j['rules'][0].flags = 'gi'; }],
    ['a missing maxChars', (j) => { delete j['rules'][0].maxChars; }],
    ['no authorBio', (j) => { delete j['authorBio']; }],
    ['non-string selectors', (j) => { j['html'].skipSelectors = [1]; }],
  ];
  it.each(cases)('%s', (_name, mutate) => {
    const j = clone();
    mutate(j);
    expect(() => compileBoilerplateRules(j)).toThrow(ConfigError);
  });
});
