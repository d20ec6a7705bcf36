#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('newsgraph: the CLI is not built yet; run `npm run build` (or `npm install`) in the newsgraph folder first.');
  process.exit(2);
}
await import(pathToFileURL(main).href);
