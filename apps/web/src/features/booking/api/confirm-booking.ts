import { endpoints } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export const confirmBooking = (bookingId: number) => call(endpoints.confirmBooking, { body: { bookingId } });

export function useConfirmBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmBooking,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() }),
  });
}
