import type { SeriesDeletion } from '@holdfast/contracts';
import { actAs, type Actor } from '../../platform/actor.js';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { cancelActiveBookings, countActiveBookings } from '../bookings/index.js';
import { enqueueEmail } from '../emails/index.js';
import { deleteShowRows, lockShows, releaseSlots } from '../shows/index.js';
import { seriesNotFound } from './series.errors.js';
import { deleteSeriesIfEmpty, findSeries, findSeriesShowIds } from './series.repository.js';

/** A booking cancelled by the deletion: its person is told by email, queued in the same transaction. */
interface CancelledBooking {
  id: number;
  showId: number;
  userId: number;
  quantity: number;
}

/**
 * Deletes a series' future shows (ADR 0017). Every future show is locked first (lock_shows, the one lock order),
 * so no booking can arrive, be confirmed into a show being deleted or slip between the count and the delete: a
 * booking that came first is counted (kept, or cancelled with cancelBookings), one that comes after finds the
 * show gone (404). Shows that have started, by the locked rows' own time, are never touched.
 * The audit trail names the admin as who cancelled and deleted; the people affected get an email (the outbox
 * rows commit with the cancels, or neither happens).
 */
export async function deleteSeries(
  deps: { db: Transactional; events: DomainEvents },
  input: { id: number; cancelBookings: boolean },
  actor: Actor,
): Promise<SeriesDeletion> {
  const outcome = await deps.db.withTransaction(async (tx) => {
    await actAs(tx, actor);
    if (!(await findSeries(tx, input.id, true))) throw seriesNotFound();
    const candidates = await findSeriesShowIds(tx, input.id);
    const locked = await lockShows(tx, candidates.future);
    const now = Date.now();
    const future = locked.filter((show) => Date.parse(show.startTime) > now).map((show) => show.id);
    const started = [...candidates.started, ...locked.filter((show) => !future.includes(show.id)).map((s) => s.id)];
    const cancelled = input.cancelBookings ? await cancelActiveBookings(tx, future) : [];
    for (const [showId, slots] of sumByShow(cancelled)) await releaseSlots(tx, showId, slots);
    for (const booking of cancelled) await enqueueEmail(tx, 'BOOKING_CANCELLED', booking);
    const active = await countActiveBookings(tx, future);
    const deleted = await deleteShowRows(
      tx,
      future.filter((id) => !active.has(id)),
    );
    return {
      deleted,
      kept: [...active]
        .map(([showId, activeBookings]) => ({ showId, activeBookings }))
        .sort((a, b) => a.showId - b.showId),
      started: started.sort((a, b) => a - b),
      cancelledBookings: cancelled,
      seriesDeleted: await deleteSeriesIfEmpty(tx, input.id),
    };
  });
  deps.events.availabilityChanged({ showIds: [...outcome.deleted, ...outcome.kept.map((k) => k.showId)] });
  return {
    ...outcome,
    cancelledBookings: outcome.cancelledBookings.map(({ id, showId, userId }) => ({ id, showId, userId })),
  };
}

function sumByShow(bookings: CancelledBooking[]): Map<number, number> {
  const slots = new Map<number, number>();
  for (const booking of bookings) slots.set(booking.showId, (slots.get(booking.showId) ?? 0) + booking.quantity);
  return slots;
}
