import type { Show } from '@holdfast/contracts';
import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { showState } from '../model/show-state';
import { ShowSummary } from './show-summary';

export const stateLabel = { 'sold-out': 'Sold out', started: 'Started' } as const;

/** `now` comes from the list's one clock (useNowAt), so the card turns "Started" at its start without a reload. */
export function ShowCard({ show, now }: { show: Show; now?: number }) {
  const state = showState(show, now);
  const headingId = `show-${show.id}-name`;
  const reasonId = `show-${show.id}-closed`;
  return (
    <article
      aria-labelledby={headingId}
      aria-describedby={state === 'started' ? reasonId : undefined}
      // A started show stays where it was, greyed, until the list is next loaded (which leaves it out).
      className={cn('glass flex flex-1 flex-col gap-3 rounded-2xl p-5', state === 'started' && 'grayscale')}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={headingId} className="text-lg leading-snug font-semibold">
          {show.name}
        </h3>
        {state !== 'open' && (
          <span className="shrink-0 rounded-full bg-slate-800 px-2.5 py-0.5 text-xs font-semibold text-white">
            {stateLabel[state]}
          </span>
        )}
      </div>
      <ShowSummary show={show} />
      {state === 'open' && (
        <Link to={`/shows/${show.id}`} className={buttonClass('primary', 'self-start')}>
          Book
        </Link>
      )}
      {state === 'started' && (
        <p id={reasonId} className="text-sm text-slate-700">
          Booking has closed: this show has started.
        </p>
      )}
    </article>
  );
}
