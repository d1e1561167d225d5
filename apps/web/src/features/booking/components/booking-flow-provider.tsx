import type { Booking } from '@holdfast/contracts';
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useCancelBooking } from '@/api/cancel-booking';
import { hasCode, type ApiError } from '@/lib/api-error';
import { newIdempotencyKey } from '@/lib/idempotency';
import { useConfirmBooking } from '@/api/confirm-booking';
import { useCreateBooking } from '../api/create-booking';
import { getBooking } from '../api/get-booking';
import { BookingFlowContext, type BookingFlow } from '../hooks/use-booking-flow';
import { useRereadTriggers, type RereadCause } from '../hooks/use-reread-triggers';
import { bookingFlow, HOLD_ALREADY_EXISTS, initialBookingState } from '../model/booking-flow';
import { findHold } from '../model/find-hold';
import { inFlightBooking, type InFlightBooking } from '../model/in-flight-booking';

type HoldRequest = Extract<InFlightBooking, { idempotencyKey: string }>;

const existingHoldId = (error: ApiError) => {
  const bookingId = (error.details as { bookingId?: unknown } | undefined)?.bookingId;
  return typeof bookingId === 'number' ? bookingId : undefined;
};

/**
 * Runs the booking flow's requests and keeps this tab's in-flight record (in-flight-booking.ts) in step
 * with the server's answers; what the person sees follows from the `bookingFlow` reducer. The server's
 * state is the only source: the page opens on the person's live hold wherever it was made, and re-reads
 * it when another tab may have changed it.
 */
