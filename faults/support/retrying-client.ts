import { pause, type Acknowledged } from './load.js';
import type { LoadUser } from './seed.js';

export interface RetriedBooking {
  /** The booking the client was finally told about. */
  acknowledged: Acknowledged;
  /** Attempts the client gave up on (aborted) before one was answered. */
  abandoned: number;
  replayed: boolean;
}

/**
 * A client on a bad network: it gives up on its first attempt after `abortAfterMs`, then sends the same booking
 * again (with the same Idempotency-Key, when it has one) until it gets an answer, honouring Retry-After.
 */
export async function bookThroughAbort(
  url: string,
  user: LoadUser,
  showId: number,
  options: { key?: string; abortAfterMs: number },
): Promise<RetriedBooking> {
  let abandoned = 0;
  for (let attempt = 0; ; attempt++) {
    const abort = new AbortController();
    const timer = attempt === 0 ? setTimeout(() => abort.abort(), options.abortAfterMs) : undefined;
    try {
      const response = await fetch(`${url}/bookings`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${user.token}`,
          ...(options.key ? { 'idempotency-key': options.key } : {}),
        },
        body: JSON.stringify({ showId, quantity: 1 }),
        signal: abort.signal,
      });
      const body = (await response.json()) as { id?: number };
      if (response.status === 201 && typeof body.id === 'number') {
        const acknowledged: Acknowledged = {
          id: body.id,
          showId,
          userId: user.id,
          quantity: 1,
          confirm: 'no',
          cancel: 'no',
        };
        return { acknowledged, abandoned, replayed: response.headers.get('idempotent-replayed') === 'true' };
      }
      // 409 IDEMPOTENCY_KEY_IN_USE or 503: come back when told to.
      await pause(Number(response.headers.get('retry-after') ?? 1) * 1000);
    } catch (error) {
      if (!abort.signal.aborted) throw error;
      abandoned += 1;
    } finally {
      clearTimeout(timer);
    }
  }
}
