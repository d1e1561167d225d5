import { bookingEventListSchema, listShowEventsQuerySchema, MAX_EVENT_PAGE, showEventListSchema } from '../audit.js';
import { MAX_LISTED_BOOKINGS, showBookingListSchema } from '../bookings.js';
import {
  csvTextSchema,
  MAX_REPORT_DAYS,
  MAX_REPORT_SHOWS,
  occupancyQuerySchema,
  occupancyReportSchema,
} from '../reports.js';
import { endpoint } from './endpoint.js';

/** What happened: a show's bookings and audit trail, CSV exports, the occupancy report, a booking's history. */
export const recordEndpoints = {
  listShowBookings: endpoint({
    method: 'get',
    path: '/shows/:id/bookings',
    tag: 'Shows',
    access: 'admin',
    summary: `A show's bookings, newest first: at most the ${MAX_LISTED_BOOKINGS} newest`,
    status: 200,
    response: showBookingListSchema,
    errors: { 404: 'SHOW_NOT_FOUND: no such show' },
  }),
  listShowEvents: endpoint({
    method: 'get',
    path: '/shows/:id/events',
    tag: 'Shows',
    access: 'admin',
    summary:
      `A show's audit trail, newest first (at most ${MAX_EVENT_PAGE} a page): holds, confirms, cancels, expiries, ` +
      'waitlist moves and admin edits, each with who acted and when; kept after the show is deleted',
    query: listShowEventsQuerySchema,
    status: 200,
    response: showEventListSchema,
    errors: { 404: 'SHOW_NOT_FOUND: no such show, and none ever had events' },
    paged: true,
  }),
  exportShowBookings: endpoint({
    method: 'get',
    path: '/shows/:id/bookings.csv',
    tag: 'Shows',
    access: 'admin',
    summary: "Every booking of a show as CSV, oldest first, with each booker's name and email",
    status: 200,
    response: csvTextSchema,
    errors: { 404: 'SHOW_NOT_FOUND: no such show' },
    produces: 'text/csv',
    attachment: true,
  }),
  occupancyReport: endpoint({
    method: 'get',
    path: '/reports/occupancy',
    tag: 'Reports',
    access: 'admin',
    summary:
      `Per show starting in [from, to) (at most ${MAX_REPORT_DAYS} days, ${MAX_REPORT_SHOWS} shows): places ` +
      "total, confirmed, held and free, holds expired, cancellations and people waiting, with the show's zone; " +
      'format=csv for a CSV download',
    query: occupancyQuerySchema,
    status: 200,
    response: occupancyReportSchema,
    errors: { 400: `REPORT_TOO_LARGE: over ${MAX_REPORT_SHOWS} shows in the window: narrow it` },
    csvFormat: true,
  }),
  bookingEvents: endpoint({
    method: 'get',
    path: '/bookings/:id/events',
    tag: 'Bookings',
    access: 'user',
    summary: "A booking's history, oldest first: its owner's or, for an administrator, anyone's",
    status: 200,
    response: bookingEventListSchema,
    errors: { 404: 'BOOKING_NOT_FOUND: no such booking of yours' },
  }),
};
