import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBoilerplateRules } from '../../src/ingest/clean-text.js';
import { articleFromText, listInputFiles, readArticles, type IngestResult } from '../../src/ingest/read-articles.js';

const rules = loadBoilerplateRules();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let root: string;
let dir: string;
/** Whether this system can make a named pipe (checked when the file loads, before `skipIf` runs). */
const hasFifo = ((): boolean => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const ARTICLE_A = 'Lavrov and Blinken meet in Geneva\n\nThe two ministers met on Friday.\nLeave a Reply\nYour email address will not be published.\n';
const ARTICLE_B = '# Peskov: Putin ready for talks\n\nKremlin spokesman Dmitry Peskov said Putin was ready for talks.\n';
const ARTICLE_C = '<html><body><h1>NATO replies</h1><p>NATO sent its answer to Moscow.</p><script>x()</script></body></html>';
const ARTICLE_NESTED_A = 'Second file called a.txt\n\nIt lives in a nested folder.\n';

async function collect(gen: AsyncGenerator<IngestResult>): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

function rel(file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'newsgraph-ingest-'));
  dir = path.join(root, 'in');
  mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), ARTICLE_A);
  writeFileSync(path.join(dir, 'nested', 'deeper', 'b.md'), ARTICLE_B);
  writeFileSync(path.join(dir, 'c.html'), ARTICLE_C);
  writeFileSync(path.join(dir, 'nested', 'a.txt'), ARTICLE_NESTED_A);
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\u00e9 talks in Z\u00fcrich\n\nMinisters met.\n', 'latin1'));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'blank.md'), ' \n\n\t\n');
  writeFileSync(path.join(dir, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  writeFileSync(path.join(dir, 'photo.png'), Buffer.from('89504e470d0a1a0a', 'hex')); // not an article extension: ignored
  writeFileSync(path.join(dir, '.hidden.txt'), 'hidden files are ignored');
  writeFileSync(path.join(dir, 'locked.txt'), 'locked');
  chmodSync(path.join(dir, 'locked.txt'), 0o000);
  // A folder whose name looks like a file: walked, not read.
  mkdirSync(path.join(dir, 'x.txt'));
  writeFileSync(path.join(dir, 'x.txt', 'inside.txt'), 'Inside a folder named x.txt\n\nIt is read as a file of that folder.\n');
  symlinkSync(path.join(dir, 'does-not-exist.txt'), path.join(dir, 'broken.txt'));
  // Symlink loops: to the parent folder and to itself.
  symlinkSync('..', path.join(dir, 'nested', 'loop'));
  symlinkSync(path.join(dir, 'self'), path.join(dir, 'self'));
  if (hasFifo) execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  writeFileSync(path.join(root, 'notes.data'), 'Explicit file\n\nRead whatever its extension.\n');
});

afterAll(() => {
  chmodSync(path.join(dir, 'locked.txt'), 0o644);
  rmSync(root, { recursive: true, force: true });
});

