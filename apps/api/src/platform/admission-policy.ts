/**
 * Whether an arrival may join a queue in front of something scarce (the pool's connections, a show's row
 * lock). It is decided on arrival, so that a refusal costs no waiting (ADR 0009).
 *
 * - A burst may fill the queue to `maxQueued`: two hundred people pressing "Book" at the same moment are
 *   served, however slowly.
 * - A queue that stays non-empty for twice as long as a full one takes to drain is no burst: it is refilled
 *   as fast as it is served (CoDel's "standing queue"), and waiting longer in it only makes everyone later.
 *   (Twice: the pace is an estimate, and on a loaded machine a burst trickles in over a while.) Such a queue,
 *   and one that has just turned arrivals away for being full, is held to a quarter of `maxQueued`.
 * - It stays held until it has turned nobody away for as long again: reopened the moment it empties, it would
 *   take in a full burst of retries and stand again.
 */
export interface QueueState {
  waiting: number;
  /** How long the queue has been non-empty (ignored when it is empty). */
  nonEmptyForMs: number;
  /** How long since it last refused an arrival (Infinity: never). */
  sinceRefusalMs: number;
  /** Tasks served at once, and how long one took recently (0 until one has finished). */
  concurrency: number;
  serviceMs: number;
  /** The longest this arrival may wait: what is left of its deadline, or the queue's own bound. */
  maxWaitMs: number;
}

const STANDING_SHARE = 4;

export function admits(maxQueued: number, state: QueueState): boolean {
  if (state.waiting >= maxQueued) return false;
  return state.waiting < maxQueued / STANDING_SHARE || !isStanding(maxQueued, state);
}

export function isStanding(maxQueued: number, state: QueueState): boolean {
  // Before a task has finished the pace is unknown: after a refusal the queue stays held as long as anyone may
  // wait, and a long queue is no evidence (it may be a stuck lock, whose waiters wait out their deadline).
  if (state.serviceMs === 0) return state.sinceRefusalMs < state.maxWaitMs;
  const windowMs = 2 * (maxQueued / state.concurrency) * state.serviceMs;
  return state.sinceRefusalMs < windowMs || (state.waiting > 0 && state.nonEmptyForMs > windowMs);
}

/** Moving average of service times: recent tasks weigh most, one outlier does not swing it. */
export function nextServiceMs(previous: number, latestMs: number): number {
  return previous === 0 ? latestMs : previous + 0.2 * (latestMs - previous);
}
