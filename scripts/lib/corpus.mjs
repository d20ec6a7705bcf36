// The bulk corpus's article files, shared by the benchmark scripts.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

/** `limit` of the files, spread evenly over all of them (every step-th file), so a sample covers the whole corpus. */
export function spreadSample(all, limit) {
  const step = Math.max(1, all.length / limit);
  const files = [];
  for (let i = 0; i < all.length && files.length < limit; i += step) files.push(all[Math.floor(i)]);
  return files;
}

/** The files as articles, read the way `newsgraph build` reads a `.txt` file (ids relative to `dir`). */
export async function readCorpusArticles(files, dir, boilerplate) {
  const { articleFromText } = await import(path.join(root, 'dist', 'ingest', 'read-articles.js'));
  return files.map((f) => {
    const raw = readFileSync(f);
    return articleFromText(path.relative(dir, f), raw.toString('utf8'), boilerplate, 'txt', { path: f, hashOf: raw });
  });
}

/**
 * The graph of the first `limit` corpus files, extracted on a pool of two workers, or the
 * graphology export named by `--graph`; `--save FILE` keeps the built graph for later runs.
 */
export async function corpusGraph(limit, dir = corpusDir()) {
  const graphology = (await import('graphology')).default;
  const file = opt('--graph', '');
  if (file) {
    const graph = new graphology.MultiDirectedGraph();
    graph.import(JSON.parse(readFileSync(file, 'utf8')));
    return graph;
  }
  const ng = await import(path.join(root, 'dist', 'index.js'));
  const lex = ng.loadLexicons();
  const articles = await readCorpusArticles(listTexts(dir).slice(0, limit), dir, lex.boilerplate);
  const pool = new ng.ArticlePool(2);
  const results = await Promise.all(articles.map((a) => pool.process(a)));
  await pool.close();
  const built = ng.graphFromResults(results, lex);
  const save = opt('--save', '');
  if (save) writeFileSync(save, JSON.stringify(built.export()));
  return built;
}
