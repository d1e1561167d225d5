import { ApiError, hasCode, isApiError } from './api-error';

export interface RepeatPolicy {
  /** Sends in all, the first included. */
  attempts: number;
  /** First wait when the server names none; it doubles each time, with jitter. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the person is told instead. */
  maxWaitMs: number;
  /** Each send gives up after this long, and counts as a lost answer. */
  timeoutMs: number;
}

export const repeatPolicy: RepeatPolicy = { attempts: 4, baseDelayMs: 300, maxWaitMs: 8_000, timeoutMs: 15_000 };

/** The request may have taken effect, or may still be running: only a repeat with the same key can tell. */
const outcomeUnknown = (error: unknown) => hasCode(error, 'NETWORK_ERROR', 'IDEMPOTENCY_KEY_IN_USE');
/** The server did not act (busy, a gateway in the way); the same request may well succeed in a moment. */
const notActedOn = (error: unknown) => isApiError(error) && [502, 503, 504].includes(error.status);
/** A refusal of this very request (sold out, hold exists…), as opposed to "not now" (429) or no answer. */
const definiteAnswer = (error: unknown) =>
  isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429 && !outcomeUnknown(error);

function waitBefore(retry: number, error: unknown, policy: RepeatPolicy): number | null {
  const asked = isApiError(error) ? error.retryAfterSeconds : undefined;
  if (asked !== undefined) return asked * 1000 <= policy.maxWaitMs ? asked * 1000 : null;
  const backoff = policy.baseDelayMs * 2 ** (retry - 1);
  return backoff / 2 + Math.random() * (backoff / 2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request (one Idempotency-Key) until the server gives a real answer: a lost answer, a
 * timeout, a 503 or "key in use" is sent again after Retry-After, or a growing backoff, a few times at
 * most. If an earlier send may have taken effect and no real answer came after it, the error says
 * NETWORK_ERROR, so the caller knows the outcome is still open rather than refused.
 */
export async function repeatUntilAnswered<T>(
  send: (attempt: number) => Promise<T>,
  policy: RepeatPolicy = repeatPolicy,
): Promise<T> {
  let mayHaveActed = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(attempt);
    } catch (error) {
      mayHaveActed ||= outcomeUnknown(error);
      const wait = attempt + 1 < policy.attempts ? waitBefore(attempt + 1, error, policy) : null;
      if ((outcomeUnknown(error) || notActedOn(error)) && wait !== null) {
        await sleep(wait);
        continue;
      }
      if (!mayHaveActed || definiteAnswer(error) || hasCode(error, 'NETWORK_ERROR')) throw error;
      throw new ApiError(0, 'NETWORK_ERROR', 'We could not find out whether the server did it', undefined);
    }
  }
}
