/**
 * The shape of a CLI subcommand. `run` gets the arguments after the
 * subcommand name and returns the process exit code (see README, "Exit codes").
 */
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
  /** Bad usage (unknown option, missing argument). */
  USAGE: 2,
  /** A fatal error: nothing useful was produced (store unreachable, bad query, ...). */
  FATAL: 3,
} as const;
