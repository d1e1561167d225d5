import type { BookingStatus, MyBooking } from '@holdfast/contracts';

export const statusLabel: Record<BookingStatus, string> = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
};

/** Mirrors the server's rule, only to hide a button it would refuse; the server still decides. */
export function canCancel(booking: MyBooking, now = Date.now()): boolean {
  if (booking.status === 'PENDING') return Date.parse(booking.expiresAt) > now;
  return booking.status === 'CONFIRMED' && Date.parse(booking.showStartTime) > now;
}
