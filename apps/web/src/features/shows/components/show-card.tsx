import type { Show } from '@holdfast/contracts';
import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { showState } from '../model/show-state';
import { ShowSummary } from './show-summary';

export const stateLabel = { 'sold-out': 'Sold out', started: 'Started' } as const;

export function ShowCard({ show }: { show: Show }) {
  const state = showState(show);
  const headingId = `show-${show.id}-name`;
  return (
    <article aria-labelledby={headingId} className="glass flex flex-1 flex-col gap-3 rounded-2xl p-5">
      <div className="flex items-start justify-between gap-3">
        <h2 id={headingId} className="text-lg leading-snug font-semibold">
          {show.name}
        </h2>
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
    </article>
  );
}
