import type { MyBooking } from '@holdfast/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { cn } from '@/components/ui/cn';
import { FocusHeading } from '@/components/ui/focus-heading';
import { formatPlaces, formatShowTime } from '@/lib/format';
import { canCancel, statusLabel } from '../model/booking-status';
import { CancelBooking } from './cancel-booking';

const statusStyle = {
  PENDING: 'bg-amber-100 text-amber-900',
  CONFIRMED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-slate-200 text-slate-700',
  EXPIRED: 'bg-slate-200 text-slate-700',
} as const;

const linkClass = 'text-sm font-semibold text-indigo-700 underline';

export function MyBookingItem({ booking }: { booking: MyBooking }) {
  const headingId = `booking-${booking.id}`;
  const when = formatShowTime(booking.showStartTime, booking.showTimeZone);
  // The cancel button goes away with the cancel: focus lands on the result, not on <body>.
  const [cancellingHere, setCancellingHere] = useState(false);
  return (
    <article
      aria-labelledby={headingId}
      className="glass flex flex-col gap-2 rounded-2xl p-4 sm:flex-row sm:flex-wrap sm:items-center"
    >
      <div className="flex flex-1 flex-col gap-1">
        <h3 id={headingId} className="font-semibold">
          <Link to={`/shows/${booking.showId}`} className="hover:underline">
            {booking.showName}
          </Link>
        </h3>
        <p className="text-sm text-slate-700">
          <time dateTime={booking.showStartTime}>{when}</time> ·{' '}
          <span className="tabular-nums">{formatPlaces(booking.quantity)}</span>
          {booking.reference && (
            <>
              {' '}
              · Ref. <span className="font-mono">{booking.reference}</span>
            </>
          )}
        </p>
      </div>
      <span
        className={cn(
          'self-start rounded-full px-2.5 py-0.5 text-xs font-semibold sm:self-center',
          statusStyle[booking.status],
        )}
      >
        {statusLabel[booking.status]}
      </span>
      {booking.status === 'PENDING' && canCancel(booking) && (
        <Link to={`/shows/${booking.showId}?booking=${booking.id}`} className={linkClass}>
          Continue booking
        </Link>
      )}
      {booking.reference && (
        <Link to={`/bookings/${booking.id}`} className={linkClass} aria-label={`Receipt for ${booking.showName}`}>
          Receipt
        </Link>
      )}
      {canCancel(booking) && (
        <CancelBooking bookingId={booking.id} showName={booking.showName} onCancel={() => setCancellingHere(true)} />
      )}
      {cancellingHere && booking.status === 'CANCELLED' && (
        <FocusHeading level={3} className="w-full text-sm font-semibold">
          Booking cancelled: its places went back to others.
        </FocusHeading>
      )}
    </article>
  );
}
