import type { Series } from '@holdfast/contracts';
import { formatShowTime } from '@/lib/format';

/** The shows a series makes (or made), each in the series' zone with the viewer's time beside it. */
export function SeriesShows({ series, label }: { series: Series; label: string }) {
  return (
    <ol aria-label={label} className="max-h-72 overflow-y-auto rounded-xl bg-white/70 p-3 text-sm tabular-nums">
      {series.shows.map((show) => (
        <li key={`${show.id}-${show.startTime}`} className="py-0.5">
          <time dateTime={show.startTime}>{formatShowTime(show.startTime, show.timeZone)}</time>
        </li>
      ))}
    </ol>
  );
}
