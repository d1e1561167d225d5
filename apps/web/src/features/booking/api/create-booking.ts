import { type Booking, bookingEndpoints, type CreateBookingRequest } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callIdempotent } from '@/lib/api-client';
import { hasCode } from '@/lib/api-error';
import { queryKeys } from '@/lib/query-keys';
import { repeatPolicy, repeatUntilAnswered } from '@/lib/repeat-until-answered';
import { observeServerTime } from '@/lib/server-clock';
import { getBooking } from './get-booking';

export interface CreateBookingInput {
  body: CreateBookingRequest;
  /** One key per attempt to book: a lost answer is recovered by sending the same key again. */
  idempotencyKey: string;
}

/**
 * Holds slots, at most once per key however often the answer is lost. A fresh booking's createdAt is
 * the server's "now", which calibrates our countdown; a replayed one is the first answer, possibly
 * old, so we read the booking's state today instead.
 */
export async function createBooking({ body, idempotencyKey }: CreateBookingInput): Promise<Booking> {
  return repeatUntilAnswered(async (attempt) => {
    const sentAt = Date.now();
    const { data: booking, replayed } = await callIdempotent(bookingEndpoints.createBooking, {
      body,
      idempotencyKey,
      timeoutMs: repeatPolicy.timeoutMs,
    });
    if (replayed) return getBooking(booking.id);
    // A repeat whose replay marker did not reach us (say, a proxy dropped it) would skew the clock.
    if (attempt === 0) observeServerTime(Date.parse(booking.createdAt), sentAt, Date.now());
    return booking;
  });
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() }),
    onError: (error) => {
      // Our counts were out of date: fetch the truth rather than wait for the next live update.
      if (hasCode(error, 'SOLD_OUT', 'SHOW_STARTED'))
        void queryClient.invalidateQueries({ queryKey: queryKeys.shows.all });
    },
  });
}
