/** When a request stops being worth serving: each of its waits (queues, pool, row lock) ends by then. */
export interface Deadline {
  /** Milliseconds left, never below 0. */
  remainingMs(): number;
}

export function deadlineIn(ms: number, now: () => number = () => performance.now()): Deadline {
  const at = now() + ms;
  return { remainingMs: () => Math.max(0, at - now()) };
}
