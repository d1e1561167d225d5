import { MAX_REPORT_SHOWS, type OccupancyQuery, type OccupancyReport } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { toCsv } from '../../platform/csv.js';
import { reportTooLarge } from './reports.errors.js';
import { listOccupancy } from './reports.repository.js';

const COLUMNS = [
  { key: 'showId', header: 'Show' },
  { key: 'name', header: 'Name' },
  { key: 'startTime', header: 'Starts at' },
  { key: 'timeZone', header: 'Time zone' },
  { key: 'total', header: 'Places' },
  { key: 'confirmed', header: 'Confirmed' },
  { key: 'held', header: 'Held' },
  { key: 'free', header: 'Free' },
  { key: 'holdsExpired', header: 'Holds expired' },
  { key: 'cancellations', header: 'Cancellations' },
  { key: 'waiting', header: 'People waiting' },
] as const;

/** The contract validated the window (from < to, at most MAX_REPORT_DAYS); a date means its midnight UTC. */
export async function getOccupancyReport(deps: { db: Queryable }, query: OccupancyQuery): Promise<OccupancyReport> {
  const from = new Date(query.from).toISOString();
  const to = new Date(query.to).toISOString();
  const shows = await listOccupancy(deps.db, { from, to, limit: MAX_REPORT_SHOWS + 1 });
  if (shows.length > MAX_REPORT_SHOWS) throw reportTooLarge();
  return { from, to, shows };
}

export const occupancyCsv = (report: OccupancyReport) => ({
  csv: toCsv(COLUMNS, report.shows),
  fileName: `occupancy-${report.from.slice(0, 10)}-to-${report.to.slice(0, 10)}.csv`,
});
