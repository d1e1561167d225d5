import type { Booking } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { Deadline } from '../../platform/deadline.js';
import type { DomainEvents } from '../../platform/events.js';
import { holdSlots } from './bookings.repository.js';

/**
 * Holds slots on a show. The show's row lock serialises every booking of that show, so of many people
 * pressing "Book" for the last slot exactly one gets it and the others get 409 SOLD_OUT. Under the same lock,
 * a user who already has `maxHoldsPerShow` live holds on the show (0 = no cap) gets 409 HOLD_EXISTS. The whole
 * transaction is one round trip (the `book_slots` function), so the lock is held as briefly as possible.
 * Past `deadline` nobody waits for the lock any more: 503 BUSY.
 */
export async function bookSlots(
  deps: { db: Transactional; events: DomainEvents; holdSeconds: number; maxHoldsPerShow: number },
  input: { userId: number; showId: number; quantity: number },
  deadline: Deadline,
): Promise<Booking> {
  const limits = { holdSeconds: deps.holdSeconds, maxHolds: deps.maxHoldsPerShow, deadline };
  const booking = await holdSlots(deps.db, { ...input, ...limits });
  deps.events.availabilityChanged({ showIds: [input.showId], holdExpiresAt: new Date(booking.expiresAt) });
  return booking;
}
