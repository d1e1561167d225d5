import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Skeleton } from '@/components/ui/skeleton';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatPlaces, formatShowTime } from '@/lib/format';
import { useReceipt } from '../api/get-receipt';
import { CalendarButton } from './calendar-button';
import { ReceiptReference } from './receipt-reference';

const statusText = {
  PENDING: 'Held, not confirmed yet',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired: the hold ran out',
} as const;

/** What, when and where of one booking: the page to show at the door, print or add to a calendar. */
export function BookingReceipt({ bookingId }: { bookingId: number }) {
  const receipt = useReceipt(bookingId);
  if (hasCode(receipt.error, 'BOOKING_NOT_FOUND') || hasCode(receipt.error, 'SHOW_NOT_FOUND')) {
    return (
      <Notice
        title="Booking not found"
        action={
          <Link to="/my-bookings" className={buttonClass()}>
            My bookings
          </Link>
        }
      >
        There is no booking of yours with this number.
      </Notice>
    );
  }
  if (receipt.isError) {
    return (
      <Notice
        role="alert"
        title="Could not load this booking"
        action={<Button onClick={() => void receipt.refetch()}>Try again</Button>}
      >
        {explainError(receipt.error)}
      </Notice>
    );
  }
  if (receipt.isPending) return <Skeleton className="h-64" />;

  const { booking, show } = receipt.data;
  const reference = booking.reference;
  return (
    <Card className="flex flex-col gap-5">
      {reference ? (
        <ReceiptReference reference={reference} />
      ) : (
        <p>This booking has no reference: only a confirmed booking gets one.</p>
      )}
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">What</dt>
        <dd>
          <Link to={`/shows/${show.id}`} className="font-semibold text-indigo-700 underline">
            {show.name}
          </Link>
          , {formatPlaces(booking.quantity)}
        </dd>
        <dt className="font-semibold">When</dt>
        <dd>
          <time dateTime={show.startTime}>{formatShowTime(show.startTime, show.timeZone)}</time>
        </dd>
        <dt className="font-semibold">Where</dt>
        <dd>{show.location ?? 'No place given'}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{statusText[booking.status]}</dd>
      </dl>
      <div className="flex flex-wrap items-start gap-2 print:hidden">
        {booking.status === 'CONFIRMED' && reference && <CalendarButton booking={{ id: booking.id, reference }} />}
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
        <Link to="/my-bookings" className={buttonClass('ghost')}>
          All my bookings
        </Link>
      </div>
    </Card>
  );
}
