import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_THRESHOLD, estimateSimilarity, findNearDuplicates, fingerprintText } from '../../src/dedupe/near-duplicates.js';
import { articleFromText } from '../../src/ingest/article-from-text.js';
import { loadBoilerplateRules } from '../../src/ingest/boilerplate-rules.js';
import type { ArticleResult } from '../../src/types.js';

// A made-up story and made-up variants of it.
const HEADLINE = 'Ministers meet in Valletta as harbour talks resume';
const BODY = [
  'The foreign ministers of Freedonia and Sylvania met in Valletta on Tuesday to restart talks over the disputed harbour, their first meeting in almost two years.',
  'Freedonian Foreign Minister Anna Kovacs urged her counterpart to reopen the northern shipping lane, which has been closed to commercial traffic since the spring.',
  'Sylvanian Foreign Minister Piotr Lenz said his government was ready to discuss a joint patrol but would not accept any change to the border line drawn in the old treaty.',
  'Officials from both delegations described the three hours of talks as frank and said working groups would meet again next month to draft a framework for the harbour.',
  'Fishermen on both sides of the bay have complained for months that the closure has cut their catch and pushed several small cooperatives close to bankruptcy.',
];
const STORY = [HEADLINE, ...BODY].join('\n\n');

const rules = loadBoilerplateRules();
const cleaned = (text: string, format: 'txt' | 'html' = 'txt'): string => articleFromText('x', text, rules, format).text;
const similarity = (a: string, b: string): number => estimateSimilarity(fingerprintText(a), fingerprintText(b));

const DUPLICATES: [string, string][] = [
  ['a re-saved copy with CRLF line ends', cleaned(STORY.replaceAll('\n', '\r\n'))],
  ['the HTML page of the same story', cleaned(`<html><head><title>${HEADLINE} | Daily Bay</title></head><body><h1>${HEADLINE}</h1>${BODY.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`, 'html')],
  ['a wire copy with its own headline, a dateline and a closing line', cleaned(['Harbour talks restart between Freedonia and Sylvania', `VALLETTA (Wire) - ${BODY[0]}`, ...BODY.slice(1), 'Reporting by a staff correspondent; editing by the desk.'].join('\n\n'))],
  ['a lightly edited version', cleaned([HEADLINE, ...BODY].join('\n\n').replace('almost two years', 'nearly two years').replace('urged', 'pressed').replace('three hours', 'four hours').replace('for months', 'for many months').replace('several small', 'a number of small'))],
];

const NEAR_MISSES: [string, string][] = [
  ['another report of the same meeting in its own words', cleaned([
    'Freedonia and Sylvania hold first harbour talks in two years',
    'Talks between Freedonia and Sylvania over the contested harbour resumed in Valletta on Tuesday after a break of nearly two years.',
    'Anna Kovacs, Freedonia\'s top diplomat, pressed for the northern lane to be opened to ships again, while Piotr Lenz of Sylvania offered joint patrols.',
    'Lenz ruled out redrawing the treaty border. Both sides plan further meetings of experts in the coming weeks, according to a statement.',
  ].join('\n\n'))],
  ['a follow-up that quotes one paragraph of the first story', cleaned([
    'Harbour working groups fail to agree on patrol rules',
    'Experts from Freedonia and Sylvania ended two days of meetings without agreeing on who would command a joint patrol of the bay.',
    BODY[2]!,
    'A Freedonian negotiator said the gap on command was wide but not impossible to close, and that a new round was planned for the autumn.',
    'Harbour pilots said traffic in the southern channel had doubled since the closure, raising the risk of collisions near the breakwater.',
  ].join('\n\n'))],
  ['an unrelated story', cleaned('Storm closes schools\n\nHeavy rain closed schools across the northern valleys on Monday and the weather service warned of more flooding before the weekend.')],
];

describe('near-duplicate detection', () => {
  const original = cleaned(STORY);

  it.each(DUPLICATES)('%s is a near-duplicate', (_what, variant) => {
    expect(similarity(original, variant)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it.each(NEAR_MISSES)('%s is not', (_what, other) => {
    expect(similarity(original, other)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
  });

  it('the fingerprint ignores case, punctuation and line ends, and is empty for no words', () => {
    expect(fingerprintText('Talks, RESUMED\r\nin Valletta!')).toEqual(fingerprintText('talks resumed in valletta'));
    expect(fingerprintText(' ... ')).toEqual([]);
    expect(estimateSimilarity([], fingerprintText('a b c d'))).toBe(0);
  });

  const result = (id: string, text: string, extra: Partial<ArticleResult['article']> = {}): ArticleResult => ({
    article: { id, path: id, title: '', hash: id, chars: text.length, tokens: 0, fingerprint: fingerprintText(text), ...extra },
    mentions: [], entities: [], relations: [], quotes: [], diagnostics: [],
  });

  it('keeps one article per story: the dated one, then the longest, then the first id; lists the others', () => {
    const [, html] = DUPLICATES[1]!;
    const [, wire] = DUPLICATES[2]!;
    const results = [
      result('a.txt', original),
      result('b.html', html, { published: { date: '2026-03-03', source: 'html-meta' } }),
      result('c.txt', wire),
      result('d.txt', NEAR_MISSES[0]![1]),
      result('e.txt', 'a text with no fingerprint', { fingerprint: undefined }),
    ];
    const { kept, duplicates } = findNearDuplicates(results);
    expect(kept.map((r) => r.article.id)).toEqual(['b.html', 'd.txt', 'e.txt']);
    expect(Object.fromEntries(duplicates)).toEqual({ 'b.html': ['a.txt', 'c.txt'] });
    const undated = findNearDuplicates([result('a.txt', original), result('c.txt', wire)]);
    expect(undated.kept.map((r) => r.article.id)).toEqual([original.length >= wire.length ? 'a.txt' : 'c.txt']);
  });

  it('gives the same groups whatever the order of the results', () => {
    const results = [result('a.txt', original), ...DUPLICATES.map(([, t], i) => result(`dup${i}.txt`, t)), ...NEAR_MISSES.map(([, t], i) => result(`miss${i}.txt`, t))];
    const forwards = findNearDuplicates(results);
    const backwards = findNearDuplicates([...results].reverse());
    expect(new Set(backwards.kept.map((r) => r.article.id))).toEqual(new Set(forwards.kept.map((r) => r.article.id)));
    expect(forwards.kept).toHaveLength(1 + NEAR_MISSES.length);
  });
});
