import type { Booking } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { Deadline } from '../../platform/deadline.js';
import { AppError } from '../../platform/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Metrics } from '../../platform/metrics.js';
import { idempotencyKeyInUse, idempotencyKeyReused, type Outcome } from '../../platform/idempotency.js';
import {
  createNaturalBatcher,
  type ItemOutcome,
  type NaturalBatcher,
  type Queued,
} from '../../platform/natural-batcher.js';
import { showNotFound } from '../shows/index.js';
import { bookBatch, type BatchOutcome, type BatchRequest } from './book-batch.repository.js';
import { bookSlots } from './book-slots.js';
import { holdExists, showStarted, soldOut } from './bookings.errors.js';

export interface BookingDesk {
  /** Books with the next batch of its lane; answers this request's own booking, replay or error. */
  book(request: BatchRequest, deadline: Deadline): Promise<Outcome<Booking>>;
}

export interface BookingDeskSettings {
  holdSeconds: number;
  maxHoldsPerShow: number;
  /** Lanes per API process: each has at most one batch at the database (BOOKING_BATCH_LANES). */
  lanes: number;
  maxBatchSize: number;
  /** Requests waiting per lane at most, in a burst (BOOKING_BATCH_MAX_QUEUED). */
  maxQueuedPerLane: number;
  /** The status a granted booking answers (and its key stores): the contract's. */
  grantedStatus: number;
}

/**
 * Shared commits (ADR 0012): concurrent bookings of this process are gathered per lane (show id mod lanes)
 * and booked together, one round trip, one lock per show and one commit per batch.
 */
export function createBookingDesk(
  deps: { db: Transactional; events: DomainEvents; metrics: Pick<Metrics, 'bookingBatch'> },
  s: BookingDeskSettings,
): BookingDesk {
  const send = async (batch: Queued<BatchRequest>[]): Promise<ItemOutcome<Outcome<Booking>>[]> => {
    deps.metrics.bookingBatch(batch.length);
    // Nobody waits past their deadline: the batch's statement ends at the earliest of them.
    const deadline = batch.reduce((a, b) => (b.deadline.remainingMs() < a.deadline.remainingMs() ? b : a)).deadline;
    if (batch.length === 1 && !batch[0]!.item.idempotency) return [await bookAlone(batch[0]!.item, deadline)];
    const outcomes = await bookBatch(deps.db, {
      requests: batch.map((queued) => queued.item),
      holdSeconds: s.holdSeconds,
      maxHolds: s.maxHoldsPerShow,
      grantedStatus: s.grantedStatus,
      deadline,
    });
    announce(deps.events, outcomes);
    return outcomes.map(answerOf);
  };
  // A lone request without a key takes the one-request path (book_slots): the same rules and answers, without
  // the batch function's bookkeeping (JSON, arrays), which made a lone booking on an idle system about half as
  // fast (docs/PERFORMANCE.md). A refusal is its own answer; anything else fails the "batch" as a whole.
  const bookAlone = async (request: BatchRequest, deadline: Deadline): Promise<ItemOutcome<Outcome<Booking>>> => {
    try {
      const booking = await bookSlots(
        { ...deps, holdSeconds: s.holdSeconds, maxHoldsPerShow: s.maxHoldsPerShow },
        request,
        deadline,
      );
      return { ok: true, value: { replayed: false, result: booking } };
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return { ok: false, error };
      throw error;
    }
  };
  const lanes: NaturalBatcher<BatchRequest, Outcome<Booking>>[] = Array.from({ length: s.lanes }, () =>
    createNaturalBatcher({ maxBatchSize: s.maxBatchSize, maxQueued: s.maxQueuedPerLane, send }),
  );
  return {
    book: (request, deadline) => lanes[request.showId % s.lanes]!.submit(request, deadline),
  };
}

/** After COMMIT, once per batch: every hold of a batch runs out at the same moment, so one expiry covers all. */
function announce(events: DomainEvents, outcomes: BatchOutcome[]) {
  const granted = outcomes.flatMap((o) => (o.outcome === 'GRANTED' ? [o.body] : []));
  if (granted.length === 0) return;
  const latest = granted.reduce((max, b) => (b.expiresAt > max ? b.expiresAt : max), granted[0]!.expiresAt);
  events.availabilityChanged({ showIds: [...new Set(granted.map((b) => b.showId))], holdExpiresAt: new Date(latest) });
}

/** The same answers and errors as the one-request path (book-slots.ts, idempotency.ts). */
function answerOf(o: BatchOutcome): ItemOutcome<Outcome<Booking>> {
  switch (o.outcome) {
    case 'GRANTED':
      return { ok: true, value: { replayed: false, result: o.body as unknown as Booking } };
    case 'REPLAYED':
      return { ok: true, value: { replayed: true, status: o.status, body: o.body } };
    case 'SOLD_OUT':
      return { ok: false, error: soldOut(o.body.availableSlots) };
    case 'HOLD_EXISTS':
      return { ok: false, error: holdExists(o.body.bookingId) };
    case 'NO_SHOW':
      return { ok: false, error: showNotFound() };
    case 'STARTED':
      return { ok: false, error: showStarted() };
    case 'KEY_REUSED':
      return { ok: false, error: idempotencyKeyReused() };
    case 'KEY_IN_USE':
      return { ok: false, error: idempotencyKeyInUse() };
  }
}
