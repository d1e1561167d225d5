import {
  createShowRequestSchema,
  listShowsQuerySchema,
  MAX_SHOW_PAGE,
  showListSchema,
  showSchema,
  updateShowRequestSchema,
} from '../shows.js';
import { endpoint } from './endpoint.js';

/** Shows: what patients browse, and what admins create and change. */
export const showEndpoints = {
  listShows: endpoint({
    method: 'get',
    path: '/shows',
    tag: 'Shows',
    access: 'public',
    summary:
      `A page of shows (at most ${MAX_SHOW_PAGE}) by start time, with places free right now; ` +
      'by default the ones that have not started. Compressed (gzip, br) when asked; ' +
      'may be up to SHOWS_CACHE_MS older than a change made through another API process',
    query: listShowsQuerySchema,
    status: 200,
    response: showListSchema,
    errors: { 400: 'INVALID_CURSOR: `after` is not a cursor this API gave out' },
    paged: true,
    conditional: true,
  }),
  getShow: endpoint({
    method: 'get',
    path: '/shows/:id',
    tag: 'Shows',
    access: 'public',
    summary: 'One show',
    status: 200,
    response: showSchema,
    errors: { 404: 'SHOW_NOT_FOUND: no such show' },
    conditional: true,
  }),
  createShow: endpoint({
    method: 'post',
    path: '/shows',
    tag: 'Shows',
    access: 'admin',
    summary: 'Create a show',
    body: createShowRequestSchema,
    status: 201,
    response: showSchema,
    errors: { 400: 'UNKNOWN_TIME_ZONE: the database does not know the time zone (its zone data is older)' },
  }),
  updateShow: endpoint({
    method: 'patch',
    path: '/shows/:id',
    tag: 'Shows',
    access: 'admin',
    summary: 'Rename, reschedule or resize a show (never below the places already taken)',
    body: updateShowRequestSchema,
    status: 200,
    response: showSchema,
    errors: {
      400: 'UNKNOWN_TIME_ZONE: the database does not know the time zone (its zone data is older)',
      404: 'SHOW_NOT_FOUND: no such show',
      409: 'SLOTS_BELOW_TAKEN: fewer places than already taken',
    },
  }),
  deleteShow: endpoint({
    method: 'delete',
    path: '/shows/:id',
    tag: 'Shows',
    access: 'admin',
    summary:
      'Delete a show that has no active (pending or confirmed) bookings; everyone still on its waitlist is ' +
      'emailed that it was withdrawn',
    status: 204,
    response: null,
    errors: { 404: 'SHOW_NOT_FOUND: no such show', 409: 'SHOW_HAS_BOOKINGS: the show has active bookings' },
  }),
};
