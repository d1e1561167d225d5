import type { Show } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';

interface ShowRow {
  id: number;
  name: string;
  start_time: Date;
  total_slots: number;
  available_slots: number;
}

export const toShow = (row: ShowRow): Show => ({
  id: row.id,
  name: row.name,
  startTime: row.start_time.toISOString(),
  totalSlots: row.total_slots,
  availableSlots: row.available_slots,
});

/**
 * A hold past expires_at no longer takes places, even before the sweeper marks it EXPIRED, so every read
 * of availability adds the places of lapsed holds back.
 */
const SELECT_SHOWS = `
  SELECT s.id, s.name, s.start_time, s.total_slots,
         s.available_slots + COALESCE((
           SELECT sum(b.quantity) FROM bookings b
           WHERE b.show_id = s.id AND b.status = 'PENDING' AND b.expires_at <= now()
         ), 0)::int AS available_slots
  FROM shows s`;

export async function listShows(db: Queryable): Promise<Show[]> {
  const { rows } = await db.query<ShowRow>(`${SELECT_SHOWS} ORDER BY s.start_time, s.id`);
  return rows.map(toShow);
}

export async function findShows(db: Queryable, ids: number[]): Promise<Show[]> {
  const { rows } = await db.query<ShowRow>(`${SELECT_SHOWS} WHERE s.id = ANY($1::int[])`, [ids]);
  return rows.map(toShow);
}

export async function findShow(db: Queryable, id: number): Promise<Show | null> {
  const { rows } = await db.query<ShowRow>(`${SELECT_SHOWS} WHERE s.id = $1`, [id]);
  return rows[0] ? toShow(rows[0]) : null;
}

export async function insertShow(db: Queryable, input: { name: string; startTime: string; totalSlots: number }): Promise<Show> {
  const { rows } = await db.query<ShowRow>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots) VALUES ($1, $2, $3, $3)
     RETURNING id, name, start_time, total_slots, available_slots`,
    [input.name, input.startTime, input.totalSlots],
  );
  return toShow(rows[0]!);
}

/** Locks the show row for the rest of the transaction; answers whether the show exists. */
export async function lockShow(tx: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await tx.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [id]);
  return rowCount === 1;
}

/**
 * Marks the show's lapsed holds EXPIRED and returns their places; answers the show as it now stands.
 * The caller must already hold the show's row lock (lock order: show, then its bookings).
 */
export async function reclaimLapsedHolds(tx: Queryable, id: number): Promise<Show> {
  const { rows } = await tx.query<ShowRow>(
    `WITH lapsed AS (
       UPDATE bookings SET status = 'EXPIRED'
       WHERE show_id = $1 AND status = 'PENDING' AND expires_at <= now()
       RETURNING quantity
     )
     UPDATE shows SET available_slots = available_slots + (SELECT COALESCE(sum(quantity), 0) FROM lapsed)::int WHERE id = $1
     RETURNING id, name, start_time, total_slots, available_slots`,
    [id],
  );
  return toShow(rows[0]!);
}

export async function updateShowRow(
  tx: Queryable,
  id: number,
  changes: { name?: string; startTime?: string; totalSlots?: number },
): Promise<Show> {
  // Resizing keeps the places taken: available moves by exactly as much as total does.
  const { rows } = await tx.query<ShowRow>(
    `UPDATE shows SET
       name = COALESCE($2, name),
       start_time = COALESCE($3, start_time),
       available_slots = available_slots + COALESCE($4, total_slots) - total_slots,
       total_slots = COALESCE($4, total_slots)
     WHERE id = $1
     RETURNING id, name, start_time, total_slots, available_slots`,
    [id, changes.name ?? null, changes.startTime ?? null, changes.totalSlots ?? null],
  );
  return toShow(rows[0]!);
}

export async function countActiveBookings(tx: Queryable, showId: number): Promise<number> {
  const { rows } = await tx.query<{ active: number }>(
    `SELECT count(*)::int AS active FROM bookings
     WHERE show_id = $1 AND (status = 'CONFIRMED' OR (status = 'PENDING' AND expires_at > now()))`,
    [showId],
  );
  return rows[0]!.active;
}

export async function deleteShowRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM shows WHERE id = $1', [id]);
}
