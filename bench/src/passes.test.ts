import { describe, expect, it } from 'vitest';
import { passesOf } from './passes.js';

describe('passesOf', () => {
  it('when no instance count is given, then there is one pass per booking path, named as before', () => {
    expect(passesOf(['on', 'off'], null)).toEqual([
      { batching: 'on', instances: null, label: 'BOOKING_BATCHING=on' },
      { batching: 'off', instances: null, label: 'BOOKING_BATCHING=off' },
    ]);
  });

  it('when instance counts are given, then every path runs with each count, counts side by side', () => {
    expect(passesOf(['on', 'off'], [1, 2]).map((pass) => pass.label)).toEqual([
      'BOOKING_BATCHING=on, 1 instance behind nginx',
      'BOOKING_BATCHING=on, 2 instances behind nginx',
      'BOOKING_BATCHING=off, 1 instance behind nginx',
      'BOOKING_BATCHING=off, 2 instances behind nginx',
    ]);
  });
});
