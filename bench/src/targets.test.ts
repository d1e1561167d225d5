import { describe, expect, it } from 'vitest';
import { Targets } from './targets.js';

describe('Targets', () => {
  it('when passes measured different targets, then each measured one is a row with a column per pass', () => {
    const targets = new Targets();
    targets.set('BOOKING_BATCHING=on', 'flashSeconds', 0.5);
    targets.set('BOOKING_BATCHING=on', 'listRate', 3100);
    targets.set('BOOKING_BATCHING=off', 'flashSeconds', 5.9);
    const { header, rows } = targets.table();
    expect(header).toEqual(['measure', 'target', 'BOOKING_BATCHING=on', 'BOOKING_BATCHING=off']);
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['< 0.7', 0.5, 5.9],
      ['>= 3,000', 3100, undefined],
    ]);
  });
});
