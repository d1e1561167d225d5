import type { Show } from '@holdfast/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { loadedShows, useShowPages } from '@/api/get-shows';
import { MorePages, type PagedQuery } from '@/components/more-pages';
import { Notice } from '@/components/ui/notice';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { useWatchedShows } from '@/hooks/use-watched-shows';
import { useNowAt } from '@/hooks/use-now-at';
import { serverNow } from '@/lib/server-clock';
import { filterShows, windowOf, type ShowFilter } from '../utils/filter-shows';
import { groupByDay, nextDayStart } from '../utils/group-by-day';
import { useAvailabilityAnnouncement } from '../hooks/use-availability-announcement';
import { useStartedAnnouncement } from '../hooks/use-started-announcement';
import { ShowCard } from './show-card';
import { ShowFilters } from './show-filters';
import { ShowListSkeleton } from './show-list-skeleton';

export function ShowList() {
  // Filters live in the URL so a reload or a shared link keeps them.
  const [params, setParams] = useSearchParams();
  const filter: ShowFilter = { search: params.get('q') ?? '', date: params.get('date') ?? '' };
  const pages = useShowPages(windowOf(filter));
  const shows = useMemo(() => loadedShows(pages.data), [pages.data]);
  const announcement = useAvailabilityAnnouncement(pages.data ? shows : undefined);
  // Live counts for the loaded shows only (new shows reach every watcher anyway). Until they load, and while
  // there are none, every change.
  useWatchedShows(shows.length > 0 ? shows.map((show) => show.id) : 'all');
  const setFilter = (next: ShowFilter) =>
    setParams(Object.fromEntries(Object.entries({ q: next.search, date: next.date }).filter(([, v]) => v)), {
      replace: true,
    });

  // The filters stay mounted through every state, so a date being typed keeps its focus while pages load.
  return (
    <div className="flex flex-col gap-4">
      <ShowFilters filter={filter} onChange={setFilter} />
      {pages.isPending ? (
        <ShowListSkeleton />
      ) : pages.isError ? (
        <ServerErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <LoadedShows shows={shows} filter={filter} announcement={announcement} pages={pages} />
      )}
    </div>
  );
}

type LoadedShowsProps = {
  shows: Show[];
  filter: ShowFilter;
  announcement: string;
  pages: PagedQuery;
};

function LoadedShows({ shows, filter, announcement, pages }: LoadedShowsProps) {
  // The shows on screen, in order, under a heading per day.
  const visible = filterShows(shows, filter);
  // One timer for the whole list: the next start among the shows on screen, or the next midnight in one of
  // their zones, when "Tomorrow" becomes "Today" there.
  const zones = new Set(visible.map((show) => show.timeZone));
  const clock = serverNow();
  const now = useNowAt([
    ...visible.map((show) => Date.parse(show.startTime)),
    ...[...zones].map((zone) => nextDayStart(clock, zone)),
  ]);
  const days = groupByDay(visible, { now, timeZoneOf: (show) => show.timeZone });
  const started = useStartedAnnouncement(visible, now);
  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p aria-live="polite" className="sr-only">
        {started}
      </p>
      {shows.length === 0 && !filter.date ? (
        <Notice title="No shows yet">New shows appear here as soon as they are added.</Notice>
      ) : visible.length === 0 ? (
        <Notice title="No shows match">Try another name or date, or clear the filters.</Notice>
      ) : (
        <div className="flex flex-col gap-6">
          {days.map(({ day, label, shows: showsOfDay }) => (
            <section key={day} aria-labelledby={`day-${day}`} className="flex flex-col gap-3">
              <h2 id={`day-${day}`} className="text-lg font-semibold text-slate-800">
                {label}
              </h2>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {showsOfDay.map((show) => (
                  <li key={show.id} className="flex flex-col">
                    <ShowCard show={show} now={now} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <MorePages pages={pages} />
    </>
  );
}
