import { endpoints } from '@holdfast/contracts';
import { attachment } from '../../platform/csv.js';
import type { Queryable } from '../../platform/db.js';
import type { Mount } from '../../platform/routing.js';
import { parseShowId } from '../shows/index.js';
import { exportShowBookings } from './export-show-bookings.js';
import { getOccupancyReport, occupancyCsv } from './get-occupancy-report.js';

export function mountReportRoutes(mount: Mount, deps: { db: Queryable }) {
  mount(endpoints.exportShowBookings, async ({ params, header }) => {
    const { csv, fileName } = await exportShowBookings(deps, parseShowId(params));
    header('Content-Disposition', attachment(fileName));
    return csv;
  });
  // With format=csv the same rows go as a download (the contract's csvFormat); the mount sends text/csv.
  mount(endpoints.occupancyReport, async ({ query, header }) => {
    const report = await getOccupancyReport(deps, query);
    if (query.format === 'json') return report;
    const { csv, fileName } = occupancyCsv(report);
    header('Content-Disposition', attachment(fileName));
    return csv;
  });
}
