import { endpoints } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

// Shared by the my-bookings page (cancel a booking) and the booking flow (release a hold).
export const cancelBooking = (bookingId: number) => call(endpoints.cancelBooking, { params: { id: bookingId } });

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelBooking,
    // Returned, so the mutation stays pending until the list shows the booking's new status.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() }),
  });
}
