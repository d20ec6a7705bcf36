import { describe, expect, it } from 'vitest';
import { loadEntityLexicon, type EntityLexicon } from '../../src/extract/entity-lexicon.js';
import { resolveCorpus } from '../../src/resolve/resolve-corpus.js';
import { consonantKey, jaroWinkler, similarSurnames } from '../../src/resolve/name-similarity.js';
import type { ArticleEntity, ArticleResult, EntityType, Mention } from '../../src/types.js';

const lex = loadEntityLexicon();
/** The same lexicon without the public-figure gazetteer: resolution from the text alone. */
const bare: EntityLexicon = { ...lex, figuresBySurname: new Map() };

interface E {
  type?: EntityType;
  names: string[];
  roles?: string[];
  affiliations?: string[];
}

/** An article result whose entities have one name/surname mention per given form. */
function article(id: string, entities: E[]): ArticleResult {
  const mentions: Mention[] = [];
  const out: ArticleEntity[] = entities.map((e, k) => {
    const idx = e.names.map((n) => {
      mentions.push({
        start: mentions.length * 10,
        end: mentions.length * 10 + n.length,
        text: n,
        type: e.type ?? 'Person',
        kind: n.includes(' ') ? 'name' : 'surname',
        sentence: 0,
        firstToken: 0,
        lastToken: 0,
        name: n,
        confidence: 0.9,
      });
      return mentions.length - 1;
    });
    const longest = [...e.names].sort((a, b) => b.length - a.length)[0] ?? '';
    return { id: k, type: e.type ?? 'Person', name: longest, aliases: [...new Set(e.names)], mentions: idx, roles: e.roles ?? [], affiliations: e.affiliations ?? [], confidence: 0.9 };
  });
  return { article: { id, path: id, title: '', hash: id, chars: 0, tokens: 0 }, mentions, entities: out, relations: [], quotes: [], diagnostics: [] };
}

describe('resolveCorpus', () => {
  it('joins transliteration variants and garbled spellings into one node', () => {
    const results = [
      article('a', [{ names: ['Sergei Lavrov', 'Lavrov'] }]),
      article('b', [{ names: ['Sergey Lavrov'] }]),
      article('c', [{ names: ['Anthony Blingen', 'Blingen'] }, { names: ['Sergei Lavrov'] }]),
      article('d', [{ names: ['Anthony Blinken', 'Blinkin'] }]),
      article('e', [{ names: ['Anthony Blinken'] }]),
    ];
    const r = resolveCorpus(results, bare);
    expect(r.keyOf(0, 0)).toBe(r.keyOf(1, 0));
    expect(r.keyOf(0, 0)).toBe(r.keyOf(2, 1));
    expect(r.keyOf(2, 0)).toBe(r.keyOf(3, 0));
    expect(r.keyOf(3, 0)).toBe(r.keyOf(4, 0));
    const blinken = r.entities.find((e) => e.key === r.keyOf(3, 0));
    expect(blinken?.name).toBe('Anthony Blinken');
    expect(blinken?.articles).toBe(3);
    expect(r.entities.find((e) => e.key === r.keyOf(0, 0))?.name).toBe('Sergei Lavrov');
  });

  it('keeps two people who share a surname apart', () => {
    const r = resolveCorpus([article('a', [{ names: ['Dmytro Kuleba'] }]), article('b', [{ names: ['Oleg Kuleba'] }])], bare);
    expect(r.keyOf(0, 0)).not.toBe(r.keyOf(1, 0));
    expect(r.entities.filter((e) => e.type === 'Person')).toHaveLength(2);
  });

  it('joins different given names with one initial only when role and affiliation agree', () => {
    const same = resolveCorpus(
      [
        article('a', [{ names: ['Ned Price'], roles: ['spokesman'], affiliations: ['US State Department'] }]),
        article('b', [{ names: ['Ned Price'], roles: ['spokesman'], affiliations: ['US State Department'] }]),
        article('c', [{ names: ['Nate Price'], roles: ['spokesman'], affiliations: ['US State Department'] }]),
      ],
      bare,
    );
    expect(same.keyOf(2, 0)).toBe(same.keyOf(0, 0));
    expect(same.entities.find((e) => e.key === same.keyOf(2, 0))?.name).toBe('Ned Price');
    const apart = resolveCorpus([article('a', [{ names: ['Ned Price'], roles: ['spokesman'] }]), article('b', [{ names: ['Nate Price'], roles: ['chef'] }])], bare);
    expect(apart.keyOf(0, 0)).not.toBe(apart.keyOf(1, 0));
  });

  it('attaches a bare surname to the full name of its block, preferring matching context', () => {
    const r = resolveCorpus(
      [
        article('a', [{ names: ['Vladimir Putin'], roles: ['President'], affiliations: ['Russia'] }]),
        article('b', [{ names: ['Putin'], roles: ['President'] }]),
      ],
      bare,
    );
    expect(r.keyOf(1, 0)).toBe(r.keyOf(0, 0));
    expect(r.entities.find((e) => e.key === r.keyOf(1, 0))?.name).toBe('Vladimir Putin');
  });

  it('uses the public-figure gazetteer for the canonical spelling', () => {
    const r = resolveCorpus([article('a', [{ names: ['Anthony Blinken'] }]), article('b', [{ names: ['Vasily Nebensia'] }]), article('c', [{ names: ['Dmitriy Peskov'] }])], lex);
    expect(r.entities.map((e) => e.name).sort()).toEqual(['Antony Blinken', 'Dmitry Peskov', 'Vasily Nebenzia']);
    expect(r.keyOf(0, 0)).toBe('person:antony-blinken');
  });

  it("keeps the gazetteer's name off a cluster a member names with another given name", () => {
    const r = resolveCorpus([article('a', [{ names: ['Johnson'] }]), article('b', [{ names: ['Alan Johnson', 'Johnson'] }])], lex);
    expect(r.entities.find((e) => e.key === r.keyOf(1, 0))?.name).toBe('Alan Johnson');
    expect(r.entities.some((e) => e.name === 'Boris Johnson' && e.key === r.keyOf(1, 0))).toBe(false);
  });

  it("keeps the gazetteer's name where the other names agree with it", () => {
    const r = resolveCorpus([article('a', [{ names: ['Johnson'] }]), article('b', [{ names: ['Boris Johnson', 'Johnson'] }])], lex);
    expect(r.entities.find((e) => e.key === r.keyOf(1, 0))?.name).toBe('Boris Johnson');
  });

  it('joins countries and organisations by name and records ISO codes', () => {
    const r = resolveCorpus(
      [article('a', [{ type: 'Country', names: ['Russia', 'Moscow'] }, { type: 'Organisation', names: ['NATO'] }]), article('b', [{ type: 'Country', names: ['Russia'] }])],
      lex,
    );
    expect(r.keyOf(0, 0)).toBe('country:russia');
    expect(r.keyOf(1, 0)).toBe('country:russia');
    const russia = r.entities.find((e) => e.key === 'country:russia');
    expect(russia?.iso3).toBe('RUS');
    expect(russia?.aliases).toEqual(['Russia', 'Moscow']);
    expect(russia?.mentions).toBe(3);
    expect(r.keyOf(0, 1)).toBe('organisation:nato');
    expect(r.keyOf(5, 0)).toBeUndefined();
  });
});

