import { createAdmissionQueue, type AdmissionQueue } from './admission-queue.js';
import type { Deadline } from './deadline.js';

export interface KeyedQueue {
  /**
   * Runs `task` once fewer than `concurrency` tasks of the same key are running. An arrival its key's queue
   * refuses (admission-policy.ts) gets 503 BUSY at once; one that waits past `maxWaitMs` or its deadline gets
   * it then, and never runs.
   */
  run<T>(key: string | number, task: () => Promise<T>, deadline?: Deadline): Promise<T>;
}

/**
 * A bulkhead per key. Bookings of one show queue on its row lock anyway, so letting more than a few of them
 * hold pooled connections while they wait gains nothing, and a stuck lock on one show would take every
 * connection and stall all the others. Waiting here, in memory, keeps the pool for the other shows.
 */
export function createKeyedQueue(options: {
  concurrency: number;
  maxWaitMs: number;
  /** Per key: waiting tasks at most in a burst; a standing queue is held to a quarter of it. */
  maxQueued: number;
  now?: () => number;
}): KeyedQueue {
  const lanes = new Map<string | number, AdmissionQueue>();
  return {
    async run(key, task, deadline) {
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = createAdmissionQueue(options)));
      try {
        return await lane.run(task, deadline);
      } finally {
        if (lane.idle() && lanes.get(key) === lane) lanes.delete(key);
      }
    },
  };
}
