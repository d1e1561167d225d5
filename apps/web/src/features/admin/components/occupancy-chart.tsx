import type { ShowOccupancy } from '@holdfast/contracts';
import { formatShowTime } from '@/lib/format';

/** The chart draws this many shows at most; the table and the CSV have them all. */
export const MAX_CHARTED_SHOWS = 60;
const BAR = 22;
const GAP = 10;
const LABEL = 180;
const WIDTH = 640;

const parts = [
  { key: 'confirmed', label: 'Confirmed', className: 'fill-indigo-600' },
  { key: 'held', label: 'Held', className: 'fill-amber-400' },
  { key: 'free', label: 'Free', className: 'fill-white' },
] as const;

/**
 * One stacked bar per show (confirmed, held, free, as shares of its places), hand-drawn in SVG so that no chart
 * library ships. Loaded lazily by the report, so it never reaches the public pages. The figures are in the
 * table beside it; the chart names itself and each bar carries a title for pointer users.
 */
export default function OccupancyChart({ shows }: { shows: ShowOccupancy[] }) {
  const charted = shows.slice(0, MAX_CHARTED_SHOWS);
  const height = charted.length * (BAR + GAP);
  const barWidth = WIDTH - LABEL;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        role="img"
        aria-label={`Occupancy of ${charted.length} show(s): places confirmed, held and free; figures in the table`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full"
      >
        {charted.map((show, row) => {
          let x = LABEL;
          const y = row * (BAR + GAP);
          return (
            <g key={show.showId}>
              <title>
                {`${show.name}, ${formatShowTime(show.startTime)}: ${show.confirmed} confirmed, ${show.held} held, ` +
                  `${show.free} free of ${show.total}`}
              </title>
              <text x={0} y={y + BAR * 0.7} className="fill-slate-800 text-[12px]">
                {show.name.length > 26 ? `${show.name.slice(0, 25)}…` : show.name}
              </text>
              {parts.map((part) => {
                const width = show.total > 0 ? (show[part.key] / show.total) * barWidth : 0;
                const rect = (
                  <rect
                    key={part.key}
                    x={x}
                    y={y}
                    width={width}
                    height={BAR}
                    className={`${part.className} stroke-indigo-200`}
                  />
                );
                x += width;
                return rect;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm">
        {parts.map((part) => (
          <span key={part.key} className="flex items-center gap-1">
            <svg aria-hidden="true" width="12" height="12">
              <rect width="12" height="12" className={`${part.className} stroke-indigo-300`} />
            </svg>
            {part.label}
          </span>
        ))}
        {shows.length > charted.length && <span>The first {charted.length} shows are drawn; the table has all.</span>}
      </figcaption>
    </figure>
  );
}
