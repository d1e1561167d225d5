const KEY = 'holdfast.inFlightBooking';

/**
 * This tab's booking of one show whose outcome we may not have seen yet, kept across reloads. While the
 * hold request is unanswered it carries the request's Idempotency-Key, so recovering means sending the
 * same request with the same key again; once the server has answered it carries the booking's id, so
 * recovering means reading that booking.
 */
export type InFlightBooking = { showId: number; quantity: number } & (
  { idempotencyKey: string; bookingId?: never } | { bookingId: number; idempotencyKey?: never }
);

function isInFlightBooking(value: unknown): value is InFlightBooking {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.showId !== 'number' || typeof record.quantity !== 'number') return false;
  return typeof record.idempotencyKey === 'string' || typeof record.bookingId === 'number';
}

export const inFlightBooking = {
  /** This tab's record for `showId`, if any (records of older versions without a key or id are ignored). */
  read(showId: number): InFlightBooking | null {
    try {
      const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
      return isInFlightBooking(value) && value.showId === showId ? value : null;
    } catch {
      return null;
    }
  },
  write: (value: InFlightBooking) => sessionStorage.setItem(KEY, JSON.stringify(value)),
  clear: () => sessionStorage.removeItem(KEY),
};