export function BookingFlowProvider({
  showId,
  bookingId: linkedBookingId,
  children,
}: {
  showId: number;
  /** The booking a link asked to resume ("Continue booking"). */
  bookingId?: number;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(bookingFlow, initialBookingState);
  const { mutateAsync: createBooking } = useCreateBooking();
  const { mutateAsync: confirmBooking } = useConfirmBooking();
  const { mutateAsync: cancelBooking } = useCancelBooking();
  // Set synchronously at each press: a double click or a second Enter arrives before React has
  // re-rendered the disabled button, and must not send a second request. Re-reads wait for it too.
  const requesting = useRef(false);

  /** The server said where the booking stands: remember a live hold, forget a finished booking. */
  const settle = useCallback((booking: Booking, note?: string) => {
    if (booking.status === 'PENDING') {
      inFlightBooking.write({ showId: booking.showId, quantity: booking.quantity, bookingId: booking.id });
    } else inFlightBooking.clear();
    dispatch({ type: 'server-answered', booking, note });
  }, []);

  /** Sends a hold request; after a lost answer, the same request with the same key, so it holds once. */
  const sendHold = useCallback(
    async ({ quantity, idempotencyKey }: HoldRequest) => {
      dispatch({ type: 'hold-requested' });
      try {
        settle(await createBooking({ body: { showId, quantity }, idempotencyKey }));
      } catch (error) {
        // The hold cap: this person already holds places here (another tab, an earlier press). Show that hold.
        if (hasCode(error, 'HOLD_EXISTS')) {
          try {
            const existing = await findHold(showId, existingHoldId(error));
            if (existing) return settle(existing, existing.status === 'PENDING' ? HOLD_ALREADY_EXISTS : undefined);
          } catch (lookupError) {
            return dispatch({ type: 'failed', error: lookupError });
          }
        }
        // Keep the key while the outcome is unknown: "Check again" sends the same request once more.
        if (!hasCode(error, 'NETWORK_ERROR')) inFlightBooking.clear();
        dispatch({ type: 'failed', error });
      }
    },
    [showId, createBooking, settle],
  );

  /** Never guess after a lost answer, a reload or a link: ask the server where this show's booking stands. */
  const check = useCallback(
    async (knownBookingId?: number) => {
      const inFlight = inFlightBooking.read(showId);
      if (inFlight?.idempotencyKey !== undefined) return sendHold(inFlight);
      dispatch({ type: 'check-requested' });
      try {
        const booking = await findHold(showId, knownBookingId ?? inFlight?.bookingId ?? linkedBookingId);
        if (booking) return settle(booking);
        inFlightBooking.clear();
        dispatch({ type: 'no-hold' });
      } catch (error) {
        dispatch({ type: 'failed', error });
      }
    },
    [showId, linkedBookingId, sendHold, settle],
  );

  const checkOnOpen = useEffectEvent(() => void check());
  useEffect(() => checkOnOpen(), [showId]);

  /** Re-reads what is on screen when another tab may have changed it; a failed re-read changes nothing. */
  const reread = async (cause: RereadCause) => {
    if (requesting.current) return;
    // An open form is checked for a hold made elsewhere only on focus: live updates are too frequent
    // for a bookings list each time, and the hold cap answers a press of Book anyway.
    if (state.step !== 'held' && !(state.step === 'choosing' && cause === 'focus')) return;
    try {
      const booking = state.step === 'held' ? await getBooking(state.booking.id) : await findHold(showId);
      if (!booking || requesting.current) return;
      // Touch this tab's record only where it is about this very booking, or absent.
      const inFlight = inFlightBooking.read(showId);
      if (booking.status !== 'PENDING' && inFlight?.bookingId === booking.id) inFlightBooking.clear();
      if (booking.status === 'PENDING' && !inFlight) {
        inFlightBooking.write({ showId, quantity: booking.quantity, bookingId: booking.id });
      }
      dispatch({ type: 'refreshed', booking });
    } catch {
      // The next focus or live update tries again.
    }
  };
  useRereadTriggers(showId, (cause) => void reread(cause));

  const book = useCallback(
    async (quantity: number) => {
      if (requesting.current) return;
      requesting.current = true;
      try {
        // A fresh key for each attempt; recorded first, so a reload mid-request sends this same one again.
        const request: HoldRequest = { showId, quantity, idempotencyKey: newIdempotencyKey() };
        inFlightBooking.write(request);
        await sendHold(request);
      } finally {
        requesting.current = false;
      }
    },
    [showId, sendHold],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'held' || requesting.current) return;
    requesting.current = true;
    const { booking } = state;
    dispatch({ type: 'confirm-requested' });
    try {
      settle(await confirmBooking(booking.id));
    } catch (error) {
      if (hasCode(error, 'HOLD_EXPIRED')) {
        inFlightBooking.clear();
        dispatch({ type: 'hold-expired' });
        // Lost answers and "not pending" both mean our picture is stale: the server knows the outcome.
      } else if (hasCode(error, 'NETWORK_ERROR', 'BOOKING_NOT_PENDING', 'BOOKING_NOT_FOUND')) {
        await check(booking.id);
      } else dispatch({ type: 'failed', error });
    } finally {
      requesting.current = false;
    }
  }, [state, confirmBooking, settle, check]);

  const release = useCallback(async () => {
    if (state.step !== 'held' || requesting.current) return;
    requesting.current = true;
    const { booking } = state;
    try {
      await cancelBooking(booking.id);
      inFlightBooking.clear();
      dispatch({ type: 'released' });
    } catch (error) {
      // Confirmed or cancelled elsewhere, or the answer was lost: show what the server says.
      if (hasCode(error, 'NETWORK_ERROR', 'BOOKING_NOT_CANCELLABLE', 'BOOKING_NOT_FOUND')) await check(booking.id);
      else dispatch({ type: 'failed', error });
    } finally {
      requesting.current = false;
    }
  }, [state, cancelBooking, check]);

  const holdRanOut = useCallback(() => {
    inFlightBooking.clear();
    dispatch({ type: 'hold-expired' });
  }, []);

  const startOver = useCallback(() => {
    inFlightBooking.clear();
    dispatch({ type: 'started-over' });
  }, []);

  const checkAgain = useCallback(() => check(), [check]);

  const flow = useMemo<BookingFlow>(
    () => ({ state, book, confirm, release, holdRanOut, startOver, checkAgain }),
    [state, book, confirm, release, holdRanOut, startOver, checkAgain],
  );
  return <BookingFlowContext.Provider value={flow}>{children}</BookingFlowContext.Provider>;
}
