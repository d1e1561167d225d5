import type { Representation } from './representation.js';

/**
 * A short-lived shared cache of whole answers, by key (a route and its normalised query). An entry lives at
 * most `ttlMs`, and `invalidate()` drops every entry at once: the owner calls it on each change that could
 * alter an answer, so within this process nothing stale is served after the change is announced. Other
 * processes' changes are not announced here: their staleness is bounded by `ttlMs` alone.
 *
 * Concurrent misses of one key share one fill, so an expiry under load costs one query, not one per request.
 * A fill that started before an invalidation is answered to its own callers but never stored: its read may
 * predate the change.
 */
export interface ResponseCache {
  answer(key: string, fill: () => Promise<Representation>): Promise<Representation>;
  invalidate(): void;
}

/** Distinct queries kept at most; past it the cache starts afresh, so odd queries cannot grow memory. */
const MAX_ENTRIES = 1_000;

export function createResponseCache(ttlMs: number, now: () => number = Date.now): ResponseCache {
  let generation = 0;
  const entries = new Map<string, { representation: Representation; expiresAt: number }>();
  const fills = new Map<string, { generation: number; promise: Promise<Representation> }>();

  const fillOnce = (key: string, fill: () => Promise<Representation>) => {
    const running = fills.get(key);
    if (running?.generation === generation) return running.promise;
    const started = generation;
    const promise = fill().then((representation) => {
      if (started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, { representation, expiresAt: now() + ttlMs });
      }
      return representation;
    });
    const done = () => {
      if (fills.get(key)?.promise === promise) fills.delete(key);
    };
    promise.then(done, done);
    fills.set(key, { generation: started, promise });
    return promise;
  };

  return {
    answer(key, fill) {
      if (ttlMs <= 0) return fill();
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return Promise.resolve(entry.representation);
      if (entry) entries.delete(key);
      return fillOnce(key, fill);
    },
    invalidate() {
      generation += 1;
      entries.clear();
    },
  };
}
