/**
 * Test inputs for the build-level tests: the sample articles, texts whose
 * tokens wink-nlp reads differently depending on what it read before, and
 * (when the shared corpus is there) a slice of real news.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const SAMPLES = path.resolve('data/articles');
const CORPUS = path.resolve('..', 'shared', 'corpus', 'news-bulk', 'bbc', 'politics');

/** Texts that prime wink-nlp's cache (`Verizon's.`) and texts that it then reads differently. */
const HISTORY_TEXTS: Record<string, string> = {
  'h01-primer.txt': "Telecoms deal\n\nThe regulator said the shares went to Verizon's. Officials in Brussels declined to comment on Zelenskyy's.",
  'h02-reader.txt': "Verizon's rival\n\nVerizon's chief executive met Ukrainian President Volodymyr Zelenskyy in Kyiv on Monday. Zelenskyy's office said the talks were useful.",
  'h03-reader.txt': "Talks in Kyiv\n\nUS Secretary of State Antony Blinken spoke with Zelenskyy's chief of staff. \"We will keep supporting Ukraine,\" Blinken said. Verizon's lawyers were not involved.",
};

/** Writes `count` real articles (when available), the samples and the history texts into `dir`; returns the file names. */
export async function writeInputs(dir: string, count = 24): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const f of (await readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort()) {
    await copyFile(path.join(SAMPLES, f), path.join(dir, f));
    names.push(f);
  }
  for (const [f, text] of Object.entries(HISTORY_TEXTS)) {
    await writeFile(path.join(dir, f), text);
    names.push(f);
  }
  if (existsSync(CORPUS)) {
    for (const f of (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).sort().slice(0, count)) {
      await writeFile(path.join(dir, `bbc-politics-${f}`), await readFile(path.join(CORPUS, f)));
      names.push(`bbc-politics-${f}`);
    }
  }
  return names.sort();
}
