import { endpoints, type CreateBookingRequest } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { hasCode } from '@/lib/api-error';
import { queryKeys } from '@/lib/query-keys';
import { observeServerTime } from '@/lib/server-clock';

/** Holds slots; the new booking's createdAt is the server's "now", which calibrates our countdown. */
export async function createBooking(body: CreateBookingRequest) {
  const sentAt = Date.now();
  const booking = await call(endpoints.createBooking, { body });
  observeServerTime(Date.parse(booking.createdAt), sentAt, Date.now());
  return booking;
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onError: (error) => {
      // Our counts were out of date: fetch the truth rather than wait for the next live update.
      if (hasCode(error, 'SOLD_OUT', 'SHOW_STARTED'))
        void queryClient.invalidateQueries({ queryKey: queryKeys.shows.all });
    },
  });
}
