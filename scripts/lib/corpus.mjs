// The bulk corpus's article files, shared by the benchmark scripts.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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
