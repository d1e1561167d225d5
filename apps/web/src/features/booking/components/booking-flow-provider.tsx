import type { Booking } from '@holdfast/contracts';
import { useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useCancelBooking } from '@/api/cancel-booking';
import { hasCode } from '@/lib/api-error';
import { useConfirmBooking } from '../api/confirm-booking';
import { useCreateBooking } from '../api/create-booking';
import { BookingFlowContext, type BookingFlow } from '../hooks/use-booking-flow';
import { bookingFlow, initialBookingState } from '../model/booking-flow';
import { inFlightBooking } from '../model/in-flight-booking';
import { recoverBooking } from '../model/recover-booking';

/**
 * Runs the booking flow's requests and keeps the in-flight record (see in-flight-booking.ts) in step
 * with them; what the person sees follows from the `bookingFlow` reducer.
 */
export function BookingFlowProvider({ showId, children }: { showId: number; children: ReactNode }) {
  const [state, dispatch] = useReducer(bookingFlow, showId, (id) => initialBookingState(id, inFlightBooking.read()));
  const { mutateAsync: createBooking } = useCreateBooking();
  const { mutateAsync: confirmBooking } = useConfirmBooking();
  const { mutateAsync: cancelBooking } = useCancelBooking();
  // Set synchronously at the first press: a double click or a second Enter arrives before React has
  // re-rendered the disabled button, and must not send a second hold.
  const holdRequested = useRef(false);

  /** A finished booking needs no recovery any more. */
  const settle = useCallback((booking: Booking) => {
    if (booking.status !== 'PENDING') inFlightBooking.clear();
    dispatch({ type: 'server-answered', booking });
  }, []);

  /** Never guess after a lost answer or a reload: ask the server what became of the booking. */
  const checkAgain = useCallback(async () => {
    const inFlight = inFlightBooking.read();
    if (!inFlight || inFlight.showId !== showId) return dispatch({ type: 'started-over' });
    dispatch({ type: 'check-requested' });
    try {
      const booking = await recoverBooking(inFlight);
      if (!booking) {
        inFlightBooking.clear();
        return dispatch({ type: 'nothing-booked' });
      }
      inFlightBooking.write({ ...inFlight, bookingId: booking.id });
      settle(booking);
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }, [showId, settle]);

  useEffect(() => {
    if (inFlightBooking.read()?.showId === showId) void checkAgain();
  }, [showId, checkAgain]);

  const book = useCallback(
    async (quantity: number) => {
      if (holdRequested.current) return;
      holdRequested.current = true;
      inFlightBooking.write({ showId, quantity, requestedAt: Date.now() });
      dispatch({ type: 'hold-requested' });
      try {
        const booking = await createBooking({ showId, quantity });
        inFlightBooking.write({ showId, quantity, requestedAt: Date.now(), bookingId: booking.id });
        settle(booking);
      } catch (error) {
        if (hasCode(error, 'NETWORK_ERROR')) return checkAgain();
        inFlightBooking.clear();
        dispatch({ type: 'failed', error });
      } finally {
        holdRequested.current = false;
      }
    },
    [showId, createBooking, settle, checkAgain],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'held') return;
    dispatch({ type: 'confirm-requested' });
    try {
      settle(await confirmBooking(state.booking.id));
    } catch (error) {
      if (hasCode(error, 'HOLD_EXPIRED')) {
        inFlightBooking.clear();
        return dispatch({ type: 'hold-expired' });
      }
      // Lost answers and "not pending" both mean our picture is stale: the server knows the outcome.
      if (hasCode(error, 'NETWORK_ERROR', 'BOOKING_NOT_PENDING', 'BOOKING_NOT_FOUND')) return checkAgain();
      dispatch({ type: 'failed', error });
    }
  }, [state, confirmBooking, settle, checkAgain]);

  const release = useCallback(async () => {
    if (state.step !== 'held') return;
    try {
      await cancelBooking(state.booking.id);
      inFlightBooking.clear();
      dispatch({ type: 'released' });
    } catch (error) {
      if (hasCode(error, 'NETWORK_ERROR')) return checkAgain();
      dispatch({ type: 'failed', error });
    }
  }, [state, cancelBooking, checkAgain]);

  const holdRanOut = useCallback(() => {
    inFlightBooking.clear();
    dispatch({ type: 'hold-expired' });
  }, []);

  const startOver = useCallback(() => {
    inFlightBooking.clear();
    dispatch({ type: 'started-over' });
  }, []);

  const flow = useMemo<BookingFlow>(
    () => ({ state, book, confirm, release, holdRanOut, startOver, checkAgain }),
    [state, book, confirm, release, holdRanOut, startOver, checkAgain],
  );
  return <BookingFlowContext.Provider value={flow}>{children}</BookingFlowContext.Provider>;
}