describe('resolveCorpus entity order', () => {
  it('lists entities in the collator order of their keys, whatever the article order', () => {
    // Hyphens, digits, a key suffix (`-2`), accents and non-Latin letters: slugs whose code-unit
    // order differs from the collator's in places.
    const names = ['Ab Cd', 'Abc', 'Ab-Cd Ltd', 'Élan', 'Elan Group', 'Zeta 9', 'Zeta 10', 'Ωmega', 'Öl', 'Ol', 'a b', 'Ab', 'Ábc'];
    const articles = names.map((n, i) => article(`a${i}`, [{ type: 'Organisation', names: [n] }, { type: 'Person', names: [`${n} Smith`] }]));
    const compare = new Intl.Collator().compare;
    for (const order of [articles, [...articles].reverse()]) {
      const keys = resolveCorpus(order, bare).entities.map((e) => e.key);
      expect(keys).toEqual([...keys].sort(compare));
      expect(new Set(keys).size).toBe(keys.length);
    }
    // Two names with one slug: the second key gets a suffix and still sorts by the collator.
    const keys = resolveCorpus([article('x', [{ type: 'Organisation', names: ['Ab Cd'] }]), article('y', [{ type: 'Organisation', names: ['Ab-Cd'] }])], bare).entities.map((e) => e.key);
    expect(keys).toEqual(['organisation:ab-cd', 'organisation:ab-cd-2']);
  });
});

describe('name similarity and blocking keys', () => {
  it.each([
    ['Blinken', 'blnkn'],
    ['Blingen', 'blnkn'],
    ['Blinkin', 'blnkn'],
    ['Nebensia', 'npns'],
    ['Nebenzia', 'npns'],
  ])('consonantKey(%s) = %s', (word, key) => {
    expect(consonantKey(word)).toBe(key);
  });
  it.each([
    ['blinken', 'blingen', true],
    ['blingen', 'bling', true],
    ['horne', 'horn', true],
    ['lavrov', 'lavrova', true],
    ['price', 'pryce', true],
    ['kuleba', 'kulyk', false],
    ['kuleba', 'kulebo', true],
    ['putin', 'patel', false],
    ['smith', 'jones', false],
  ])('similarSurnames(%s, %s) = %s', (a, b, same) => {
    expect(similarSurnames(a, b)).toBe(same);
  });
  it('jaroWinkler is 1 for equal strings, symmetric, and in [0, 1]', () => {
    expect(jaroWinkler('martha', 'martha')).toBe(1);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(jaroWinkler('duane', 'dwayne'), 10);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});
