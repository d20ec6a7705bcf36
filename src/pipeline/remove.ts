/**
 * `newsgraph remove`: drops articles from a build. The stored per-article
 * results lose the removed articles and everything else is made again from
 * the rest (near-duplicates, cross-article resolution, the graph and every
 * output), so what only the removed articles supported goes (entities,
 * relations, quotes, affiliations, mentions), what other articles support
 * stays with its evidence lists and counts shrunk, and the outputs are those
 * of a full build of the remaining files.
 *
 * An output that takes its entity keys from a resolution over other builds'
 * articles too (`build --shard i/n --resolution FILE`) keeps them from such a
 * resolution: the articles are first removed from the build that made it,
 * and its new resolution is given (`resolution`); without one the removal is
 * refused, since resolving the shard's articles alone would give other keys
 * than every other shard's.
 *
 * `findArticles` (which articles the user means) is pure; `runRemove` does
 * the I/O through `runBuild`, so the outputs are written the way a build
 * writes them (each atomically, manifest last).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Article } from '../types.js';
import { NgError, errorMessage } from '../errors.js';
import { didYouMean } from '../cli/command.js';
import { runBuild, type BuildOptions, type BuildResult } from './run-build.js';
import { RESULTS_FILE, readResults } from './results-file.js';
import { cutUnrecordedTail, matchesManifest, readManifest } from './manifest.js';
import type { StoredResolution } from './resolution-file.js';
import { RESOLUTION_FILE } from './file-exports.js';

/** A name given to `remove` that is no article of the build (the CLI's exit 2; nothing was changed). */
export class NotInBuildError extends NgError {
  constructor(
    message: string,
    readonly missing: readonly string[],
  ) {
    super(message, 'INPUT_UNREADABLE');
  }
}

/** The output folder holds no build that can be removed from (the CLI's exit 3; nothing was changed). */
class NoBuildError extends NgError {}

export interface FoundArticles {
  /** Ids of the articles the names stand for. */
  readonly ids: Set<string>;
  /** Names that stand for no article. */
  readonly missing: string[];
}

const slashed = (p: string): string => p.split(path.sep).join('/');

/**
 * The articles `names` stand for. A name is an article's path as it was given
 * to `build` (`data/articles/001.txt`, or the same file by another path from
 * `cwd`), its id (the path below the input folder, `001.txt`), or a folder:
 * every article read from below it.
 */
export function findArticles(articles: readonly Pick<Article, 'id' | 'path'>[], names: readonly string[], cwd = process.cwd()): FoundArticles {
  const ids = new Set<string>();
  const missing: string[] = [];
  const resolved = articles.map((a) => ({ id: a.id, file: path.resolve(cwd, a.path) }));
  for (const name of names) {
    const file = path.resolve(cwd, name);
    const id = slashed(path.normalize(name));
    const hits = resolved.filter((a) => a.id === id || a.file === file || a.file.startsWith(file + path.sep));
    if (hits.length === 0) missing.push(name);
    for (const a of hits) ids.add(a.id);
  }
  return { ids, missing };
}

export interface RemoveOptions extends Pick<BuildOptions, 'lexicons' | 'corrections' | 'keepUnasserted' | 'keepDuplicates' | 'resolution'> {
  readonly outDir: string;
  /** Articles to drop: paths as given to build, ids, or folders (see `findArticles`). */
  readonly names: readonly string[];
}

export interface RemoveResult extends BuildResult {
  /** Ids of the articles removed, in order. */
  readonly removed: readonly string[];
}

/**
 * Removes the articles `names` stand for from the build in `outDir` and
 * writes every output again from the remaining results. The caller holds the
 * folder's lock. Throws NoBuildError when the folder holds no build (or its
 * results file is not the build's), NotInBuildError when a name is no article
 * of it; in both cases nothing is written.
 */
