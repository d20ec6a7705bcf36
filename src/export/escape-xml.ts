/**
 * XML 1.0 text and attribute escaping for the GraphML writer.
 *
 * Markup: attribute values are escaped with the `entities` package
 * (`escapeUTF8`: `& < > " '` as the five XML entities, everything else left as
 * UTF-8). Element content only needs `& < >` (as StAX writers such as APOC's
 * do), which keeps JSON-encoded lists readable; `>` is always escaped so
 * `]]>` cannot appear. Non-BMP characters (emoji) are written as themselves.
 *
 * Control-character policy: XML 1.0 cannot carry U+0000-U+0008, U+000B,
 * U+000C, U+000E-U+001F, lone surrogates, U+FFFE or U+FFFF, not even as
 * character references (`&#1;` is a well-formedness error). Each such code
 * point is REPLACED by U+FFFD (the replacement character), never dropped, so a
 * reader can see that something was there (the same thing `TextEncoder` does
 * to a lone surrogate).
 *
 * Line ends and whitespace survive exactly: a parser normalises raw line ends
 * (CR LF and CR to LF; @xmldom/xmldom, which graphology-graphml uses in Node,
 * also turns NEL U+0085 and LINE SEPARATOR U+2028 into LF, as XML 1.1 does),
 * and normalises tab / LF / CR in attribute values to spaces. Character
 * references are exempt from both, so CR, NEL and U+2028 are always written
 * as `&#13;`, `&#133;`, `&#8232;`, and in attribute values tab and LF as
 * `&#9;`, `&#10;` too.
 */
import { escapeUTF8 } from 'entities';

/**
 * Code points XML 1.0 forbids. With the `u` flag, `\uD800-\uDFFF` matches only
 * lone surrogates (a valid pair is one code point above U+FFFF).
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const XML_REPLACEMENT_CHAR = '\uFFFD';

const charRef = (c: string): string => `&#${c.charCodeAt(0)};`;

/** Fast paths: most values need no work at all. */
// eslint-disable-next-line no-control-regex
const TEXT_NEEDS_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>\r\u0085\u2028]/;
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_NEEDS_WORK = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"'\u0085\u2028]/;

/** `text` with every code point XML 1.0 forbids replaced by U+FFFD. */
export function replaceInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, XML_REPLACEMENT_CHAR);
}

/** Escapes `text` for element content (`<data>…</data>`). */
export function escapeXmlText(text: string): string {
  if (!TEXT_NEEDS_WORK.test(text)) return text;
  return replaceInvalidXmlChars(text).replace(/[&<>\r\u0085\u2028]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : charRef(c),
  );
}

/** Escapes `text` for a double-quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  if (!ATTRIBUTE_NEEDS_WORK.test(text)) return text;
  return escapeUTF8(replaceInvalidXmlChars(text)).replace(/[\t\n\r\u0085\u2028]/g, charRef);
}
