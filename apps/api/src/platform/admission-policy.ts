/**
 * Whether an arrival may join a queue in front of something scarce (the pool's connections, a show's row
 * lock). It is decided on arrival, so that a refusal costs no waiting (ADR 0009).
 *
 * - An arrival whose turn would come long after its wait ends (its deadline) is refused now, not then.
 * - A burst may fill the queue to `maxQueued`: two hundred people pressing "Book" at the same moment are
 *   served, however slowly.
 * - A queue that stays non-empty for longer than a full one takes to drain is no burst: it is refilled as
 *   fast as it is served (CoDel's "standing queue"), and waiting longer in it only makes everyone later.
 *   It is held to a quarter of `maxQueued`.
 */
export interface QueueState {
  waiting: number;
  /** How long the queue has been non-empty (ignored when it is empty). */
  nonEmptyForMs: number;
  /** Tasks served at once, and how long one took recently (0 until one has finished). */
  concurrency: number;
  serviceMs: number;
  /** The longest this arrival may wait: what is left of its deadline, or the queue's own bound. */
  maxWaitMs: number;
}

const STANDING_SHARE = 4;
/**
 * "Long after": the estimate runs high on a machine that stalls (a loaded CI runner put it at 2.5 s for
 * bookings served within 2 s), so only a turn beyond twice the wait is hopeless enough to refuse on sight.
 */
const HOPELESS_FACTOR = 2;

export function admits(maxQueued: number, state: QueueState): boolean {
  if (state.waiting >= maxQueued || expectedWaitMs(state) > HOPELESS_FACTOR * state.maxWaitMs) return false;
  return state.waiting < maxQueued / STANDING_SHARE || !isStanding(maxQueued, state);
}

/** Little's law: `concurrency` tasks of `serviceMs` each finish one every serviceMs / concurrency. */
export function expectedWaitMs(state: QueueState): number {
  return ((state.waiting + 1) / state.concurrency) * state.serviceMs;
}

export function isStanding(maxQueued: number, state: QueueState): boolean {
  // Before a task has finished nothing is known about the pace (a stuck lock waits out its deadline).
  if (state.waiting === 0 || state.serviceMs === 0) return false;
  // Whoever was waiting `maxWaitMs` ago has been served or refused since, so a queue that is still there
  // has been refilled, whatever the pace.
  const fullQueueDrainMs = (maxQueued / state.concurrency) * state.serviceMs;
  return state.nonEmptyForMs > Math.min(fullQueueDrainMs, state.maxWaitMs);
}

/** Moving average of service times: recent tasks weigh most, one outlier does not swing it. */
export function nextServiceMs(previous: number, latestMs: number): number {
  return previous === 0 ? latestMs : previous + 0.2 * (latestMs - previous);
}
