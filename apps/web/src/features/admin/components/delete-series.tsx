import type { SeriesDeletion } from '@holdfast/contracts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { explainError } from '@/lib/explain-error';
import { formatCount } from '@/lib/format';
import { useDeleteSeries } from '../api/series';

function report(outcome: SeriesDeletion): string {
  const parts = [`Deleted ${formatCount(outcome.deleted.length, 'future show')}.`];
  if (outcome.cancelledBookings.length > 0)
    parts.push(`Cancelled ${formatCount(outcome.cancelledBookings.length, 'booking')}.`);
  if (outcome.kept.length > 0) {
    const kept = outcome.kept.map((k) => `show ${k.showId} (${k.activeBookings} active)`).join(', ');
    parts.push(`Kept ${outcome.kept.length} with active bookings: ${kept}.`);
  }
  if (outcome.started.length > 0)
    parts.push(`${formatCount(outcome.started.length, 'started show')} left as they are.`);
  return parts.join(' ');
}

/** Deletes the series' future shows, after a confirm step that offers to cancel their bookings first. */
export function DeleteSeries({ seriesId, seriesName }: { seriesId: number; seriesName: string }) {
  const [asking, setAsking] = useState(false);
  const [cancelBookings, setCancelBookings] = useState(false);
  const remove = useDeleteSeries(seriesId);
  return (
    <div className="flex flex-col items-start gap-2">
      <p role="status" aria-live="polite" className="text-sm">
        {remove.data && report(remove.data)}
      </p>
      {remove.isError && (
        <p role="alert" className="text-sm text-rose-700">
          {explainError(remove.error)}
        </p>
      )}
      {asking ? (
        <div role="group" aria-label={`Delete ${seriesName}?`} className="flex flex-col gap-2">
          <span className="text-sm">Delete the future shows of “{seriesName}”? Started shows stay.</span>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={cancelBookings}
              onChange={(event) => setCancelBookings(event.target.checked)}
            />
            Also cancel their bookings (holds and confirmed); otherwise shows with bookings are kept
          </label>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(cancelBookings, { onSuccess: () => setAsking(false) })}
            >
              {remove.isPending ? 'Deleting…' : 'Yes, delete'}
            </Button>
            <Button variant="ghost" onClick={() => setAsking(false)}>
              Keep them
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Delete future shows
        </Button>
      )}
    </div>
  );
}
