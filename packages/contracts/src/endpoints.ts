import type { z } from 'zod';
import { bookingEventListSchema, listShowEventsQuerySchema, MAX_EVENT_PAGE, showEventListSchema } from './audit.js';
import { authResponseSchema, loginRequestSchema, meResponseSchema, registerRequestSchema } from './auth.js';
import {
  bookingCalendarSchema,
  bookingSchema,
  confirmBookingRequestSchema,
  createBookingRequestSchema,
  MAX_LISTED_BOOKINGS,
  myBookingListSchema,
  showBookingListSchema,
} from './bookings.js';
import {
  createSeriesRequestSchema,
  deleteSeriesQuerySchema,
  MAX_LISTED_SERIES,
  MAX_SERIES_DAYS,
  MAX_SERIES_SHOWS,
  seriesDeletionSchema,
  seriesListSchema,
  seriesSchema,
} from './series.js';
import {
  joinWaitlistRequestSchema,
  MAX_LISTED_WAITLIST_ENTRIES,
  myWaitlistEntryListSchema,
  waitlistEntrySchema,
} from './waitlist.js';
import { healthResponseSchema, livenessResponseSchema } from './health.js';
import { metricsTextSchema } from './metrics.js';
import {
  csvTextSchema,
  MAX_REPORT_DAYS,
  MAX_REPORT_SHOWS,
  occupancyQuerySchema,
  occupancyReportSchema,
} from './reports.js';
import {
  createShowRequestSchema,
  listShowsQuerySchema,
  MAX_SHOW_PAGE,
  showListSchema,
  showSchema,
  updateShowRequestSchema,
} from './shows.js';

/**
 * public: anyone; user: a signed-in user's bearer token; admin: an administrator's; operator: the bearer token
 * METRICS_TOKEN when the deployment sets one, anyone otherwise (monitoring, not people).
 */
export type Access = 'public' | 'user' | 'admin' | 'operator';

export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express-style path; `:id` is a positive integer id. */
  path: string;
  summary: string;
  tag: 'Auth' | 'Shows' | 'Series' | 'Bookings' | 'Waitlist' | 'Reports' | 'System';
  access: Access;
  body?: z.ZodType;
  /** Query parameters, validated (400 VALIDATION_ERROR) and defaulted before the handler runs. */
  query?: z.ZodObject;
  /** Success status and body; `null` body means no content. */
  status: number;
  response: z.ZodType | null;
  /**
   * Error statuses this endpoint can answer besides the generic 400/401/403/413/415/429/500/503, each starting
   * with the error codes it carries; the OpenAPI document adds the generic reasons for the same status.
   */
  errors: Partial<Record<number, string>>;
  /** A second success status with the same body (a preview: POST /series with dryRun answers 200). */
  alternativeStatus?: { status: number; description: string };
  /** True for the one endpoint that answers without asking the database (so never a 503). */
  offline?: true;
  /** Accepts an `Idempotency-Key` header: a retry with the same key replays the first 2xx answer. */
  idempotent?: true;
  /** Answers a page of a longer list: `Link: <...>; rel="next"` names the next page while there is one. */
  paged?: true;
  /** Answers an ETag; a request whose If-None-Match matches it gets 304 with no body. */
  conditional?: true;
  /** The success body's media type when it is not JSON; the body is then the handler's string as it is. */
  produces?: 'text/plain' | 'text/csv' | 'text/calendar';
  /** With `?format=csv` the answer is the same rows as text/csv (csvTextSchema), a download, instead of JSON. */
  csvFormat?: true;
  /** The answer is a file to save: Content-Disposition names it. */
  attachment?: true;
}

const endpoint = <const E extends Endpoint>(definition: E) => definition;

/**
 * Every HTTP route of the API. The API mounts its validation from here, the OpenAPI document is
 * generated from here, and the web client calls through here: the contract is written once.
 */
