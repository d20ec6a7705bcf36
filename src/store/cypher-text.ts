/**
 * Cypher text as tokens (pure): string literals, comments, quoted names and
 * parameters are told apart from keywords, so the checks and rewrites of a
 * statement look only at what the database would parse as code.
 */

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'comment' | 'space' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets into the statement text. */
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SPACE = /\s+/y;
const PARAM = /\$(?:[\p{L}_][\p{L}\p{N}_]*|\d+)/uy;

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : at;
}

/** End of a literal or quoted name that opened with `quote` at `at` (backslash escapes; a doubled backtick in names). */
function closing(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && quote !== '`') i += 2;
    else if (ch === quote) {
      if (quote === '`' && text[i + 1] === '`') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length; // unterminated: the rest of the text (the parser reports it)
}

/** Splits Cypher text into tokens; concatenating their texts gives the input back. */
export function tokenizeCypher(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    let end: number;
    let kind: TokenKind;
    if (ch === "'" || ch === '"') [kind, end] = ['string', closing(text, i, ch)];
    else if (ch === '`') [kind, end] = ['quoted', closing(text, i, ch)];
    else if (ch === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      [kind, end] = ['comment', nl === -1 ? text.length : nl];
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      [kind, end] = ['comment', close === -1 ? text.length : close + 2];
    } else if ((end = sticky(SPACE, text, i)) > i) kind = 'space';
    else if ((end = sticky(WORD, text, i)) > i) kind = 'word';
    else if ((end = sticky(NUMBER, text, i)) > i) kind = 'number';
    else if ((end = sticky(PARAM, text, i)) > i) kind = 'param';
    else [kind, end] = ['punct', i + 1];
    tokens.push({ kind, text: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

/** The tokens the parser sees (no spaces, no comments). */
export const significant = (tokens: readonly Token[]): Token[] => tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');

/** A word token's keyword form (upper case), or '' for any other token. */
export const keyword = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

/** `$name` parameters a statement uses, in order of first use, without the `$`. */
export function statementParameters(text: string): string[] {
  return [...new Set(tokenizeCypher(text).filter((t) => t.kind === 'param').map((t) => t.text.slice(1)))];
}

/** Index of the token that closes the bracket opened at `open` (significant tokens), or -1. */
export function matchingBracket(tokens: readonly Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (tokens[i]!.kind !== 'punct') continue;
    if (pairs[t]) stack.push(pairs[t]!);
    else if (t === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Bracket depth before each significant token. */
export function depths(tokens: readonly Token[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (t.kind === 'punct' && ')]}'.includes(t.text)) depth = Math.max(0, depth - 1);
    const d = depth;
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    return d;
  });
}
