import { Link, useNavigate } from 'react-router';
import { useShow } from '@/api/get-show';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { useShowBookings } from '../api/get-show-bookings';
import { occupancyOf } from '../model/occupancy';
import { DeleteShow } from './delete-show';
import { EditShow } from './edit-show';
import { OccupancyBar } from './occupancy-bar';
import { ShowBookings } from './show-bookings';

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
    <div className="grid gap-5 lg:grid-cols-2">
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Edit</h2>
        <EditShow key={show.data.id} show={show.data} />
        <DeleteShow showId={showId} showName={show.data.name} onDeleted={() => void navigate('/admin')} />
      </Card>
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Occupancy</h2>
        <p className="tabular-nums" aria-live="polite">
          {occupancy.confirmed} confirmed · {occupancy.held} held · {occupancy.free} free of {occupancy.total}
        </p>
        <OccupancyBar occupancy={occupancy} />
        <h2 className="text-lg font-semibold">Bookings</h2>
        {bookings.isPending ? (
          <Skeleton className="h-24" />
        ) : bookings.isError ? (
          <p role="alert">{explainError(bookings.error)}</p>
        ) : (
          <ShowBookings bookings={bookings.data} />
        )}
      </Card>
    </div>
  );
}
