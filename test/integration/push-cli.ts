/** `newsgraph push` run in this process, with its output captured (for the integration tests). */
import { vi } from 'vitest';
import { command as pushCommand } from '../../src/cli/commands/push.js';

/** Runs `newsgraph push` in this process with the given environment; stdout and stderr as text. */
export async function push(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await pushCommand.run(args);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}