export const endpoints = {
  register: endpoint({
    method: 'post',
    path: '/auth/register',
    tag: 'Auth',
    access: 'public',
    summary: 'Create a user account (always role "user") and sign in',
    body: registerRequestSchema,
    status: 201,
    response: authResponseSchema,
    errors: {
      409: 'EMAIL_TAKEN: the email is already registered',
      429: 'RATE_LIMITED: too many sign-in requests from this address (AUTH_REQUESTS_PER_IP_PER_MINUTE)',
    },
  }),
  login: endpoint({
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    access: 'public',
    summary: 'Sign in with email and password',
    body: loginRequestSchema,
    status: 200,
    response: authResponseSchema,
    errors: {
      401: 'INVALID_CREDENTIALS: wrong email or password',
      429: 'RATE_LIMITED: too many failed sign-ins for this account, or too many sign-in requests from this address',
    },
  }),
  me: endpoint({
    method: 'get',
    path: '/auth/me',
    tag: 'Auth',
    access: 'user',
    summary: 'The signed-in user',
    status: 200,
    response: meResponseSchema,
    errors: {},
  }),
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
    summary: 'Delete a show that has no active (pending or confirmed) bookings',
    status: 204,
    response: null,
    errors: { 404: 'SHOW_NOT_FOUND: no such show', 409: 'SHOW_HAS_BOOKINGS: the show has active bookings' },
  }),
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
      'Shows that have started are never touched',
    query: deleteSeriesQuerySchema,
    status: 200,
    response: seriesDeletionSchema,
    errors: { 404: 'SERIES_NOT_FOUND: no such series' },
  }),
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
      'total, confirmed, held and free, holds expired and cancellations; format=csv for a CSV download',
    query: occupancyQuerySchema,
    status: 200,
    response: occupancyReportSchema,
    errors: { 400: `REPORT_TOO_LARGE: over ${MAX_REPORT_SHOWS} shows in the window: narrow it` },
    csvFormat: true,
  }),
  createBooking: endpoint({
    method: 'post',
    path: '/bookings',
    tag: 'Bookings',
    access: 'user',
    summary: 'Hold places on a show for BOOKING_HOLD_SECONDS',
    body: createBookingRequestSchema,
    status: 201,
    response: bookingSchema,
    errors: {
      404: 'SHOW_NOT_FOUND: no such show',
      409:
        'SOLD_OUT: not enough places left (details.availableSlots); SHOW_STARTED: the show has started; ' +
        'HOLD_EXISTS: the caller already has MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW live holds on this show ' +
        '(details.bookingId names the hold to resume)',
      429: 'RATE_LIMITED: too many booking attempts by this user (BOOKING_ATTEMPTS_PER_USER_PER_MINUTE)',
    },
    idempotent: true,
  }),
  confirmBooking: endpoint({
    method: 'post',
    path: '/bookings/confirm',
    tag: 'Bookings',
    access: 'user',
    summary: 'Confirm a pending hold before it expires',
    body: confirmBookingRequestSchema,
    status: 200,
    response: bookingSchema,
    errors: {
      404: 'BOOKING_NOT_FOUND: no such booking of yours',
      409: 'HOLD_EXPIRED: the hold expired; BOOKING_NOT_PENDING: it is confirmed or cancelled already',
    },
    idempotent: true,
  }),
  myBookings: endpoint({
    method: 'get',
    path: '/bookings/my-bookings',
    tag: 'Bookings',
    access: 'user',
    summary: `The caller's bookings, newest first, with each show's name and time (the ${MAX_LISTED_BOOKINGS} newest)`,
    status: 200,
    response: myBookingListSchema,
    errors: {},
  }),
  getBooking: endpoint({
    method: 'get',
    path: '/bookings/:id',
    tag: 'Bookings',
    access: 'user',
    summary: 'One of your bookings',
    status: 200,
    response: bookingSchema,
    errors: { 404: 'BOOKING_NOT_FOUND: no such booking of yours' },
  }),
  bookingCalendar: endpoint({
    method: 'get',
    path: '/bookings/:id/calendar.ics',
    tag: 'Bookings',
    access: 'user',
    summary: 'One of your confirmed bookings as a calendar file (the confirmation email attaches the same)',
    status: 200,
    response: bookingCalendarSchema,
    errors: {
      404: 'BOOKING_NOT_FOUND: no such booking of yours',
      409: 'BOOKING_NOT_CONFIRMED: only a confirmed booking has a calendar entry',
    },
    produces: 'text/calendar',
  }),
  cancelBooking: endpoint({
    method: 'post',
    path: '/bookings/:id/cancel',
    tag: 'Bookings',
    access: 'user',
    summary: 'Cancel a pending hold, or a confirmed booking before the show starts; frees its places',
    status: 200,
    response: bookingSchema,
    errors: {
      404: 'BOOKING_NOT_FOUND: no such booking of yours',
      409: 'BOOKING_NOT_CANCELLABLE: cancelled already, or the show has started; HOLD_EXPIRED: the hold expired',
    },
    idempotent: true,
  }),
  joinWaitlist: endpoint({
    method: 'post',
    path: '/shows/:id/waitlist',
    tag: 'Waitlist',
    access: 'user',
    summary:
      "Join a show's waitlist for places it cannot fit now; freed places are offered in order as a hold of " +
      'WAITLIST_OFFER_SECONDS (confirm it with POST /bookings/confirm)',
    body: joinWaitlistRequestSchema,
    status: 201,
    response: waitlistEntrySchema,
    errors: {
      404: 'SHOW_NOT_FOUND: no such show',
      409:
        'PLACES_AVAILABLE: the places can be booked now (details.availableSlots); ALREADY_WAITING: the caller ' +
        'already waits for this show (details.entryId); SHOW_STARTED: the show has started',
    },
  }),
  leaveWaitlist: endpoint({
    method: 'delete',
    path: '/shows/:id/waitlist',
    tag: 'Waitlist',
    access: 'user',
    summary: "Leave a show's waitlist; an offer not yet confirmed is cancelled and passes to the next in line",
    status: 200,
    response: waitlistEntrySchema,
    errors: { 404: "NOT_WAITING: the caller is not on this show's waitlist" },
  }),
  myWaitlistEntries: endpoint({
    method: 'get',
    path: '/waitlist/my-entries',
    tag: 'Waitlist',
    access: 'user',
    summary: `The caller's waitlist entries, newest first, with positions (the ${MAX_LISTED_WAITLIST_ENTRIES} newest)`,
    status: 200,
    response: myWaitlistEntryListSchema,
    errors: {},
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
  health: endpoint({
    method: 'get',
    path: '/health',
    tag: 'System',
    access: 'public',
    summary: 'Readiness: whether the database answers (and the replica, with its lag); always within 1 s',
    status: 200,
    response: healthResponseSchema,
    errors: {},
  }),
  liveness: endpoint({
    method: 'get',
    path: '/health/live',
    tag: 'System',
    access: 'public',
    summary: 'Liveness: the process is up and serving, whatever the database is doing',
    status: 200,
    response: livenessResponseSchema,
    errors: {},
    offline: true,
  }),
  metrics: endpoint({
    method: 'get',
    path: '/metrics',
    tag: 'System',
    access: 'operator',
    summary: 'Prometheus metrics of the instance that answers: bookings, latency per route, pool, sockets, lag',
    status: 200,
    response: metricsTextSchema,
    errors: {},
    offline: true,
    produces: 'text/plain',
  }),
} satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
