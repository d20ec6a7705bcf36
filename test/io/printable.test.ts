import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameFromBytes, printable } from '../../src/io/printable.js';

/** What a terminal would act on rather than show. */
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

describe('printable', () => {
  it.each([
    ['\u001b[31mred\u001b[0m.txt', '\\x1b[31mred\\x1b[0m.txt'],
    ['new\nline.txt', 'new\\x0aline.txt'],
    ['tab\there', 'tab\\x09here'],
    ['bidi\u202etxt.exe', 'bidi\\u{202e}txt.exe'],
    ['c1\u009bcontrol', 'c1\\x9bcontrol'],
    ['lone\ud800half', 'lone\\u{d800}half'],
    ['Zürich 東京 😀.txt', 'Zürich 東京 😀.txt'],
    ['caf\\xe9.txt', 'caf\\xe9.txt'],
  ])('%j -> %s', (raw, shown) => {
    expect(printable(raw)).toBe(shown);
  });

  it('leaves nothing a terminal acts on, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = printable(text);
        expect(ACTIVE.test(shown)).toBe(false);
        expect(LONE_SURROGATE.test(shown)).toBe(false);
      }),
    );
  });

  it('changes text that holds nothing active not at all (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!ACTIVE.test(text));
        expect(printable(text)).toBe(text);
      }),
    );
  });
});

describe('nameFromBytes', () => {
  it('decodes UTF-8 names as they are', () => {
    expect(nameFromBytes(Buffer.from('Zürich.txt'))).toEqual({ text: 'Zürich.txt', utf8: true });
  });

  it('shows the bytes of a name that is not UTF-8 as \\xNN', () => {
    expect(nameFromBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]))).toEqual({ text: 'caf\\xe9.txt', utf8: false });
  });

  it('gives ASCII only, one escape per byte above 0x7f, for any bytes that are not UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const { text, utf8 } = nameFromBytes(bytes);
        if (utf8) {
          expect(Buffer.from(text, 'utf8').equals(Buffer.from(bytes))).toBe(true);
        } else {
          expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
          expect(text.match(/\\x[0-9a-f]{2}/g)?.length ?? 0).toBeGreaterThanOrEqual(bytes.filter((b) => b > 0x7f).length);
        }
      }),
    );
  });
});
