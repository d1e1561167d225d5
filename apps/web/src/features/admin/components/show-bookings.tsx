import type { ShowBooking } from '@holdfast/contracts';
import { formatShowTime } from '@/lib/format';

const statusLabel = { PENDING: 'Held', CONFIRMED: 'Confirmed', CANCELLED: 'Cancelled', EXPIRED: 'Expired' } as const;

export function ShowBookings({ bookings }: { bookings: ShowBooking[] }) {
  if (bookings.length === 0) return <p className="text-slate-700">No bookings yet.</p>;
  return (
    // Narrow screens wrap the cells instead of scrolling; if a long word still overflows, the scroll area is a
    // labelled, focusable region, so the keyboard can reach every column (axe: scrollable-region-focusable).
    <div role="region" aria-label="Bookings" tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Bookings of this show, newest first</caption>
        <thead>
          <tr className="border-b border-white/70">
            <th scope="col" className="p-2">
              Person
            </th>
            <th scope="col" className="p-2 text-right">
              Places
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
            <th scope="col" className="p-2">
              Booked
            </th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((booking) => (
            <tr key={booking.id} className="border-b border-white/50 last:border-0">
              <td className="p-2 [overflow-wrap:anywhere]">
                {booking.userName} <span className="text-slate-600">({booking.userEmail})</span>
                {booking.reference && (
                  <span className="block font-mono text-xs [overflow-wrap:normal]">{booking.reference}</span>
                )}
              </td>
              <td className="p-2 text-right tabular-nums">{booking.quantity}</td>
              <td className="p-2">{statusLabel[booking.status]}</td>
              <td className="p-2">{formatShowTime(booking.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
