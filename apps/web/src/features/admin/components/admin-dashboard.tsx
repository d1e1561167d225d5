import { useMemo, useState } from 'react';
import { loadedShows, useShowPages, type ShowWindow } from '@/api/get-shows';
import { MorePages } from '@/components/more-pages';
import { Notice } from '@/components/ui/notice';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { sumOccupancy } from '../model/occupancy';
import { useOccupancies } from '../hooks/use-occupancies';
import { AdminShowTable } from './admin-show-table';
import { AdminTotals } from './admin-totals';
import { CreateShow } from './create-show';
import { SeriesPanel } from './series-panel';
import { ShowPeriodSwitch, type ShowPeriod } from './show-period-switch';

/** Upcoming: soonest first, as the public list. Past: the server's `order=desc`, most recent first. */
const windows: Record<ShowPeriod, ShowWindow> = { upcoming: {}, past: { order: 'desc' } };

export function AdminDashboard() {
  const [period, setPeriod] = useState<ShowPeriod>('upcoming');
  const pages = useShowPages(windows[period]);
  const shows = useMemo(() => loadedShows(pages.data), [pages.data]);
  const occupancies = useOccupancies(shows);

  if (pages.isPending) return <Skeleton className="h-64" />;
  if (pages.isError) {
    return <ServerErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />;
  }
  return (
    <div className="flex flex-col gap-5">
      <AdminTotals showCount={shows.length} totals={sumOccupancy([...occupancies.values()])} />
      <CreateShow />
      <SeriesPanel />
      <section aria-labelledby="admin-shows-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="admin-shows-heading" className="text-lg font-semibold">
            All shows
          </h2>
          <ShowPeriodSwitch period={period} onChange={setPeriod} />
        </div>
        {shows.length === 0 ? (
          <Notice title={period === 'past' ? 'No past shows' : 'No shows yet'}>
            {period === 'past'
              ? 'Shows appear here once they have started.'
              : 'Create the first one with the form above.'}
          </Notice>
        ) : (
          <AdminShowTable shows={shows} occupancies={occupancies} />
        )}
        <MorePages pages={pages} />
      </section>
    </div>
  );
}
