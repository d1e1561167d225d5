import { AnimatePresence, m } from 'motion/react';
import { Card } from '@/components/ui/card';
import { MotionScope } from '@/components/ui/motion-scope';
import { FocusHeading } from '@/components/ui/focus-heading';
import { useBookingFlow } from '../hooks/use-booking-flow';
import { BookingOutcome } from './booking-outcome';
import { HeldBooking } from './held-booking';
import { QuantityForm } from './quantity-form';

/** One step of the flow at a time; steps cross-fade (or simply swap with reduced motion). */
type BookingPanelProps = {
  showId: number;
  availableSlots: number;
  /** Why new holds are impossible (sold out, started); an existing hold is still shown. */
  closedReason?: string;
};

export function BookingPanel({ showId, availableSlots, closedReason }: BookingPanelProps) {
  const { state, book } = useBookingFlow();
  return (
    <Card aria-labelledby="booking-heading" role="region" className="flex flex-col gap-4">
      <h2 id="booking-heading" className="text-lg font-semibold">
        Book places
      </h2>
      <MotionScope>
        <AnimatePresence mode="wait" initial={false}>
          <m.div
            key={state.step === 'confirming' ? 'held' : state.step}
            initial={{ opacity: 0, y: 6 }}
            animate={{ opacity: 1, y: 0 }}
            exit={{ opacity: 0, y: -6 }}
            transition={{ duration: 0.2 }}
            className="flex flex-col gap-4"
          >
            {state.step === 'choosing' || state.step === 'holding' ? (
              <>
                {state.step === 'choosing' && state.released && (
                  <div className="flex flex-col gap-1">
                    <FocusHeading className="font-semibold">Places released</FocusHeading>
                    <p className="text-slate-700">They went back to others. You can book again below.</p>
                  </div>
                )}
                {state.step === 'choosing' && state.problem && (
                  <p role="alert" className="rounded-xl bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
                    {state.problem}
                  </p>
                )}
                {closedReason && state.step === 'choosing' ? (
                  <p className="text-slate-700">{closedReason}</p>
                ) : (
                  <QuantityForm
                    showId={showId}
                    availableSlots={availableSlots}
                    busy={state.step === 'holding'}
                    serverError={state.step === 'choosing' ? state.quantityError : undefined}
                    onBook={(quantity) => void book(quantity)}
                  />
                )}
              </>
            ) : state.step === 'held' || state.step === 'confirming' ? (
              <HeldBooking />
            ) : (
              <BookingOutcome />
            )}
          </m.div>
        </AnimatePresence>
      </MotionScope>
    </Card>
  );
}
