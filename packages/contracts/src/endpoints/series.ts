import {
  createSeriesRequestSchema,
  deleteSeriesQuerySchema,
  MAX_LISTED_SERIES,
  MAX_SERIES_DAYS,
  MAX_SERIES_SHOWS,
  seriesDeletionSchema,
  seriesListSchema,
  seriesSchema,
} from '../series.js';
import { endpoint } from './endpoint.js';

/** Series: many shows from one weekly rule (admin). */
export const seriesEndpoints = {
  createSeries: endpoint({
    method: 'post',
    path: '/series',
    tag: 'Series',
    access: 'admin',
    summary:
      `Create one show per date and time of a weekly rule, in the zone's wall-clock time (at most ${MAX_SERIES_DAYS} ` +
      `days, ${MAX_SERIES_SHOWS} shows). A time the clocks skip moves forward by the jump; a time they repeat is ` +
      'the first. 201 with the series and its shows; with dryRun: true, 200 with the same preview (id null), nothing ' +
      'created',
    body: createSeriesRequestSchema,
    status: 201,
    response: seriesSchema,
    alternativeStatus: { status: 200, description: 'dryRun: the preview; nothing was created' },
    errors: {
      400:
        'SERIES_IN_PAST: a show of the series would start in the past (details.startTime); ' +
        'UNKNOWN_TIME_ZONE: the database does not know the time zone (its zone data is older)',
    },
  }),
  listSeries: endpoint({
    method: 'get',
    path: '/series',
    tag: 'Series',
    access: 'admin',
    summary: `The series, newest first (the ${MAX_LISTED_SERIES} newest), with how many of their shows remain`,
    status: 200,
    response: seriesListSchema,
    errors: {},
  }),
  getSeries: endpoint({
    method: 'get',
    path: '/series/:id',
    tag: 'Series',
    access: 'admin',
    summary: 'A series with its remaining shows, by start time',
    status: 200,
    response: seriesSchema,
    errors: { 404: 'SERIES_NOT_FOUND: no such series' },
  }),
  deleteSeries: endpoint({
    method: 'delete',
    path: '/series/:id',
    tag: 'Series',
    access: 'admin',
    summary:
      "Delete the series' future shows that have no active bookings and report those kept; with " +
      'cancelBookings=true, cancel their active bookings first (releasing the places), then delete them all. ' +
      'Shows that have started are never touched. People cancelled or still waiting for a deleted show are emailed',
    query: deleteSeriesQuerySchema,
    status: 200,
    response: seriesDeletionSchema,
    errors: { 404: 'SERIES_NOT_FOUND: no such series' },
  }),
};
