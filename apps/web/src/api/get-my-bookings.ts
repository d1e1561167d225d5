import { bookingEndpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

// Shared by the my-bookings page and the booking flow, which looks here for a hold whose answer was lost.
export const getMyBookings = (signal?: AbortSignal) => call(bookingEndpoints.myBookings, { signal });

export const getMyBookingsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.personal.myBookings(),
    queryFn: ({ signal }) => getMyBookings(signal),
  });

export const useMyBookings = () => useQuery(getMyBookingsQueryOptions());
