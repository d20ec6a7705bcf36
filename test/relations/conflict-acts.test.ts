/**
 * Acts of conflict in shapes the plain reading misses: a past form the tagger
 * took for an adjective in a verb's place, a quoted adverb in the auxiliary
 * chain, a word of condemnation in quotation marks.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { processArticle } from '../../src/pipeline/process-article.js';
import { lineParagraphs } from '../../src/pipeline/extract-document.js';

const lex = loadLexicons();

function run(text: string): ReturnType<typeof processArticle> {
  return processArticle({ id: 't', path: 't', title: '', text, paragraphs: lineParagraphs(text), hash: 't' }, lex);
}

/** The asserted edges of a text as `TYPE source -> target`. */
function acts(text: string): string[] {
  const r = run(text);
  const name = (i: number): string => r.entities[i]?.name ?? '?';
  return r.relations.filter((x) => x.modality === 'asserted' && x.type !== 'AFFILIATED_WITH').map((x) => `${x.type} ${name(x.source)} -> ${name(x.target)}`);
}

describe('a past form tagged as an adjective stands in a verb place', () => {
  it.each([
    ['Kenya branded Uganda a rogue state.', 'ACCUSED Kenya -> Uganda'],
    ['Kenya has branded Uganda\'s election "a sham".', 'ACCUSED Kenya -> Uganda'],
    ['Opposition leader Raila Odinga branded William Ruto "arrogant and wrong" on Monday.', 'ACCUSED Raila Odinga -> William Ruto'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it.each([
    'The branded drinks from Kenya were sold in Uganda.',
    'Kenya sold branded goods to Uganda.',
  ])('%s gives no accusation', (text) => {
    expect(acts(text).filter((e) => e.startsWith('ACCUSED'))).toEqual([]);
  });
});

describe('a quoted adverb stays in the auxiliary chain', () => {
  it.each([
    ['Kenya will "firmly" respond to any border raids by Uganda.', 'WARNED Kenya -> Uganda'],
    ['Kenya will “decisively” respond to any incursion by Uganda, Kenyan President William Ruto said on Monday.', 'WARNED William Ruto -> Uganda'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a quoted adverb does not make a conditional answer a warning', () => {
    expect(acts('Kenya would "firmly" respond if Uganda attacked.')).not.toContain('WARNED Kenya -> Uganda');
  });

  it('a participle after the closing frame keeps the frame\'s speaker', () => {
    const r = run('Kenya will "firmly" respond to any raid by Uganda, Kenyan President William Ruto said on Tuesday, adding that his country "cannot remain patient" any longer.');
    const q = r.quotes.find((x) => x.text.startsWith('cannot remain'));
    expect(q && r.entities[q.speaker ?? -1]?.name).toBe('William Ruto');
  });
});

describe('a word of condemnation in quotation marks keeps its owner', () => {
  it.each([
    ['Kenya called the leaked memo part of Uganda\'s "propaganda war" against it.', 'ACCUSED Kenya -> Uganda'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('a passive verb\'s target is its subject, not a place inside the subject phrase', () => {
  it('a party named after a preposition of place in a long subject is no target', () => {
    expect(acts('Plans to store foreign waste in Kenya have been criticised by Uganda.')).not.toContain('ACCUSED Uganda -> Kenya');
  });

  it.each([
    ['Kenya was criticised by Uganda for the raid.', 'ACCUSED Uganda -> Kenya'],
    ['The decision by Kenya was condemned by Uganda.', 'ACCUSED Uganda -> Kenya'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('words between the auxiliary or the verb and its object', () => {
  it.each([
    ['Kenya has long accused Uganda of backing the rebels.', 'ACCUSED Kenya -> Uganda'],
    ["Uganda rejected out of hand Kenya's proposal.", 'REJECTED Uganda -> Kenya'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('a relative clause acts on the name it hangs on', () => {
  it.each([
    ['Uganda, which Kenya accuses of backing the rebels, denied the claim.', 'ACCUSED Kenya -> Uganda'],
    ['Uganda, which Kenya has blamed for the attack, denied it.', 'ACCUSED Kenya -> Uganda'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a relative clause with an object of its own does not', () => {
    expect(acts('Uganda, which Kenya accused Rwanda of arming, denied the claim.')).not.toContain('ACCUSED Kenya -> Uganda');
  });
});

describe('words of a brutal or repressive act in someone\'s words accuse its doer', () => {
  it.each([
    ['"Uganda\'s regime is brutal and oppressive," Kenyan President William Ruto said.', 'ACCUSED William Ruto -> Uganda'],
    ['Kenyan President William Ruto said Uganda had brutally suppressed the protests.', 'ACCUSED William Ruto -> Uganda'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });
});

describe('criticism a party\'s act brought on names the party as its target', () => {
  it.each([
    ["Uganda's decision sparked criticism from Kenya.", 'ACCUSED Kenya -> Uganda'],
    ["Uganda's move was met with condemnation from Kenya.", 'ACCUSED Kenya -> Uganda'],
  ])('%s', (text, edge) => {
    expect(acts(text)).toContain(edge);
  });

  it('a response an act brought on is no offer', () => {
    expect(acts('Kenyan troops began drills near the border, prompting an angry response from Uganda.').filter((e) => e.startsWith('PROPOSED'))).toEqual([]);
  });

  it('criticism of a third party is not turned on the one who brought it on', () => {
    expect(acts("Kenya's attack sparked condemnation of Uganda.")).not.toContain('ACCUSED Uganda -> Kenya');
  });
});
