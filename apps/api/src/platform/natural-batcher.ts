import { AsyncLocalStorage } from 'node:async_hooks';
import { admits, nextServiceMs } from './admission-policy.js';
import { busy } from './db-faults.js';
import type { Deadline } from './deadline.js';
import { outsideAnyRequest } from './request-id.js';

/** One item's own answer from a batch: its result, or its own error. */
export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface Queued<I> {
  item: I;
  deadline: Deadline;
}

export interface NaturalBatcher<I, O> {
  /**
   * Sends `item` with the next batch and answers its own outcome. An idle batcher sends it at once, alone.
   * An arrival the queue's limits refuse (admission-policy.ts) gets 503 BUSY at once; one whose deadline
   * passes while it waits gets 503 BUSY then, and is never sent.
   */
  submit(item: I, deadline: Deadline): Promise<O>;
}

interface Waiter<I, O> extends Queued<I> {
  /** Runs a function in the async context of the submitter (its request, for the log lines). */
  inContext: <R>(fn: () => R) => R;
  resolve(value: O): void;
  reject(error: unknown): void;
  timer?: NodeJS.Timeout;
}

/**
 * Natural batching (as in group commit), with no timer: while one batch is out, arrivals queue; when it
 * returns, everything queued (up to `maxBatchSize`) goes as the next batch. Under load batches grow by
 * themselves; an idle system pays no wait. `send` answers one outcome per item, in order; if it throws, every
 * item of that batch gets that same error, so nobody is lost and nobody hangs.
 */
export function createNaturalBatcher<I, O>(options: {
  maxBatchSize: number;
  /** Items waiting at most, in a burst; a standing queue is held to a quarter of it. */
  maxQueued: number;
  send(batch: Queued<I>[]): Promise<ItemOutcome<O>[]>;
  now?: () => number;
}): NaturalBatcher<I, O> {
  const { maxBatchSize, maxQueued, send } = options;
  const now = options.now ?? (() => performance.now());
  const waiting: Waiter<I, O>[] = [];
  let out = false;
  let nonEmptySince = 0;
  let lastRefusalAt = -Infinity;
  let serviceMs = 0;

  const dispatch = () => {
    const taken = waiting.splice(0, maxBatchSize);
    for (const waiter of taken) clearTimeout(waiter.timer);
    // A batch runs until its earliest deadline, so a member with less time left than a batch usually takes
    // would most likely fail the others with it: it gets 503 BUSY now, unsent, as it would at its deadline.
    // Alone, it is sent: it risks only itself.
    const batch =
      taken.length > 1 ? taken.filter((waiter) => waiter.deadline.remainingMs() >= Math.max(1, serviceMs)) : taken;
    for (const waiter of taken) if (!batch.includes(waiter)) waiter.reject(busy());
    out = batch.length > 0;
    if (!out) return;
    const started = now();
    // A batch of one runs as its member's request, so its log lines carry that request's id; a larger one works
    // for all of them and names none (never the request whose batch happened to run before, long answered).
    const inContext = batch.length === 1 ? batch[0]!.inContext : outsideAnyRequest;
    inContext(async () => send(batch))
      .then((outcomes) => {
        if (outcomes.length !== batch.length) throw new Error(`${outcomes.length} outcomes for ${batch.length} items`);
        // Only batches that ran set the pace: one that timed out on a stuck lock says nothing of the next.
        serviceMs = nextServiceMs(serviceMs, now() - started);
        batch.forEach((waiter, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) waiter.resolve(outcome.value);
          else waiter.reject(outcome.error);
        });
      })
      .catch((error: unknown) => {
        for (const waiter of batch) waiter.reject(error);
      })
      .finally(dispatch);
  };

  return {
    submit(item, deadline) {
      if (deadline.remainingMs() <= 0) return Promise.reject(busy());
      const t = now();
      // A batch carries up to maxBatchSize items per service time: that is the pace the queue drains at.
      const state = {
        waiting: waiting.length,
        nonEmptyForMs: t - nonEmptySince,
        sinceRefusalMs: t - lastRefusalAt,
        concurrency: maxBatchSize,
        serviceMs,
        maxWaitMs: deadline.remainingMs(),
      };
      if (out && !admits(maxQueued, state)) {
        lastRefusalAt = t;
        return Promise.reject(busy());
      }
      return new Promise<O>((resolve, reject) => {
        const waiter: Waiter<I, O> = { item, deadline, inContext: AsyncLocalStorage.snapshot(), resolve, reject };
        if (waiting.length === 0) nonEmptySince = t;
        waiting.push(waiter);
        if (!out) {
          dispatch();
          return;
        }
        waiter.timer = setTimeout(() => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(busy());
        }, deadline.remainingMs());
      });
    },
  };
}
