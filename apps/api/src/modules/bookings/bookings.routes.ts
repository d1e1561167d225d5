import { endpoints } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { bookSeats } from './book-seats.js';
import { bookingNotFound } from './bookings.errors.js';
import { cancelBooking } from './cancel-booking.js';
import { confirmBooking } from './confirm-booking.js';
import { getMyBookings, getOwnBooking } from './get-bookings.js';

export function mountBookingRoutes(mount: Mount, deps: { db: Db; events: DomainEvents; holdSeconds: number }) {
  const bookingId = (params: Record<string, string>) => parsePathId(params.id, bookingNotFound);
  mount(endpoints.createBooking, ({ body, auth }) => bookSeats(deps, { userId: auth.userId, ...body }));
  mount(endpoints.confirmBooking, ({ body, auth }) => confirmBooking(deps, { userId: auth.userId, bookingId: body.bookingId }));
  // Mounted before /bookings/:id so "my-bookings" is never read as an id.
  mount(endpoints.myBookings, ({ auth }) => getMyBookings(deps, auth.userId));
  mount(endpoints.getBooking, ({ params, auth }) => getOwnBooking(deps, { userId: auth.userId, bookingId: bookingId(params) }));
  mount(endpoints.cancelBooking, ({ params, auth }) => cancelBooking(deps, { userId: auth.userId, bookingId: bookingId(params) }));
}
