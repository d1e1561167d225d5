import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExpiryWheel } from './expiry-wheel.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T00:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

const at = (ms: number) => new Date(Date.now() + ms);

describe('expiry wheel', () => {
  it('when expiries arrive out of order, then each show is announced 50-100 ms after its own, in time order', () => {
    const heard: { at: number; shows: number[] }[] = [];
    const start = Date.now();
    const wheel = createExpiryWheel((shows) => heard.push({ at: Date.now() - start, shows: shows.sort() }));
    wheel.add([3], at(300));
    wheel.add([1], at(100));
    wheel.add([2, 1], at(200));
    wheel.add([4], at(90)); // due in the same 50 ms tick as show 1's first expiry

    vi.advanceTimersByTime(1_000);

    expect(heard).toEqual([
      { at: 150, shows: [1, 4] },
      { at: 250, shows: [1, 2] },
      { at: 350, shows: [3] },
    ]);
    for (const { at: heardAt } of heard) expect(heardAt % 50).toBe(0);
  });

  it('when a thousand holds lapse within a second, then one timer and one entry per tick wait for them', () => {
    const heard: number[][] = [];
    const wheel = createExpiryWheel((shows) => heard.push(shows));
    for (let i = 0; i < 1_000; i++) wheel.add([i % 3], at(120_000 + i));

    expect(wheel.pending()).toEqual({ timers: 1, ticks: 21 });
    vi.advanceTimersByTime(121_200);
    expect(new Set(heard.flat())).toEqual(new Set([0, 1, 2]));
    expect(heard.length).toBeLessThanOrEqual(21);
    expect(wheel.pending()).toEqual({ timers: 0, ticks: 0 });
  });

  it('when stopped, then nothing more is announced', () => {
    const announce = vi.fn();
    const wheel = createExpiryWheel(announce);
    wheel.add([1], at(100));
    wheel.stop();
    vi.advanceTimersByTime(1_000);
    expect(announce).not.toHaveBeenCalled();
    expect(wheel.pending()).toEqual({ timers: 0, ticks: 0 });
  });
});
