import type { ErrorReporter } from '../platform/error-reporter.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreciseSweep } from '../modules/bookings/index.js';
import { createHoldExpiries } from './hold-expiries.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const reporter: ErrorReporter = {
  report: vi.fn(),
  crash: (error) => {
    throw error;
  },
};

describe('hold expiries', () => {
  it('when a show is locked by someone else at its tick, then it is swept again until it is free', async () => {
    const answers: PreciseSweep[] = [
      { reclaimed: [1], busy: [2], expired: 1 },
      { reclaimed: [], busy: [2], expired: 0 },
      { reclaimed: [2], busy: [], expired: 3 },
    ];
    const swept: number[][] = [];
    const announced: number[][] = [];
    const expiries = createHoldExpiries({
      sweep: async (ids) => {
        swept.push([...ids].sort());
        return answers.shift() ?? { reclaimed: [], busy: [], expired: 0 };
      },
      announce: (ids) => announced.push(ids),
      reporter,
    });
    expiries.add([1, 2], new Date(Date.now() + 100));

    await vi.advanceTimersByTimeAsync(1_000);

    expect(swept).toEqual([[1, 2], [2], [2]]);
    expect(announced).toEqual([[1], [2]]);
    expect(expiries.pending()).toEqual({ timers: 0, ticks: 0 });
  });

  it('when the sweep finds nothing to reclaim (another instance did), then nothing is announced', async () => {
    const announce = vi.fn();
    const expiries = createHoldExpiries({
      sweep: async () => ({ reclaimed: [], busy: [], expired: 0 }),
      announce,
      reporter,
    });
    expiries.add([7], new Date(Date.now() + 10));
    await vi.advanceTimersByTimeAsync(500);
    expect(announce).not.toHaveBeenCalled();
  });

  it('when a show stays locked, then it is given up after 40 tries (the cron sweep takes it)', async () => {
    let sweeps = 0;
    const expiries = createHoldExpiries({
      sweep: async () => (sweeps++, { reclaimed: [], busy: [9], expired: 0 }),
      announce: () => {},
      reporter,
    });
    expiries.add([9], new Date(Date.now() + 10));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sweeps).toBe(41);
    expect(expiries.pending()).toEqual({ timers: 0, ticks: 0 });
  });
});
