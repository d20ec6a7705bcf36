import { describe, expect, it } from 'vitest';
import { findArticleDate, headDate, htmlPublishedDate, toDay } from '../../src/dates/article-date.js';

const text = (raw: string) => ({ raw, html: false, text: raw });

describe('htmlPublishedDate', () => {
  it.each([
    ['<meta property="article:published_time" content="2026-03-02T09:30:00+09:00">', '2026-03-02', 'html-meta'],
    ["<meta name='pubdate' content='20260302'><meta itemprop=datePublished content=2026-03-01>", '2026-03-01', 'html-meta'],
    ['<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-12-28T00:00:00Z"}]}</script>', '2025-12-28', 'json-ld'],
    ['<script type="application/ld+json">{broken</script><time datetime="2024-07-19">July 19</time>', '2024-07-19', 'time-element'],
  ])('%s', (html, date, source) => {
    expect(htmlPublishedDate(html)).toEqual({ date, source });
  });

  it('gives nothing for a page without a date', () => {
    expect(htmlPublishedDate('<html><head><meta name="author" content="A. Writer"></head><body><p>Hello</p></body></html>')).toBeUndefined();
  });
});

describe('headDate', () => {
  it.each([
    ['Talks stall\n\nPublished :`2024-07-19 23:36:11`\n\n---\n\nThe court said Friday ...', '2024-07-19'],
    ['Talks stall\n\nUpdated 10:02 AM ET, Mon March 2, 2026\n\n(CNN) -- The envoy said ...', '2026-03-02'],
    ['North and South\n\n**Herald** | 2025-12-28 00:00 |\n\nThe leader ...', '2025-12-28'],
    ['TALKS STALL\n\nTOKYO, March 2, 2026 (Reuters) - The minister said ...', '2026-03-02'],
  ])('%s', (head, date) => {
    expect(headDate(head)).toBe(date);
  });

  it('a dateline without a year takes the fallback year, and is unknown without one', () => {
    const head = 'PLANNING MINISTER RESIGNS\n\nBRASILIA, March 17 - The minister resigned, a spokesman said.';
    expect(headDate(head, '1987-04-01')).toBe('1987-03-17');
    expect(headDate(head)).toBeUndefined();
  });

  it('a date in the headline or deep in the body, or a relative one, is not the publication date', () => {
    expect(headDate('Jan. 22, 2026: the day the talks failed\n\nThe minister said on Jan. 22, 2026 that ...')).toBeUndefined();
    expect(headDate('Lee condemns shelling\n\nSeoul (CNN) -- The president said a day after the attack ...')).toBeUndefined();
  });
});

describe('findArticleDate', () => {
  const dated = 'Talks stall\n\nPublished: 2024-07-19\n\nThe court said ...';
  it('prefers the sidecar, then the page, then the text, then the fallback', () => {
    expect(findArticleDate({ ...text(dated), sidecar: '2024-07-20', fallback: '2024-01-01' })).toEqual({ date: '2024-07-20', source: 'sidecar' });
    expect(findArticleDate({ ...text(dated), fallback: '2024-01-01' })).toEqual({ date: '2024-07-19', source: 'dateline' });
    expect(findArticleDate({ ...text('Talks stall\n\nThe court said ...'), fallback: '2024-01-01' })).toEqual({ date: '2024-01-01', source: 'option' });
    expect(findArticleDate({ raw: '<meta property="article:published_time" content="2023-05-06">', html: true, text: dated })).toEqual({ date: '2023-05-06', source: 'html-meta' });
  });

  it('is unknown when nothing states a date', () => {
    expect(findArticleDate(text('Talks stall\n\nThe court said on Friday that ...'))).toBeUndefined();
  });
});

describe('toDay', () => {
  it.each([
    ['2026-03-02T23:30:00-05:00', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
    ['Mon, 02 Mar 2026 10:00:00 GMT', '2026-03-02'],
    ['March 2, 2026', '2026-03-02'],
    ['2026-02-30', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('%s -> %s', (value, day) => {
    expect(toDay(value)).toBe(day);
  });
});
