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

/**
 * Adds `AS \`expression\`` to every item of the statement's RETURN clause
 * that has no alias, so the column is named as written. Left alone: `*`,
 * items holding a backtick, and UNION queries (whose branches must agree).
 */
export function nameColumns(statement: string): string {
  const tokens = significant(tokenizeCypher(statement));
  const depth = depths(tokens);
  if (tokens.some((t, i) => depth[i] === 0 && keyword(t) === 'UNION')) return statement;
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (depth[i] !== 0 || keyword(tokens[i]) !== 'RETURN') continue;
    let j = i + 1;
    if (keyword(tokens[j]) === 'DISTINCT') j++;
    let itemStart = j;
    for (; j <= tokens.length; j++) {
      const t = tokens[j];
      const atTop = t !== undefined && depth[j] === 0;
      const ends = t === undefined || (atTop && (['ORDER', 'SKIP', 'LIMIT'].includes(keyword(t)) || t.text === ';'));
      if (ends || (atTop && t.text === ',')) {
        const item = tokens.slice(itemStart, j);
        const named = item.some((x, k) => depth[itemStart + k] === 0 && keyword(x) === 'AS');
        if (item.length > 0 && !named && !(item.length === 1 && item[0]!.text === '*')) {
          const expression = statement.slice(item[0]!.start, item[item.length - 1]!.end).replace(/\s*\n\s*/g, ' ');
          if (!expression.includes('`')) edits.push({ start: item[item.length - 1]!.end, end: item[item.length - 1]!.end, text: ` AS \`${expression}\`` });
        }
        itemStart = j + 1;
      }
      if (ends) break;
    }
    i = j;
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