describe('readArticles over a folder', () => {
  let results: IngestResult[];
  const byFile = (name: string): IngestResult => {
    const r = results.find((x) => rel(x.file) === name);
    if (r === undefined) throw new Error(`no result for ${name}`);
    return r;
  };

  beforeAll(async () => {
    results = await collect(readArticles([dir], { rules }));
  });

  it('visits every article file once, in sorted order, through nested folders and past symlink loops', () => {
    const expected = [
      'a.txt',
      'blank.md',
      'broken.txt',
      'c.html',
      'empty.txt',
      'image.txt',
      'latin1.txt',
      'locked.txt',
      'nested/a.txt',
      'nested/deeper/b.md',
      ...(hasFifo ? ['pipe.txt'] : []),
      'x.txt/inside.txt',
    ];
    expect(results.map((r) => rel(r.file))).toEqual(expected);
  });

  it('builds an article for every good file', () => {
    const a = byFile('a.txt').article;
    expect(a).toMatchObject({ id: 'a.txt', path: path.join(dir, 'a.txt'), title: 'Lavrov and Blinken meet in Geneva' });
    expect(a?.text).toBe('Lavrov and Blinken meet in Geneva\n\nThe two ministers met on Friday.');
    expect(a?.hash).toBe(createHash('sha256').update(readFileSync(path.join(dir, 'a.txt'))).digest('hex'));
    expect(byFile('nested/deeper/b.md').article?.title).toBe('Peskov: Putin ready for talks');
    expect(byFile('c.html').article?.text).toBe('NATO replies\n\nNATO sent its answer to Moscow.');
    expect(byFile('x.txt/inside.txt').article?.title).toBe('Inside a folder named x.txt');
    for (const name of ['a.txt', 'c.html', 'nested/a.txt', 'nested/deeper/b.md', 'latin1.txt', 'x.txt/inside.txt']) {
      expect(byFile(name).article, name).not.toBeNull();
      expect(byFile(name).diagnostics.filter((d) => d.fatal), name).toEqual([]);
    }
  });

  it('makes ids unique when two files share a basename', () => {
    const ids = results.flatMap((r) => (r.article === null ? [] : [r.article.id]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(byFile('a.txt').article?.id).toBe('a.txt');
    expect(byFile('nested/a.txt').article?.id).toBe('nested/a.txt');
  });

  it('decodes Latin-1 with a warning and still builds the article', () => {
    const r = byFile('latin1.txt');
    expect(r.article?.title).toBe('Café talks in Zürich');
    expect(r.diagnostics).toMatchObject([{ code: 'ingest/decoded-latin1', severity: 'warning', fatal: false, file: r.file }]);
  });

  it.each([
    ['empty.txt', 'ingest/empty'],
    ['blank.md', 'ingest/empty'],
    ['image.txt', 'ingest/not-text'],
    ['broken.txt', 'ingest/unreadable'],
  ])('%s -> null article and a fatal %s naming the file', (name, code) => {
    const r = byFile(name);
    expect(r.article).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code, fatal: true, severity: 'error', file: path.join(dir, name) });
  });

  it('reports a dangling symlink in plain words', () => {
    expect(byFile('broken.txt').diagnostics[0]?.message).toMatch(/no such file/);
  });

  it.skipIf(!hasFifo)('refuses a named pipe instead of blocking on it', () => {
    const r = byFile('pipe.txt');
    expect(r.article).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'ingest/unreadable', fatal: true });
    expect(r.diagnostics[0]?.message).toMatch(/not a regular file/);
  });

  // Root ignores file permissions, so chmod 000 cannot make a file unreadable when the tests run as root.
  it.skipIf(isRoot)('reports a file without read permission as unreadable', () => {
    const r = byFile('locked.txt');
    expect(r.article).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'ingest/unreadable', fatal: true, file: path.join(dir, 'locked.txt') });
    expect(r.diagnostics[0]?.message).toMatch(/permission denied/);
  });
});

describe('readArticles with explicit inputs', () => {
  it('reads a file named explicitly whatever its extension, and reports a missing input', async () => {
    const missing = path.join(root, 'missing.txt');
    const results = await collect(readArticles([path.join(root, 'notes.data'), missing], { rules }));
    expect(results).toHaveLength(2);
    // Inputs are read in the order of their resolved paths: missing.txt before notes.data.
    expect(results[1]?.article?.title).toBe('Explicit file');
    expect(results[1]?.article?.id).toBe('notes.data');
    expect(results[0]).toMatchObject({ file: missing, article: null });
    expect(results[0]?.diagnostics[0]).toMatchObject({ code: 'ingest/unreadable', fatal: true, file: missing });
  });

  it('reads a file given twice (or also inside a given folder) only once', async () => {
    const a = path.join(dir, 'a.txt');
    const results = await collect(readArticles([a, a, path.join(dir, 'nested', 'deeper')], { rules }));
    expect(results.map((r) => rel(r.file))).toEqual(['a.txt', 'nested/deeper/b.md']);
  });

  it('streams: a file is read only when its turn comes', async () => {
    const folder = mkdtempSync(path.join(root, 'stream-'));
    writeFileSync(path.join(folder, '1.txt'), 'First\n\nText one.');
    writeFileSync(path.join(folder, '2.txt'), 'Second\n\nText two.');
    const gen = readArticles([folder], { rules });
    const first = await gen.next();
    expect(first.done).toBe(false);
    expect(first.value?.article?.title).toBe('First');
    unlinkSync(path.join(folder, '2.txt'));
    const second = await gen.next();
    expect(second.value?.article).toBeNull();
    expect(second.value?.diagnostics[0]?.code).toBe('ingest/unreadable');
    expect((await gen.next()).done).toBe(true);
  });

  it('loads the default rules when none are given', async () => {
    const results = await collect(readArticles([path.join(dir, 'a.txt')]));
    expect(results[0]?.article?.text).not.toContain('Leave a Reply');
  });

  it('refuses a file above the size limit', async () => {
    const results = await collect(readArticles([path.join(dir, 'a.txt')], { rules, maxBytes: 10 }));
    expect(results[0]?.article).toBeNull();
    expect(results[0]?.diagnostics[0]).toMatchObject({ code: 'ingest/too-large', fatal: true });
  });
});

describe('listInputFiles', () => {
  it('lists files in reading order without reading them', async () => {
    const files: string[] = [];
    for await (const f of listInputFiles([path.join(dir, 'nested')])) files.push(rel(f));
    // nested/loop points back to the input root, which was not yet visited when listing starts at nested/.
    expect(files).toContain('nested/a.txt');
    expect(files).toContain('nested/deeper/b.md');
    expect(new Set(files).size).toBe(files.length);
  });
});

