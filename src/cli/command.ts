/**
 * The shape of a CLI subcommand, and the one way every command reads its
 * options and reports bad usage: one line naming the problem, a "did you
 * mean" when a known name is close, and where to find the full usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { errorMessage, isNgError } from '../errors.js';

export interface Command {
  readonly name: string;
  /** One line for `newsgraph --help`. */
  readonly summary: string;
  /** Full usage text with at least one example, printed by `newsgraph <name> --help`. */
  readonly usage: string;
  run(argv: string[]): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  OK: 0,
  /** The run finished but some input was skipped or some output could not be written. */
  PARTIAL: 1,
  /** Bad usage (unknown option, missing argument, a query that is refused). */
  USAGE: 2,
  /** A fatal error: nothing useful was produced (store unreachable, bad query, ...). */
  FATAL: 3,
} as const;

/** Bad usage of a command: `message` is one line; `main` prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The known name closest to `given`, when it is close enough to be a likely typo or a near miss. */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(given.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best === undefined) return undefined;
  // A prefix either way (--output / --out, --param / --param-str), or one edit (two for names of four letters or more: biuld, --hlep).
  const bare = (s: string): string => s.replace(/^-+/, '');
  const [g, b] = [bare(given), bare(best)];
  if (g.length >= 2 && (b.startsWith(g) || g.startsWith(b))) return best;
  return bestDistance <= (Math.min(g.length, b.length) >= 4 ? 2 : 1) ? best : undefined;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The name of the option a parseArgs error is about (`--output`, `-x`), if it says. */
const optionInError = (message: string): string | undefined => /'(-{1,2}[^' =]+)/.exec(message)?.[1];

/** The options a usage text names (`--out DIR`, `--json`), for commands that call parseArgs directly. */
function optionsInUsage(usage: string): Options {
  return Object.fromEntries([...usage.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => [m[1]!, { type: 'string' }] as const));
}

/** One line for a parseArgs error, with a suggestion from `options`. */
function parseArgsLine(e: unknown, options: Options): string {
  const code = (e as { code?: unknown }).code;
  const message = errorMessage(e);
  const flag = optionInError(message);
  const names = Object.keys(options).map((n) => `--${n}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const near = didYouMean(flag.replace(/^-+/, '--'), names);
    return `unknown option ${flag}${near ? `; did you mean ${near}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return /does not take an argument/.test(message) ? `option ${flag} takes no value` : `option ${flag} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument${/'([^']*)'/.exec(message) ? ` "${/'([^']*)'/.exec(message)![1]}"` : ''}`;
  return message.split('\n')[0]!.replace(/\.$/, '');
}

/** parseArgs for a command: a usage problem becomes a one-line UsageError. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    if (typeof (e as { code?: unknown }).code === 'string' && String((e as { code: string }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(parseArgsLine(e, options));
    }
    throw e;
  }
}

/**
 * Runs a command and turns what it throws into a message and exit code:
 * a usage error is one line and exit 2 whatever the command; anything else
 * is one line and exit 3.
 */
export async function runCommand(command: Command, argv: string[]): Promise<number> {
  try {
    return await command.run(argv);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      const line = e instanceof UsageError ? e.message : parseArgsLine(e, optionsInUsage(command.usage));
      process.stderr.write(`newsgraph ${command.name}: ${line} (newsgraph ${command.name} --help lists the options)\n`);
      return EXIT.USAGE;
    }
    process.stderr.write(`newsgraph ${command.name}: ${errorMessage(e).split('\n')[0]}\n`);
    return isNgError(e) && e.code === 'CONFIG_INVALID' ? EXIT.USAGE : EXIT.FATAL;
  }
}
