import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../src/ingest/decode.js';

const SAMPLE = 'Lavrov said “security guarantees” were needed — Zürich, Kraków, São Paulo.';

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string, bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

// [case, bytes, expected text (null = refused), encoding, diagnostic codes]
const TABLE: readonly (readonly [string, Uint8Array, string | null, string, readonly string[]])[] = [
  ['UTF-8', Buffer.from(SAMPLE, 'utf8'), SAMPLE, 'utf-8', []],
  ['UTF-8 with BOM (BOM dropped)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), SAMPLE, 'utf-8', []],
  ['UTF-16 LE with BOM', utf16le(SAMPLE, true), SAMPLE, 'utf-16le', []],
  ['UTF-16 BE with BOM', utf16be(SAMPLE, true), SAMPLE, 'utf-16be', []],
  ['UTF-16 LE without BOM', utf16le(SAMPLE, false), SAMPLE, 'utf-16le', []],
  ['UTF-16 BE without BOM', utf16be(SAMPLE, false), SAMPLE, 'utf-16be', []],
  ['Latin-1 (é, ü)', Buffer.from('Caf\u00e9 in M\u00fcnchen', 'latin1'), 'Café in München', 'windows-1252', ['ingest/decoded-latin1']],
  [
    'windows-1252 smart quotes and euro sign',
    Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x6f, 0x6b]),
    '“Hi” €5 – ok',
    'windows-1252',
    ['ingest/decoded-latin1'],
  ],
  ['invalid UTF-8 (truncated sequence)', Uint8Array.from([0x4f, 0x6b, 0x20, 0xe2, 0x80, 0x20, 0x61]), 'Ok â€ a', 'windows-1252', ['ingest/decoded-latin1']],
  ['PNG bytes', PNG, null, 'binary', ['ingest/not-text']],
  ['random control bytes', Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 32), null, 'binary', ['ingest/not-text']],
  ['text with NUL bytes, not UTF-16', Buffer.from('abc\u0000\u0000\u0000def ghi jkl', 'utf8'), null, 'binary', ['ingest/not-text']],
  [
    'one stray NUL and escape in a long text (removed)',
    Buffer.from(`${'Talks went on. '.repeat(20)}\u0000End\u001b.`, 'utf8'),
    `${'Talks went on. '.repeat(20)}End.`,
    'utf-8',
    [],
  ],
  ['empty', new Uint8Array(0), null, 'none', ['ingest/empty']],
  ['whitespace only', Buffer.from(' \n\t \r\n  ', 'utf8'), null, 'utf-8', ['ingest/empty']],
  ['BOM only', Uint8Array.from([0xef, 0xbb, 0xbf]), null, 'utf-8', ['ingest/empty']],
];

describe('decodeBytes', () => {
  it.each(TABLE)('%s', (_name, bytes, text, encoding, codes) => {
    const r = decodeBytes(bytes, 'in/a.txt');
    expect(r.text).toBe(text);
    expect(r.encoding).toBe(encoding);
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
    for (const d of r.diagnostics) {
      expect(d.file).toBe('in/a.txt');
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.fatal).toBe(text === null);
      expect(d.severity).toBe(text === null ? 'error' : 'warning');
    }
  });

  it('decodes any valid UTF-8 text unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (s) => {
        fc.pre(s.trim() !== '' && !/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(s) && !s.startsWith('\ufeff'));
        const r = decodeBytes(Buffer.from(s, 'utf8'), 'p.txt');
        expect(r.text).toBe(s);
        expect(r.diagnostics).toEqual([]);
      }),
    );
  });

  it('round-trips UTF-16 LE and BE with a BOM (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }), (s) => {
        fc.pre(s.trim() !== '' && !/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(s) && !s.startsWith('\ufeff'));
        expect(decodeBytes(utf16le(s, true), 'p.txt').text).toBe(s);
        expect(decodeBytes(utf16be(s, true), 'p.txt').text).toBe(s);
      }),
    );
  });
});
