import type { MyWaitlistEntry } from '@holdfast/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useConfirmBooking } from '@/api/confirm-booking';
import { HoldCountdown } from '@/components/hold-countdown';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatPlaces, formatShowTime } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import { useMyWaitlistEntries } from '../api/waitlist';
import { useWaitlistOffers } from '../hooks/use-waitlist-offers';

/** Every open offer of the signed-in person, on every page: freed places wait for them for a limited time. */
export function OfferBanner({ signedIn }: { signedIn: boolean }) {
  useWaitlistOffers(signedIn);
  const entries = useMyWaitlistEntries({ enabled: signedIn });
  const offers = signedIn ? (entries.data ?? []).filter((e) => e.status === 'OFFERED' && e.expiresAt) : [];
  return (
    <section aria-live="polite" aria-label="Waitlist offers" className="mx-auto w-full max-w-6xl px-4 sm:px-6">
      {offers.map((offer) => (
        <Offer key={offer.id} offer={offer} />
      ))}
    </section>
  );
}

function Offer({ offer }: { offer: MyWaitlistEntry }) {
  const queryClient = useQueryClient();
  const confirm = useConfirmBooking();
  const lapsed = () => void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myWaitlistEntries() });
  const problem =
    confirm.isError &&
    (hasCode(confirm.error, 'HOLD_EXPIRED')
      ? 'The time to accept ran out, so the places went to the next person waiting.'
      : explainError(confirm.error));
  return (
    <div
      role="region"
      aria-labelledby={`offer-${offer.id}`}
      className={cn(
        'mt-4 flex flex-col gap-3 rounded-2xl bg-emerald-50 p-4 ring-1 ring-emerald-200',
        'sm:flex-row sm:items-center',
      )}
    >
      <div className="flex flex-1 flex-col gap-1">
        <h2 id={`offer-${offer.id}`} className="font-semibold text-emerald-900">
          Places freed up for you
        </h2>
        <p>
          <strong>{formatPlaces(offer.quantity)}</strong> on{' '}
          <Link to={`/shows/${offer.showId}`} className="underline">
            {offer.showName}
          </Link>
          , <time dateTime={offer.showStartTime}>{formatShowTime(offer.showStartTime, offer.showTimeZone)}</time>,{' '}
          {offer.quantity === 1 ? 'is held for you. Confirm to book it.' : 'are held for you. Confirm to book them.'}
        </p>
        {problem && (
          <p role="alert" className="text-rose-700">
            {problem}
          </p>
        )}
      </div>
      <HoldCountdown expiresAt={offer.expiresAt!} onExpire={lapsed} label="Time left to accept" />
      <Button
        disabled={confirm.isPending}
        onClick={() => confirm.mutate(offer.bookingId!)}
        aria-describedby={`offer-${offer.id}`}
      >
        {confirm.isPending ? 'Confirming…' : 'Confirm booking'}
      </Button>
    </div>
  );
}
