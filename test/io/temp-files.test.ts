import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, removeTrackedTempsSync, tempOwner, trackTemp, trackedTemps } from '../../src/io/temp-files.js';
import { writeFileAtomic } from '../../src/io/write-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ng-temps-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tempOwner', () => {
  it.each([
    ['.graph.json.4242.17000000000001.tmp', 4242],
    ['.graph.kuzu.building-77-a1b2c3d4', 77],
    ['.graph.kuzu.building-77-a1b2c3d4.wal', 77],
    ['.graph.kuzu.csv-77-a1b2c3d4-Xy9zQ1', 77],
    ['.nodes-Person.csv.12.345.tmp', 12],
    ['graph.json', undefined],
    ['graph.kuzu', undefined],
    ['.hidden-notes.txt', undefined],
    ['.graph.json.tmp', undefined],
    ['graph.json.12.345.tmp', undefined],
  ])('%s -> %s', (name, pid) => {
    expect(tempOwner(name)).toBe(pid);
  });
});

describe('removeStaleTemps', () => {
  it('removes the temps of dead processes only, never an output or a stranger file', () => {
    const names = ['graph.json', '.keep-me', '.graph.json.100.1.tmp', '.graph.json.200.1.tmp', '.graph.kuzu.building-100-ab12', '.graph.kuzu.building-100-ab12.wal'];
    for (const n of names) writeFileSync(path.join(dir, n), 'x');
    mkdirSync(path.join(dir, '.graph.kuzu.csv-100-ab12-QwErTy'));
    writeFileSync(path.join(dir, '.graph.kuzu.csv-100-ab12-QwErTy', 'node-0-Person.csv'), 'x');
    const removed = removeStaleTemps(dir, (pid) => pid === 200).map((f) => path.basename(f)).sort();
    expect(removed).toEqual(['.graph.json.100.1.tmp', '.graph.kuzu.building-100-ab12', '.graph.kuzu.building-100-ab12.wal', '.graph.kuzu.csv-100-ab12-QwErTy']);
    expect(readdirSync(dir).sort()).toEqual(['.graph.json.200.1.tmp', '.keep-me', 'graph.json']);
  });

  it('keeps the temps of this process and of live ones by default; a missing folder is no error', () => {
    writeFileSync(path.join(dir, `.graph.json.${process.pid}.1.tmp`), 'x');
    writeFileSync(path.join(dir, `.graph.json.${process.ppid}.1.tmp`), 'x');
    expect(removeStaleTemps(dir)).toEqual([]);
    expect(removeStaleTemps(path.join(dir, 'nope'))).toEqual([]);
  });
});

describe('trackTemp', () => {
  it('removeTrackedTempsSync removes registered files and folders and forgets them', () => {
    const file = path.join(dir, '.a.1.2.tmp');
    const folder = path.join(dir, '.b.building-1-ff');
    writeFileSync(file, 'x');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'inside'), 'x');
    const untrackFile = trackTemp(file);
    trackTemp(folder);
    trackTemp(path.join(dir, 'never-created'));
    expect(trackedTemps()).toContain(file);
    expect(removeTrackedTempsSync()).toHaveLength(3);
    expect(existsSync(file) || existsSync(folder)).toBe(false);
    expect(trackedTemps()).toEqual([]);
    untrackFile();
  });

  it('writeFileAtomic registers its temp file only while writing', async () => {
    const target = path.join(dir, 'out.json');
    const writing = writeFileAtomic(target, 'y'.repeat(1000));
    expect(trackedTemps().some((f) => path.basename(f).startsWith('.out.json.'))).toBe(true);
    await writing;
    expect(trackedTemps()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
