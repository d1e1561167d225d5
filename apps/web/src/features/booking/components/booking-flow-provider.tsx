import type { Booking } from '@holdfast/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fieldErrorsOf, hasCode } from '@/lib/api-error';
import { showKeys } from '@/lib/shows-query';
import { confirmHold, holdPlaces, releaseHold } from '../api/booking-api';
import { BookingFlowContext, type BookingFlow, type BookingStep } from '../hooks/booking-flow-context';
import { explainBookingError } from '../hooks/explain-booking-error';
import { inFlightBooking } from '../hooks/in-flight-booking';
import { recoverBooking } from '../hooks/recover-booking';

const NOTHING_BOOKED = 'We checked with the server: that booking did not go through and nothing is held. You can try again.';

/** The step a booking's server status puts us in; finished bookings need no recovery any more. */
function stepFor(booking: Booking): BookingStep {
  if (booking.status === 'PENDING') return { step: 'held', booking };
  inFlightBooking.clear();
  if (booking.status === 'CONFIRMED') return { step: 'confirmed', booking };
  if (booking.status === 'EXPIRED') return { step: 'expired' };
  return { step: 'cancelled' };
}

export function BookingFlowProvider({ showId, children }: { showId: number; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<BookingStep>(() =>
    inFlightBooking.read()?.showId === showId ? { step: 'checking' } : { step: 'choosing' },
  );
  const mounted = useRef(true);
  const update = useCallback((next: BookingStep) => {
    if (mounted.current) setState(next);
  }, []);

  /** Never guess after a lost answer or a reload: ask the server what became of the booking. */
  const checkAgain = useCallback(async () => {
    const inFlight = inFlightBooking.read();
    if (!inFlight || inFlight.showId !== showId) return update({ step: 'choosing' });
    update({ step: 'checking' });
    try {
      const booking = await recoverBooking(inFlight);
      if (booking) {
        inFlightBooking.write({ ...inFlight, bookingId: booking.id });
        return update(stepFor(booking));
      }
      inFlightBooking.clear();
      update({ step: 'choosing', problem: NOTHING_BOOKED });
    } catch (error) {
      update(hasCode(error, 'NETWORK_ERROR') ? { step: 'unreachable' } : { step: 'choosing', problem: explainBookingError(error) });
    }
  }, [showId, update]);

  useEffect(() => {
    mounted.current = true;
    if (inFlightBooking.read()?.showId === showId) void checkAgain();
    return () => {
      mounted.current = false;
    };
  }, [showId, checkAgain]);

  const book = useCallback(
    async (quantity: number) => {
      inFlightBooking.write({ showId, quantity, requestedAt: Date.now() });
      update({ step: 'holding' });
      try {
        const booking = await holdPlaces(showId, quantity);
        inFlightBooking.write({ showId, quantity, requestedAt: Date.now(), bookingId: booking.id });
        update(stepFor(booking));
      } catch (error) {
        if (hasCode(error, 'NETWORK_ERROR')) return checkAgain();
        inFlightBooking.clear();
        if (hasCode(error, 'SOLD_OUT', 'SHOW_STARTED')) void queryClient.invalidateQueries({ queryKey: showKeys.all });
        update({ step: 'choosing', problem: explainBookingError(error), quantityError: fieldErrorsOf(error).quantity });
      }
    },
    [showId, update, checkAgain, queryClient],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'held') return;
    update({ step: 'confirming', booking: state.booking });
    try {
      const booking = await confirmHold(state.booking.id);
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      update(stepFor(booking));
    } catch (error) {
      if (hasCode(error, 'HOLD_EXPIRED')) {
        inFlightBooking.clear();
        return update({ step: 'expired' });
      }
      // Lost answers and "not pending" both mean our picture is stale: the server knows the outcome.
      if (hasCode(error, 'NETWORK_ERROR', 'BOOKING_NOT_PENDING', 'BOOKING_NOT_FOUND')) return checkAgain();
      update({ step: 'held', booking: state.booking, problem: explainBookingError(error) });
    }
  }, [state, update, checkAgain, queryClient]);

  const release = useCallback(async () => {
    if (state.step !== 'held') return;
    try {
      await releaseHold(state.booking.id);
      inFlightBooking.clear();
      update({ step: 'choosing' });
    } catch (error) {
      if (hasCode(error, 'NETWORK_ERROR')) return checkAgain();
      update({ step: 'held', booking: state.booking, problem: explainBookingError(error) });
    }
  }, [state, update, checkAgain]);

  const holdRanOut = useCallback(() => {
    inFlightBooking.clear();
    update({ step: 'expired' });
  }, [update]);

  const startOver = useCallback(() => {
    inFlightBooking.clear();
    update({ step: 'choosing' });
  }, [update]);

  const flow = useMemo<BookingFlow>(
    () => ({ state, book, confirm, release, holdRanOut, startOver, checkAgain }),
    [state, book, confirm, release, holdRanOut, startOver, checkAgain],
  );
  return <BookingFlowContext.Provider value={flow}>{children}</BookingFlowContext.Provider>;
}
