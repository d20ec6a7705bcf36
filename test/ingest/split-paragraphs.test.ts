import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkParagraph, collapseWhitespace, splitParagraphs } from '../../src/ingest/split-paragraphs.js';

describe('splitParagraphs', () => {
  it.each([
    ['one per line', 'a\nb\nc', ['a', 'b', 'c']],
    ['blank lines', 'a\n\n\n\nb', ['a', 'b']],
    ['CRLF and CR', 'a\r\nb\rc', ['a', 'b', 'c']],
    ['unicode line and paragraph separators', 'a\u2028b\u2029c', ['a', 'b', 'c']],
    ['tabs, NBSP and runs of spaces', ' a \t b\u00a0\u00a0c ', ['a b c']],
    ['zero-width characters and soft hyphens', 'Ky\u200biv\u00ad \ufeffnews', ['Kyiv news']],
    ['whitespace-only lines', '  \n\t\n', []],
  ])('%s', (_name, text, expected) => {
    expect(splitParagraphs(text)).toEqual(expected);
  });
});

describe('collapseWhitespace', () => {
  it('leaves single spaces alone and collapses the rest', () => {
    expect(collapseWhitespace('a b  c\u2003d')).toBe('a b c d');
  });
});

describe('chunkParagraph', () => {
  it('cuts after a full stop when one is in the second half of the window', () => {
    expect(chunkParagraph('Aaaa aaaa. Bbbb bbbb. Cccc', 12)).toEqual(['Aaaa aaaa.', 'Bbbb bbbb.', 'Cccc']);
  });

  it('keeps every word, in order, with pieces no longer than the limit (property)', () => {
    // Words of at most 9 chars: every cut window (at least 11 chars) holds a space, so no word is split.
    const word = fc.stringMatching(/^[a-z]{1,8}\.?$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 300 }), fc.integer({ min: 20, max: 200 }), (words, max) => {
        const paragraph = words.join(' ');
        const pieces = chunkParagraph(paragraph, max);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(p).toBe(p.trim());
        }
        expect(pieces.join(' ')).toBe(paragraph);
      }),
    );
  });
});
