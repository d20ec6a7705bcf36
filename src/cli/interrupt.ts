/**
 * Ctrl-C (SIGINT) and SIGTERM during a long command: remove the temporary
 * files registered by the writers (the outputs themselves are only ever
 * replaced by a rename, so the previous ones stay as they were), say so in
 * one line and exit with 128 + the signal number (130 for SIGINT, 143 for
 * SIGTERM), as shells do. Besides main.ts, the only place that ends the
 * process: a signal can arrive while a native call (the Kuzu COPY) runs, and
 * waiting for it to finish would defeat Ctrl-C.
 */
import { removeTrackedTempsSync } from '../io/temp-files.js';

const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Installs the handlers until the returned function is called. `message`
 * says what the user gets (e.g. that the previous outputs are unchanged).
 * A second Ctrl-C while the first is handled ends the process at once.
 */
export function exitOnInterrupt(command: string, message: string): () => void {
  const handlers = (Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]).map((signal) => {
    const handler = (): void => {
      removeTrackedTempsSync();
      process.stderr.write(`\nnewsgraph ${command}: interrupted (${signal}); ${message}\n`);
      process.exit(SIGNAL_EXIT[signal]);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}
