import { MAX_LISTED_BOOKINGS, type Booking, type BookingStatus } from '@holdfast/contracts';
import { pgErrorCode, type Queryable, type Transactional } from '../../platform/db.js';
import type { Deadline } from '../../platform/deadline.js';
import { showNotFound } from '../shows/index.js';
import { holdExists, showStarted, soldOut } from './bookings.errors.js';

interface BookingRow {
  id: number;
  show_id: number;
  user_id: number;
  quantity: number;
  status: BookingStatus;
  created_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  reference: string | null;
}

export type BookingWithOwner = Booking & { userId: number };

const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  showId: row.show_id,
  quantity: row.quantity,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  confirmedAt: row.confirmed_at?.toISOString() ?? null,
  cancelledAt: row.cancelled_at?.toISOString() ?? null,
  // Absent until confirmed, so a hold reads the same as book_batch's answer for it (migration 1700000000005).
  ...(row.reference !== null && { reference: row.reference }),
});

/** Reads report a lapsed hold as EXPIRED at once (live_booking_status); the sweeper catches the stored value up. */
const LIVE_BOOKING = `id, show_id, user_id, quantity, created_at, expires_at, confirmed_at, cancelled_at,
  reference, live_booking_status(status, expires_at) AS status`;
const STORED_BOOKING =
  'id, show_id, user_id, quantity, status, created_at, expires_at, confirmed_at, cancelled_at, reference';

const integer = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new TypeError(`expected an integer, got ${value}`);
  return String(value);
};

/** SQLSTATEs raised by `book_slots` (migration 1700000000004). */
const NO_SUCH_SHOW = 'NOSHW';
const SHOW_HAS_STARTED = 'STRTD';
const TOO_FEW_SLOTS = 'SLDOT';
const HOLD_CAP_REACHED = 'HOLDX';

/**
 * The booking transaction, run by the `book_slots` function in one round trip: lock the show row and reclaim
 * its lapsed holds (`lock_show`), check the user's hold cap, check and take the slots, insert the PENDING hold.
 * Whatever it waits for (a connection, the show's lock) it stops waiting at `deadline`.
 */
export async function holdSlots(
  db: Transactional,
  input: {
    showId: number;
    userId: number;
    quantity: number;
    holdSeconds: number;
    maxHolds: number;
    deadline: Deadline;
  },
): Promise<Booking> {
  try {
    // queryWithin takes no parameters: the five are integers, checked, so nothing but digits reaches the SQL.
    const args = [input.showId, input.userId, input.quantity, input.holdSeconds, input.maxHolds]
      .map(integer)
      .join(', ');
    const { rows } = await db.queryWithin<BookingRow>(
      input.deadline,
      `SELECT ${STORED_BOOKING} FROM book_slots(${args})`,
    );
    return toBooking(rows[0]!);
  } catch (error) {
    switch (pgErrorCode(error)) {
      case NO_SUCH_SHOW:
        throw showNotFound();
      case SHOW_HAS_STARTED:
        throw showStarted();
      case TOO_FEW_SLOTS:
        throw soldOut(Number(errorDetail(error) ?? 0));
      case HOLD_CAP_REACHED:
        throw holdExists(Number(errorDetail(error)));
      default:
        throw error;
    }
  }
}

const errorDetail = (error: unknown) => (error as { detail?: string }).detail;

/**
 * A booking and the show it belongs to. The client names a booking by id alone (the HTTP contract), so confirm and
 * cancel look its show up once (`findOwnBooking`) and every statement after that names the show too: on a table
 * sharded by show_id (docs/decisions/0013) each of them touches one shard. A booking never changes show, so the
 * lookup needs no lock to stay true.
 */
export interface OwnBookingOfShow {
  showId: number;
  bookingId: number;
  userId: number;
}

/**
 * Confirms in one statement. The UPDATE takes the booking's row lock, so a confirm racing the sweeper at the
 * moment of expiry re-checks the live status after the other commits: exactly one of them wins. The reference
 * is set in the same statement (booking_reference, migration 1700000000013: its id's image, never reused).
 */
export async function confirmHold(db: Queryable, ref: OwnBookingOfShow): Promise<Booking | null> {
  const { rows } = await db.query<BookingRow>(
    `UPDATE bookings SET status = 'CONFIRMED', confirmed_at = now(), reference = booking_reference(id)
     WHERE show_id = $1 AND id = $2 AND user_id = $3 AND live_booking_status(status, expires_at) = 'PENDING'
     RETURNING ${STORED_BOOKING}`,
    [ref.showId, ref.bookingId, ref.userId],
  );
  return rows[0] ? toBooking(rows[0]) : null;
}

/**
 * The booking-id lookup: the one statement of confirm and cancel that cannot name the show, because finding the
 * show is its job. Sharded, it asks every shard (an index probe each); ADR 0013 weighs the alternatives.
 */
export async function findOwnBooking(db: Queryable, bookingId: number, userId: number): Promise<Booking | null> {
  const { rows } = await db.query<BookingRow>(`SELECT ${LIVE_BOOKING} FROM bookings WHERE id = $1 AND user_id = $2`, [
    bookingId,
    userId,
  ]);
  return rows[0] ? toBooking(rows[0]) : null;
}

