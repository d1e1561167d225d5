import type { Booking, BookingStatus, MyBooking, ShowBooking } from '@holdfast/contracts';
import { pgErrorCode, type Queryable } from '../../platform/db.js';
import { showNotFound } from '../shows/shows.errors.js';
import { showStarted, soldOut } from './bookings.errors.js';

interface BookingRow {
  id: number;
  show_id: number;
  quantity: number;
  status: BookingStatus;
  created_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
}

const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  showId: row.show_id,
  quantity: row.quantity,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  confirmedAt: row.confirmed_at?.toISOString() ?? null,
  cancelledAt: row.cancelled_at?.toISOString() ?? null,
});

/** Reads report a lapsed hold as EXPIRED at once; the sweeper only catches the stored status up. */
const BOOKING_COLUMNS = `b.id, b.show_id, b.quantity, b.created_at, b.expires_at, b.confirmed_at, b.cancelled_at,
  CASE WHEN b.status = 'PENDING' AND b.expires_at <= now() THEN 'EXPIRED' ELSE b.status END AS status`;
const RETURNING_BOOKING = 'RETURNING id, show_id, quantity, status, created_at, expires_at, confirmed_at, cancelled_at';

/**
 * The booking transaction, run by the `book_seats` function in one round trip: lock the show row
 * (SELECT ... FOR UPDATE), reclaim its lapsed holds, check and take the places, insert the PENDING hold.
 */
export async function holdPlaces(
  db: Queryable,
  input: { showId: number; userId: number; quantity: number; holdSeconds: number },
): Promise<Booking> {
  try {
    const { rows } = await db.query<BookingRow>(
      'SELECT id, show_id, quantity, status, created_at, expires_at, confirmed_at, cancelled_at FROM book_seats($1, $2, $3, $4)',
      [input.showId, input.userId, input.quantity, input.holdSeconds],
    );
    return toBooking(rows[0]!);
  } catch (error) {
    switch (pgErrorCode(error)) {
      case 'HF404':
        throw showNotFound();
      case 'HF409':
        throw showStarted();
      case 'HF410':
        throw soldOut(Number((error as { detail?: string }).detail ?? 0));
      default:
        throw error;
    }
  }
}

/**
 * Confirms in one statement. The UPDATE takes the booking's row lock, so a confirm racing the sweeper at the
 * moment of expiry re-checks status and expires_at after the other commits: exactly one of them wins.
 */
export async function confirmHold(db: Queryable, bookingId: number, userId: number): Promise<Booking | null> {
  const { rows } = await db.query<BookingRow>(
    `UPDATE bookings SET status = 'CONFIRMED', confirmed_at = now()
     WHERE id = $1 AND user_id = $2 AND status = 'PENDING' AND expires_at > now()
     ${RETURNING_BOOKING}`,
    [bookingId, userId],
  );
  return rows[0] ? toBooking(rows[0]) : null;
}

