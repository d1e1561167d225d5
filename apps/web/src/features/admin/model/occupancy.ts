import type { Show, ShowBooking } from '@holdfast/contracts';

export interface Occupancy {
  confirmed: number;
  held: number;
  free: number;
  total: number;
}

/**
 * Confirmed and held slots come from the show's bookings; free comes from the show's live count,
 * which the socket keeps current between booking refetches.
 */
export function occupancyOf(show: Show, bookings: ShowBooking[] | undefined, now = Date.now()): Occupancy {
  let confirmed = 0;
  let held = 0;
  for (const booking of bookings ?? []) {
    if (booking.status === 'CONFIRMED') confirmed += booking.quantity;
    else if (booking.status === 'PENDING' && Date.parse(booking.expiresAt) > now) held += booking.quantity;
  }
  if (!bookings) confirmed = show.totalSlots - show.availableSlots;
  return { confirmed, held, free: show.availableSlots, total: show.totalSlots };
}

export function sumOccupancy(all: Occupancy[]): Occupancy {
  return all.reduce(
    (sum, o) => ({
      confirmed: sum.confirmed + o.confirmed,
      held: sum.held + o.held,
      free: sum.free + o.free,
      total: sum.total + o.total,
    }),
    { confirmed: 0, held: 0, free: 0, total: 0 },
  );
}
