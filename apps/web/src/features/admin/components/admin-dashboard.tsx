import { useShows } from '@/api/get-shows';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { Skeleton } from '@/components/ui/skeleton';
import { explainError } from '@/lib/explain-error';
import { sumOccupancy } from '../model/occupancy';
import { useOccupancies } from '../hooks/use-occupancies';
import { AdminShowTable } from './admin-show-table';
import { AdminTotals } from './admin-totals';
import { CreateShow } from './create-show';

export function AdminDashboard() {
  const shows = useShows();
  const occupancies = useOccupancies(shows.data ?? []);

  if (shows.isPending) return <Skeleton className="h-64" />;
  if (shows.isError) {
    return (
      <Notice
        role="alert"
        title="Server unreachable"
        action={<Button onClick={() => void shows.refetch()}>Try again</Button>}
      >
        {explainError(shows.error)}
      </Notice>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <AdminTotals showCount={shows.data.length} totals={sumOccupancy([...occupancies.values()])} />
      <CreateShow />
      <section aria-labelledby="admin-shows-heading" className="flex flex-col gap-3">
        <h2 id="admin-shows-heading" className="text-lg font-semibold">
          All shows
        </h2>
        {shows.data.length === 0 ? (
          <Notice title="No shows yet">Create the first one with the form above.</Notice>
        ) : (
          <AdminShowTable shows={shows.data} occupancies={occupancies} />
        )}
      </section>
    </div>
  );
}
