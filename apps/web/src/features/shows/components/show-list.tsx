import { useSearchParams } from 'react-router';
import { useShows } from '@/api/get-shows';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { useWatchedShows } from '@/hooks/use-watched-shows';
import { explainError } from '@/lib/explain-error';
import { filterShows, type ShowFilter } from '../utils/filter-shows';
import { useAvailabilityAnnouncement } from '../hooks/use-availability-announcement';
import { ShowCard } from './show-card';
import { ShowFilters } from './show-filters';
import { ShowListSkeleton } from './show-list-skeleton';

export function ShowList() {
  const shows = useShows();
  const announcement = useAvailabilityAnnouncement(shows.data);
  // Live counts for the shows on screen only. Until they load, and while there are none, every change: an empty
  // list still shows a new show the moment it is added.
  useWatchedShows(shows.data?.length ? shows.data.map((show) => show.id) : 'all');
  // Filters live in the URL so a reload or a shared link keeps them.
  const [params, setParams] = useSearchParams();
  const filter: ShowFilter = { search: params.get('q') ?? '', date: params.get('date') ?? '' };
  const setFilter = (next: ShowFilter) =>
    setParams(Object.fromEntries(Object.entries({ q: next.search, date: next.date }).filter(([, v]) => v)), {
      replace: true,
    });

  if (shows.isPending) return <ShowListSkeleton />;
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

  const visible = filterShows(shows.data, filter);
  return (
    <div className="flex flex-col gap-4">
      <ShowFilters filter={filter} onChange={setFilter} />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {shows.data.length === 0 ? (
        <Notice title="No shows yet">New shows appear here as soon as they are added.</Notice>
      ) : visible.length === 0 ? (
        <Notice title="No shows match">Try another name or date, or clear the filters.</Notice>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {visible.map((show) => (
            <li key={show.id} className="flex flex-col">
              <ShowCard show={show} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
