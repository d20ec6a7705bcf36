import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, formatOfFile, loadBoilerplateRules, type CleanedText } from '../../src/ingest/clean-text.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const rules = loadBoilerplateRules();
const FIXTURES = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'ingest');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

function paragraphTexts(c: CleanedText): string[] {
  return c.paragraphs.map((s) => c.text.slice(s.start, s.end));
}

describe('cleanText: plain text', () => {
  it('splits on blank lines and on single newlines, trims and collapses inner whitespace', () => {
    const c = cleanText('  Headline here \r\n\r\nFirst   paragraph\tof text.\nSecond\u00a0paragraph.\n\n\n  Third  ', 'txt', rules);
    expect(paragraphTexts(c)).toEqual(['Headline here', 'First paragraph of text.', 'Second paragraph.', 'Third']);
    expect(c.text).toBe('Headline here\n\nFirst paragraph of text.\n\nSecond paragraph.\n\nThird');
    expect(c.title).toBe('Headline here');
    expect(c.dropped).toEqual([]);
  });

  it('gives an empty title and text when everything is boilerplate', () => {
    const c = cleanText('Advertisement\n\nShare this article\n', 'txt', rules);
    expect(c).toEqual({
      title: '',
      text: '',
      paragraphs: [],
      dropped: [
        { text: 'Advertisement', rule: 'site-chrome' },
        { text: 'Share this article', rule: 'social-share' },
      ],
    });
  });

  it('keeps spans consistent with the text (property)', () => {
    const line = fc.stringMatching(/^[ \tA-Za-z.,“”é]{0,40}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\n\n', '\r\n'), (lines, sep) => {
        const c = cleanText(lines.join(sep), 'txt', rules);
        const texts = paragraphTexts(c);
        expect(texts.join('\n\n')).toBe(c.text);
        for (const t of texts) {
          expect(t).toBe(t.trim());
          expect(t).not.toMatch(/\s{2}|\n|\t/);
          expect(t.length).toBeGreaterThan(0);
        }
        expect(c.title).toBe(texts[0] ?? '');
      }),
    );
  });

  it('cuts a 50 MB one-line file into paragraphs of at most 20,000 chars at sentence ends, in linear time', () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50_000_000; i++) {
      const s = `Officials said round ${i} of the talks would continue in Geneva next week. `;
      parts.push(s);
      size += s.length;
    }
    const big = parts.join('');
    const t0 = performance.now();
    const c = cleanText(big, 'txt', rules);
    const ms = performance.now() - t0;
    expect(c.paragraphs.length).toBeGreaterThan(2500);
    for (const s of c.paragraphs) expect(s.end - s.start).toBeLessThanOrEqual(20_000);
    const texts = paragraphTexts(c);
    expect(texts.every((t) => t.endsWith('.'))).toBe(true);
    expect(texts.join(' ')).toBe(big.trim());
    expect(ms).toBeLessThan(15_000);
  });

  it('cuts a long line without spaces at the limit', () => {
    const line = 'abcdefg'.repeat(6_430); // 45,010 chars; no two 20,000-char pieces are equal
    const c = cleanText(line, 'txt', rules);
    expect(c.paragraphs.map((s) => s.end - s.start)).toEqual([20_000, 20_000, 5_010]);
    expect(paragraphTexts(c).join('')).toBe(line);
  });
});

