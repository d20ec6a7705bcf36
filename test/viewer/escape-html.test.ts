import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeJsonForScript } from '../../src/viewer/escape-html.js';

describe('escapeJsonForScript', () => {
  it.each([
    ['</script><img src=x onerror=alert(1)>', '"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"'],
    ['<!-- a & b -->', '"\\u003c!-- a \\u0026 b --\\u003e"'],
    ['line\u2028para\u2029end', '"line\\u2028para\\u2029end"'],
    ['plain “quotes” — ok', '"plain “quotes” — ok"'],
  ])('%j -> %s', (input, expected) => {
    expect(escapeJsonForScript(input)).toBe(expected);
  });

  it('parses back to the same value and never contains < > & U+2028 U+2029', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const v of [value, { text, list: [text, value] }]) {
          const out = escapeJsonForScript(v);
          expect(/[<>&\u2028\u2029]/.test(out)).toBe(false);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters and keeps the text otherwise', () => {
    expect(escapeHtml(`Blinken & Lavrov <talk> "x" 'y'`)).toBe('Blinken &amp; Lavrov &lt;talk&gt; &quot;x&quot; &apos;y&apos;');
  });

  it('leaves no < > " in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(/[<>"]/.test(escapeHtml(s))).toBe(false);
      }),
    );
  });
});
