// The machine's parallel ceiling for the per-article stages: the same articles through
// processArticle in K independent processes at once (every K-th article each; no pool, no
// messages, no serial tail), each warmed up on the same articles first and then started together.
// Its speed-up over one such process is the most a K-worker pool could reach on this machine: what
// the cores give when the work shares nothing (the one-process run's V8 compiler and GC threads
// use the idle cores, which K busy processes do not have).
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ceiling-child.mjs');

/**
 * Runs the per-article stages over `files` in `k` processes; `warm` are the files each process
 * reads first, unmeasured. `listFile` is a scratch file for the lists. Resolves to the wall time
 * (ms) from the common start to the last process done, and each process's own wall and CPU.
 */
export async function runIndependent(files, warm, k, corpus, listFile) {
  writeFileSync(listFile, JSON.stringify({ files, warm, corpus }));
  const kids = Array.from({ length: k }, (_, i) => fork(child, [listFile, String(i), String(k)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  const next = (c) =>
    new Promise((resolve, reject) => {
      c.once('message', resolve);
      c.once('exit', (code) => reject(new Error(`ceiling child exited with code ${code}`)));
    });
  try {
    await Promise.all(kids.map(next));
    const start = performance.now();
    const outs = await Promise.all(
      kids.map((c) => {
        const done = next(c);
        c.send('go');
        return done;
      }),
    );
    return { ms: performance.now() - start, each: outs };
  } finally {
    for (const c of kids) c.kill();
  }
}
