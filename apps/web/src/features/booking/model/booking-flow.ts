import type { Booking } from '@holdfast/contracts';
import { fieldErrorsOf, hasCode } from '@/lib/api-error';
import { explainBookingError } from '../utils/explain-booking-error';

/** Each step of booking one show, as the person sees it. */
export type BookingState =
  | { step: 'checking' }
  /** released: the person has just let their hold go (the page says so, and focus lands there). */
  | { step: 'choosing'; problem?: string; quantityError?: string; released?: true }
  | { step: 'holding' }
  | { step: 'held'; booking: Booking; problem?: string; note?: string }
  | { step: 'confirming'; booking: Booking }
  | { step: 'confirmed'; booking: Booking }
  | { step: 'expired' }
  | { step: 'cancelled' }
  | { step: 'unreachable' };

/**
 * What happened: the person asked for something, the server answered, or the hold ran out. What the
 * server says always applies, since it is the truth; a failure means something different in each step.
 */
export type BookingEvent =
  | { type: 'hold-requested' }
  | { type: 'confirm-requested' }
  | { type: 'check-requested' }
  | { type: 'server-answered'; booking: Booking; note?: string }
  /** A re-read nobody asked for (focus, a live update, another tab): it may only update what is on screen. */
  | { type: 'refreshed'; booking: Booking }
  | { type: 'no-hold' }
  | { type: 'released' }
  | { type: 'failed'; error: unknown }
  | { type: 'hold-expired' }
  | { type: 'started-over' };

export const HOLD_ALREADY_EXISTS =
  'You already had places held on this show, so no second hold was made. Here it is: confirm or release it.';

/** Every booking page starts by asking the server whether a booking of this show is under way. */
export const initialBookingState: BookingState = { step: 'checking' };

/** The step a booking's server status puts us in. */
function stepOf(booking: Booking, note?: string): BookingState {
  switch (booking.status) {
    case 'PENDING':
      return note ? { step: 'held', booking, note } : { step: 'held', booking };
    case 'CONFIRMED':
      return { step: 'confirmed', booking };
    case 'EXPIRED':
      return { step: 'expired' };
    case 'CANCELLED':
      return { step: 'cancelled' };
  }
}

function refreshed(state: BookingState, booking: Booking): BookingState {
  // The hold on screen was confirmed, cancelled or ran out elsewhere: stop offering it.
  if (state.step === 'held' && state.booking.id === booking.id && booking.status !== 'PENDING') return stepOf(booking);
  // A hold made in another tab: resume it rather than offer a second one.
  if (state.step === 'choosing' && booking.status === 'PENDING') return stepOf(booking);
  // Anything else (our own confirm in flight, a finished outcome) is not the re-read's to change.
  return state;
}

function failed(state: BookingState, error: unknown): BookingState {
  const problem = explainBookingError(error);
  // "We could not ask" is not "nothing happened": the outcome stays open until the server tells.
  const unknown = hasCode(error, 'NETWORK_ERROR');
  switch (state.step) {
    case 'holding':
      return unknown
        ? { step: 'unreachable' }
        : { step: 'choosing', problem, quantityError: fieldErrorsOf(error).quantity };
    case 'held':
    case 'confirming':
      return { step: 'held', booking: state.booking, problem };
    case 'checking':
      return unknown ? { step: 'unreachable' } : { step: 'choosing', problem };
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
      return stepOf(event.booking, event.note);
    case 'refreshed':
      return refreshed(state, event.booking);
    case 'released':
      return { step: 'choosing', released: true };
    case 'no-hold':
    case 'started-over':
      return { step: 'choosing' };
    case 'failed':
      return failed(state, event.error);
    case 'hold-expired':
      return { step: 'expired' };
  }
}
