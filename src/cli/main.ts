#!/usr/bin/env node
/**
 * newsgraph's command line: argv -> subcommand -> exit code. The only place
 * that calls process.exit.
 */
import type { Command } from './command.js';
import { EXIT } from './command.js';
import { commands } from './commands/index.js';
import { errorMessage, isNgError } from '../errors.js';

const overview = (list: readonly Command[]): string => `newsgraph: knowledge graphs of news (who said what to whom)

Usage: newsgraph <command> [options]     (newsgraph <command> --help for details)

Commands:
${list.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Examples:
  newsgraph build data/articles --out out
  newsgraph query "MATCH (p:Person)-[:SAID]->(q:Quote) RETURN p.name, q.text LIMIT 5"`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview(commands));
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === '--version') {
    console.log('newsgraph 0.1.0');
    return EXIT.OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`newsgraph: unknown command "${name}"; use one of: ${commands.map((c) => c.name).join(', ')}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`newsgraph ${name}: ${errorMessage(e)} (see newsgraph ${name} --help)`);
      return EXIT.USAGE;
    }
    console.error(`newsgraph ${name}: ${errorMessage(e)}`);
    return isNgError(e) && e.code === 'CONFIG_INVALID' ? EXIT.USAGE : EXIT.FATAL;
  }
}

process.exitCode = await main(process.argv.slice(2));
