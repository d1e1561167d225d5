import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNowAt } from './use-now-at';

/** Moves the fake clock on and lets React render what the timers caused. */
const elapse = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('useNowAt', () => {
  const start = Date.parse('2030-01-01T10:00:00Z');
  beforeEach(() => vi.useFakeTimers({ now: start }));
  afterEach(() => vi.useRealTimers());

  it('when several instants lie ahead, then one timer waits for the next; the clock is re-read as each passes', () => {
    const instants = [start + 30_000, start + 5_000, start + 60_000, start - 1_000];
    const { result } = renderHook(() => useNowAt(instants));
    expect(result.current).toBe(start);
    expect(vi.getTimerCount()).toBe(1);
    elapse(4_999);
    expect(result.current).toBe(start);
    elapse(2);
    expect(result.current).toBeGreaterThanOrEqual(start + 5_000);
    expect(vi.getTimerCount()).toBe(1);
    elapse(25_000);
    expect(result.current).toBeGreaterThanOrEqual(start + 30_000);
    elapse(30_000);
    expect(result.current).toBeGreaterThanOrEqual(start + 60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when an instant is months away, then the timer waits in steps a browser can hold', () => {
    const farAway = start + 90 * 86_400_000;
    const { result } = renderHook(() => useNowAt([farAway]));
    elapse(2 ** 31 - 1);
    expect(result.current).toBeLessThan(farAway);
    expect(vi.getTimerCount()).toBe(1);
    // Each step re-renders and sets the next timer, so the steps are taken one act at a time.
    while (Date.now() <= farAway) elapse(Math.min(2 ** 31 - 1, farAway - Date.now() + 1));
    expect(result.current).toBeGreaterThanOrEqual(farAway);
  });
});