describe('cleanText: HTML', () => {
  const c = cleanText(fixture('article-page.html'), 'html', rules);
  const texts = paragraphTexts(c);

  it('takes the title from <h1> and puts it first', () => {
    expect(c.title).toBe('Blinken and Lavrov agree to keep talking');
    expect(texts[0]).toBe('Blinken and Lavrov agree to keep talking');
  });

  it('keeps the paragraphs and headings of the article, with entities decoded', () => {
    expect(texts).toEqual([
      'Blinken and Lavrov agree to keep talking',
      'U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov agreed on Friday to keep talking, although no progress was made in Geneva.',
      '“We are on a clearer path,” Blinken told reporters — adding that the U.S. & its allies would respond "swiftly" to any invasion.',
      'Tensions and talks with Russia',
      'Lavrov said Moscow was waiting for a written answer',
      'to its demands for security guarantees.',
    ]);
  });

  it('drops scripts, styles, nav, header, footer, aside, forms, figures, iframes and the byline', () => {
    for (const gone of ['dataLayer', 'font-family', 'Politics', 'World News Daily', 'Nord Stream', 'Post Comment', 'Leave a Reply', 'Martial Trezzini', 'youtube', 'JavaScript', 'Back to top', 'Jane Doe', 'Advertisement', 'Home']) {
      expect(c.text).not.toContain(gone);
    }
    expect(c.dropped).toContainEqual({ text: 'By Jane Doe, Reuters', rule: 'byline' });
    expect(c.dropped).toContainEqual({ text: 'Read more: Earlier coverage of the crisis', rule: 'see-also' });
    expect(c.dropped).toContainEqual({ text: 'Ukraine crisis', rule: 'html-before-headline' });
  });

  it('falls back to <title> without the site name when there is no <h1>', () => {
    const t = cleanText(fixture('title-only.html'), 'html', rules);
    expect(t.title).toBe('Kremlin says Putin ready for talks');
    expect(paragraphTexts(t)).toEqual([
      'Kremlin says Putin ready for talks',
      'The Kremlin said on Tuesday that President Vladimir Putin was ready for talks with President Joe Biden.',
      'Spokesman Dmitry Peskov told reporters the contacts needed to be planned thoroughly.',
    ]);
  });

  it('reads only <main> when the page has one', () => {
    expect(c.text).not.toContain('Most popular');
    expect(c.text).not.toContain('Lisbon');
  });

  it('reads the whole body when the page has several <article> teasers and no <main>', () => {
    const html =
      '<html><head><title>Talks | Site</title></head><body><h1>Talks resume</h1><p>Diplomats met in Vienna.</p>' +
      '<article><h2>Oil prices rise</h2></article><article><h2>Markets calm</h2></article></body></html>';
    expect(paragraphTexts(cleanText(html, 'html', rules))).toEqual(['Talks resume', 'Diplomats met in Vienna.', 'Oil prices rise', 'Markets calm']);
  });

  it('handles a bare fragment without html/body', () => {
    const t = cleanText('<p>Talks &amp; more talks</p><script>x()</script><p>Second</p>', 'html', rules);
    expect(paragraphTexts(t)).toEqual(['Talks & more talks', 'Second']);
  });
});

describe('cleanText: Markdown', () => {
  const c = cleanText(fixture('article.md'), 'md', rules);

  it('strips markup, joins soft-wrapped lines and drops images and boilerplate', () => {
    expect(paragraphTexts(c)).toEqual([
      'NATO rejects Russian demands',
      'Brussels — NATO Secretary-General Jens Stoltenberg said on Wednesday that the alliance had sent its written answer to Moscow.',
      '“We are ready to listen to Russia’s concerns,” Stoltenberg said.',
      'The alliance will not close its open-door policy.',
      'It proposed talks on arms control.',
    ]);
    expect(c.title).toBe('NATO rejects Russian demands');
    expect(c.dropped.map((d) => d.rule)).toEqual(['caption', 'social-share']);
  });

  it('uses the front-matter title when the body has no heading', () => {
    const t = cleanText('---\ntitle: Sanctions loom\n---\nThe EU prepared sanctions.\n', 'md', rules);
    expect(t.title).toBe('Sanctions loom');
  });
});

describe('formatOfFile', () => {
  it.each([
    ['a.txt', 'txt'],
    ['A.MD', 'md'],
    ['x/y.markdown', 'md'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['notes', 'txt'],
    ['data.json', 'txt'],
  ])('%s -> %s', (file, format) => {
    expect(formatOfFile(file)).toBe(format);
  });
});
