import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Skeleton } from '@/components/ui/skeleton';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatShowTime } from '@/lib/format';
import { useSeries } from '../api/series';
import { DeleteSeries } from './delete-series';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function ManageSeries({ seriesId }: { seriesId: number }) {
  const series = useSeries(seriesId);
  if (hasCode(series.error, 'SERIES_NOT_FOUND')) {
    return <Notice title="Series not found">It may have been deleted with all its shows.</Notice>;
  }
  if (series.isError) {
    return (
      <Notice
        role="alert"
        title="Could not load the series"
        action={<Button onClick={() => void series.refetch()}>Try again</Button>}
      >
        {explainError(series.error)}
      </Notice>
    );
  }
  if (series.isPending) return <Skeleton className="h-64" />;
  const s = series.data;
  return (
    <div className="flex flex-col gap-5">
      <Card className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{s.name}</h2>
        <p className="text-sm">
          {`${s.weekdays.map((d) => DAY_NAMES[d - 1]).join(', ')} at ${s.times.join(', ')} (${s.timeZone}), `}
          {`${s.startDate} to ${s.endDate}, ${s.totalSlots} places each`}
        </p>
        <DeleteSeries seriesId={seriesId} seriesName={s.name} />
      </Card>
      <section aria-labelledby="series-shows-heading" className="flex flex-col gap-2">
        <h2 id="series-shows-heading" className="text-lg font-semibold">
          {`Shows (${s.shows.length})`}
        </h2>
        <ul className="flex flex-col gap-1">
          {s.shows.map((show) => (
            <li key={show.id} className="flex flex-wrap gap-x-2 text-sm">
              <Link className="text-indigo-900 underline" to={`/admin/shows/${show.id}`}>
                <time dateTime={show.startTime}>{formatShowTime(show.startTime, show.timeZone)}</time>
              </Link>
              <span className="tabular-nums text-slate-700">{`${show.availableSlots} of ${show.totalSlots} free`}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
