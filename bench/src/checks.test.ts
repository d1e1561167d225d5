import { describe, expect, it } from 'vitest';
import { violations, type ShowCounts } from './checks.js';

const show = (counts: Partial<ShowCounts>): ShowCounts => ({
  id: 1,
  total: 10,
  available: 7,
  held: 3,
  rows: 3,
  ...counts,
});

describe('violations', () => {
  it('when counters agree with the bookings and every row answered 201, then there is none', () => {
    expect(violations([show({}), show({ id: 2, available: 10, held: 0, rows: 0 })], 3)).toEqual([]);
  });

  it('when a show holds more than its places, then it is oversold', () => {
    expect(violations([show({ available: 0, held: 11, rows: 11 })], 11).join()).toMatch(/show 1 oversold/);
  });

  it('when available_slots disagrees with the held quantity, then it is reported', () => {
    expect(violations([show({ available: 8 })], 3).join()).toMatch(/available_slots 8 but 3 of 10 held/);
  });

  it('when rows differ from the 201s, then a lost or phantom booking is reported', () => {
    expect(violations([show({})], 4).join()).toMatch(/4 bookings answered 201 but 3 rows/);
    expect(violations([show({})], 2).join()).toMatch(/2 bookings answered 201 but 3 rows/);
  });

  it('when requests were cut off by the end of the run, then rows may exceed the 201s by that many only', () => {
    expect(violations([show({})], 2, 1)).toEqual([]);
    expect(violations([show({ available: 5, held: 5, rows: 5 })], 2, 2).join()).toMatch(/up to 2 unanswered/);
  });

  it('when the count is unknown (pgbench), then only the counters are checked', () => {
    expect(violations([show({ rows: 99 })], null)).toEqual([]);
  });
});
