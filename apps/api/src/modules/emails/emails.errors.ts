import { AppError } from '../../platform/errors.js';

export const calendarNeedsConfirmation = (status: string) =>
  new AppError(
    'BOOKING_NOT_CONFIRMED',
    `Only a confirmed booking has a calendar entry; this one is ${status.toLowerCase()}`,
    409,
  );
