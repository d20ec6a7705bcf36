/**
 * What `newsgraph query` refuses to run (pure). The store is opened
 * read-only, but Kùzu's Cypher can still read and write files, reach the
 * network and load native code: COPY, EXPORT / IMPORT DATABASE, LOAD FROM,
 * INSTALL / LOAD EXTENSION, ATTACH, and table functions that read files.
 * The check reads tokens, so a word inside a string or a comment never
 * counts, and a variable that happens to be called `copy` is not a clause.
 */
import { keyword, significant, tokenizeCypher, type Token } from './cypher-text.js';

/** Clauses that reach files, the network or native code, with the reason given to the user. */
const REFUSED_CLAUSES: Readonly<Record<string, string>> = {
  COPY: 'COPY reads or writes files',
  EXPORT: 'EXPORT DATABASE writes files',
  IMPORT: 'IMPORT DATABASE reads files',
  LOAD: 'LOAD reads files or loads an extension (native code)',
  INSTALL: 'INSTALL downloads an extension',
  UNINSTALL: 'UNINSTALL deletes extension files',
  ATTACH: 'ATTACH opens another database file',
};

/**
 * Table functions `CALL` may run: the catalogue, settings and the graph
 * algorithms, which read only the database. Every other one (read_csv,
 * read_parquet, read_npy, json_scan, file_info, index builders, ...) is refused.
 */
const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'SHOW_TABLES', 'TABLE_INFO', 'SHOW_CONNECTION', 'DB_VERSION', 'CATALOG_VERSION', 'CURRENT_SETTING',
  'SHOW_FUNCTIONS', 'SHOW_INDEXES', 'SHOW_SEQUENCES', 'SHOW_WARNINGS', 'CLEAR_WARNINGS', 'SHOW_LOADED_EXTENSIONS',
  'SHOW_ATTACHED_DATABASES', 'SHOW_OFFICIAL_EXTENSIONS', 'SHOW_PROJECTED_GRAPHS', 'PROJECTED_GRAPH_INFO', 'STATS_INFO',
  'STORAGE_INFO', 'PROJECT_GRAPH', 'PROJECT_GRAPH_CYPHER', 'DROP_PROJECTED_GRAPH', 'PAGE_RANK', 'PR',
  'WEAKLY_CONNECTED_COMPONENTS', 'WCC', 'STRONGLY_CONNECTED_COMPONENTS', 'SCC', 'STRONGLY_CONNECTED_COMPONENTS_KOSARAJU',
  'SCC_KO', 'LOUVAIN', 'K_CORE_DECOMPOSITION', 'KCORE',
]);

/** Table functions that read files, named as such in the refusal. */
const FILE_READERS = new Set(['READ_CSV_PARALLEL', 'READ_CSV_SERIAL', 'READ_PARQUET', 'READ_NPY', 'JSON_SCAN', 'FILE_INFO']);

/**
 * Words after which a word is an expression (a variable such as `copy`), not
 * the start of a clause: `RETURN copy AS x`, `WITH load WHERE ...`.
 */
const FOLLOWS_AN_EXPRESSION = new Set([
  'AS', 'AND', 'OR', 'XOR', 'NOT', 'WHERE', 'ORDER', 'SKIP', 'LIMIT', 'RETURN', 'WITH', 'MATCH', 'OPTIONAL', 'UNWIND', 'UNION',
  'IS', 'IN', 'CONTAINS', 'STARTS', 'ENDS', 'ASC', 'DESC', 'ASCENDING', 'DESCENDING', 'SET', 'DELETE', 'DETACH', 'CREATE',
  'MERGE', 'REMOVE', 'ON', 'THEN', 'ELSE', 'END', 'WHEN', 'CALL', 'YIELD',
]);

/** True when the word at `i` is a clause keyword rather than a name (variable, label, property, map key). */
function startsClause(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || prev.text === ';') return true;
  if (prev.kind === 'punct' && '.:$'.includes(prev.text)) return false;
  if (!next) return false;
  if (next.kind === 'string' || next.kind === 'quoted') return true;
  if (next.kind === 'punct') return next.text === '(' && keyword(tokens[i]) === 'COPY';
  if (next.kind === 'word') return !FOLLOWS_AN_EXPRESSION.has(keyword(next));
  return false;
}

/** Why the statement is refused (one line), or undefined when it may run. */
export function refusal(statement: string): string | undefined {
  const tokens = significant(tokenizeCypher(statement));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.text === ';' && tokens.slice(i + 1).some((n) => n.text !== ';')) {
      return 'give one statement (a ";" is followed by another statement)';
    }
    const word = keyword(t);
    if (REFUSED_CLAUSES[word] && startsClause(tokens, i)) {
      return `${REFUSED_CLAUSES[word]}; query only reads the graph`;
    }
    if (word === 'CALL' && startsClause(tokens, i)) {
      const name = tokens[i + 1];
      const after = tokens[i + 2];
      if (name?.kind !== 'word') continue; // CALL { ... } and the like: the parser decides
      const fn = name.text.toUpperCase();
      if (after?.text === '=') return `CALL ${name.text} = ... changes a database setting; query only reads the graph`;
      if (after?.text === '.') return `CALL ${name.text}.…: Neo4j procedures do not exist in the embedded store; its catalogue is CALL show_tables() RETURN *`;
      if (FILE_READERS.has(fn)) return `CALL ${name.text} reads files; query only reads the graph`;
      if (!ALLOWED_TABLE_FUNCTIONS.has(fn)) return `CALL ${name.text} is not one of the catalogue or graph-algorithm functions query may run (for example CALL show_tables() RETURN *)`;
    }
  }
  return undefined;
}
