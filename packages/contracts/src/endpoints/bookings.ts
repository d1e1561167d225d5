import {
  bookingCalendarSchema,
  bookingSchema,
  confirmBookingRequestSchema,
  createBookingRequestSchema,
  MAX_LISTED_BOOKINGS,
  myBookingListSchema,
} from '../bookings.js';
import { endpoint } from './endpoint.js';

/** Holding, confirming and cancelling places. */
export const bookingEndpoints = {
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
};
