import type { CreateSeriesRequest, SeriesSummary } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';

interface SeriesRow {
  id: number;
  name: string;
  time_zone: string;
  start_date: string;
  end_date: string;
  weekdays: number[];
  times: string[];
  total_slots: number;
  created_at: Date;
}

export type SeriesRecord = Omit<SeriesSummary, 'showCount'>;

const toSeries = (row: SeriesRow): SeriesRecord => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  startDate: row.start_date,
  endDate: row.end_date,
  weekdays: row.weekdays,
  times: row.times,
  totalSlots: row.total_slots,
  createdAt: row.created_at.toISOString(),
});

// Dates as text (no Date in the server's zone in between); times as HH:MM, as they were given.
const SERIES_COLUMNS = `id, name, time_zone, start_date::text AS start_date, end_date::text AS end_date,
  weekdays::int[] AS weekdays, ARRAY(SELECT to_char(t, 'HH24:MI') FROM unnest(times) t) AS times,
  total_slots, created_at`;

/** Weekdays and times are stored in order, so two series of one rule read the same. */
export async function insertSeries(tx: Queryable, rule: Omit<CreateSeriesRequest, 'dryRun'>): Promise<SeriesRecord> {
  const { rows } = await tx.query<SeriesRow>(
    `INSERT INTO series (name, time_zone, start_date, end_date, weekdays, times, total_slots)
     VALUES ($1, $2, $3, $4,
             ARRAY(SELECT unnest($5::smallint[]) ORDER BY 1), ARRAY(SELECT unnest($6::time[]) ORDER BY 1), $7)
     RETURNING ${SERIES_COLUMNS}`,
    [rule.name, rule.timeZone, rule.startDate, rule.endDate, rule.weekdays, rule.times, rule.totalSlots],
  );
  return toSeries(rows[0]!);
}

/** `lock`: FOR UPDATE, so that two deletions of one series take turns. */
export async function findSeries(db: Queryable, id: number, lock = false): Promise<SeriesRecord | null> {
  const { rows } = await db.query<SeriesRow>(
    `SELECT ${SERIES_COLUMNS} FROM series WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toSeries(rows[0]) : null;
}

export async function listSeries(db: Queryable, limit: number): Promise<SeriesSummary[]> {
  const { rows } = await db.query<SeriesRow & { show_count: number }>(
    `SELECT ${SERIES_COLUMNS},
            (SELECT count(*)::int FROM shows s WHERE s.series_id = series.id) AS show_count
     FROM series ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ ...toSeries(row), showCount: row.show_count }));
}

/** The ids of the series' shows, by whether they have started by the database's clock. */
export async function findSeriesShowIds(tx: Queryable, id: number): Promise<{ future: number[]; started: number[] }> {
  const { rows } = await tx.query<{ id: number; started: boolean }>(
    'SELECT id, start_time <= now() AS started FROM shows WHERE series_id = $1 ORDER BY id',
    [id],
  );
  return {
    future: rows.filter((row) => !row.started).map((row) => row.id),
    started: rows.filter((row) => row.started).map((row) => row.id),
  };
}

/** Deletes the series row once none of its shows remains; answers whether it did. */
export async function deleteSeriesIfEmpty(tx: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    'DELETE FROM series WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM shows WHERE series_id = $1)',
    [id],
  );
  return rowCount === 1;
}
