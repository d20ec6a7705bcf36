/**
 * Whether `--append` may build on an output folder: its results file must
 * hold every article its outputs hold, or appending would drop them.
 */
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { NgError } from '../errors.js';
import { cutUnrecordedTail, matchesManifest, readManifest } from './manifest.js';
import { RESULTS_FILE, readResults } from './results-file.js';
import { APPEND_LOG_FILE } from './append-index.js';

/** `--append` would build on a results file that lacks articles the outputs hold (the CLI's exit 3). */
class AppendRefusedError extends NgError {}

/**
 * `--append` builds on `results.jsonl`; when that file lacks articles the outputs hold (it is
 * missing, empty, cut short or from another build), appending would drop them silently.
 */
export async function checkAppendable(outDir: string): Promise<void> {
  const own = path.join(outDir, RESULTS_FILE);
  const refuse = (what: string): never => {
    throw new AppendRefusedError(
      `--append would drop articles: ${what}; rebuild from all the inputs without --append (newsgraph build <all inputs> --out ${outDir})`,
      'INPUT_UNREADABLE',
    );
  };
  const manifest = await readManifest(outDir);
  if (manifest !== undefined) {
    // An append stopped before its manifest was written leaves its new lines after the recorded ones.
    await cutUnrecordedTail(manifest, outDir, RESULTS_FILE);
    await cutUnrecordedTail(manifest, outDir, APPEND_LOG_FILE);
    if (manifest.articles > 0 && !(await matchesManifest(manifest, outDir, RESULTS_FILE))) {
      refuse(`${own} is not the results file of the build in ${outDir} (${manifest.articles} article(s)): it is missing, cut short or changed`);
    }
    return;
  }
  // A folder written before manifests: count the articles of its graph.
  const graphFile = path.join(outDir, 'graph.json');
  if (!(await stat(graphFile).then((s) => s.isFile(), () => false))) return;
  let articles = 0;
  try {
    const data = JSON.parse(await readFile(graphFile, 'utf8')) as { nodes?: { attributes?: { label?: unknown } }[] };
    articles = (data.nodes ?? []).filter((n) => n.attributes?.label === 'Article').length;
  } catch {
    refuse(`${graphFile} cannot be read to tell how many articles the build holds`);
  }
  const count = await readResults(own).then((r) => r.length, () => 0);
  if (articles > count) refuse(`${own} holds ${count} article(s) but ${graphFile} holds ${articles}`);
}
