/**
 * Confidence as measured precision: `data/confidence.json` (written by
 * scripts/calibrate.mjs) gives, for each rule id, the share of its edges and
 * quotes that were right on the development gold, smoothed toward its class.
 * A relation or quote takes the figure of its rule, else of its class
 * (the relation type, then all relations; all quotes), else keeps the
 * confidence its stage gave. Relations whose rule has no id yet are keyed
 * by type and cue (`relation:URGED:urged`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface MeasuredPrecision {
  /** Share of right items on the gold, as counted. */
  readonly precision: number;
  readonly n: number;
  /** The precision smoothed toward the class (what the pipeline uses). */
  readonly confidence: number;
}

export interface ConfidenceTable {
  readonly classes: Readonly<Record<string, MeasuredPrecision>>;
  readonly rules: Readonly<Record<string, MeasuredPrecision>>;
}

export const EMPTY_CONFIDENCE: ConfidenceTable = { classes: {}, rules: {} };

/** @public */
export const CONFIDENCE_FILE = 'confidence.json';

/** The rule key of an item and its classes, most specific first. */
export interface CalibrationKeys {
  readonly rule: string;
  readonly classes: readonly string[];
}

export function quoteKeys(q: { readonly rule?: string | undefined }): CalibrationKeys {
  return { rule: q.rule ?? 'quote.unknown', classes: ['quote'] };
}

export function relationKeys(r: { readonly type: string; readonly cue: string; readonly rule?: string | undefined }): CalibrationKeys {
  return { rule: r.rule ?? `relation:${r.type}:${r.cue.toLowerCase()}`, classes: [`relation:${r.type}`, 'relation'] };
}

/** The measured confidence for `keys`, or `fallback` when the table knows neither the rule nor a class. */
export function confidenceOf(table: ConfidenceTable, keys: CalibrationKeys, fallback: number): number {
  const hit = table.rules[keys.rule] ?? keys.classes.map((c) => table.classes[c]).find((x) => x !== undefined);
  return hit ? hit.confidence : fallback;
}

/** The items with the confidence the table gives their rule. */
export function calibrated<T extends { readonly confidence: number }>(table: ConfidenceTable, items: readonly T[], keysOf: (item: T) => CalibrationKeys): T[] {
  return items.map((x) => ({ ...x, confidence: confidenceOf(table, keysOf(x), x.confidence) }));
}

function isEntry(x: unknown): x is MeasuredPrecision {
  const e = x as MeasuredPrecision;
  return !!e && typeof e === 'object' && [e.precision, e.n, e.confidence].every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Reads `confidence.json` from `dataDir`; no file gives the empty table (stages keep their own figures). */
export function loadConfidenceTable(dataDir: string): ConfidenceTable {
  const file = path.join(dataDir, CONFIDENCE_FILE);
  if (!existsSync(file)) return EMPTY_CONFIDENCE;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { classes?: unknown; rules?: unknown };
  const section = (name: 'classes' | 'rules'): Record<string, MeasuredPrecision> => {
    const s = raw[name];
    if (!s || typeof s !== 'object') throw new Error(`${file}: "${name}" must be an object of {precision, n, confidence}`);
    for (const [id, e] of Object.entries(s)) if (!isEntry(e)) throw new Error(`${file}: ${name}.${id} must have numeric precision, n and confidence`);
    return s as Record<string, MeasuredPrecision>;
  };
  return { classes: section('classes'), rules: section('rules') };
}
