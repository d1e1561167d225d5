import type { ShowBooking } from '@holdfast/contracts';
import { formatShowTime } from '@/lib/format';

const statusLabel = { PENDING: 'Held', CONFIRMED: 'Confirmed', CANCELLED: 'Cancelled', EXPIRED: 'Expired' } as const;

/**
 * A show's bookings: a table from the small breakpoint up; below it each row stacks into a card (the person on
 * one line, their email on the next, then places, status and time), since four columns left an email a few
 * letters a line on a 375 px phone. The explicit roles keep it a table for screen readers whatever the display.
 */
export function ShowBookings({ bookings }: { bookings: ShowBooking[] }) {
  if (bookings.length === 0) return <p className="text-slate-700">No bookings yet.</p>;
  return (
    <table role="table" className="block w-full text-left text-sm sm:table">
      <caption className="sr-only">Bookings of this show, newest first</caption>
      <thead className="sr-only sm:not-sr-only sm:table-header-group">
        <tr role="row" className="border-b border-white/70">
          <th role="columnheader" scope="col" className="p-2">
            Person
          </th>
          <th role="columnheader" scope="col" className="p-2 text-right">
            Places
          </th>
          <th role="columnheader" scope="col" className="p-2">
            Status
          </th>
          <th role="columnheader" scope="col" className="p-2">
            Booked
          </th>
        </tr>
      </thead>
      <tbody className="block sm:table-row-group">
        {bookings.map((booking) => (
          <tr
            key={booking.id}
            role="row"
            className="flex flex-wrap gap-x-3 border-b border-white/50 py-2 last:border-0 sm:table-row sm:py-0"
          >
            <td role="cell" className="w-full sm:w-auto sm:p-2">
              {booking.userName}{' '}
              <span className="block text-slate-600 [overflow-wrap:anywhere] sm:inline">({booking.userEmail})</span>
              {booking.reference && <span className="block font-mono text-xs">{booking.reference}</span>}
            </td>
            <td role="cell" className="tabular-nums sm:p-2 sm:text-right">
              {booking.quantity}
              <span className="sm:hidden"> {booking.quantity === 1 ? 'place' : 'places'}</span>
            </td>
            <td role="cell" className="font-medium sm:p-2 sm:font-normal">
              {statusLabel[booking.status]}
            </td>
            <td role="cell" className="text-slate-700 sm:p-2 sm:text-inherit">
              {formatShowTime(booking.createdAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
