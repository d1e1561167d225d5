import { Link } from 'react-router';
import { useMyBookings } from '@/api/get-my-bookings';
import { Button, buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { Skeleton } from '@/components/ui/skeleton';
import { explainError } from '@/lib/explain-error';
import { splitByStart } from '../model/split-by-start';
import { MyBookingSection } from './my-booking-section';

export function MyBookingList() {
  const bookings = useMyBookings();

  if (bookings.isPending) {
    return (
      <div role="status" aria-label="Loading your bookings" className="flex flex-col gap-3">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
    );
  }
  if (bookings.isError) {
    return (
      <Notice
        role="alert"
        title="Could not load your bookings"
        action={<Button onClick={() => void bookings.refetch()}>Try again</Button>}
      >
        {explainError(bookings.error)}
      </Notice>
    );
  }
  if (bookings.data.length === 0) {
    return (
      <Notice
        title="No bookings yet"
        action={
          <Link to="/" className={buttonClass()}>
            Browse shows
          </Link>
        }
      >
        When you book a show it appears here.
      </Notice>
    );
  }
  const { upcoming, past } = splitByStart(bookings.data);
  return (
    <div className="flex flex-col gap-6">
      <MyBookingSection title="Upcoming" bookings={upcoming} empty="Nothing coming up." />
      <MyBookingSection title="Past" bookings={past} empty="No past bookings." />
    </div>
  );
}
