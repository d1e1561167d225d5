import type { Occupancy } from '../model/occupancy';

/** Confirmed, held and free as one stacked bar; the numbers beside it carry the meaning. */
export function OccupancyBar({ occupancy }: { occupancy: Occupancy }) {
  const share = (n: number) => `${occupancy.total > 0 ? (n / occupancy.total) * 100 : 0}%`;
  return (
    <div aria-hidden="true" className="flex h-2 w-full overflow-hidden rounded-full bg-white/70">
      <div
        className="bg-indigo-600 transition-[width] duration-500 motion-reduce:transition-none"
        style={{ width: share(occupancy.confirmed) }}
      />
      <div
        className="bg-amber-400 transition-[width] duration-500 motion-reduce:transition-none"
        style={{ width: share(occupancy.held) }}
      />
    </div>
  );
}
