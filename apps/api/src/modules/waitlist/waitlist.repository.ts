import {
  MAX_LISTED_WAITLIST_ENTRIES,
  type MyWaitlistEntry,
  type WaitlistEntry,
  type WaitlistStatus,
} from '@holdfast/contracts';
import { pgErrorCode, type Queryable } from '../../platform/db.js';
import { showNotFound } from '../shows/index.js';
import { alreadyWaiting, notWaiting, placesAvailable, showStarted } from './waitlist.errors.js';

interface EntryRow {
  id: number;
  show_id: number;
  quantity: number;
  status: WaitlistStatus;
  booking_id: number | null;
  created_at: Date;
  position: number | null;
  expires_at: Date | null;
}

const toEntry = (row: EntryRow): WaitlistEntry => ({
  id: row.id,
  showId: row.show_id,
  quantity: row.quantity,
  position: row.position,
  status: row.status,
  bookingId: row.booking_id,
  expiresAt: row.expires_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

/**
 * An entry as the world sees it: an offer whose hold has lapsed is LAPSED at once (as live_booking_status reports
 * the booking EXPIRED), before lock_show stores it; a WAITING entry's position counts the live entries ahead.
 */
const LIVE_ENTRY = `w.id, w.show_id, w.quantity, w.booking_id, w.created_at,
  CASE WHEN w.status = 'OFFERED' AND hold_lapsed(b.status, b.expires_at) THEN 'LAPSED' ELSE w.status END AS status,
  CASE WHEN w.status = 'OFFERED' AND b.status = 'PENDING' AND b.expires_at > now() THEN b.expires_at END AS expires_at,
  CASE WHEN w.status = 'WAITING' THEN 1 + (
    SELECT count(*)::int FROM waitlist_entries a
    WHERE a.show_id = w.show_id AND a.status IN ('WAITING', 'OFFERED') AND (a.created_at, a.id) < (w.created_at, w.id)
  ) END AS position`;

/** SQLSTATEs raised by join_waitlist and leave_waitlist (migration 1700000000010). */
const NO_SUCH_SHOW = 'NOSHW';
const SHOW_HAS_STARTED = 'STRTD';
const PLACES_FREE = 'PLACE';
const ALREADY_WAITING = 'WAITS';
const NOT_WAITING = 'NOWTL';

const detail = (error: unknown) => Number((error as { detail?: string }).detail ?? 0);

/** The SQL function join_waitlist: under the show's lock, refuse if the places fit now, else join the line. */
export async function insertWaitingEntry(
  tx: Queryable,
  input: { showId: number; userId: number; quantity: number },
): Promise<number> {
  try {
    const { rows } = await tx.query<{ id: number }>('SELECT id FROM join_waitlist($1, $2, $3)', [
      input.showId,
      input.userId,
      input.quantity,
    ]);
    return rows[0]!.id;
  } catch (error) {
    switch (pgErrorCode(error)) {
      case NO_SUCH_SHOW:
        throw showNotFound();
      case SHOW_HAS_STARTED:
        throw showStarted();
      case PLACES_FREE:
        throw placesAvailable(detail(error));
      case ALREADY_WAITING:
        throw alreadyWaiting(detail(error));
      default:
        throw error;
    }
  }
}

/** The SQL function leave_waitlist: the live entry becomes LEFT, and an unconfirmed offer passes on. */
export async function markLeft(tx: Queryable, input: { showId: number; userId: number }): Promise<number> {
  try {
    const { rows } = await tx.query<{ id: number }>('SELECT id FROM leave_waitlist($1, $2)', [
      input.showId,
      input.userId,
    ]);
    return rows[0]!.id;
  } catch (error) {
    if (pgErrorCode(error) === NOT_WAITING) throw notWaiting();
    throw error;
  }
}

export async function findEntry(db: Queryable, id: number): Promise<WaitlistEntry> {
  const { rows } = await db.query<EntryRow>(
    `SELECT ${LIVE_ENTRY} FROM waitlist_entries w LEFT JOIN bookings b ON b.id = w.booking_id WHERE w.id = $1`,
    [id],
  );
  return toEntry(rows[0]!);
}

/** The newest MAX_LISTED_WAITLIST_ENTRIES of one user, with each show's name, time and zone. */
export async function listUserEntries(db: Queryable, userId: number): Promise<MyWaitlistEntry[]> {
  const { rows } = await db.query<EntryRow & { show_name: string; show_start_time: Date; show_time_zone: string }>(
    `SELECT ${LIVE_ENTRY}, s.name AS show_name, s.start_time AS show_start_time, s.time_zone AS show_time_zone
     FROM waitlist_entries w JOIN shows s ON s.id = w.show_id LEFT JOIN bookings b ON b.id = w.booking_id
     WHERE w.user_id = $1 ORDER BY w.created_at DESC, w.id DESC LIMIT $2`,
    [userId, MAX_LISTED_WAITLIST_ENTRIES],
  );
  return rows.map((row) => ({
    ...toEntry(row),
    showName: row.show_name,
    showStartTime: row.show_start_time.toISOString(),
    showTimeZone: row.show_time_zone,
  }));
}

/**
 * Offers the free places of a show the caller has locked to its waitlist (SQL function serve_waitlist): after a
 * release that did not go through lock_show (a cancel, a resize). Answers how many offers were made.
 */
export async function serveWaitlist(tx: Queryable, showId: number): Promise<number> {
  const { rows } = await tx.query<{ offers: number }>('SELECT serve_waitlist($1) AS offers', [showId]);
  return rows[0]!.offers;
}
