import type { MyBooking } from '@holdfast/contracts';

/** Upcoming (the show has not started: soonest first) and past (latest first), by the show's start time. */
export function splitByStart(bookings: MyBooking[], now = Date.now()) {
  const start = (booking: MyBooking) => Date.parse(booking.showStartTime);
  const upcoming = bookings.filter((b) => start(b) > now).sort((a, b) => start(a) - start(b) || b.id - a.id);
  const past = bookings.filter((b) => start(b) <= now).sort((a, b) => start(b) - start(a) || b.id - a.id);
  return { upcoming, past };
}
