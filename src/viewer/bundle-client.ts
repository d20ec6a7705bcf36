/**
 * The browser half of the viewer (client.ts + sigma + graphology) bundled
 * into one IIFE with esbuild, once per process. The client source ships in
 * the package (`src/viewer/client.ts`), so this works from src/ (tests) and
 * from the compiled dist/ alike.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ExportError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

const CLIENT_ENTRY = path.join(PACKAGE_ROOT, 'src', 'viewer', 'client.ts');

let cached: string | undefined;

/** The minified client script, safe to inline in a `<script>` element. */
export function bundleViewerClient(): string {
  if (cached !== undefined) return cached;
  if (!existsSync(CLIENT_ENTRY)) {
    throw new ExportError(`viewer: the client script ${CLIENT_ENTRY} is missing; reinstall newsgraph.`, 'EXPORT_FAILED');
  }
  let code: string;
  try {
    const result = buildSync({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (e) {
    throw new ExportError(`viewer: could not bundle the client script: ${(e as Error).message}`, 'EXPORT_FAILED', { cause: e });
  }
  // An inline script ends at the first "</script" whatever the JS context; esbuild
  // escapes it in strings, and this makes sure nothing slipped through.
  if (!code || /<\/script|<!--/i.test(code)) {
    throw new ExportError('viewer: the bundled client cannot be inlined in a <script> element.', 'EXPORT_FAILED');
  }
  cached = code;
  return code;
}
