import { describe, expect, it } from 'vitest';
import { BUILD_HEAP_GROWING_PERCENT, setHeapGrowingPercent } from '../../src/pipeline/heap-growth.js';

describe('setHeapGrowingPercent', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s (V8 would read a bad flag as something else)', (percent) => {
    expect(() => setHeapGrowingPercent(percent)).toThrow(RangeError);
  });
  it.each([BUILD_HEAP_GROWING_PERCENT, 0])('takes %s', (percent) => {
    expect(() => setHeapGrowingPercent(percent)).not.toThrow();
    setHeapGrowingPercent(0);
  });
});
