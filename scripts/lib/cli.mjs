// What every script in scripts/ starts with: the repository root, the command-line arguments
// and `--name value` options.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/ is one level below it). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The command-line arguments after the script's path. */
export const args = process.argv.slice(2);
/** CPU time (ms) of this process so far, every thread (V8's helpers, workers, Kuzu's) included. */
export const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** The value after `name` on the command line, or `fallback` when there is none. */
export const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
