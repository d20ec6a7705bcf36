// The bulk corpus's article files, shared by the benchmark scripts.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { opt, root } from './cli.mjs';

/** The corpus folder: `--corpus DIR`, else ../shared/corpus/news-bulk beside the repository. */
export const corpusDir = () => path.resolve(opt('--corpus', path.join(root, '..', 'shared', 'corpus', 'news-bulk')));

/** Every `.txt` file below `dir`, in name order (folders walked recursively). */
export function listTexts(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