export async function findOwnBooking(db: Queryable, bookingId: number, userId: number): Promise<Booking | null> {
  const { rows } = await db.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.id = $1 AND b.user_id = $2`, [
    bookingId,
    userId,
  ]);
  return rows[0] ? toBooking(rows[0]) : null;
}

/** Lock order is always show, then booking (as in booking and sweeping), so cancelling cannot deadlock. */
export async function lockShowOfOwnBooking(tx: Queryable, bookingId: number, userId: number): Promise<number | null> {
  const { rows } = await tx.query<{ id: number }>(
    'SELECT id FROM shows WHERE id = (SELECT show_id FROM bookings WHERE id = $1 AND user_id = $2) FOR UPDATE',
    [bookingId, userId],
  );
  return rows[0]?.id ?? null;
}

export async function lockOwnBooking(
  tx: Queryable,
  bookingId: number,
  userId: number,
): Promise<{ booking: Booking; showStarted: boolean } | null> {
  const { rows } = await tx.query<BookingRow & { show_started: boolean }>(
    `SELECT ${BOOKING_COLUMNS}, s.start_time <= now() AS show_started
     FROM bookings b JOIN shows s ON s.id = b.show_id
     WHERE b.id = $1 AND b.user_id = $2 FOR UPDATE OF b`,
    [bookingId, userId],
  );
  return rows[0] ? { booking: toBooking(rows[0]), showStarted: rows[0].show_started } : null;
}

/** Cancels a booking whose show and booking rows the caller has locked, and frees its places. */
export async function cancelAndRelease(tx: Queryable, bookingId: number): Promise<Booking> {
  const { rows } = await tx.query<BookingRow>(
    `WITH cancelled AS (
       UPDATE bookings SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1
       ${RETURNING_BOOKING}
     ), released AS (
       UPDATE shows SET available_slots = available_slots + (SELECT quantity FROM cancelled)
       WHERE id = (SELECT show_id FROM cancelled)
     )
     SELECT * FROM cancelled`,
    [bookingId],
  );
  return toBooking(rows[0]!);
}

export async function listUserBookings(db: Queryable, userId: number): Promise<MyBooking[]> {
  const { rows } = await db.query<BookingRow & { show_name: string; show_start_time: Date }>(
    `SELECT ${BOOKING_COLUMNS}, s.name AS show_name, s.start_time AS show_start_time
     FROM bookings b JOIN shows s ON s.id = b.show_id
     WHERE b.user_id = $1 ORDER BY b.created_at DESC, b.id DESC`,
    [userId],
  );
  return rows.map((row) => ({ ...toBooking(row), showName: row.show_name, showStartTime: row.show_start_time.toISOString() }));
}

export async function listBookingsOfShow(db: Queryable, showId: number): Promise<ShowBooking[]> {
  const { rows } = await db.query<BookingRow & { user_id: number; user_name: string; user_email: string }>(
    `SELECT ${BOOKING_COLUMNS}, u.id AS user_id, u.name AS user_name, u.email AS user_email
     FROM bookings b JOIN users u ON u.id = b.user_id
     WHERE b.show_id = $1 ORDER BY b.created_at DESC, b.id DESC`,
    [showId],
  );
  return rows.map((row) => ({ ...toBooking(row), userId: row.user_id, userName: row.user_name, userEmail: row.user_email }));
}

/** Show ids with lapsed holds, oldest first; the sweeper locks these shows before touching their bookings. */
export async function findShowsWithLapsedHolds(db: Queryable, limit: number): Promise<number[]> {
  const { rows } = await db.query<{ show_id: number }>(
    `SELECT DISTINCT show_id FROM (
       SELECT show_id FROM bookings WHERE status = 'PENDING' AND expires_at <= now() ORDER BY expires_at LIMIT $1
     ) oldest`,
    [limit],
  );
  return rows.map((row) => row.show_id);
}

export async function lockShows(tx: Queryable, showIds: number[]): Promise<number[]> {
  const { rows } = await tx.query<{ id: number }>('SELECT id FROM shows WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [showIds]);
  return rows.map((row) => row.id);
}

/** Expires the lapsed holds of shows the caller has locked and returns their places; answers how many. */
export async function expireLapsedHoldsOf(tx: Queryable, showIds: number[], limit: number): Promise<number> {
  const { rows } = await tx.query<{ expired: number }>(
    `WITH expired AS (
       UPDATE bookings SET status = 'EXPIRED'
       WHERE id IN (
         SELECT id FROM bookings
         WHERE show_id = ANY($1::int[]) AND status = 'PENDING' AND expires_at <= now()
         ORDER BY expires_at LIMIT $2 FOR UPDATE
       )
       RETURNING show_id, quantity
     ), per_show AS (
       SELECT show_id, sum(quantity)::int AS places FROM expired GROUP BY show_id
     ), released AS (
       UPDATE shows s SET available_slots = s.available_slots + p.places FROM per_show p WHERE s.id = p.show_id
     )
     SELECT count(*)::int AS expired FROM expired`,
    [showIds, limit],
  );
  return rows[0]!.expired;
}
