import { AppError } from '../../platform/errors.js';

export const showNotFound = () => new AppError('SHOW_NOT_FOUND', 'This show does not exist', 404);
export const slotsBelowTaken = (taken: number) =>
  new AppError(
    'SLOTS_BELOW_TAKEN',
    `${taken} places are already booked or held: total places cannot go below that`,
    409,
    { taken },
  );
export const showHasBookings = (active: number) =>
  new AppError('SHOW_HAS_BOOKINGS', `This show has ${active} active booking(s): cancel them before deleting it`, 409, {
    active,
  });
export const unknownTimeZone = (zone: string) =>
  new AppError('UNKNOWN_TIME_ZONE', `This server does not know the time zone "${zone}": pick another IANA name`, 400);
