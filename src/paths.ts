/**
 * Where the package's own files live. This module sits at `src/paths.ts`
 * (and, compiled, at `dist/paths.js`), so the package root is one level up
 * in both cases.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'schema');