/** One's own booking as it stands now, once its show is known. */
export async function findOwnBookingOfShow(db: Queryable, ref: OwnBookingOfShow): Promise<Booking | null> {
  const { rows } = await db.query<BookingRow>(
    `SELECT ${LIVE_BOOKING} FROM bookings WHERE show_id = $1 AND id = $2 AND user_id = $3`,
    [ref.showId, ref.bookingId, ref.userId],
  );
  return rows[0] ? toBooking(rows[0]) : null;
}

/** Locks one's own booking; the caller has locked its show first (lock order: show, then its bookings). */
export async function lockOwnBooking(tx: Queryable, ref: OwnBookingOfShow): Promise<Booking | null> {
  const { rows } = await tx.query<BookingRow>(
    `SELECT ${LIVE_BOOKING} FROM bookings WHERE show_id = $1 AND id = $2 AND user_id = $3 FOR UPDATE`,
    [ref.showId, ref.bookingId, ref.userId],
  );
  return rows[0] ? toBooking(rows[0]) : null;
}

/** Marks a booking the caller has locked CANCELLED; its slots are the shows module's to release. */
export async function markCancelled(tx: Queryable, ref: OwnBookingOfShow): Promise<Booking> {
  const { rows } = await tx.query<BookingRow>(
    `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now() WHERE show_id = $1 AND id = $2
     RETURNING ${STORED_BOOKING}`,
    [ref.showId, ref.bookingId],
  );
  return toBooking(rows[0]!);
}

/** The newest MAX_LISTED_BOOKINGS first (the contract's bound on the list). Sharded: every shard (ADR 0013). */
export async function listUserBookings(db: Queryable, userId: number): Promise<Booking[]> {
  const { rows } = await db.query<BookingRow>(
    `SELECT ${LIVE_BOOKING} FROM bookings WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, MAX_LISTED_BOOKINGS],
  );
  return rows.map(toBooking);
}

/** The newest MAX_LISTED_BOOKINGS first (the contract's bound on the list). */
export async function listBookingsOfShow(db: Queryable, showId: number): Promise<BookingWithOwner[]> {
  const { rows } = await db.query<BookingRow>(
    `SELECT ${LIVE_BOOKING} FROM bookings WHERE show_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [showId, MAX_LISTED_BOOKINGS],
  );
  return rows.map((row) => ({ ...toBooking(row), userId: row.user_id }));
}

/**
 * Shows with lapsed holds, oldest hold first; the sweeper locks (and so reclaims) these shows. The one scan of the
 * sweeper across every show (sharded: every shard); the work on each show then goes through lock_shows.
 */
export async function findShowsWithLapsedHolds(db: Queryable, limit: number): Promise<number[]> {
  const { rows } = await db.query<{ show_id: number }>(
    `SELECT DISTINCT show_id FROM (
       SELECT show_id FROM bookings WHERE hold_lapsed(status, expires_at) ORDER BY expires_at LIMIT $1
     ) oldest`,
    [limit],
  );
  return rows.map((row) => row.show_id);
}

/** The precise sweep of a few shows (SQL function reclaim_lapsed_holds, migration 1700000000008). */
export async function reclaimLapsedHolds(
  db: Queryable,
  showIds: number[],
): Promise<{ showId: number; reclaimedHolds: number; busy: boolean }[]> {
  const { rows } = await db.query<{ show_id: number; reclaimed_holds: number; busy: boolean }>(
    'SELECT show_id, reclaimed_holds, busy FROM reclaim_lapsed_holds($1::int[])',
    [showIds],
  );
  return rows.map((row) => ({ showId: row.show_id, reclaimedHolds: row.reclaimed_holds, busy: row.busy }));
}

/** Active (live PENDING or CONFIRMED) bookings per show, for shows the caller has locked; shows with none absent. */
export async function countActiveBookings(tx: Queryable, showIds: number[]): Promise<Map<number, number>> {
  const { rows } = await tx.query<{ show_id: number; active: number }>(
    `SELECT show_id, count(*)::int AS active FROM bookings
     WHERE show_id = ANY($1::int[]) AND live_booking_status(status, expires_at) IN ('PENDING', 'CONFIRMED')
     GROUP BY show_id`,
    [showIds],
  );
  return new Map(rows.map((row) => [row.show_id, row.active]));
}

/**
 * Cancels every active booking of shows the caller has locked (an admin's doing: holds and confirmed alike) and
 * answers them; their slots are the shows module's to release. lock_show has expired the lapsed holds already.
 */
export async function cancelActiveBookings(
  tx: Queryable,
  showIds: number[],
): Promise<{ id: number; showId: number; userId: number; quantity: number }[]> {
  const { rows } = await tx.query<{ id: number; show_id: number; user_id: number; quantity: number }>(
    `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now()
     WHERE show_id = ANY($1::int[]) AND status IN ('PENDING', 'CONFIRMED')
     RETURNING id, show_id, user_id, quantity`,
    [showIds],
  );
  return rows
    .map((row) => ({ id: row.id, showId: row.show_id, userId: row.user_id, quantity: row.quantity }))
    .sort((a, b) => a.id - b.id);
}

/** Whose booking this is, whatever its status; null when there is no such booking. */
export async function findBookingOwner(db: Queryable, bookingId: number): Promise<number | null> {
  const { rows } = await db.query<{ user_id: number }>('SELECT user_id FROM bookings WHERE id = $1', [bookingId]);
  return rows[0]?.user_id ?? null;
}
