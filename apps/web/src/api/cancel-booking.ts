import { bookingEndpoints } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callIdempotent } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';
import { repeatPolicy, repeatUntilAnswered } from '@/lib/repeat-until-answered';

/**
 * Shared by the my-bookings page (cancel a booking) and the booking flow (release a hold). Each call is
 * one attempt with its own key, repeated as-is if the answer is lost.
 */
export function cancelBooking(bookingId: number) {
  const idempotencyKey = newIdempotencyKey();
  return repeatUntilAnswered(
    async () =>
      (
        await callIdempotent(bookingEndpoints.cancelBooking, {
          params: { id: bookingId },
          idempotencyKey,
          timeoutMs: repeatPolicy.timeoutMs,
        })
      ).data,
  );
}

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelBooking,
    // Returned, so the mutation stays pending until the list shows the booking's new status.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() }),
  });
}
