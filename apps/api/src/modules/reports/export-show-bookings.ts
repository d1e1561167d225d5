import type { Queryable } from '../../platform/db.js';
import { toCsv } from '../../platform/csv.js';
import { getShow } from '../shows/index.js';
import { listBookingsForExport } from './reports.repository.js';

const COLUMNS = [
  { key: 'bookingId', header: 'Booking' },
  { key: 'status', header: 'Status' },
  { key: 'quantity', header: 'Places' },
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'createdAt', header: 'Held at' },
  { key: 'expiresAt', header: 'Hold expires at' },
  { key: 'confirmedAt', header: 'Confirmed at' },
  { key: 'cancelledAt', header: 'Cancelled at' },
] as const;

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** Every booking of a show as CSV, oldest first, and the file name to save it under. */
export async function exportShowBookings(
  deps: { db: Queryable },
  showId: number,
): Promise<{ csv: string; fileName: string }> {
  const show = await getShow(deps, showId);
  const bookings = await listBookingsForExport(deps.db, showId);
  const csv = toCsv(
    COLUMNS,
    bookings.map((b) => ({
      bookingId: b.id,
      status: b.status,
      quantity: b.quantity,
      name: b.userName,
      email: b.userEmail,
      createdAt: iso(b.createdAt),
      expiresAt: iso(b.expiresAt),
      confirmedAt: iso(b.confirmedAt),
      cancelledAt: iso(b.cancelledAt),
    })),
  );
  return { csv, fileName: `show-${show.id}-bookings-${show.startTime.slice(0, 10)}.csv` };
}
