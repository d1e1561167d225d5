import { describe, expect, it } from 'vitest';
import { admits, expectedWaitMs, isStanding, nextServiceMs, type QueueState } from './admission-policy.js';

const MAX_QUEUED = 100;
/** Four served at once, 4 ms each: one finishes every millisecond, a full queue drains in 100 ms. */
const queue = (state: Partial<QueueState>): QueueState => ({
  waiting: 0,
  nonEmptyForMs: 0,
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

  it('when the queue stays non-empty longer than a full one drains, then it is held to a quarter', () => {
    const standing = { nonEmptyForMs: 101 };
    expect(isStanding(MAX_QUEUED, queue({ waiting: 10, ...standing }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 24, ...standing }))).toBe(true);
    expect(admits(MAX_QUEUED, queue({ waiting: 25, ...standing }))).toBe(false);
    // The same length within the drain time of a full queue is still a burst.
    expect(admits(MAX_QUEUED, queue({ waiting: 80, nonEmptyForMs: 99 }))).toBe(true);
  });

  it('when the pace is slow, then a queue older than the longest wait counts as standing', () => {
    // 400 ms each: a full queue would take 10 s to drain, but nobody waits over 2 s.
    const slow = { serviceMs: 400, waiting: 3 };
    expect(isStanding(MAX_QUEUED, queue({ ...slow, nonEmptyForMs: 1_999 }))).toBe(false);
    expect(isStanding(MAX_QUEUED, queue({ ...slow, nonEmptyForMs: 2_001 }))).toBe(true);
  });

  it('when nothing has finished yet, then the queue is never standing (a stuck lock waits out its deadline)', () => {
    expect(isStanding(MAX_QUEUED, queue({ serviceMs: 0, waiting: 90, nonEmptyForMs: 60_000 }))).toBe(false);
    expect(admits(MAX_QUEUED, queue({ serviceMs: 0, waiting: 90, nonEmptyForMs: 60_000 }))).toBe(true);
  });

  it('when an arrival would be served long after its wait ends, then it is refused at once', () => {
    // 50 ahead, one finishing every 10 ms: its turn comes after 510 ms.
    const state = queue({ waiting: 50, serviceMs: 40, nonEmptyForMs: 10 });
    expect(expectedWaitMs(state)).toBe(510);
    expect(admits(MAX_QUEUED, { ...state, maxWaitMs: 400 })).toBe(true); // the estimate may run high
    expect(admits(MAX_QUEUED, { ...state, maxWaitMs: 250 })).toBe(false);
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
