import { useState } from 'react';
import { useCancelBooking } from '@/api/cancel-booking';
import { Button } from '@/components/ui/button';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';

/** Cancelling frees slots for others and cannot be undone, so it takes a second, explicit step. */
/** onCancel: told when "Yes, cancel" is pressed (this component is gone by the time the list shows the result). */
type CancelBookingProps = { bookingId: number; showName: string; onCancel?: () => void };

export function CancelBooking({ bookingId, showName, onCancel }: CancelBookingProps) {
  const [asking, setAsking] = useState(false);
  const cancel = useCancelBooking();

  if (cancel.isError) {
    const message = hasCode(cancel.error, 'BOOKING_NOT_CANCELLABLE')
      ? 'This booking can no longer be cancelled.'
      : explainError(cancel.error);
    return (
      <p role="alert" className="text-sm text-rose-700">
        {message}
      </p>
    );
  }
  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        Cancel booking
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Cancel ${showName}?`} className="flex flex-wrap items-center gap-2">
      <span className="text-sm">Cancel this booking? Its places go back to others.</span>
      <Button
        variant="danger"
        disabled={cancel.isPending}
        onClick={() => {
          onCancel?.();
          cancel.mutate(bookingId);
        }}
      >
        {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
      </Button>
      <Button variant="ghost" disabled={cancel.isPending} onClick={() => setAsking(false)}>
        Keep booking
      </Button>
    </div>
  );
}
