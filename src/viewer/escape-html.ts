/**
 * Escaping for the two places the viewer page embeds text: HTML text and
 * attribute values, and JSON inside `<script type="application/json">`.
 */
import { escapeUTF8 } from 'entities';

/** HTML text or double-quoted attribute value: `& < > " '` escaped. */
export const escapeHtml = (text: string): string => escapeUTF8(text);

/**
 * JSON.stringify, then `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX`
 * escapes: the result parses back to the same value with JSON.parse and
 * cannot end the script element (`</script>`), open a comment (`<!--`)
 * or be read as markup.
 */
export function escapeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
