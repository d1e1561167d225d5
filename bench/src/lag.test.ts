import { describe, expect, it } from 'vitest';
import { LagHistogram, lagsOfWatcher } from './lag.js';

describe('lagsOfWatcher', () => {
  it('when each count is heard after its 201, then each lag is hearing time minus 201 time', () => {
    const okTimes = [100, 110, 120];
    const hearings = [
      { at: 130, available: 9 },
      { at: 150, available: 7 },
    ];
    // total 10: the 1st 201 -> 9 (heard at 130), the 2nd -> 8 and the 3rd -> 7 (both first reached at 150).
    expect(lagsOfWatcher(okTimes, hearings, 10)).toEqual({ lags: [30, 40, 30], missed: 0 });
  });

  it('when a late message repeats a higher count, then it does not count as hearing a lower one', () => {
    const hearings = [
      { at: 105, available: 9 },
      { at: 120, available: 9 },
      { at: 140, available: 8 },
    ];
    expect(lagsOfWatcher([100, 101], hearings, 10).lags).toEqual([5, 39]);
  });

  it('when the last counts are never heard, then those 201s are missed, not given a small lag', () => {
    const result = lagsOfWatcher([100, 110, 120], [{ at: 130, available: 9 }], 10);
    expect(result.lags.slice(0, 1)).toEqual([30]);
    expect(result.lags.slice(1).every(Number.isNaN)).toBe(true);
    expect(result.missed).toBe(2);
  });

  it('when a count is heard before its 201 arrives, then the lag is kept negative as measured', () => {
    expect(lagsOfWatcher([100], [{ at: 95, available: 4 }], 5).lags).toEqual([-5]);
  });
});

describe('LagHistogram', () => {
  it('when lags are merged from several processes, then percentiles cover all of them', () => {
    const a = new LagHistogram();
    const b = new LagHistogram();
    for (let lag = 0; lag < 99; lag++) a.add(lag + 0.5);
    b.add(1000.2);
    b.add(NaN);
    a.merge(b.toJSON());
    expect(a.count).toBe(100);
    expect(a.missed).toBe(1);
    expect(a.percentile(0.5)).toBe(50);
    expect(a.percentile(0.99)).toBe(99);
    expect(a.percentile(1)).toBe(1001);
  });

  it('when nothing was heard, then it has no percentile', () => {
    expect(new LagHistogram().percentile(0.99)).toBeNull();
  });
});
