import type { LoadUser } from './seed.js';

/** One request and how it ended; status 0 means no HTTP answer at all (`code` then says why). */
export interface Outcome {
  op: 'book' | 'confirm' | 'cancel' | 'health';
  showId: number;
  status: number;
  code: string | null;
  retryAfter: string | null;
  /** ms since the load started, so faults can be placed on the same clock. */
  startedAt: number;
  ms: number;
}

/** A booking the API acknowledged with 201: the client was told it exists, so it must. */
export interface Acknowledged {
  id: number;
  showId: number;
  userId: number;
  quantity: number;
  /** Whether a confirm or cancel was sent, and whether the API acknowledged it (2xx). */
  confirm: 'no' | 'sent' | 'acked';
  cancel: 'no' | 'sent' | 'acked';
}

export interface LoadOptions {
  url: string;
  users: LoadUser[];
  showIds: number[];
  /** Requests per client before it stops on its own; unlimited until stop() by default. */
  bookingsPerClient?: number;
  maxQuantity?: number;
  /** Of the acknowledged holds: the share confirmed, and the share cancelled; the rest are left to expire. */
  confirmShare?: number;
  cancelShare?: number;
  /** A client pauses this long after an answer other than 2xx, so a refusing API is not hammered in a hot loop. */
  pauseAfterRefusalMs?: number;
  /** The client's own patience; a request still running then counts as status 0, code CLIENT_TIMEOUT. */
  requestTimeoutMs?: number;
  /** Another load's clock, to place two loads' outcomes on one time line. */
  clock?: () => number;
  /**
   * `Connection: close` on every request. With a thousand clients on two busy cores, the test's own event loop
   * lags far enough that a pooled keep-alive socket is reused just as the API closes it for idleness (5 s), and
   * the request is lost before the API reads it: the client's race, not the API's answer.
   */
  freshConnections?: boolean;
}

/** The parts of an answer the load reads: a booking's id, an error's code. */
interface AnswerBody {
  id?: number;
  error?: { code?: string };
}

export interface Load {
  outcomes: Outcome[];
  ledger: Map<number, Acknowledged>;
  /** ms on the load's clock. */
  now(): number;
  /** Resolves when every client has finished (bookingsPerClient reached, or stop()). */
  finished: Promise<void>;
  /** Lets each client finish the request it is in, then resolves. */
  stop(): Promise<void>;
}

/** One client per user, each booking in a loop on a random show, then confirming, cancelling or abandoning. */
export function startLoad(options: LoadOptions): Load {
  const o = {
    maxQuantity: 3,
    confirmShare: 0.5,
    cancelShare: 0.1,
    pauseAfterRefusalMs: 100,
    requestTimeoutMs: 30_000,
    ...options,
  };
  const started = performance.now();
  const now = o.clock ?? (() => performance.now() - started);
  const outcomes: Outcome[] = [];
  const ledger = new Map<number, Acknowledged>();
  let stopping = false;

  const send = async (user: LoadUser, op: Outcome['op'], showId: number, path: string, body: unknown) => {
    const startedAt = now();
    let status = 0;
    let code: string | null = null;
    let retryAfter: string | null = null;
    let json: AnswerBody | null = null;
    try {
      const response = await fetch(`${o.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${user.token}`,
          ...(o.freshConnections ? { connection: 'close' } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.requestTimeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      json = (await response.json().catch(() => null)) as AnswerBody | null;
      code = json?.error?.code ?? null;
    } catch (error) {
      code = networkCode(error);
    }
    outcomes.push({ op, showId, status, code, retryAfter, startedAt, ms: now() - startedAt });
    if (status < 200 || status >= 300) await pause(o.pauseAfterRefusalMs);
    return { ok: status >= 200 && status < 300, json };
  };

  const client = async (user: LoadUser) => {
    for (let n = 0; !stopping && (o.bookingsPerClient === undefined || n < o.bookingsPerClient); n++) {
      const showId = o.showIds[Math.floor(Math.random() * o.showIds.length)]!;
      const quantity = 1 + Math.floor(Math.random() * o.maxQuantity);
      const booked = await send(user, 'book', showId, '/bookings', { showId, quantity });
      if (!booked.ok || typeof booked.json?.id !== 'number') continue;
      const entry: Acknowledged = {
        id: booked.json.id,
        showId,
        userId: user.id,
        quantity,
        confirm: 'no',
        cancel: 'no',
      };
      ledger.set(entry.id, entry);
      const fate = Math.random();
      if (fate < o.confirmShare) {
        entry.confirm = 'sent';
        const confirmed = await send(user, 'confirm', showId, '/bookings/confirm', { bookingId: entry.id });
        if (confirmed.ok) entry.confirm = 'acked';
      } else if (fate < o.confirmShare + o.cancelShare) {
        entry.cancel = 'sent';
        const cancelled = await send(user, 'cancel', showId, `/bookings/${entry.id}/cancel`, {});
        if (cancelled.ok) entry.cancel = 'acked';
      }
    }
  };

  const finished = Promise.all(o.users.map(client)).then(() => {});
  return {
    outcomes,
    ledger,
    now,
    finished,
    async stop() {
      stopping = true;
      await finished;
    },
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /health, timed on the load's clock. */
export async function probeHealth(url: string, load: Pick<Load, 'now'>): Promise<Outcome> {
  const startedAt = load.now();
  const outcome = { op: 'health' as const, showId: 0, startedAt, code: null, retryAfter: null };
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    return { ...outcome, status: response.status, code: body?.error?.code ?? null, ms: load.now() - startedAt };
  } catch (error) {
    return { ...outcome, status: 0, code: networkCode(error), ms: load.now() - startedAt };
  }
}

/** Why a request got no HTTP answer: ECONNREFUSED, ECONNRESET, CLIENT_TIMEOUT... */
function networkCode(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'CLIENT_TIMEOUT';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
