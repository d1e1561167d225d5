import { AppError } from '../../platform/errors.js';

/** 404 for a booking that does not exist and for one that is someone else's: never reveal the latter. */
export const bookingNotFound = () => new AppError('BOOKING_NOT_FOUND', 'This booking does not exist', 404);
export const soldOut = (available: number) =>
  new AppError(
    'SOLD_OUT',
    available === 0 ? 'This show is sold out' : `Only ${available} place(s) left for this show`,
    409,
    { availableSlots: available },
  );
export const showStarted = () => new AppError('SHOW_STARTED', 'This show has already started', 409);
export const holdExpired = () =>
  new AppError('HOLD_EXPIRED', 'The hold on these places has expired: book again if places are left', 409);
export const notPending = (status: string) =>
  new AppError('BOOKING_NOT_PENDING', `This booking is ${status.toLowerCase()}, not pending`, 409, { status });
export const notCancellable = (reason: string) => new AppError('BOOKING_NOT_CANCELLABLE', reason, 409);
/** One live hold per show is enough to finish a booking; details.bookingId names it so the client resumes it. */
export const holdExists = (bookingId: number) =>
  new AppError('HOLD_EXISTS', 'You already hold places on this show: confirm or cancel that hold first', 409, {
    bookingId,
  });
