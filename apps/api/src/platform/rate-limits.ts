import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from './db.js';
import { AppError } from './errors.js';

export interface RateLimit {
  /** Counts one event for `key`; throws 429 RATE_LIMITED (with Retry-After) once over the limit. */
  consume(key: string): Promise<void>;
  /** Throws 429 if `key` is already over the limit, without counting anything. */
  check(key: string): Promise<void>;
  /** Forgets `key`'s count (a successful login clears its failures). */
  reset(key: string): Promise<void>;
}

export interface RateLimitRule {
  /** Also the key prefix in the shared `rate_limits` table. */
  name: string;
  points: number;
  windowSeconds: number;
  message: string;
}

const limited = (rule: RateLimitRule, msBeforeNext: number) =>
  new AppError('RATE_LIMITED', rule.message, 429, undefined, {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });

const unlimited: RateLimit = { consume: async () => {}, check: async () => {}, reset: async () => {} };

/**
 * A fixed-window counter per key, kept by rate-limiter-flexible in PostgreSQL so that every API instance on
 * the same database shares it. Its queries go through `db`, so they get the same timeouts and 503s as the rest.
 * With `enabled: false` (RATE_LIMITS=off) it never refuses.
 */
export function createRateLimit(db: Db, rule: RateLimitRule, enabled: boolean): RateLimit {
  if (!enabled) return unlimited;
  const limiter = new RateLimiterPostgres({
    storeClient: { query: (q: { text: string; values: unknown[] }) => db.query(q.text, q.values) },
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true, // migration 1700000000003
    clearExpiredByTimeout: false, // the purge job deletes expired rows
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.windowSeconds,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) throw limited(rule, outcome.msBeforeNext);
        throw outcome;
      }
    },
    async check(key) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= rule.points) throw limited(rule, state.msBeforeNext);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/** Deletes counters whose window has passed; run by the purge job. Answers how many it removed. */
export async function purgeExpiredRateLimits(db: Db): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM rate_limits WHERE expire < $1', [Date.now()]);
  return rowCount ?? 0;
}
