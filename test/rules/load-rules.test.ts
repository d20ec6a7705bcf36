import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadRules } from '../../src/rules/load-rules.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A data dir whose rules/ folder holds one file with the given rules. */
function dataDir(rules: unknown[], file = 'test.json', extra: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-rules-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.writeFileSync(path.join(dir, 'rules', file), JSON.stringify({ _source: 'test', ...extra, rules }));
  return dir;
}

const example = [{ text: 'France urged Germany to act.', edges: [['URGED', 'France', 'Germany']] }];
const good = { id: 'verb.urge', type: 'URGED', trigger: { verb: 'urge' }, target: ['object'], guards: ['infinitive-after-object'], confidence: 0.8, examples: example };

describe('loadRules', () => {
  it('indexes verb rules by lemma, longest phrase first, and noun rules by their last word', () => {
    const idx = loadRules(
      dataDir([
        { ...good, id: 'verb.call', trigger: { verb: 'call' } },
        { ...good, id: 'phrase.call-on', trigger: { phrase: ['call', 'on'] } },
        { id: 'noun.phone-call', type: 'SPOKE_WITH', trigger: { noun: 'phone call' }, target: ['pp:with'], confidence: 0.7, examples: example },
        { ...good, id: 'verb.criticize', type: 'ACCUSED', trigger: { verbs: ['criticise', 'criticize'] } },
      ]),
    );
    expect(idx.verbs.get('call')?.map((r) => r.id)).toEqual(['phrase.call-on', 'verb.call']);
    expect(idx.nouns.get('call')?.[0]).toMatchObject({ id: 'noun.phone-call', preps: ['with'], ownedOnly: false });
    expect(idx.verbs.get('criticise')?.[0]?.id).toBe('verb.criticize');
    expect(idx.verbs.get('criticize')?.[0]?.id).toBe('verb.criticize');
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown type', { ...good, type: 'HUGGED' }, /unknown relation type "HUGGED"/],
    ['an unknown guard', { ...good, guards: ['sunny-day'] }, /unknown guard/],
    ['an unknown slot', { ...good, target: ['elsewhere'] }, /unknown verb target slot "elsewhere"/],
    ['no examples', { ...good, examples: [] }, /needs "examples"/],
    ['two trigger kinds', { ...good, trigger: { verb: 'urge', noun: 'urging' } }, /exactly one of/],
    ['a confidence above 1', { ...good, confidence: 1.5 }, /confidence/],
    ['a bad CAMEO code', { ...good, cameo: 'x1' }, /CAMEO code/],
    ['a malformed example', { ...good, examples: [{ text: 'x', edges: [['URGED', 'France']] }] }, /example needs/],
  ];
  it.each(bad)('rejects %s, naming the file and the rule id', (_what, rule, message) => {
    const dir = dataDir([rule], 'broken.json');
    expect(() => loadRules(dir)).toThrow(ConfigError);
    expect(() => loadRules(dir)).toThrow(/broken\.json: rule "verb\.urge"/);
    expect(() => loadRules(dir)).toThrow(message);
  });

  it('rejects the same id in two files', () => {
    const dir = dataDir([good], 'a.json');
    fs.writeFileSync(path.join(dir, 'rules', 'b.json'), JSON.stringify({ rules: [good] }));
    expect(() => loadRules(dir)).toThrow(/b\.json: rule "verb\.urge": duplicate id \(also in a\.json\)/);
  });

  it('lets a generated file leave examples out', () => {
    const { examples: _examples, ...noExamples } = good;
    expect(loadRules(dataDir([noExamples], 'generated.json', { generated: true })).byId.get('verb.urge')?.examples).toEqual([]);
  });
});
