import { joinWaitlistRequestSchema, MAX_QUANTITY } from '@holdfast/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { formatPlaces } from '@/lib/format';
import { isLive, useJoinWaitlist, useLeaveWaitlist, useMyWaitlistEntries } from '../api/waitlist';

/**
 * "Join the waitlist" for places a show cannot fit now (sold out, or fewer left than wanted); once joined, the
 * person's place in line and a way out. An offer itself shows in the banner at the top of every page.
 */
export function JoinWaitlist({ showId, availableSlots }: { showId: number; availableSlots: number }) {
  const entries = useMyWaitlistEntries();
  const entry = entries.data?.find((e) => e.showId === showId && isLive(e));
  const leave = useLeaveWaitlist();
  if (entries.isPending) return null;
  return (
    <Card role="region" aria-labelledby="waitlist-heading" className="flex flex-col gap-3">
      <h2 id="waitlist-heading" className="text-lg font-semibold">
        Waitlist
      </h2>
      {entry ? (
        <div role="status" className="flex flex-col items-start gap-3">
          <p>
            {entry.status === 'OFFERED'
              ? `Places are held for you: confirm them in the banner above.`
              : `You are number ${entry.position} in line for ${formatPlaces(entry.quantity)}. ` +
                'We will hold them for you as soon as they free up.'}
          </p>
          <Button variant="secondary" disabled={leave.isPending} onClick={() => leave.mutate(showId)}>
            {leave.isPending ? 'Leaving…' : 'Leave the waitlist'}
          </Button>
        </div>
      ) : (
        <JoinForm showId={showId} availableSlots={availableSlots} />
      )}
    </Card>
  );
}

function JoinForm({ showId, availableSlots }: { showId: number; availableSlots: number }) {
  const [quantity, setQuantity] = useState(String(Math.min(MAX_QUANTITY, availableSlots + 1)));
  const [error, setError] = useState<string | undefined>();
  const join = useJoinWaitlist();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = joinWaitlistRequestSchema.safeParse({ quantity: quantity === '' ? undefined : Number(quantity) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    join.mutate({ showId, quantity: parsed.data.quantity });
  }

  const serverError =
    join.isError &&
    (hasCode(join.error, 'PLACES_AVAILABLE')
      ? 'Those places are free right now: book them instead.'
      : explainError(join.error));
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3">
      <p className="text-slate-700">
        {availableSlots === 0
          ? 'Sold out. Join the waitlist and places that free up are held for you, in turn.'
          : `Need more than ${formatPlaces(availableSlots)}? Join the waitlist for them.`}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Places wanted"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          step={1}
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={error ?? (serverError || undefined)}
          className="sm:w-40"
        />
        <Button type="submit" disabled={join.isPending} className="sm:mt-6">
          {join.isPending ? 'Joining…' : 'Join the waitlist'}
        </Button>
      </div>
    </form>
  );
}
