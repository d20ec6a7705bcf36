import { describe, expect, it } from 'vitest';
import { findEventDates, resolveEventDate } from '../../src/dates/event-date.js';

// Thursday 5 March 2026.
const REF = '2026-03-05';

describe('resolveEventDate against a Thursday, 5 March 2026', () => {
  it.each([
    ['The minister spoke with his counterpart on Tuesday.', '2026-03-03', 'day', 'on Tuesday'],
    ['On Thursday the envoy met the president.', '2026-03-05', 'day', 'On Thursday'],
    ['The envoy said Friday that talks had stalled.', '2026-02-27', 'day', 'Friday'],
    ['Talks were held last week in Geneva.', '2026-02-23/2026-03-01', 'range', 'last week'],
    ['The two leaders met this week.', '2026-03-02/2026-03-08', 'range', 'this week'],
    ['He visited Kyiv in February.', '2026-02', 'month', 'February'],
    ['He visited Kyiv in November.', '2025-11', 'month', 'November'],
    ['Elections are held in April.', '2026-04', 'month', 'April'],
    ['The accord was signed on Jan. 22, 2026.', '2026-01-22', 'day', 'Jan. 22, 2026'],
    ['Earlier this month, the minister warned Moscow.', '2026-03', 'month', 'this month'],
    ['Last month the envoy met the rebels.', '2026-02', 'month', 'Last month'],
    ['Yesterday the president urged calm.', '2026-03-04', 'day', 'Yesterday'],
    ['The ministers spoke on 22 January.', '2026-01-22', 'day', 'on 22 January'],
    ['He met Lavrov on March 2.', '2026-03-02', 'day', 'March 2'],
    ['The vote on March 12 was called off.', '2026-03-12', 'day', 'March 12'],
    ['He met Lavrov on Sept. 30.', '2025-09-30', 'day', 'Sept. 30'],
    ['The two sides agreed in 2019 to a truce.', '2019', 'year', 'in 2019'],
    ['Last year the government accused its neighbour.', '2025', 'year', 'Last year'],
    ['They talked from March 1 to March 3.', '2026-03-01/2026-03-03', 'range', 'March 1 to March 3'],
    ['She warned them two weeks ago.', '2026-02-16/2026-02-22', 'range', 'two weeks ago'],
    ['On Wednesday night the army deployed near the border.', '2026-03-04', 'day', 'On Wednesday night'],
    ['In March 2024 the council condemned the strikes.', '2024-03', 'month', 'March 2024'],
  ])('%s -> %s (%s)', (sentence, value, precision, text) => {
    const d = resolveEventDate(sentence, REF);
    expect(d?.value).toBe(value);
    expect(d?.precision).toBe(precision);
    expect(d?.text).toBe(text);
  });

  it('gives first and last day at every precision', () => {
    expect(resolveEventDate('in February', REF)).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(resolveEventDate('in 2024 they met', REF)).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(resolveEventDate('on Tuesday', REF)).toMatchObject({ start: '2026-03-03', end: '2026-03-03' });
  });

  it.each([
    ['the 9/11 attacks changed the region'],
    ['now the G20 agreed'],
    ['at 9 the two ministers met'],
    ['The Sunday Times reported the talks.'],
    ['Three days later the ministers met.'],
    ['A 10-day ceasefire and 1.5 million people'],
    ['May said the deal was good.'],
    ['The minister urged restraint.'],
  ])('finds no date of the act in %s', (sentence) => {
    expect(findEventDates(sentence, REF)).toEqual([]);
  });

  it('looks forward for an act in the future', () => {
    expect(resolveEventDate('He will travel on Tuesday.', REF, { forward: true })?.value).toBe('2026-03-10');
    expect(resolveEventDate('He will travel next week.', REF, { forward: true })?.value).toBe('2026-03-09/2026-03-15');
  });

  it('without an article date keeps only expressions that name their year', () => {
    expect(resolveEventDate('He spoke on Tuesday.', undefined)).toBeUndefined();
    expect(resolveEventDate('Last month the envoy met.', undefined)).toBeUndefined();
    expect(resolveEventDate('It was signed on Jan. 22, 2026.', undefined)?.value).toBe('2026-01-22');
    expect(resolveEventDate('The two sides agreed in 2019.', undefined)?.value).toBe('2019');
  });

  it('a weekday on the article day is that day', () => {
    expect(resolveEventDate('on Thursday', REF)?.value).toBe(REF);
  });
});
