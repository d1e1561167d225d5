import { describe, expect, it } from 'vitest';
import { admits, isStanding, nextServiceMs, type QueueState } from './admission-policy.js';

const MAX_QUEUED = 100;
/** Four served at once, 4 ms each: one finishes every millisecond, a full queue drains in 100 ms. */
const queue = (state: Partial<QueueState>): QueueState => ({
  waiting: 0,
  nonEmptyForMs: 0,
  sinceRefusalMs: Infinity,
  concurrency: 4,
  serviceMs: 4,
  maxWaitMs: 2_000,
  ...state,
});

describe('admission policy', () => {
  it('when a burst arrives, then the queue fills to maxQueued and the next arrival is refused', () => {
    expect(admits(MAX_QUEUED, queue({ waiting: 0 }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 99, nonEmptyForMs: 50 }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 100, nonEmptyForMs: 50 }))).toBe(false);
  });

  it('when the queue stays non-empty twice as long as a full one drains, then it is held to a quarter', () => {
    const standing = { nonEmptyForMs: 201 };
    expect(isStanding(MAX_QUEUED, queue({ waiting: 10, ...standing }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 24, ...standing }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...standing }))).toBe(false);
    // The same length within that time is still a burst, however slow the pace.
    expect(admits(MAX_QUEUED, queue({ waiting: 80, nonEmptyForMs: 199 }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 80, nonEmptyForMs: 4_900, serviceMs: 100 }))).toBe(true);
  });

  it('when a queue has refused someone within that time, then it stays held to a quarter, even refilled', () => {
    const refilled = { nonEmptyForMs: 5, sinceRefusalMs: 199 };
    expect(admits(MAX_QUEUED, queue({ waiting: 24, ...refilled }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...refilled }))).toBe(false);
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...refilled, sinceRefusalMs: 201 }))).toBe(true);
    // Pace unknown (nothing finished): held for as long as anyone may wait.
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...refilled, serviceMs: 0, sinceRefusalMs: 1_999 }))).toBe(false);
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...refilled, serviceMs: 0, sinceRefusalMs: 2_001 }))).toBe(true);
  });

  it('when nothing has finished yet, then the queue is never standing (a stuck lock waits out its deadline)', () => {
    expect(isStanding(MAX_QUEUED, queue({ serviceMs: 0, waiting: 90, nonEmptyForMs: 60_000 }))).toBe(false);
    expect(admits(MAX_QUEUED, queue({ serviceMs: 0, waiting: 90, nonEmptyForMs: 60_000 }))).toBe(true);
  });

  it('when service times change, then the estimate follows the recent ones', () => {
    expect(nextServiceMs(0, 30)).toBe(30);
    let estimate = 30;
    for (let i = 0; i < 30; i++) estimate = nextServiceMs(estimate, 2);
    expect(estimate).toBeGreaterThan(2);
    expect(estimate).toBeLessThan(2.1);
    expect(nextServiceMs(2, 2_000)).toBeLessThan(500); // one slow task does not swing it
  });
});
