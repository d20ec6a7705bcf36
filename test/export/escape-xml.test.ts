import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, replaceInvalidXmlChars } from '../../src/export/escape-xml.js';

describe('escape-xml', () => {
  it.each([
    ['plain', 'plain', 'plain'],
    ['markup (quotes need no escaping in content)', `a<b>&"c'`, 'a&lt;b&gt;&amp;"c\''],
    ['CDATA end', 'x]]>y', 'x]]&gt;y'],
    ['an entity stays text', '&amp;', '&amp;amp;'],
    ['line feed', 'a\nb', 'a\nb'],
    ['carriage return', 'a\r\nb', 'a&#13;\nb'],
    ['tab', 'a\tb', 'a\tb'],
    ['NUL and C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg'],
    ['DEL is legal and written as is', 'a\u007Fb', 'a\u007Fb'],
    ['NEL and LINE SEPARATOR are written as references (xmldom would turn them into LF)', 'a\u0085b\u2028c\u2029', 'a&#133;b&#8232;c\u2029'],
    ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFF', 'a\uFFFDb\uFFFD'],
    ['lone surrogates', 'a\uD800b\uDFFF', 'a\uFFFDb\uFFFD'],
    ['reversed surrogate pair', '\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['emoji and other astral characters survive', '😀👍🏽𝒜', '😀👍🏽𝒜'],
    ['typographic quotes and dashes', '“x” — é', '“x” — é'],
  ])('text: %s', (_name, input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it.each([
    ['markup', `a<b>&"c'`, 'a&lt;b&gt;&amp;&quot;c&apos;'],
    ['whitespace is kept as references', 'a\tb\nc\rd\u0085e\u2028', 'a&#9;b&#10;c&#13;d&#133;e&#8232;'],
    ['control character', 'a\u0002b', 'a\uFFFDb'],
    ['emoji', 'id:😀', 'id:😀'],
  ])('attribute: %s', (_name, input, expected) => {
    expect(escapeXmlAttribute(input)).toBe(expected);
  });

  it('replaces each forbidden code point by one U+FFFD', () => {
    expect(replaceInvalidXmlChars('\u0000\u0000\uD800')).toBe('\uFFFD\uFFFD\uFFFD');
    expect(replaceInvalidXmlChars('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });
});
