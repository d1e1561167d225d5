import { useId, useState } from 'react';
import { MorePages } from '@/components/more-pages';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { explainError } from '@/lib/explain-error';
import { formatShowTime } from '@/lib/format';
import { loadedEvents, useShowEvents } from '../api/get-show-events';
import { describeActor, describeEvent } from '../model/event-wording';

/** A show's audit trail, newest first: asked for only when the admin opens it. */
export function ShowTimeline({ showId }: { showId: number }) {
  const [open, setOpen] = useState(false);
  const pages = useShowEvents(showId, open);
  const events = loadedEvents(pages.data?.pages);
  const listId = useId();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          History
        </h2>
        <Button variant="secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? 'Hide history' : 'Show history'}
        </Button>
      </div>
      <div id={listId} hidden={!open} aria-live="polite" aria-busy={pages.isFetching}>
        {!open ? null : pages.isPending ? (
          <Skeleton className="h-24" />
        ) : pages.isError && events.length === 0 ? (
          <p role="alert">{explainError(pages.error)}</p>
        ) : events.length === 0 ? (
          <p className="text-slate-700">Nothing has happened to this show yet.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-white/60" aria-label="Events, newest first">
            {events.map((event) => (
              <li key={event.id} className="flex flex-col gap-0.5 py-2">
                <p className="font-medium">{describeEvent(event)}</p>
                <p className="text-sm text-slate-700">
                  {describeActor(event.actor)} ·{' '}
                  <time dateTime={event.occurredAt}>{formatShowTime(event.occurredAt)}</time>
                  {event.bookingId !== null && ` · booking #${event.bookingId}`}
                </p>
              </li>
            ))}
          </ol>
        )}
        {open && <MorePages pages={pages} />}
      </div>
    </section>
  );
}
