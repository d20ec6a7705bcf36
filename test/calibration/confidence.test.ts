import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrated, confidenceOf, EMPTY_CONFIDENCE, loadConfidenceTable, quoteKeys, relationKeys, type ConfidenceTable } from '../../src/calibration/confidence.js';
import { DATA_DIR } from '../../src/paths.js';

const table: ConfidenceTable = {
  classes: {
    quote: { precision: 0.8, n: 100, confidence: 0.8 },
    relation: { precision: 0.7, n: 50, confidence: 0.7 },
    'relation:URGED': { precision: 0.9, n: 10, confidence: 0.85 },
  },
  rules: {
    'quote.frame-after': { precision: 1, n: 20, confidence: 0.95 },
    'relation:URGED:urged': { precision: 0.5, n: 2, confidence: 0.6 },
    'urge.subject-object': { precision: 1, n: 4, confidence: 0.9 },
  },
};

describe('confidence from measured precision', () => {
  it('takes the rule, else its class, else the stage figure', () => {
    expect(confidenceOf(table, quoteKeys({ rule: 'quote.frame-after' }), 0.1)).toBe(0.95);
    expect(confidenceOf(table, quoteKeys({ rule: 'quote.never-measured' }), 0.1)).toBe(0.8);
    expect(confidenceOf(table, quoteKeys({}), 0.1)).toBe(0.8);
    expect(confidenceOf(table, relationKeys({ type: 'URGED', cue: 'Urged' }), 0.1)).toBe(0.6);
    expect(confidenceOf(table, relationKeys({ type: 'URGED', cue: 'called on' }), 0.1)).toBe(0.85);
    expect(confidenceOf(table, relationKeys({ type: 'WARNED', cue: 'warned' }), 0.1)).toBe(0.7);
    expect(confidenceOf(table, relationKeys({ type: 'URGED', cue: 'urged', rule: 'urge.subject-object' }), 0.1)).toBe(0.9);
    expect(confidenceOf(EMPTY_CONFIDENCE, relationKeys({ type: 'URGED', cue: 'urged' }), 0.1)).toBe(0.1);
  });

  it('sets each item its figure and leaves the rest alone', () => {
    const out = calibrated(table, [{ rule: 'quote.frame-after', confidence: 0.3, text: 'x' }], quoteKeys);
    expect(out).toEqual([{ rule: 'quote.frame-after', confidence: 0.95, text: 'x' }]);
  });

  it('loads the shipped table: every entry a measured figure between 0 and 1', () => {
    const t = loadConfidenceTable(DATA_DIR);
    expect(Object.keys(t.rules).length).toBeGreaterThan(0);
    for (const e of [...Object.values(t.rules), ...Object.values(t.classes)]) {
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.n).toBeGreaterThanOrEqual(0);
    }
  });

  it('names the file and the entry when the table is malformed; no file is the empty table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confidence-'));
    expect(loadConfidenceTable(dir)).toEqual(EMPTY_CONFIDENCE);
    writeFileSync(path.join(dir, 'confidence.json'), JSON.stringify({ classes: {}, rules: { 'quote.x': { precision: 'high', n: 1, confidence: 1 } } }));
    expect(() => loadConfidenceTable(dir)).toThrow(/confidence\.json: rules\.quote\.x/);
  });
});
