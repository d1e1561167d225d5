import type { MyWaitlistEntry } from '@holdfast/contracts';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatPlaces, formatShowTime } from '@/lib/format';
import { isLive, useLeaveWaitlist, useMyWaitlistEntries } from '../api/waitlist';

/** In the show's own zone, and the viewer's beside it when that differs (as My bookings tells its bookings). */
const when = (entry: MyWaitlistEntry) => formatShowTime(entry.showStartTime, entry.showTimeZone);

/** The person's live waitlist entries, beside their bookings: where they stand, and a way out. */
export function MyWaitlistEntries() {
  const entries = useMyWaitlistEntries();
  const leave = useLeaveWaitlist();
  const live = (entries.data ?? []).filter(isLive);
  if (live.length === 0) return null;
  return (
    <section aria-labelledby="my-waitlist-heading" className="flex flex-col gap-3">
      <h2 id="my-waitlist-heading" className="text-lg font-semibold">
        Waitlists
      </h2>
      <ul className="flex flex-col gap-3">
        {live.map((entry) => (
          <li key={entry.id}>
            <Card className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link to={`/shows/${entry.showId}`} className="font-semibold underline">
                  {entry.showName}
                </Link>
                <p className="text-sm text-slate-700">
                  <time dateTime={entry.showStartTime}>{when(entry)}</time> · {formatPlaces(entry.quantity)} ·{' '}
                  {entry.status === 'OFFERED'
                    ? 'Offered: confirm it in the banner above'
                    : `Number ${entry.position} in line`}
                </p>
              </div>
              <Button
                variant="secondary"
                disabled={leave.isPending}
                onClick={() => leave.mutate(entry.showId)}
                aria-label={`Leave the waitlist of ${entry.showName}`}
              >
                Leave
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
