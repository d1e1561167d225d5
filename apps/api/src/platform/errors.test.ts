import { describe, expect, it } from 'vitest';
import { AppError, MAX_RETRY_AFTER_SECONDS } from './errors.js';

const retryAfter = (seconds: number) =>
  new AppError('BUSY', 'busy', 503, undefined, { retryAfterSeconds: seconds }).retryAfterSeconds;

describe('AppError', () => {
  it('when Retry-After would fall outside what the OpenAPI document states, then it is held to 1..max', () => {
    expect([retryAfter(0), retryAfter(0.2), retryAfter(30), retryAfter(10 ** 9)]).toEqual([
      1,
      1,
      30,
      MAX_RETRY_AFTER_SECONDS,
    ]);
    expect(new AppError('FORBIDDEN', 'no', 403).retryAfterSeconds).toBeUndefined();
  });
});
