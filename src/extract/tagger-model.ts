/**
 * Reads the entity tagger's model (`data/models/entity-tagger.json`, written by
 * `scripts/train-tagger.mjs`) into the lean form the tagger scores with: one weight vector per
 * feature. A missing file means no tagger (the rules alone); a malformed one is an error naming it.
 *
 * Weights are held as integer thousandths (wink-perceptron exports them at three decimals): their
 * sums are then exact whatever the order they are added in, so the tagger may add the features a
 * word always has as one vector summed once per word, and score exactly as feature by feature.
 */
import fs from 'node:fs';
import type { TaggerModel } from './mentions/tagger.js';

/** Weight units per unit of the model file: its weights have three decimals. */
const WEIGHT_SCALE = 1000;

/** The model as `scripts/train-tagger.mjs` writes it: weights by `template=value` feature. */
interface ModelFile {
  labels: string[];
  biases: number[];
  weights: Record<string, number[]>;
}

export function readTaggerModel(file: string): TaggerModel | undefined {
  if (!fs.existsSync(file)) return undefined;
  let raw: ModelFile;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as ModelFile;
  } catch (e) {
    throw new Error(`${file}: not a tagger model (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return taggerModelFrom(raw, file);
}

/** The lean form of a model file's content (`file` names it in errors). @public */
export function taggerModelFrom(raw: ModelFile, file: string): TaggerModel {
  const n = Array.isArray(raw.labels) ? raw.labels.length : 0;
  if (!n || !Array.isArray(raw.biases) || raw.biases.length !== n || typeof raw.weights !== 'object') {
    throw new Error(`${file}: not a tagger model (labels, biases and weights of one size expected)`);
  }
  const rows = Object.entries(raw.weights);
  // One array of every row: far fewer objects, and rows next to each other in memory.
  const weights = new Float64Array(rows.length * n);
  const units = (w: unknown): number => Math.round((w as number) * WEIGHT_SCALE);
  const one = new Map<string, Map<string, number>>();
  const two = new Map<string, Map<string, Map<string, number>>>();
  rows.forEach(([feature, row], k) => {
    if (!Array.isArray(row) || row.length !== n) throw new Error(`${file}: feature ${feature} has ${Array.isArray(row) ? row.length : 0} weights, not ${n}`);
    const at = k * n;
    for (let c = 0; c < n; c++) weights[at + c] = units(row[c]);
    const eq = feature.indexOf('=');
    const template = feature.slice(0, eq);
    const value = feature.slice(eq + 1);
    // A pair's two values are joined by a space (tokens have none).
    const space = value.indexOf(' ');
    if (space < 0) {
      let values = one.get(template);
      if (!values) one.set(template, (values = new Map()));
      values.set(value, at);
      return;
    }
    let firsts = two.get(template);
    if (!firsts) two.set(template, (firsts = new Map()));
    const head = value.slice(0, space);
    let seconds = firsts.get(head);
    if (!seconds) firsts.set(head, (seconds = new Map()));
    seconds.set(value.slice(space + 1), at);
  });
  return { labels: raw.labels, biases: Float64Array.from(raw.biases, units), weights, one, two, scale: WEIGHT_SCALE };
}
