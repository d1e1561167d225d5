import type { ShowOccupancy } from '@holdfast/contracts';
import { formatCount, formatShowTime } from '@/lib/format';

/** The chart draws this many shows at most; the table and the CSV have them all. */
export const MAX_CHARTED_SHOWS = 60;

const parts = [
  { key: 'confirmed', label: 'Confirmed', className: 'bg-indigo-600' },
  { key: 'held', label: 'Held', className: 'bg-amber-400' },
  { key: 'free', label: 'Free', className: 'bg-white' },
] as const;

/**
 * One stacked bar per show (confirmed, held, free, as shares of its places), drawn with plain boxes so that no
 * chart library ships and the labels stay at reading size on a phone (a scaled SVG shrank them to 6 px there).
 * Each bar is named by its show and time, in the show's zone, since a series repeats one name. Loaded lazily by
 * the report, so it never reaches the public pages. The figures are in the table below it.
 */
export default function OccupancyChart({ shows }: { shows: ShowOccupancy[] }) {
  const charted = shows.slice(0, MAX_CHARTED_SHOWS);
  const shown = formatCount(charted.length, 'show');
  return (
    <figure className="flex flex-col gap-3">
      <div
        role="img"
        aria-label={`Occupancy of ${shown}: places confirmed, held and free; figures in the table`}
        className="flex flex-col gap-2"
      >
        {charted.map((show) => (
          <div
            key={show.showId}
            title={
              `${show.name}, ${formatShowTime(show.startTime, show.timeZone)}: ${show.confirmed} confirmed, ` +
              `${show.held} held, ${show.free} free of ${show.total}`
            }
            className="grid gap-1 text-xs sm:grid-cols-[16rem_1fr] sm:items-center sm:gap-3"
          >
            <p className="truncate text-slate-800">
              {show.name} <span className="text-slate-600">{formatShowTime(show.startTime, show.timeZone)}</span>
            </p>
            <div className="flex h-4 overflow-hidden rounded border border-indigo-200 bg-white">
              {parts.map((part) => (
                <div
                  key={part.key}
                  className={part.className}
                  style={{ width: show.total > 0 ? `${(show[part.key] / show.total) * 100}%` : 0 }}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <figcaption className="flex flex-wrap gap-4 text-sm">
        {parts.map((part) => (
          <span key={part.key} className="flex items-center gap-1">
            <span aria-hidden="true" className={`size-3 rounded-sm border border-indigo-300 ${part.className}`} />
            {part.label}
          </span>
        ))}
        {shows.length > charted.length && <span>The first {charted.length} shows are drawn; the table has all.</span>}
      </figcaption>
    </figure>
  );
}
