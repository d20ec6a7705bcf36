#!/usr/bin/env node
/**
 * newsgraph's command line: argv -> subcommand -> exit code. The only place
 * that calls process.exit.
 */
import type { Command } from './command.js';
import { EXIT, didYouMean, runCommand } from './command.js';
import { commands } from './commands/index.js';

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
    const names = commands.map((c) => c.name);
    const option = name.startsWith('-');
    const near = didYouMean(name, option ? ['--help', '--version'] : names);
    const what = option ? 'option' : 'command';
    console.error(`newsgraph: unknown ${what} "${name}"${near ? `; did you mean ${near}?` : ''} (commands: ${names.join(', ')}; newsgraph --help)`);
    return EXIT.USAGE;
  }
  return runCommand(command, rest);
}

process.exitCode = await main(process.argv.slice(2));
