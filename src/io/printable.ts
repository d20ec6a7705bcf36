/**
 * Text about files, made safe to print on a terminal: a file name can hold
 * escape sequences (ESC [ ...), newlines, bidirectional overrides or bytes
 * that are not UTF-8, and printed raw they would recolour, rewrite or split
 * the lines around them. Everything newsgraph prints about an input goes
 * through `printable`; the data (graph, results) keeps the names as they are.
 */

/** C0 and C1 controls, DEL, line/paragraph separators, bidi marks and overrides, lone surrogates. */
// With the `u` flag a surrogate pair is one code point, so the surrogate range matches only lone halves.
// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `text` with every character that could change what a terminal shows escaped as `\xNN` or `\u{NNNN}`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file name read as bytes: the text if the bytes are UTF-8, else the bytes
 * below 0x80 as they are and every other byte as `\xNN` (`caf\xe9.txt` for a
 * Latin-1 name), so that the name can be shown and stored as text.
 */
export function nameFromBytes(bytes: Uint8Array): { readonly text: string; readonly utf8: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), utf8: true };
  } catch {
    let text = '';
    for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    return { text, utf8: false };
  }
}
