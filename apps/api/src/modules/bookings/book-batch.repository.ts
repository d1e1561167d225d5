import { escapeLiteral, type Transactional } from '../../platform/db.js';
import type { Deadline } from '../../platform/deadline.js';

export interface BatchRequest {
  showId: number;
  userId: number;
  quantity: number;
  /** The request's Idempotency-Key and fingerprint, when it came with one. */
  idempotency?: { key: string; fingerprint: string };
}

/** What `book_batch` decided for one request (migration 1700000000005 lists the outcomes). */
export type BatchOutcome =
  | { outcome: 'GRANTED'; body: { showId: number; expiresAt: string } & Record<string, unknown> }
  | { outcome: 'REPLAYED'; status: number; body: unknown }
  | { outcome: 'SOLD_OUT'; body: { availableSlots: number } }
  | { outcome: 'HOLD_EXISTS'; body: { bookingId: number } }
  | { outcome: 'NO_SHOW' | 'STARTED' | 'KEY_REUSED' | 'KEY_IN_USE' };

const integer = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new TypeError(`expected an integer, got ${value}`);
  return String(value);
};

/**
 * Books a batch in one round trip, one transaction and one commit (`book_batch`): locks its shows in id order,
 * claims its keys, decides each request in arrival order and writes everything once. Answers one outcome per
 * request, in order. It fails as a whole only for the batch as a whole (the database, the deadline).
 */
export async function bookBatch(
  db: Transactional,
  input: { requests: BatchRequest[]; holdSeconds: number; maxHolds: number; grantedStatus: number; deadline: Deadline },
): Promise<BatchOutcome[]> {
  // The batch travels as one JSON literal, escaped by pg: the simple query that queryWithin sends has no
  // parameters, and this keeps SET LOCAL statement_timeout and the call in one round trip.
  const requests = input.requests.map((r) => ({
    s: r.showId,
    u: r.userId,
    q: r.quantity,
    k: r.idempotency?.key ?? null,
    f: r.idempotency?.fingerprint ?? null,
  }));
  // A key claimed by a request still running elsewhere is waited for half of what is left, so that the batch
  // answers that one request 409 IDEMPOTENCY_KEY_IN_USE rather than failing as a whole at its deadline.
  const keyWaitMs = Math.max(1, Math.floor(input.deadline.remainingMs() / 2));
  const args = [input.holdSeconds, input.maxHolds, input.grantedStatus, keyWaitMs].map(integer).join(', ');
  const { rows } = await db.queryWithin<{ ord: number; outcome: string; status: number | null; body: unknown }>(
    input.deadline,
    `SELECT ord, outcome, status, body FROM book_batch(${escapeLiteral(JSON.stringify(requests))}::json, ${args})`,
  );
  if (rows.length !== requests.length) throw new Error(`book_batch answered ${rows.length} of ${requests.length}`);
  return rows
    .sort((a, b) => a.ord - b.ord)
    .map((row) => ({ outcome: row.outcome, status: row.status, body: row.body }) as BatchOutcome);
}
