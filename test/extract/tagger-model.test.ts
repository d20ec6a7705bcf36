import { describe, expect, it } from 'vitest';
import { taggerModelFrom } from '../../src/extract/tagger-model.js';

const labels = ['O', 'B-PER'];

describe('taggerModelFrom', () => {
  it('keeps weights as integer units of a thousandth, rows by feature', () => {
    const model = taggerModelFrom({ labels, biases: [0.5, -0.25], weights: { 'w=paris': [1.234, -2], 'pw|w=the paris': [0.001, 20.75] } }, 'm.json');
    expect([...model.biases]).toEqual([500, -250]);
    const row = model.one.get('w')?.get('paris') as number;
    expect([...model.weights.subarray(row, row + 2)]).toEqual([1234, -2000]);
    const pair = model.two.get('pw|w')?.get('the')?.get('paris') as number;
    expect([...model.weights.subarray(pair, pair + 2)]).toEqual([1, 20750]);
  });
});
