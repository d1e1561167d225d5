import { endpoints } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import { deadlineIn } from '../../platform/deadline.js';
import type { DomainEvents } from '../../platform/events.js';
import type { RateLimit } from '../../platform/rate-limits.js';
import type { KeyedQueue } from '../../platform/keyed-queue.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { parseShowId } from '../shows/index.js';
import { bookSlots } from './book-slots.js';
import type { BookingDesk } from './booking-desk.js';
import { bookingNotFound } from './bookings.errors.js';
import { cancelBooking } from './cancel-booking.js';
import { confirmBooking } from './confirm-booking.js';
import { getBookingCalendar } from './get-booking-calendar.js';
import { getMyBookings, getOwnBooking } from './get-bookings.js';
import { listShowBookings } from './list-show-bookings.js';

export function mountBookingRoutes(
  mount: Mount,
  deps: {
    db: Db;
    events: DomainEvents;
    holdSeconds: number;
    maxHoldsPerShow: number;
    bookingAttempts: RateLimit;
    showQueue: KeyedQueue;
    /** Shared commits (BOOKING_BATCHING=on); without it each booking is its own transaction, via showQueue. */
    bookingDesk?: BookingDesk | null;
    /** One deadline for all of a booking's waits: its show's queue, a connection, the show's lock. */
    bookingDeadlineMs: number;
    /** The web app's address (PUBLIC_WEB_URL), for the link in a calendar entry. */
    webUrl: string;
  },
) {
  const own = (params: Record<string, string>, userId: number) => ({
    userId,
    bookingId: parsePathId(params.id, bookingNotFound),
  });
  mount(endpoints.createBooking, async ({ body, auth, idempotently, claimsOwnKey }) => {
    const deadline = deadlineIn(deps.bookingDeadlineMs);
    await deps.bookingAttempts.consume(String(auth.userId));
    const input = { userId: auth.userId, ...body };
    const desk = deps.bookingDesk;
    // The desk claims the key inside its batch's transaction, so one commit covers the hold and its answer.
    if (desk) return claimsOwnKey((claim) => desk.book({ ...input, idempotency: claim }, deadline));
    // The queue comes first, so a booking waiting for its show holds no connection (nor an idempotency claim).
    return deps.showQueue.run(
      body.showId,
      () => idempotently((scope) => bookSlots({ ...deps, ...scope }, input, deadline)),
      deadline,
    );
  });
  mount(endpoints.confirmBooking, ({ body, auth, idempotently }) =>
    idempotently((scope) => confirmBooking(scope, { userId: auth.userId, ...body })),
  );
  // Mounted before /bookings/:id so "my-bookings" is never read as an id.
  mount(endpoints.myBookings, ({ auth }) => getMyBookings(deps, auth.userId));
  mount(endpoints.getBooking, ({ params, auth }) => getOwnBooking(deps, own(params, auth.userId)));
  mount(endpoints.bookingCalendar, ({ params, auth, header }) => {
    const bookingId = parsePathId(params.id, bookingNotFound);
    header('Content-Disposition', `attachment; filename="booking-${bookingId}.ics"`);
    return getBookingCalendar(deps, { userId: auth.userId, bookingId });
  });
  mount(endpoints.cancelBooking, ({ params, auth, idempotently }) =>
    idempotently((scope) => cancelBooking(scope, own(params, auth.userId))),
  );
  // The bookings of a show are bookings: this module owns them, whatever the path says.
  mount(endpoints.listShowBookings, ({ params }) => listShowBookings(deps, parseShowId(params)));
}
