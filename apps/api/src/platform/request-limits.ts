import type { RequestHandler } from 'express';
import type { Db } from './db.js';
import { createRateLimit, type RateLimit, type RateLimitRule } from './rate-limits.js';
import type { RequestQuotaSettings } from './request-quota.js';

/**
 * The API's three finer request limits (README's configuration table), built once from the configuration and
 * kept in PostgreSQL; the coarse per-address quota on every request is request-quota.ts.
 */
export interface RequestLimits {
  /** Failed sign-ins per account (lower-cased email); a success clears them (ASVS 2.2.1). */
  loginFailures: RateLimit;
  /** Sign-in and registration requests per client address. */
  authRequests: RateLimit;
  /** POST /bookings per signed-in user. */
  bookingAttempts: RateLimit;
}

/** `enabled` (RATE_LIMITS) covers these limits and the per-address quota alike. */
export interface RequestLimitSettings extends RequestQuotaSettings {
  loginFailures: { points: number; windowSeconds: number };
  authRequestsPerIpPerMinute: number;
  bookingAttemptsPerUserPerMinute: number;
}

export function createRequestLimits(db: Db, limits: RequestLimitSettings): RequestLimits {
  const perMinute = (points: number) => ({ points, windowSeconds: 60 });
  const rules: Record<keyof RequestLimits, RateLimitRule> = {
    loginFailures: {
      name: 'login-failures',
      ...limits.loginFailures,
      message: 'Too many failed sign-ins for this account: wait before trying again',
    },
    authRequests: {
      name: 'auth-per-address',
      ...perMinute(limits.authRequestsPerIpPerMinute),
      message: 'Too many sign-in requests from this address: wait before trying again',
    },
    bookingAttempts: {
      name: 'bookings-per-user',
      ...perMinute(limits.bookingAttemptsPerUserPerMinute),
      message: 'Too many booking attempts: wait a moment before trying again',
    },
  };
  const build = (rule: RateLimitRule) => createRateLimit(db, rule, limits.enabled);
  return {
    loginFailures: build(rules.loginFailures),
    authRequests: build(rules.authRequests),
    bookingAttempts: build(rules.bookingAttempts),
  };
}

/** Counts every request under the mount path against the caller's address. */
export const limitByAddress =
  (limit: RateLimit): RequestHandler =>
  async (req, _res, next) => {
    await limit.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    next();
  };
