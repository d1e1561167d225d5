import { busy } from './db-faults.js';

export interface KeyedQueue {
  /**
   * Runs `task` once fewer than `concurrency` tasks of the same key are running. A task that would wait
   * longer than `maxWaitMs`, or find `maxQueued` already waiting, is refused at once with 503 BUSY.
   */
  run<T>(key: string | number, task: () => Promise<T>): Promise<T>;
}

interface Lane {
  running: number;
  waiting: (() => void)[];
}

/**
 * A bulkhead per key. Bookings of one show queue on its row lock anyway, so letting more than a few of them
 * hold pooled connections while they wait gains nothing, and a stuck lock on one show would take every
 * connection and stall all the others. Waiting here, in memory, keeps the pool for the other shows.
 */
export function createKeyedQueue(options: { concurrency: number; maxWaitMs: number; maxQueued: number }): KeyedQueue {
  const lanes = new Map<string | number, Lane>();

  const release = (key: string | number, lane: Lane) => {
    const next = lane.waiting.shift();
    if (next) return next(); // the slot passes straight to the next in line
    lane.running -= 1;
    if (lane.running === 0) lanes.delete(key);
  };

  const acquire = (key: string | number): Promise<Lane> => {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { running: 0, waiting: [] }));
    if (lane.running < options.concurrency) {
      lane.running += 1;
      return Promise.resolve(lane);
    }
    if (lane.waiting.length >= options.maxQueued) return Promise.reject(busy());
    const current = lane;
    return new Promise((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(current);
      };
      const timer = setTimeout(() => {
        current.waiting.splice(current.waiting.indexOf(admit), 1);
        reject(busy());
      }, options.maxWaitMs);
      current.waiting.push(admit);
    });
  };

  return {
    async run(key, task) {
      const lane = await acquire(key);
      try {
        return await task();
      } finally {
        release(key, lane);
      }
    },
  };
}
