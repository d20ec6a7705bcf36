import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of scripts/, no type declarations
import { bandTable, heldOut, highConfidence, PRIOR, tableOf } from '../../scripts/lib/confidence-bands.mjs';
import { confidenceOf } from '../../src/calibration/confidence.js';

interface Item {
  set: string;
  file: string;
  kind: string;
  keys: { rule: string; classes: string[] };
  confidence: number;
  right: boolean;
}

const rel = (set: string, file: string, rule: string, right: boolean, confidence = 0.9): Item => ({ set, file, kind: 'relation', keys: { rule, classes: ['relation:URGED', 'relation'] }, confidence, right });

describe('confidence bands: calibration tables and precision by band', () => {
  it('smooths a rule toward its class with the Beta prior', () => {
    const items = [rel('dev', 'a', 'r1', true), rel('dev', 'a', 'r1', true), rel('dev', 'b', 'r2', false), rel('dev', 'b', 'r2', false)];
    const t = tableOf(items) as { classes: Record<string, { confidence: number }>; rules: Record<string, { precision: number; n: number; confidence: number }> };
    const top = (2 + PRIOR * 0.5) / (4 + PRIOR);
    expect(t.classes.relation?.confidence).toBeCloseTo(top, 3);
    const cls = t.classes['relation:URGED']?.confidence ?? 0;
    expect(t.rules.r1).toEqual({ precision: 1, n: 2, confidence: Math.round(((2 + PRIOR * cls) / (2 + PRIOR)) * 1000) / 1000 });
    expect(t.rules.r2?.precision).toBe(0);
  });

  it('gives each dev item the figure of a table made without its own half', () => {
    // Rule r1 is always right in half A and always wrong in half B: held out, each half sees the other's record.
    const items = [
      ...['a1', 'a2'].flatMap((f) => [rel('dev', f, 'r1', true), rel('dev', f, 'r1', true)]),
      ...['b1', 'b2'].flatMap((f) => [rel('dev', f, 'r1', false), rel('dev', f, 'r1', false)]),
    ];
    const out = heldOut(items, new Set(['a1', 'a2']), confidenceOf) as Item[];
    const inA = out.filter((x) => x.file.startsWith('a'));
    const inB = out.filter((x) => x.file.startsWith('b'));
    expect(Math.max(...inA.map((x) => x.confidence))).toBeLessThan(0.5);
    expect(Math.min(...inB.map((x) => x.confidence))).toBeGreaterThan(0.5);
  });

  it('counts the items at or above 0.8 and prints one row per band', () => {
    const items = [rel('dev', 'a', 'r', true, 0.95), rel('dev', 'a', 'r', false, 0.85), rel('dev', 'a', 'r', true, 0.8), rel('dev', 'a', 'r', false, 0.4)];
    expect(highConfidence(items)).toEqual({ n: 3, right: 2 });
    const text = bandTable('t', items) as string;
    expect(text).toMatch(/^< 0\.5\s+1\s+0\s+0\.000$/m);
    expect(text).toMatch(/^0\.8-0\.9\s+2\s+1\s+0\.500$/m);
    expect(text).toMatch(/^>= 0\.9\s+1\s+1\s+1\.000$/m);
    expect(text).toContain('confidence >= 0.8: 2/3 right = 0.667');
  });
});
