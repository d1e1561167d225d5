// The bookings module's public face.
export { bookSlots } from './book-slots.js';
export { createBookingDesk, type BookingDesk } from './booking-desk.js';
export { mountBookingRoutes } from './bookings.routes.js';
export { expireHolds } from './expire-holds.js';
export { sweepLapsedHolds, type PreciseSweep } from './sweep-lapsed-holds.js';
export { cancelActiveBookings, countActiveBookings } from './bookings.repository.js';
export { bookingNotFound } from './bookings.errors.js';
export { getBookingOwner } from './get-bookings.js';