describe('articleFromText', () => {
  it('builds an article from text given directly', () => {
    const a = articleFromText('line-7', 'Headline\nBody text here.\nAdvertisement', rules);
    expect(a).toEqual({
      id: 'line-7',
      path: 'line-7',
      title: 'Headline',
      text: 'Headline\n\nBody text here.',
      paragraphs: [
        { start: 0, end: 8 },
        { start: 10, end: 25 },
      ],
      hash: createHash('sha256').update('Headline\nBody text here.\nAdvertisement', 'utf8').digest('hex'),
    });
  });

  it('cleans HTML given directly', () => {
    expect(articleFromText('h', '<h1>Title</h1><p>One &amp; two</p>', rules, 'html').text).toBe('Title\n\nOne & two');
  });
});

describe('walking: ids, links, depth and names', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(root, 'walk-'));
    const inside = path.join(base, 'in');
    mkdirSync(path.join(inside, 'y', 'z'), { recursive: true });
    writeFileSync(path.join(inside, 'y', 'z', 'deep.txt'), 'Deep\n\nIn a nested folder.\n');
    writeFileSync(path.join(base, 'outside.txt'), 'Outside\n\nNot below the input folder.\n');
    symlinkSync(path.join(base, 'outside.txt'), path.join(inside, 'link-out.txt'));
    symlinkSync(path.join(inside, 'y', 'z', 'deep.txt'), path.join(inside, 'link-in.txt'));
    writeFileSync(Buffer.concat([Buffer.from(path.join(inside, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Latin-1 name\n\nThe name is not UTF-8.\n');
    mkdirSync(path.join(inside, 'out'));
    writeFileSync(path.join(inside, 'out', 'graph.html'), '<p>An output, not an article.</p>');
  });
  const articles = (rs: IngestResult[]): string[] => rs.flatMap((r) => (r.article ? [r.article.id] : []));

  it('gives every article the path below its input folder as id, reads a name that is not UTF-8, leaves out links out of the folder and the excluded folder', async () => {
    const inside = path.join(base, 'in');
    const rs = await collect(readArticles([inside], { rules, exclude: [path.join(inside, 'out')] }));
    // link-in.txt leads to a file of the folder reached later by its own path: read once, under the link's name.
    expect(articles(rs)).toEqual(['caf\\xe9.txt', 'link-in.txt']);
    const out = rs.find((r) => r.diagnostics.some((d) => d.code === 'ingest/symlink-outside'));
    expect(out?.diagnostics[0]).toMatchObject({ severity: 'warning', fatal: false, file: path.join(inside, 'link-out.txt') });
    expect(rs.find((r) => r.article?.id === 'caf\\xe9.txt')?.article?.path).toBe(path.join(inside, 'caf\\xe9.txt'));
  });

  it('follows links out of the folder when asked', async () => {
    const rs = await collect(readArticles([path.join(base, 'in')], { rules, followSymlinks: true, exclude: [path.join(base, 'in', 'out')] }));
    expect(articles(rs)).toContain('link-out.txt');
  });

  it('stops at the depth limit with a fatal diagnostic naming the folder', async () => {
    const rs = await collect(readArticles([path.join(base, 'in')], { rules, maxDepth: 1, exclude: [path.join(base, 'in', 'out')] }));
    const deep = rs.find((r) => r.diagnostics.some((d) => d.code === 'ingest/too-deep'));
    expect(deep?.file).toBe(path.join(base, 'in', 'y', 'z'));
    expect(deep?.diagnostics[0]?.fatal).toBe(true);
  });

  it('gives the same ids and order whatever the order of the inputs', async () => {
    const a = path.join(base, 'in', 'y');
    const b = path.join(base, 'outside.txt');
    const one = await collect(readArticles([a, b], { rules }));
    const two = await collect(readArticles([b, a], { rules }));
    expect(articles(two)).toEqual(articles(one));
    expect(articles(one)).toEqual(['z/deep.txt', 'outside.txt']); // in/y sorts before outside.txt
  });

  it('takes an id reserved for the same file again, and gives another file with the same path below its folder a longer id', async () => {
    const inside = path.join(base, 'in');
    const reserved = new Map([
      ['z/deep.txt', path.join(inside, 'y', 'z', 'deep.txt')],
      ['outside.txt', path.join(root, 'elsewhere', 'outside.txt')],
    ]);
    const rs = await collect(readArticles([path.join(inside, 'y'), path.join(base, 'outside.txt')], { rules, reservedIds: reserved }));
    expect(articles(rs).sort()).toEqual([`${path.basename(base)}/outside.txt`, 'z/deep.txt']);
  });
});
