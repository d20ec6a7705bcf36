import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { loadEntityLexicon } from '../../src/extract/entity-lexicon.js';
import { detectMentions } from '../../src/extract/detect-mentions.js';
import { resolveArticle } from '../../src/resolve/resolve-article.js';
import { DATA_DIR } from '../../src/paths.js';

const lex = loadEntityLexicon();

function resolve(text: string) {
  const paragraphs = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const ann = annotate(text, paragraphs);
  return resolveArticle(detectMentions(ann, lex), ann, lex);
}
/** The entity name a given surface (at its n-th occurrence) resolves to. */
function entityOf(text: string, surface: string, occurrence = 0): string | undefined {
  const r = resolve(text);
  const hits = [...text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))].map((m) => m.index ?? -1);
  const from = hits[occurrence] ?? -1;
  const idx = r.mentions.findIndex((m) => m.start === from);
  if (idx < 0) return undefined;
  return r.entities.find((e) => e.mentions.includes(idx))?.name;
}

describe('resolveArticle: people', () => {
  const cases: [string, string, string, number, string][] = [
    ['surname to full name', 'Foreign Minister Sergei Lavrov arrived on Monday. Lavrov said talks would go on.', 'Lavrov said', 0, 'Sergei Lavrov'],
    ['garbled variants join', 'Anthony Blingen spoke with his counterpart. Later Blinken said the call went well. Anthony Bling left.', 'Blinken', 0, 'Anthony Blingen'],
    ['garbled short form joins', 'Anthony Blingen spoke with his counterpart. Later Blinken said the call went well. Anthony Bling left.', 'Anthony Bling', 0, 'Anthony Blingen'],
    ['title to the person with that role', 'State Department spokesman Ned Price briefed reporters. Secretary of State Antony Blinken called Kyiv. The secretary urged calm, the spokesman said.', 'the spokesman', 0, 'Ned Price'],
    ['the secretary', 'State Department spokesman Ned Price briefed reporters. Secretary of State Antony Blinken called Kyiv. The secretary urged calm, the spokesman said.', 'The secretary', 0, 'Antony Blinken'],
    ['title with demonym picks the right nationality', 'German Foreign Minister Annalena Baerbock met Russian Foreign Minister Sergei Lavrov. The Russian minister said little.', 'The Russian minister', 0, 'Sergei Lavrov'],
    ['pronoun to the person of the same sentence', 'Russian President Vladimir Putin called the talks frank, and he said Russia had a choice.', 'he', 0, 'Vladimir Putin'],
    ['she skips a man', 'State Department spokesman Ned Price thanked White House spokeswoman Jen Psaki. She said the meeting was useful.', 'She', 0, 'Jen Psaki'],
    ['he takes the subject of the previous sentence', 'Chancellor Olaf Scholz met Foreign Minister Annalena Baerbock on Monday. He said the talks went well.', 'He', 0, 'Olaf Scholz'],
  ];
  for (const [label, text, surface, occurrence, expected] of cases) {
    it(label, () => {
      expect(entityOf(text, surface, occurrence)).toBe(expected);
    });
  }

  it('Mr and Mrs agree with the person a surname joins', () => {
    const text = 'Anna Lind and her husband Erik Lind arrived on Monday. Mrs Lind waved to the crowd. Later Mr Lind spoke to reporters.';
    expect(entityOf(text, 'Lind', 2)).toBe('Anna Lind');
    expect(entityOf(text, 'Lind', 3)).toBe('Erik Lind');
  });

  it('Mr and Mrs agree with the gender of the given name when no honorific named the person', () => {
    const text = 'Cherie Lind and Tony Lind arrived on Monday. Mr Lind spoke to reporters. Mrs Lind waved to the crowd.';
    expect(entityOf(text, 'Lind', 2)).toBe('Tony Lind');
    expect(entityOf(text, 'Lind', 3)).toBe('Cherie Lind');
  });

  it('two people sharing a surname stay apart', () => {
    const r = resolve('Ukrainian Foreign Minister Dmytro Kuleba met Oleg Kuleba, a businessman, in Kyiv.');
    const people = r.entities.filter((e) => e.type === 'Person').map((e) => e.name).sort();
    expect(people).toEqual(['Dmytro Kuleba', 'Oleg Kuleba']);
  });

  it('drops lone capitalised words that match nobody, keeps titled surnames', () => {
    const r = resolve('Diplomacy is preferred, President Putin said. Geneva hosted the talks.');
    const people = r.entities.filter((e) => e.type === 'Person').map((e) => e.name);
    expect(people).toEqual(['Putin']);
  });

  it('collects roles and affiliations, never pronouns or titles as aliases', () => {
    const r = resolve('State Department spokesman Ned Price said on Monday that talks continue. The spokesman added that he was hopeful.');
    const price = r.entities.find((e) => e.name === 'Ned Price');
    expect(price?.roles).toEqual(['spokesman']);
    expect(price?.affiliations).toEqual(['US State Department']);
    expect(price?.aliases).toEqual(['Ned Price']);
    expect(price?.mentions.length).toBe(3);
    expect(r.entities.some((e) => e.name === 'US State Department')).toBe(true);
  });

  it('groups a country named by name, code, capital and metonym', () => {
    const r = resolve('The United States warned Russia. Washington said the US side was ready, and the Biden administration agreed.');
    const us = r.entities.find((e) => e.name === 'United States');
    expect(us?.aliases).toContain('United States');
    expect(us?.aliases).toContain('the US side');
    expect(us?.aliases).toContain('the Biden administration');
    expect(us?.aliases).toContain('Washington');
  });

  it('joins an organisation and its acronym, named in full', () => {
    const r = resolve('The National Fisheries Monitoring Council said the catch fell. NFMC officials said quotas would stay.');
    const orgs = r.entities.filter((e) => e.type === 'Organisation');
    expect(orgs.map((e) => e.name)).toEqual(['National Fisheries Monitoring Council']);
    expect(orgs[0]?.aliases).toEqual(['National Fisheries Monitoring Council', 'NFMC']);
  });

  it('keeps an acronym apart when two organisations share its initials', () => {
    const r = resolve('The National Fisheries Monitoring Council and the National Forest Management Commission met. NFMC officials said quotas would stay.');
    expect(r.entities.filter((e) => e.type === 'Organisation').map((e) => e.name)).toContain('NFMC');
  });

  it('joins a company named with and without its legal form, under its usual name', () => {
    const r = resolve('Shares in Lear Widgets Inc rose. Lear Widgets said profits were up.');
    const orgs = r.entities.filter((e) => e.type === 'Organisation');
    expect(orgs.map((e) => e.name)).toEqual(['Lear Widgets']);
    expect(orgs[0]?.aliases).toEqual(expect.arrayContaining(['Lear Widgets Inc', 'Lear Widgets']));
  });

  it('mention indices point into the returned mentions', () => {
    const r = resolve('Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov. He said Lavrov listened.');
    for (const e of r.entities) for (const k of e.mentions) expect(r.mentions[k]).toBeDefined();
    const all = r.entities.flatMap((e) => e.mentions).sort((a, b) => a - b);
    expect(all).toEqual(r.mentions.map((_, k) => k));
  });
});

