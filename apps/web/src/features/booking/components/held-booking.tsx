import { Button } from '@/components/ui/button';
import { FocusHeading } from '@/components/ui/focus-heading';
import { formatPlaces } from '@/lib/format';
import { useBookingFlow } from '../hooks/use-booking-flow';
import { HoldCountdown } from '@/components/hold-countdown';

export function HeldBooking() {
  const { state, confirm, release, holdRanOut } = useBookingFlow();
  if (state.step !== 'held' && state.step !== 'confirming') return null;
  const confirming = state.step === 'confirming';
  return (
    <div className="flex flex-col items-center gap-4 text-center">
      <FocusHeading className="text-xl font-bold">Places held</FocusHeading>
      <p className="text-base">
        <strong>{formatPlaces(state.booking.quantity)}</strong> held for you. Confirm before the time runs out.
      </p>
      {state.step === 'held' && state.note && (
        <p role="status" className="rounded-xl bg-indigo-50 px-3 py-2 text-indigo-900 ring-1 ring-indigo-200">
          {state.note}
        </p>
      )}
      <HoldCountdown expiresAt={state.booking.expiresAt} onExpire={holdRanOut} />
      {state.step === 'held' && state.problem && (
        <p role="alert" className="text-rose-700">
          {state.problem}
        </p>
      )}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={() => void confirm()} disabled={confirming}>
          {confirming ? 'Confirming…' : 'Confirm booking'}
        </Button>
        <Button variant="ghost" onClick={() => void release()} disabled={confirming}>
          Release places
        </Button>
      </div>
    </div>
  );
}
