import { bookingEndpoints } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callIdempotent } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';
import { repeatPolicy, repeatUntilAnswered } from '@/lib/repeat-until-answered';

/**
 * Shared by the booking flow and a waitlist offer (both confirm a PENDING booking). Each call is one attempt with
 * its own key, repeated as-is if the answer is lost.
 */
export function confirmBooking(bookingId: number) {
  const idempotencyKey = newIdempotencyKey();
  return repeatUntilAnswered(
    async () =>
      (
        await callIdempotent(bookingEndpoints.confirmBooking, {
          body: { bookingId },
          idempotencyKey,
          timeoutMs: repeatPolicy.timeoutMs,
        })
      ).data,
  );
}

export function useConfirmBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmBooking,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myWaitlistEntries() });
    },
  });
}
