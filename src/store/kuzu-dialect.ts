/**
 * Neo4j's Cypher on the embedded Kùzu store (pure text rewrites on tokens):
 * the common Neo4j forms that Kùzu spells differently are translated
 * (`type(r)` -> `label(r)`, `shortestPath(...)` -> `* SHORTEST`, list
 * comprehensions -> `list_transform` / `list_filter`), and every returned
 * column without an alias is named by its expression as written (Kùzu would
 * name `type(r)` after its internal rewrite, hundreds of characters long).
 */
import { depths, keyword, matchingBracket, significant, tokenizeCypher, type Token } from './cypher-text.js';

/** Neo4j function -> the Kùzu function that does the same. */
const FUNCTION_NAMES: Readonly<Record<string, string>> = {
  TYPE: 'label',
  TOINTEGER: 'to_int64',
  TOFLOAT: 'to_double',
  TOSTRING: 'to_string',
};

/** Neo4j functions Kùzu lacks, with the Kùzu form to use instead. */
const FUNCTION_HINTS: Readonly<Record<string, string>> = {
  STARTNODE: 'Kùzu has no startNode(r): name the ends in the pattern, (a)-[r]->(b)',
  ENDNODE: 'Kùzu has no endNode(r): name the ends in the pattern, (a)-[r]->(b)',
  ELEMENTID: "Kùzu's id(n) gives a node's internal id; the stable key is n.key",
  EXISTS: 'Kùzu tests a property with IS NOT NULL and a pattern with EXISTS { MATCH ... }',
  HEAD: 'Kùzu: list_extract(list, 1) (lists count from 1)',
  LAST: 'Kùzu: list_extract(list, size(list))',
  SPLIT: 'Kùzu: string_split(text, separator)',
  REDUCE: 'Kùzu: list_reduce(list, (acc, x) -> ...)',
  REPLACE: "Kùzu: regexp_replace(text, pattern, replacement, 'g')",
  TOBOOLEAN: "Kùzu: cast(x, 'BOOL')",
};

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Tokens as one string without spaces or comments, to compare two expressions as written. */
const compact = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join('');

/**
 * Adds `AS \`expression\`` to every item of the statement's RETURN clause
 * that has no alias, so the column is named as written. Left alone: `*`,
 * items holding a backtick, and UNION queries (whose branches must agree).
 * An ORDER BY item that repeats a returned expression is pointed at its
 * column (Kùzu cannot see the variables of an aggregating RETURN there).
 */
export function nameColumns(statement: string): string {
  const tokens = significant(tokenizeCypher(statement));
  const depth = depths(tokens);
  if (tokens.some((t, i) => depth[i] === 0 && keyword(t) === 'UNION')) return statement;
  const edits: Edit[] = [];
  const ends = (j: number, words: readonly string[]): boolean =>
    tokens[j] === undefined || (depth[j] === 0 && (words.includes(keyword(tokens[j])) || tokens[j]!.text === ';'));
  /** The items of a clause from `from` up to one of `words` at the top level, split at top-level commas. */
  const items = (from: number, words: readonly string[]): { list: Array<[number, number]>; end: number } => {
    const list: Array<[number, number]> = [];
    let start = from;
    let j = from;
    for (; ; j++) {
      const last = ends(j, words);
      if (last || (depth[j] === 0 && tokens[j]!.text === ',')) {
        if (j > start) list.push([start, j]);
        start = j + 1;
      }
      if (last) break;
    }
    return { list, end: j };
  };
  for (let i = 0; i < tokens.length; i++) {
    if (depth[i] !== 0 || keyword(tokens[i]) !== 'RETURN') continue;
    const first = keyword(tokens[i + 1]) === 'DISTINCT' ? i + 2 : i + 1;
    const returned = items(first, ['ORDER', 'SKIP', 'LIMIT']);
    /** Returned expression (compacted) -> its column name, quoted. */
    const columns = new Map<string, string>();
    for (const [a, b] of returned.list) {
      const item = tokens.slice(a, b);
      const as = item.findIndex((x, k) => depth[a + k] === 0 && keyword(x) === 'AS');
      if (as !== -1) {
        const alias = item[as + 1];
        if (alias) columns.set(compact(item.slice(0, as)), alias.kind === 'quoted' ? alias.text : `\`${alias.text}\``);
        continue;
      }
      if (item.length === 1 && item[0]!.text === '*') continue;
      const expression = statement.slice(item[0]!.start, item[item.length - 1]!.end).replace(/\s*\n\s*/g, ' ');
      if (expression.includes('`')) continue;
      edits.push({ start: item[item.length - 1]!.end, end: item[item.length - 1]!.end, text: ` AS \`${expression}\`` });
      columns.set(compact(item), `\`${expression}\``);
    }
    i = returned.end;
    if (keyword(tokens[i]) === 'ORDER' && keyword(tokens[i + 1]) === 'BY') {
      const order = items(i + 2, ['SKIP', 'LIMIT']);
      for (const [a, b] of order.list) {
        let last = b;
        if (['ASC', 'DESC', 'ASCENDING', 'DESCENDING'].includes(keyword(tokens[last - 1]))) last--;
        const column = columns.get(compact(tokens.slice(a, last)));
        if (column !== undefined && last - a > 1) edits.push({ start: tokens[a]!.start, end: tokens[last - 1]!.end, text: column });
      }
      i = order.end;
    }
  }
  return applyEdits(statement, edits);
}

