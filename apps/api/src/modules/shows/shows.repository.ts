import type { Show } from '@holdfast/contracts';
import { pgErrorCode, type Queryable } from '../../platform/db.js';
import { showHasBookings } from './shows.errors.js';

interface ShowRow {
  id: number;
  name: string;
  start_time: Date;
  total_slots: number;
  available_slots: number;
  /** bigint: pg answers it as a string. */
  version: string;
  /** Absent from lock_shows's rows (the locked_show type carries no location). */
  location?: string | null;
}

const toShow = (row: ShowRow): Show => ({
  id: row.id,
  name: row.name,
  startTime: row.start_time.toISOString(),
  totalSlots: row.total_slots,
  availableSlots: row.available_slots,
  version: Number(row.version),
  ...(row.location !== undefined && { location: row.location }),
});

const LOCKED_SHOW_COLUMNS = 'id, name, start_time, total_slots, available_slots, version';
const SHOW_COLUMNS = `${LOCKED_SHOW_COLUMNS}, location`;
/** Raised by the shows_refuse_delete_when_booked trigger (migration 1700000000002). */
const SHOW_IS_BOOKED = 'BOOKD';

/** The database's clock: the one book_slots asks whether a show has started. */
export const NOW = Symbol('now');

export interface ShowWindow {
  /** ISO 8601 instants (or NOW): shows starting at or after `from`, and before `to`. */
  from?: string | typeof NOW;
  to?: string | typeof NOW;
  order: 'asc' | 'desc';
  /** Only shows past this (start time in microseconds, id) in the order asked. */
  after?: { startMicros: string; id: number };
  limit: number;
}

// Reads go through the live_shows view, the one place that counts lapsed holds as free (ADR 0002).
/**
 * One page of shows in (start time, id) order, each with its start in microseconds for the next cursor. The
 * row comparison against the cursor is an index condition on shows_start_time_id_idx (migration
 * 1700000000006), so a page costs the same however many shows came before it.
 */
export async function listShowPage(db: Queryable, window: ShowWindow): Promise<(Show & { startMicros: string })[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const instant = (value: string | typeof NOW) => (value === NOW ? 'now()' : `${param(value)}::timestamptz`);
  const conditions: string[] = [];
  if (window.from !== undefined) conditions.push(`start_time >= ${instant(window.from)}`);
  if (window.to !== undefined) conditions.push(`start_time < ${instant(window.to)}`);
  if (window.after) {
    const since = `'epoch'::timestamptz + ${param(window.after.startMicros)}::bigint * interval '1 microsecond'`;
    conditions.push(`(start_time, id) ${window.order === 'asc' ? '>' : '<'} (${since}, ${param(window.after.id)})`);
  }
  const direction = window.order === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await db.query<ShowRow & { start_micros: string }>(
    `SELECT ${SHOW_COLUMNS}, (extract(epoch FROM start_time) * 1000000)::bigint::text AS start_micros
     FROM live_shows ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY start_time ${direction}, id ${direction} LIMIT ${param(window.limit)}`,
    params,
  );
  return rows.map((row) => ({ ...toShow(row), startMicros: row.start_micros }));
}

export async function findShows(db: Queryable, ids: number[]): Promise<Show[]> {
  const { rows } = await db.query<ShowRow>(`SELECT ${SHOW_COLUMNS} FROM live_shows WHERE id = ANY($1::int[])`, [ids]);
  return rows.map(toShow);
}

export async function insertShow(
  db: Queryable,
  input: { name: string; startTime: string; totalSlots: number; location?: string | null },
): Promise<Show> {
  const { rows } = await db.query<ShowRow>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots, location) VALUES ($1, $2, $3, $3, $4)
     RETURNING ${SHOW_COLUMNS}`,
    [input.name, input.startTime, input.totalSlots, input.location ?? null],
  );
  return toShow(rows[0]!);
}

/**
 * Locks the shows for the rest of the transaction (in id order), gives back the slots of their lapsed
 * holds, and answers them as they now stand; missing ids are absent. The SQL function `lock_show` (here
 * through its set form `lock_shows`, and inside `book_slots`) is the only code that locks show rows.
 */
export async function lockShows(tx: Queryable, ids: number[]): Promise<(Show & { reclaimedHolds: number })[]> {
  const { rows } = await tx.query<ShowRow & { reclaimed_holds: number }>(
    `SELECT ${LOCKED_SHOW_COLUMNS}, reclaimed_holds FROM lock_shows($1::int[])`,
    [ids],
  );
  return rows.map((row) => ({ ...toShow(row), reclaimedHolds: row.reclaimed_holds }));
}

/** Gives `slots` back to a show whose row the caller has locked (a cancelled booking's). */
export async function releaseSlots(tx: Queryable, id: number, slots: number): Promise<void> {
  await tx.query('UPDATE shows SET available_slots = available_slots + $2 WHERE id = $1', [id, slots]);
}

export async function updateShowRow(
  tx: Queryable,
  id: number,
  changes: { name?: string; startTime?: string; totalSlots?: number; location?: string | null },
): Promise<Show> {
  // Resizing keeps the slots taken: available moves by exactly as much as total does.
  const { rows } = await tx.query<ShowRow>(
    `UPDATE shows SET
       name = COALESCE($2, name),
       start_time = COALESCE($3, start_time),
       available_slots = available_slots + COALESCE($4, total_slots) - total_slots,
       total_slots = COALESCE($4, total_slots),
       location = CASE WHEN $5 THEN $6 ELSE location END
     WHERE id = $1
     RETURNING ${SHOW_COLUMNS}`,
    [
      id,
      changes.name ?? null,
      changes.startTime ?? null,
      changes.totalSlots ?? null,
      // null clears the location, so "not given" travels apart from it.
      changes.location !== undefined,
      changes.location ?? null,
    ],
  );
  return toShow(rows[0]!);
}

/** Answers whether a show was deleted; the database refuses a show with live bookings. */
export async function deleteShowRow(db: Queryable, id: number): Promise<boolean> {
  try {
    const { rowCount } = await db.query('DELETE FROM shows WHERE id = $1', [id]);
    return rowCount === 1;
  } catch (error) {
    if (pgErrorCode(error) === SHOW_IS_BOOKED) throw showHasBookings(Number((error as { detail?: string }).detail));
    throw error;
  }
}
