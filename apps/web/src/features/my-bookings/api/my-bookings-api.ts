import { endpoints } from '@holdfast/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';

export const myBookingsQuery = () =>
  queryOptions({
    queryKey: ['bookings', 'mine'] as const,
    queryFn: ({ signal }) => call(endpoints.myBookings, { signal }),
  });

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bookingId: number) => call(endpoints.cancelBooking, { params: { id: bookingId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['bookings'] }),
  });
}
