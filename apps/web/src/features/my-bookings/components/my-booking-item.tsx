import type { MyBooking } from '@holdfast/contracts';
import { Link } from 'react-router';
import { cn } from '@/components/ui/cn';
import { formatPlaces, formatShowTime } from '@/lib/format';
import { canCancel, statusLabel } from '../model/booking-status';
import { CancelBooking } from './cancel-booking';

const statusStyle = {
  PENDING: 'bg-amber-100 text-amber-900',
  CONFIRMED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-slate-200 text-slate-700',
  EXPIRED: 'bg-slate-200 text-slate-700',
} as const;

export function MyBookingItem({ booking }: { booking: MyBooking }) {
  const headingId = `booking-${booking.id}`;
  const when = formatShowTime(booking.showStartTime, booking.showTimeZone);
  return (
    <article
      aria-labelledby={headingId}
      className="glass flex flex-col gap-2 rounded-2xl p-4 sm:flex-row sm:items-center"
    >
      <div className="flex flex-1 flex-col gap-1">
        <h2 id={headingId} className="font-semibold">
          {booking.showName}
        </h2>
        <p className="text-sm text-slate-700">
          <time dateTime={booking.showStartTime}>{when}</time> ·{' '}
          <span className="tabular-nums">{formatPlaces(booking.quantity)}</span>
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
        <Link
          to={`/shows/${booking.showId}?booking=${booking.id}`}
          className="text-sm font-semibold text-indigo-700 underline"
        >
          Continue booking
        </Link>
      )}
      {canCancel(booking) && <CancelBooking bookingId={booking.id} showName={booking.showName} />}
    </article>
  );
}
