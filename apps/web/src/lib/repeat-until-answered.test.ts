import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { repeatUntilAnswered, type RepeatPolicy } from './repeat-until-answered';

const policy: RepeatPolicy = { attempts: 4, baseDelayMs: 100, maxWaitMs: 5_000, timeoutMs: 1_000 };
const lost = () => new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server');
const busy = (retryAfterSeconds?: number) => new ApiError(503, 'BUSY', 'Busy', undefined, retryAfterSeconds);
const keyInUse = (retryAfterSeconds: number) =>
  new ApiError(409, 'IDEMPOTENCY_KEY_IN_USE', 'In use', undefined, retryAfterSeconds);
const soldOut = () => new ApiError(409, 'SOLD_OUT', 'Sold out');
const rateLimited = () => new ApiError(429, 'RATE_LIMITED', 'Slow down', undefined, 1);

/** A send that fails with each of `failures` in turn, then answers 'done'; records when each send ran. */
function sendFailing(...failures: ApiError[]) {
  const sentAt: number[] = [];
  const send = vi.fn(async () => {
    sentAt.push(Date.now());
    const failure = failures[sentAt.length - 1];
    if (failure) throw failure;
    return 'done';
  });
  return { send, sentAt };
}

/** Runs `repeatUntilAnswered` to its end under fake timers; resolves to its value or its error. */
async function settle(send: () => Promise<string>): Promise<{ value?: string; error?: unknown }> {
  const outcome = repeatUntilAnswered(send, policy).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('repeatUntilAnswered', () => {
  it('when an answer is lost, then the request is sent again after a backoff and its answer returned', async () => {
    const { send, sentAt } = sendFailing(lost(), lost());

    expect(await settle(send)).toEqual({ value: 'done' });
    expect(send).toHaveBeenCalledTimes(3);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(50);
    expect(sentAt[1]! - sentAt[0]!).toBeLessThanOrEqual(100);
    expect(sentAt[2]! - sentAt[1]!).toBeGreaterThanOrEqual(100);
    expect(sentAt[2]! - sentAt[1]!).toBeLessThanOrEqual(200);
  });

  it('when the server asks to wait (503 or key in use), then it waits exactly Retry-After', async () => {
    const { send, sentAt } = sendFailing(busy(2), keyInUse(1));

    expect(await settle(send)).toEqual({ value: 'done' });
    expect([sentAt[1]! - sentAt[0]!, sentAt[2]! - sentAt[1]!]).toEqual([2_000, 1_000]);
  });

  it('when Retry-After is longer than a person should wait, then the error is returned at once', async () => {
    const tooLong = busy(30);
    const { send } = sendFailing(tooLong);

    expect((await settle(send)).error).toBe(tooLong);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a refusal', soldOut()],
    ['a rate limit', rateLimited()],
    ['a server error', new ApiError(500, 'INTERNAL_ERROR', 'Boom')],
  ])('when the first answer is %s, then it is not repeated', async (_, error) => {
    const { send } = sendFailing(error);

    expect((await settle(send)).error).toBe(error);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('when every answer is lost, then it stops after the last attempt and says the outcome is unknown', async () => {
    const { send } = sendFailing(lost(), lost(), lost(), lost(), lost());

    const outcome = await settle(send);
    expect(send).toHaveBeenCalledTimes(policy.attempts);
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'NETWORK_ERROR' }) });
  });

  it('when the server stays busy and no answer was lost, then the busy answer is returned', async () => {
    const last = busy(0);
    const { send } = sendFailing(busy(0), busy(0), busy(0), last);

    expect((await settle(send)).error).toBe(last);
    expect(send).toHaveBeenCalledTimes(policy.attempts);
  });

  it.each([
    ['busy', busy(0)],
    ['rate limited', rateLimited()],
    ['still running it', keyInUse(0)],
  ])('when an answer was lost and the server is then %s, then the outcome is unknown', async (_, last) => {
    const { send } = sendFailing(lost(), ...Array.from({ length: policy.attempts - 1 }, () => last));

    expect(await settle(send)).toEqual({ error: expect.objectContaining({ code: 'NETWORK_ERROR' }) });
  });

  it('when an answer was lost and the repeat is refused outright, then the refusal is returned', async () => {
    const refusal = soldOut();
    const { send } = sendFailing(lost(), refusal);

    expect((await settle(send)).error).toBe(refusal);
  });
});
