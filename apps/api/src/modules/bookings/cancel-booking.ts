import type { Booking } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { lockShows, releaseSlots } from '../shows/index.js';
import { serveWaitlist } from '../waitlist/index.js';
import { bookingNotFound, holdExpired, notCancellable } from './bookings.errors.js';
import { findOwnBooking, lockOwnBooking, markCancelled } from './bookings.repository.js';

/** Cancels a live hold, or a confirmed booking before its show starts, and frees its slots (waitlist first). */
export async function cancelBooking(
  deps: { db: Transactional; events: DomainEvents },
  input: { userId: number; bookingId: number },
): Promise<Booking> {
  const cancelled = await deps.db.withTransaction(async (tx) => {
    // The client names the booking only: find its show once; every lock and write after names it (ADR 0013).
    const unlocked = await findOwnBooking(tx, input.bookingId, input.userId);
    if (!unlocked) throw bookingNotFound();
    const ref = { ...input, showId: unlocked.showId };
    // Lock order: the show, then the booking, as in booking and sweeping, so cancelling cannot deadlock.
    const [show] = await lockShows(tx, [ref.showId]);
    const booking = show ? await lockOwnBooking(tx, ref) : null;
    if (!show || !booking) throw bookingNotFound();
    if (booking.status === 'EXPIRED') throw holdExpired();
    if (booking.status === 'CANCELLED') throw notCancellable('This booking is already cancelled');
    if (booking.status === 'CONFIRMED' && Date.parse(show.startTime) <= Date.now()) {
      throw notCancellable('The show has started: this booking can no longer be cancelled');
    }
    const done = await markCancelled(tx, ref);
    await releaseSlots(tx, show.id, done.quantity);
    // Still under the show's lock: the freed places go to the waitlist first (a cancelled offer passes on).
    await serveWaitlist(tx, show.id);
    return done;
  });
  deps.events.availabilityChanged({ showIds: [cancelled.showId] });
  return cancelled;
}
