import type { Booking } from '@holdfast/contracts';
import { createContext, useContext } from 'react';

/** Each step of booking one show, as the person sees it. */
export type BookingStep =
  | { step: 'choosing'; problem?: string; quantityError?: string }
  | { step: 'holding' }
  | { step: 'held'; booking: Booking; problem?: string }
  | { step: 'confirming'; booking: Booking }
  | { step: 'confirmed'; booking: Booking }
  | { step: 'expired' }
  | { step: 'cancelled' }
  | { step: 'checking' }
  | { step: 'unreachable' };

export interface BookingFlow {
  state: BookingStep;
  book: (quantity: number) => Promise<void>;
  confirm: () => Promise<void>;
  release: () => Promise<void>;
  /** The countdown reached zero: the server will refuse a confirm now, so say so. */
  holdRanOut: () => void;
  startOver: () => void;
  checkAgain: () => Promise<void>;
}

export const BookingFlowContext = createContext<BookingFlow | null>(null);

export function useBookingFlow(): BookingFlow {
  const flow = useContext(BookingFlowContext);
  if (!flow) throw new Error('useBookingFlow must be used inside <BookingFlowProvider>');
  return flow;
}
