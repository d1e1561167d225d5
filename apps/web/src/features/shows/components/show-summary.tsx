import type { Show } from '@holdfast/contracts';
import { formatShowTime } from '@/lib/format';
import { AvailabilityBar } from './availability-bar';
import { LiveCount } from './live-count';

/** When and where a show is, and how many slots it has left, live. */
export function ShowSummary({ show }: { show: Show }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        <time dateTime={show.startTime}>{formatShowTime(show.startTime, show.timeZone)}</time>
      </p>
      {show.location && (
        <p className="text-sm text-slate-700">
          <span className="sr-only">Where: </span>
          {show.location}
        </p>
      )}
      <LiveCount available={show.availableSlots} total={show.totalSlots} />
      <AvailabilityBar available={show.availableSlots} total={show.totalSlots} />
    </div>
  );
}
