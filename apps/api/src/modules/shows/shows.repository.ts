import type { Show } from '@holdfast/contracts';
import { pgErrorCode, type Queryable } from '../../platform/db.js';
import { showHasBookings, unknownTimeZone } from './shows.errors.js';

interface ShowRow {
  id: number;
  name: string;
  start_time: Date;
  total_slots: number;
  available_slots: number;
  /** bigint: pg answers it as a string. */
  version: string;
  time_zone: string;
  series_id: number | null;
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
  timeZone: row.time_zone,
  seriesId: row.series_id,
  ...(row.location !== undefined && { location: row.location }),
});

/** A show as lock_show answers it: counts and version, without the zone, series and place (it carries none). */
export type LockedShow = Omit<Show, 'timeZone' | 'seriesId' | 'location'> & { reclaimedHolds: number };

const LOCKED_SHOW_COLUMNS = 'id, name, start_time, total_slots, available_slots, version';
const SHOW_COLUMNS = `${LOCKED_SHOW_COLUMNS}, time_zone, series_id, location`;
/** Violated by a zone PostgreSQL does not know (migration 1700000000009). */
export const TIME_ZONE_CONSTRAINTS = ['shows_time_zone_known', 'series_time_zone_known'];
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

/** A zone Intl knows but this server's PostgreSQL does not (their zone databases differ) is refused here. */
function translateTimeZoneViolation(error: unknown, zone: string | undefined): never {
  const constraint = (error as { constraint?: string }).constraint;
  if (pgErrorCode(error) === '23514' && constraint && TIME_ZONE_CONSTRAINTS.includes(constraint)) {
    throw unknownTimeZone(zone ?? '');
  }
  throw error;
}

export async function insertShow(
  db: Queryable,
  input: { name: string; startTime: string; totalSlots: number; timeZone?: string; location?: string | null },
): Promise<Show> {
  try {
    const { rows } = await db.query<ShowRow>(
      `INSERT INTO shows (name, start_time, total_slots, available_slots, time_zone, location)
       VALUES ($1, $2, $3, $3, COALESCE($4, 'UTC'), $5) RETURNING ${SHOW_COLUMNS}`,
      [input.name, input.startTime, input.totalSlots, input.timeZone ?? null, input.location ?? null],
    );
    return toShow(rows[0]!);
  } catch (error) {
    translateTimeZoneViolation(error, input.timeZone);
  }
}

/**
 * One show per date and time of a series' rule, each time read in the series' zone by local_time_to_instant
 * (migration 1700000000009: the one rule for skipped and repeated times). With `seriesId` they are inserted and
 * answered as stored; without, they are only computed (a preview), with id 0 and version 1.
 */
export async function insertSeriesShows(
  db: Queryable,
  rule: { name: string; timeZone: string; startDate: string; endDate: string; weekdays: number[]; times: string[] },
  totalSlots: number,
  seriesId: number | null,
): Promise<Show[]> {
  const occurrences = `
    SELECT local_time_to_instant(d::date + t, $2) AS start_time
    FROM generate_series($3::date, $4::date, interval '1 day') d
    CROSS JOIN unnest($6::time[]) t
    WHERE extract(isodow FROM d)::int = ANY($5::int[])`;
  const params = [rule.name, rule.timeZone, rule.startDate, rule.endDate, rule.weekdays, rule.times, totalSlots];
  try {
    const { rows } = await db.query<ShowRow>(
      seriesId === null
        ? `SELECT 0 AS id, $1::text AS name, o.start_time, $7::int AS total_slots, $7::int AS available_slots,
                  '1' AS version, $2::text AS time_zone, NULL::int AS series_id, NULL::text AS location
           FROM (${occurrences}) o ORDER BY o.start_time`
        : `INSERT INTO shows (name, start_time, total_slots, available_slots, time_zone, series_id)
           SELECT $1, o.start_time, $7, $7, $2, $8 FROM (${occurrences}) o ORDER BY o.start_time
           RETURNING ${SHOW_COLUMNS}`,
      seriesId === null ? params : [...params, seriesId],
    );
    return rows.map(toShow).sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.id - b.id);
  } catch (error) {
    translateTimeZoneViolation(error, rule.timeZone);
  }
}

/** The shows of a series that still exist, by start time. */
export async function findSeriesShows(db: Queryable, seriesId: number): Promise<Show[]> {
  const { rows } = await db.query<ShowRow>(
    `SELECT ${SHOW_COLUMNS} FROM live_shows WHERE series_id = $1 ORDER BY start_time, id`,
    [seriesId],
  );
  return rows.map(toShow);
}

/**
 * Locks the shows for the rest of the transaction (in id order), gives back the slots of their lapsed
 * holds, and answers them as they now stand; missing ids are absent. The SQL function `lock_show` (here
 * through its set form `lock_shows`, and inside `book_slots`) is the only code that locks show rows.
 */
export async function lockShows(tx: Queryable, ids: number[]): Promise<LockedShow[]> {
  const { rows } = await tx.query<ShowRow & { reclaimed_holds: number }>(
    `SELECT ${LOCKED_SHOW_COLUMNS}, reclaimed_holds FROM lock_shows($1::int[])`,
    [ids],
  );
  return rows.map((row) => {
    const { timeZone: _zone, seriesId: _series, ...show } = toShow(row);
    return { ...show, reclaimedHolds: row.reclaimed_holds };
  });
}

/** Gives `slots` back to a show whose row the caller has locked (a cancelled booking's). */
export async function releaseSlots(tx: Queryable, id: number, slots: number): Promise<void> {
  await tx.query('UPDATE shows SET available_slots = available_slots + $2 WHERE id = $1', [id, slots]);
}

export async function updateShowRow(
  tx: Queryable,
  id: number,
  changes: { name?: string; startTime?: string; totalSlots?: number; timeZone?: string; location?: string | null },
): Promise<Show> {
  // Resizing keeps the slots taken: available moves by exactly as much as total does.
  try {
    const { rows } = await tx.query<ShowRow>(
      `UPDATE shows SET
         name = COALESCE($2, name),
         start_time = COALESCE($3, start_time),
         available_slots = available_slots + COALESCE($4, total_slots) - total_slots,
         total_slots = COALESCE($4, total_slots),
         time_zone = COALESCE($5, time_zone),
         location = CASE WHEN $6 THEN $7 ELSE location END
       WHERE id = $1
       RETURNING ${SHOW_COLUMNS}`,
      [
        id,
        changes.name ?? null,
        changes.startTime ?? null,
        changes.totalSlots ?? null,
        changes.timeZone ?? null,
        // null clears the location, so "not given" travels apart from it.
        changes.location !== undefined,
        changes.location ?? null,
      ],
    );
    return toShow(rows[0]!);
  } catch (error) {
    translateTimeZoneViolation(error, changes.timeZone);
  }
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

/** Deletes shows the caller has locked and found free of active bookings; the database refuses any that are not. */
export async function deleteShowRows(tx: Queryable, ids: number[]): Promise<number[]> {
  try {
    const { rows } = await tx.query<{ id: number }>('DELETE FROM shows WHERE id = ANY($1::int[]) RETURNING id', [ids]);
    return rows.map((row) => row.id).sort((a, b) => a - b);
  } catch (error) {
    if (pgErrorCode(error) === SHOW_IS_BOOKED) throw showHasBookings(Number((error as { detail?: string }).detail));
    throw error;
  }
}
