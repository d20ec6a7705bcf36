import { describe, expect, it } from 'vitest';
import { dateSpan, inDateRange } from '../../src/viewer/date-range.js';

const day = { dateStart: '2026-03-03', dateEnd: '2026-03-03' };
const february = { dateStart: '2026-02-01', dateEnd: '2026-02-28' };

describe('inDateRange', () => {
  it.each([
    [day, '', '', true],
    [{}, '', '', true],
    [{}, '2026-01-01', '', false],
    [day, '2026-03-03', '2026-03-03', true],
    [day, '2026-03-04', '', false],
    [day, '', '2026-03-02', false],
    [february, '2026-02-20', '2026-03-10', true],
    [february, '', '2026-02-01', true],
    [february, '2026-03-01', '', false],
  ])('%o in [%s, %s] -> %s', (attributes, from, to, shown) => {
    expect(inDateRange(attributes, from, to)).toBe(shown);
  });
});

describe('dateSpan', () => {
  it('spans the dated items and ignores the others', () => {
    expect(dateSpan([day, {}, february, { dateStart: 3 }])).toEqual({ min: '2026-02-01', max: '2026-03-03' });
    expect(dateSpan([{}, { name: 'x' }])).toBeUndefined();
  });
});
