import { isApiError } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatPlaces } from '@/lib/format';

/** A refused booking in plain words: what happened and what the person can still do. */
export function explainBookingError(error: unknown): string {
  if (!isApiError(error)) return explainError(error);
  const details = (error.details ?? {}) as { availableSlots?: number };
  switch (error.code) {
    case 'SOLD_OUT': {
      const left = details.availableSlots;
      return left
        ? `Someone booked while you were looking: only ${formatPlaces(left)} left now. Choose fewer and try again.`
        : 'Someone booked the last places while you were looking. This show is now sold out.';
    }
    case 'SHOW_STARTED':
      return 'This show has already started, so it can no longer be booked.';
    case 'SHOW_NOT_FOUND':
      return 'This show no longer exists.';
    case 'HOLD_EXPIRED':
      return 'Your hold ran out before it was confirmed, so the places were released.';
    case 'HOLD_EXISTS':
      return 'You already hold places on this show. Confirm or release them in My bookings before booking again.';
    case 'BOOKING_NOT_CANCELLABLE':
      return 'This booking can no longer be cancelled.';
    default:
      return explainError(error);
  }
}
