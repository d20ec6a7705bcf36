/**
 * The questions in `schema/queries/`: one `<name>.cypher` each (Neo4j, and
 * Kuzu too unless a `<name>.kuzu.cypher` sits beside it), with the leading
 * `//` comment saying what it answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from '../paths.js';
import { statementParameters } from './cypher-text.js';

export const QUERIES_DIR = path.join(SCHEMA_DIR, 'queries');

export interface SampleQuery {
  readonly name: string;
  /** What the query answers (its leading comment, joined). */
  readonly description: string;
  /** The Neo4j text (`<name>.cypher`). */
  readonly neo4j: string;
  /** The Kuzu text (`<name>.kuzu.cypher`, or the shared file). */
  readonly kuzu: string;
  /** True when a separate Kuzu version exists. */
  readonly kuzuVariant: boolean;
  /** `$name` parameters the query uses. */
  readonly parameters: string[];
}

/** The leading `//` lines of a query file, as one sentence block. */
export function describeQuery(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!);
  }
  return lines.join(' ').trim();
}

/** `$name` parameters a query uses (outside strings and comments). */
export const queryParameters = (text: string): string[] => statementParameters(text);

export function loadSampleQueries(dir: string = QUERIES_DIR): SampleQuery[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher') && !f.endsWith('.kuzu.cypher'));
  return files.sort().map((file) => {
    const name = file.replace(/\.cypher$/, '');
    const neo4j = readFileSync(path.join(dir, file), 'utf8');
    let kuzu = neo4j;
    let kuzuVariant = false;
    try {
      kuzu = readFileSync(path.join(dir, `${name}.kuzu.cypher`), 'utf8');
      kuzuVariant = true;
    } catch {
      // shared text
    }
    return { name, description: describeQuery(neo4j), neo4j, kuzu, kuzuVariant, parameters: queryParameters(neo4j) };
  });
}