describe('resolveArticle: a lone first word of a full name', () => {
  const cases: [string, string, string, string][] = [
    ['a family name written first joins its full name', 'Chinese envoy Wang Donghai arrived in Hanoi on Monday. Wang said the visit was useful.', 'Wang said', 'Wang Donghai'],
    ['a given name joins the one full name it begins', 'Squash player Jansher Khan won again. Jansher said he was tired.', 'Jansher said', 'Jansher Khan'],
    ['a given name two full names begin joins neither', 'Jansher Khan met Jansher Ali in Lahore. Later Jansher said he was tired.', 'Jansher said', 'Jansher'],
  ];
  for (const [label, text, surface, expected] of cases) {
    // The lone word is the last occurrence of the surface's first word (`Wang` of `Wang said`).
    const word = surface.split(' ')[0] as string;
    const occurrence = text.split(new RegExp(`\\b${word}\\b`)).length - 2;
    it(label, () => expect(entityOf(text, word, occurrence)).toBe(expected));
  }
});

describe('resolveArticle: output invariants on the sample articles', () => {
  const dir = path.join(DATA_DIR, 'articles');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(file, () => {
      const r = resolve(fs.readFileSync(path.join(dir, file), 'utf8'));
      const owners = new Array<number>(r.mentions.length).fill(0);
      r.entities.forEach((e, id) => {
        expect(e.id).toBe(id);
        expect(e.aliases.length).toBeGreaterThan(0);
        // Mention indices are valid, ascending and unique.
        for (let k = 0; k < e.mentions.length; k++) {
          const m = e.mentions[k] as number;
          expect(m).toBeGreaterThanOrEqual(0);
          expect(m).toBeLessThan(r.mentions.length);
          if (k > 0) expect(m).toBeGreaterThan(e.mentions[k - 1] as number);
          owners[m] = (owners[m] ?? 0) + 1;
        }
      });
      // Every mention kept belongs to an entity; mentions stay in text order.
      expect(owners.every((n) => n >= 1)).toBe(true);
      for (let k = 1; k < r.mentions.length; k++) expect(r.mentions[k]?.start).toBeGreaterThanOrEqual(r.mentions[k - 1]?.start ?? 0);
    });
  }
});