export async function runRemove(options: RemoveOptions): Promise<RemoveResult> {
  const { outDir } = options;
  const manifest = await readManifest(outDir);
  const own = path.join(outDir, RESULTS_FILE);
  if (manifest) await cutUnrecordedTail(manifest, outDir, RESULTS_FILE);
  if (manifest && manifest.articles > 0 && !(await matchesManifest(manifest, outDir, RESULTS_FILE))) {
    throw new NoBuildError(`${own} is not the results file of the build in ${outDir} (${manifest.articles} article(s)): it is missing, cut short or changed; build again from all the inputs`, 'INPUT_UNREADABLE');
  }
  let articles: Pick<Article, 'id' | 'path'>[];
  try {
    articles = (await readResults(own)).map((r) => r.article);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !manifest) throw new NoBuildError(`${outDir} holds no newsgraph build (no ${RESULTS_FILE}); nothing was removed`, 'INPUT_UNREADABLE');
    throw new NoBuildError(`cannot read ${own}: ${errorMessage(e)}; nothing was removed`, 'INPUT_UNREADABLE', { cause: e });
  }
  const { ids, missing } = findArticles(articles, options.names);
  if (missing.length) {
    const known = articles.flatMap((a) => [a.id, a.path]);
    const hints = missing.map((m) => {
      const near = didYouMean(m, known);
      return near ? `${m} (did you mean ${near}?)` : m;
    });
    throw new NotInBuildError(
      `not an article of the build in ${outDir}: ${hints.join(', ')}; name an article by the path it was built from or by its id (the path below its input folder); nothing was removed`,
      missing,
    );
  }
  await checkResolution(outDir, articles, ids, options.resolution);
  // The outputs the build had are the outputs written again: no store appears after a --no-store build.
  const had = (name: string): boolean => (manifest ? Object.keys(manifest.files).some((f) => f === name || f.startsWith(`${name}/`)) : existsSync(path.join(outDir, name)));
  const build = await runBuild({
    inputs: [],
    outDir,
    append: true,
    remove: ids,
    store: had('graph.kuzu'),
    neo4jCsv: had('neo4j'),
    ...pick(options),
  });
  return { ...build, removed: articles.map((a) => a.id).filter((id) => ids.has(id)) };
}

/**
 * An output whose resolution covers articles it does not hold took its keys from another build's
 * (`--resolution`): the removal needs that build's resolution after the same removal, which must
 * not hold the removed articles. Throws NoBuildError (nothing changed) otherwise.
 */
async function checkResolution(outDir: string, articles: readonly Pick<Article, 'id'>[], ids: ReadonlySet<string>, given: StoredResolution | undefined): Promise<void> {
  const held = new Set(articles.map((a) => a.id));
  let own: StoredResolution | undefined;
  try {
    own = JSON.parse(await readFile(path.join(outDir, RESOLUTION_FILE), 'utf8')) as StoredResolution;
  } catch {
    own = undefined;
  }
  const shared = own !== undefined && Object.keys(own.keys).some((id) => !held.has(id));
  const removed = [...ids].sort().join(' ');
  if (shared && !given) {
    throw new NoBuildError(
      `${outDir} takes its entity keys from a resolution of more articles than it holds (built with --resolution), so removing from it alone would give other keys than the other shards: ` +
        `remove ${removed} from the build that resolution came from first (newsgraph remove <names> --out <that build>), then from here with its new resolution (newsgraph remove <names> --out ${outDir} --resolution <that build>/${RESOLUTION_FILE}); nothing was removed`,
      'INPUT_UNREADABLE',
    );
  }
  const kept = given ? [...ids].filter((id) => given.keys[id] !== undefined) : [];
  if (kept.length) {
    throw new NoBuildError(`the resolution given still holds ${kept.join(', ')}: remove ${kept.length > 1 ? 'them' : 'it'} from the build it came from first; nothing was removed`, 'INPUT_UNREADABLE');
  }
}

function pick(options: RemoveOptions): Partial<BuildOptions> {
  return {
    ...(options.resolution ? { resolution: options.resolution } : {}),
    ...(options.lexicons ? { lexicons: options.lexicons } : {}),
    ...(options.corrections ? { corrections: options.corrections } : {}),
    ...(options.keepUnasserted ? { keepUnasserted: true } : {}),
    ...(options.keepDuplicates ? { keepDuplicates: true } : {}),
  };
}
