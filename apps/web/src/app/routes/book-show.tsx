import { MAX_QUANTITY } from '@holdfast/contracts';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useShow } from '@/api/get-show';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { Page } from '@/components/ui/page';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { BookingFlowProvider } from '@/features/booking/components/booking-flow-provider';
import { BookingPanel } from '@/features/booking/components/booking-panel';
import { ShowSummary } from '@/features/shows/components/show-summary';
import { showState } from '@/features/shows/model/show-state';
import { useNowAt } from '@/hooks/use-now-at';
import { JoinWaitlist } from '@/features/waitlist/components/join-waitlist';
import { useWatchedShows } from '@/hooks/use-watched-shows';
import { hasCode } from '@/lib/api-error';

const closedReasons = {
  'sold-out': 'This show is sold out. Places may free up if someone cancels or a hold runs out.',
  started: 'This show has already started, so it can no longer be booked.',
  open: undefined,
} as const;

export function BookShowRoute() {
  const id = Number(useParams().id);
  const location = useLocation();
  // "Continue booking" names the hold to resume; without it the page still resumes the person's live hold.
  const linkedBookingId = Number(useSearchParams()[0].get('booking')) || undefined;
  const { status } = useAuth();
  const show = useShow(id, { enabled: Number.isInteger(id) && id > 0 });
  // This page shows one show's count: it needs no other show's changes.
  useWatchedShows(Number.isInteger(id) && id > 0 ? [id] : []);
  // Booking closes at the start time while the page is open, without a reload.
  const now = useNowAt(show.data ? [Date.parse(show.data.startTime)] : []);

  if (!Number.isInteger(id) || id <= 0 || hasCode(show.error, 'SHOW_NOT_FOUND')) {
    return (
      <Notice
        title="Show not found"
        action={
          <Link to="/" className={buttonClass()}>
            Back to shows
          </Link>
        }
      >
        This show does not exist, or it was removed.
      </Notice>
    );
  }
  if (show.isError) {
    return <ServerErrorNotice error={show.error} onRetry={() => void show.refetch()} />;
  }
  if (show.isPending) return <Skeleton className="h-64" />;

  return (
    <Page
      title={show.data.name}
      actions={
        <Link to="/" className={buttonClass('ghost')}>
          ← All shows
        </Link>
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <ShowSummary show={show.data} />
        </Card>
        {status === 'authenticated' ? (
          <div className="flex flex-col gap-4">
            <BookingFlowProvider key={id} showId={id} bookingId={linkedBookingId}>
              <BookingPanel
                showId={id}
                availableSlots={show.data.availableSlots}
                closedReason={closedReasons[showState(show.data, now)]}
              />
            </BookingFlowProvider>
            {/* Fewer places left than one may book at once: someone may want more than there are. */}
            {showState(show.data, now) !== 'started' && show.data.availableSlots < MAX_QUANTITY && (
              <JoinWaitlist key={`waitlist-${id}`} showId={id} availableSlots={show.data.availableSlots} />
            )}
          </div>
        ) : status === 'loading' ? (
          <Skeleton className="h-40" />
        ) : (
          <Card className="flex flex-col items-start gap-3">
            <p>Log in to hold places on this show.</p>
            <Link to="/login" state={{ from: location.pathname }} className={buttonClass()}>
              Log in to book
            </Link>
          </Card>
        )}
      </div>
    </Page>
  );
}
