import { describe, expect, it } from 'vitest';
import { loadEntityLexicon, type EntityLexicon } from '../../src/extract/entity-lexicon.js';
import { resolveCorpus } from '../../src/resolve/resolve-corpus.js';
import { parseCorrections } from '../../src/resolve/corrections.js';
import { ConfigError } from '../../src/errors.js';
import type { ArticleEntity, ArticleResult, EntityType } from '../../src/types.js';

const lex = loadEntityLexicon();
const bare: EntityLexicon = { ...lex, figuresBySurname: new Map() };

function article(id: string, entities: { type?: EntityType; names: string[]; roles?: string[]; affiliations?: string[] }[]): ArticleResult {
  const out: ArticleEntity[] = entities.map((e, k) => ({
    id: k, type: e.type ?? 'Person', name: e.names[0]!, aliases: e.names, mentions: [], roles: e.roles ?? [], affiliations: e.affiliations ?? [], confidence: 0.9,
  }));
  return { article: { id, path: id, title: '', hash: id, chars: 0, tokens: 0 }, mentions: [], entities: out, relations: [], quotes: [], diagnostics: [] };
}

const tsv = (...lines: string[]): string => lines.map((l) => l.replaceAll(' | ', '\t')).join('\n');

describe('parseCorrections', () => {
  it('reads every action, skipping comments and blank lines', () => {
    const c = parseCorrections(
      tsv('# corrections', '', 'merge | Person | Tony Blinken | Antony Blinken', 'apart | Person | Ned Price | Nate Price', 'not-entity | Person | Tunbridge Wells  # a town',
        'type | Person | Jordan | Country', 'alias | Country | Russia | Rossiya', 'name | Organisation | UN | United Nations'),
      'fix.tsv',
    );
    expect(c.map((x) => [x.line, x.action, x.type, x.name, x.value])).toEqual([
      [3, 'merge', 'Person', 'Tony Blinken', 'Antony Blinken'],
      [4, 'apart', 'Person', 'Ned Price', 'Nate Price'],
      [5, 'not-entity', 'Person', 'Tunbridge Wells', undefined],
      [6, 'type', 'Person', 'Jordan', 'Country'],
      [7, 'alias', 'Country', 'Russia', 'Rossiya'],
      [8, 'name', 'Organisation', 'UN', 'United Nations'],
    ]);
  });

  it.each([
    ['mrege | Person | A | B', /fix\.tsv:2: unknown correction "mrege"/],
    ['merge | People | A | B', /fix\.tsv:2: "People" is not an entity type/],
    ['merge | Person | A', /fix\.tsv:2: merge takes 4 tab-separated fields/],
    ['not-entity | Person | A | B', /fix\.tsv:2: not-entity takes 3/],
    ['type | Person | Jordan | Place', /fix\.tsv:2: "Place" is not an entity type/],
    ['merge | Person | A. Smith | a smith', /fix\.tsv:2: merge names the same entity twice/],
    ['merge Person A B', /fix\.tsv:2: unknown correction/],
  ])('a bad line is a ConfigError naming file and line: %s', (line, message) => {
    const run = () => parseCorrections(tsv('# ok', line), 'fix.tsv');
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });
});

describe('resolveCorpus with corrections', () => {
  const results = [
    article('a', [{ names: ['Ned Price'], roles: ['State Department spokesman'], affiliations: ['United States'] }, { names: ['Tunbridge Wells'] }, { names: ['Jordan'] }]),
    article('b', [{ names: ['Nate Price'], roles: ['State Department spokesman'], affiliations: ['United States'] }, { type: 'Country', names: ['Jordan'] }, { names: ['Abu Mazen'] }]),
    article('c', [{ names: ['Antony Blinken'] }, { type: 'Country', names: ['Russia'] }, { names: ['Mahmoud Abbas'] }]),
  ];
  const run = (...lines: string[]) => resolveCorpus(results, bare, parseCorrections(tsv(...lines), 'c.tsv'));

  it('merge joins two entities, apart keeps two apart', () => {
    const plain = resolveCorpus(results, bare);
    expect(plain.keyOf(0, 0)).toBe(plain.keyOf(1, 0)); // Ned / Nate Price, both spokesmen
    expect(plain.keyOf(1, 2)).not.toBe(plain.keyOf(2, 2));
    const r = run('merge | Person | Abu Mazen | Mahmoud Abbas', 'apart | Person | Ned Price | Nate Price');
    expect(r.keyOf(1, 2)).toBe(r.keyOf(2, 2));
    expect(r.keyOf(0, 0)).not.toBe(r.keyOf(1, 0));
    expect(r.corrections?.applied.map((c) => c.line)).toEqual([1, 2]);
  });

  it('not-entity drops the node; type retypes and joins the entity of that type', () => {
    const r = run('not-entity | Person | Tunbridge Wells', 'type | Person | Jordan | Country');
    expect(r.keyOf(0, 1)).toBeUndefined();
    expect(r.entities.some((e) => e.name === 'Tunbridge Wells')).toBe(false);
    expect(r.keyOf(0, 2)).toBe('country:jordan');
    expect(r.keyOf(1, 1)).toBe('country:jordan');
    expect(r.entities.filter((e) => e.name === 'Jordan')).toHaveLength(1);
  });

  it('alias adds an alias; name sets the canonical name and key', () => {
    const r = run('alias | Country | Russia | Rossiya', 'name | Person | Antony Blinken | Antony J. Blinken');
    expect(r.entities.find((e) => e.key === 'country:russia')?.aliases).toContain('Rossiya');
    expect(r.keyOf(2, 0)).toBe('person:antony-j-blinken');
    expect(r.entities.find((e) => e.key === 'person:antony-j-blinken')?.name).toBe('Antony J. Blinken');
  });

  it('reports which corrections applied and which matched nothing', () => {
    const r = run('alias | Country | Russia | Rossiya', 'merge | Person | Nobody Here | Antony Blinken', 'not-entity | Organisation | Acme', 'type | Person | Jordan | Country');
    expect(r.corrections?.applied.map((c) => [c.line, c.entities])).toEqual([
      [1, ['country:russia']],
      [4, ['country:jordan']],
    ]);
    expect(r.corrections?.unmatched.map((c) => c.line)).toEqual([2, 3]);
  });

  it('gives the same resolution as before with no corrections', () => {
    const a = resolveCorpus(results, bare);
    const b = resolveCorpus(results, bare, []);
    expect(b.entities).toEqual(a.entities);
    expect(b.corrections).toBeUndefined();
  });
});
