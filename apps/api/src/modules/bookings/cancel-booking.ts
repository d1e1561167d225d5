import type { Booking } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { bookingNotFound, holdExpired, notCancellable } from './bookings.errors.js';
import { cancelAndRelease, lockOwnBooking, lockShowOfOwnBooking } from './bookings.repository.js';

/** Cancels a live hold, or a confirmed booking before its show starts, and frees its places. */
export async function cancelBooking(
  deps: { db: Db; events: DomainEvents },
  input: { userId: number; bookingId: number },
): Promise<Booking> {
  const cancelled = await deps.db.withTransaction(async (tx) => {
    if ((await lockShowOfOwnBooking(tx, input.bookingId, input.userId)) === null) throw bookingNotFound();
    const locked = await lockOwnBooking(tx, input.bookingId, input.userId);
    if (!locked) throw bookingNotFound();
    const { booking, showStarted } = locked;
    if (booking.status === 'EXPIRED') throw holdExpired();
    if (booking.status === 'CANCELLED') throw notCancellable('This booking is already cancelled');
    if (booking.status === 'CONFIRMED' && showStarted) throw notCancellable('The show has started: this booking can no longer be cancelled');
    return cancelAndRelease(tx, input.bookingId);
  });
  deps.events.availabilityChanged({ showIds: [cancelled.showId] });
  return cancelled;
}
