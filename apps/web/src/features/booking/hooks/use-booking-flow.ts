import { createContext, useContext } from 'react';
import type { BookingState } from '../model/booking-flow';

export interface BookingFlow {
  state: BookingState;
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
