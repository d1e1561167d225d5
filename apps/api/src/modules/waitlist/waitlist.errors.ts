import { AppError } from '../../platform/errors.js';

export const placesAvailable = (available: number) =>
  new AppError(
    'PLACES_AVAILABLE',
    `${available} place(s) are free on this show: book them now instead of waiting`,
    409,
    { availableSlots: available },
  );
export const alreadyWaiting = (entryId: number) =>
  new AppError('ALREADY_WAITING', 'You are already on the waitlist of this show: leave it first to change it', 409, {
    entryId,
  });
export const notWaiting = () => new AppError('NOT_WAITING', 'You are not on the waitlist of this show', 404);
/** The same refusal as a booking's on a started show (bookings.errors.ts). */
export const showStarted = () => new AppError('SHOW_STARTED', 'This show has already started', 409);
