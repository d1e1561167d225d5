import type { BookingStatus, ShowOccupancy } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';

/**
 * Reports read across the shows, bookings and users tables in one statement each: a read model, never a write.
 * Statuses are live (live_booking_status, live_shows: the one availability rule), so a lapsed hold that the
 * sweeper has not reached yet already counts as expired and its places as free.
 */

export interface ExportedBooking {
  id: number;
  status: BookingStatus;
  quantity: number;
  userName: string;
  userEmail: string;
  createdAt: Date;
  expiresAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
}

/** Every booking of a show, oldest first, with its user's name and email. */
export async function listBookingsForExport(db: Queryable, showId: number): Promise<ExportedBooking[]> {
  const { rows } = await db.query<ExportedBooking>(
    `SELECT b.id, live_booking_status(b.status, b.expires_at) AS status, b.quantity,
            u.name AS "userName", u.email AS "userEmail", b.created_at AS "createdAt", b.expires_at AS "expiresAt",
            b.confirmed_at AS "confirmedAt", b.cancelled_at AS "cancelledAt"
     FROM bookings b JOIN users u ON u.id = b.user_id
     WHERE b.show_id = $1 ORDER BY b.created_at, b.id`,
    [showId],
  );
  return rows;
}

interface OccupancyRow {
  id: number;
  name: string;
  start_time: Date;
  time_zone: string;
  total_slots: number;
  available_slots: number;
  confirmed: number;
  held: number;
  holds_expired: number;
  cancellations: number;
  waiting: number;
}

/** Shows starting in [from, to), by start time then id, at most `limit` of them. */
export async function listOccupancy(
  db: Queryable,
  window: { from: string; to: string; limit: number },
): Promise<ShowOccupancy[]> {
  const { rows } = await db.query<OccupancyRow>(
    `SELECT s.id, s.name, s.start_time, s.time_zone, s.total_slots, s.available_slots,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status = 'CONFIRMED'), 0)::int AS confirmed,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status = 'PENDING'), 0)::int AS held,
            count(*) FILTER (WHERE b.status = 'EXPIRED')::int AS holds_expired,
            count(*) FILTER (WHERE b.status = 'CANCELLED')::int AS cancellations,
            min(w.waiting) AS waiting
     FROM live_shows s
     LEFT JOIN LATERAL (
       SELECT quantity, live_booking_status(status, expires_at) AS status FROM bookings WHERE show_id = s.id
     ) b ON true
     -- People on the waitlist still waiting for an offer (one entry per person and show).
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS waiting FROM waitlist_entries WHERE show_id = s.id AND status = 'WAITING'
     ) w
     WHERE s.start_time >= $1 AND s.start_time < $2
     GROUP BY s.id, s.name, s.start_time, s.time_zone, s.total_slots, s.available_slots
     ORDER BY s.start_time, s.id LIMIT $3`,
    [window.from, window.to, window.limit],
  );
  return rows.map((row) => ({
    showId: row.id,
    name: row.name,
    startTime: row.start_time.toISOString(),
    timeZone: row.time_zone,
    total: row.total_slots,
    confirmed: row.confirmed,
    held: row.held,
    free: row.available_slots,
    holdsExpired: row.holds_expired,
    cancellations: row.cancellations,
    waiting: row.waiting,
  }));
}
