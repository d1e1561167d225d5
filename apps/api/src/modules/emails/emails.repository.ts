import type { Queryable } from '../../platform/db.js';
import type { BookingEmailKind, EmailKind, MailData, QueuedEmail } from './email-kinds.js';

/**
 * Queues one email about a booking. Call it inside the transaction of the change it tells of, so both commit
 * or neither does (the SQL function `enqueue_email`, migration 12, is the one way). False: nothing queued, the
 * booking having had this kind of email already.
 */
export async function enqueueEmail(
  tx: Queryable,
  kind: BookingEmailKind,
  booking: { showId: number; id: number },
): Promise<boolean> {
  const { rows } = await tx.query<{ id: number | null }>('SELECT enqueue_email($1, $2, $3) AS id', [
    kind,
    booking.showId,
    booking.id,
  ]);
  return rows[0]?.id !== null && rows[0]?.id !== undefined;
}

interface OutboxRow {
  id: number;
  kind: EmailKind;
  recipient: string;
  /** MailData or WaitlistMailData, as the kind says. */
  payload: QueuedEmail['data'];
  attempts: number;
}

/**
 * Takes up to `limit` due emails for this sender: each is leased (next_attempt_at moved past the longest send)
 * in the same statement that picks it, SKIP LOCKED, so two senders never take one email, and one that dies
 * mid-send leaves it to be taken again when the lease ends.
 */
export async function claimDueEmails(db: Queryable, limit: number, leaseMs: number): Promise<QueuedEmail[]> {
  const { rows } = await db.query<OutboxRow>(
    `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
     WHERE id IN (SELECT id FROM email_outbox WHERE status = 'QUEUED' AND next_attempt_at <= now()
                  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, recipient, payload, attempts`,
    [limit, leaseMs],
  );
  // The table's CHECKs tie each kind to its subject, and so to the shape its payload was built in.
  return rows.map(({ payload, ...row }) => ({ ...row, data: payload }) as QueuedEmail);
}

export async function markSent(db: Queryable, id: number) {
  await db.query(`UPDATE email_outbox SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
}

export async function scheduleRetry(db: Queryable, id: number, delayMs: number, error: string) {
  await db.query(
    `UPDATE email_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = left($3, 1000)
     WHERE id = $1 AND status = 'QUEUED'`,
    [id, delayMs, error],
  );
}

export async function markFailed(db: Queryable, id: number, error: string) {
  await db.query(`UPDATE email_outbox SET status = 'FAILED', last_error = left($2, 1000) WHERE id = $1`, [id, error]);
}

/** What the emails of one's own booking show, with its stored status; null: not one's own. */
export async function findOwnMailData(db: Queryable, ref: { showId: number; bookingId: number; userId: number }) {
  const { rows } = await db.query<{ status: string; payload: MailData }>(
    'SELECT status, payload FROM booking_mail_data($1, $2) WHERE user_id = $3',
    [ref.showId, ref.bookingId, ref.userId],
  );
  return rows[0] ?? null;
}
