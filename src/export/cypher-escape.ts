/**
 * Neo4j Cypher literals and names, escaped so that any string (quotes,
 * backslashes, newlines, control characters, lone surrogates, non-BMP
 * characters) parses back to exactly the same value.
 */
import type { PropertyType } from '../store/graph-schema.js';

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label, relationship type, property or map key: bare when simple, else in backticks (backticks doubled). */
export function cypherName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const hex4 = (code: number): string => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A single-quoted Cypher string literal. Backslash, quote and the usual
 * control characters get their short escapes; every other C0/C1 control,
 * U+2028/U+2029 and a lone surrogate becomes `\uXXXX`; everything else
 * (including valid surrogate pairs, i.e. non-BMP characters) is kept as is.
 */
export function cypherString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) {
      out += short;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + value[i + 1]!;
        i++;
      } else {
        out += hex4(code);
      }
    } else if ((code >= 0xdc00 && code <= 0xdfff) || code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      out += hex4(code);
    } else {
      out += ch;
    }
  }
  return `${out}'`;
}

/** A finite number as a Cypher float literal (always with a decimal point or exponent). */
function floatLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a Cypher literal`);
  const s = String(value);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** A value of a schema property type as a Cypher literal (null for a missing value). */
export function cypherLiteral(type: PropertyType, value: unknown): string {
  if (value === undefined || value === null) return 'null';
  switch (type) {
    case 'STRING':
      return cypherString(String(value));
    case 'STRING[]':
      return `[${(Array.isArray(value) ? value : [value]).map((v) => cypherString(String(v))).join(', ')}]`;
    case 'INT64': {
      const n = typeof value === 'number' ? Math.trunc(value) : Number(value);
      if (!Number.isFinite(n)) throw new RangeError(`cannot write ${String(value)} as a Cypher integer`);
      return String(n);
    }
    case 'DOUBLE':
      return floatLiteral(Number(value));
    case 'BOOLEAN':
      return value ? 'true' : 'false';
  }
}

/** A Cypher map literal from already-rendered values. */
export function cypherMap(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([k, v]) => `${cypherName(k)}: ${v}`).join(', ')}}`;
}
