const KEY = 'holdfast.inFlightBooking';

/**
 * What we know about a booking whose outcome we may not have seen yet. Written before each request,
 * so a reload or a lost response never leaves us guessing: we ask the server instead.
 */
export interface InFlightBooking {
  showId: number;
  quantity: number;
  /** Local time when we asked to hold, to recognise the hold in my-bookings if the answer was lost. */
  requestedAt: number;
  bookingId?: number;
}

export const inFlightBooking = {
  read(): InFlightBooking | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as InFlightBooking | null;
      return value && typeof value.showId === 'number' && typeof value.quantity === 'number' ? value : null;
    } catch {
      return null;
    }
  },
  write: (value: InFlightBooking) => sessionStorage.setItem(KEY, JSON.stringify(value)),
  clear: () => sessionStorage.removeItem(KEY),
};
