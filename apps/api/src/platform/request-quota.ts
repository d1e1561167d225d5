import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from './errors.js';

/** The policy's name in the RateLimit-Policy and RateLimit headers. */
export const QUOTA_POLICY = 'per-address';
const WINDOW_SECONDS = 60;

export interface RequestQuotaSettings {
  enabled: boolean;
  requestsPerIpPerMinute: number;
}

/**
 * A coarse brake on any one client address: every request counts, whatever the route, and each answer says
 * how much is left in the IETF RateLimit-Policy / RateLimit headers (draft-ietf-httpapi-ratelimit-headers).
 * The counter is kept in this process's memory, not in PostgreSQL like the finer limits in request-limits.ts,
 * so that it costs no database round trip on the hottest read (GET /shows) and still answers when the
 * database does not. With REDIS_URL set the instances share it in Redis (one atomic round trip, ADR 0015); while
 * Redis is unreachable each instance falls back to its own memory rather than refuse or wait. Without Redis
 * each API instance counts on its own. With RATE_LIMITS=off it does nothing.
 */
export function limitRequestsPerAddress(settings: RequestQuotaSettings, redis?: Redis): RequestHandler {
  if (!settings.enabled) return (_req, _res, next) => next();
  const quota = settings.requestsPerIpPerMinute;
  const inMemory = new RateLimiterMemory({ points: quota, duration: WINDOW_SECONDS });
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: 'holdfast-quota',
        points: quota,
        duration: WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: inMemory,
      })
    : inMemory;
  const policy = `"${QUOTA_POLICY}";q=${quota};w=${WINDOW_SECONDS}`;
  return async (req, res, next) => {
    let state: RateLimiterRes;
    let refused = false;
    try {
      state = await limiter.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      state = outcome;
      refused = true;
    }
    const secondsLeft = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `"${QUOTA_POLICY}";r=${Math.max(0, state.remainingPoints)};t=${secondsLeft}`);
    if (refused) {
      throw new AppError(
        'RATE_LIMITED',
        'Too many requests from this address: wait before trying again',
        429,
        undefined,
        {
          retryAfterSeconds: secondsLeft,
        },
      );
    }
    next();
  };
}
