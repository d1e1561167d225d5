import { Link, useNavigate } from 'react-router';
import { useShow } from '@/api/get-show';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatShowTime } from '@/lib/format';
import { downloadShowBookings } from '../api/download-show-bookings';
import { useShowBookings } from '../api/get-show-bookings';
import { occupancyOf } from '../model/occupancy';
import { DeleteShow } from './delete-show';
import { DownloadButton } from './download-button';
import { EditShow } from './edit-show';
import { OccupancyBar } from './occupancy-bar';
import { ShowBookings } from './show-bookings';
import { ShowTimeline } from './show-timeline';

export function ManageShow({ showId }: { showId: number }) {
  const navigate = useNavigate();
  const show = useShow(showId);
  const bookings = useShowBookings(showId);

  if (hasCode(show.error, 'SHOW_NOT_FOUND')) {
    return (
      <Notice
        title="Show not found"
        action={
          <Link to="/admin" className={buttonClass()}>
            Back to dashboard
          </Link>
        }
      >
        It may have been deleted.
      </Notice>
    );
  }
  if (show.isError) {
    return <ServerErrorNotice error={show.error} onRetry={() => void show.refetch()} />;
  }
  if (show.isPending) return <Skeleton className="h-64" />;

  const occupancy = occupancyOf(show.data, bookings.data);
  return (
    // min-w-0: a grid item is never narrower than its content by default, so a wide table widened the page.
    <div className="grid gap-5 lg:grid-cols-2">
      <Card className="flex min-w-0 flex-col gap-4">
        <h2 className="text-lg font-semibold">Edit</h2>
        <p className="text-sm">
          Starts <time dateTime={show.data.startTime}>{formatShowTime(show.data.startTime, show.data.timeZone)}</time>
        </p>
        <EditShow key={show.data.id} show={show.data} />
        <DeleteShow showId={showId} showName={show.data.name} onDeleted={() => void navigate('/admin')} />
      </Card>
      <Card className="flex min-w-0 flex-col gap-4">
        <h2 className="text-lg font-semibold">Occupancy</h2>
        <p className="tabular-nums" aria-live="polite">
          {occupancy.confirmed} confirmed · {occupancy.held} held · {occupancy.free} free of {occupancy.total}
        </p>
        <OccupancyBar occupancy={occupancy} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">Bookings</h2>
          <DownloadButton
            label="Download bookings (CSV)"
            fileName={`show-${showId}-bookings.csv`}
            download={() => downloadShowBookings(showId)}
          />
        </div>
        {bookings.isPending ? (
          <Skeleton className="h-24" />
        ) : bookings.isError ? (
          <p role="alert">{explainError(bookings.error)}</p>
        ) : (
          <ShowBookings bookings={bookings.data} />
        )}
      </Card>
      <Card className="lg:col-span-2">
        <ShowTimeline showId={showId} />
      </Card>
    </div>
  );
}
