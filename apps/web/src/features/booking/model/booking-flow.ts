import type { Booking } from '@holdfast/contracts';
import { fieldErrorsOf, hasCode } from '@/lib/api-error';
import { explainBookingError } from '../utils/explain-booking-error';
import type { InFlightBooking } from './in-flight-booking';

/** Each step of booking one show, as the person sees it. */
export type BookingState =
  | { step: 'choosing'; problem?: string; quantityError?: string }
  | { step: 'holding' }
  | { step: 'held'; booking: Booking; problem?: string }
  | { step: 'confirming'; booking: Booking }
  | { step: 'confirmed'; booking: Booking }
  | { step: 'expired' }
  | { step: 'cancelled' }
  | { step: 'checking' }
  | { step: 'unreachable' };

/**
 * What happened: the person asked for something, the server answered, or the hold ran out. What the
 * server says always applies, since it is the truth; a failure means something different in each step.
 */
export type BookingEvent =
  | { type: 'hold-requested' }
  | { type: 'confirm-requested' }
  | { type: 'check-requested' }
  | { type: 'server-answered'; booking: Booking }
  | { type: 'nothing-booked' }
  | { type: 'released' }
  | { type: 'failed'; error: unknown }
  | { type: 'hold-expired' }
  | { type: 'started-over' };

export const NOTHING_BOOKED =
  'We checked with the server: that booking did not go through and nothing is held. You can try again.';

/** A show with a booking of ours in flight starts by asking the server what became of it. */
export const initialBookingState = (showId: number, inFlight: InFlightBooking | null): BookingState =>
  inFlight?.showId === showId ? { step: 'checking' } : { step: 'choosing' };

/** The step a booking's server status puts us in. */
function stepOf(booking: Booking): BookingState {
  switch (booking.status) {
    case 'PENDING':
      return { step: 'held', booking };
    case 'CONFIRMED':
      return { step: 'confirmed', booking };
    case 'EXPIRED':
      return { step: 'expired' };
    case 'CANCELLED':
      return { step: 'cancelled' };
  }
}

function failed(state: BookingState, error: unknown): BookingState {
  const problem = explainBookingError(error);
  switch (state.step) {
    case 'holding':
      return { step: 'choosing', problem, quantityError: fieldErrorsOf(error).quantity };
    case 'held':
    case 'confirming':
      return { step: 'held', booking: state.booking, problem };
    case 'checking':
      // "We could not ask" is not "nothing happened": only a real answer ends the check.
      return hasCode(error, 'NETWORK_ERROR') ? { step: 'unreachable' } : { step: 'choosing', problem };
    default:
      // A late failure (say, after the hold ran out) changes nothing the person can still act on.
      return state;
  }
}

export function bookingFlow(state: BookingState, event: BookingEvent): BookingState {
  switch (event.type) {
    case 'hold-requested':
      return { step: 'holding' };
    case 'confirm-requested':
      return state.step === 'held' ? { step: 'confirming', booking: state.booking } : state;
    case 'check-requested':
      return { step: 'checking' };
    case 'server-answered':
      return stepOf(event.booking);
    case 'nothing-booked':
      return { step: 'choosing', problem: NOTHING_BOOKED };
    case 'released':
    case 'started-over':
      return { step: 'choosing' };
    case 'failed':
      return failed(state, event.error);
    case 'hold-expired':
      return { step: 'expired' };
  }
}
