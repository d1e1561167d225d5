import { admits, nextServiceMs } from './admission-policy.js';
import { busy } from './db-faults.js';
import type { Deadline } from './deadline.js';

export interface AdmissionQueue {
  /**
   * Runs `task` once fewer than `concurrency` tasks are running. An arrival the queue's limits refuse gets
   * 503 BUSY at once; one that waits past `maxWaitMs` or its deadline gets it then, and never runs.
   */
  run<T>(task: () => Promise<T>, deadline?: Deadline): Promise<T>;
  /** Nothing running or waiting. */
  idle(): boolean;
  /** Tasks waiting for their turn now (metrics). */
  waiting(): number;
}

interface Waiter {
  admit(): void;
}

export function createAdmissionQueue(options: {
  concurrency: number;
  maxWaitMs: number;
  /** Waiting tasks at most, in a burst; a standing queue is held to a quarter of it (admission-policy.ts). */
  maxQueued: number;
  now?: () => number;
}): AdmissionQueue {
  const { concurrency, maxQueued } = options;
  const now = options.now ?? (() => performance.now());
  const waiting: Waiter[] = [];
  let running = 0;
  let nonEmptySince = 0;
  let lastRefusalAt = -Infinity;
  let serviceMs = 0;

  const acquire = (deadline?: Deadline): Promise<void> => {
    if (deadline && deadline.remainingMs() <= 0) return Promise.reject(busy());
    if (running < concurrency) {
      running += 1;
      return Promise.resolve();
    }
    const t = now();
    const maxWaitMs = Math.min(options.maxWaitMs, deadline?.remainingMs() ?? Infinity);
    const state = {
      waiting: waiting.length,
      nonEmptyForMs: t - nonEmptySince,
      sinceRefusalMs: t - lastRefusalAt,
      concurrency,
      serviceMs,
      maxWaitMs,
    };
    if (!admits(maxQueued, state)) {
      lastRefusalAt = t;
      return Promise.reject(busy());
    }
    if (waiting.length === 0) nonEmptySince = t;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        admit() {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(busy());
      }, maxWaitMs);
      waiting.push(waiter);
    });
  };

  const release = () => {
    const next = waiting.shift();
    if (next)
      next.admit(); // the slot passes straight to the next in line
    else running -= 1;
  };

  return {
    async run(task, deadline) {
      await acquire(deadline);
      const started = now();
      try {
        return await task();
      } finally {
        serviceMs = nextServiceMs(serviceMs, now() - started);
        release();
      }
    },
    idle: () => running === 0,
    waiting: () => waiting.length,
  };
}