/** `[x IN list WHERE p | e]` at `open` -> Kùzu's list functions, or undefined when it is not a comprehension. */
function comprehension(statement: string, tokens: readonly Token[], open: number, close: number): string | undefined {
  const variable = tokens[open + 1];
  if (variable?.kind !== 'word' || keyword(tokens[open + 2]) !== 'IN' || open + 3 >= close) return undefined;
  const depth = depths(tokens.slice(open + 1, close));
  let where = -1;
  let bar = -1;
  for (let k = open + 3; k < close; k++) {
    if (depth[k - open - 1] !== 0) continue;
    if (where === -1 && bar === -1 && keyword(tokens[k]) === 'WHERE') where = k;
    if (bar === -1 && tokens[k]!.text === '|') bar = k;
  }
  const slice = (from: number, to: number): string => toKuzuCypher(statement.slice(tokens[from]!.start, tokens[to - 1]!.end)).trim();
  const v = variable.text;
  let list = slice(open + 3, where !== -1 ? where : bar !== -1 ? bar : close);
  if (where !== -1) list = `list_filter(${list}, ${v} -> ${slice(where + 1, bar !== -1 ? bar : close)})`;
  return bar !== -1 ? `list_transform(${list}, ${v} -> ${slice(bar + 1, close)})` : where !== -1 ? list : `list_transform(${list}, ${v} -> ${v})`;
}

/** The edits that turn `shortestPath((a)-[:T*..6]-(b))` at `at` into `(a)-[:T* SHORTEST 1..6]-(b)`. */
function shortestPathEdits(tokens: readonly Token[], at: number, all: boolean): Edit[] | undefined {
  const close = matchingBracket(tokens, at + 1);
  if (close === -1) return undefined;
  const star = tokens.findIndex((t, k) => k > at && k < close && t.text === '*');
  if (star === -1) return undefined;
  let k = star + 1;
  let lo = '1';
  let hi = '';
  if (tokens[k]?.kind === 'number') lo = hi = tokens[k++]!.text;
  if (tokens[k]?.text === '.' && tokens[k + 1]?.text === '.') {
    k += 2;
    hi = tokens[k]?.kind === 'number' ? tokens[k++]!.text : '';
  }
  const range = hi === '' ? (lo === '1' ? '' : ` ${lo}..30`) : ` ${lo}..${hi}`;
  return [
    { start: tokens[at]!.start, end: tokens[at + 1]!.end, text: '' },
    { start: tokens[star]!.start, end: tokens[k - 1]!.end, text: `* ${all ? 'ALL ' : ''}SHORTEST${range}` },
    { start: tokens[close]!.start, end: tokens[close]!.end, text: '' },
  ];
}

/** Translates the Neo4j forms Kùzu spells differently; anything else is left as written. */
export function toKuzuCypher(statement: string): string {
  const tokens = significant(tokenizeCypher(statement));
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = keyword(t);
    const call = tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.';
    if (call && FUNCTION_NAMES[word]) edits.push({ start: t.start, end: t.end, text: FUNCTION_NAMES[word]! });
    else if (call && (word === 'SHORTESTPATH' || word === 'ALLSHORTESTPATHS')) {
      const found = shortestPathEdits(tokens, i, word === 'ALLSHORTESTPATHS');
      if (found) edits.push(...found);
    } else if (t.kind === 'punct' && t.text === '[') {
      const close = matchingBracket(tokens, i);
      const replaced = close === -1 ? undefined : comprehension(statement, tokens, i, close);
      if (replaced !== undefined) {
        edits.push({ start: t.start, end: tokens[close]!.end, text: replaced });
        i = close;
      }
    }
  }
  return applyEdits(statement, edits);
}

/** A hint naming the Kùzu form for an error Kùzu gives on a Neo4j form, or undefined. */
export function kuzuHint(message: string): string | undefined {
  const fn = /function (\w+) does not exist/i.exec(message);
  if (fn) {
    const name = fn[1]!.toUpperCase();
    return FUNCTION_HINTS[name] ?? "Kùzu's functions are listed by CALL show_functions() RETURN *";
  }
  return undefined;
}
